//! The pre-rendered map answering a tap before the app is mounted. As soon as the wasm runs,
//! and before the app builds its shell and view (beside the copy, hidden), this listens on the
//! copy and reads the files the app reads first (the copy's manifest and the value files
//! `present::first_value_files` names); a finger's tap on a district of the copy, or keyboard
//! focus on a shape, then shows the tooltip the app would show (`present::map::tooltip_markup`);
//! a second tap, a click or Enter opens the profile (a page load). It uses the core and the
//! browser only, no framework. The files it read are kept for the loader (`io::fetch_kept`), so
//! each is fetched once, and so is what it made of them (`read_before`: the dataset, with the
//! problems found), so each is parsed and checked once; when the app takes the copy's place, the district whose tooltip is open
//! is handed to the app's map view by slug (`hand_over`, `take_handed`), and whenever the copy
//! goes, this stops (`stop`).
//!
//! Two of its DOM rules serve the app's map view too, so both maps behave alike: where a tooltip
//! opened without a pointer goes (`pin_beside`), and which element is a district's square or
//! shape (`district_in`, also used by `first_view` to keep keyboard focus at the hand-over); and
//! the click's pointer type (`pointer_type`).
//!
//! While it answers, `<html>` carries `data-map="answers"` (the report's and the tests' mark).
//! Until then, and when the copy stands for another version of the dataset or a file cannot be
//! read, a press on the copy is the browser's (a square is a link to the profile), and the app
//! says what went wrong, as it always does.

use crate::first_view;
use crate::io;
use crate::state::yield_to_browser;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::present::map::{self, Pointer, PressAnswer};
use samiksha_core::present::{first_value_files, Ctx, Measured, Selection};
use samiksha_core::route::{profile_href, profile_links, Route};
use samiksha_core::{Dataset, Lang, Problem};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The districts of the copy's two drawings: squares and shapes (a profile link elsewhere in
/// the copy, such as a row of its table, is left to the browser).
const DISTRICT: &str = ".tile-grid .tile[data-district], .geo-map .shape[data-district]";
const SHAPE: &str = ".geo-map .shape[data-district]";
const TOOLTIP: &str = "map-tooltip";

/// What the copy's map answers from, once read: the dataset, the shown subject measured, the
/// page's language, and every profile link's address from the route naming what is shown
/// (`route::profile_links`).
struct Read {
    ds: Dataset,
    measured: Measured,
    lang: Lang,
    links: String,
    /// Where the dataset was read from and the manifest's bytes, so the loader takes the
    /// dataset only for the same files.
    dir: String,
    manifest: Vec<u8>,
    /// The manifest's problems, and each value file read with its own.
    problems: Vec<Problem>,
    files: Vec<(String, Vec<Problem>)>,
}

/// What the copy's map read, handed to the app's loader (`read_before`): the dataset with the
/// value files it added, the manifest's problems, and each value file's path with its problems.
pub struct CopyRead {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    pub files: Vec<(String, Vec<Problem>)>,
}

/// The copy's map answering. Its listeners are in place before the files are read (so the
/// compositor knows of them by the time the map answers); until then a press is the browser's.
struct Answering {
    read: Option<Read>,
    /// The district whose tooltip is open.
    shown: Option<usize>,
    /// The last press (a finger's, and which district its last tap showed), read by the one
    /// rule the app's map follows too (`map::Pointer::activate`).
    pointer: Pointer,
    /// The listeners, removed when the copy goes.
    listeners: Vec<(&'static str, Listener)>,
    copy: web_sys::Element,
}

/// A listener on the copy, kept so it can be removed.
type Listener = Closure<dyn FnMut(web_sys::Event)>;

thread_local! {
    static ANSWERING: RefCell<Option<Rc<RefCell<Answering>>>> = const { RefCell::new(None) };
    /// The district whose tooltip the copy showed as the app took its place.
    static HANDED: RefCell<Option<Handed>> = const { RefCell::new(None) };
}

/// The district whose tooltip the copy showed as the app took its place: by slug, not index
/// (the map view looks it up in the dataset it read), and whether a finger's tap opened it (the
/// next tap on it then opens the profile, in the app as on the copy).
pub struct Handed {
    pub slug: String,
    pub tapped: bool,
}

/// Makes the shown copy's map answer once the files it needs are read, and resolves then (at
/// once when there is no copy to answer for), or after `deadline`, whichever is first; the
/// reading goes on after the deadline.
pub async fn start_within(deadline: std::time::Duration) {
    let answered = wasm_bindgen_futures::future_to_promise(async {
        let _ = answer().await;
        Ok(JsValue::UNDEFINED)
    });
    let late = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, deadline.as_millis() as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&answered, &late))).await;
}

