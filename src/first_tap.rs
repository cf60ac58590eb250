//! The pre-rendered map answering a tap before the app is mounted. As soon as the wasm runs,
//! and before the app builds its shell and view (beside the copy, hidden), this listens on the
//! copy and reads the files the app reads first (the copy's manifest and the value files
//! `present::first_value_files` names); a tap on a district of the copy then shows the tooltip
//! the app would show (`present::map::tooltip_markup`), and a tap that came before the files is
//! answered when they are in; a second tap, a click or Enter opens the profile. It uses the core
//! and the browser only, no framework. The files it read are kept for the loader
//! (`io::fetch_kept`), so each is fetched once; the district whose tooltip is open is handed to
//! the app's map view when the app takes the copy's place (`handed_over`).
//!
//! When it answers, `<html>` carries `data-map="answers"` (the report's and the tests' mark).
//! It does nothing when the copy is not shown, is for another version of the dataset, or a
//! file cannot be read or has an error: the app then says why, as it always does.

use crate::first_view;
use crate::io;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::present::map;
use samiksha_core::present::{first_value_files, Ctx, Measured, Selection};
use samiksha_core::route::{profile_href, profile_links, Route};
use samiksha_core::{sha256_hex, Dataset};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The districts of the copy's two drawings: squares and shapes (a profile link elsewhere in
/// the copy, such as a row of its table, is left to the browser).
const DISTRICT: &str = ".tile-grid .tile[data-district], .geo-map .shape[data-district]";
const SHAPE: &str = ".geo-map .shape[data-district]";
const TOOLTIP: &str = "map-tooltip";

/// What the copy's map answers from, once read: the dataset, the shown subject measured, and
/// the route naming what is shown.
struct Read {
    ds: Dataset,
    measured: Measured,
    route: Route,
}

