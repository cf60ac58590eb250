// A plain static file server for tests and `make serve`: serves a folder under a sub-path,
// with no rewrites and no fallbacks, as a government web server would. Unknown paths are 404.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

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
  return /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
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
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': cacheControl(file),
      });
      res.end(body);
    });
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
