//! The app's only I/O: fetching dataset files relative to the page (first taking the bytes
//! `first_tap` already read and kept, then those boot.js already read, the catalogue and the
//! opened dataset's manifest, `page.js` `takeEarly`), the service worker that
//! keeps them for offline use (through `page.js`), sharing a link (the share sheet or the
//! clipboard) and copying text, and handing files to the reader as downloads (CSV, SVG, and
//! PNG rasterised through a canvas), and the browser's word on its connection (`online`,
//! `back_online`). Every fetch has a deadline on the server's answer. It also knows the SHA-256
//! of the last manifest checked (`sha256_hex_of`): boot.js's, for the bytes it read early.

use gloo_net::http::Request;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerWorker)]
    fn register_worker_js(dir: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = switchDataset)]
    fn switch_dataset_js(dir: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = shareLink)]
    fn share_link_js(title: &str, url: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text_js(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = blockedByPolicy)]
    fn blocked_by_policy_js(url: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = takeEarly)]
    fn take_early_js(url: &str) -> Option<js_sys::Promise>;
    #[wasm_bindgen(js_name = takeEarlyDigest)]
    fn take_early_digest_js(url: &str) -> Option<js_sys::Promise>;
}

/// What became of a Share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Through the system's share sheet.
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    /// Copied to the clipboard.
    Copied,
    /// Neither: the page shows the link to copy by hand.
    Failed,
}

/// Shares `url` (the share sheet where there is one, otherwise the clipboard).
pub async fn share_link(title: &str, url: &str) -> Shared {
    let answer = wasm_bindgen_futures::JsFuture::from(share_link_js(title, url)).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
    match answer.as_str() {
        "shared" => Shared::Shared,
        "cancelled" => Shared::Cancelled,
        "copied" => Shared::Copied,
        _ => Shared::Failed,
    }
}

/// Copies text to the clipboard; false where the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(copy_text_js(text)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// The address of the current page, whole (for sharing and embedding).
pub fn page_address(query: &str) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else { return query.to_string() };
    format!("{}{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default(), query)
}

/// Why a file could not be fetched: no connection (worth retrying when it returns), or the
/// server answered with an error status, or the answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    NoConnection,
    /// The browser would not send it (the site's security policy, or not a URL): never retried.
    Refused(samiksha_core::format::problem::RefusedBecause),
    /// The server did not answer within [`TIMEOUT`].
    TimedOut,
    Status(u16, String),
    Unreadable(String),
}

impl FetchError {
    /// The reason as the problems panel records it (the file is named beside it), in words
    /// for both languages.
    pub fn reason(&self) -> samiksha_core::ReadFailure {
        use samiksha_core::ReadFailure;
        match self {
            FetchError::NoConnection => ReadFailure::NoConnection,
            FetchError::Refused(cause) => ReadFailure::Refused { cause: cause.clone() },
            FetchError::TimedOut => ReadFailure::TimedOut { seconds: TIMEOUT.as_secs() },
            FetchError::Status(code, text) => ReadFailure::Status { code: *code, text: text.clone() },
            FetchError::Unreadable(e) => ReadFailure::BadResponse { detail: e.clone() },
        }
    }
}

/// How a request treats the browser's HTTP cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// The normal path (through the service worker, when there is one).
    AsCached,
    /// Straight from the server: asking whether a newer dataset was published.
    FromServer,
}

thread_local! {
    /// The last bytes whose SHA-256 is known, with it (hex): the manifest boot.js read early and
    /// hashed, or the last one hashed here (`sha256_hex_of`).
    static HASHED: std::cell::RefCell<Option<(Vec<u8>, String)>> = const { std::cell::RefCell::new(None) };
    /// Reads started for one reader and kept for the next read of the same address (see
    /// [`fetch_kept`]): promises of an `ArrayBuffer`, or of null when the read failed.
    static KEPT: std::cell::RefCell<std::collections::HashMap<String, js_sys::Promise>> = Default::default();
    /// Why a kept read failed, for the reader that takes it.
    static KEPT_FAILED: std::cell::RefCell<std::collections::HashMap<String, FetchError>> = Default::default();
}

