// The letter itself: "Create PDF" and "Review draft" fetch it once, download
// it and show the same bytes in the page (the final letter signed when the
// user asks and the service can, and as a PDF/A-2b archive copy when the
// box says so: the API refuses both for a draft); "Copy as JSON" and "Copy as
// curl" hand the request to an integration.
import { $, form } from './dom.js';
import { api, AuthRequired, hasApiKey, problemOf } from './api.js';
import { clientErrors, showAllErrors, showErrors, showGeneralProblem } from './errors.js';
import { t } from './i18n.js';
import { readForm } from './request.js';
import { signRequested } from './signing.js';

let busy = false;
let previewUrl = null;
let actionStatus = null;  // {key, params, kind}, said again on a language switch

// The final letter's options beyond the form's fields: signed and archived
// as the boxes say. Never for a draft (the API refuses an archived draft at
// /options/archive, and a draft is never signed).
function withFinalOptions(request) {
  const sign = signRequested();
  const archive = $('archive-copy').checked;
  if (sign || archive) {
    request.options = { ...(request.options || {}) };
    if (sign) request.options.sign = true;
    if (archive) request.options.archive = true;
  }
  return { sign, archive };
}

const DOWNLOADED = {
  plain: 'actions.downloaded',
  sign: 'actions.downloaded_signed',
  archive: 'actions.downloaded_archive',
  both: 'actions.downloaded_signed_archive',
};

export function setActionStatus(key, params = {}, kind = '') {
  actionStatus = key ? { key, params, kind } : null;
  $('action-status').dataset.kind = kind;
  $('action-status').textContent = key ? t(key, params) : '';
}

export function retellActionStatus() {
  if (actionStatus) setActionStatus(actionStatus.key, actionStatus.params, actionStatus.kind);
}

// The name the service gives the file (RFC 6266, filename* first).
function fileNameFrom(response, draft) {
  const disposition = response.headers.get('Content-Disposition') || '';
  let name = 'letter.pdf';
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(disposition) || /filename\s*=\s*([^;\s]+)/i.exec(disposition);
  try {
    if (extended) name = decodeURIComponent(extended[1]);
    else if (plain) name = plain[1];
  } catch (_) {
    if (plain) name = plain[1];
  }
  name = name.replace(/[/\\]/g, '_');
  if (draft && !/-draft\.pdf$/i.test(name)) name = name.replace(/(\.pdf)?$/i, '-draft.pdf');
  return name;
}

// One blob URL for the frame, the links and the download; the previous one
// is released.
function showPreview(blob, name) {
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(blob);
  $('preview-download').href = previewUrl;
  $('preview-download').download = name;
  $('preview-open').href = previewUrl;
  $('preview-frame').src = previewUrl;
  $('preview').hidden = false;
  return previewUrl;
}

// A PDF viewer inside the page needs the page's permission (its
// Content-Security-Policy, frame-src blob:); without it the form says so and
// the preview opens in a new tab.
export function watchPreviewPolicy() {
  document.addEventListener('securitypolicyviolation', (event) => {
    if (/^(frame|child|object)-src/.test(event.effectiveDirective) || event.blockedURI.startsWith('blob')) {
      $('preview-frame').hidden = true;
      $('preview-blocked').hidden = false;
    }
  });
}

function saveAs(url, name) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

// Downloads the PDF of `response` and shows it in the preview; returns its
// file name.
export async function deliverPdf(response, draft) {
  const blob = await response.blob();
  $('error-summary').hidden = true;
  const name = fileNameFrom(response, draft);
  saveAs(showPreview(blob, name), name);
  return name;
}

// Fetches the letter (or its draft); returns the request sent once the PDF
// is downloaded, else null.
export async function createLetter(draft) {
  if (busy) return null;
  busy = true;
  const buttons = [$('create-pdf'), $('review-draft')];
  buttons.forEach((button) => {
    button.disabled = true;
  });
  form.setAttribute('aria-busy', 'true');
  setActionStatus(draft ? 'actions.making_draft' : 'actions.making');
  showAllErrors(true);
  const failed = draft ? 'actions.draft_failed' : 'actions.failed';
  try {
    const request = readForm();
    const local = clientErrors();
    if (local.length > 0) {
      showErrors(local, { summary: true });
      setActionStatus(failed, {}, 'problem');
      $('error-summary').focus();
      return null;
    }
    const { sign, archive } = draft ? {} : withFinalOptions(request);
    request.options = { ...(request.options || {}), draft };
    const response = await api('/v1/letters', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      const problem = await problemOf(response);
      if (problem.status === 422 && problem.errors.length > 0) showErrors(problem.errors, { summary: true });
      else showGeneralProblem(problem.message);
      setActionStatus(failed, {}, 'problem');
      $('error-summary').focus();
      return null;
    }
    const name = await deliverPdf(response, draft);
    const kind = sign && archive ? 'both' : sign ? 'sign' : archive ? 'archive' : 'plain';
    setActionStatus(DOWNLOADED[kind], { name }, 'ok');
    return request;
  } catch (error) {
    setActionStatus(error instanceof AuthRequired ? 'actions.need_key' : 'problem.offline', {}, 'problem');
    return null;
  } finally {
    buttons.forEach((button) => {
      button.disabled = false;
    });
    form.removeAttribute('aria-busy');
    busy = false;
  }
}

const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

// A command that creates this letter; an API key appears as a variable,
// never with its value.
function curlCommand(request) {
  const url = new URL('/v1/letters', window.location.href).href;
  const lines = [`curl -sS --fail-with-body -X POST ${shellQuote(url)}`, `-H 'Content-Type: application/json'`];
  if (hasApiKey()) lines.push(`-H "Authorization: Bearer $PARTING_API_KEY"`);
  lines.push(`--data-binary ${shellQuote(JSON.stringify(request))}`, '-o letter.pdf');
  return lines.join(' \\\n  ');
}

// Copies the request as `kind` ('json' or 'curl'); without a clipboard the
// text is shown, selected, to copy by hand.
export async function copyRequest(kind) {
  const request = readForm();
  // The request "Create PDF" would send: signed and archived as the boxes say.
  withFinalOptions(request);
  const text = kind === 'json' ? `${JSON.stringify(request, null, 2)}\n` : `${curlCommand(request)}\n`;
  const unread = clientErrors().length;
  $('copy-box').hidden = true;
  try {
    await navigator.clipboard.writeText(text);
    if (unread > 0) setActionStatus('actions.copied_incomplete', { count: unread }, 'problem');
    else setActionStatus(kind === 'json' ? 'actions.copied_json' : 'actions.copied_curl', {}, 'ok');
  } catch (_) {
    $('copy-text').value = text;
    $('copy-box').hidden = false;
    $('copy-text').focus();
    $('copy-text').select();
    setActionStatus('actions.copy_by_hand');
  }
}
