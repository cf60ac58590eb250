//! Browser unit tests: components mounted in headless Chromium over the committed sample data,
//! the app's error state against a missing dataset, and URL handling.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use samiksha::nav::{current_query, go, HistoryEntry};
use samiksha::state::{AppState, GeoLoad};
use samiksha::views::{map::MapView, rankings::RankingsView};
use samiksha_core::format::manifest::{parse_manifest, Direction};
use samiksha_core::format::values::{GapReason, Reading};
use samiksha_core::route::{MapKind, Route, SubjectId, View};
use samiksha_core::{Dataset, Lang};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MANIFEST: &[u8] = include_bytes!("../public/data/sample/manifest.json");
const JAN_2026: &[u8] = include_bytes!("../public/data/sample/values/2026-01.json");
const DEC_2025: &[u8] = include_bytes!("../public/data/sample/values/2025-12.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container for one test's view.
fn container() -> web_sys::HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Mounts a view with `state` as its context in a fresh container, and gives the container.
fn mounted<V: IntoView + 'static>(state: AppState, view: fn() -> V) -> web_sys::HtmlElement {
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view()
    })
    .forget();
    root
}

use wasm_bindgen::JsCast;

fn sample_state(route: Route) -> AppState {
    let (m, problems) = parse_manifest("manifest.json", MANIFEST);
    assert!(problems.is_empty());
    let mut ds = Dataset::new(m.unwrap());
    for (period, bytes) in [("2026-01", JAN_2026), ("2025-12", DEC_2025)] {
        let f = ds.manifest.files_for_period(period).next().unwrap().clone();
        assert!(ds.add_value_file(&f, bytes).is_empty());
    }
    let state = AppState::new(route);
    state.set_dataset(ds);
    state
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

fn attrs(root: &web_sys::HtmlElement, selector: &str, attr: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute(attr).unwrap_or_default()).collect()
}

fn sample_dataset() -> Dataset {
    let (m, _) = parse_manifest("manifest.json", MANIFEST);
    let mut ds = Dataset::new(m.unwrap());
    for (period, bytes) in [("2026-01", JAN_2026), ("2025-12", DEC_2025)] {
        let f = ds.manifest.files_for_period(period).next().unwrap().clone();
        ds.add_value_file(&f, bytes);
    }
    ds
}

/// A district's published reading, straight from the value file.
fn published_reading(indicator: &str, period: &str, slug: &str) -> Reading {
    let ds = sample_dataset();
    let (i, p, u) = (ds.indicator_index(indicator).unwrap(), ds.period_index(period).unwrap(), ds.unit_index(slug).unwrap());
    ds.observation(i, p, u).map_or(Reading::Gap(GapReason::NotReported), |o| o.reading)
}

/// The districts with a value, best first (by the manifest's direction) by a plain sort of the
/// published numbers; the test needs them distinct at the ends it compares, and checks that.
fn published_order(indicator: &str, period: &str) -> Vec<String> {
    let ds = sample_dataset();
    let (i, p) = (ds.indicator_index(indicator).unwrap(), ds.period_index(period).unwrap());
    let mut rows: Vec<(f64, String)> =
        ds.units().iter().enumerate().filter_map(|(u, unit)| ds.observation(i, p, u).and_then(|o| o.number()).map(|v| (v, unit.slug.clone()))).collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    if ds.indicators()[i].direction == Direction::LowerIsBetter {
        rows.reverse();
    }
    let n = rows.len();
    // Distinct as published (at the indicator's decimals), where the ranking compares them.
    let shown = |v: f64| samiksha_core::present::numfmt::format_number(v, ds.indicators()[i].decimals);
    let distinct = |w: &[(f64, String)]| shown(w[0].0) != shown(w[1].0);
    assert!(rows[..4].windows(2).all(distinct) && rows[n - 4..].windows(2).all(distinct), "ties at an end: {rows:?}");
    rows.into_iter().map(|(_, slug)| slug).collect()
}

