// Writes web/examples.js (an ES module), the form's "Load example" requests, from the
// service's own samples (letter_templates/<lang>/samples/full.json), so the
// form works offline and never drifts from them. examples.test.mjs checks
// that the file is current.
//   node tests/browser/make-examples.mjs
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES_FILE = path.join(ROOT, 'web', 'examples.js');

// Every language's sample, by language code, in directory order.
export function readSamples() {
  const templates = path.join(ROOT, 'letter_templates');
  const samples = {};
  for (const language of readdirSync(templates).sort()) {
    const file = path.join(templates, language, 'samples', 'full.json');
    if (existsSync(file)) samples[language] = JSON.parse(readFileSync(file, 'utf8'));
  }
  return samples;
}

// The samples an examples.js text holds (its one JSON value).
export function parse(text) {
  const start = text.indexOf('export default ') + 'export default '.length;
  return JSON.parse(text.slice(start).replace(/;\s*$/, ''));
}

export function render(samples) {
  return (
    '// The sample request of each letter language, for "Load example".\n' +
    '// Generated from letter_templates/<lang>/samples/full.json by\n' +
    '// tests/browser/make-examples.mjs: do not edit, run it again.\n' +
    `export default ${JSON.stringify(samples, null, 2)};\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(EXAMPLES_FILE, render(readSamples()));
  console.log(`wrote ${path.relative(ROOT, EXAMPLES_FILE)}`);
}
