// The web form end to end in headless Chromium: fill it in from scratch with
// the keyboard, watch the plan, half-typed dates, errors in the user's words,
// the interface in another language, the example of each letter language,
// the PDF preview and download from one fetch, signing the final letter
// (pdfsig) where the service can, the archive copy (PDF/A-2b, checked with
// pdfinfo and qpdf), the legal review (mark a draft as approved,
// compare with it), copy as JSON and as curl, the draft kept for a visible time, the phone layout, and axe-core on every
// state that matters. Run by tests/browser/run.sh, which starts the server
// and sets PARTING_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { readSamples } from './make-examples.mjs';

const BASE = process.env.PARTING_URL;  // a service with a signing certificate
const UNSIGNED = process.env.PARTING_URL_UNSIGNED;  // the same without one
if (!BASE || !UNSIGNED) throw new Error('PARTING_URL(_UNSIGNED) is not set: run tests/browser/run.sh PATH/TO/parting');
const ARTIFACTS = process.env.PARTING_ARTIFACTS || mkdtempSync(path.join(tmpdir(), 'parting-browser-'));
const EXECUTABLE = process.env.PARTING_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 10000;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SAMPLES = readSamples();

let context;
let page;
let profile;
const consoleProblems = [];
let letterRequests = 0;

before(async () => {
  profile = mkdtempSync(path.join(tmpdir(), 'parting-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  context.setDefaultTimeout(TIMEOUT);
  page = context.pages()[0] || (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/letters') letterRequests += 1;
  });
});

after(async () => {
  if (context) await context.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// ---- helpers ---------------------------------------------------------------

const group = (name) => page.getByRole('group', { name });
const focusedId = () => page.evaluate(() => document.activeElement && document.activeElement.id);

async function typeAndTab(text) {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function waitForText(selector, pattern, on = page) {
  await on.waitForFunction(
    ([sel, source, flags]) => {
      const node = document.querySelector(sel);
      return node && !node.closest('[hidden]') && new RegExp(source, flags).test(node.textContent);
    },
    [selector, pattern.source, pattern.flags],
    { timeout: TIMEOUT },
  );
}

async function planEndDate() {
  await page.waitForFunction(() => !document.getElementById('plan-body').hidden, null, { timeout: TIMEOUT });
  return page.textContent('#plan-end-date');
}

async function saveDownload(download) {
  const file = path.join(ARTIFACTS, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

const pdfText = (file) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

// The PDF/A identification a file's XMP claims ("2B"), "" for none:
// pdfinfo (poppler) prints the decoded metadata stream.
function pdfaIdentification(file) {
  const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp);
  const conformance = /<pdfaid:conformance>([A-Z])<\/pdfaid:conformance>/.exec(xmp);
  return part && conformance ? `${part[1]}${conformance[1]}` : '';
}

// qpdf's structural check, and whether the catalog carries a PDF/A output
// intent (qpdf --json lists every object).
function qpdfFacts(file) {
  const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  const json = execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { clean: check.status === 0, outputIntent: /"\/S": "\/GTS_PDFA1"/.test(json) };
}

// What pdfsig (poppler) says of a file, standard output and error together.
function pdfSig(file) {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

async function downloadVia(buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  const file = await saveDownload(download);
  return { name: download.suggestedFilename(), file, text: pdfText(file) };
}

// axe-core over the page as it is; any violation fails, listed by rule and
// element.
async function axe(on, label) {
  if (!(await on.evaluate(() => Boolean(window.axe)))) await on.evaluate(AXE_SOURCE);
  const violations = await on.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1).join(' ')}`),
    }));
  });
  assert.deepEqual(violations, [], `axe-core (${label}):\n${JSON.stringify(violations, null, 2)}`);
}

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

// The steps build on each other: after the first failure the rest are
// skipped rather than each waiting for its own time-out.
let broken = false;
function step(name, fn) {
  test(name, async (t) => {
    if (broken) {
      t.skip('an earlier step failed');
      return;
    }
    try {
      await fn(t);
    } catch (error) {
      broken = true;
      throw error;
    }
  });
}

// ---- the tests -------------------------------------------------------------

step('the form starts empty, without inline code, names every control and passes axe-core', async () => {
  const response = await page.goto(BASE);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
  await waitForText('#plan-status', /Fill in the form/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('#ui-language'), 'en');  // from the browser's en-US
  // Every control has an accessible name.
  const unnamed = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select, textarea, button'))
      .filter((node) => !node.closest('[hidden], template'))
      .filter((node) => {
        const labelled = node.labels && Array.from(node.labels).some((l) => l.textContent.trim() !== '');
        return !labelled && !node.getAttribute('aria-label') && node.textContent.trim() === '';
      })
      .map((node) => node.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  // The reasons come from /v1/reasons with English labels.
  await page.getByLabel('Late or missed payments').waitFor();
  // Nothing kept yet, and the page says so.
  await waitForText('#draft-notice-text', /Nothing is kept yet.*30 days/);
  assert.equal(await page.isVisible('#forget-draft'), false);
  await axe(page, 'empty form, English, desktop');
});

step('every interface text exists in every interface language', async () => {
  const missing = await page.evaluate(async () => {
    const load = async (language) => (await import(`/i18n/${language}.js`)).default;
    const keys = new Set(Object.keys(await load('en')));
    const nodes = [document, ...Array.from(document.querySelectorAll('template'), (t) => t.content)];
    for (const root of nodes) {
      root.querySelectorAll('[data-i18n]').forEach((n) => keys.add(n.dataset.i18n));
      root.querySelectorAll('[data-i18n-attr]').forEach((n) =>
        n.dataset.i18nAttr.split(';').forEach((pair) => keys.add(pair.split(':')[1])),
      );
    }
    const out = {};
    for (const language of ['de', 'pt', 'pl', 'th']) {
      const table = await load(language);
      out[language] = [...keys].filter((key) => typeof table[key] !== 'string' || table[key].trim() === '');
    }
    return out;
  });
  assert.deepEqual(missing, { de: [], pt: [], pl: [], th: [] });
});

step('required fields are marked for eyes and for assistive technology', async () => {
  const address = page.locator('#recipient-address');
  assert.equal(await address.getAttribute('aria-required'), 'true');
  assert.equal(await address.evaluate((node) => node.required), true);
  assert.equal(await page.locator('label[for="recipient-address"] .req').textContent(), '*');
  assert.match(await page.textContent('.required-note'), /\*\s*marks a required field/);
});

step('fill in the form with the keyboard and see the plan', async () => {
  await page.locator('#letter-date').fill('2026-11-22');

  // Sender, field after field with Tab: the tab order follows the page.
  await group('Sender').getByLabel(/^Organization/).focus();
  await typeAndTab('Northlight Consulting LLC');
  await typeAndTab('Jane Peterson');
  await typeAndTab('Managing Director');
  assert.equal(await focusedId(), 'sender-address');
  await page.keyboard.type('12 Harbor Street');
  await page.keyboard.press('Enter');
  await typeAndTab('Boston, MA 02110');
  await typeAndTab('US');
  await typeAndTab('jane.peterson@northlight.example');
  await typeAndTab('+1 617 555 0142');

  // Recipient (the sender's optional company details stay folded).
  assert.equal(await focusedId(), '');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(), 'recipient-organization');
  await typeAndTab('Miller & Sons Inc.');
  assert.equal(await focusedId(), 'recipient-form');
  await group('Recipient').getByLabel('Form of address').selectOption('mr');
  await page.keyboard.press('Tab');
  await typeAndTab('Thomas Miller');
  await group('Recipient').getByLabel(/^Address/).focus();
  await page.keyboard.type('5 Lexington Avenue');
  await page.keyboard.press('Enter');
  await page.keyboard.type('New York, NY 10010');

  // Enter in a text field does not send anything.
  await group('Recipient').getByLabel(/^Name/).focus();
  const stray = page.waitForEvent('download', { timeout: 700 }).then(
    () => 'downloaded',
    () => 'nothing',
  );
  await page.keyboard.press('Enter');
  assert.equal(await stray, 'nothing');
  assert.equal(await page.textContent('#action-status'), '');

  // Contract and notice.
  await group('Contract').getByLabel('Title').fill('Consulting Services Framework Agreement');
  await page.getByLabel(/^Notice period/).focus();
  await page.keyboard.type('3');
  await page.getByLabel('Notice unit').selectOption('months');
  await page.getByLabel('Notice ends on').selectOption('end_of_month');

  // Reasons, checked with the space bar.
  await page.getByLabel('Takes more time than the account is worth').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Late or missed payments').focus();
  await page.keyboard.press('Space');

  // A German letter: the reasons keep their English labels (the interface
  // is English) and show the letter's German wording beside them.
  await page.getByLabel('Language of the letter').selectOption('de');
  await page.waitForFunction(() => document.getElementById('reason-list').dataset.letterLanguage === 'de');
  assert.equal((await page.textContent('label[for="reason-payment_problems"]')).trim(), 'Late or missed payments');
  const preview = page.locator('#reason-payment_problems-preview');
  assert.equal(await preview.getAttribute('lang'), 'de');
  assert.equal((await preview.textContent()).trim(), 'Verspätete oder ausbleibende Zahlungen');
  assert.equal(await page.getAttribute('#reason-payment_problems', 'aria-describedby'), 'reason-payment_problems-preview');
  assert.equal(await page.isChecked('#reason-payment_problems'), true);
  await page.getByLabel('Language of the letter').selectOption('en');
  await page.waitForFunction(() => document.getElementById('reason-list').dataset.letterLanguage === 'en');
  assert.equal(await page.locator('.reason-preview').count(), 0);
  assert.equal(await page.isChecked('#reason-time_drain'), true);

  // Two projects added with the keyboard, the first removed again.
  const projects = group('Projects still to deliver');
  await projects.getByRole('button', { name: 'Add a project' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(), 'projects-0-name');
  await typeAndTab('Archive migration');
  await typeAndTab('Final export');
  await page.locator('#projects-0-due').fill('2026-12-01');
  await projects.getByRole('button', { name: 'Add a project' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(), 'projects-1-name');
  await typeAndTab('Website relaunch');
  await typeAndTab('Go-live');
  await page.locator('#projects-1-due').fill('2026-12-15');
  await projects.getByRole('button', { name: 'Remove project 1' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await projects.locator('.row').count(), 1);
  assert.equal(await page.inputValue('#projects-0-name'), 'Website relaunch');
  assert.equal(await projects.getByRole('button', { name: 'Remove project 2' }).count(), 0);
  assert.equal(await focusedId(), 'projects-0-name');

  // A hand-over item.
  await page.getByRole('button', { name: 'Add a hand-over item' }).click();
  await page.keyboard.type('Source files and designs');

  // The plan beside the form.
  await waitForText('#plan-end-date', /28 February 2027/);
  assert.match(await planEndDate(), /Sunday,? 28 February 2027/);
  assert.match(await page.textContent('#plan-derivation'), /notice 3 months from 2026-11-22.*2027-02-28/);
  assert.match(await page.textContent('#plan-route'), /Ordinary notice/);
  // The draft is kept, until a date the user can read.
  const until = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(until);
  await waitForText('#draft-notice-text', new RegExp(`keeps your draft for 30 days.*until ${expected}`));
  assert.equal(await page.isVisible('#forget-draft'), true);
});

step('a warning links to its field', async () => {
  await page.locator('#projects-0-due').fill('2027-06-30');
  const warning = page.locator('#plan-warnings a', { hasText: 'Website relaunch' });
  await warning.waitFor();
  await warning.click();
  assert.equal(await focusedId(), 'projects-0-due');
  await page.locator('#projects-0-due').fill('2026-12-15');
  await warning.waitFor({ state: 'detached' });
});

step('a half-typed date is an error at its field, never dropped', async () => {
  // Month and day typed, the year not (03/31/yyyy).
  const requested = page.locator('#requested-end');
  await requested.focus();
  await page.keyboard.type('0331');
  await page.keyboard.press('Tab');
  assert.equal(await requested.evaluate((node) => node.validity.badInput), true);
  await page.waitForSelector('#requested-end[aria-invalid="true"]');
  // The field is described by its date written out and by the error note.
  const errorId = (await requested.getAttribute('aria-describedby')).split(' ').find((id) => id.startsWith('error-'));
  const note = await page.textContent(`#${errorId}`);
  assert.match(note, /Requested end date: the date is incomplete/);
  await waitForText('#plan-status', /1 field needs attention/);
  assert.equal(await page.isHidden('#plan-body'), true);

  // A project's due date without its year, too; then "Create PDF" sends
  // nothing and lists both.
  const due = page.locator('#projects-0-due');
  await due.fill('');
  await due.focus();
  await page.keyboard.type('1215');
  await page.keyboard.press('Tab');
  const before = letterRequests;
  await page.getByRole('button', { name: 'Create PDF', exact: true }).click();
  await waitForText('#error-summary-heading', /Please check these 2 fields/);
  assert.equal(letterRequests, before, 'nothing was sent');
  assert.equal(await focusedId(), 'error-summary');
  const listed = await page.locator('#error-list li').allTextContents();
  assert.ok(listed.some((text) => /Due, project 1: the date is incomplete/.test(text)), listed.join(' | '));
  await page.screenshot({ path: path.join(ARTIFACTS, 'half-date.png') });

  await requested.fill('');
  await due.fill('2026-12-15');
  // A number the browser cannot read ("1e") is reported the same way.
  const renewal = page.locator('#renewal-amount');
  await renewal.focus();
  await page.keyboard.type('1e');
  await page.keyboard.press('Tab');
  await page.waitForSelector('#renewal-amount[aria-invalid="true"]');
  assert.match(
    await page.textContent(`#${await renewal.getAttribute('aria-describedby')}`),
    /Auto-renewal period: enter a whole number, such as 3\./,
  );
  await renewal.fill('');
  await waitForText('#plan-end-date', /28 February 2027/);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
});

step('errors speak the user\'s words and sit next to their field', async () => {
  const amount = page.getByLabel(/^Notice period/);
  await amount.fill('-1');
  await amount.press('Tab');
  await page.waitForSelector('#notice-amount[aria-invalid="true"]');
  const describedBy = await amount.getAttribute('aria-describedby');
  assert.ok(describedBy, 'the field names its error');
  assert.equal(await page.textContent(`#${describedBy}`), 'Notice period: enter a number from 0 to 120 months.');
  assert.equal(await page.locator('.field:has(#notice-amount) .field-error').count(), 1);
  await waitForText('#plan-status', /field needs attention|fields need attention/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'error.png') });
  await page.locator('#plan-problems a', { hasText: 'Notice period' }).click();
  assert.equal(await focusedId(), 'notice-amount');

  // Without a notice period: a sentence, not the API's field names.
  await amount.fill('');
  const missing = page.locator('#plan-problems a', { hasText: /^Notice period: enter the notice period/ });
  await missing.waitFor();
  assert.doesNotMatch(await missing.textContent(), /term_end|immediate_for_cause|is required/);
  // Without sender organization and name: the section, in words.
  await page.locator('#sender-organization').fill('');
  await page.locator('#sender-name').fill('');
  await page.locator('#plan-problems a', { hasText: 'Sender: enter an organization or a name.' }).waitFor();
  await page.locator('#sender-organization').fill('Northlight Consulting LLC');
  await page.locator('#sender-name').fill('Jane Peterson');
  // A pasted three-letter code is not cut to two letters behind the
  // user's back: it is sent, and refused in words.
  await page.locator('#recipient-country').fill('USA');
  const country = page.locator('#plan-problems a', {
    hasText: 'Recipient: Country: enter a two-letter country code, such as US or DE.',
  });
  await country.waitFor();
  await page.locator('#recipient-country').fill('');
  await country.waitFor({ state: 'detached' });
  await amount.fill('3');
  await page.waitForSelector('#notice-amount:not([aria-invalid])');

  // Empty rows are not sent, yet a row's error still names the right row:
  // the second situation (the first sent) lacks its date. Its text is
  // written on two lines.
  const situations = group('Termination');
  await situations.getByRole('button', { name: 'Add a situation' }).click();
  await situations.getByRole('button', { name: 'Add a situation' }).click();
  await page.locator('#termination-documented-situations-1-text').fill('Invoice 0871 was paid\n61 days late');
  const missingDate = page.locator('#plan-problems a', { hasText: 'Date, situation 2: please fill this in.' });
  await missingDate.waitFor();
  await missingDate.click();
  assert.equal(await focusedId(), 'termination-documented-situations-1-date');
  await page.locator('#termination-documented-situations-1-date').fill('2026-09-30');
  await missingDate.waitFor({ state: 'detached' });
  await situations.getByRole('button', { name: 'Remove situation 1' }).click();
  assert.equal(await focusedId(), 'termination-documented-situations-0-date');
  await waitForText('#plan-end-date', /28 February 2027/);
});

step('"Copy as JSON" copies the request the form sends', async () => {
  await page.getByRole('button', { name: 'Copy as JSON' }).click();
  await waitForText('#action-status', /on the clipboard as JSON/);
  const request = JSON.parse(await clipboard());
  assert.equal(request.recipient.name, 'Thomas Miller');
  assert.deepEqual(request.contract.notice_period, { amount: 3, unit: 'months' });
  assert.deepEqual(request.termination.documented_situations, [
    { date: '2026-09-30', text: 'Invoice 0871 was paid 61 days late' },
  ]);
  // Switches left at the service's defaults are not sent.
  assert.equal('fallback_clause' in request.options, false);
  assert.equal('confirm_receipt' in request.options, false);
  assert.equal('legal' in request.sender, false);
});

step('the input survives a reload', async () => {
  await page.waitForTimeout(400);  // past the save debounce (pagehide saves too)
  await page.reload();
  assert.equal(await group('Recipient').getByLabel(/^Name/).inputValue(), 'Thomas Miller');
  assert.equal(await group('Recipient').getByLabel(/^Address/).inputValue(), '5 Lexington Avenue\nNew York, NY 10010');
  assert.equal(await page.getByLabel(/^Notice period/).inputValue(), '3');
  assert.equal(await page.inputValue('#projects-0-name'), 'Website relaunch');
  assert.equal(await page.inputValue('#transition-handover-0-item'), 'Source files and designs');
  assert.equal(await page.inputValue('#termination-documented-situations-0-text'), 'Invoice 0871 was paid\n61 days late');
  await page.getByLabel('Late or missed payments').waitFor();
  assert.equal(await page.isChecked('#reason-payment_problems'), true);
  assert.equal(await page.isChecked('#reason-constant_complaints'), false);
  assert.match(await planEndDate(), /28 February 2027/);
});

step('"Create PDF" fetches the letter once, downloads it and previews the same bytes', async () => {
  // Hold the answer back to see the buttons disabled while it is on its way.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/v1/letters', async (route) => {
    await held;
    await route.continue();
  });
  const before = letterRequests;
  const result = downloadVia('Create PDF');
  await page.waitForSelector('#create-pdf:disabled');
  assert.equal(await page.isDisabled('#review-draft'), true);
  release();
  const { name, file, text } = await result;
  await page.unroute('**/v1/letters');
  assert.equal(letterRequests - before, 1, 'one request for download and preview');
  assert.match(name, /^letter-.*\.pdf$/);
  assert.doesNotMatch(name, /draft/);
  assert.match(text, /Thomas Miller/);
  assert.match(text, /Miller & Sons Inc\./);
  assert.match(text, /February 28, 2027/);
  assert.match(text, /Website relaunch/);
  assert.match(text, /Invoice 0871 was paid 61 days late/);
  assert.doesNotMatch(text, /Archive migration/);
  assert.doesNotMatch(text, /DRAFT/);
  assert.doesNotMatch(text, /fingerprint/i);
  await waitForText('#action-status', /Downloaded letter-/);
  assert.equal(await page.isEnabled('#create-pdf'), true);

  // The preview shows the very blob that was downloaded; its link saves
  // the same bytes again, without asking the service.
  await page.locator('#preview').waitFor();
  const frameSource = await page.getAttribute('#preview-frame', 'src');
  assert.match(frameSource, /^blob:/);
  assert.equal(await page.getAttribute('#preview-download', 'href'), frameSource);
  assert.equal(await page.getAttribute('#preview-open', 'href'), frameSource);
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#preview-download')]);
  assert.ok(readFileSync(await saveDownload(again)).equals(readFileSync(file)), 'the preview holds the downloaded bytes');
  const [tab] = await Promise.all([context.waitForEvent('page'), page.click('#preview-open')]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), frameSource);
  await tab.close();
  assert.equal(letterRequests - before, 1);
  // In the page if the page's Content-Security-Policy lets it frame blob:
  // URLs; otherwise the form says so and offers the new tab.
  const policy = (await page.request.get(BASE)).headers()['content-security-policy'];
  if (/frame-src[^;]*blob:/.test(policy)) {
    assert.equal(await page.isVisible('#preview-frame'), true);
    assert.equal(await page.isHidden('#preview-blocked'), true);
  } else {
    await page.locator('#preview-blocked').waitFor();
    assert.equal(await page.isHidden('#preview-frame'), true);
  }
  await page.locator('#preview').screenshot({ path: path.join(ARTIFACTS, 'preview.png') });
});

