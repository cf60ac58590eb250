// Build step (run first by tools/post-build.mjs, release and debug): cuts the viewer's wasm in
// two, so that the map answers a tap before the other views' code has arrived (issue 24, "load
// by view"). Trunk 0.21 runs cargo, wasm-bindgen and wasm-opt in one go, and `wasm-split-cli`
// must run between cargo and wasm-bindgen; so this step takes cargo's output (built by Trunk
// with the `split` feature, linked with its relocations: build.rs) and does the rest itself:
//   cargo's samiksha.wasm → wasm-split-cli → the main module + the views' module + their JS link
//   → wasm-bindgen (the main module; --keep-lld-exports keeps the function table the views'
//     module needs) → wasm-opt (release) on each module → esbuild (the JS bundled)
// and puts the result in place of Trunk's own (new names and SHA-384s in index.html).
// The views' module is named by its hash and fetched with its SHA-384 (a changed file is
// refused, as boot.js refuses the main one); the JS that loads it (wasm-split's link script) is
// bundled into the app's JS with the snippets, so the first view asks for no more files than
// before and every script is still checked by the app JS's SHA-384.
// Which functions go into the views' module is said in src/app.rs (`mod later`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { WASM_OPT_FEATURES, npmBin as bin, trunkBuild, sri, nameHash as hex, repin } from './files.mjs';
import { buildSync } from 'esbuild';

const { dir, release, root } = trunkBuild();

const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const jsName = html.match(/data-js="(?:\.\/)?([^"]+\.js)"/)?.[1];
const wasmName = html.match(/data-wasm="(?:\.\/)?([^"]+\.wasm)"/)?.[1];
if (!jsName || !wasmName) throw new Error('split: index.html names no app JS and wasm on boot.js (see pattern_script in Trunk.toml)');

// Trunk's cargo build: the source index.html's data-cargo-profile-release in a release build.
const source = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const profile = release ? source.match(/data-cargo-profile-release="([^"]+)"/)?.[1] || 'release' : 'debug';
const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
const built = path.join(targetDir, 'wasm32-unknown-unknown', profile, 'samiksha.wasm');
if (!fs.existsSync(built)) throw new Error(`split: cargo's output ${built} is missing`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samiksha-split-'));
try {
  const cut = path.join(tmp, 'cut');
  execFileSync('wasm-split-cli', [built, cut, '--out-name', 'samiksha'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  const views = fs.readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== 'samiksha.wasm');
  if (views.length !== 1 || !views[0].startsWith('split_views')) throw new Error(`split: expected one views module, wasm-split-cli wrote ${views.join(', ') || 'none'}`);
  const bound = path.join(tmp, 'bound');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', ...(release ? [] : ['--debug']), '--out-dir', bound, '--out-name', 'samiksha', path.join(cut, 'samiksha.wasm')], { stdio: 'inherit' });
  const mainWasm = path.join(bound, 'samiksha_bg.wasm');
  const viewsWasm = path.join(cut, views[0]);
  // `make report` sizes each module's items with twiggy on a named copy of these.
  const kept = path.join(targetDir, 'split', profile);
  fs.mkdirSync(kept, { recursive: true });
  fs.copyFileSync(mainWasm, path.join(kept, 'main.wasm'));
  fs.copyFileSync(viewsWasm, path.join(kept, 'views.wasm'));
  if (release) {
    for (const file of [mainWasm, viewsWasm]) execFileSync(bin('wasm-opt'), ['-Oz', ...WASM_OPT_FEATURES, file, '-o', file], { stdio: 'inherit' });
  }

  const viewsBytes = fs.readFileSync(viewsWasm);
  const viewsName = `views-${hex(viewsBytes)}.wasm`;
  // The link script fetches the views' module with its hash.
  const fetchOf = `fetch(new URL("./${views[0]}", import.meta.url))`;
  let link = fs.readFileSync(path.join(cut, '__wasm_split.js'), 'utf8');
  if (!link.includes(fetchOf) || !link.includes('from "./samiksha.js"')) throw new Error('split: __wasm_split.js is not shaped as this step expects (its fetch and its import)');
  // A deadline, so a fetch that stalls ends in the view's "could not be loaded" and its button,
  // not in a loading note for ever (the app gives a data file's answer 30 s: the whole module
  // gets a minute).
  link = link.replace(fetchOf, `fetch(new URL("./${viewsName}", import.meta.url), { integrity: "${sri(viewsBytes)}", credentials: "same-origin", signal: AbortSignal.timeout(60000) })`);
  let js = fs.readFileSync(path.join(bound, 'samiksha.js'), 'utf8');
  // Only the import's specifier: the imports object keeps the module name the wasm asks for.
  if (!js.includes('from "./__wasm_split.js"')) throw new Error('split: the app\'s JS does not import __wasm_split.js');
  fs.writeFileSync(path.join(bound, 'samiksha.js'), js.replace('from "./__wasm_split.js"', 'from "./split.js"'));
  fs.writeFileSync(path.join(bound, 'split.js'), link);
  // One file: the app's JS, the link and the snippets (src/page.js) bundled together. On a slow
  // line each separate file is a request, and Chromium opens six connections to a host over
  // HTTP/1.1: a seventh request beside the first paint's files waited a round trip.
  const bundled = buildSync({ entryPoints: [path.join(bound, 'samiksha.js')], bundle: true, format: 'esm', write: false, target: 'es2020', minify: release, legalComments: 'none' });
  const app = Buffer.from(bundled.outputFiles[0].contents);
  const wasm = fs.readFileSync(mainWasm);
  const build = hex(Buffer.concat([wasm, app]));
  const names = { js: `samiksha-${build}.js`, wasm: `samiksha-${build}_bg.wasm` };

  for (const old of [jsName, wasmName]) fs.rmSync(path.join(dir, old));
  fs.rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, names.js), app);
  fs.writeFileSync(path.join(dir, names.wasm), wasm);
  fs.writeFileSync(path.join(dir, viewsName), viewsBytes);

  // index.html: the new names where Trunk wrote its own, their hashes where Trunk pinned them,
  // and no preload of the snippets, which are in the bundle.
  html = html.replaceAll(jsName, names.js).replaceAll(wasmName, names.wasm).replace(/\n?<link rel="modulepreload" href="(?:\.\/)?snippets\/[^"]*"[^>]*>/g, '');
  html = repin(repin(html, names.js, app), names.wasm, wasm);
  if (html.includes('snippets/')) throw new Error('split: index.html still names a snippet');
  fs.writeFileSync(indexPath, html);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`split: the map's module ${kb(wasm.length)}, the other views' ${kb(viewsBytes.length)} (${viewsName})`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
