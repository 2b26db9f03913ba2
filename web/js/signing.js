// Signing the final letter: the service says at GET /v1/capabilities whether
// it has a signing certificate; only then is "Sign the final letter" offered
// (otherwise it stays disabled, with the reason beside it). A draft is never
// signed, whatever the box says.
import { $ } from './dom.js';
import { api } from './api.js';
import { t } from './i18n.js';

let available = false;

function show() {
  const box = $('sign-letter');
  box.disabled = !available;
  if (!available) box.checked = false;
  $('sign-note').textContent = t(available ? 'options.sign_available' : 'options.sign_unavailable');
}

// Asks the service again (at start, after an API key is given).
export async function loadCapabilities() {
  try {
    const response = await api('/v1/capabilities');
    const capabilities = response.ok ? await response.json() : {};
    available = capabilities.sign === true;
  } catch (_) {
    available = false;  // unreachable or needs a key: said where that happens
  }
  show();
}

// Said again in a newly chosen interface language.
export const retellSigning = show;

// True when the final letter is to be signed.
export const signRequested = () => available && $('sign-letter').checked;
