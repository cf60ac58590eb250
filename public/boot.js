// Samiksha's loader. It is an external file (Trunk.toml's pattern_script puts it in place of
// Trunk's inline loader), so a strict Content-Security-Policy with `script-src 'self'` runs it.
//
// It checks that the browser can run WebAssembly, fetches the app's JavaScript and wasm with the
// SHA-384 hashes Trunk wrote into index.html (a file that differs from the build is refused,
// not run), starts the app, and on any failure shows the explanation index.html already holds.
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

function fail(reason, error) {
  if (error) console.error('Samiksha could not start:', error);
  const boot = document.getElementById('boot');
  if (!boot) return;
  boot.classList.add('boot-stopped');
  for (const el of boot.querySelectorAll('[data-reason]')) el.hidden = el.dataset.reason !== reason;
  boot.setAttribute('role', 'alert');
}

// The integrity Trunk wrote on the preload link of `url`.
function integrityOf(url) {
  const link = [...document.querySelectorAll('link[integrity]')].find((l) => l.getAttribute('href') === url);
  return link ? link.integrity : undefined;
}

// Fetches `url` checked against its hash; tells a file that differs from the build apart from
// one that is missing or unreachable.
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
    // The same file without the check: if it arrives now, it is not the file that was built.
    const plain = await fetch(url, { cache: 'no-store', credentials: 'same-origin' }).catch(() => null);
    throw Object.assign(new Error(`${url}: ${error.message}`), { reason: plain && plain.ok ? 'altered' : 'missing' });
  }
}

async function start() {
  const script = document.querySelector('script[data-wasm]');
  const js = script.dataset.js;
  const wasm = script.dataset.wasm;
  try {
    await verified(js);
    const wasmResponse = await verified(wasm);
    const { default: init } = await import(js);
    await init({ module_or_path: wasmResponse });
  } catch (error) {
    fail(error.reason || 'start', error);
  }
}

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  fail('no-wasm');
} else {
  start();
}