/// Lets Leptos run the effects a signal change scheduled.
async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn rankings_view_shows_the_published_top_and_bottom_three() {
    let route = Route {
        view: View::Rankings,
        subject: Some(SubjectId::Indicator("public-awareness".into())),
        period: Some("2026-01".into()),
        district: None,
        lang: Lang::En,
        ..Route::default()
    };
    let state = sample_state(route);
    let root = mounted(state, || view! { <RankingsView/> });
    let ranked = attrs(&root, "table tbody tr[data-rank]", "data-district");
    // The expected order is worked out here from the published values by a plain sort, not
    // taken from the generator's instructions or the ranking code.
    let by_value = published_order("public-awareness", "2026-01");
    assert_eq!(ranked.len(), by_value.len());
    assert_eq!(ranked[..3], by_value[..3]);
    assert_eq!(ranked[ranked.len() - 3..], by_value[by_value.len() - 3..]);
    let ranks = attrs(&root, "table tbody tr[data-rank]", "data-rank");
    assert_eq!(ranks[0], "1");
    // Top three cards carry the same hooks.
    assert_eq!(attrs(&root, ".top-three [data-district]", "data-district"), by_value[..3]);
    // Values use the indicator's unit; the heading names the indicator and period in English.
    assert!(texts(&root, "h2")[0].contains("Public awareness score"));
    assert!(texts(&root, "h2")[0].contains("January 2026"));

    // Switching the language re-renders in Hindi.
    state.route.update(|r| r.lang = Lang::Hi);
    tick().await;
    assert!(texts(&root, "h2")[0].contains("जन जागरूकता"), "{:?}", texts(&root, "h2"));
    assert!(texts(&root, "h3").iter().any(|t| t == "शीर्ष तीन"));
}

#[wasm_bindgen_test]
fn map_view_has_a_tile_for_every_district() {
    let route = Route {
        view: View::Map,
        subject: Some(SubjectId::Indicator("mutation-pending".into())),
        period: Some("2026-01".into()),
        district: None,
        lang: Lang::Hi,
        ..Route::default()
    };
    let state = sample_state(route);
    let root = mounted(state, || view! { <MapView/> });
    let tiles = attrs(&root, ".tile-grid a.tile", "data-district");
    assert_eq!(tiles.len(), 55);
    let grid = root.query_selector(".tile-grid[role=group]").unwrap().expect("the map is a labelled group");
    assert!(!grid.get_attribute("aria-label").unwrap_or_default().is_empty());
    // Each tile is a link (so keyboard-focusable) named with what it shows and then the whole
    // sentence (district, value and rank out of N, in Hindi's own word order); the sentence is
    // also its tooltip.
    let names = attrs(&root, ".tile-grid a.tile", "title");
    for (href, name) in attrs(&root, ".tile-grid a.tile", "href").iter().zip(&names) {
        assert!(href.contains("view=district"), "{href}");
        // A district with a value names its rank; one without names why, in Hindi.
        let slug = href.split("district=").nth(1).unwrap_or_default().split('&').next().unwrap_or_default();
        match published_reading("mutation-pending", "2026-01", slug) {
            Reading::Number(_) => assert!(name.contains("में\u{a0}से"), "{name}"),
            Reading::Gap(reason) => assert!(name.ends_with(reason.label(Lang::Hi)), "{name}"),
        }
    }
    let ranked = names.iter().filter(|n| n.contains("में\u{a0}से")).count();
    assert!(ranked >= 50, "{ranked} tiles name a rank");
    // Morena is the worst for mutation pendency: its tile shows the last rank, exactly.
    let morena = root.query_selector("a.tile[data-district=morena] .tile-rank").unwrap().unwrap();
    assert_eq!(morena.text_content().unwrap(), ranked.to_string());
    let morena_tile = root.query_selector("a.tile[data-district=morena]").unwrap().unwrap();
    let morena_name = morena_tile.get_attribute("title").unwrap();
    assert!(morena_name.ends_with(&format!("रैंक:\u{a0}{ranked}\u{a0}में\u{a0}से\u{a0}{ranked}")), "{morena_name}");
    // Its accessible name: what the square shows (name and rank), then the whole sentence.
    assert_eq!(morena_tile.text_content().unwrap(), format!("मुरैना {ranked}"));
    let spoken = morena_tile.get_attribute("aria-label").unwrap();
    assert_eq!(spoken, format!("मुरैना {ranked} — {morena_name}"));
}

