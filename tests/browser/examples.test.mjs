// web/examples.js holds exactly the service's samples, one per letter
// language (regenerate with `node tests/browser/make-examples.mjs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXAMPLES_FILE, parse, readSamples } from './make-examples.mjs';

test('web/examples.js equals letter_templates/*/samples/full.json', () => {
  const samples = readSamples();
  assert.deepEqual(Object.keys(samples).sort(), ['de', 'en', 'pl', 'pt', 'th']);
  assert.deepEqual(parse(readFileSync(EXAMPLES_FILE, 'utf8')), samples);
});