/// Starts fetching `url` at once, and keeps the read for the next `fetch_bytes` of the same
/// address, which takes it instead of asking the network: `first_tap` reads the files the app
/// reads first, and a slow line pays for each once, even when the app asks while it is still
/// arriving. `None` when the file could not be read (the app's own read then says why).
pub fn fetch_kept(url: &str) -> impl std::future::Future<Output = Option<Vec<u8>>> {
    let owned = url.to_string();
    let key = absolute(url);
    let failed_key = key.clone();
    let promise = wasm_bindgen_futures::future_to_promise(async move {
        // Not `fetch_bytes`, which would find this read kept and wait for itself.
        Ok(match fetch_unkept(&owned, Freshness::AsCached).await {
            Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).buffer().into(),
            Err(e) => {
                KEPT_FAILED.with_borrow_mut(|f| f.insert(failed_key, e));
                JsValue::NULL
            }
        })
    });
    KEPT.with_borrow_mut(|k| k.insert(key, promise.clone()));
    async move { bytes_of(wasm_bindgen_futures::JsFuture::from(promise).await) }
}

/// Lets go of a kept read of `url` that no one will ask for (`first_tap::read_before` handed
/// what it made of the file to the loader), so its bytes are not held for the page's life.
pub fn forget_kept(url: &str) {
    let key = absolute(url);
    KEPT.with_borrow_mut(|k| k.remove(&key));
    KEPT_FAILED.with_borrow_mut(|f| f.remove(&key));
}

/// The bytes a read's promise resolved to (an `ArrayBuffer`), if any.
fn bytes_of(read: Result<JsValue, JsValue>) -> Option<Vec<u8>> {
    read.ok().filter(|b| !b.is_null()).map(|b| js_sys::Uint8Array::new(&b).to_vec())
}

/// `url` resolved against the page, so two spellings of one address are one key.
fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// How long a request may take before it is abandoned as unanswered.
pub const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Fetches a file's bytes; nothing here panics.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    fetch_with(url, Freshness::AsCached).await
}

pub async fn fetch_with(url: &str, freshness: Freshness) -> Result<Vec<u8>, FetchError> {
    // Files `first_tap` read for the pre-rendered map: the loader's next read of each. A read
    // that failed says why, as this one would; only a lost connection is worth asking again.
    if freshness == Freshness::AsCached {
        let key = absolute(url);
        if let Some(kept) = KEPT.with_borrow_mut(|k| k.remove(&key)) {
            if let Some(bytes) = bytes_of(wasm_bindgen_futures::JsFuture::from(kept).await) {
                return Ok(bytes);
            }
            match KEPT_FAILED.with_borrow_mut(|f| f.remove(&key)) {
                Some(FetchError::NoConnection) | None => {}
                Some(why) => return Err(why),
            }
        }
    }
    fetch_unkept(url, freshness).await
}

/// The SHA-256 (hex) of `bytes`: known when they are the manifest boot.js read early (it hashed
/// them to check the pre-rendered copy) or the last bytes hashed here, else computed now. The
/// copy's map and then the app ask it of the same manifest (`first_view::drawn_from`), and
/// hashing in wasm takes a while on a phone, in a task a tap may be waiting on.
pub fn sha256_hex_of(bytes: &[u8]) -> String {
    HASHED.with_borrow_mut(|hashed| match hashed {
        Some((known, hash)) if known.as_slice() == bytes => hash.clone(),
        _ => {
            let hash = samiksha_core::sha256_hex(bytes);
            *hashed = Some((bytes.to_vec(), hash.clone()));
            hash
        }
    })
}

