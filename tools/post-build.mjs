// Trunk's post-build hook: the steps that need the finished build, in this order (each reads
// what the one before wrote): cut the wasm into the map's module and the other views', minify
// the JavaScript and re-pin its hash (release), pre-render the first view into index.html
// (release), build the publisher page (its own wasm), then pin the loaders and write the
// service worker with the final list of files.
import { execFileSync } from 'node:child_process';

for (const step of ['split.mjs', 'minify.mjs', 'prerender.mjs', 'publisher.mjs', 'offline-hook.mjs']) {
  execFileSync(process.execPath, [new URL(`./${step}`, import.meta.url).pathname], { stdio: 'inherit' });
}
