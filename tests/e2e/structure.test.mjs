// The app's layout rules that a reader of ARCHITECTURE.md relies on, read from the source (no
// browser): no view imports another view (shared pieces live in views/mod.rs or controls/).

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const VIEWS = path.join(ROOT, 'src/views');
const views = fs.readdirSync(VIEWS).filter((f) => f.endsWith('.rs') && f !== 'mod.rs').map((f) => f.slice(0, -3));

/** Each `views::<name>` or `super::<name>` (from a view) path in `code`, comments left out. */
function viewPaths(code, from) {
  const text = code.split('\n').map((l) => l.split('//')[0]).join('\n');
  const found = [];
  // From views/mod.rs a view is reached by its bare name (`methods::x`).
  const pattern = from === 'mod' ? /(?<![\w:])(?:crate::views::|views::|super::)?([a-z_]+)::/g : /\b(?:crate::views|views|super)::([a-z_]+)::/g;
  for (const m of text.matchAll(pattern)) {
    if (views.includes(m[1]) && m[1] !== from) found.push(m[0]);
  }
  return found;
}

test('no view imports another view', () => {
  assert.ok(views.length >= 8, `${views.length} views found`);
  const wrong = [];
  for (const v of [...views, 'mod']) {
    const code = fs.readFileSync(path.join(VIEWS, `${v}.rs`), 'utf8');
    for (const p of viewPaths(code, v)) wrong.push(`views/${v}.rs uses ${p}`);
  }
  assert.deepEqual(wrong, []);
});

test('the checker sees a view reaching into another', () => {
  assert.deepEqual(viewPaths('fn f() { super::methods::open(); } // super::map::x', 'brief'), ['super::methods::']);
  assert.deepEqual(viewPaths('use crate::views::map::MapView;', 'brief'), ['crate::views::map::']);
  assert.deepEqual(viewPaths('super::csv_button(x)', 'brief'), []);
  assert.deepEqual(viewPaths('fn f() { methods::open_section(s); crate::nav::go(); }', 'mod'), ['methods::']);
});