/// The app takes the copy's place (`first_view::ready`, which then removes the copy and calls
/// `stop`): the district whose tooltip the copy shows is kept for the map view (`take_handed`).
pub fn hand_over() {
    let handed = ANSWERING.with_borrow(|a| {
        let a = a.as_ref()?.borrow();
        let read = a.read.as_ref()?;
        let shown = a.shown?;
        Some(Handed { slug: read.ds.units().get(shown)?.slug.clone(), tapped: a.pointer == (Pointer::Touch { tapped: Some(shown) }) })
    });
    HANDED.with_borrow_mut(|h| *h = handed);
}

/// What the copy's map read, when it read `dir`'s manifest as these `manifest` bytes: the app's
/// loader takes it instead of parsing and checking the same files again (about a tenth of a
/// second on a phone, in one task). A copy of the dataset, since the copy's map still answers
/// from its own until the app takes its place. The value files' kept reads are let go: the
/// loader will not ask for them. `None` while the read is still going on, or when it failed or
/// was of other bytes; the loader then reads for itself.
pub fn read_before(dir: &str, manifest: &[u8]) -> Option<CopyRead> {
    let read = ANSWERING.with_borrow(|a| {
        let a = a.as_ref()?.borrow();
        let read = a.read.as_ref().filter(|r| r.dir == dir && r.manifest == manifest)?;
        Some(CopyRead { dataset: read.ds.copy_without_memo(), problems: read.problems.clone(), files: read.files.clone() })
    })?;
    for (path, _) in &read.files {
        io::forget_kept(&format!("{dir}{path}"));
    }
    Some(read)
}

/// The district whose tooltip the copy showed when the app took its place, once.
pub fn take_handed() -> Option<Handed> {
    HANDED.with_borrow_mut(Option::take)
}

/// The copy is gone (or never answered): its listeners are removed, and everything read for it
/// dropped. Safe to call any number of times.
pub fn stop() {
    let Some(answering) = ANSWERING.with_borrow_mut(Option::take) else { return };
    let mut a = answering.borrow_mut();
    for (kind, listener) in std::mem::take(&mut a.listeners) {
        let _ = a.copy.remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    // Dropped a task later: the dataset read for the copy takes a while to free, and this runs
    // in the task that lays out the app's view in the copy's place.
    if let Some(read) = a.read.take() {
        gloo_timers::callback::Timeout::new(0, move || drop(read)).forget();
    }
    if let Some(html) = a.copy.owner_document().and_then(|d| d.document_element()) {
        let _ = html.remove_attribute("data-map");
    }
}

async fn answer() -> Option<()> {
    let doc = web_sys::window()?.document()?;
    if !first_view::shown(&doc) {
        return None;
    }
    let copy = doc.get_element_by_id(first_view::COPY)?;
    let answering = Rc::new(RefCell::new(Answering { read: None, shown: None, pointer: Pointer::Other, listeners: Vec::new(), copy: copy.clone() }));
    // Each listener holds the state weakly: the state holds the listeners.
    let on = |kind: &'static str, f: fn(&mut Answering, &web_sys::Event)| {
        let a = Rc::downgrade(&answering);
        let listener = Listener::new(move |ev: web_sys::Event| {
            if let Some(a) = a.upgrade() {
                f(&mut a.borrow_mut(), &ev);
            }
        });
        let _ = copy.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        answering.borrow_mut().listeners.push((kind, listener));
    };
    on("pointerdown", |a, ev| a.pointer = a.pointer.clicked(pointer_type(ev).as_deref()));
    on("click", on_click);
    on("keydown", on_key);
    on("focusin", on_focus);
    ANSWERING.with_borrow_mut(|slot| *slot = Some(answering.clone()));
    let read = read(&copy).await;
    // The copy may have gone meanwhile (the app took its place, or it stands for other data).
    let still = ANSWERING.with_borrow(Option::is_some) && first_view::shown(&doc);
    match read {
        Some(read) if still => {
            answering.borrow_mut().read = Some(read);
            let _ = doc.document_element()?.set_attribute("data-map", "answers");
            Some(())
        }
        // Nothing to answer from: the copy is left to the browser until the app takes over.
        _ => {
            stop();
            None
        }
    }
}