step('"Review draft" downloads the draft copy', async () => {
  const { name, text } = await downloadVia('Review draft');
  assert.match(name, /-draft\.pdf$/);
  assert.match(text, /DRAFT/);
  // The reviewer's page, in the letter's language: the receipt deadline
  // first, then how the end date was derived.
  assert.match(text, /Receive by \(latest day of receipt\) November 30, 2026/);
  assert.match(text, /counted from November 22, 2026, ends on February 22, 2027; moved to the end of that month: February 28, 2027/);
  assert.match(text, /Thomas Miller/);
});

step('"Sign the final letter": offered because this service signs; pdfsig verifies the letter; a draft is never signed', async () => {
  await page.waitForFunction(() => !document.getElementById('sign-letter').disabled);
  assert.match(await page.textContent('#sign-note'), /digital signature.*Drafts are never signed\./);
  const box = page.getByLabel('Sign the final letter digitally');
  assert.equal(await box.isChecked(), false);
  await box.check();
  const signed = await downloadVia('Create PDF');
  await waitForText('#action-status', /Downloaded letter-.*\.pdf, digitally signed/);
  const report = pdfSig(signed.file);
  assert.match(report, /Signature is Valid/, report);
  assert.match(report, /Northlight Consulting LLC/, report);  // run.sh's certificate, the typed sender
  assert.match(signed.text, /Thomas Miller/);
  // Copied for an integration, the request asks for the signature too.
  await page.getByRole('button', { name: 'Copy as JSON' }).click();
  await waitForText('#action-status', /clipboard as JSON/);
  assert.equal(JSON.parse(await clipboard()).options.sign, true);
  // The box stays ticked, and the draft is still not signed.
  const draft = await downloadVia('Review draft');
  assert.match(draft.text, /DRAFT/);
  assert.match(pdfSig(draft.file), /does not contain any signatures/);
  await page.locator('#sign-field').screenshot({ path: path.join(ARTIFACTS, 'sign.png') });
  await box.uncheck();
  assert.doesNotMatch(pdfSig((await downloadVia('Create PDF')).file), /Signature is Valid/);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Copy as JSON' }).click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
  assert.equal((JSON.parse(await clipboard()).options || {}).sign, undefined);
});

