// Trunk's post-build hook: the steps that need the finished build, in this order (each reads
// what the one before wrote): cut the wasm into its modules (tools/split.mjs), minify
// the loaders' JavaScript (release), pre-render the first view into index.html and pin the
// loaders there (release: first.js, which starts the app, with boot.js's hash on its script),
// build the publisher page (its own wasm), then pin boot.js's own script where prerender did
// not run (or check prerender's pin) and write the service worker with the final list of files.
import { execFileSync } from 'node:child_process';

for (const step of ['split.mjs', 'minify.mjs', 'prerender.mjs', 'publisher.mjs', 'offline-hook.mjs']) {
  execFileSync(process.execPath, [new URL(`./${step}`, import.meta.url).pathname], { stdio: 'inherit' });
}
