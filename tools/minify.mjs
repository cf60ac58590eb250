// Release build step (run by tools/post-build.mjs): minifies the JavaScript with esbuild (from
// npm), because Trunk 0.21's own minifier fails on wasm-bindgen 0.2.130's output: the loaders
// (boot.js, first.js). Neither is pinned yet: the later steps pin them by the minified bytes
// (prerender.mjs first.js and, where it moves it, boot.js; offline-hook.mjs boot.js otherwise).
// The app's own JS (wasm-bindgen's, with src/page.js and wasm-split's link) is bundled and
// minified by tools/split.mjs, and named by its bytes there.
import fs from 'node:fs';
import path from 'node:path';
import { walk, trunkBuild } from './files.mjs';
import { transformSync } from 'esbuild';

const { dir, release } = trunkBuild();
if (!release) {
  console.log('minify: skipped in a debug build');
  process.exit(0);
}

let before = 0;
let after = 0;
// The app's own JS is already minified and named by its bytes (tools/split.mjs bundles it).
for (const file of walk(dir).filter((f) => f.endsWith('.js') && !f.startsWith('data/') && f !== 'sw.js' && !/^samiksha-[0-9a-f]{12,16}\.js$/.test(f))) {
  const full = path.join(dir, file);
  const source = fs.readFileSync(full, 'utf8');
  // With no output format given, modules stay modules and classic scripts stay classic.
  const { code } = transformSync(source, { minify: true, target: 'es2020', legalComments: 'none' });
  fs.writeFileSync(full, code);
  before += source.length;
  after += code.length;
}
console.log(`minify: JavaScript ${(before / 1024).toFixed(1)} KB → ${(after / 1024).toFixed(1)} KB`);