step('"Archive copy (PDF/A-2b)": the final letter as PDF/A-2b, in the copied request too; a draft is never archived', async () => {
  const box = page.getByLabel('Archive copy (PDF/A-2b)');
  assert.equal(await box.isChecked(), false);
  assert.match(await page.textContent('#archive-note'), /Only for “Create PDF”.*a draft is never archived\./);
  // Without the box, no archive copy.
  const plain = await downloadVia('Create PDF');
  assert.equal(pdfaIdentification(plain.file), '');
  await box.check();
  const archived = await downloadVia('Create PDF');
  await waitForText('#action-status', /Downloaded letter-.*\.pdf as an archive copy \(PDF\/A-2b\)\./);
  assert.equal(pdfaIdentification(archived.file), '2B');
  const facts = qpdfFacts(archived.file);
  assert.ok(facts.clean, 'qpdf --check finds no errors');
  assert.ok(facts.outputIntent, 'the catalog has a GTS_PDFA1 output intent');
  assert.match(archived.text, /Thomas Miller/);
  // Copied for an integration: JSON and curl ask for the archive copy too.
  await page.getByRole('button', { name: 'Copy as JSON' }).click();
  await waitForText('#action-status', /clipboard as JSON/);
  assert.equal(JSON.parse(await clipboard()).options.archive, true);
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await waitForText('#action-status', /curl command/);
  assert.match(await clipboard(), /"archive":true/);
  // The box stays ticked; "Review draft" still makes a plain draft (the API
  // would refuse an archived one at /options/archive).
  const draft = await downloadVia('Review draft');
  assert.match(draft.text, /DRAFT/);
  assert.equal(pdfaIdentification(draft.file), '');
  await waitForText('#action-status', /Downloaded letter-.*-draft\.pdf\. The preview is below\./);
  // Signed and archived at once: the signature comes after the archive copy.
  await page.getByLabel('Sign the final letter digitally').check();
  const both = await downloadVia('Create PDF');
  await waitForText('#action-status', /as an archive copy \(PDF\/A-2b\), digitally signed/);
  assert.equal(pdfaIdentification(both.file), '2B');
  assert.match(pdfSig(both.file), /Signature is Valid/);
  await page.getByLabel('Sign the final letter digitally').uncheck();
  await axe(page, 'archive copy ticked, English');
  await page.locator('#actions').screenshot({ path: path.join(ARTIFACTS, 'archive.png') });
  await box.uncheck();
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Copy as JSON' }).click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
  assert.equal((JSON.parse(await clipboard()).options || {}).archive, undefined);
});

