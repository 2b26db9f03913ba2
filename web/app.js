// Parting's web form, the entry point: wires the page's controls to the
// parts in web/js/ (the interface language, the form ⇄ request, errors, the
// live plan, the letter, the draft, signing, the legal review) and handles
// "Load example", "Start over" and undo. No framework, no network access beyond this service.
import EXAMPLES from './examples.js';
import { $, form, isControl } from './js/dom.js';
import { initActionsMenu } from './js/actions_menu.js';
import { watchDateWords } from './js/date_words.js';
import { API_KEY_STORAGE, askForApiKey } from './js/api.js';
import { formatAmount, parseAmount } from './js/amount.js';
import { forgetApproved, loadApproved } from './js/approved.js';
import { forgetSaved, loadSaved, saveNow, saveOnLeaving, scheduleSave, showDraftNotice } from './js/draft.js';
import { clearErrors, markTouched, resetTouched, shownErrors, showAllErrors, showErrors } from './js/errors.js';
import {
  applyTranslations,
  collectEnglish,
  detectUiLanguage,
  setUi,
  t,
  ui,
  UI_LANGUAGE_STORAGE,
  UI_LANGUAGES,
} from './js/i18n.js';
import { copyRequest, createLetter, retellActionStatus, setActionStatus, watchPreviewPolicy } from './js/letter.js';
import { retellPlan, schedulePlan, updatePlan } from './js/plan.js';
import { compareWithApproved, draftReviewed, forgetReview, markApproved, showReview } from './js/review.js';
import { loadCapabilities, retellSigning } from './js/signing.js';
import { checkedReasons, loadLanguages, loadReasons, rememberChecked } from './js/reasons.js';
import { blankState, fillFromRequest, isBlank, pathInputs, restore, snapshot, unreadableFields } from './js/request.js';
import { addRow, renumber, rowContainers } from './js/rows.js';
import { storageSet } from './js/storage.js';

// ---- Start over, example, undo -------------------------------------------

let undoState = null;

function announce(text, withUndo) {
  const status = $('toolbar-status');
  status.replaceChildren(text);
  if (!withUndo) return;
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.className = 'link';
  undo.textContent = t('toolbar.undo');
  undo.addEventListener('click', () => {
    if (!undoState) return;
    const reasons = restore(undoState);
    undoState = null;
    afterReplace(reasons);
    announce(t('toolbar.back'));
  });
  status.append(' ', undo);
}

// After the whole form changed: errors, statuses and touched marks start
// over, the reasons are shown again, then the draft is saved and the plan
// asked for.
function afterReplace(reasons, save = true) {
  clearErrors();
  showAllErrors(false);
  resetTouched();
  setActionStatus(null);
  loadReasons(reasons).then(() => {
    if (save) saveNow();
    updatePlan();
  });
}

function resetForm() {
  const letter = $('language').value;
  restore(blankState());
  $('language').value = letter;
}

function startOver() {
  undoState = isBlank() ? null : snapshot();
  resetForm();
  afterReplace([]);
  announce(t('toolbar.emptied'), Boolean(undoState));
  $('language').focus();
}

// The sample request of the letter's language.
function loadExample() {
  const example = EXAMPLES[$('language').value] || EXAMPLES.en;
  undoState = isBlank() ? null : snapshot();
  const reasons = fillFromRequest(example);
  afterReplace(reasons);
  announce(t('toolbar.example_loaded', { language: $('language').selectedOptions[0].textContent }), Boolean(undoState));
}

function forgetDraft() {
  const hadApproved = Boolean(loadApproved());
  forgetApproved();
  forgetSaved();
  forgetReview();
  resetForm();
  afterReplace([], false);
  undoState = null;
  announce(t(hadApproved ? 'draft.forgotten_approved' : 'draft.forgotten'));
  $('language').focus();
}

// ---- The interface language ----------------------------------------------

