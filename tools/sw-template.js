// Samiksha's service worker: keeps the app and every dataset a reader has opened, each whole,
// so that every view works with no network after one visit. Written into the build by tools/offline-hook.mjs, which fills in
// the list of built files; nobody maintains that list by hand.
//
// Caches:
// - samiksha-app-<build>: every file of one build. A new build installs a new worker, which
//   saves the new files whole and deletes the old cache when it takes over.
// - samiksha-data-<manifest hash>: one dataset, its manifest and every file it lists, saved
//   whole before it is used. The catalogue's first dataset is saved on install; another when a
//   page first opens it (served from the network until then). A newer dataset on the server never replaces it silently: the page
//   offers the switch, and only then is the new one saved and the old one deleted, so a view
//   never mixes files of two versions.
// - samiksha-meta: which data cache is in use for each dataset folder, which one each open page
//   reads, and the last catalogue read. A page keeps
//   the dataset it started with until it reloads, even when another tab switches: its later
//   requests (another period, the boundary file) come from the same version, and that version's
//   cache is deleted only once no open page reads it.
'use strict';
const APP_FILES = __APP_FILES__;
// The publisher page's files: kept only for those who open that page (it asks), and kept again
// by a new build's worker when the old one had them.
const PUBLISHER_FILES = __PUBLISHER_FILES__;
const APP_CACHE = 'samiksha-app-__APP_VERSION__';
// The dataset a host without a catalogue serves.
const DEFAULT_DIR = '__DATA_DIR__';
const CATALOG = 'data/catalog.json';
const META_CACHE = 'samiksha-meta';
const SCOPE = self.registration.scope;

// The dataset folder a data request belongs to: data/<folder>/, the folder named as the app's
// core::format::catalog::folder_ok allows.
function dirOf(rel) {
  const m = /^data\/([^/]+)\//.exec(rel);
  return m && folderOk(m[1]) ? `data/${m[1]}/` : null;
}

const activeKey = (dir) => new URL(`active-data?dir=${encodeURIComponent(dir)}`, SCOPE).href;

async function activeData(dir) {
  const hit = await (await caches.open(META_CACHE)).match(activeKey(dir));
  return hit ? hit.text() : null;
}

// Every dataset folder's cache in use.
async function allActive() {
  const meta = await caches.open(META_CACHE);
  const names = [];
  for (const request of await meta.keys()) {
    if (!new URL(request.url).searchParams.has('dir') || new URL(request.url).searchParams.has('client')) continue;
    const hit = await meta.match(request);
    if (hit) names.push(await hit.text());
  }
  return names;
}

// The catalogue: the copy kept from the last read, refreshed from the network meanwhile (a page
// on a slow line never waits on it); without a copy, the network; without either, "not found",
// which the app reads as a site with one dataset.
async function catalog(event) {
  const meta = await caches.open(META_CACHE);
  const url = new URL(CATALOG, SCOPE).href;
  const refresh = (async () => {
    const res = await fetch(url, { cache: 'no-store' });
    if (res.ok) await meta.put(url, res.clone());
    return res;
  })();
  const kept = await meta.match(url);
  if (kept) {
    if (event) event.waitUntil(refresh.catch(() => {}));
    return kept;
  }
  try {
    return await refresh;
  } catch {
    return new Response('', { status: 404, statusText: 'no catalogue' });
  }
}

