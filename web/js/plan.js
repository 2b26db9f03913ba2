// The live plan beside the form: asked for a moment after the user stops
// typing, shown with the date the client must receive the letter by first
// (when the service gives one), the end date, how it was derived, other
// routes, notes, warnings linked to their field and the letter's sections;
// its gist also rides with the action buttons (a phone's view of the plan).
import { $ } from './dom.js';
import { api, AuthRequired, problemOf } from './api.js';
import { showAllDateWords } from './date_words.js';
import { clearErrors, clientErrors, elementFor, linkTo, mergeErrors, showErrors } from './errors.js';
import { formatDate, letterLocale, locale, t, ui } from './i18n.js';
import { isBlank, readForm } from './request.js';

const PLAN_DELAY_MS = 350;

let timer = 0;
let abort = null;
let ticketCount = 0;
let lastPlan = null;
let status = { key: 'plan.empty', params: {}, kind: '' };

export function schedulePlan() {
  clearTimeout(timer);
  timer = setTimeout(updatePlan, PLAN_DELAY_MS);
}

function setPlanStatus(key, params = {}, kind = '') {
  status = { key, params, kind };
  $('plan-status').textContent = t(key, params);
  $('plan-status').dataset.kind = kind;
}

function planUnavailable() {
  lastPlan = null;
  $('plan-body').hidden = true;
  $('actions-plan').hidden = true;
}

export async function updatePlan() {
  clearTimeout(timer);
  showAllDateWords();  // the form may have been filled without input events
  if (abort) abort.abort();
  const ticket = ++ticketCount;
  if (isBlank()) {
    clearErrors();
    planUnavailable();
    setPlanStatus('plan.empty');
    return;
  }
  abort = new AbortController();
  const request = readForm();
  const local = clientErrors();
  $('plan').setAttribute('aria-busy', 'true');
  try {
    const response = await api('/v1/letters/plan', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      signal: abort.signal,
    });
    if (ticket !== ticketCount) return;
    let errors = local;
    let plan = null;
    let general = null;
    if (response.ok) {
      plan = await response.json();
    } else {
      const problem = await problemOf(response);
      if (problem.status === 422 && problem.errors.length > 0) errors = mergeErrors(local, problem.errors);
      else general = problem.message;
    }
    if (ticket !== ticketCount) return;
    if (errors.length > 0) {
      planUnavailable();
      showErrors(errors, { summary: !$('error-summary').hidden });
      setPlanStatus(errors.length === 1 ? 'plan.status_one' : 'plan.status_many', { count: errors.length }, 'problem');
    } else if (general) {
      clearErrors();
      planUnavailable();
      setPlanStatus('plan.failed', { detail: general }, 'problem');
    } else {
      clearErrors();
      showPlan(plan);
    }
  } catch (error) {
    if (error.name === 'AbortError' || ticket !== ticketCount) return;
    planUnavailable();
    setPlanStatus(error instanceof AuthRequired ? 'plan.need_key' : 'problem.offline', {}, 'problem');
  } finally {
    if (ticket === ticketCount) $('plan').removeAttribute('aria-busy');
  }
}

// Text with its ISO dates kept on one line (Chromium breaks after hyphens).
const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The plan's dates as the letter writes them → as the interface does, for
// texts the service wrote in the interface's own language but the letter's
// locale (an English letter is en-US, the English interface en-GB): the
// panel then writes every date one way. Texts in another language than the
// interface's keep their dates, as a preview of the letter's wording.
function letterDates(plan, letter) {
  const where = letterLocale(letter);
  if (letter !== ui() || !where || where === locale()) return new Map();
  const dates = new Map();
  for (const [iso] of JSON.stringify(plan).matchAll(ISO_DATE)) {
    for (const style of ['full', 'long']) {
      const written = formatDate(iso, style, where);
      if (written !== iso) dates.set(written, formatDate(iso, style));
    }
  }
  return dates;
}

