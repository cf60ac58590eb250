// Helpers the build steps share.
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function walk(dir, rel = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(dir, e.name), r) : [r];
  });
}

/** What binaryen's wasm-opt is told the wasm uses (rustc's wasm32 defaults that it does not
 * assume): the viewer's two modules, the publisher page's and the report's named copy. */
export const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-multivalue'];
