// Errors at their field, in the user's words: the browser's own findings
// (unreadable input) and the service's 422 list, each named by the field's
// label and said as a sentence in the interface language, next to the field
// (once it was touched, or all of them after "Create PDF"), in the plan's
// list and in the summary above the form.
import { REVEAL_EVENT } from './actions_menu.js';
import { $, form, isControl } from './dom.js';
import { formatAmount } from './amount.js';
import { formatDate, t } from './i18n.js';
import { sentRowIndexes, unreadableFields } from './request.js';

let showAll = false;
let lastErrors = [];
let errorCount = 0;

export const shownErrors = () => lastErrors;
export function showAllErrors(on) {
  showAll = on;
}

export function markTouched(input) {
  if (isControl(input)) input.dataset.touched = '';
}

// Every field with a value counts as touched (the form was filled for the
// user); nothing else does.
export function resetTouched() {
  form.querySelectorAll('[data-touched]').forEach((node) => delete node.dataset.touched);
  for (const input of form.querySelectorAll('input, select, textarea')) {
    const filled = input.type === 'checkbox' ? input.checked : input.value.trim() !== '';
    if (filled) markTouched(input);
  }
}

// A pointer of the sent request → the same pointer on screen (rows with
// nothing in them are not sent, so positions can differ).
function screenPointer(pointer) {
  for (const [list, indexes] of Object.entries(sentRowIndexes())) {
    if (pointer === list || !pointer.startsWith(`${list}/`)) continue;
    const rest = pointer.slice(list.length + 1);
    const slash = rest.indexOf('/');
    const index = Number(slash < 0 ? rest : rest.slice(0, slash));
    if (!Number.isInteger(index) || indexes[index] === undefined) return pointer;
    return `${list}/${indexes[index]}${slash < 0 ? '' : rest.slice(slash)}`;
  }
  return pointer;
}

const byPointer = (pointer) =>
  form.querySelector(`[data-pointer="${CSS.escape(pointer)}"], [data-also="${CSS.escape(pointer)}"]`);

// The element a pointer names: the field itself, else the first field
// inside it, else the nearest enclosing one; null if none.
export function elementFor(requestPointer) {
  const pointer = screenPointer(requestPointer);
  const exact = byPointer(pointer);
  if (exact) return exact;
  const inside = form.querySelector(`[data-pointer^="${CSS.escape(`${pointer}/`)}"]`);
  if (inside && pointer !== '') return inside;
  let current = pointer;
  while (current.includes('/')) {
    current = current.slice(0, current.lastIndexOf('/'));
    if (current === '') break;
    const found = byPointer(current);
    if (found) return found;
  }
  return null;
}

export function focusTarget(target) {
  const focusable = isControl(target) ? target : target.querySelector('input, select, textarea, button');
  if (!focusable) return;
  const details = focusable.closest('details');
  if (details) details.open = true;
  focusable.focus();
  focusable.scrollIntoView({ block: 'center', behavior: 'auto' });
}

// The words of a label or legend: its own text and row number, not its hints.
function wordsOf(node) {
  const own = node.querySelector(':scope > [data-i18n]:not(.hint)');
  const number = node.querySelector(':scope > .row-number');
  const numberText = number ? number.textContent : '';
  const text = own ? own.textContent : node.dataset.i18n ? node.textContent.replace(numberText, '') : '';
  return `${text}${numberText}`.replace(/\s+/g, ' ').trim();
}

// A field's name for a message: its label, with its section and row.
function nameOf(target) {
  let label = '';
  if (isControl(target) && target.id) {
    const node = form.querySelector(`label[for="${CSS.escape(target.id)}"]`);
    if (node) label = wordsOf(node);
  } else {
    const legend = target.querySelector('legend, .rows-heading');
    if (legend) label = wordsOf(legend);
  }
  const group = target.closest('fieldset.sub') || target.closest('.letter-form > fieldset');
  const section = group && group !== target ? group.querySelector('legend') : null;
  const sectionName = section ? wordsOf(section) : '';
  if (sectionName && label && !label.toLowerCase().includes(sectionName.toLowerCase())) {
    return t('err.field_in_section', { section: sectionName, field: label });
  }
  return label || sectionName;
}

