// The page's side of what is all promises and browser events, kept in JavaScript: taking the
// files boot.js already fetched, registering
// the service worker (tools/sw-template.js), saying whether the app and its dataset are saved
// (reading the worker's `active-data?dir=` record, its `activeKey`), asking the worker to save a
// dataset opened for the first time or to switch to a newer one, and sharing or copying a link.

// The bytes of `url` if boot.js already fetched it (the catalogue, or the opened dataset's
// manifest): a promise of an ArrayBuffer, or of null when that read failed, handed over once;
// otherwise null, and the app fetches the file itself.
export function takeEarly(url) {
  return takeOnce(globalThis.__samikshaEarly, url);
}

// The SHA-256 (hex) boot.js computed of the bytes `takeEarly` handed over for `url`: a promise
// of the hex, or of null when it could not hash them; null when it kept none. Taken once.
export function takeEarlyDigest(url) {
  return takeOnce(globalThis.__samikshaEarlyDigest, url);
}

// What boot.js keeps in `store` for `url` (by absolute address), removed as it is taken.
function takeOnce(store, url) {
  const key = new URL(url, document.baseURI).href;
  const kept = store && store.get(key);
  if (!kept) return null;
  store.delete(key);
  return kept;
}

// Registers ./sw.js for the app's own folder. Resolves to true once a worker is active and the
// app and the whole dataset in `dir` (e.g. data/sample/) are saved: its install saves the app and
// the catalogue's first dataset, and a page on another dataset asks the worker to save that one.
export async function registerWorker(dir) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  try {
    await navigator.serviceWorker.register('./sw.js', { scope: './' });
    const registration = await navigator.serviceWorker.ready;
    // Saved: the worker names a cache for this folder, and that cache still exists.
    const saved = async () => {
      const hit = await (await caches.open('samiksha-meta')).match(new URL(`active-data?dir=${encodeURIComponent(dir)}`, registration.scope).href);
      return Boolean(hit) && caches.has(await hit.text());
    };
    const ok = (await saved()) || ((await saveDataset(registration.active, dir)) && (await saved()));
    const keys = await caches.keys();
    return ok && keys.some((k) => k.startsWith('samiksha-app-'));
  } catch {
    return false;
  }
}

// Asks `worker` to save the dataset now on the server in `dir` whole, and drop versions no page
// reads. Resolves to true when done.
function saveDataset(worker, dir) {
  if (!worker) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onMessage = (event) => {
      if (event.data && event.data.type === 'dataset-switched') {
        navigator.serviceWorker.removeEventListener('message', onMessage);
        resolve(Boolean(event.data.ok));
      }
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    worker.postMessage({ type: 'switch-dataset', dir });
  });
}

// Asks the worker to save the newer dataset whole and drop the old one. Resolves to true when
// done (or when there is no worker, so a reload alone fetches the new files).
export function switchDataset(dir) {
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!worker) return Promise.resolve(true);
  return saveDataset(worker, dir);
}

// Shares a link through the system's share sheet where there is one, otherwise copies it.
// Resolves to what happened: 'shared', 'cancelled' (the reader closed the sheet), 'copied',
// or 'failed' (nothing could be done: the page then shows the link to copy by hand).
export async function shareLink(title, url) {
  if (navigator.share && (!navigator.canShare || navigator.canShare({ title, url }))) {
    try {
      await navigator.share({ title, url });
      return 'shared';
    } catch (e) {
      if (e && e.name === 'AbortError') return 'cancelled';
      // Not allowed here (an embedded frame, say): copy instead.
    }
  }
  return (await copyText(url)) ? 'copied' : 'failed';
}

// Copies text to the clipboard. Resolves to false where the browser refuses.
export async function copyText(text) {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// Requests the site's Content Security Policy blocked, as the browser reports them: fetch()
// fails the same way for them as for a lost connection, and only the latter is worth retrying.
const blocked = new Set();
// Only an enforced connect-src block counts: a report-only policy blocks nothing.
document.addEventListener('securitypolicyviolation', (e) => {
  if (e.disposition === 'enforce' && e.effectiveDirective === 'connect-src') blocked.add(e.blockedURI);
});

// Resolves to true when a request for `url` was blocked by the policy (the report arrives as
// an event, so it is awaited for a moment).
export async function blockedByPolicy(url) {
  const address = new URL(url, document.baseURI).href;
  for (let i = 0; i < 5; i++) {
    if (blocked.has(address)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
