// Release and debug build step (run by tools/post-build.mjs after minify and pre-render, before
// the service worker is written): builds the publisher page's own wasm (crates/publisher) and
// writes dist/publish.html and dist/publish/. Trunk builds one wasm per page, and the viewer's
// must not carry the publisher, so this second module is built here: cargo, the same pinned
// wasm-bindgen CLI, binaryen's wasm-opt and esbuild (release), every file named by its hash and
// pinned in publish.html by its SHA-384, as Trunk pins the viewer's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { WASM_OPT_FEATURES, npmBin as bin, trunkBuild, sri, nameHash as hex, targetDir } from './files.mjs';

const { dir, release, root } = trunkBuild();

const profile = release ? 'release' : 'debug';
execFileSync('cargo', ['build', '--target', 'wasm32-unknown-unknown', '-p', 'samiksha-publisher', '--bin', 'samiksha-publisher', ...(release ? ['--release'] : [])], { cwd: root, stdio: 'inherit' });
const built = path.join(targetDir(), 'wasm32-unknown-unknown', profile, 'samiksha-publisher.wasm');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samiksha-publisher-'));
try {
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'publisher', built], { stdio: 'inherit' });
  const wasmPath = path.join(tmp, 'publisher_bg.wasm');
  if (release) {
    execFileSync(bin('wasm-opt'), ['-Oz', ...WASM_OPT_FEATURES, wasmPath, '-o', wasmPath], { stdio: 'inherit' });
  }
  let js = fs.readFileSync(path.join(tmp, 'publisher.js'), 'utf8');
  if (release) js = transformSync(js, { minify: true, target: 'es2020', legalComments: 'none' }).code;
  const wasm = fs.readFileSync(wasmPath);
  const css = fs.readFileSync(path.join(root, 'public/publish.css'));

  const out = path.join(dir, 'publish');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out);
  const jsName = `publisher-${hex(js)}.js`;
  const wasmName = `publisher-${hex(wasm)}_bg.wasm`;
  const cssName = `publish-${hex(css)}.css`;
  // The loader: the module (preloaded with its hash by publish.html) and the wasm fetched with
  // its hash, so a file that differs from the build is refused, not run.
  let start = `import init from './${jsName}';
const wasm = fetch(new URL('./${wasmName}', import.meta.url), { integrity: '${sri(wasm)}', credentials: 'same-origin' });
init({ module_or_path: wasm }).catch((error) => {
  console.error('the publishing page could not start:', error);
  for (const el of document.querySelectorAll('#boot [data-reason]')) el.hidden = el.dataset.reason !== 'failed';
});
`;
  if (release) start = transformSync(start, { minify: true, target: 'es2020', format: 'esm' }).code;
  const startName = `start-${hex(start)}.js`;
  fs.writeFileSync(path.join(out, jsName), js);
  fs.writeFileSync(path.join(out, wasmName), wasm);
  fs.writeFileSync(path.join(out, cssName), css);
  fs.writeFileSync(path.join(out, startName), start);
  const html = fs
    .readFileSync(path.join(root, 'public/publish.html'), 'utf8')
    .replace('__CSS__', `publish/${cssName}`)
    .replace('__CSS_INTEGRITY__', sri(css))
    .replace('__JS__', `publish/${jsName}`)
    .replace('__JS_INTEGRITY__', sri(js))
    .replace('__START__', `publish/${startName}`)
    .replace('__START_INTEGRITY__', sri(start));
  if (html.includes('__')) throw new Error('public/publish.html has a placeholder this script does not fill');
  fs.writeFileSync(path.join(dir, 'publish.html'), html);
  console.log(`publisher: publish.html, wasm ${wasm.length} bytes, JavaScript ${js.length + start.length} bytes`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