/// Reads what the copy's map answers from: its manifest (the version the copy was drawn from)
/// and the value files the app reads first, each kept for the app's loader. Problems in them
/// are the app's to say; what can be read is answered from, as the app shows it.
async fn read(copy: &web_sys::Element) -> Option<Read> {
    let dir = copy.get_attribute("data-dataset")?;
    let manifest_url = format!("{dir}manifest.json");
    let bytes = io::fetch_kept(&manifest_url).await?;
    if !first_view::drawn_from(copy, &bytes) {
        return None;
    }
    // Each step below is a task of its own (the files are often in already, so the awaits
    // alone would not end one): reading them the first time is the slowest, as the browser
    // compiles the code that reads them as it first runs, and one long task holds up a tap longer than several short ones (issue 24).
    yield_to_browser().await;
    let (manifest, problems) = parse_manifest("manifest.json", &bytes);
    let mut ds = Dataset::new(manifest?);
    let route = Route::parse(&web_sys::window()?.location().search().ok()?);
    let sel = Selection::resolve(&ds, &route)?;
    // Every read starts at once (first.js preloaded them).
    let files: Vec<_> = first_value_files(&ds, &sel).into_iter().cloned().collect();
    let reads: Vec<_> = files.iter().map(|file| io::fetch_kept(&format!("{dir}{}", file.path))).collect();
    let mut found = Vec::new();
    for (file, read) in files.iter().zip(reads) {
        let bytes = read.await?;
        yield_to_browser().await;
        found.push((file.path.clone(), ds.add_value_file(file, &bytes)));
    }
    yield_to_browser().await;
    let measured = Measured::new(&ds, sel.subject, sel.period)?;
    // The route naming what is shown, as the app rewrites the address: the profile link keeps
    // the indicator and period, as the app's does.
    let route = sel.canonical_route(&ds, &route);
    let links = profile_links(&route);
    Some(Read { ds, measured, lang: route.lang, links, dir, manifest: bytes, problems, files: found })
}

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// What a pointer event came from ("touch", "mouse", "pen"); `None` from a browser whose event
/// does not say (its `click` is no `PointerEvent`). A click from the keyboard says "".
pub(crate) fn pointer_type(ev: &web_sys::Event) -> Option<String> {
    Some(ev.dyn_ref::<web_sys::PointerEvent>()?.pointer_type())
}

/// A district of the copy's map: its element and its unit in the dataset read.
fn district_at(a: &Answering, el: &web_sys::Element, selector: &str) -> Option<(web_sys::Element, usize)> {
    let district = el.closest(selector).ok().flatten()?;
    let unit = a.read.as_ref()?.ds.unit_index(&district.get_attribute("data-district")?)?;
    Some((district, unit))
}

/// A tap or click, once the files are read. In the tooltip: the close button closes it, its
/// link is the browser's. On a district: a finger's first tap shows the tooltip; a second tap,
/// a mouse click or Enter opens the profile (a square is a link already; a shape is asked to go
/// there).
fn on_click(a: &mut Answering, ev: &web_sys::Event) {
    let Some(el) = target(ev) else { return };
    if el.closest(&format!(".{TOOLTIP}")).ok().flatten().is_some() {
        if el.closest(".tooltip-close").ok().flatten().is_some() {
            hide(a);
        }
        return;
    }
    let Some((district, unit)) = district_at(a, &el, DISTRICT) else { return };
    let (answer, next) = a.pointer.clicked(pointer_type(ev).as_deref()).activate(a.shown, unit);
    a.pointer = next;
    match answer {
        PressAnswer::ShowTooltip => {
            ev.prevent_default();
            show(a, &district, unit);
        }
        PressAnswer::OpenProfile if district.tag_name() != "A" => open(a, unit),
        PressAnswer::OpenProfile => {}
    }
}