/// The copy's map answering. Its listeners are in place before the files are read, so a tap
/// meanwhile is kept and answered when they are (and the compositor knows of them by then).
struct Answering {
    read: Option<Read>,
    /// A district tapped or focused before the files were read (its element and slug).
    pending: Option<(web_sys::Element, String)>,
    /// The district whose tooltip is open.
    shown: Option<usize>,
    /// Whether the last press came from a finger (its first tap shows the tooltip).
    touch: bool,
    /// The listeners, dropped (and removed) when the app takes over.
    listeners: Vec<(&'static str, Listener)>,
    copy: web_sys::Element,
}

/// A listener on the copy, kept so it can be removed.
type Listener = Closure<dyn FnMut(web_sys::Event)>;

thread_local! {
    static ANSWERING: RefCell<Option<Rc<RefCell<Answering>>>> = const { RefCell::new(None) };
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

/// The district whose tooltip the copy shows, if any, as the app takes the copy's place; the
/// copy's listeners go with it.
pub fn handed_over() -> Option<usize> {
    let answering = ANSWERING.with_borrow_mut(Option::take)?;
    let mut a = answering.borrow_mut();
    stop(&mut a);
    a.shown
}

fn stop(a: &mut Answering) {
    for (kind, listener) in std::mem::take(&mut a.listeners) {
        let _ = a.copy.remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
}

async fn answer() -> Option<()> {
    let doc = web_sys::window()?.document()?;
    if !first_view::shown(&doc) {
        return None;
    }
    let copy = doc.get_element_by_id(first_view::COPY)?;
    let answering = Rc::new(RefCell::new(Answering { read: None, pending: None, shown: None, touch: false, listeners: Vec::new(), copy: copy.clone() }));
    let on = |kind: &'static str, f: fn(&mut Answering, &web_sys::Event)| {
        let a = answering.clone();
        let listener = Listener::new(move |ev: web_sys::Event| f(&mut a.borrow_mut(), &ev));
        let _ = copy.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        answering.borrow_mut().listeners.push((kind, listener));
    };
    on("pointerdown", |a, ev| a.touch = ev.dyn_ref::<web_sys::PointerEvent>().is_some_and(|p| p.pointer_type() == "touch"));
    on("click", on_click);
    on("keydown", on_key);
    on("focusin", on_focus);
    ANSWERING.with_borrow_mut(|slot| *slot = Some(answering.clone()));
    match read(&copy).await {
        // The app may have taken the copy's place meanwhile (another dataset, or a fast start).
        Some(read) if first_view::shown(&doc) => {
            let mut a = answering.borrow_mut();
            a.read = Some(read);
            if let Some((district, slug)) = a.pending.take() {
                if let Some(unit) = a.read.as_ref().and_then(|r| r.ds.unit_index(&slug)) {
                    show(&mut a, &district, unit);
                }
            }
            let _ = doc.document_element()?.set_attribute("data-map", "answers");
            Some(())
        }
        // Nothing to answer from: the copy is left to the browser until the app takes over.
        _ => {
            stop(&mut answering.borrow_mut());
            ANSWERING.with_borrow_mut(Option::take);
            None
        }
    }
}

/// Reads what the copy's map answers from: its manifest, checked against the copy's SHA-256,
/// and the value files the app reads first, each kept for the app's loader.
async fn read(copy: &web_sys::Element) -> Option<Read> {
    let dir = copy.get_attribute("data-dataset")?;
    let manifest_url = format!("{dir}manifest.json");
    let bytes = io::fetch_kept(&manifest_url).await?;
    let same_version = copy.get_attribute("data-manifest-sha256").is_some_and(|h| h == sha256_hex(&bytes));
    let (manifest, problems) = parse_manifest("manifest.json", &bytes);
    if !same_version || refused(&problems) {
        return None;
    }
    let mut ds = Dataset::new(manifest?);
    let route = Route::parse(&web_sys::window()?.location().search().ok()?);
    // Every read starts at once (first.js preloaded them).
    let paths = first_value_files(&ds, &route);
    let reads: Vec<_> = paths.iter().map(|path| io::fetch_kept(&format!("{dir}{path}"))).collect();
    for (path, read) in paths.iter().zip(reads) {
        let bytes = read.await?;
        let file = ds.manifest.value_files.iter().find(|f| &f.path == path)?.clone();
        if refused(&ds.add_value_file(&file, &bytes)) {
            return None;
        }
    }
    let sel = Selection::resolve(&ds, &route)?;
    let measured = Measured::new(&ds, sel.subject, sel.period)?;
    // The route naming what is shown, as the app rewrites the address: the profile link keeps
    // the indicator and period, as the app's does.
    let route = sel.canonical_route(&ds, &route);
    Some(Read { ds, measured, route })
}

/// Whether a file has a problem that keeps some of it from being shown (an error, not a
/// warning): the app then shows the copy's map with that problem said, and this says nothing.
fn refused(problems: &[samiksha_core::Problem]) -> bool {
    problems.iter().any(|p| p.severity == samiksha_core::Severity::Error)
}

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// A district of the copy's map: its element and slug, and its unit once the files are read.
fn district_at(a: &Answering, el: &web_sys::Element, selector: &str) -> Option<(web_sys::Element, String, Option<usize>)> {
    let district = el.closest(selector).ok().flatten()?;
    let slug = district.get_attribute("data-district")?;
    let unit = a.read.as_ref().and_then(|r| r.ds.unit_index(&slug));
    Some((district, slug, unit))
}

/// A tap or click. In the tooltip: the close button closes it, its link is the browser's. On a
/// district: a finger's first tap shows the tooltip (kept until the files are read, when it
/// comes before); a second tap, or a mouse click, opens the profile (a square is a link
/// already; a shape is asked to go there).
fn on_click(a: &mut Answering, ev: &web_sys::Event) {
    let Some(el) = target(ev) else { return };
    if el.closest(&format!(".{TOOLTIP}")).ok().flatten().is_some() {
        if el.closest(".tooltip-close").ok().flatten().is_some() {
            hide(a);
        }
        return;
    }
    let Some((district, slug, unit)) = district_at(a, &el, DISTRICT) else { return };
    if a.touch && (unit.is_none() || a.shown != unit) {
        ev.prevent_default();
        match unit {
            Some(unit) => show(a, &district, unit),
            None => a.pending = Some((district, slug)),
        }
    } else if district.tag_name() != "A" {
        if let Some(unit) = unit {
            open(a, unit);
        }
    }
}

/// Escape closes the tooltip; Enter or Space on a shape opens its profile (a square is a link).
fn on_key(a: &mut Answering, ev: &web_sys::Event) {
    let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else { return };
    if key == "Escape" {
        hide(a);
        return;
    }
    let Some((_, _, Some(unit))) = target(ev).and_then(|el| district_at(a, &el, SHAPE)) else { return };
    if key == "Enter" || key == " " {
        ev.prevent_default();
        open(a, unit);
    }
}

/// Keyboard focus on a shape shows its tooltip, as the app's map does.
fn on_focus(a: &mut Answering, ev: &web_sys::Event) {
    let Some((shape, slug, unit)) = target(ev).and_then(|el| district_at(a, &el, SHAPE)) else { return };
    match unit {
        Some(unit) => show(a, &shape, unit),
        None => a.pending = Some((shape, slug)),
    }
}

/// Shows `unit`'s tooltip in the corner of the map figure that holds `district`.
fn show(a: &mut Answering, district: &web_sys::Element, unit: usize) {
    remove_tooltip(a);
    let Some(read) = &a.read else { return };
    let Some(figure) = district.closest("figure").ok().flatten() else { return };
    let ctx = Ctx::new(&read.ds, read.route.lang);
    let t = map::tooltip(&ctx, &read.measured, unit);
    let href = profile_href(&profile_links(&read.route), &t.slug);
    let markup = map::tooltip_markup(&ctx, &t, &href);
    let Some(doc) = figure.owner_document() else { return };
    let Ok(tip) = doc.create_element("div") else { return };
    tip.set_class_name(TOOLTIP);
    let _ = tip.set_attribute("role", "status");
    tip.set_inner_html(&markup);
    let _ = figure.append_child(&tip);
    a.shown = Some(unit);
}

fn hide(a: &mut Answering) {
    remove_tooltip(a);
    a.shown = None;
    a.pending = None;
}

fn remove_tooltip(a: &Answering) {
    if let Ok(Some(tip)) = a.copy.query_selector(&format!(".{TOOLTIP}")) {
        tip.remove();
    }
}

/// Opens `unit`'s profile: a page load, since the app is not in yet.
fn open(a: &Answering, unit: usize) {
    let Some(read) = &a.read else { return };
    let slug = Ctx::new(&read.ds, read.route.lang).slug(unit);
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(&profile_href(&profile_links(&read.route), &slug));
    }
}