// rule: begin. The core's rules in JavaScript: ids (format::walk::is_valid_id), dataset folders
// (format::catalog::folder_ok), the default dataset (format::catalog::parse_catalog's first
// entry) and the dataset an address opens (chosenFolder: format::catalog::Catalog::choose), put here from public/boot.js at build time (tools/rules.mjs); and files inside a
// dataset's folder (format::manifest::inside_folder), which only the worker needs.
// tests/e2e/rules.test.mjs runs this block, and crates/core/tests/rules.rs the Rust, over one
// table of cases (tests/rules/cases.json).
// __SHARED_RULES__
function inside(path) {
  return typeof path === 'string' && path !== '' && !path.startsWith('/') && !path.includes('..')
    && !/[:\\?#%\s\u0000-\u001f\u007f-\u009f\ufeff]/.test(path);
}
// rule: end

// The folder of the catalogue's first usable dataset, or the default without a usable catalogue.
async function defaultDir() {
  try {
    const first = defaultFolder(await (await catalog()).json());
    if (first) return first;
  } catch {
    // Fall through to the default.
  }
  return DEFAULT_DIR;
}

async function hex(bytes, length = 16) {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('').slice(0, length);
}

// Saves the dataset now on the server into its own cache; the cache in use changes only once
// every file is saved.
async function saveDataset(dir) {
  const base = new URL(dir, SCOPE);
  const manifestUrl = new URL('manifest.json', base);
  const res = await fetch(manifestUrl, { cache: 'no-store' });
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  const bytes = await res.arrayBuffer();
  const manifest = JSON.parse(new TextDecoder().decode(bytes));
  const name = `samiksha-data-${await hex(bytes)}`;
  saving.add(name);
  try {
    return await fill(name, manifest, bytes, base, manifestUrl, dir);
  } finally {
    saving.delete(name);
  }
}

async function fill(name, manifest, bytes, base, manifestUrl, dir) {
  const cache = await caches.open(name);
  const files = (Array.isArray(manifest.value_files) ? manifest.value_files : []).filter(Boolean);
  if (manifest.boundaries) files.push(manifest.boundaries);
  await Promise.all(files.filter((f) => inside(f.path)).map(async (f) => {
    const url = new URL(f.path, base);
    const r = await fetch(url, { cache: 'no-store' });
    if (!r.ok) throw new Error(`${f.path}: HTTP ${r.status}`);
    // Saved only if it is the file the manifest describes: a dataset caught mid-upload is
    // not saved (the app would refuse it, and the saved copy would stay broken).
    const bytes = await r.arrayBuffer();
    if (typeof f.bytes === 'number' && f.bytes !== bytes.byteLength) throw new Error(`${f.path}: size differs from the manifest`);
    if (typeof f.sha256 === 'string' && (await hex(bytes, 64)) !== f.sha256.toLowerCase()) throw new Error(`${f.path}: SHA-256 differs from the manifest`);
    await cache.put(url, new Response(bytes, { headers: r.headers }));
  }));
  await cache.put(manifestUrl, new Response(bytes, { headers: { 'content-type': 'application/json' } }));
  await (await caches.open(META_CACHE)).put(activeKey(dir), new Response(name));
  return name;
}

// Data caches being filled right now (a first save, or a switch): never pruned meanwhile.
const saving = new Set();

// The data caches open pages read, forgetting pages that are gone.
async function inUse() {
  const meta = await caches.open(META_CACHE);
  const live = new Set((await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id));
  const used = [];
  for (const request of await meta.keys()) {
    const id = new URL(request.url).searchParams.get('client');
    if (!id) continue;
    const hit = await meta.match(request);
    if (live.has(id) && hit) used.push(await hit.text());
    else await meta.delete(request);
  }
  return used;
}

// Deletes the data caches no open page reads and that are not the one in use. App caches are
// left to `activate`, which knows which build is current.
async function pruneData() {
  const keep = new Set([...(await allActive()), ...(await inUse()), ...saving]);
  for (const key of await caches.keys()) {
    if (key.startsWith('samiksha-data-') && !keep.has(key)) await caches.delete(key);
  }
}

const clientKey = (id, dir) => new URL(`client-data?client=${encodeURIComponent(id)}&dir=${encodeURIComponent(dir)}`, SCOPE).href;


self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(APP_CACHE);
    await cache.addAll(APP_FILES.map((f) => new Request(new URL(f, SCOPE), { cache: 'no-store' })));
    if (await caches.match(new URL('publish.html', SCOPE).href)) await keepPublisher(cache);
    const dir = await defaultDir();
    const current = await activeData(dir);
    if (!current || !(await caches.has(current))) await saveDataset(dir);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Earlier builds go; data caches only when no open page reads them.
    for (const key of await caches.keys()) {
      if (key.startsWith('samiksha-app-') && key !== APP_CACHE) await caches.delete(key);
    }
    await pruneData();
    await self.clients.claim();
  })());
});

// A page's first data request (its manifest) ties the page to the dataset in use then; data
// caches nobody reads any more are pruned after the answer (never holding it up, never failing it).
async function fromData(event, rel) {
  const { request, clientId } = event;
  const dir = dirOf(rel);
  if (!dir) return fetch(request);
  const meta = await caches.open(META_CACHE);
  let name = clientId ? await (await meta.match(clientKey(clientId, dir)))?.text() : null;
  // A page's record that points at a cache since deleted is no record: read the one in use.
  if (name && !(await caches.has(name))) name = null;
  if (!name || rel === `${dir}manifest.json`) {
    name = await activeData(dir);
    if (name && clientId) {
      await meta.put(clientKey(clientId, dir), new Response(name));
      event.waitUntil(pruneData().catch(() => {}));
    }
    // A dataset no page has opened yet comes from the network; the page then asks for it to be
    // saved whole (page.js, registerWorker).
  }
  if (name) {
    const hit = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  return fetch(request);
}

// Files whose names carry their hash never change: from the saved build. Others (boot.js,
// the web app manifest, icons) can change under the same name: from the network when there
// is one, so a new index.html never meets an old loader its hash would refuse.
async function fromApp(request) {
  const cache = await caches.open(APP_CACHE);
  // (Trunk writes its hash without leading zeros: 12 to 16 digits.)
  if (/-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(new URL(request.url).pathname)) {
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  }
  try {
    return await fetch(request);
  } catch (err) {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}

// Pages come from the network when there is one, so a new build shows at once; without a
// network, from the saved build: the page itself if it was kept (publish.html), else the viewer.
async function page(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cache = await caches.open(APP_CACHE);
    const hit = (await cache.match(request, { ignoreSearch: true })) || (await cache.match(new URL('index.html', SCOPE)));
    if (hit) return hit;
    throw err;
  }
}

// The publishing page's preview: a dataset built in that page's memory, handed to this worker
// ('preview' message) and shown by the viewer at ?data=preview, so the officer sees what the
// public will see before anything is uploaded. It never leaves this browser, is listed in the
// catalogue only for a page opened at ?data=preview, and is never saved as a published dataset.
const PREVIEW_DIR = 'data/preview/';
const PREVIEW_CACHE = 'samiksha-preview';
const previewEntryUrl = () => new URL(`${PREVIEW_DIR}.entry`, SCOPE).href;

// Only a page opened at ?data=preview reads the preview; for any other, data/preview/ is an
// ordinary folder of the site.
async function isPreviewPage(event) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  return Boolean(client) && new URL(client.url).searchParams.get('data') === 'preview';
}