step('a service without a signing certificate does not offer signing, and says why', async () => {
  const other = await context.newPage();
  await other.goto(UNSIGNED);
  await waitForText('#sign-note', /Not available: this service has no signing certificate/, other);
  assert.equal(await other.isDisabled('#sign-letter'), true);
  assert.equal(await other.isChecked('#sign-letter'), false);
  await other.locator('#sign-field').screenshot({ path: path.join(ARTIFACTS, 'sign-unavailable.png') });
  await axe(other, 'empty form of a service that does not sign');
  // An empty form sent: a party left out entirely lacks, in words, an
  // organization or a name, as one with only an address does.
  await other.getByRole('button', { name: 'Create PDF', exact: true }).click();
  await waitForText('#error-summary-heading', /Please check these/, other);
  const listed = await other.locator('#error-list li').allTextContents();
  assert.ok(listed.includes('Sender: enter an organization or a name.'), listed.join(' | '));
  assert.ok(!listed.some((text) => /^Sender: please fill this in/.test(text)), listed.join(' | '));

  // A draft reviewed without a letter date is approved with the date it was
  // printed with (the service's today), not re-dated when compared later.
  await other.getByRole('button', { name: 'Load example' }).click();
  await waitForText('#plan-end-iso', /^\d{4}-\d{2}-\d{2}$/, other);
  await other.locator('#letter-date').fill('');
  await waitForText('#plan-letter-date', /\d/, other);
  await Promise.all([other.waitForEvent('download'), other.getByRole('button', { name: 'Review draft' }).click()]);
  await other.getByRole('button', { name: 'Mark as approved' }).click();
  const approved = await other.evaluate(() => JSON.parse(localStorage.getItem('parting.approved.v1')));
  const today = await other.evaluate(async (request) => {
    const response = await fetch('/v1/letters/plan', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    return (await response.json()).letter_date;
  }, { ...approved.request, letter_date: undefined });
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(approved.request.letter_date, today);
  await other.close();
});

step('legal review: the reviewed draft is approved, the letter compared with it, another language refused in words', async () => {
  // The draft reviewed last (the step before) may be approved.
  await waitForText('#approved-status', /The draft you just reviewed can be marked as approved/);
  assert.equal(await page.isHidden('#compare-approved'), true);
  await page.getByRole('button', { name: 'Mark as approved' }).click();
  await waitForText('#review-status', /The reviewed draft is now the approved version/);
  assert.equal(await focusedId(), 'compare-approved');
  assert.equal(await page.isHidden('#mark-approved'), true);
  await waitForText('#approved-status', /^Approved version of .+ \(English\)\./);
  await waitForText('#draft-notice-text', /The approved version is kept until /);
  const approved = await page.evaluate(() => JSON.parse(localStorage.getItem('parting.approved.v1')));
  assert.equal(approved.request.recipient.name, 'Thomas Miller');
  assert.equal(approved.request.options && approved.request.options.draft, undefined);

  // Nothing changed since: the service says so.
  const same = await downloadVia('Compare with approved');
  assert.equal(same.name, 'letter-changes.pdf');
  assert.match(same.text, /Changes since the earlier draft No changes/);

  // Two words more in the contract's title (printed in the subject and in
  // the notice: four words inserted), marked and shown in the page.
  const title = await page.inputValue('#contract-title');
  await page.locator('#contract-title').fill(`${title} for analytics`);
  const changed = await downloadVia('Compare with approved');
  await waitForText('#review-status', /Downloaded letter-changes\.pdf: the letter with every change since the approved version marked/);
  assert.match(changed.text, /Words inserted: 4; words deleted: 0/);
  assert.match(changed.text, /Termination of the .+ for analytics Dear/);
  const frame = await page.getAttribute('#preview-frame', 'src');
  assert.equal(await page.getAttribute('#preview-download', 'href'), frame);
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#preview-download')]);
  assert.ok(readFileSync(await saveDownload(again)).equals(readFileSync(changed.file)), 'the preview holds the changes');
  await axe(page, 'legal review with an approved version, English');
  await page.locator('#review').screenshot({ path: path.join(ARTIFACTS, 'review.png') });

  // Another letter language: the service refuses (422 at /after/language);
  // the form says what to do, in the interface's words.
  await page.locator('#language').selectOption('de');
  await page.getByRole('button', { name: 'Compare with approved' }).click();
  await waitForText(
    '#review-status',
    /The approved version is in English, this letter in German\. Only versions in the same language can be compared: switch the letter back to English/,
  );
  assert.equal(await page.getAttribute('#review-status', 'data-kind'), 'problem');
  await page.locator('#review').screenshot({ path: path.join(ARTIFACTS, 'review-language.png') });
  await page.locator('#language').selectOption('en');
  await page.locator('#contract-title').fill(title);
  await waitForText('#plan-end-date', /28 February 2027/);
});

step('"Copy as curl" copies a command that makes the same letter', async () => {
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await waitForText('#action-status', /curl command/);
  const command = await clipboard();
  assert.match(command, /^curl /);
  execFileSync('bash', ['-c', command], { cwd: ARTIFACTS, timeout: 20000 });
  const text = pdfText(path.join(ARTIFACTS, 'letter.pdf'));
  assert.match(text, /Thomas Miller/);
  assert.match(text, /February 28, 2027/);
});

step('the interface speaks German while the letter stays English, and is remembered', async () => {
  await page.getByLabel('Interface language').selectOption('de');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.getByLabel('Sprache des Schreibens').waitFor();
  assert.equal(await page.inputValue('#language'), 'en');
  assert.equal(await page.textContent('#create-pdf'), 'PDF erstellen');
  // The legal review speaks German too, its last message included.
  assert.equal(await page.textContent('#review-heading'), 'Rechtliche Prüfung');
  await waitForText('#review-status', /Die freigegebene Fassung ist auf Englisch verfasst, dieses Schreiben auf Deutsch\./);
  assert.match(await page.textContent('#sign-note'), /Entwürfe werden nie signiert/);
  await waitForText('#plan-end-date', /Sonntag, 28\. Februar 2027/);
  // Reasons in German, the letter's English wording as the preview.
  await page.waitForFunction(() => document.getElementById('reason-list').lang === 'de');
  assert.equal((await page.textContent('label[for="reason-payment_problems"]')).trim(), 'Verspätete oder ausbleibende Zahlungen');
  assert.equal((await page.textContent('#reason-payment_problems-preview')).trim(), 'Late or missed payments');
  // Rows and errors in German too.
  assert.equal(await page.getAttribute('[data-list="/projects"] .remove-row', 'aria-label'), 'Projekt 1 entfernen');
  await page.getByLabel(/^Kündigungsfrist/).fill('-2');
  await page.getByLabel(/^Kündigungsfrist/).press('Tab');
  await page.locator('#plan-problems a', { hasText: 'Kündigungsfrist: Erlaubt sind 0 bis 120 Monate.' }).waitFor();
  await page.getByLabel(/^Kündigungsfrist/).fill('3');
  await waitForText('#plan-end-date', /28\. Februar 2027/);

  // A decimal comma in the amount is the decimal point of the request.
  await page.getByLabel('Geste').selectOption('refund_last_month');
  await page.getByLabel(/^Betrag/).fill('1.250,50');
  await page.locator('#goodwill-currency').fill('USD');
  await page.getByRole('button', { name: 'Als JSON kopieren' }).click();
  await waitForText('#action-status', /Zwischenablage/);
  assert.equal(JSON.parse(await clipboard()).goodwill.amount, '1250.50');
  await waitForText('#plan-end-date', /28\. Februar 2027/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-de.png') });
  await axe(page, 'filled form with plan, German, desktop');

  await page.waitForTimeout(400);
  await page.reload();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.inputValue('#ui-language'), 'de');
  assert.equal(await page.inputValue('#goodwill-amount'), '1.250,50');
});

step('a phone: the plan beside the actions, a skip link to them, no sideways scrolling, axe-core clean', async () => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await waitForText('#actions-plan', /Der Vertrag endet am 28\. Februar 2027/);
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement.scrollWidth,
    inner: window.innerWidth,
  }));
  assert.ok(widths.scroll <= widths.inner, `scrollWidth ${widths.scroll} > innerWidth ${widths.inner}`);
  // The skip link is the first stop and leads to the actions.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#actions');
  assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), 'Direkt zu den Aktionen');
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(), 'actions');
  // The actions, with the end date, are on screen while the form is in the
  // middle of the page.
  await page.locator('#contract-title').scrollIntoViewIfNeeded();
  const bar = await page.locator('#actions').boundingBox();
  const gist = await page.locator('#actions-plan').boundingBox();
  assert.ok(bar.y >= 0 && bar.y + bar.height <= 812 + 1, `actions at ${bar.y}..${bar.y + bar.height}`);
  assert.ok(gist.y >= 0 && gist.y + gist.height <= 812, 'the end date is beside the buttons');
  // A field reached with Tab is not hidden behind them.
  await page.evaluate(() => {
    // The next field starts in the middle of the bar.
    const next = document.getElementById('contract-signed');
    const bar = document.getElementById('actions');
    const top = next.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top - (window.innerHeight - bar.offsetHeight / 2));
    document.getElementById('contract-reference').focus({ preventScroll: true });
  });
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(), 'contract-signed');
  const field = await page.locator('#contract-signed').boundingBox();
  const barNow = await page.locator('#actions').boundingBox();
  assert.ok(field.y + field.height <= barNow.y, `the focused field (to ${field.y + field.height}) is above the actions (${barNow.y})`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'narrow.png') });
  await page.screenshot({ path: path.join(ARTIFACTS, 'narrow-full.png'), fullPage: true });
  await axe(page, 'filled form, German, 375px phone');
  await page.getByLabel('Sprache der Oberfläche').selectOption('en');
  await waitForText('#actions-plan', /The contract ends on 28 February 2027/);
  await axe(page, 'filled form, English, 375px phone');
  // The amount typed in German notation is kept in English notation.
  assert.equal(await page.inputValue('#goodwill-amount'), '1250.50');
  await page.reload();
  assert.equal(await page.inputValue('#goodwill-amount'), '1250.50');
  await waitForText('#plan-end-date', /28 February 2027/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, 'desktop.png') });
});

