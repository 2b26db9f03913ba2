// Legal review in the form: the draft last reviewed in this page can be
// marked as approved (kept in this browser by approved.js), and the letter as
// it stands compared with it: POST /v1/letters/compare {before, after} gives
// the changes as a PDF, downloaded and previewed like the letter. The
// service refuses two languages with a 422 at /after/language; the form says
// so in the user's words.
import { $ } from './dom.js';
import { api, AuthRequired, problemOf } from './api.js';
import { loadApproved, saveApproved } from './approved.js';
import { showDraftNotice } from './draft.js';
import { clientErrors, showAllErrors, showErrors, showGeneralProblem } from './errors.js';
import { formatInstant, locale, t } from './i18n.js';
import { deliverPdf } from './letter.js';
import { readForm } from './request.js';

let reviewed = null;  // the request of the draft last reviewed here, not yet approved
let status = null;    // {key, params, kind}, said again on a language switch
let busy = false;

// A language code by its name in the interface language ("Englisch").
function languageName(code) {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) || code;
  } catch (_) {
    return code;
  }
}

// Parameters named *_language hold codes, named when the text is made.
function render(params) {
  const out = {};
  for (const [name, value] of Object.entries(params)) out[name] = name.endsWith('language') ? languageName(value) : value;
  return out;
}

function setStatus(key, params = {}, kind = '') {
  status = key ? { key, params, kind } : null;
  $('review-status').dataset.kind = kind;
  $('review-status').textContent = key ? t(key, render(params)) : '';
}

// The request as the comparison takes it: neither a draft nor signed nor
// archived (the changes are a review copy of their own).
function comparable(request) {
  const copy = JSON.parse(JSON.stringify(request));
  if (copy.options) {
    delete copy.options.draft;
    delete copy.options.sign;
    delete copy.options.archive;
    if (Object.keys(copy.options).length === 0) delete copy.options;
  }
  return copy;
}

export function showReview() {
  const approved = loadApproved();
  if (approved) {
    $('approved-status').textContent = t('review.approved', {
      date: formatInstant(new Date(approved.approvedAt)),
      language: languageName(approved.request.language),
    });
  } else {
    $('approved-status').textContent = t(reviewed ? 'review.ready' : 'review.none');
  }
  $('mark-approved').hidden = !reviewed;
  $('compare-approved').hidden = !approved;
  if (status) setStatus(status.key, status.params, status.kind);
}

// The letter date the service gives a request without one (its today), so
// that the approved version keeps the date its draft was printed with;
// undefined when the service does not answer.
async function datedAsPrinted(request) {
  if (request.letter_date) return request;
  try {
    const response = await api('/v1/letters/plan', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    const plan = response.ok ? await response.json() : {};
    if (typeof plan.letter_date === 'string') return { ...request, letter_date: plan.letter_date };
  } catch (_) {
    // Kept undated: compared later, it takes the service's date of then.
  }
  return request;
}

// After "Review draft" downloaded the draft of `request`.
export async function draftReviewed(request) {
  reviewed = await datedAsPrinted(comparable(request));
  setStatus(null);
  showReview();
}

export function markApproved() {
  if (!reviewed) return;
  saveApproved(reviewed);
  reviewed = null;
  setStatus('review.marked', {}, 'ok');
  showReview();
  showDraftNotice();
  $('compare-approved').focus();
}

// The approved version and what is on screen were forgotten.
export function forgetReview() {
  reviewed = null;
  setStatus(null);
  showReview();
}

// A 422 of the comparison in the user's words; false when it is none of
// the comparison's own.
function explain(problem, before, after) {
  if (problem.errors.some((error) => error.pointer === '/after/language')) {
    setStatus('review.language', { approved_language: before.language, current_language: after.language }, 'problem');
    return true;
  }
  if (problem.errors.some((error) => error.pointer.startsWith('/before'))) {
    setStatus('review.approved_invalid', {}, 'problem');
    return true;
  }
  const own = problem.errors
    .filter((error) => error.pointer === '/after' || error.pointer.startsWith('/after/'))
    .map((error) => ({ ...error, pointer: error.pointer.slice('/after'.length) }));
  if (own.length === 0) return false;
  showErrors(own, { summary: true });
  setStatus('review.failed', {}, 'problem');
  $('error-summary').focus();
  return true;
}

export async function compareWithApproved() {
  const approved = loadApproved();
  if (!approved || busy) {
    showReview();
    return;
  }
  busy = true;
  $('compare-approved').disabled = true;
  setStatus('review.comparing');
  showAllErrors(true);
  try {
    const after = comparable(readForm());
    const local = clientErrors();
    if (local.length > 0) {
      showErrors(local, { summary: true });
      setStatus('review.failed', {}, 'problem');
      $('error-summary').focus();
      return;
    }
    const before = approved.request;
    const response = await api('/v1/letters/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ before, after }),
    });
    if (!response.ok) {
      const problem = await problemOf(response);
      if (problem.status === 422 && explain(problem, before, after)) return;
      showGeneralProblem(problem.message);
      setStatus('review.failed', {}, 'problem');
      return;
    }
    const name = await deliverPdf(response, false);
    setStatus('review.compared', { name }, 'ok');
  } catch (error) {
    setStatus(error instanceof AuthRequired ? 'actions.need_key' : 'problem.offline', {}, 'problem');
  } finally {
    busy = false;
    $('compare-approved').disabled = false;
  }
}
