// The reason checkboxes: labelled in the interface language, with the
// letter's wording beneath as a preview (two /v1/reasons catalogs, each
// fetched once).
import { $, form } from './dom.js';
import { api, AuthRequired, problemOf } from './api.js';
import { setLetterLocales, t, ui } from './i18n.js';

const catalogs = {};
let ticketCount = 0;
let loaded = false;
let pending = [];  // checked while the catalog is not (yet) shown

export function checkedReasons() {
  if (!loaded) return pending.slice();
  return Array.from(form.querySelectorAll('#reason-list input:checked')).map((box) => box.value);
}

// Keeps the checked ids while the list is being replaced.
export function rememberChecked() {
  pending = checkedReasons();
}

function catalog(language) {
  if (!catalogs[language]) {
    catalogs[language] = api(`/v1/reasons?language=${encodeURIComponent(language)}`)
      .then(async (response) => {
        if (!response.ok) throw new Error((await problemOf(response)).message);
        const body = await response.json();
        return new Map(body.reasons.map((reason) => [reason.id, reason.label]));
      })
      .catch((error) => {
        delete catalogs[language];
        throw error;
      });
  }
  return catalogs[language];
}

function reasonItem(id, label, wording, letter, checked) {
  const item = document.createElement('div');
  item.className = 'check reason';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = `reason-${id}`;
  box.value = id;
  box.checked = checked;
  const text = document.createElement('label');
  text.htmlFor = box.id;
  text.textContent = label || wording;
  item.append(box, text);
  if (letter !== ui()) {
    const preview = document.createElement('span');
    preview.className = 'reason-preview';
    preview.id = `reason-${id}-preview`;
    preview.lang = letter;
    preview.textContent = wording;
    box.setAttribute('aria-describedby', preview.id);
    item.append(preview);
  }
  return item;
}

// Shows the catalog for the current interface and letter languages with
// `checked` ticked; a later call wins over an earlier one still loading.
export async function loadReasons(checked) {
  const ticket = ++ticketCount;
  const letter = $('language').value;
  const list = $('reason-list');
  pending = checked.slice();
  try {
    const [own, wording] = await Promise.all([catalog(ui()), catalog(letter)]);
    if (ticket !== ticketCount) return;
    const focusedId = document.activeElement && document.activeElement.id;
    list.replaceChildren(
      ...Array.from(wording, ([id, text]) => reasonItem(id, own.get(id), text, letter, checked.includes(id))),
    );
    list.lang = ui();
    list.dataset.letterLanguage = letter;
    loaded = true;
    if (focusedId && $(focusedId)) $(focusedId).focus();
  } catch (error) {
    if (ticket !== ticketCount) return;
    loaded = false;
    const note = document.createElement('p');
    note.className = 'field-error';
    note.textContent =
      error instanceof AuthRequired ? t('reasons.need_key') : t('reasons.failed', { detail: error.message });
    list.replaceChildren(note);
  }
}

// The letter languages the service offers, named in their own language.
export async function loadLanguages() {
  try {
    const response = await api('/v1/languages');
    if (!response.ok) return;
    const { languages } = await response.json();
    if (!Array.isArray(languages) || languages.length === 0) return;
    setLetterLocales(languages);
    const select = $('language');
    const current = select.value;
    select.replaceChildren(
      ...languages.map((language) => {
        const option = new Option(language.name, language.code);
        option.lang = language.code;
        return option;
      }),
    );
    select.value = current;
  } catch (_) {
    // The built-in list stays.
  }
}