/// Changing the subject recolours the geographic map's paths in place: the same elements,
/// new fills and names. Geometry is built once per boundary file and language.
#[wasm_bindgen_test]
async fn recolouring_keeps_the_same_path_elements() {
    let s = samiksha_core::synth::synthetic(55, 4, 2);
    let (m, _) = parse_manifest("manifest.json", &s.manifest);
    let mut ds = Dataset::new(m.unwrap());
    for (path, bytes) in &s.files {
        let f = ds.manifest.value_files.iter().find(|f| &f.path == path).unwrap().clone();
        ds.add_value_file(&f, bytes);
    }
    let (geo, _) = samiksha_core::format::geo::parse_boundaries("b.json", &samiksha_core::synth::synthetic_boundaries(55), &ds.manifest);
    let period = ds.periods()[1].id.clone();
    let route = Route {
        view: View::Map,
        subject: Some(SubjectId::Indicator("ind-000".into())),
        period: Some(period),
        map: Some(MapKind::Geographic),
        lang: Lang::En,
        ..Route::default()
    };
    let state = AppState::new(route);
    state.set_dataset(ds);
    state.geo.set(GeoLoad::Ready(std::sync::Arc::new(geo.unwrap())));
    let root = mounted(state, || view! { <MapView/> });
    tick().await;
    let paths = root.query_selector_all(".geo-map g.shape path").unwrap();
    assert_eq!(paths.length(), 55);
    let before: Vec<web_sys::Node> = (0..paths.length()).map(|i| paths.item(i).unwrap()).collect();
    let fills_before = attrs(&root, ".geo-map g.shape path", "fill");
    let names_before = attrs(&root, ".geo-map g.shape", "aria-label");
    state.route.update(|r| r.subject = Some(SubjectId::Indicator("ind-001".into())));
    tick().await;
    let paths = root.query_selector_all(".geo-map g.shape path").unwrap();
    for (i, old) in before.iter().enumerate() {
        assert!(old.is_same_node(paths.item(i as u32).as_ref()), "path {i} was rebuilt");
    }
    assert_ne!(attrs(&root, ".geo-map g.shape path", "fill"), fills_before, "the map was not recoloured");
    assert_ne!(attrs(&root, ".geo-map g.shape", "aria-label"), names_before, "the districts' names still give the old values");
    // The composite is a subject the map shows too.
    state.route.update(|r| r.subject = Some(SubjectId::Composite));
    tick().await;
    assert!(root.query_selector("h2").unwrap().unwrap().text_content().unwrap().starts_with("Composite index"));
    assert!(before[0].is_same_node(root.query_selector(".geo-map g.shape path").unwrap().map(web_sys::Node::from).as_ref()));
}

/// The squares recolour in place too: the same elements, with the new subject's colours, ranks
/// and names; the finder's district is marked, and moving to another moves the mark; the
/// addresses follow the route; a square is placed in its cell.
#[wasm_bindgen_test]
async fn recolouring_the_squares_keeps_the_same_elements() {
    let route = Route {
        view: View::Map,
        subject: Some(SubjectId::Indicator("mutation-pending".into())),
        period: Some("2026-01".into()),
        map: Some(MapKind::Tiles),
        lang: Lang::En,
        ..Route::default()
    };
    let state = sample_state(route);
    let root = mounted(state, || view! { <MapView/> });
    tick().await;
    let square = |slug: &str| root.query_selector(&format!(".tile-grid a.tile[data-district={slug}]")).unwrap().expect("a square per district");
    let morena = square("morena");
    let style = |el: &web_sys::Element| el.clone().dyn_into::<web_sys::HtmlElement>().unwrap().style();
    assert!(!style(&morena).get_property_value("grid-column").unwrap().is_empty(), "placed in its column");
    let fills = || -> Vec<String> {
        let squares = root.query_selector_all(".tile-grid a.tile").unwrap();
        (0..squares.length()).map(|i| style(&squares.item(i).unwrap().dyn_into().unwrap()).get_property_value("background").unwrap()).collect()
    };
    let fills_before = fills();
    assert_eq!(fills_before.len(), 55);
    assert!(fills_before.iter().filter(|f| !f.is_empty()).count() >= 50, "coloured: {fills_before:?}");
    let label = morena.get_attribute("aria-label").unwrap();
    let href = morena.get_attribute("href").unwrap();
    assert!(href.contains("indicator=mutation-pending"), "{href}");
    let rank = |el: &web_sys::Element| el.query_selector(".tile-rank").unwrap().unwrap();
    assert!(rank(&morena).class_list().contains("need-16"), "a two-digit rank: {:?}", rank(&morena).get_attribute("class"));

    state.route.update(|r| r.subject = Some(SubjectId::Indicator("cmh-satisfactory".into())));
    tick().await;
    assert!(morena.is_same_node(Some(&square("morena"))), "the square was rebuilt");
    assert_ne!(morena.get_attribute("aria-label").unwrap(), label, "its name still gives the old value");
    assert_ne!(fills(), fills_before, "nothing was recoloured");
    let moved = morena.get_attribute("href").unwrap();
    assert!(moved.contains("indicator=cmh-satisfactory"), "the address follows the route: {moved}");
    assert!(morena.get_attribute("aria-label").unwrap().starts_with(&format!("Morena {} — ", rank(&morena).text_content().unwrap())));

    // The finder marks the district it found, and only that one.
    let finder: web_sys::HtmlInputElement = root.query_selector("input[name=find]").unwrap().unwrap().dyn_into().unwrap();
    for (typed, slug, other) in [("Morena", "morena", "bhind"), ("Bhind", "bhind", "morena")] {
        finder.set_value(typed);
        finder.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
        tick().await;
        assert!(square(slug).class_list().contains("found"), "{slug} is marked");
        assert!(!square(other).class_list().contains("found"), "{other} is not");
    }
}

