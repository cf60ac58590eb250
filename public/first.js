// Runs in <head>, before the body is parsed (a classic script, pinned by its SHA-384 like
// boot.js), only in a build whose index.html holds a pre-rendered first view
// (tools/prerender.mjs). That view stands for a few exact URLs, listed in `data-queries`; on any
// other URL it is hidden before it is ever drawn, and the loading note shows as before.
// It also starts the app (boot.js, with the app's JS and wasm) and asks early for the files the
// app will fetch for the default dataset's first view (`data-preload`; the boundary file,
// `data-preload-map`, only where the map opens on the geographic drawing), so they arrive while
// the first view paints.
(function () {
  var me = document.currentScript;
  var read = function (name) {
    try { return JSON.parse(me.getAttribute(name) || '[]'); } catch (e) { return []; }
  };
  var params = new URLSearchParams(location.search);
  // The last of a repeated key, as the app's Route::parse reads the address.
  var last = function (key) {
    var all = params.getAll(key);
    return all.length ? all[all.length - 1] : null;
  };
  if (read('data-queries').indexOf(location.search) < 0) document.documentElement.classList.add('no-first-view');
  // The loader (boot.js), the app's wasm and its JS, on every URL, named on this script with
  // their SHA-384s (tools/prerender.mjs moved them here from <head>). Asked for here, when this
  // script runs: it stands just before the stylesheets, so the parser reaches it with them
  // asked for, and it arrives a round trip later while they are still on their way. What it
  // asks for then answers a round trip after that, behind the stylesheets' bytes on a slow
  // line. As links in <head>, even at low priority, they were asked for with the stylesheet
  // and shared the line with it, and the first map came later (the wasm: 659 → 720 ms; boot.js
  // and the JS: 663 → 751 ms, medians of 7 and 9). After the stylesheet, this script waited
  // for it and held the parser for its run (the first map 669 → 705 ms). boot.js finds the
  // names on this script (`script[data-wasm]`), and its fetch and import are served from these
  // requests.
  var loader = me.dataset;
  if (loader.boot && loader.bootIntegrity) {
    var boot = document.createElement('script');
    boot.type = 'module';
    boot.integrity = loader.bootIntegrity;
    // Small, and it starts everything else: ahead of the wasm on the line.
    boot.fetchPriority = 'high';
    boot.src = loader.boot;
    // boot.js says why the app cannot start; when boot.js itself cannot be had, this does.
    boot.onerror = function () { loaderFailed(loader.boot); };
    document.head.appendChild(boot);
  }
  if (loader.wasm && loader.wasmIntegrity) preload(loader.wasm, loader.wasmIntegrity);
  if (loader.js && loader.jsIntegrity) {
    var js = document.createElement('link');
    js.rel = 'modulepreload';
    js.crossOrigin = 'anonymous';
    js.integrity = loader.jsIntegrity;
    js.href = loader.js;
    document.head.appendChild(js);
  }
  // Another dataset (`data=`) needs none of the default dataset's files.
  if (params.has('data')) return;
  var files = read('data-preload');
  var view = last('view');
  // The boundary file only for a map that opens on the geographic drawing: named in the
  // address, or a screen 700 px wide or more (the app's `default_map_kind`, which names every
  // copy of this width); the squares a phone opens on do not need it, and the app asks for it
  // once they are shown.
  var map = last('map');
  var geographic = map === 'geo' || (map !== 'tiles' && window.innerWidth >= 700);
  if ((!view || view === 'map') && geographic) files = files.concat(read('data-preload-map'));
  files.forEach(function (href) { preload(href); });

  // Shows the reason index.html holds for a loader that was refused (the same file, fetched
  // without the check, arrives: it differs from the build) or could not be had, as boot.js's
  // `fail` and `whyRefused` do for the files it loads: a copy of theirs, since this runs when
  // boot.js cannot (src/first_view.rs `say` is a third, for the app's module). A change to one
  // changes all three. The note is in the body, which may not be parsed yet when a refusal
  // comes at once (this script runs in <head>, before the stylesheet is in): it is written once
  // the body is, as boot.js's `whenParsed` waits.
  function loaderFailed(src) {
    var parsed = new Promise(function (done) {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', done, { once: true });
      else done();
    });
    fetch(src, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? 'altered' : 'missing'; }, function () { return 'missing'; })
      .then(function (reason) { return parsed.then(function () { return reason; }); })
      .then(function (reason) {
        var note = document.getElementById('boot');
        if (!note) return;
        note.classList.add('boot-stopped');
        var parts = note.querySelectorAll('[data-reason]');
        for (var i = 0; i < parts.length; i++) parts[i].hidden = parts[i].getAttribute('data-reason') !== reason;
        note.setAttribute('role', 'alert');
      });
  }

  function preload(href, integrity) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // The app fetches same-origin with credentials 'same-origin' (and boot.js with the wasm's
    // hash): only a matching preload is used.
    link.crossOrigin = 'anonymous';
    if (integrity) link.integrity = integrity;
    link.href = href;
    document.head.appendChild(link);
  }
})();
