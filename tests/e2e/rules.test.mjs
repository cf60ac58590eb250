// The JavaScript copies of the core's rules (the service worker's template and the loader)
// run over the same table of cases as the Rust (tests/rules/cases.json, crates/core/tests/rules.rs),
// and the names the app's JS and the worker share are the same, so no copy can drift.
// No browser: each file's `// rule: begin` … `// rule: end` block is evaluated on its own.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const cases = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/rules/cases.json'), 'utf8'));
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The functions a file's rule block defines. */
function rules(file, names) {
  const text = read(file);
  const block = /\/\/ rule: begin[^\n]*\n([\s\S]*?)\/\/ rule: end/.exec(text);
  assert.ok(block, `${file} has no rule block`);
  // eslint-disable-next-line no-new-func
  return new Function(`${block[1]}\nreturn { ${names.join(', ')} };`)();
}

const copies = [
  ['tools/sw-template.js', ['idOk', 'folderOk', 'defaultFolder', 'inside']],
  ['public/boot.js', ['idOk', 'folderOk', 'defaultFolder']],
];

for (const [file, names] of copies) {
  const fns = rules(file, names);

  test(`${file}: ids and folders follow the core's id rule`, () => {
    assert.ok(cases.ids.length >= 10);
    for (const { id, valid } of cases.ids) {
      assert.equal(fns.idOk(id), valid, `id ${JSON.stringify(id)}`);
      assert.equal(fns.folderOk(id), valid, `folder ${JSON.stringify(id)}`);
      assert.equal(fns.folderOk(`${id}/`), valid, `folder ${JSON.stringify(`${id}/`)}`);
    }
  });

  test(`${file}: the default dataset is the catalogue's first usable entry, as the core reads it`, () => {
    assert.ok(cases.catalogues.length >= 10);
    for (const c of cases.catalogues) assert.equal(fns.defaultFolder(c.catalog), c.default, c.why);
  });

  if (fns.inside) {
    test(`${file}: listed files stay inside the dataset folder by the core's rule`, () => {
      assert.ok(cases.paths.length >= 10);
      for (const { path: p, inside } of cases.paths) assert.equal(fns.inside(p), inside, JSON.stringify(p));
    });
  }
}

test('the two copies of the rule block are the same code where they overlap', () => {
  const block = (file) => /\/\/ rule: begin[^\n]*\n(?:\/\/[^\n]*\n)*([\s\S]*?)\/\/ rule: end/.exec(read(file))[1];
  const boot = block('public/boot.js');
  assert.ok(block('tools/sw-template.js').startsWith(boot), 'boot.js\'s block is the start of the worker\'s');
});

test('the app and the worker name the same caches, records and default folder', () => {
  const sw = read('tools/sw-template.js');
  const page = read('src/page.js');
  const meta = /const META_CACHE = '([^']+)'/.exec(sw)[1];
  assert.ok(page.includes(`caches.open('${meta}')`), `src/page.js opens ${meta}`);
  const record = /new URL\(`(active-data\?dir=)\$\{encodeURIComponent\(dir\)\}`, SCOPE\)/.exec(sw)[1];
  assert.ok(page.includes(`new URL(\`${record}\${encodeURIComponent(dir)}\`, registration.scope)`), `src/page.js reads ${record}`);
  const dir = /pub const DATASET_DIR: &str = "([^"]+)";/.exec(read('src/lib.rs'))[1];
  assert.equal(/const DATA_DIR = '([^']+)';/.exec(read('tools/offline-hook.mjs'))[1], dir, 'offline-hook.mjs');
  assert.equal(/let folder = '([^']+)';/.exec(read('public/boot.js'))[1], dir, 'boot.js');
});