/// Escape closes the tooltip; Enter or Space on a shape opens its profile (a square is a link).
fn on_key(a: &mut Answering, ev: &web_sys::Event) {
    let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else { return };
    if key == "Escape" {
        hide(a);
        return;
    }
    let Some((_, unit)) = target(ev).and_then(|el| district_at(a, &el, SHAPE)) else { return };
    if key == "Enter" || key == " " {
        ev.prevent_default();
        open(a, unit);
    }
}

/// Keyboard focus on a shape shows its tooltip, as the app's map does; focus a press gave does
/// not (the press's click decides, by the taps it counts).
fn on_focus(a: &mut Answering, ev: &web_sys::Event) {
    let Some((shape, unit)) = target(ev).and_then(|el| district_at(a, &el, SHAPE)) else { return };
    if shape.matches(":focus-visible").unwrap_or(false) {
        show(a, &shape, unit);
    }
}

/// Shows `unit`'s tooltip in the map figure that holds `district`, beside it (`pin_beside`).
fn show(a: &mut Answering, district: &web_sys::Element, unit: usize) {
    remove_tooltip(a);
    let Some(read) = &a.read else { return };
    let Some(figure) = district.closest("figure").ok().flatten() else { return };
    let ctx = Ctx::new(&read.ds, read.lang);
    let t = map::tooltip(&ctx, &read.measured, unit);
    let href = profile_href(&read.links, &t.slug);
    let markup = map::tooltip_markup(&ctx, &t, &href);
    let Some(doc) = figure.owner_document() else { return };
    let Ok(tip) = doc.create_element("div") else { return };
    tip.set_class_name(TOOLTIP);
    let _ = tip.set_attribute("role", "status");
    tip.set_inner_html(&markup);
    let _ = figure.append_child(&tip);
    pin_beside(&tip, district, &figure);
    a.shown = Some(unit);
}

/// Places a tooltip opened without a pointer position (a finger's tap, keyboard focus) beside
/// its district, not over it (`present::map::pin_beside`), measured once the tooltip is in its
/// figure: here, and in the app's map view (`views::map::tooltip`), again whenever the map moves
/// under it.
pub(crate) fn pin_beside(tip: &web_sys::Element, district: &web_sys::Element, figure: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    // Through the CSSOM, which a strict CSP allows (a `style` attribute would be blocked).
    let style = tip.unchecked_ref::<web_sys::HtmlElement>().style();
    // Measured where the stylesheet puts it, not where it was last placed (narrower there).
    for side in ["left", "top", "bottom"] {
        let _ = style.remove_property(side);
    }
    let rect = |e: &web_sys::Element| {
        let r = e.get_bounding_client_rect();
        map::Rect { left: r.left(), top: r.top(), width: r.width(), height: r.height() }
    };
    let size = rect(tip);
    let pinned = map::pin_beside(rect(district), rect(figure), (size.width, size.height));
    let _ = style.set_property("left", &format!("{}px", pinned.left));
    let (set, clear, at) = match pinned.edge {
        map::Edge::Top(top) => ("top", "bottom", top),
        map::Edge::Bottom(bottom) => ("bottom", "top", bottom),
    };
    let _ = style.set_property(set, &format!("{at}px"));
    let _ = style.set_property(clear, "auto");
}

/// The element of `slug`'s district in either drawing of the map under `scope` (a square or a
/// shape; not a row of a table, which names its district too).
pub(crate) fn district_in(scope: &web_sys::Element, slug: &str) -> Option<web_sys::Element> {
    let slug = slug.replace(['"', '\\'], "");
    scope.query_selector(&DISTRICT.replace("[data-district]", &format!("[data-district=\"{slug}\"]"))).ok()?
}

fn hide(a: &mut Answering) {
    remove_tooltip(a);
    a.shown = None;
}

fn remove_tooltip(a: &Answering) {
    if let Ok(Some(tip)) = a.copy.query_selector(&format!(".{TOOLTIP}")) {
        tip.remove();
    }
}

/// Opens `unit`'s profile: a page load, since the app is not in yet.
fn open(a: &Answering, unit: usize) {
    let Some(read) = &a.read else { return };
    let Some(district) = read.ds.units().get(unit) else { return };
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(&profile_href(&read.links, &district.slug));
    }
}
