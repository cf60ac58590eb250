// Samiksha's loader. It is an external file (Trunk.toml's pattern_script puts it in place of
// Trunk's inline loader), so a strict Content-Security-Policy with `script-src 'self'` runs it.
//
// It checks that the browser can run WebAssembly, fetches the app's JavaScript and wasm with the
// SHA-384 hashes written into index.html (Trunk's, on its links; in a release build on
// first.js's script, which inserts this one; a file that differs from the build is refused,
// not run), each once, starts the app, and on any failure shows the explanation index.html
// already holds.
// If this file itself never runs, the stylesheet reveals a "has not started" note after a while.

// plotters measures chart text by giving a detached <span> a style attribute, which
// `style-src 'self'` blocks; the same declarations set through the CSSOM are allowed and
// measure the same.
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (name === 'style' && this.tagName === 'SPAN' && !this.isConnected) {
    this.style.cssText = value;
    return;
  }
  return setAttribute.call(this, name, value);
};

// index.html's static link to the publishing page stays the last element of <body>: the app
// appends its root later, and the link follows it, so the skip links stay the first stops of
// the tab order and the link the last. A mutation callback runs before the next frame, so the
// link never shows out of place.
function keepPublishLinkLast() {
  const publishLink = document.querySelector('body > .publish-link');
  if (!publishLink) return;
  new MutationObserver(() => {
    if (document.body.lastElementChild !== publishLink) document.body.append(publishLink);
  }).observe(document.body, { childList: true });
}

// In a build with a pre-rendered first view, first.js inserts this script from <head>, and an
// inserted module runs as soon as it arrives, possibly while the body is still being parsed
// (from the service worker's cache, say); without first.js it is a module in <head>, run once
// the document is parsed. What reads the body waits for that moment either way.
function whenParsed(then) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
  else then();
}

// first.js's `loaderFailed` holds a copy of this and of `whyRefused`, for when this file cannot
// run, and src/first_view.rs `say` a third, for the app's own module, whose reason
// tools/split.mjs's `checked` asks of `whyRefused`: a change to one changes them all.
function fail(reason, error) {
  if (error) console.error('Samiksha could not start:', error);
  const boot = document.getElementById('boot');
  if (!boot) return;
  boot.classList.add('boot-stopped');
  for (const el of boot.querySelectorAll('[data-reason]')) el.hidden = el.dataset.reason !== reason;
  boot.setAttribute('role', 'alert');
}

// The integrity pinned for `url`: on the JavaScript's modulepreload (Trunk's link, or first.js's
// in a release build), or, for the wasm, on the script that names it (`data-wasm-integrity`, which
// tools/prerender.mjs writes on first.js's script, the first `script[data-wasm]` in such a build).
function integrityOf(url) {
  const script = document.querySelector('script[data-wasm]');
  if (url === script.dataset.wasm && script.dataset.wasmIntegrity) return script.dataset.wasmIntegrity;
  const link = [...document.querySelectorAll('link[integrity]')].find((l) => l.getAttribute('href') === url);
  return link ? link.integrity : undefined;
}

// Why a fetch of `url` checked against its hash failed: the same file is fetched again without
// the check, and if it arrives now the server holds a file that is not the one built
// ("altered"); else it could not be had ("missing"). Out of time (an aborted fetch) is a slow
// line, never a changed file, whatever a second fetch would find. The one rule for every
// file checked: this loader's and the app's other modules' (tools/split.mjs's `checked`, which
// runs only after this file has, and finds it on `globalThis`).
async function whyRefused(url, error, signal) {
  if (error && error.name === 'AbortError') return 'missing';
  const plain = await fetch(url, { cache: 'no-store', credentials: 'same-origin', signal }).catch(() => null);
  return plain && plain.ok ? 'altered' : 'missing';
}
globalThis.__samikshaWhyRefused = whyRefused;

