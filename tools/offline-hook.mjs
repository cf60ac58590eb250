// Trunk post-build hook: writes the service worker (sw.js) with the list of every built file,
// so the precache list always matches the build. The build's version is a hash of those files'
// names and bytes; data files are not listed here (the worker saves the dataset the manifest
// names, as one versioned whole).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
const DATA_DIR = 'data/sample/';

function walk(d, rel = '') {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(d, e.name), r) : [r];
  });
}

const files = walk(dir).filter((f) => !f.startsWith('data/') && f !== 'sw.js').sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const template = fs.readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
const sw = template
  .replace('__APP_FILES__', JSON.stringify(files))
  .replace('__APP_VERSION__', hash.digest('hex').slice(0, 16))
  .replace('__DATA_DIR__', DATA_DIR);
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`offline: sw.js precaches ${files.length} built files`);
