// The web form end to end in headless Chromium: fill it in from scratch with
// the keyboard, watch the plan, trigger a validation error, reload, download
// the letter and the draft and read their text, and check the narrow layout.
// Run by tests/browser/run.sh, which starts the server and sets PARTING_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.PARTING_URL;
if (!BASE) throw new Error('PARTING_URL is not set: run tests/browser/run.sh PATH/TO/parting');
const ARTIFACTS = process.env.PARTING_ARTIFACTS || mkdtempSync(path.join(tmpdir(), 'parting-browser-'));
const EXECUTABLE = process.env.PARTING_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 10000;

let context;
let page;
let profile;
const consoleProblems = [];

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
  context.setDefaultTimeout(TIMEOUT);
  page = context.pages()[0] || (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
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

async function waitForText(selector, pattern) {
  await page.waitForFunction(
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

async function downloadVia(buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  const file = path.join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { name: download.suggestedFilename(), text: text.replace(/\s+/g, ' ') };
}

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

step('the form starts empty, without inline code, and names every control', async () => {
  const response = await page.goto(BASE);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
  await waitForText('#plan-status', /Fill in the form/);
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
});

step('fill in the form with the keyboard and see the plan', async () => {
  await page.getByLabel('Letter date').fill('2026-11-22');

  // Sender, field after field with Tab: the tab order follows the page.
  await group('Sender').getByLabel('Organization').focus();
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

  // Recipient.
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
  await group('Recipient').getByLabel('Name').focus();
  const stray = page.waitForEvent('download', { timeout: 700 }).then(
    () => 'downloaded',
    () => 'nothing',
  );
  await page.keyboard.press('Enter');
  assert.equal(await stray, 'nothing');
  assert.equal(await page.textContent('#action-status'), '');

  // Contract and notice.
  await group('Contract').getByLabel('Title').fill('Consulting Services Framework Agreement');
  await page.getByLabel('Notice period').focus();
  await page.keyboard.type('3');
  await page.getByLabel('Notice unit').selectOption('months');
  await page.getByLabel('Notice ends on').selectOption('end_of_month');

  // Reasons, checked with the space bar.
  await page.getByLabel('Takes more time than the account is worth').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Late or missed payments').focus();
  await page.keyboard.press('Space');

  // Switching the language relabels the reasons and keeps them checked.
  await page.getByLabel('Language of the letter').selectOption('de');
  await page.waitForFunction(() => document.getElementById('reason-list').lang === 'de');
  const germanLabel = await page.textContent('label[for="reason-payment_problems"]');
  assert.notEqual(germanLabel.trim(), 'Late or missed payments');
  assert.equal(await page.isChecked('#reason-payment_problems'), true);
  await page.getByLabel('Language of the letter').selectOption('en');
  await page.getByLabel('Late or missed payments').waitFor();
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

step('a validation error appears next to its field', async () => {
  const amount = page.getByLabel('Notice period');
  await amount.fill('-1');
  await amount.press('Tab');
  await page.waitForSelector('#notice-amount[aria-invalid="true"]');
  const describedBy = await amount.getAttribute('aria-describedby');
  assert.ok(describedBy, 'the field names its error');
  const message = await page.textContent(`#${describedBy}`);
  assert.match(message, /at least 0|negative|must/i);
  // The error sits in the field's own box, and the plan lists it with a link.
  assert.equal(await page.locator('.field:has(#notice-amount) .field-error').count(), 1);
  await waitForText('#plan-status', /field needs attention|fields need attention/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'error.png') });
  await page.locator('#plan-problems a', { hasText: 'Notice period' }).click();
  assert.equal(await focusedId(), 'notice-amount');

  await amount.fill('3');
  await page.waitForSelector('#notice-amount:not([aria-invalid])');

  // Empty rows are not sent, yet a row's error still names the right row:
  // the second situation (the first sent) lacks its date.
  const situations = group('Termination');
  await situations.getByRole('button', { name: 'Add a situation' }).click();
  await situations.getByRole('button', { name: 'Add a situation' }).click();
  await page.locator('#termination-documented-situations-1-text').fill('Invoice 0871 paid 61 days late');
  const missingDate = page.locator('#plan-problems a', { hasText: 'Date, situation 2' });
  await missingDate.waitFor();
  await missingDate.click();
  assert.equal(await focusedId(), 'termination-documented-situations-1-date');
  await page.locator('#termination-documented-situations-1-date').fill('2026-09-30');
  await missingDate.waitFor({ state: 'detached' });
  await situations.getByRole('button', { name: 'Remove situation 1' }).click();
  assert.equal(await focusedId(), 'termination-documented-situations-0-date');
  await waitForText('#plan-end-date', /28 February 2027/);
});

step('the input survives a reload', async () => {
  await page.waitForTimeout(400);  // past the save debounce (pagehide saves too)
  await page.reload();
  assert.equal(await group('Recipient').getByLabel('Name').inputValue(), 'Thomas Miller');
  assert.equal(await group('Recipient').getByLabel(/^Address/).inputValue(), '5 Lexington Avenue\nNew York, NY 10010');
  assert.equal(await page.getByLabel('Notice period').inputValue(), '3');
  assert.equal(await page.inputValue('#projects-0-name'), 'Website relaunch');
  assert.equal(await page.inputValue('#transition-handover-0-item'), 'Source files and designs');
  await page.getByLabel('Late or missed payments').waitFor();
  assert.equal(await page.isChecked('#reason-payment_problems'), true);
  assert.equal(await page.isChecked('#reason-constant_complaints'), false);
  assert.match(await planEndDate(), /28 February 2027/);
});

step('"Create PDF" downloads the letter', async () => {
  // Hold the answer back to see the buttons disabled while it is on its way.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/v1/letters', async (route) => {
    await held;
    await route.continue();
  });
  const result = downloadVia('Create PDF');
  await page.waitForSelector('#create-pdf:disabled');
  assert.equal(await page.isDisabled('#review-draft'), true);
  release();
  const { name, text } = await result;
  await page.unroute('**/v1/letters');
  assert.match(name, /^letter-.*\.pdf$/);
  assert.doesNotMatch(name, /draft/);
  assert.match(text, /Thomas Miller/);
  assert.match(text, /Miller & Sons Inc\./);
  assert.match(text, /February 28, 2027/);
  assert.match(text, /Website relaunch/);
  assert.doesNotMatch(text, /Archive migration/);
  assert.doesNotMatch(text, /DRAFT/);
  assert.doesNotMatch(text, /fingerprint/i);
  await waitForText('#action-status', /Downloaded letter-/);
  assert.equal(await page.isEnabled('#create-pdf'), true);
});

step('"Review draft" downloads the draft copy', async () => {
  const { name, text } = await downloadVia('Review draft');
  assert.match(name, /-draft\.pdf$/);
  assert.match(text, /DRAFT/);
  // The reviewer's page: how the end date was derived.
  assert.match(text, /notice 3 months from 2026-11-22 = 2027-02-22, to end of month: 2027-02-28/);
  assert.match(text, /Thomas Miller/);
});

step('screenshots: wide, and a narrow screen without horizontal scrolling', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, 'desktop.png') });
  await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-full.png'), fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement.scrollWidth,
    inner: window.innerWidth,
  }));
  assert.ok(widths.scroll <= widths.inner, `scrollWidth ${widths.scroll} > innerWidth ${widths.inner}`);
  // One column: the plan comes below the form.
  const formBox = await page.locator('#letter-form').boundingBox();
  const planBox = await page.locator('#plan').boundingBox();
  assert.ok(planBox.y >= formBox.y + formBox.height, 'the plan is below the form');
  await page.screenshot({ path: path.join(ARTIFACTS, 'narrow.png') });
  await page.screenshot({ path: path.join(ARTIFACTS, 'narrow-full.png'), fullPage: true });
  await page.locator('#plan').screenshot({ path: path.join(ARTIFACTS, 'narrow-plan.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
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
  await keyed.waitForFunction(() => /28 February 2027/.test(document.getElementById('plan-end-date').textContent));
  assert.equal(await keyed.evaluate(() => sessionStorage.getItem('parting.apiKey')), 's3cret');

  // A failing service is said plainly.
  plain500 = true;
  await keyed.locator('#contract-reference').fill('FA-2023-017');
  await keyed.waitForFunction(() => /service had a problem \(503\)/.test(document.getElementById('plan-status').textContent));
  await keyed.close();
});

step('start over empties the form and undo brings it back', async () => {
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.equal(await group('Recipient').getByLabel('Name').inputValue(), '');
  await waitForText('#plan-status', /Fill in the form/);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await group('Recipient').getByLabel('Name').inputValue(), 'Thomas Miller');
  await page.getByRole('button', { name: 'Load example' }).click();
  assert.equal(await page.inputValue('#contract-reference'), 'FA-2023-017');
  await waitForText('#plan-end-date', /28 February 2027/);
});

step('no script errors on the page', () => {
  // A 4xx answer the form expects (422 while typing) is logged by Chromium as
  // a failed resource; anything else is a bug.
  const unexpected = consoleProblems.filter((text) => !/status of (4\d\d)/.test(text));
  assert.deepEqual(unexpected, []);
});
