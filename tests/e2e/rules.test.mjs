// The JavaScript copies of the core's rules (the service worker's template and the loader)
// run over the same table of cases as the Rust (tests/rules/cases.json, crates/core/tests/rules.rs),
// and the names the app's JS and the worker share are the same, so no copy can drift.
// No browser: each file's `// rule: begin` … `// rule: end` block is evaluated on its own.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';
import { ruleBlock, withSharedRules } from '../../tools/rules.mjs';

const cases = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/rules/cases.json'), 'utf8'));
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The functions a rule block defines. */
function rules(source, names) {
  // eslint-disable-next-line no-new-func
  return new Function(`${ruleBlock(source)}\nreturn { ${names.join(', ')} };`)();
}

// The loader's block, and the worker's as the build writes it (the loader's block put into the
// template by tools/rules.mjs, as offline-hook.mjs does).
const copies = [
  ['sw.js (built from tools/sw-template.js)', withSharedRules(read('tools/sw-template.js'), read('public/boot.js')), ['idOk', 'folderOk', 'defaultFolder', 'chosenFolder', 'inside']],
  ['public/boot.js', read('public/boot.js'), ['idOk', 'folderOk', 'defaultFolder', 'chosenFolder']],
];

for (const [file, source, names] of copies) {
  const fns = rules(source, names);

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

  test(`${file}: a link opens the dataset its data= names, as the core chooses it`, () => {
    assert.ok(cases.links.length >= 10);
    for (const c of cases.links) assert.equal(fns.chosenFolder(c.catalog, c.id), c.chosen, c.why);
  });

  if (fns.inside) {
    test(`${file}: listed files stay inside the dataset folder by the core's rule`, () => {
      assert.ok(cases.paths.length >= 10);
      for (const { path: p, inside } of cases.paths) assert.equal(fns.inside(p), inside, JSON.stringify(p));
    });
  }
}

test('the built worker carries the loader\'s rule block, not a copy of its own', () => {
  const built = fs.readFileSync(path.join(ROOT, 'dist/sw.js'), 'utf8');
  assert.ok(built.includes(ruleBlock(read('public/boot.js'))), 'dist/sw.js holds boot.js\'s block');
  assert.ok(!read('tools/sw-template.js').includes('const idOk'), 'the template has no rule of its own to drift');
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

// The first view's staleness check runs twice, at two moments: in boot.js before the wasm
// arrives, and in the app once it reads the manifest (src/first_view.rs), the one a page with
// no connection relies on. Both compare the copy's own record of what it shows, which
// tools/prerender.mjs writes: the same two attributes in all three.
test('the pre-rendered copy is checked against the attributes the pre-renderer writes', () => {
  const written = [...read('tools/prerender.mjs').matchAll(/id="first-view" ((?:data-[a-z0-9-]+="\$\{\w+\}" ?)+)/g)].flatMap((m) => [...m[1].matchAll(/(data-[a-z0-9-]+)=/g)].map((x) => x[1]));
  assert.deepEqual(written.sort(), ['data-dataset', 'data-manifest-sha256']);
  const camel = (a) => a.slice(5).replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const boot = read('public/boot.js');
  const app = read('src/first_view.rs');
  for (const a of written) {
    assert.ok(boot.includes(`copy.dataset.${camel(a)}`), `boot.js compares ${a}`);
    assert.ok(app.includes(`get_attribute("${a}")`), `src/first_view.rs compares ${a}`);
  }
});
