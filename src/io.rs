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
