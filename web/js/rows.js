// Repeated rows (situations, projects, hand-over items, alternatives): each
// row's fields get ids, numbered accessible names and JSON pointers by
// position; empty rows are not sent, and the sent positions are mapped back
// to the rows on screen.
import { $, form } from './dom.js';
import { t } from './i18n.js';

export const rowContainers = () => Array.from(form.querySelectorAll('.rows[data-list]'));
export const rowsOf = (container) => Array.from(container.querySelector('.row-list').children);

export function renumber(container) {
  const list = container.dataset.list;
  const noun = container.dataset.noun;
  const scalar = container.dataset.scalar;
  const slug = list.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
  rowsOf(container).forEach((row, index) => {
    const n = index + 1;
    row.querySelectorAll('[data-field]').forEach((input) => {
      const field = input.dataset.field;
      input.id = `${slug}-${index}-${field}`;
      input.dataset.pointer = scalar ? `${list}/${index}` : `${list}/${index}/${field}`;
      const label = row.querySelector(`label[data-for="${field}"]`);
      if (label) {
        label.htmlFor = input.id;
        let number = label.querySelector('.row-number');
        if (!number) {
          number = document.createElement('span');
          number.className = 'visually-hidden row-number';
          label.appendChild(number);
        }
        number.textContent = t(`${noun}.suffix`, { n });
      }
    });
    row.querySelector('.remove-row').setAttribute('aria-label', t(`${noun}.remove`, { n }));
    row.dataset.pointer = `${list}/${index}`;
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', t(`${noun}.name`, { n }));
  });
  container.dataset.pointer = list;
  container.classList.toggle('is-empty', rowsOf(container).length === 0);
}

// A new row at the end, filled from `values` (an object, or the scalar).
export function addRow(container, values = {}) {
  const row = $(container.dataset.template).content.firstElementChild.cloneNode(true);
  const scalar = container.dataset.scalar;
  row.querySelectorAll('[data-field]').forEach((input) => {
    const value = scalar ? values : values[input.dataset.field];
    if (typeof value === 'string' || typeof value === 'number') input.value = String(value);
  });
  container.querySelector('.row-list').appendChild(row);
  renumber(container);
  return row;
}

// A multi-line text as the letter takes it: one paragraph.
const oneParagraph = (text) => text.split(/\s*\n\s*/).filter((l) => l !== '').join(' ').trim();

// {items, indexes}: the rows as the request sends them, and for each sent
// item the index of its row on screen.
export function readRows(container) {
  const items = [];
  const indexes = [];
  const scalar = container.dataset.scalar;
  rowsOf(container).forEach((row, rowIndex) => {
    const item = {};
    row.querySelectorAll('[data-field]').forEach((input) => {
      const value = input.dataset.type === 'paragraph' ? oneParagraph(input.value) : input.value.trim();
      if (value !== '') item[input.dataset.field] = value;
    });
    // A row with only a half-typed date is not empty: it is sent, and its
    // date is reported.
    const unreadable = Array.from(row.querySelectorAll('input')).some((i) => i.validity.badInput);
    if (Object.keys(item).length === 0 && !unreadable) return;
    items.push(scalar ? item[scalar] : item);
    indexes.push(rowIndex);
  });
  return { items, indexes };
}