function setUiLanguage(code, remember) {
  const amounts = form.querySelectorAll('[data-type="amount"]');
  const values = Array.from(amounts, (input) => parseAmount(input.value.trim()));
  setUi(code);
  $('ui-language').value = ui();
  if (remember) storageSet('localStorage', UI_LANGUAGE_STORAGE, ui());
  // Amounts keep their value and take the new notation.
  amounts.forEach((input, i) => {
    if (values[i]) input.value = formatAmount(values[i]);
  });
  applyTranslations();
  document.querySelectorAll('.amount-hint').forEach((hint) => {
    hint.textContent = t('hint.amount', { example: formatAmount('1250.00') });
  });
  rowContainers().forEach(renumber);
  if (!$('auth-box').hidden) askForApiKey();
  retellPlan();
  if (shownErrors().length > 0) showErrors(shownErrors(), { summary: !$('error-summary').hidden });
  retellActionStatus();
  retellSigning();
  showReview();
  showDraftNotice();
}

// ---- Wiring ---------------------------------------------------------------

// A date typed half stays "" to scripts and fires no input event: the
// fields' unreadable state is compared after each key and on leaving one.
let unreadableKey = '';
const unreadableNow = () => unreadableFields().map((input) => input.id).join(' ');

function checkUnreadable() {
  const key = unreadableNow();
  if (key === unreadableKey) return;
  unreadableKey = key;
  schedulePlan();
}

function onInput(event) {
  if (event.target.closest('#reason-list')) rememberChecked();
  if (event.type === 'change') markTouched(event.target);
  unreadableKey = unreadableNow();
  scheduleSave();
  schedulePlan();
}

function onClick(event) {
  const add = event.target.closest('.add-row');
  if (add) {
    addRow(add.closest('.rows')).querySelector('[data-field]').focus();
    scheduleSave();
    schedulePlan();
    return;
  }
  const remove = event.target.closest('.remove-row');
  if (remove) {
    const container = remove.closest('.rows');
    const row = remove.closest('.row');
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(container);
    (next ? next.querySelector('[data-field]') : container.querySelector('.add-row')).focus();
    scheduleSave();
    schedulePlan();
  }
}

function init() {
  collectEnglish();
  pathInputs().forEach((input) => {
    input.dataset.pointer = input.dataset.path;
  });
  const language = detectUiLanguage();
  const saved = loadSaved();
  // A new form writes in the language its user reads.
  if (!saved && UI_LANGUAGES.includes(language)) $('language').value = language;
  setUiLanguage(language, false);
  const reasons = saved ? restore(saved) : [];
  resetTouched();

  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('keyup', checkUnreadable);
  form.addEventListener('focusout', (event) => {
    if (isControl(event.target) && (event.target.value !== '' || event.target.validity.badInput)) {
      markTouched(event.target);
    }
    checkUnreadable();
  });
  // Nothing submits the form: Enter in a field never sends the letter.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches('input:not([type="checkbox"]):not([type="radio"])')) {
      event.preventDefault();
    }
  });
  form.addEventListener('click', onClick);
  $('create-pdf').addEventListener('click', () => createLetter(false));
  $('review-draft').addEventListener('click', async () => {
    const reviewed = await createLetter(true);
    if (reviewed) draftReviewed(reviewed);
  });
  $('mark-approved').addEventListener('click', markApproved);
  $('compare-approved').addEventListener('click', compareWithApproved);
  initActionsMenu();
  watchDateWords();
  $('copy-json').addEventListener('click', () => copyRequest('json'));
  $('copy-curl').addEventListener('click', () => copyRequest('curl'));
  $('start-over').addEventListener('click', startOver);
  $('load-example').addEventListener('click', loadExample);
  $('forget-draft').addEventListener('click', forgetDraft);
  $('language').addEventListener('change', () => loadReasons(checkedReasons()));
  $('ui-language').addEventListener('change', () => {
    setUiLanguage($('ui-language').value, true);
    saveNow();  // amounts are kept as written, now in the new notation
    // The browser's own findings are worded again, with the service's.
    loadReasons(checkedReasons()).then(updatePlan);
  });
  $('auth-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('api-key').value.trim();
    storageSet('sessionStorage', API_KEY_STORAGE, key === '' ? null : key);
    $('api-key').value = '';
    $('auth-box').hidden = true;
    loadLanguages().then(retellPlan);
    loadCapabilities();
    loadReasons(checkedReasons()).then(updatePlan);
  });
  watchPreviewPolicy();
  saveOnLeaving();

  loadLanguages().then(retellPlan);
  loadCapabilities();
  loadReasons(reasons).then(updatePlan);
}

init();
