// The app's layout rules that a reader of ARCHITECTURE.md relies on, read from the source (no
// browser): no view imports another view (shared pieces live in views/mod.rs or controls/).

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const VIEWS = path.join(ROOT, 'src/views');
// A view is a file (`rankings.rs`) or a folder of parts (`map/`, its `mod.rs` the view).
const entries = fs.readdirSync(VIEWS, { withFileTypes: true });
const views = entries
  .filter((e) => (e.isFile() && e.name.endsWith('.rs') && e.name !== 'mod.rs') || e.isDirectory())
  .map((e) => e.name.replace(/\.rs$/, ''));

/** Each view's source files, with how deep each sits below `src/views` (1 for a part). */
function filesOf(v) {
  const dir = path.join(VIEWS, v);
  if (!fs.existsSync(dir)) return [{ file: path.join(VIEWS, `${v}.rs`), part: false }];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.rs')).map((f) => ({ file: path.join(dir, f), part: f !== 'mod.rs' }));
}

/** Each `views::<name>` or `super::<name>` (from a view) path in `code`, comments left out. In a
 * part of a view's folder, `super::` is the view itself and `super::super::` the views. */
function viewPaths(code, from, part = false) {
  let text = code.split('\n').map((l) => l.split('//')[0]).join('\n');
  if (part) text = text.replace(/\bsuper::super::/g, 'views::').replace(/\bsuper::(?!super)/g, 'self::');
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
  for (const v of views) {
    for (const { file, part } of filesOf(v)) {
      const code = fs.readFileSync(file, 'utf8');
      for (const p of viewPaths(code, v, part)) wrong.push(`${path.relative(VIEWS, file)} uses ${p}`);
    }
  }
  for (const p of viewPaths(fs.readFileSync(path.join(VIEWS, 'mod.rs'), 'utf8'), 'mod')) wrong.push(`views/mod.rs uses ${p}`);
  assert.deepEqual(wrong, []);
});

test('the checker sees a view reaching into another', () => {
  assert.deepEqual(viewPaths('fn f() { super::methods::open(); } // super::map::x', 'brief'), ['super::methods::']);
  assert.deepEqual(viewPaths('use crate::views::map::MapView;', 'brief'), ['crate::views::map::']);
  assert.deepEqual(viewPaths('super::csv_button(x)', 'brief'), []);
  assert.deepEqual(viewPaths('fn f() { methods::open_section(s); crate::nav::go(); }', 'mod'), ['methods::']);
  // In a part of the map's folder, `super::` is the map itself; two levels up are the views.
  assert.deepEqual(viewPaths('use super::{open, Hovered}; super::super::brief::x(); super::tiles::y();', 'map', true), ['views::brief::']);
  assert.deepEqual(viewPaths('crate::views::csv_button(x); crate::views::map::open();', 'map', true), []);
});
