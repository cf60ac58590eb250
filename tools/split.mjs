// Build step (run first by tools/post-build.mjs, release and debug): cuts the viewer's wasm
// into modules, so that the pre-rendered map answers a tap from a first module without the
// framework, and the other views' code waits until one of them is shown (issue 24, "load by
// view"). Trunk 0.21 runs cargo, wasm-bindgen and wasm-opt in one go, and `wasm-split-cli`
// must run between cargo and wasm-bindgen; so this step takes cargo's output (built by Trunk
// with the `split` feature, linked with its relocations: build.rs) and does the rest itself:
//   cargo's samiksha.wasm → wasm-split-cli → the main module, the app's module, the other
//     views' module, the module of the code those two share, and their JS link
//   → wasm-bindgen (the main module; --keep-lld-exports keeps the function table the others
//     need) → wasm-opt (release) on each module → esbuild (the JS bundled)
// and puts the result in place of Trunk's own (new names and SHA-384s in index.html).
// The main module holds the core, src/first_tap.rs, src/first_view.rs and src/io.rs; the app
// (`app-<hash>.wasm`, src/lib.rs `app_module`) is asked for once the copy answers, with the
// code it shares with the other views (`shared-<hash>.wasm`: the framework), and the other
// views (`views-<hash>.wasm`, src/app.rs `mod later`) when one of them is first shown.
// Each is named by its hash and fetched with its SHA-384 (a changed file is refused, as
// boot.js refuses the main one, and why is left on <html> for the app's notes); the JS that loads them (wasm-split's link script) is bundled
// into the app's JS with the snippets, so the first view asks for no more files than before and
// every script is still checked by the app JS's SHA-384.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { WASM_OPT_FEATURES, npmBin as bin, trunkBuild, sri, nameHash as hex, repin, targetDir } from './files.mjs';
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
const built = path.join(targetDir(), 'wasm32-unknown-unknown', profile, 'samiksha.wasm');
if (!fs.existsSync(built)) throw new Error(`split: cargo's output ${built} is missing`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samiksha-split-'));
try {
  const cut = path.join(tmp, 'cut');
  execFileSync('wasm-split-cli', [built, cut, '--out-name', 'samiksha'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  // The modules beside the main one: one per `#[wasm_split(name)]` (`split_<name>.wasm`), and
  // the code two of them share, which neither the main module nor one of them alone holds
  // (`chunk_<n>.wasm`: the framework, which the app and the other views both use).
  const others = fs.readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== 'samiksha.wasm').sort();
  // Shipped as `app-<hash>.wasm`, `views-<hash>.wasm` and `shared-<hash>.wasm`.
  const named = (f) => (f.startsWith('chunk_') ? 'shared' : f.replace(/^split_/, '').replace(/\.wasm$/, ''));
  for (const wanted of ['split_app.wasm', 'split_views.wasm']) {
    if (!others.includes(wanted)) throw new Error(`split: expected ${wanted} among wasm-split-cli's modules, it wrote ${others.join(', ') || 'none'}`);
  }
  const unknown = others.filter((f) => !/^(split_[a-z]+|chunk_\d+)\.wasm$/.test(f));
  if (unknown.length) throw new Error(`split: wasm-split-cli wrote modules this step does not know: ${unknown.join(', ')}`);
  const bound = path.join(tmp, 'bound');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', ...(release ? [] : ['--debug']), '--out-dir', bound, '--out-name', 'samiksha', path.join(cut, 'samiksha.wasm')], { stdio: 'inherit' });
  const mainWasm = path.join(bound, 'samiksha_bg.wasm');
  // `make report` sizes each module's items with twiggy on a named copy of these.
  const kept = path.join(targetDir(), 'split', profile);
  fs.rmSync(kept, { recursive: true, force: true });
  fs.mkdirSync(kept, { recursive: true });
  fs.copyFileSync(mainWasm, path.join(kept, 'main.wasm'));
  for (const f of others) fs.copyFileSync(path.join(cut, f), path.join(kept, f));
  if (release) {
    for (const file of [mainWasm, ...others.map((f) => path.join(cut, f))]) execFileSync(bin('wasm-opt'), ['-Oz', ...WASM_OPT_FEATURES, file, '-o', file], { stdio: 'inherit' });
  }

  // Each module is named by its hash and fetched with its SHA-384 (a changed file is refused,
  // as boot.js refuses the main one) and a deadline, so a fetch that stalls ends in "could not
  // be loaded", not in a loading note for ever (a data file gets 30 s: a module gets a minute).
  // A refused module is told apart from a missing one by boot.js's rule (`whyRefused`), and the
  // reason left on <html> (`data-module-refused`) for the app's note (src/first_view.rs `say`).
  let link = fs.readFileSync(path.join(cut, '__wasm_split.js'), 'utf8');
  if (!link.includes('from "./samiksha.js"')) throw new Error('split: __wasm_split.js does not import samiksha.js as this step expects');
  const modules = others.map((f) => {
    const bytes = fs.readFileSync(path.join(cut, f));
    const name = `${named(f)}-${hex(bytes)}.wasm`;
    const fetchOf = `fetch(new URL("./${f}", import.meta.url))`;
    if (!link.includes(fetchOf)) throw new Error(`split: __wasm_split.js does not fetch ${f} as this step expects`);
    link = link.replace(fetchOf, `checked(new URL("./${name}", import.meta.url), "${sri(bytes)}")`);
    return { name, bytes };
  });
  if (/fetch\(new URL\("\.\/(split_|chunk_)/.test(link)) throw new Error('split: __wasm_split.js fetches a module this step did not name');
  // The deadline's signal, made by hand: `AbortSignal.timeout` is newer than the browsers
  // that run the rest of the app (Safari before 16), and without the app's module nothing but
  // the copy would show there.
  link += '\nfunction deadline(ms) {\n    const controller = new AbortController();\n    setTimeout(() => controller.abort(), ms);\n    return controller.signal;\n}\n';
  // Why the checked fetch failed, "altered" or "missing", is boot.js's rule (`whyRefused`, on
  // globalThis: boot.js started this app, so it has run), left on <html> for the app's notes.
  // The failure itself goes on to the split loader unchanged.
  link += `
function checked(url, integrity) {
    // A new try says its own reason, whichever module it is.
    delete document.documentElement.dataset.moduleRefused;
    return fetch(url, { integrity, credentials: "same-origin", signal: deadline(60000) }).catch(async (error) => {
        const why = globalThis.__samikshaWhyRefused;
        if (!why) console.warn("Samiksha: boot.js's whyRefused is missing; a module that could not be had is said to be missing");
        document.documentElement.dataset.moduleRefused = why ? await why(url, error, deadline(30000)) : "missing";
        throw error;
    });
}
`;
  let js = fs.readFileSync(path.join(bound, 'samiksha.js'), 'utf8');
  // Only the imports' specifiers (one per module the main one loads, all the same namespace):
  // the imports object keeps the module name the wasm asks for.
  if (!js.includes('from "./__wasm_split.js"')) throw new Error('split: the app\'s JS does not import __wasm_split.js');
  fs.writeFileSync(path.join(bound, 'samiksha.js'), js.replaceAll('from "./__wasm_split.js"', 'from "./split.js"'));
  fs.writeFileSync(path.join(bound, 'split.js'), link);
  // One file: the app's JS, the link and the snippets (src/page.js) bundled together. On a slow
  // line each separate file is a request, and Chromium opens six connections to a host over
  // HTTP/1.1: a seventh request beside the first paint's files waited a round trip.
  const bundled = buildSync({ entryPoints: [path.join(bound, 'samiksha.js')], bundle: true, format: 'esm', write: false, target: 'es2020', minify: release, legalComments: 'none',
    // wasm-bindgen names the link once per module the main one loads, as the same key of the
    // imports object with the same namespace as value: harmless, and not ours to change.
    logOverride: { 'duplicate-object-key': 'silent' } });
  const app = Buffer.from(bundled.outputFiles[0].contents);
  const wasm = fs.readFileSync(mainWasm);
  const build = hex(Buffer.concat([wasm, app]));
  const names = { js: `samiksha-${build}.js`, wasm: `samiksha-${build}_bg.wasm` };

  for (const old of [jsName, wasmName]) fs.rmSync(path.join(dir, old));
  fs.rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, names.js), app);
  fs.writeFileSync(path.join(dir, names.wasm), wasm);
  for (const m of modules) fs.writeFileSync(path.join(dir, m.name), m.bytes);

  // index.html: the new names where Trunk wrote its own, their hashes where Trunk pinned them,
  // and no preload of the snippets, which are in the bundle.
  html = html.replaceAll(jsName, names.js).replaceAll(wasmName, names.wasm).replace(/\n?<link rel="modulepreload" href="(?:\.\/)?snippets\/[^"]*"[^>]*>/g, '');
  html = repin(repin(html, names.js, app), names.wasm, wasm);
  if (html.includes('snippets/')) throw new Error('split: index.html still names a snippet');
  fs.writeFileSync(indexPath, html);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`split: the first module ${kb(wasm.length)}; ${modules.map((m) => `${m.name} ${kb(m.bytes.length)}`).join(', ')}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
