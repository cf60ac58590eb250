//! The publisher page's only contact with the browser beyond the DOM: reading a chosen file's
//! bytes, offering the built folder as a download or writing it into a folder the officer
//! chooses, the page's language from its address, and asking the service worker to keep the
//! page for offline use. Nothing is ever sent anywhere.

use samiksha_core::Lang;
use wasm_bindgen::JsCast;

/// A chosen or dropped file's name and bytes.
pub async fn read(file: &web_sys::File) -> Result<(String, Vec<u8>), String> {
    let buffer =
        wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|_| format!("{}: the browser could not read the file", file.name()))?;
    Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The files of an input or a drop, in order.
pub fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Offers `content` as a download. The object URL is revoked only after the browser has had a
/// turn to start the download: revoking it at once can cancel it.
pub fn download(filename: &str, mime: &str, content: &[u8]) -> bool {
    let attempt = || -> Option<()> {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let window = web_sys::window()?;
        let a: web_sys::HtmlAnchorElement = window.document()?.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000).ok()?;
        Some(())
    };
    attempt().is_some()
}

/// A file of this site as the server holds it now, fetched relative to the page (the strict CSP
/// allows only 'self'). `?fresh=` sends it past the service worker's saved copy, as the viewer's
/// check for a newer dataset does: a month is added to what is published, not to an old copy.
pub async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let fresh = format!("{url}?fresh={}", js_sys::Date::now() as u64);
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&fresh)).await.map_err(|_| format!("{url}: no connection to the site"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(|_| format!("{url}: unreadable"))?)
        .await
        .map_err(|_| format!("{url}: cut short"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// `?lang=en` shows the page in English; Hindi otherwise, as the viewer.
pub fn lang() -> Lang {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if search.split(['?', '&']).any(|p| p == "lang=en") {
        Lang::En
    } else {
        Lang::Hi
    }
}

/// Registers the site's service worker (the viewer's) and asks it to keep this page's files,
/// so the page opens offline after one visit without the viewer's readers fetching them.
pub fn keep_offline() {
    let Some(w) = web_sys::window() else { return };
    let sw = w.navigator().service_worker();
    let _ = sw.register("sw.js");
    let Ok(ready) = sw.ready() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await else { return };
        if let Some(active) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>().ok().and_then(|r| r.active()) {
            let _ = active.post_message(&wasm_bindgen::JsValue::from_str("keep-publisher"));
        }
    });
}

/// Hands a built dataset to the service worker for the viewer's preview (`?data=preview`) and
/// opens it in a new tab once the worker has it. `files` are paths inside the dataset's folder.
/// Fails, with the reason, where there is no service worker (a private window, a blocked one).
pub async fn preview(title_en: &str, title_hi: &str, files: &[(String, Vec<u8>)], lang: Lang) -> Result<(), String> {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsValue;
    let window = web_sys::window().ok_or("no window")?;
    let sw = window.navigator().service_worker();
    let reg = wasm_bindgen_futures::JsFuture::from(sw.ready().map_err(|_| "no service worker")?).await.map_err(|_| "no service worker")?;
    let active = reg.dyn_into::<web_sys::ServiceWorkerRegistration>().ok().and_then(|r| r.active()).ok_or("the service worker is not running")?;
    let set = |o: &Object, k: &str, v: &JsValue| {
        let _ = Reflect::set(o, &JsValue::from_str(k), v);
    };
    let list = Array::new();
    for (path, bytes) in files {
        let f = Object::new();
        set(&f, "path", &JsValue::from_str(path));
        set(&f, "bytes", &Uint8Array::from(bytes.as_slice()));
        list.push(&f);
    }
    let title = Object::new();
    set(&title, "en", &JsValue::from_str(title_en));
    set(&title, "hi", &JsValue::from_str(title_hi));
    let msg = Object::new();
    set(&msg, "type", &JsValue::from_str("preview"));
    set(&msg, "title", &title);
    set(&msg, "files", &list);
    let channel = web_sys::MessageChannel::new().map_err(|_| "no message channel")?;
    let port = channel.port1();
    let answered = js_sys::Promise::new(&mut |resolve, _| {
        port.set_onmessage(Some(&resolve));
    });
    active.post_message_with_transferable(&msg, &Array::of1(&channel.port2())).map_err(|_| "the service worker refused the preview")?;
    let answer = wasm_bindgen_futures::JsFuture::from(answered).await.map_err(|_| "no answer from the service worker")?;
    let ok = answer.dyn_into::<web_sys::MessageEvent>().ok().and_then(|e| e.data().as_string()).is_some_and(|s| s == "preview-ready");
    if !ok {
        return Err("the service worker could not keep the preview".into());
    }
    window.open_with_url_and_target(&format!("./?data=preview&lang={}", lang.code()), "_blank").map_err(|_| "the browser blocked the new tab")?;
    Ok(())
}

/// Whether the browser can write into a folder the officer chooses (the File System Access
/// API's `showDirectoryPicker`, in Chromium-based browsers); elsewhere the page offers the zip.
pub fn can_write_folder() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

/// How writing into a folder ended, short of success.
#[derive(Debug, PartialEq)]
pub enum WriteFailure {
    /// The officer closed the folder picker: nothing was written, nothing to say.
    Cancelled,
    /// The browser refused, with the file it was writing when it did.
    Refused(String),
}

/// Calls `obj.name(args…)` and awaits the promise it returns.
async fn call(obj: &wasm_bindgen::JsValue, name: &str, args: &[wasm_bindgen::JsValue]) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(obj, &name.into())?.dyn_into()?;
    let promise = f.apply(obj, &args.iter().collect::<js_sys::Array>())?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await
}

