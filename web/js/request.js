// The form and the letter request: a request into the fields (an example),
// the fields into a request (empty optional fields and switches left at the
// service's default are not sent), and a snapshot of everything on screen
// for the draft and for undo.
import { $, form } from './dom.js';
import { formatAmount, parseAmount } from './amount.js';
import { getAt, setAt } from './pointer.js';
import { checkedReasons } from './reasons.js';
import { addRow, readRows, rowContainers, rowsOf } from './rows.js';

export const pathInputs = () => Array.from(form.querySelectorAll('[data-path]'));

function defaultValueOf(input) {
  if (input.type === 'checkbox') return input.defaultChecked;
  if (input.tagName === 'SELECT') {
    const selected = Array.from(input.options).find((option) => option.defaultSelected);
    return (selected || input.options[0]).value;
  }
  return '';
}

const openLegalDetails = () => {
  $('legal-details').open = pathInputs().some((i) => i.closest('#legal-details') && i.value !== '');
};

// Fills the form from a request; returns its reason ids.
export function fillFromRequest(request) {
  for (const input of pathInputs()) {
    const value = getAt(request, input.dataset.path);
    switch (input.dataset.type) {
      case 'bool':
      case 'flag':
        input.checked = typeof value === 'boolean' ? value : input.defaultChecked;
        break;
      case 'lines':
        input.value = Array.isArray(value) ? value.join('\n') : '';
        break;
      case 'tristate':
        input.value = value === true ? 'true' : value === false ? 'false' : '';
        break;
      case 'amount':
        input.value = typeof value === 'string' ? formatAmount(value) : '';
        break;
      default:
        input.value = value === undefined || value === null ? defaultValueOf(input) : String(value);
    }
  }
  for (const container of rowContainers()) {
    container.querySelector('.row-list').replaceChildren();
    const items = getAt(request, container.dataset.list);
    for (const item of Array.isArray(items) ? items : []) addRow(container, item);
  }
  openLegalDetails();
  const reasons = getAt(request, '/termination/reasons');
  return Array.isArray(reasons) ? reasons : [];
}

// Where each sent list item is on screen (see readRows), as of the last
// readForm().
let rowIndexes = {};
export const sentRowIndexes = () => rowIndexes;

export function readForm() {
  const request = {};
  for (const input of pathInputs()) {
    const path = input.dataset.path;
    if (input.dataset.requires && getAt(request, input.dataset.requires) === undefined) continue;
    const raw = input.type === 'checkbox' ? input.checked : input.value.trim();
    switch (input.dataset.type) {
      case 'bool':
        setAt(request, path, raw);
        break;
      case 'flag':
        if (raw !== input.defaultChecked) setAt(request, path, raw);
        break;
      case 'lines': {
        const lines = input.value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        if (lines.length > 0) setAt(request, path, lines);
        break;
      }
      case 'int':
        // Not a whole number: sent as typed, so the service says what is wrong.
        if (raw !== '') setAt(request, path, /^-?\d+$/.test(raw) ? Number(raw) : raw);
        break;
      case 'amount':
        if (raw !== '') setAt(request, path, parseAmount(raw) || raw);
        break;
      case 'tristate':
        if (raw !== '') setAt(request, path, raw === 'true');
        break;
      default:
        if (raw !== '') setAt(request, path, input.dataset.case === 'upper' ? raw.toUpperCase() : raw);
    }
  }
  setAt(request, '/termination/reasons', checkedReasons());
  rowIndexes = {};
  for (const container of rowContainers()) {
    const { items, indexes } = readRows(container);
    rowIndexes[container.dataset.list] = indexes;
    if (items.length > 0) setAt(request, container.dataset.list, items);
  }
  // Goodwill "none" with nothing else is no goodwill at all.
  if (request.goodwill && Object.keys(request.goodwill).length === 1 && request.goodwill.kind === 'none') {
    delete request.goodwill;
  }
  return request;
}

// Fields whose text the browser could not read as a value (a date typed
// half, "1e" in a number): never sent as if they were empty.
export const unreadableFields = () =>
  Array.from(form.querySelectorAll('input')).filter((input) => input.validity && input.validity.badInput);

// Everything on screen, empty rows included.
export function snapshot() {
  const fields = {};
  for (const input of pathInputs()) fields[input.id] = input.type === 'checkbox' ? input.checked : input.value;
  const rows = {};
  for (const container of rowContainers()) {
    rows[container.dataset.list] = rowsOf(container).map((row) => {
      const item = {};
      row.querySelectorAll('[data-field]').forEach((input) => {
        item[input.dataset.field] = input.value;
      });
      return item;
    });
  }
  return { version: 1, fields, rows, reasons: checkedReasons() };
}

// Puts a snapshot back on screen; returns its reason ids.
export function restore(state) {
  for (const input of pathInputs()) {
    const value = state.fields ? state.fields[input.id] : undefined;
    if (input.type === 'checkbox') input.checked = typeof value === 'boolean' ? value : input.defaultChecked;
    else input.value = typeof value === 'string' ? value : defaultValueOf(input);
    if (input.tagName === 'SELECT' && input.selectedIndex < 0) input.value = defaultValueOf(input);
  }
  for (const container of rowContainers()) {
    container.querySelector('.row-list').replaceChildren();
    const items = state.rows ? state.rows[container.dataset.list] : [];
    for (const item of Array.isArray(items) ? items : []) {
      const row = addRow(container);
      row.querySelectorAll('[data-field]').forEach((input) => {
        const value = item && item[input.dataset.field];
        if (typeof value === 'string') input.value = value;
      });
    }
  }
  openLegalDetails();
  return Array.isArray(state.reasons) ? state.reasons.filter((r) => typeof r === 'string') : [];
}

// The empty form, keeping the letter's language (a choice, not input).
export function blankState() {
  const fields = {};
  for (const input of pathInputs()) fields[input.id] = defaultValueOf(input);
  fields.language = $('language').value;
  const rows = {};
  for (const container of rowContainers()) rows[container.dataset.list] = [];
  return { version: 1, fields, rows, reasons: [] };
}

export const isBlank = () =>
  JSON.stringify(snapshot()) === JSON.stringify(blankState()) && unreadableFields().length === 0;