// Fetches `url` checked against its hash; tells a file that differs from the build apart from
// one that is missing or unreachable (`whyRefused`).
async function verified(url) {
  const integrity = integrityOf(url);
  // No hash to check against means nothing can be verified: refuse rather than run it.
  if (!integrity) throw Object.assign(new Error(`${url}: no integrity hash in index.html`), { reason: 'altered' });
  try {
    const response = await fetch(url, { integrity, credentials: 'same-origin' });
    if (!response.ok) throw Object.assign(new Error(`${url}: HTTP ${response.status}`), { reason: 'missing' });
    return response;
  } catch (error) {
    if (error.reason) throw error;
    throw Object.assign(new Error(`${url}: ${error.message}`), { reason: await whyRefused(url, error) });
  }
}

// Imports the app's JavaScript. The `<link rel="modulepreload" integrity>` (Trunk's in
// index.html, or first.js's in a build with a pre-rendered first view) fetched and checked it
// before this runs, and `import()` is served from that one fetch, so a slow line pays for the file once. Without such a link nothing can be verified:
// it is refused. When the import fails, the file is fetched once more, checked, to say why.
async function importChecked(url) {
  const absolute = new URL(url, document.baseURI).href;
  const preloaded = [...document.querySelectorAll('link[rel="modulepreload"][integrity]')].some((l) => l.href === absolute);
  if (!preloaded) throw Object.assign(new Error(`${url}: no integrity hash in index.html`), { reason: 'altered' });
  try {
    return await import(url);
  } catch (error) {
    await verified(url);
    throw error;
  }
}

async function start() {
  const script = document.querySelector('script[data-wasm]');
  const js = script.dataset.js;
  const wasm = script.dataset.wasm;
  try {
    // The wasm is asked for at once (first.js or index.html's preload already has it on the
    // way, and this fetch is served from that): on a slow line it is the long pole. A failure
    // is handled where it is awaited.
    const wasmResponse = verified(wasm);
    wasmResponse.catch(() => {});
    // A page showing its pre-rendered first view paints it before the app is compiled and
    // started, which would otherwise hold the first frame on a slow device.
    const copy = document.getElementById('first-view');
    if (copy && !copy.hidden && !document.documentElement.classList.contains('no-first-view')) {
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    }
    const [{ default: init }, response] = await Promise.all([importChecked(js), wasmResponse]);
    await init({ module_or_path: response });
  } catch (error) {
    fail(error.reason || 'start', error);
  }
}

// rule: begin. The dataset an address opens, as the core chooses it (format::catalog's
// parse_catalog and Catalog::choose): the usable entry the link's `data=` names (the first, if
// an id repeats), else the first usable entry; null when none is usable. The one JavaScript
// copy: the service worker gets this block at build time (tools/rules.mjs);
// tests/e2e/rules.test.mjs runs it over the table the Rust runs (tests/rules/cases.json).
const idOk = (s) => typeof s === 'string' && /^(?!-)[a-z0-9_-]{1,64}$/.test(s);
const folderOk = (f) => typeof f === 'string' && idOk(f.endsWith('/') ? f.slice(0, -1) : f);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function chosenFolder(c, id) {
  if (!isObject(c) || c.format !== 'samiksha-catalog/1' || !Array.isArray(c.datasets)) return null;
  const text = (s) => typeof s === 'string' && s.trim() !== '';
  const usable = c.datasets.filter((d) => isObject(d) && idOk(d.id) && isObject(d.title) && text(d.title.en) && text(d.title.hi)
    && folderOk(d.folder));
  const chosen = (typeof id === 'string' && usable.find((d) => d.id === id)) || usable[0];
  return chosen ? `data/${chosen.folder.replace(/\/?$/, '/')}` : null;
}
const defaultFolder = (c) => chosenFolder(c, null);
// rule: end

