// Release build step (run by tools/post-build.mjs): minifies the JavaScript with esbuild (from
// npm), because Trunk 0.21's own minifier fails on wasm-bindgen 0.2.130's output: the loaders
// (boot.js, first.js), each pinned by its SHA-384 anew where index.html pins it. The app's own
// JS (wasm-bindgen's, with src/page.js and wasm-split's link) is bundled and minified by
// tools/split.mjs, and named by its bytes there.
import fs from 'node:fs';
import path from 'node:path';
import { walk, repin } from './files.mjs';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
if (process.env.TRUNK_PROFILE !== 'release') {
  console.log('minify: skipped in a debug build');
  process.exit(0);
}


const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
let before = 0;
let after = 0;
// The app's own JS is already minified and named by its bytes (tools/split.mjs bundles it).
for (const file of walk(dir).filter((f) => f.endsWith('.js') && !f.startsWith('data/') && f !== 'sw.js' && !/^samiksha-[0-9a-f]{16}\.js$/.test(f))) {
  const full = path.join(dir, file);
  const source = fs.readFileSync(full, 'utf8');
  // With no output format given, modules stay modules and classic scripts stay classic.
  const { code } = transformSync(source, { minify: true, target: 'es2020', legalComments: 'none' });
  fs.writeFileSync(full, code);
  before += source.length;
  after += code.length;
  // A file Trunk pinned by its hash is pinned again by the new one.
  html = repin(html, file, code);
}
fs.writeFileSync(indexPath, html);
console.log(`minify: JavaScript ${(before / 1024).toFixed(1)} KB → ${(after / 1024).toFixed(1)} KB`);
