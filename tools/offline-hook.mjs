// Trunk post-build hook, two jobs that need the finished build:
// 1. pins the loader (boot.js, an external script for a strict CSP) in index.html by its
//    SHA-384, as Trunk does for the files it hashes, so every script the page runs is checked
//    (where tools/prerender.mjs has moved it onto first.js's script, checks that pin instead);
// 2. writes the service worker (sw.js) with the list of every built file, so the precache list
//    always matches the build. The build's version is a hash of those files' names and bytes;
//    data files are not listed (the worker saves the dataset the manifest names, as one whole).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { walk, sri, trunkBuild } from './files.mjs';
import { withSharedRules } from './rules.mjs';

const { dir } = trunkBuild();
const DATA_DIR = 'data/sample/';


const indexPath = path.join(dir, 'index.html');
const boot = fs.readFileSync(path.join(dir, 'boot.js'));
const bootIntegrity = sri(boot);
const html = fs.readFileSync(indexPath, 'utf8');
// In a build with a pre-rendered first view, tools/prerender.mjs has already moved boot.js onto
// first.js's script with its hash (first.js inserts it); that hash must be this file's.
const moved = html.match(/data-boot="[^"]*boot\.js" data-boot-integrity="([^"]+)"/);
if (moved) {
  if (moved[1] !== bootIntegrity) throw new Error('index.html pins boot.js on first.js\'s script by a hash that is not the built file\'s');
} else {
  const pinned = html.replace(/<script type="module" src="([^"]*boot\.js)"/, `<script type="module" src="$1" integrity="${bootIntegrity}"`);
  if (pinned === html) throw new Error('index.html has no boot.js script to pin (see pattern_script in Trunk.toml)');
  fs.writeFileSync(indexPath, pinned);
}

// The publisher page's files (publish.html, publish/) are not precached for every reader: the
// worker keeps them once that page asks (see sw-template.js, 'keep-publisher').
const isPublisher = (f) => f === 'publish.html' || f.startsWith('publish/');
const all = walk(dir).filter((f) => !f.startsWith('data/') && f !== 'sw.js').sort();
const files = all.filter((f) => !isPublisher(f));
const publisher = all.filter(isPublisher);
const hash = crypto.createHash('sha256');
for (const f of all) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const template = fs.readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
// The loader's rule block from the source (the staged boot.js is minified, its markers gone).
const bootSource = fs.readFileSync(new URL('../public/boot.js', import.meta.url), 'utf8');
const sw = withSharedRules(template, bootSource)
  .replace('__APP_FILES__', JSON.stringify(files))
  .replace('__PUBLISHER_FILES__', JSON.stringify(publisher))
  .replace('__APP_VERSION__', hash.digest('hex').slice(0, 16))
  .replace('__DATA_DIR__', DATA_DIR);
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`offline: sw.js precaches ${files.length} built files, and the publisher page's ${publisher.length} once it is opened`);