// The text with its dates unbroken across lines, the letter's dates written
// the interface's way (`dates`, from letterDates).
function withDates(text, dates = new Map()) {
  text = String(text);
  const fragment = document.createDocumentFragment();
  // Longest first, so that "Monday, November 30, 2026" wins over "November 30, 2026".
  const written = [...dates.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp([...written, ISO_DATE.source].join('|'), 'g');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    fragment.append(text.slice(last, match.index));
    const date = document.createElement('span');
    date.className = 'nowrap';
    date.textContent = dates.get(match[0]) || match[0];
    fragment.append(date);
    last = match.index + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function listInto(list, items, render) {
  list.replaceChildren(...items.map(render));
  list.closest('[id$="-box"]').hidden = items.length === 0;
}

// A key's text, or `fallback` where the interface has none.
function named(key, fallback) {
  const text = t(key);
  return text === key ? fallback : text;
}

const routeName = (route) => named(`route.${route}`, String(route || '').replace(/_/g, ' '));

function showGist(plan) {
  const gist = $('actions-plan');
  gist.replaceChildren();
  gist.hidden = !plan.effective_end_date;
  if (gist.hidden) return;
  gist.append(t('actions.plan_gist', { date: formatDate(plan.effective_end_date, 'long') }));
  if (plan.receive_by) gist.append(' ', t('actions.plan_receive', { date: formatDate(plan.receive_by, 'long') }));
  const more = document.createElement('a');
  more.href = '#plan';
  more.textContent = t('actions.plan_more');
  gist.append(' ', more);
}

function showPlan(plan) {
  lastPlan = plan;
  const letter = $('language').value;
  const dates = letterDates(plan, letter);
  setPlanStatus('plan.ok', { date: formatDate(plan.effective_end_date) }, 'ok');
  $('plan-receive-box').hidden = !plan.receive_by;
  $('plan-receive-by').textContent = plan.receive_by ? formatDate(plan.receive_by) : '';
  // How the date was found, in the letter's language when the service says it.
  const receiveHow = $('plan-receive-how');
  receiveHow.hidden = !plan.receive_by || !(plan.receive_by_text || plan.receive_by_derivation);
  receiveHow.lang = plan.receive_by_text ? letter : 'en';
  receiveHow.replaceChildren(withDates(plan.receive_by_text || plan.receive_by_derivation || '', dates));
  $('plan-end-date').textContent = plan.effective_end_date ? formatDate(plan.effective_end_date) : '—';
  $('plan-end-iso').textContent = plan.effective_end_date || '';
  $('plan-route').textContent = routeName(plan.route);
  const derivationText = $('plan-derivation-text');
  derivationText.hidden = !plan.derivation_text;
  derivationText.lang = letter;
  derivationText.replaceChildren(withDates(plan.derivation_text || '', dates));
  $('plan-derivation').replaceChildren(withDates(plan.derivation || ''));
  $('plan-receipt').textContent = plan.receipt_date ? formatDate(plan.receipt_date, 'long') : '';
  $('plan-receipt').hidden = $('plan-receipt-label').hidden = !plan.receipt_date;
  $('plan-letter-date').textContent = plan.letter_date ? formatDate(plan.letter_date, 'long') : '';
  $('plan-letter-date').hidden = $('plan-letter-date-label').hidden = !plan.letter_date;

  const others = (plan.options || []).filter(
    (option) => option.route !== plan.route || option.date !== plan.effective_end_date,
  );
  listInto($('plan-options'), others, (option) => {
    const item = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = `${routeName(option.route)}: ${formatDate(option.date, 'long')}`;
    item.append(strong);
    const how = option.derivation_text || option.derivation;
    if (how) item.append(document.createElement('br'), withDates(how, dates));
    return item;
  });
  // Notes in the letter's language when the service gives them (notes_text
  // beside the stable English notes).
  const notes = plan.notes || [];
  const notesText = Array.isArray(plan.notes_text) && plan.notes_text.length === notes.length ? plan.notes_text : null;
  listInto($('plan-notes'), notesText || notes, (note) => {
    const item = document.createElement('li');
    if (notesText) item.lang = letter;
    item.append(withDates(typeof note === 'string' ? note : note.text || note.message || '', dates));
    return item;
  });
  listInto($('plan-warnings'), plan.warnings || [], (warning) => {
    const item = document.createElement('li');
    if (warning.text) item.lang = letter;
    const words = withDates(warning.text || warning.message, dates);
    const target = warning.pointer ? elementFor(warning.pointer) : null;
    item.append(target ? linkTo(target, words) : words);
    return item;
  });
  listInto($('plan-sections'), plan.sections || [], (section) => {
    const item = document.createElement('li');
    item.textContent = named(`section.${section}`, section.replace(/_/g, ' '));
    return item;
  });
  $('plan-body').hidden = false;
  showGist(plan);
}

// Says the plan again in the interface language just chosen.
export function retellPlan() {
  showAllDateWords();
  setPlanStatus(status.key, status.params, status.kind);
  if (lastPlan) showPlan(lastPlan);
}
