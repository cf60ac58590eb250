// A plain static file server for tests and `make serve`: serves a folder under a sub-path,
// with no rewrites and no fallbacks, as a government web server would. Unknown paths are 404.
// It compresses by Accept-Encoding (brotli, then gzip) like a real host, so tests and the
// report fetch what users fetch.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/** The headers docs/hosting.md asks a government web server to send, sent here on every file. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
  + "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
export const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)',
};

/** Files whose names carry their content hash never change: cached for a year. Everything else
 * (index.html, boot.js, sw.js, manifests, data) is revalidated on each use. */
export function cacheControl(file) {
  // Trunk writes its hash without leading zeros, so a name may carry fewer than 16 digits
  // (fewer than 12 about once in a million names; an icon-192.png is not hashed).
  return /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Types a host compresses; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|txt|md|csv)$/;
const packed = new Map();

/** `body` compressed as the server sends it (brotli quality 11, as a host's precompressed `.br`
 * files); `make report` sizes the shipped wasm with it too. */
export function brotli(body) {
  return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

/** The body to send for `file` as a real host would: brotli when the browser accepts it, else
 * gzip, else as stored. Compressed once per file version (quality 11, as a host's precompressed
 * `.br` files), so the tests and the report see the bytes users get. */
function encoded(file, body, stat, acceptEncoding = '') {
  if (!COMPRESSIBLE.test(file) || body.length < 256) return { body, encoding: null };
  const accepts = (name) => new RegExp(`(^|[,\\s])${name}(;q=(?!0(\\.0*)?([,\\s]|$))[0-9.]+)?([,\\s]|$)`).test(acceptEncoding);
  const encoding = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
  if (!encoding) return { body, encoding };
  const key = `${encoding}:${file}:${stat.mtimeMs}:${stat.size}`;
  if (!packed.has(key)) {
    packed.set(key, encoding === 'br' ? brotli(body) : zlib.gzipSync(body, { level: 9 }));
  }
  return { body: packed.get(key), encoding };
}

/** Starts a server for `root` mounted at `base` (e.g. "/transparency/samiksha/"). Resolves to the
 * server. `frameAncestors` replaces `'none'` for a host that lets pages embed the app. */
export function serve(root, { base = '/', port = 0, host = '127.0.0.1', frameAncestors = "'none'" } = {}) {
  const rootAbs = path.resolve(root);
  const headers = { ...SECURITY_HEADERS, 'content-security-policy': CSP.replace("frame-ancestors 'none'", `frame-ancestors ${frameAncestors}`) };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(base)) { res.writeHead(404, headers).end('not found'); return; }
    rel = rel.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(rootAbs, rel);
    if (!file.startsWith(rootAbs + path.sep)) { res.writeHead(403).end('forbidden'); return; }
    fs.stat(file, (statErr, stat) => fs.readFile(file, (err, raw) => {
      if (err || statErr) { res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found'); return; }
      const { body, encoding } = encoded(file, raw, stat, req.headers['accept-encoding']);
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': cacheControl(file),
        'vary': 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    }));
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

// `node tests/e2e/server.mjs <dir> [base]` serves until stopped; PORT picks the port.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const base = process.argv[3] || '/';
  const port = Number(process.env.PORT || 8080);
  serve(dir, { base, port }).then(() => console.log(`Samiksha: http://127.0.0.1:${port}${base} (serving ${dir}/; Ctrl-C stops)`));
}