// The catalogue and the manifest of the dataset this address opens, asked for as soon as this
// loader runs (while the wasm downloads), on every address: the app would otherwise ask for
// them only once it is running, two round trips more on the way to the first map. They are
// handed to the app by absolute address (page.js `takeEarly`), which takes each once and reads
// every other file itself; a file it does not ask for (a catalogue it reads otherwise) is
// simply not used. The first-view check below reads the same bytes, and its SHA-256 of the
// manifest is handed over with them (page.js `takeEarlyDigest`): the app's own check of the copy
// (src/first_view.rs `drawn_from`) then compares it instead of hashing the same bytes again in
// wasm, on the main thread, while a tap may be waiting.
const early = new Map();
const earlyDigest = new Map();
globalThis.__samikshaEarly = early;
globalThis.__samikshaEarlyDigest = earlyDigest;
// Keeps `response`'s bytes for the app, and with `Digest.Kept` their SHA-256 too, put beside
// them at once, so the app never takes the bytes before their hash is there. Resolves to the
// bytes and a promise of the hash (hex; null where the browser cannot hash: a page not served
// over HTTPS has no crypto.subtle).
const Digest = { Kept: 'kept', None: 'none' };
async function keep(url, response, digest) {
  const key = new URL(url, document.baseURI).href;
  const bytes = response.arrayBuffer();
  early.set(key, bytes.catch(() => null));
  const hash = digest === Digest.Kept ? bytes.then(sha256Hex).catch(() => null) : Promise.resolve(null);
  if (digest === Digest.Kept) earlyDigest.set(key, hash);
  return { bytes: await bytes, hash };
}
async function sha256Hex(bytes) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
// Without a catalogue (404) the app serves data/sample/, as src/state/load.rs does. A catalogue
// that cannot be read otherwise is left to the app (it then serves data/sample/ too, and says
// why): nothing is fetched early, and the first-view copy is not risked.
async function readOpening() {
  const catalog = await fetch('data/catalog.json', { credentials: 'same-origin' });
  let folder = 'data/sample/';
  // The last `data=` of the address, as the core's Route::parse reads it (an id the rule
  // refuses matches no entry, so it opens the first, as there).
  const named = new URLSearchParams(location.search).getAll('data').at(-1) ?? null;
  if (catalog.ok) folder = chosenFolder(JSON.parse(new TextDecoder().decode((await keep('data/catalog.json', catalog, Digest.None)).bytes)), named);
  else if (catalog.status !== 404) return { folder: null, manifest: null };
  if (!folder) return { folder: null, manifest: null };
  const manifest = await fetch(`${folder}manifest.json`, { credentials: 'same-origin' });
  if (!manifest.ok) return { folder, manifest: null };
  const { bytes, hash } = await keep(`${folder}manifest.json`, manifest, Digest.Kept);
  return { folder, manifest: bytes, digest: hash };
}
const opening = readOpening();
opening.catch(() => {});

// The pre-rendered first view (tools/prerender.mjs) shows one version of the default dataset:
// its folder and its manifest's SHA-256. If the host now serves another, the copy is hidden at
// once and the loading note shows instead, so replaced data is never shown as current. Where
// the browser cannot hash (a page not served over HTTPS has no crypto.subtle) it is hidden
// too. The app checks again when it reads the manifest (src/first_view.rs).
async function checkFirstView() {
  const copy = document.getElementById('first-view');
  if (!copy) return;
  // A copy this URL does not show (first.js said so) is dropped: less for every later layout.
  if (document.documentElement.classList.contains('no-first-view')) return copy.remove();
  const hide = () => {
    copy.hidden = true;
    // An app already mounted beside the copy is shown as it is.
    document.getElementById('app')?.classList.remove('app-pending');
  };
  if (!globalThis.crypto?.subtle) return hide();
  try {
    const { folder, manifest, digest } = await opening;
    if (!folder || folder !== copy.dataset.dataset || !manifest) return hide();
    if ((await digest) !== copy.dataset.manifestSha256) hide();
  } catch {
    // With no connection (and no saved copy) there is nothing to compare: the app decides
    // once it reads a manifest. Anything else unreadable is not risked.
    if (navigator.onLine) hide();
  }
}

whenParsed(() => {
  keepPublishLinkLast();
  checkFirstView();
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('no-wasm');
  } else {
    start();
  }
});
