// The page's side of offline use, kept in JavaScript because it is all promises and browser
// events: registering the service worker (tools/sw-template.js), saying whether the app and
// its dataset are saved, and asking the worker to switch to a newer dataset.

// Registers ./sw.js for the app's own folder. Resolves to true once a worker is active, which
// means the app and the whole dataset are saved (its install saves both or fails).
export async function registerWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  try {
    await navigator.serviceWorker.register('./sw.js', { scope: './' });
    await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    return keys.some((k) => k.startsWith('samiksha-data-')) && keys.some((k) => k.startsWith('samiksha-app-'));
  } catch {
    return false;
  }
}

// Asks the worker to save the newer dataset whole and drop the old one. Resolves to true when
// done (or when there is no worker, so a reload alone fetches the new files).
export function switchDataset() {
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!worker) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onMessage = (event) => {
      if (event.data && event.data.type === 'dataset-switched') {
        navigator.serviceWorker.removeEventListener('message', onMessage);
        resolve(Boolean(event.data.ok));
      }
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    worker.postMessage({ type: 'switch-dataset' });
  });
}