/// A fetch that does not look for a kept read: boot.js's early bytes, else the network.
async fn fetch_unkept(url: &str, freshness: Freshness) -> Result<Vec<u8>, FetchError> {
    // The catalogue and the opened dataset's manifest were fetched by boot.js while the wasm
    // downloaded: the same bytes, without another round trip.
    if freshness == Freshness::AsCached {
        if let Some(early) = take_early_js(url) {
            if let Some(bytes) = bytes_of(wasm_bindgen_futures::JsFuture::from(early).await) {
                // Its SHA-256, where boot.js computed it (the manifest), is known from now on.
                if let Some(digest) = take_early_digest_js(url) {
                    if let Some(hash) = wasm_bindgen_futures::JsFuture::from(digest).await.ok().and_then(|h| h.as_string()) {
                        HASHED.with_borrow_mut(|hashed| *hashed = Some((bytes.clone(), hash)));
                    }
                }
                return Ok(bytes);
            }
        }
    }
    // The `fresh` parameter tells the service worker to pass the request to the network.
    let address = match freshness {
        Freshness::AsCached => url.to_string(),
        Freshness::FromServer => format!("{url}?fresh={}", js_sys::Date::now() as u64),
    };
    let request = match freshness {
        Freshness::AsCached => Request::get(&address),
        Freshness::FromServer => Request::get(&address).cache(web_sys::RequestCache::NoStore),
    };
    // Every request has a deadline: a server that never answers must not leave "Loading"
    // on the page for ever.
    let controller = web_sys::AbortController::new().ok();
    let request = request.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    // gloo's timer, not the framework's: `first_tap` reads through here before the app exists.
    let timer = controller.clone().map(|c| gloo_timers::callback::Timeout::new(TIMEOUT.as_millis() as u32, move || c.abort()));
    let timed_out = move || controller.as_ref().is_some_and(|c| c.signal().aborted());
    let resp = match request.send().await {
        Ok(r) => Ok(r),
        Err(_) if timed_out() => Err(FetchError::TimedOut),
        Err(_) => Err(why_not_sent(&address).await),
    };
    // The deadline is for the server's answer; a large file on a slow line may take longer
    // to arrive once it has started.
    if let Some(t) = timer {
        t.cancel();
    }
    let resp = resp?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status(), resp.status_text()));
    }
    resp.binary().await.map_err(|e| FetchError::Unreadable(e.to_string()))
}

/// Why a request was not answered at all. The browser gives one error ("Failed to fetch")
/// for a lost connection and for a request its Content Security Policy blocked, so the page
/// records policy violations (`page.js`) and is asked; an address that does not parse as a
/// URL against the page is refused outright. Only a lost connection is worth waiting for.
async fn why_not_sent(url: &str) -> FetchError {
    use samiksha_core::format::problem::RefusedBecause;
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    if web_sys::Url::new_with_base(url, &base).is_err() {
        return FetchError::Refused(RefusedBecause::BadAddress);
    }
    let blocked = wasm_bindgen_futures::JsFuture::from(blocked_by_policy_js(url)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
    if blocked {
        FetchError::Refused(RefusedBecause::SecurityPolicy)
    } else {
        FetchError::NoConnection
    }
}

/// Whether the browser believes it has a network.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Resolves the next time the browser says its connection is back (the window's `online`).
pub async fn back_online() {
    let Some(window) = web_sys::window() else { return };
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let back = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options("online", &resolve, &options);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(back).await;
}

/// Registers the service worker; true once the app and the dataset in `dir` are saved for
/// offline use.
pub async fn register_worker(dir: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(register_worker_js(dir)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Asks the service worker to save the newer dataset in `dir` whole; true when it has.
pub async fn switch_dataset(dir: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(switch_dataset_js(dir)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Reloads the page (after switching datasets).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Offers `content` to the reader as a file download. Returns false when the browser refused.
pub fn download(filename: &str, mime: &str, content: &[u8]) -> bool {
    use wasm_bindgen::JsCast;
    let attempt = || -> Option<()> {
        let array = js_sys::Uint8Array::from(content);
        let parts = js_sys::Array::of1(&array);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let doc = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        // The download reads the blob after this turn of the event loop; revoking at once can
        // cancel it in some browsers, so the address is released a minute later.
        gloo_timers::callback::Timeout::new(60_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    attempt().is_some()
}

/// Rasterises an SVG document in the browser and offers it as a PNG download, at twice the
/// size for sharp print. Resolves to false when the browser refused.
pub async fn download_png(filename: &str, svg: &str, width: u32, height: u32) -> bool {
    use wasm_bindgen::JsCast;
    let attempt = async {
        let parts = js_sys::Array::of1(&js_sys::JsString::from(svg));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("image/svg+xml;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        // The SVG's address is released on every path out, failures included.
        let _release = Revoke(url.clone());
        let img = web_sys::HtmlImageElement::new().ok()?;
        let loaded = js_sys::Promise::new(&mut |resolve, reject| {
            img.set_onload(Some(&resolve));
            img.set_onerror(Some(&reject));
        });
        img.set_src(&url);
        wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
        let doc = web_sys::window()?.document()?;
        let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.scale(2.0, 2.0).ok()?;
        ctx.draw_image_with_html_image_element(&img, 0.0, 0.0).ok()?;
        let data = canvas.to_data_url_with_type("image/png").ok()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&data);
        a.set_download(filename);
        a.click();
        Some(())
    };
    attempt.await.is_some()
}

/// Releases an object URL when dropped.
struct Revoke(String);

impl Drop for Revoke {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.0);
    }
}
