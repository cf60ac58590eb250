//! The pre-rendered first view: a copy of the default view that `tools/prerender.mjs` writes
//! into index.html from this app's own rendering, shown while the wasm loads. This module owns
//! the hand-over: the app mounts hidden beside the copy and takes its place in one frame once
//! its own view has what it shows, or at once when the copy is not for the data it reads; and
//! what the boot note says while the app's own wasm module cannot be had (`say`), with why a
//! module could not be had, altered or missing (`module_failure`, also read when the views' module
//! cannot be fetched, `app::later`).

use leptos::prelude::{request_animation_frame, set_timeout};

pub(crate) const COPY: &str = "first-view";
/// The element the app mounts into.
pub const ROOT: &str = "app";
/// While the app is mounted but not yet shown (the stylesheet hides it, and skips laying out its
/// content until it is shown).
const PENDING: &str = "app-pending";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Whether the page shows the copy: present, not hidden by boot.js (another manifest), and for
/// this URL (first.js marks other URLs `no-first-view`).
pub(crate) fn shown(doc: &web_sys::Document) -> bool {
    let for_this_url = doc.document_element().is_some_and(|html| !html.class_list().contains("no-first-view"));
    for_this_url && doc.get_element_by_id(COPY).is_some_and(|copy| !copy.has_attribute("hidden"))
}

/// Creates the element the app mounts into. Beside a shown copy it starts hidden, and is shown
/// ten seconds later whatever happens, so a slow value file never keeps a page that cannot be
/// used (the app starts mounting once the copy's map answers, or three seconds after the wasm
/// runs, `first_tap`, and its module is in: this runs in it); otherwise the copy and the boot
/// note go at once.
pub fn root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let doc = document()?;
    let root = doc.create_element("div").ok()?;
    root.set_id(ROOT);
    if shown(&doc) {
        let _ = root.class_list().add_1(PENDING);
        set_timeout(reveal, std::time::Duration::from_secs(10));
    } else {
        remove_copy(&doc);
    }
    doc.body()?.append_child(&root).ok()?;
    Some(root.unchecked_into())
}

/// Whether the app is mounted but not yet shown, beside the copy: what it builds meanwhile no
/// reader sees, so it can be built in any order (`views::BuiltApart`).
pub fn app_hidden() -> bool {
    document().and_then(|d| d.get_element_by_id(ROOT)).is_some_and(|root| root.class_list().contains(PENDING))
}

/// Where a module's fetch (tools/split.mjs `checked`) leaves why it could not be had; each new
/// fetch clears it first.
const REFUSED: &str = "data-module-refused";

/// Why the last module that could not be had was not had, as boot.js tells it of the first.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ModuleFailure {
    /// The server's file is not the one built: refused by its hash, not run.
    Altered,
    /// It could not be fetched (no connection, no such file, out of time).
    Missing,
}

impl ModuleFailure {
    /// Its word where the page writes it: on `<html>` (`data-module-refused`, tools/split.mjs)
    /// and on the boot note's sentence for it (`data-reason`, as boot.js names them).
    fn reason(self) -> &'static str {
        match self {
            ModuleFailure::Altered => "altered",
            ModuleFailure::Missing => "missing",
        }
    }
}

/// What the last failed module fetch left on `<html>`; "missing" when it left nothing.
pub fn module_failure() -> ModuleFailure {
    let said = document().and_then(|d| d.document_element()).and_then(|html| html.get_attribute(REFUSED));
    if said.as_deref() == Some(ModuleFailure::Altered.reason()) {
        ModuleFailure::Altered
    } else {
        ModuleFailure::Missing
    }
}

/// What the boot note says while the app's module is fetched again after a failure.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AppModule {
    /// It could not be had: the note says why, as boot.js says it of the first module ("altered"
    /// when the server's file is not the one built, else "missing"; the module's fetch leaves
    /// the reason on <html>, `data-module-refused`, tools/split.mjs), as an alert, above the
    /// copy when one is shown (on a phone the copy is long, and a note below it would not be
    /// seen). The copy stays, and keeps answering taps (`first_tap`) and linking to the
    /// profiles; it is no longer busy.
    NotLoaded,
    /// Asked for again (the connection is back): the note says the app is loading.
    Retrying,
}

/// The boot note for the app's module (`mount` in lib.rs). boot.js's `fail` and first.js's
/// `loaderFailed` say the same reasons of the first module and the loader.
pub fn say(module: AppModule) {
    use wasm_bindgen::JsCast;
    let Some(doc) = document() else { return };
    let Some(boot) = doc.get_element_by_id("boot") else { return };
    let stopped = module == AppModule::NotLoaded;
    let why = module_failure().reason();
    let _ = boot.class_list().toggle_with_force("boot-stopped", stopped);
    if let Ok(reasons) = boot.query_selector_all("[data-reason]") {
        for i in 0..reasons.length() {
            let Some(el) = reasons.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
            let reason = el.get_attribute("data-reason").unwrap_or_default();
            // Stopped: only why. Retrying: the loading line, not the "has not started" one.
            el.set_hidden(if stopped { reason != why } else { reason != "loading" || el.class_list().contains("boot-slow") });
        }
    }
    let _ = boot.set_attribute("role", if stopped { "alert" } else { "status" });
    if let Some(copy) = doc.get_element_by_id(COPY) {
        let _ = copy.before_with_node_1(&boot);
        let _ = if stopped { copy.remove_attribute("aria-busy") } else { copy.set_attribute("aria-busy", "true") };
    }
}

