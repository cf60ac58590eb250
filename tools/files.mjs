// Helpers the build steps share: the file walk, the Trunk hook's build, cargo's target folder, npm
// tools, wasm-opt's features, and the hashes that name and pin built files.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** The repository's root (this file is in its tools/). */
const ROOT = path.resolve(new URL('..', import.meta.url).pathname);

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function walk(dir, rel = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(dir, e.name), r) : [r];
  });
}

/** What binaryen's wasm-opt is told the wasm uses (rustc's wasm32 defaults that it does not
 * assume): the viewer's modules, the publisher page's and the report's named copies. */
export const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-multivalue'];

/** The build a Trunk hook runs in: its staging folder, whether it is a release build, and the
 * repository's root. Throws outside Trunk. */
export function trunkBuild() {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
  return { dir, release: process.env.TRUNK_PROFILE === 'release', root: ROOT };
}

/** Cargo's target folder (CARGO_TARGET_DIR, else the repository's `target/`): where the build
 * steps find cargo's output and keep what the report reads again (split modules, the page
 * before pre-rendering). */
export const targetDir = () => process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');

/** An npm tool installed in node_modules/.bin (tools/setup.sh), else the one on the PATH. */
export function npmBin(name) {
  const local = path.join(ROOT, 'node_modules/.bin', name);
  return fs.existsSync(local) ? local : name;
}

/** The SHA-384 of `bytes` as an integrity attribute's value (what the browser checks). */
export const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

/** The 16 hex digits a built file's name carries: a name stands for one content. */
export const nameHash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** `html` with the integrity of every link to `file` (with or without `./`) set to `bytes`'s. */
export function repin(html, file, bytes) {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.replace(new RegExp(`(href="(?:\\./)?${escaped}"[^>]*integrity=")[^"]*(")`, 'g'), `$1${sri(bytes)}$2`);
}
