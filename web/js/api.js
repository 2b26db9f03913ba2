// Talking to the service: fetch() with the API key of this tab, a 401 that
// asks the user for a key, and problem answers (RFC 9457) in the user's words.
import { $ } from './dom.js';
import { t } from './i18n.js';
import { storageGet } from './storage.js';

export const API_KEY_STORAGE = 'parting.apiKey';

export class AuthRequired extends Error {}

let authRejected = false;

// Shows the key box; `rejected` when the key that was sent was refused.
export function askForApiKey(rejected = authRejected) {
  authRejected = rejected;
  $('auth-box').hidden = false;
  $('auth-message').textContent = t(rejected ? 'auth.rejected' : 'auth.needed');
}

export const hasApiKey = () => Boolean(storageGet('sessionStorage', API_KEY_STORAGE));

// fetch() with the API key, if one is set; throws AuthRequired on a 401.
export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const key = storageGet('sessionStorage', API_KEY_STORAGE);
  if (key) headers.set('Authorization', `Bearer ${key}`);
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    askForApiKey(Boolean(key));
    throw new AuthRequired('An API key is needed.');
  }
  return response;
}

// {status, errors (the 422 list of {pointer, message}), message (a sentence
// for the user)} of an answer that is not ok.
export async function problemOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch (_) {
    // Not problem+json (a proxy's page, say): fall back to the status.
  }
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  const { status } = response;
  let message;
  if (status === 400) message = t('problem.unreadable');
  else if (status === 413) message = t('problem.too_large');
  else if (status === 422) message = t('problem.invalid');
  else if (status === 503) message = t('problem.busy', { status });
  else if (status >= 500) message = t('problem.server', { status });
  else message = t('problem.other', { status });
  return { status, errors, message };
}
