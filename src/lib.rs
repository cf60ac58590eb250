//! The Samiksha browser app: Leptos components over the domain layer in `samiksha-core`.
//!
//! Code map: `state` holds the shared signals; `io` is the only place that touches the network;
//! `nav` keeps the URL and the view in step; `app` lays out the shell; `views/*` render one view
//! each from view models the core builds. Components hold view logic only.

pub mod app;
pub mod io;
pub mod nav;
pub mod state;
pub mod views;

/// Where the app finds its dataset on a host without a catalogue (`data/catalog.json` names the
/// folders otherwise), relative to the page so `dist/` works from any sub-path. The service
/// worker's default (`tools/offline-hook.mjs`, `DATA_DIR`) is the same folder.
pub const DATASET_DIR: &str = "data/sample/";

/// Mounts the app into `<body>`, replacing the static boot message the HTML shows until then.
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