// The service's messages (English, for developers) → the interface's
// sentences; anything else is shown with the field's name.
const MESSAGE_RULES = [
  [/^needs an organization or a name/, 'err.org_or_name'],
  [/^is required(: | when )the contract has no term/, 'err.notice_required'],
  [/^is required for an amount when the contract has no currency/, 'err.currency_needed'],
  [/^(is required|must not be empty|must not be null|needs at least one line)$/, 'err.required'],
  [/^must not be negative/, 'err.negative'],
  [/^must be between (-?\d+) and (-?\d+)(?: (days|weeks|months))?/, 'err.between'],
  [/^must be at most (\d+) characters/, 'err.too_long'],
  [/^must have at most (\d+)/, 'err.too_many'],
  [/^must be a date written YYYY-MM-DD|^must be a date string/, 'err.date'],
  [/^must be a date from (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/, 'err.date_range'],
  [/^is (\d{4}-\d{2}-\d{2}), before the letter date (\d{4}-\d{2}-\d{2})/, 'err.receipt_before_letter'],
  [/^not a real date/, 'err.not_real_date'],
  [/^must be a two-letter ISO 3166|^is not an ISO 3166/, 'err.country'],
  [/^must be a three-letter ISO 4217|^is not an ISO 4217/, 'err.currency'],
  [/^must be a whole number of ([A-Z]{3})/, 'err.whole_currency'],
  [/^must have at most one decimal in ([A-Z]{3})/, 'err.one_decimal'],
  [/^must be a decimal number|^must have at most two decimals|^is too large|^write amounts as/, 'err.amount'],
  [/^is not an e-mail address/, 'err.email'],
  [/^must be a (whole )?number/, 'err.number'],
  [/^must not contain/, 'err.characters'],
  [/^is not in the reason catalog/, 'err.reason'],
  [/^is earlier than the contract allows; the earliest lawful end date is (\d{4}-\d{2}-\d{2})/, 'err.too_early'],
  [/^must be one of/, 'err.choice'],
];

// A party the form left out because every field of it is empty is "required"
// to the service; to the user it lacks what it always lacks then: an
// organization or a name (as a party with only an address is told).
const PARTY = /^\/(sender|recipient)$/;

function explain(target, pointer, message) {
  const field = (target && nameOf(target)) || pointer || t('err.the_request');
  if (PARTY.test(pointer) && message === 'is required') message = 'needs an organization or a name';
  for (const [pattern, key] of MESSAGE_RULES) {
    const match = pattern.exec(message);
    if (!match) continue;
    const [a, b] = match.slice(1, 3).map((value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, 'long') : value));
    // "120 months": the unit in the user's language.
    const range = match[3] ? `${b} ${t(`range.${match[3]}`)}` : b;
    return t(key, { field, a, b: range, example: formatAmount('1250.00') });
  }
  return t('err.other', { field, detail: message });
}

// The browser's findings: {pointer, text, target} per unreadable field.
export const clientErrors = () =>
  unreadableFields().map((input) => ({
    pointer: input.dataset.pointer || '',
    text: t(input.type === 'date' ? 'err.date_incomplete' : 'err.number', { field: nameOf(input) }),
    target: input,
  }));

// The browser's findings first; the service's for the same fields are then
// about the value it did not get, so they are left out.
export function mergeErrors(local, remote) {
  const mine = new Set(local.map((e) => e.pointer));
  return [...local, ...remote.filter((e) => !mine.has(screenPointer(e.pointer || '')))];
}

function clearInlineErrors() {
  form.querySelectorAll('.field-error[data-generated]').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    const kept = (node.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.startsWith('error-'));
    if (kept.length > 0) node.setAttribute('aria-describedby', kept.join(' '));
    else node.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.has-error').forEach((node) => node.classList.remove('has-error'));
}

export function clearErrors() {
  lastErrors = [];
  clearInlineErrors();
  $('error-list').replaceChildren();
  $('error-summary').hidden = true;
  $('plan-problems').replaceChildren();
  $('plan-problems-box').hidden = true;
}

// A link that focuses `target` (or plain text without one).
export function linkTo(target, content) {
  const link = document.createElement('a');
  link.href = `#${target && target.id ? target.id : 'letter-form'}`;
  link.append(content);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    if (target) focusTarget(target);
  });
  return link;
}

function showInline(target, text) {
  const note = document.createElement('p');
  note.className = 'field-error';
  note.dataset.generated = '';
  note.id = `error-${++errorCount}`;
  note.textContent = text;
  const holder = isControl(target) ? target.closest('.field') || target.parentElement : target;
  holder.classList.add('has-error');
  const folded = holder.closest('details');
  if (folded) folded.open = true;
  holder.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
  if (isControl(target)) {
    target.setAttribute('aria-invalid', 'true');
    const described = target.getAttribute('aria-describedby');
    target.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
    holder.appendChild(note);
  } else {
    const heading = target.querySelector(':scope > legend, :scope > .rows-heading');
    if (heading) heading.after(note);
    else target.prepend(note);
  }
}

// Shows errors ({pointer, message} from the service, or {pointer, text,
// target} from the browser); `summary` opens the summary above the form.
export function showErrors(errors, { summary }) {
  clearInlineErrors();
  lastErrors = errors;
  const lists = [$('plan-problems'), $('error-list')];
  lists.forEach((list) => list.replaceChildren());
  for (const error of errors) {
    const pointer = error.pointer || '';
    const target = error.target || elementFor(pointer);
    const text = error.text || explain(target, pointer, error.message || '');
    const touched =
      error.target || (target && (isControl(target) ? 'touched' in target.dataset : target.querySelector('[data-touched]')));
    if (target && (showAll || touched)) showInline(target, text);
    for (const list of lists) {
      const item = document.createElement('li');
      item.append(target ? linkTo(target, text) : text);
      list.appendChild(item);
    }
  }
  $('plan-problems-box').hidden = errors.length === 0;
  $('error-summary-detail').hidden = true;
  $('error-summary-heading').textContent =
    errors.length === 1 ? t('summary.one') : t('summary.many', { count: errors.length });
  if (summary) $('error-summary').hidden = errors.length === 0;
}

// A problem that names no field (400, 413, 5xx, offline).
export function showGeneralProblem(message) {
  clearInlineErrors();
  $('error-list').replaceChildren();
  $('error-summary-heading').textContent = t('summary.failed');
  $('error-summary-detail').textContent = message;
  $('error-summary-detail').hidden = false;
  $('error-summary').hidden = false;
}