step('a phone\'s action bar is one row, at most a fifth of the screen in German and Thai; "More" opens the rest', async (t) => {
  const PHONE = { width: 390, height: 844 };
  await page.setViewportSize(PHONE);
  const names = { de: 'Weitere Aktionen', th: 'การดำเนินการเพิ่มเติม' };
  for (const language of ['de', 'th']) {
    await page.locator('#ui-language').selectOption(language);
    await page.waitForFunction((code) => document.documentElement.lang === code, language);
    await page.waitForFunction(() => !document.getElementById('actions-plan').hidden);
    await page.locator('#contract-title').scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    const bar = await page.locator('#actions').boundingBox();
    await page.screenshot({ path: path.join(ARTIFACTS, `phone-bar-${language}.png`) });
    t.diagnostic(`${language}: action bar ${Math.round(bar.height)}px of ${PHONE.height}px`);
    assert.ok(bar.height <= 0.2 * PHONE.height, `${language}: the action bar is ${bar.height}px of ${PHONE.height}px`);
    assert.ok(bar.y + bar.height <= PHONE.height + 1, `${language}: the bar is on screen`);
    // One row: the two letters and "More", side by side.
    const boxes = await Promise.all(
      ['#create-pdf', '#review-draft', '#actions-more-toggle'].map((id) => page.locator(id).boundingBox()),
    );
    for (const box of boxes) assert.ok(Math.abs(box.y - boxes[0].y) <= 1, `${language}: buttons in one row`);
    assert.equal(await page.isVisible('#copy-json'), false);
    assert.equal(await page.isVisible('#archive-copy'), false);
    await axe(page, `action bar, ${language}, 390px phone`);
    // By keyboard: "More" opens the rest after it in tab order; Escape closes it.
    const toggle = page.getByRole('button', { name: names[language] });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'copy-json');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'copy-curl');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'archive-copy');
    const open = await page.locator('#actions').boundingBox();
    assert.ok(open.y >= 0 && open.y + open.height <= PHONE.height + 1, `${language}: the open menu is on screen`);
    await page.screenshot({ path: path.join(ARTIFACTS, `phone-more-${language}.png`) });
    await axe(page, `action bar with "More" open, ${language}, 390px phone`);
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await focusedId(), 'actions-more-toggle');
    assert.equal(await page.isVisible('#copy-json'), false);
  }
  // An error at a field folded away opens "More" to show it.
  await page.route('**/v1/letters', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'tag:parting.example,2026:problem:invalid-request', title: 'Archive copy is not possible', status: 422,
        detail: 'the request is invalid', errors: [{ pointer: '/options/archive', message: 'is not possible here' }],
      }),
    }),
  );
  await page.locator('#create-pdf').click();
  await page.waitForFunction(() => document.getElementById('archive-copy').getAttribute('aria-invalid') === 'true');
  assert.equal(await page.getAttribute('#actions-more-toggle', 'aria-expanded'), 'true');
  assert.equal(await page.isVisible('#archive-copy'), true);
  await page.unroute('**/v1/letters');
  await page.locator('#actions-more-toggle').click();
  await page.locator('#ui-language').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.setViewportSize({ width: 1280, height: 900 });
  // On a wide screen there is no "More": every action is shown.
  assert.equal(await page.isVisible('#actions-more-toggle'), false);
  assert.equal(await page.isVisible('#copy-json'), true);
  assert.equal(await page.isVisible('#archive-copy'), true);
});