#[wasm_bindgen_test]
fn navigation_writes_the_route_into_the_url() {
    let route = RwSignal::new(Route::default());
    let next = Route { view: View::District, district: Some("mauganj".into()), lang: Lang::En, ..Route::default() };
    go(route, next.clone(), HistoryEntry::Push);
    assert_eq!(current_query(), "?view=district&district=mauganj&lang=en");
    assert_eq!(Route::parse(&current_query()), next);
    assert_eq!(route.get_untracked(), next);
    let replaced = Route { view: View::About, ..next };
    go(route, replaced.clone(), HistoryEntry::Replace);
    assert_eq!(Route::parse(&current_query()), replaced);
}

#[wasm_bindgen_test]
async fn a_missing_file_is_an_error_with_its_status_not_a_panic() {
    let result = samiksha::io::fetch_bytes("does-not-exist/manifest.json").await;
    let err = result.expect_err("a missing file must be an error");
    // A server's answer is not a lost connection: it is reported, not retried.
    assert!(matches!(err, samiksha::io::FetchError::Status(404, _)), "{err:?}");
    for lang in [Lang::En, Lang::Hi] {
        let reason = err.reason().text(lang);
        assert!(reason.contains("HTTP 404"), "{reason}");
    }
}

#[wasm_bindgen_test]
async fn the_app_without_a_dataset_shows_what_failed() {
    // The test runner's server has no data/sample/, so the app must say which file failed.
    let root = container();
    leptos::mount::mount_to(root.clone(), samiksha::app::App).forget();
    for _ in 0..100 {
        if root.query_selector(".load-failed").unwrap().is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    let failed = root.query_selector(".load-failed").unwrap().expect("an error panel, not a blank page");
    let text = failed.text_content().unwrap();
    assert!(text.contains("manifest.json"), "{text}");
    assert!(text.contains("404"), "{text}");
}

/// While the app is built hidden beside the pre-rendered copy (`#app.app-pending`), the map
/// view's parts are built each in a task of its own, and the view is not settled (the copy does
/// not give way) until every one is built; beside no copy they are built at once (the other
/// tests here see the whole view as soon as it mounts).
#[wasm_bindgen_test]
async fn beside_the_copy_the_map_view_is_built_in_parts_and_settles_only_once_all_are_built() {
    let route = Route {
        view: View::Map,
        subject: Some(SubjectId::Indicator("mutation-pending".into())),
        period: Some("2026-01".into()),
        map: Some(MapKind::Tiles),
        ..Route::default()
    };
    let state = sample_state(route);
    state.view_due.set(true);
    // The app's root, hidden beside a copy, for as long as this test runs (even if it fails):
    // other tests mount beside no copy.
    let _hidden = HiddenApp::new();
    let root = mounted(state, || view! { <MapView/> });
    // Mounted: the pickers and the heading are there, the four parts below them are not.
    assert_eq!(state.parts_pending.get_untracked(), 4);
    assert!(root.query_selector("#map-h").unwrap().is_some());
    assert!(root.query_selector(".tile-grid").unwrap().is_none());
    assert!(root.query_selector(".values-table").unwrap().is_none());
    // Not settled while any part is still to build; all are built a few tasks later.
    for _ in 0..10 {
        if state.parts_pending.get_untracked() == 0 {
            break;
        }
        assert!(!state.settled(), "settled with {} parts still to build", state.parts_pending.get_untracked());
        tick().await;
    }
    assert_eq!(state.parts_pending.get_untracked(), 0);
    assert_eq!(attrs(&root, ".tile-grid a.tile", "data-district").len(), 55);
    assert!(root.query_selector(".values-table").unwrap().is_some());
    assert!(state.settled());
}

/// `#app.app-pending`, as `first_view::root` makes it beside a shown copy; removed when dropped.
struct HiddenApp(web_sys::Element);

impl HiddenApp {
    fn new() -> Self {
        let el = container();
        el.set_id(samiksha::first_view::ROOT);
        el.class_list().add_1("app-pending").unwrap();
        HiddenApp(el.into())
    }
}

impl Drop for HiddenApp {
    fn drop(&mut self) {
        self.0.remove();
    }
}

#[wasm_bindgen_test]
async fn a_manifest_boot_js_read_early_comes_with_the_hash_boot_js_computed_and_is_not_hashed_again() {
    // What boot.js leaves for the app: the bytes it read early for an address, and their SHA-256
    // (public/boot.js `keep`, `keepDigest`). The hash left here is not these bytes' own, so the
    // app giving it back shows it took boot.js's word rather than hashing them again.
    let url = "early-test/manifest.json";
    let bytes = br#"{"format":"samiksha/1"}"#.to_vec();
    let base = web_sys::window().unwrap().document().unwrap().base_uri().unwrap().unwrap();
    let key = wasm_bindgen::JsValue::from(web_sys::Url::new_with_base(url, &base).unwrap().href());
    let early = js_sys::Map::new();
    early.set(&key, &js_sys::Promise::resolve(&js_sys::Uint8Array::from(bytes.as_slice()).buffer()));
    let digests = js_sys::Map::new();
    digests.set(&key, &js_sys::Promise::resolve(&wasm_bindgen::JsValue::from("hash-boot-js-computed")));
    js_sys::Reflect::set(&js_sys::global(), &"__samikshaEarly".into(), &early).unwrap();
    js_sys::Reflect::set(&js_sys::global(), &"__samikshaEarlyDigest".into(), &digests).unwrap();

    let read = samiksha::io::fetch_bytes(url).await.expect("the early bytes");
    assert_eq!(read, bytes);
    assert_eq!(samiksha::io::sha256_hex_of(&read), "hash-boot-js-computed");
    // Other bytes are hashed here.
    let other = b"other bytes";
    assert_eq!(samiksha::io::sha256_hex_of(other), samiksha_core::sha256_hex(other));
    // Each is handed over once: the next read of the address asks the server (which has no such file).
    assert!(samiksha::io::fetch_bytes(url).await.is_err());
    assert_eq!(early.size() + digests.size(), 0);
}

#[wasm_bindgen_test]
async fn a_split_period_file_the_copys_map_read_is_not_fetched_again_and_the_rest_of_its_period_is() {
    // A period split into three files by indicator group, as all-India's are; the copy's map
    // read the one holding the indicator shown (`first_tap::read_before` hands it over).
    let s = samiksha_core::synth::synthetic(10, 2 * samiksha_core::synth::INDICATORS_PER_FILE + 20, 1);
    let (m, _) = parse_manifest("manifest.json", &s.manifest);
    let mut ds = Dataset::new(m.unwrap());
    let files = ds.manifest.value_files.clone();
    assert_eq!(files.len(), 3, "three files for the one period");
    let shown = files.iter().find(|f| f.holds("ind-000")).unwrap().clone();
    let bytes = &s.files.iter().find(|(p, _)| *p == shown.path).unwrap().1;
    assert!(ds.add_value_file(&shown, bytes).is_empty());
    let route = Route { view: View::Map, subject: Some(SubjectId::Indicator("ind-000".into())), lang: Lang::En, ..Route::default() };
    let state = AppState::new(route);
    // The first view is shown, so the rest of the period is asked for at once.
    state.first_view.set(samiksha::state::FirstView::Shown);
    state.adopt_copy_read(samiksha::first_tap::CopyRead { dataset: ds, problems: Vec::new(), files: vec![(shown.path.clone(), Vec::new())] });
    assert_eq!(state.dataset.with_untracked(|d| d.as_ref().unwrap().loaded_columns(0)), samiksha_core::synth::INDICATORS_PER_FILE);
    state.ensure_period_showing(0, samiksha_core::present::Subject::Indicator(0));
    // The other two are fetched (this test's server has none of them: each is named as
    // unreadable); the one read by the copy is not.
    for _ in 0..200 {
        if state.period_settled(0) {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    assert!(state.period_settled(0), "every file of the period asked for, none still in flight");
    let named: Vec<String> = state.problems.with_untracked(|ps| ps.iter().map(|p| p.file.clone()).collect());
    for rest in files.iter().filter(|f| f.path != shown.path) {
        assert!(named.contains(&rest.path), "{} asked for: {named:?}", rest.path);
    }
    assert!(!named.contains(&shown.path), "the file the copy read is not fetched again: {named:?}");
}
