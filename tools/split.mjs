// Build step (run first by tools/post-build.mjs, release and debug): cuts the viewer's wasm in
// two, so that the map answers a tap before the other views' code has arrived (issue 24, "load
// by view"). Trunk 0.21 runs cargo, wasm-bindgen and wasm-opt in one go, and `wasm-split-cli`
// must run between cargo and wasm-bindgen; so this step takes cargo's output (built by Trunk
// with the `split` feature, linked with its relocations: build.rs) and does the rest itself:
//   cargo's samiksha.wasm → wasm-split-cli → the main module + the views' module + their JS link
//   → wasm-bindgen (the main module; --keep-lld-exports keeps the function table the views'
//     module needs) → wasm-opt (release) on each module
// and puts the result in place of Trunk's own (new names and SHA-384s in index.html).
// The views' module is named by its hash and fetched with its SHA-384 (a changed file is
// refused, as boot.js refuses the main one); the link script is preloaded
// with its SHA-384 beside the app's JS, so it costs no extra round trip and is checked too.
// Which functions go into the views' module is said in src/app.rs (`mod later`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { WASM_OPT_FEATURES } from './files.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
const release = process.env.TRUNK_PROFILE === 'release';
const root = path.resolve(new URL('..', import.meta.url).pathname);
const bin = (name) => {
  const local = path.join(root, 'node_modules/.bin', name);
  return fs.existsSync(local) ? local : name;
};

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

  const hex = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
  const viewsBytes = fs.readFileSync(viewsWasm);
  const viewsName = `views-${hex(viewsBytes)}.wasm`;
  // The link script fetches the views' module with its hash, and imports the app's JS.
  const fetchOf = `fetch(new URL("./${views[0]}", import.meta.url))`;
  let link = fs.readFileSync(path.join(cut, '__wasm_split.js'), 'utf8');
  if (!link.includes(fetchOf) || !link.includes('from "./samiksha.js"')) throw new Error('split: __wasm_split.js is not shaped as this step expects (its fetch and its import)');
  link = link.replace(fetchOf, `fetch(new URL("./${viewsName}", import.meta.url), { integrity: "${sri(viewsBytes)}", credentials: "same-origin" })`);
  let js = fs.readFileSync(path.join(bound, 'samiksha.js'), 'utf8');
  // Only the import's specifier: the imports object keeps the module name the wasm asks for.
  if (!js.includes('from "./__wasm_split.js"')) throw new Error('split: the app\'s JS does not import __wasm_split.js');
  const wasm = fs.readFileSync(mainWasm);
  // The JS and its link name each other, so neither can be named by its own bytes: all three
  // files are named by one hash of what they hold before the names are written in, so a name
  // still stands for one content (docs/hosting.md caches them for a year).
  const build = hex(Buffer.concat([wasm, Buffer.from(js), Buffer.from(link)]));
  const names = { js: `samiksha-${build}.js`, wasm: `samiksha-${build}_bg.wasm`, link: `split-${build}.js` };
  js = js.replace('from "./__wasm_split.js"', `from "./${names.link}"`);
  link = link.replace('from "./samiksha.js"', `from "./${names.js}"`);

  for (const old of [jsName, wasmName]) fs.rmSync(path.join(dir, old));
  fs.writeFileSync(path.join(dir, names.js), js);
  fs.writeFileSync(path.join(dir, names.wasm), wasm);
  fs.writeFileSync(path.join(dir, viewsName), viewsBytes);
  fs.writeFileSync(path.join(dir, names.link), link);

  // index.html: the new names where Trunk wrote its own, their hashes where Trunk pinned them,
  // and the link script preloaded beside the app's JS.
  html = html.replaceAll(jsName, names.js).replaceAll(wasmName, names.wasm);
  const pin = (name, bytes) => {
    const re = new RegExp(`(href="(?:\\./)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*integrity=")[^"]*(")`, 'g');
    html = html.replace(re, `$1${sri(bytes)}$2`);
  };
  pin(names.js, js);
  pin(names.wasm, wasm);
  const appPreload = html.match(new RegExp(`<link rel="modulepreload" href="(\\./)?${names.js.replace(/[.]/g, '\\.')}"[^>]*>`));
  if (!appPreload) throw new Error('split: index.html has no modulepreload of the app\'s JS');
  html = html.replace(appPreload[0], `${appPreload[0]}\n<link rel="modulepreload" href="${appPreload[1] || ''}${names.link}" crossorigin="anonymous" integrity="${sri(link)}">`);
  fs.writeFileSync(indexPath, html);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`split: the map's module ${kb(wasm.length)}, the other views' ${kb(viewsBytes.length)} (${viewsName})`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