fn remove_copy(doc: &web_sys::Document) {
    for id in [COPY, "boot"] {
        if let Some(el) = doc.get_element_by_id(id) {
            el.remove();
        }
    }
}

/// The copy shows one version of one dataset (its folder and its manifest's SHA-256). When
/// the app reads another, its own view (still loading) replaces the copy at once.
pub fn manifest_read(dir: &str, manifest: &[u8]) {
    let Some(copy) = document().and_then(|d| d.get_element_by_id(COPY)) else { return };
    let same_dataset = copy.get_attribute("data-dataset").as_deref() == Some(dir);
    if !(same_dataset && drawn_from(&copy, manifest)) {
        reveal();
    }
}

/// Whether the copy was drawn from this manifest (its SHA-256, recorded on the copy). The hash
/// is boot.js's when these are the bytes it read early, and is computed once for both the
/// copy's map and the app otherwise (`io::sha256_hex_of`).
pub(crate) fn drawn_from(copy: &web_sys::Element, manifest: &[u8]) -> bool {
    copy.get_attribute("data-manifest-sha256").is_some_and(|h| h == crate::io::sha256_hex_of(manifest))
}

/// The app's view has what it first shows: it takes the copy's place in the next frame (when
/// every change this one set off is drawn), the page is marked `html[data-app=ready]`, and
/// then `shown` runs.
pub fn ready(shown: impl FnOnce() + 'static) {
    request_animation_frame(|| {
        crate::first_tap::hand_over();
        reveal();
        if let Some(html) = document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-app", "ready");
        }
        shown();
    });
}

/// Shows the app in place of the copy. Safe to call any number of times. Keyboard focus in the
/// copy moves to the same place in the app's view, so a reader tabbing through the copy goes on
/// from where they were, not from the top of the page.
fn reveal() {
    crate::first_tap::stop();
    let Some(doc) = document() else { return };
    let focused = focused_in_copy(&doc);
    remove_copy(&doc);
    if let Some(root) = doc.get_element_by_id(ROOT) {
        let _ = root.class_list().remove_1(PENDING);
        if let Some(target) = focused.and_then(|f| f.in_app(&doc, &root)) {
            use wasm_bindgen::JsCast;
            // A district's shape is an SVG element: `focus` is the same method there.
            let _ = target.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    }
}

/// What a reader can move keyboard focus to in the copy and in the app's view alike (a map's
/// tooltip aside: the copy's and the app's are not open at the same moments).
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// The suffix `tools/prerender.mjs` gives every id in the phone's copy (`.fv-narrow`), so the
/// page never holds one id twice; the wide copy (`.fv-wide`) keeps the app's ids.
const PHONE_ID_SUFFIX: &str = "-p";

/// Where keyboard focus was in the copy, said so it can be found in the app's view, which is
/// the same rendering (`tools/prerender.mjs` wrote the copy from it): a district by its slug
/// (on whichever drawing the app shows; focus in the copy's tooltip is its district's), else an
/// element by its id, else by its place among the focusable elements.
enum FocusedInCopy {
    District(String),
    Id(String),
    Nth(u32),
}

fn focused_in_copy(doc: &web_sys::Document) -> Option<FocusedInCopy> {
    let el = doc.active_element()?;
    let part = el.closest("#first-view > .fv-narrow, #first-view > .fv-wide").ok()??;
    let in_tooltip = el.closest(".map-tooltip").ok()?;
    let district = match &in_tooltip {
        Some(tip) => tip.query_selector("a[data-profile]").ok()?.and_then(|a| a.get_attribute("data-profile")),
        None => el.get_attribute("data-district"),
    };
    if let Some(slug) = district {
        return Some(FocusedInCopy::District(slug));
    }
    if !el.id().is_empty() {
        let id = el.id();
        let suffix = if part.class_list().contains("fv-narrow") { PHONE_ID_SUFFIX } else { "" };
        return Some(FocusedInCopy::Id(id.strip_suffix(suffix).unwrap_or(&id).to_owned()));
    }
    focusable(&part).iter().position(|e| e.is_same_node(Some(el.as_ref()))).map(|i| FocusedInCopy::Nth(i as u32))
}

/// The focusable elements under `scope`, in document order, a map's tooltip left out.
fn focusable(scope: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(all) = scope.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..all.length()).filter_map(|i| element(all.item(i)?)).filter(|e| e.closest(".map-tooltip").ok().flatten().is_none()).collect()
}

impl FocusedInCopy {
    /// The same place in the app's view (`root`), once the copy is gone: a district the app's
    /// drawing lacks (shapes in the copy, squares in the app) falls back to the map.
    fn in_app(self, doc: &web_sys::Document, root: &web_sys::Element) -> Option<web_sys::Element> {
        match self {
            FocusedInCopy::District(slug) => crate::first_tap::district_in(root, &slug).or_else(|| root.query_selector("#map").ok()?),
            FocusedInCopy::Id(id) => doc.get_element_by_id(&id).filter(|e| root.contains(Some(e))),
            FocusedInCopy::Nth(n) => focusable(root).into_iter().nth(n as usize),
        }
    }
}

fn element(node: web_sys::Node) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    node.dyn_into().ok()
}