async function fromPreview(event, rel) {
  if (!(await isPreviewPage(event))) return fromData(event, rel);
  const hit = await (await caches.open(PREVIEW_CACHE)).match(event.request, { ignoreSearch: true });
  return hit || new Response('', { status: 404, statusText: 'not in the preview' });
}

async function catalogFor(event) {
  const res = await catalog(event);
  if (!(await isPreviewPage(event))) return res;
  const entry = await (await caches.open(PREVIEW_CACHE)).match(previewEntryUrl());
  if (!entry) return res;
  let listed;
  try {
    listed = res.ok ? await res.clone().json() : null;
  } catch {
    listed = null;
  }
  if (!listed || !Array.isArray(listed.datasets)) return res;
  listed.datasets = [...listed.datasets.filter((d) => d && d.id !== 'preview'), await entry.json()];
  return new Response(JSON.stringify(listed), { headers: { 'content-type': 'application/json' } });
}

async function keepPreview(data) {
  await caches.delete(PREVIEW_CACHE);
  const cache = await caches.open(PREVIEW_CACHE);
  for (const { path, bytes } of data.files) {
    if (!inside(path)) continue;
    await cache.put(new URL(PREVIEW_DIR + path, SCOPE).href, new Response(bytes, { headers: { 'content-type': path.endsWith('.csv') ? 'text/csv' : 'application/json' } }));
  }
  await cache.put(previewEntryUrl(), new Response(JSON.stringify({ id: 'preview', folder: 'preview/', title: data.title })));
}

// Files named by their hash never change: only those not yet kept are fetched (publish.html,
// which keeps its name, always is).
async function keepPublisher(cache) {
  const wanted = [];
  for (const f of PUBLISHER_FILES) {
    const url = new URL(f, SCOPE).href;
    if (f === 'publish.html' || !(await cache.match(url))) wanted.push(new Request(url, { cache: 'no-store' }));
  }
  await cache.addAll(wanted);
}

self.addEventListener('message', (event) => {
  if (event.data === 'keep-publisher') event.waitUntil(caches.open(APP_CACHE).then(keepPublisher));
  if (event.data && event.data.type === 'preview' && Array.isArray(event.data.files)) {
    const port = event.ports && event.ports[0];
    event.waitUntil(keepPreview(event.data).then(() => port && port.postMessage('preview-ready'), () => port && port.postMessage('preview-failed')));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // The page asking the server whether a newer dataset was published goes to the network.
  if (url.searchParams.has('fresh')) return;
  const rel = url.pathname.slice(new URL(SCOPE).pathname.length);
  if (rel.startsWith(PREVIEW_DIR)) event.respondWith(fromPreview(event, rel));
  else if (rel === CATALOG) event.respondWith(catalogFor(event));
  else if (rel.startsWith('data/')) event.respondWith(fromData(event, rel));
  else if (request.mode === 'navigate') event.respondWith(page(request));
  else event.respondWith(fromApp(request));
});

// The page's "save this dataset" (a newer version it switches to, or one opened for the first
// time): save it whole, then drop versions no page reads.
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'switch-dataset') return;
  event.waitUntil((async () => {
    let ok = true;
    try {
      // A page of an older build names no folder: its dataset is the default one.
      const dir = event.data.dir === undefined ? await defaultDir() : dirOf(String(event.data.dir));
      if (!dir) throw new Error('not a dataset folder');
      // The preview lives in its own cache, put there whole by the publishing page.
      if (dir !== PREVIEW_DIR) {
        await saveDataset(dir);
        await pruneData();
      }
    } catch {
      ok = false;
    }
    if (event.source) event.source.postMessage({ type: 'dataset-switched', ok });
  })());
});
