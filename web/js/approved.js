// The last approved version of the letter, kept in this browser next to the
// draft and for as long (APPROVED_DAYS after it was approved), shown in the
// draft notice and forgotten with the draft.
import { storageGet, storageSet } from './storage.js';

export const APPROVED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const STORAGE_KEY = 'parting.approved.v1';

// {request, approvedAt} or null; one kept past its time is removed.
export function loadApproved() {
  const text = storageGet('localStorage', STORAGE_KEY);
  if (!text) return null;
  try {
    const state = JSON.parse(text);
    const fresh = state && typeof state.approvedAt === 'number' && Date.now() - state.approvedAt <= APPROVED_DAYS * DAY_MS;
    if (fresh && state.request && typeof state.request === 'object') return state;
  } catch (_) {
    // Not ours, or damaged: dropped below.
  }
  storageSet('localStorage', STORAGE_KEY, null);
  return null;
}

export function saveApproved(request) {
  storageSet('localStorage', STORAGE_KEY, JSON.stringify({ request, approvedAt: Date.now() }));
}

export function forgetApproved() {
  storageSet('localStorage', STORAGE_KEY, null);
}

export const approvedUntil = (state) => new Date(state.approvedAt + APPROVED_DAYS * DAY_MS);
