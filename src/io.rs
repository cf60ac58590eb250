//! The app's only I/O: fetching dataset files relative to the page.

use gloo_net::http::Request;

/// Fetches a file's bytes. Every failure (network, HTTP status) becomes a sentence that names
/// what happened, for the error panel; nothing here panics.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = Request::get(url).send().await.map_err(|e| format!("network error: {e}"))?;
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    resp.binary().await.map_err(|e| format!("could not read the response: {e}"))
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
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    attempt().is_some()
}
