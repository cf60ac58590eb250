//! The publisher page (`publish.html`): an officer's CSV files and Excel workbooks in, a checked
//! `data/<folder>/` and catalogue out as a `.zip`, all in the browser with the command line's
//! own code (`samiksha-publish` as a library). Its own wasm module, so the viewer's does not
//! carry it.
//!
//! `form` holds the page's state and turns it into a publication (pure, tested natively);
//! `words` says everything in Hindi and English; `page` lays it out; `io` is the browser.

pub mod form;
#[cfg(target_arch = "wasm32")]
pub mod io;
#[cfg(target_arch = "wasm32")]
pub mod page;
pub mod words;

/// Mounts the page into its `<main>`'s placeholder and asks for offline use.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(boot) = doc.get_element_by_id("boot") {
            boot.remove();
        }
        // The page's language for screen readers and hyphenation, as the address asks.
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", io::lang().code());
        }
    }
    leptos::mount::mount_to_body(page::Page);
    io::keep_offline();
}
