//! The app's only I/O: fetching dataset files relative to the page, and handing files to the
//! reader as downloads (CSV, SVG, and PNG rasterised through a canvas).

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
        let _ = web_sys::Url::revoke_object_url(&url);
        let data = canvas.to_data_url_with_type("image/png").ok()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&data);
        a.set_download(filename);
        a.click();
        Some(())
    };
    attempt.await.is_some()
}