/// The `name` of a JavaScript object: a folder's, or a DOMException's kind.
fn name_of(v: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(v, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
}

/// What the page asks of a chosen folder.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    Read,
    ReadWrite,
}

/// Asks the officer for a folder: its handle and its name. Closing the picker is `Cancelled`.
async fn pick_folder(access: Access) -> Result<(wasm_bindgen::JsValue, String), WriteFailure> {
    let window = web_sys::window().ok_or_else(|| WriteFailure::Refused("no window".into()))?;
    let options = js_sys::Object::new();
    if access == Access::ReadWrite {
        let _ = js_sys::Reflect::set(&options, &"mode".into(), &"readwrite".into());
    }
    match call(&window, "showDirectoryPicker", &[options.into()]).await {
        Ok(root) => {
            let name = name_of(&root);
            Ok((root, name))
        }
        Err(e) if name_of(&e) == "AbortError" => Err(WriteFailure::Cancelled),
        Err(e) => Err(WriteFailure::Refused(name_of(&e))),
    }
}

/// `{create: true}`, for a folder or file that may not exist yet.
fn create() -> wasm_bindgen::JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"create".into(), &true.into());
    o.into()
}

/// Writes the built folder into a folder the officer chooses: the site's folder (the files go
/// under its `data/`) or its `data/` folder itself. `files` are paths under `data/`. Each file
/// is written whole (the browser swaps it in on close); value files and the boundary file
/// first, then each dataset's `manifest.json`, then `catalog.json`, so a reader of the site
/// never meets a manifest listing a file that is not there yet. Returns the folder's name and
/// how many files were written.
pub async fn write_folder(files: &[(String, Vec<u8>)]) -> Result<(String, usize), WriteFailure> {
    use wasm_bindgen::JsValue;
    // Every path is checked before the officer is asked for a folder.
    let order = crate::form::write_order(files).map_err(WriteFailure::Refused)?;
    let (root, chosen) = pick_folder(Access::ReadWrite).await?;
    let refused = |what: &str, e: JsValue| WriteFailure::Refused(format!("{what} ({})", name_of(&e)));
    // The site's folder holds data/; the data/ folder itself is taken as it is.
    let data = if chosen == "data" { root } else { call(&root, "getDirectoryHandle", &["data".into(), create()]).await.map_err(|e| refused("data/", e))? };
    for (path, bytes) in order {
        let parts: Vec<&str> = path.split('/').collect();
        let mut dir = data.clone();
        for part in &parts[..parts.len() - 1] {
            dir = call(&dir, "getDirectoryHandle", &[(*part).into(), create()]).await.map_err(|e| refused(&format!("data/{path}"), e))?;
        }
        let at = format!("data/{path}");
        let file = call(&dir, "getFileHandle", &[parts[parts.len() - 1].into(), create()]).await.map_err(|e| refused(&at, e))?;
        let writable = call(&file, "createWritable", &[]).await.map_err(|e| refused(&at, e))?;
        call(&writable, "write", &[js_sys::Uint8Array::from(bytes.as_slice()).into()]).await.map_err(|e| refused(&at, e))?;
        call(&writable, "close", &[]).await.map_err(|e| refused(&at, e))?;
    }
    Ok((chosen, files.len()))
}