step('dates in the interface language: the plan panel writes them one way, each date field writes its date out', async () => {
  // An English letter is en-US, the English interface en-GB: the panel
  // writes the service's dates the interface's way too.
  await page.locator('#ui-language').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.inputValue('#language'), 'en');
  await page.fill('#letter-date', '2026-11-22');
  await waitForText('#plan-derivation-text', /counted from 22 November 2026/);
  for (const id of ['#plan-derivation-text', '#plan-receive-how', '#plan-options']) {
    if (!(await page.isVisible(id))) continue;
    const text = await page.textContent(id);
    assert.doesNotMatch(text, /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/, `${id}: ${text}`);
    assert.match(text, /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/, `${id}: ${text}`);
  }
  // Whatever the browser's locale (en-US here: the field shows 11/22/2026),
  // the date is written out in the interface language and describes its field.
  const described = (id) =>
    page.evaluate((field) => {
      const ids = (document.getElementById(field).getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      return ids.map((one) => document.getElementById(one)).filter((node) => node && node.classList.contains('date-words'))
        .map((node) => (node.closest('[hidden]') || getComputedStyle(node).display === 'none' ? '(hidden)' : node.textContent)).join('|');
    }, id);
  const expected = { en: '22 November 2026', de: '22. November 2026', th: '22 พฤศจิกายน 2569' };
  for (const language of ['de', 'th', 'en']) {
    await page.locator('#ui-language').selectOption(language);
    await page.waitForFunction((code) => document.documentElement.lang === code, language);
    assert.equal(await described('letter-date'), expected[language], `${language}: letter date`);
    if (language === 'de') {
      await page.fill('#handover-by', '2027-01-29');
      assert.equal(await described('handover-by'), '29. Januar 2027');
      await page.locator('#letter-date').screenshot({ path: path.join(ARTIFACTS, 'date-field-de.png') });
      await page.locator('#letter-date').evaluate((node) => node.closest('.field').scrollIntoView());
      await page.screenshot({ path: path.join(ARTIFACTS, 'dates-de.png') });
      await axe(page, 'date fields written out, German');
    }
    if (language === 'th') {
      assert.equal(await described('handover-by'), '29 มกราคม 2570');
      await page.screenshot({ path: path.join(ARTIFACTS, 'dates-th.png') });
    }
  }
  // An emptied field has nothing written out.
  await page.fill('#handover-by', '');
  assert.equal(await described('handover-by'), '(hidden)');
});

