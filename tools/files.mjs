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
