// Each date field's date written out in the interface language beside it
// ("22. November 2026", "22 พฤศจิกายน 2569"), since the browser's own date
// field follows the browser's locale, not the interface's: the field names
// it as its description (aria-describedby), so a screen reader says it too.
import { form } from './dom.js';
import { formatDate } from './i18n.js';

const DATE_FIELDS = 'input[type="date"]';
let count = 0;

// The text beside `input`, made the first time.
function wordsOf(input) {
  const existing = input.dataset.wordsId && document.getElementById(input.dataset.wordsId);
  if (existing) return existing;
  const words = document.createElement('span');
  words.className = 'date-words';
  words.id = `date-words-${++count}`;
  input.dataset.wordsId = words.id;
  input.after(words);
  const described = input.getAttribute('aria-describedby');
  input.setAttribute('aria-describedby', described ? `${described} ${words.id}` : words.id);
  return words;
}

function showDateWords(input) {
  // A half-typed date has no value: nothing is written out for it.
  wordsOf(input).textContent = input.value ? formatDate(input.value, 'long') : '';
}

// Every date field, after the form was filled or the interface language changed.
export function showAllDateWords() {
  form.querySelectorAll(DATE_FIELDS).forEach(showDateWords);
}

export function watchDateWords() {
  const update = (event) => {
    if (event.target.matches(DATE_FIELDS)) showDateWords(event.target);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  showAllDateWords();
}