step('axe-core finds nothing in the Portuguese, Polish and Thai interfaces either', async () => {
  for (const language of ['pt', 'pl', 'th']) {
    await page.locator('#ui-language').selectOption(language);
    await page.waitForFunction((code) => document.documentElement.lang === code, language);
    await page.waitForFunction((code) => document.getElementById('reason-list').lang === code, language);
    await page.screenshot({ path: path.join(ARTIFACTS, `desktop-${language}.png`) });
    await axe(page, `filled form, ${language}, desktop`);
  }
  await page.locator('#ui-language').selectOption('en');
  await page.waitForFunction(() => document.getElementById('reason-list').lang === 'en');
});

step('Thai errors name their field once, then say what to do', async () => {
  await page.locator('#ui-language').selectOption('th');
  await page.waitForFunction(() => document.documentElement.lang === 'th');
  const noteOf = async (id) => {
    await page.waitForSelector(`#${id}[aria-invalid="true"]`);
    const errorId = (await page.getAttribute(`#${id}`, 'aria-describedby')).split(' ').find((one) => one.startsWith('error-'));
    return page.textContent(`#${errorId}`);
  };
  const cases = [
    // [field, value the service refuses, its label, what the note says after it]
    ['recipient-country', 'THA', 'ประเทศ', 'โปรดใส่รหัสสองตัวอักษร เช่น TH หรือ US'],
    ['recipient-email', 'somchai.example.co.th', 'อีเมล', 'รูปแบบไม่ถูกต้อง โปรดใส่ในรูปแบบ name@example.co.th'],
  ];
  for (const [id, value, label, advice] of cases) {
    const before = await page.inputValue(`#${id}`);
    await page.fill(`#${id}`, value);
    await page.locator(`#${id}`).press('Tab');
    const note = await noteOf(id);
    assert.ok(note.endsWith(`${label}: ${advice}`), `${id}: ${note}`);
    assert.equal(note.split(label).length - 1, 1, `${id}: the field is named once: ${note}`);
    await page.fill(`#${id}`, before);
    await page.locator(`#${id}`).press('Tab');
    await page.waitForSelector(`#${id}:not([aria-invalid])`);
  }
  await page.locator('#ui-language').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

step('"Load example" loads the example of the letter\'s language', async () => {
  for (const language of ['th', 'pl']) {
    await page.getByLabel('Language of the letter').selectOption(language);
    await page.getByRole('button', { name: 'Load example' }).click();
    const sample = SAMPLES[language];
    assert.equal(await page.inputValue('#contract-reference'), sample.contract.reference);
    assert.equal(await page.inputValue('#recipient-name'), sample.recipient.name);
    await page.waitForFunction((code) => document.getElementById('reason-list').dataset.letterLanguage === code, language);
    await waitForText('#plan-end-iso', /^\d{4}-\d{2}-\d{2}$/);
  }
  assert.equal(await page.inputValue('#language'), 'pl');
  // The English interface shows the Polish example's amount in English notation.
  assert.equal(await page.inputValue('#goodwill-amount'), SAMPLES.pl.goodwill.amount);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.inputValue('#contract-reference'), SAMPLES.th.contract.reference);
});

step('an API key is asked for when the service wants one', async () => {
  const keyed = await context.newPage();
  let plain500 = false;
  await keyed.route('**/v1/**', async (route) => {
    const auth = route.request().headers().authorization;
    if (auth !== 'Bearer s3cret') {
      await route.fulfill({
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'application/problem+json' },
        body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'an API key is required' }),
      });
    } else if (plain500 && route.request().url().endsWith('/v1/letters/plan')) {
      await route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' });
    } else {
      await route.continue();
    }
  });
  await keyed.goto(BASE);
  await keyed.locator('#auth-box').waitFor();
  await keyed.getByLabel('API key').fill('s3cret');
  await keyed.getByLabel('API key').press('Enter');
  await keyed.locator('#auth-box').waitFor({ state: 'hidden' });
  await keyed.waitForFunction(() => /^\d{4}-\d{2}-\d{2}$/.test(document.getElementById('plan-end-iso').textContent));
  assert.equal(await keyed.evaluate(() => sessionStorage.getItem('parting.apiKey')), 's3cret');
  // The curl command names the key by variable, never by value.
  await keyed.getByRole('button', { name: 'Copy as curl' }).click();
  const command = await keyed.evaluate(() => navigator.clipboard.readText());
  assert.match(command, /Authorization: Bearer \$PARTING_API_KEY/);
  assert.doesNotMatch(command, /s3cret/);

  // A failing service is said plainly.
  plain500 = true;
  await keyed.locator('#contract-reference').fill('FA-2023-017');
  await keyed.waitForFunction(() => /service is busy right now \(503\)/.test(document.getElementById('plan-status').textContent));
  await keyed.close();
});