/// Reads `path` (slash-separated, inside `dir`) from a folder the officer chose.
async fn read_in(dir: &wasm_bindgen::JsValue, path: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let missing = || match lang {
        Lang::Hi => format!("data/{path}: चुने गए फ़ोल्डर में नहीं है"),
        Lang::En => format!("data/{path}: not in the chosen folder"),
    };
    let parts: Vec<&str> = path.split('/').collect();
    let mut at = dir.clone();
    for part in &parts[..parts.len() - 1] {
        at = call(&at, "getDirectoryHandle", &[(*part).into()]).await.map_err(|_| missing())?;
    }
    let handle = call(&at, "getFileHandle", &[parts[parts.len() - 1].into()]).await.map_err(|_| missing())?;
    let file: web_sys::File = call(&handle, "getFile", &[]).await.and_then(|f| f.dyn_into()).map_err(|_| missing())?;
    Ok(read(&file).await?.1)
}

/// The site's published dataset from a folder on this computer (the monthly routine where the
/// site's files are at hand rather than on the web): the officer chooses the site's folder or
/// its `data/`; the page reads `data/catalog.json` and takes the dataset the id field names
/// (with the id field empty, the catalogue's first), from the folder the catalogue gives it,
/// and reads its manifest and the files the manifest lists. An id the catalogue does not list
/// is refused: a new dataset is never built on another's published files. Returns the dataset's
/// folder (the catalogue's, which need not be its id), its manifest, its files and the
/// catalogue, as the site's fetch does.
#[allow(clippy::type_complexity)]
pub async fn read_site_folder(want: &str, lang: Lang) -> Result<(String, Vec<u8>, Vec<(String, Vec<u8>)>, Vec<u8>), WriteFailure> {
    let (root, chosen) = pick_folder(Access::Read).await?;
    let data = if chosen == "data" {
        root
    } else {
        call(&root, "getDirectoryHandle", &["data".into()]).await.map_err(|_| {
            WriteFailure::Refused(match lang {
                Lang::Hi => format!("“{chosen}” में data/ फ़ोल्डर नहीं है: साइट का फ़ोल्डर या उसका data/ फ़ोल्डर चुनें"),
                Lang::En => format!("“{chosen}” has no data/ folder: choose the site's folder or its data/"),
            })
        })?
    };
    let catalog = read_in(&data, "catalog.json", lang).await.map_err(WriteFailure::Refused)?;
    let (parsed, _) = samiksha_core::format::catalog::parse_catalog("data/catalog.json", &catalog);
    let entries = parsed.map(|c| c.datasets).unwrap_or_default();
    if !want.is_empty() && !entries.iter().any(|e| e.id == want) {
        let listed: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        return Err(WriteFailure::Refused(match lang {
            Lang::Hi => format!("data/catalog.json में \"{want}\" नाम का डेटासेट नहीं है (इसमें हैं: {}); पहचान (id) का खाना ठीक करें या खाली छोड़ें", listed.join(", ")),
            Lang::En => format!("data/catalog.json lists no dataset \"{want}\" (it lists {}); correct the id field or leave it empty", listed.join(", ")),
        }));
    }
    let entry = entries.iter().find(|e| e.id == want).or(entries.first()).ok_or_else(|| {
        WriteFailure::Refused(match lang {
            Lang::Hi => "data/catalog.json में कोई डेटासेट नहीं है".into(),
            Lang::En => "data/catalog.json lists no dataset".into(),
        })
    })?;
    let folder = entry.folder_name().to_string();
    let manifest = read_in(&data, &format!("{folder}/manifest.json"), lang).await.map_err(WriteFailure::Refused)?;
    let mut files = Vec::new();
    for p in crate::form::files_to_fetch(&manifest) {
        files.push((p.clone(), read_in(&data, &format!("{folder}/{p}"), lang).await.map_err(WriteFailure::Refused)?));
    }
    Ok((folder, manifest, files, catalog))
}
