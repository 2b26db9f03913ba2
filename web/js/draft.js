// The draft this browser keeps: saved a moment after each change (and when
// the page is left), dropped DRAFT_DAYS after the last change, and said on
// the page with the date it will be dropped, with the approved version kept
// beside it (approved.js); "Forget it" drops both at once.
import { $ } from './dom.js';
import { approvedUntil, loadApproved } from './approved.js';
import { formatInstant, t } from './i18n.js';
import { isBlank, snapshot } from './request.js';
import { storageGet, storageSet } from './storage.js';

const DRAFT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const SAVE_DELAY_MS = 250;
const STORAGE_KEY = 'parting.form.v1';

let timer = 0;

export function scheduleSave() {
  clearTimeout(timer);
  timer = setTimeout(saveNow, SAVE_DELAY_MS);
}

export function saveNow() {
  clearTimeout(timer);
  timer = 0;
  if (isBlank()) storageSet('localStorage', STORAGE_KEY, null);
  else storageSet('localStorage', STORAGE_KEY, JSON.stringify({ ...snapshot(), savedAt: Date.now() }));
  showDraftNotice();
}

// The debounce must not lose the last keystrokes to a reload.
export function saveOnLeaving() {
  window.addEventListener('pagehide', () => {
    if (timer) saveNow();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && timer) saveNow();
  });
}

// The saved snapshot, or null; one older than DRAFT_DAYS is removed.
export function loadSaved() {
  const text = storageGet('localStorage', STORAGE_KEY);
  if (!text) return null;
  try {
    const state = JSON.parse(text);
    if (!state || state.version !== 1) return null;
    if (typeof state.savedAt !== 'number' || Date.now() - state.savedAt > DRAFT_DAYS * DAY_MS) {
      storageSet('localStorage', STORAGE_KEY, null);
      return null;
    }
    return state;
  } catch (_) {
    return null;
  }
}

export function showDraftNotice() {
  const saved = loadSaved();
  const approved = loadApproved();
  let text = saved
    ? t('draft.kept', { days: DRAFT_DAYS, date: formatInstant(new Date(saved.savedAt + DRAFT_DAYS * DAY_MS)) })
    : t('draft.none', { days: DRAFT_DAYS });
  if (approved) text += ` ${t('draft.approved_kept', { date: formatInstant(approvedUntil(approved)) })}`;
  $('draft-notice-text').textContent = text;
  $('forget-draft').hidden = !saved && !approved;
}

export function forgetSaved() {
  clearTimeout(timer);
  timer = 0;
  storageSet('localStorage', STORAGE_KEY, null);
  showDraftNotice();
}