step('without a clipboard the text to copy is shown, selected', async () => {
  const bare = await context.newPage();
  await bare.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await bare.goto(BASE);
  await waitForText('#plan-end-iso', /^\d{4}-\d{2}-\d{2}$/, bare);
  await bare.getByRole('button', { name: 'Copy as JSON' }).click();
  await bare.locator('#copy-box').waitFor();
  assert.equal(await bare.evaluate(() => document.activeElement.id), 'copy-text');
  const shown = await bare.inputValue('#copy-text');
  assert.equal(await bare.evaluate(() => window.getSelection().toString() || document.activeElement.value.slice(
    document.activeElement.selectionStart, document.activeElement.selectionEnd)), shown);
  assert.equal(JSON.parse(shown).contract.reference, await bare.inputValue('#contract-reference'));
  await waitForText('#action-status', /clipboard is not available/, bare);
  await bare.close();
});

step('start over empties the form and undo brings it back', async () => {
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.equal(await group('Recipient').getByLabel(/^Name/).inputValue(), '');
  await waitForText('#plan-status', /Fill in the form/);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await group('Recipient').getByLabel(/^Name/).inputValue(), SAMPLES.th.recipient.name);
});

step('the draft expires after 30 days, and "Forget it" forgets it at once', async () => {
  // A draft last changed 31 days ago is gone on the next visit.
  await page.waitForTimeout(400);
  await page.evaluate(() => {
    const state = JSON.parse(localStorage.getItem('parting.form.v1'));
    state.savedAt = Date.now() - 31 * 24 * 3600 * 1000;
    localStorage.setItem('parting.form.v1', JSON.stringify(state));
  });
  await page.reload();
  await waitForText('#plan-status', /Fill in the form/);
  assert.equal(await page.inputValue('#recipient-name'), '');
  assert.equal(await page.evaluate(() => localStorage.getItem('parting.form.v1')), null);

  await page.getByRole('button', { name: 'Load example' }).click();
  await waitForText('#draft-notice-text', /keeps your draft for 30 days/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'before-forget.png') });
  await page.getByRole('button', { name: 'Forget it' }).click();
  // The approved version (legal review step) goes with the draft.
  await waitForText('#toolbar-status', /Your draft and the approved version are forgotten/);
  assert.equal(await page.inputValue('#recipient-name'), '');
  assert.equal(await page.evaluate(() => localStorage.getItem('parting.form.v1')), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('parting.approved.v1')), null);
  assert.equal(await page.isHidden('#compare-approved'), true);
  await waitForText('#approved-status', /No version has been approved yet/);
  await waitForText('#draft-notice-text', /Nothing is kept yet/);
  await page.reload();
  assert.equal(await page.inputValue('#recipient-name'), '');
});

// The plan fields other parts of the service are adding, rendered from the
// real plan with those fields added on its way to the page.
step('the plan shows receive_by first, and the texts written for people', async () => {
  await page.route('**/v1/letters/plan', async (route) => {
    const response = await route.fetch();
    const plan = await response.json();
    if (response.status() === 200) {
      plan.receive_by = '2026-11-27';
      plan.receive_by_text = 'Counted back thirty days from the end date.';
      plan.derivation_text = 'Thirty days from 22 November 2026.';
      plan.warnings = [{ pointer: '/contract/reference', message: 'machine words', text: 'Please add the contract number.' }];
    }
    await route.fulfill({ response, json: plan });
  });
  await page.getByLabel('Language of the letter').selectOption('en');
  await page.getByRole('button', { name: 'Load example' }).click();
  await waitForText('#plan-receive-by', /27 November 2026/);
  assert.equal(await page.textContent('#plan-receive-how'), 'Counted back thirty days from the end date.');
  assert.match(await page.textContent('#plan-status'), /^The letter will end the contract on \w+day, \d+ \w+ \d{4}\.$/);
  assert.match(await page.textContent('#plan-derivation-text'), /Thirty days from 22 November 2026/);
  const warning = page.locator('#plan-warnings a', { hasText: 'Please add the contract number.' });
  await warning.waitFor();
  assert.equal(await page.locator('#plan-warnings', { hasText: 'machine words' }).count(), 0);
  await warning.click();
  assert.equal(await focusedId(), 'contract-reference');
  await waitForText('#actions-plan', /The client must receive the letter by 27 November 2026/);
  await page.unroute('**/v1/letters/plan');
});

// Fields other parts of the service are adding; checked once the service
// takes them (a server without them answers 422 "unknown field").
step('receipt date and company details, where the service takes them', async (t) => {
  const sample = SAMPLES.en;
  const receipt = '2026-11-25';
  const probe = await page.request.post(`${BASE}v1/letters/plan`, {
    data: { ...sample, termination: { ...sample.termination, receipt_date: receipt } },
  });
  if (probe.status() !== 200) {
    t.skip(`the service does not take termination.receipt_date yet (${probe.status()})`);
    return;
  }
  const plan = await probe.json();
  await page.getByLabel('Language of the letter').selectOption('en');
  await page.getByRole('button', { name: 'Load example' }).click();
  // Before the letter's date: refused in words.
  await page.locator('#receipt-date').fill('2026-11-20');
  await page
    .locator('#plan-problems a', {
      hasText: 'Letter: Client receives it on: the client cannot receive the letter before it is dated (22 November 2026).',
    })
    .waitFor();
  await page.locator('#receipt-date').fill(receipt);
  await waitForText('#plan-end-iso', new RegExp(`^${plan.effective_end_date}$`));
  if (plan.receive_by) {
    // The date the client must have the letter by comes first.
    await page.locator('#plan-receive-box').waitFor();
    const first = await page.evaluate(() =>
      document.getElementById('plan-receive-box').compareDocumentPosition(document.getElementById('plan-end-date')),
    );
    assert.ok(first & 4 /* DOCUMENT_POSITION_FOLLOWING */, 'receive_by precedes the end date');
  }
  if (plan.derivation_text) assert.equal(await page.isVisible('#plan-derivation-text'), true);

  const legal = await page.request.post(`${BASE}v1/letters/plan`, {
    data: { ...sample, sender: { ...sample.sender, legal: { register_number: 'HRB 123456' } } },
  });
  if (legal.status() !== 200) {
    t.diagnostic(`the service does not take sender.legal yet (${legal.status()})`);
    return;
  }
  await page.locator('#legal-details summary').click();
  await page.getByLabel('Register number').fill('HRB 123456');
  const { text } = await downloadVia('Create PDF');
  assert.match(text, /HRB 123456/);
});

step('no script errors on the page', () => {
  // A 4xx answer the form expects (422 while typing) is logged by Chromium as
  // a failed resource, and so is a blob: preview that the page's policy does
  // not let it frame (the form then offers the new tab); anything else is a
  // bug.
  const unexpected = consoleProblems.filter(
    (text) => !/status of (4\d\d)/.test(text) && !/^Framing 'blob:.*Content Security Policy/.test(text),
  );
  assert.deepEqual(unexpected, []);
});
