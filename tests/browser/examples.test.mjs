// web/examples.js holds exactly the service's samples, one per letter
// language (regenerate with `node tests/browser/make-examples.mjs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { EXAMPLES_FILE, readSamples } from './make-examples.mjs';

test('web/examples.js equals letter_templates/*/samples/full.json', () => {
  const sandbox = { window: {} };
  vm.runInNewContext(readFileSync(EXAMPLES_FILE, 'utf8'), sandbox);
  const samples = readSamples();
  assert.deepEqual(Object.keys(samples).sort(), ['de', 'en', 'pl', 'pt', 'th']);
  // Compared as JSON: the sandbox's objects come from another realm.
  assert.deepEqual(JSON.parse(JSON.stringify(sandbox.window.PARTING_EXAMPLES)), samples);
});
