//! Benchmark (not a test; `make bench`): parse-and-validate throughput in the browser for the
//! MP sample and for a synthetic all-India-scale dataset. Prints figures; asserts only that the
//! data was read without problems, so a broken reader cannot report a fast time.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use samiksha::state::{AppState, GeoLoad};
use samiksha::views::map::MapView;
use samiksha_core::format::check::check_dataset;
use samiksha_core::route::{MapKind, Route, SubjectId, View};
use samiksha_core::synth::{synthetic, synthetic_boundaries};
use std::collections::HashMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn measure(label: &str, manifest: &[u8], files: &HashMap<String, Vec<u8>>, runs: usize) {
    let bytes: usize = manifest.len() + files.values().map(Vec::len).sum::<usize>();
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = now();
        let (ds, problems) = check_dataset("manifest.json", manifest, |p| files.get(p).cloned().ok_or_else(|| "missing".into()));
        // Warnings are allowed (the sample's three districts placed within their parents).
        assert!(ds.is_some() && problems.iter().all(|p| p.severity == samiksha_core::format::problem::Severity::Warning), "{label}: {problems:?}");
        times.push(now() - t);
    }
    times.sort_by(f64::total_cmp);
    let ms = times[times.len() / 2];
    console_log!("BENCH browser {label}: {:.1} MB in {ms:.0} ms (median of {runs}) = {:.1} MB/s", bytes as f64 / 1e6, bytes as f64 / 1e3 / ms);
}

macro_rules! sample_files {
    ($($p:literal),*) => { [$(($p, include_bytes!(concat!("../public/data/sample/values/", $p, ".json")).as_slice())),*] };
}

#[wasm_bindgen_test]
fn parse_and_validate_throughput() {
    let manifest = include_bytes!("../public/data/sample/manifest.json");
    let files: HashMap<String, Vec<u8>> = sample_files!(
        "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04",
        "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
        "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"
    )
    .into_iter()
    .map(|(p, b)| (format!("values/{p}.json"), b.to_vec()))
    .chain(std::iter::once(("boundaries.json".to_string(), include_bytes!("../public/data/sample/boundaries.json").to_vec())))
    .collect();
    measure("MP sample (55 districts, 32 indicators, 31 periods)", manifest, &files, 9);

    // At all-India scale a view reads the manifest and one period; the whole dataset is read
    // here only to measure throughput on a large input.
    let s = synthetic(785, 200, 12);
    let files: HashMap<String, Vec<u8>> = s.files.into_iter().collect();
    measure("All-India synthetic, 12 of 60 periods (785 districts, 200 indicators)", &s.manifest, &files, 3);
    let one: HashMap<String, Vec<u8>> = files.iter().filter(|(p, _)| p.starts_with("values/2021-01/")).map(|(k, v)| (k.clone(), v.clone())).collect();
    let (m, _) = samiksha_core::format::manifest::parse_manifest("manifest.json", &s.manifest);
    let mut ds = samiksha_core::Dataset::new(m.unwrap());
    let t = now();
    for f in ds.manifest.files_for_period("2021-01").cloned().collect::<Vec<_>>() {
        assert!(ds.add_value_file(&f, &one[&f.path]).is_empty());
    }
    console_log!("BENCH browser all-India one view: one period's {} files read in {:.0} ms", one.len(), now() - t);
}

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// A generated dataset with every file read.
fn generated(units: usize, indicators: usize, periods: usize) -> samiksha_core::Dataset {
    let s = synthetic(units, indicators, periods);
    let (m, _) = samiksha_core::format::manifest::parse_manifest("manifest.json", &s.manifest);
    let mut ds = samiksha_core::Dataset::new(m.unwrap());
    for (path, bytes) in &s.files {
        let f = ds.manifest.value_files.iter().find(|f| &f.path == path).unwrap().clone();
        ds.add_value_file(&f, bytes);
    }
    ds
}

fn mount_map(ds: samiksha_core::Dataset, geo: Option<samiksha_core::format::geo::GeoMap>, indicator: &str, period: &str) -> (AppState, web_sys::Element) {
    let route = Route {
        view: View::Map,
        subject: Some(SubjectId::Indicator(indicator.into())),
        period: Some(period.into()),
        map: Some(MapKind::Geographic),
        ..Route::default()
    };
    let state = AppState::new(route);
    state.set_dataset(ds);
    state.geo.set(match geo {
        Some(g) => GeoLoad::Ready(std::sync::Arc::new(g)),
        None => GeoLoad::NotPublished,
    });
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(div.clone());
    leptos::mount::mount_to(el, move || {
        provide_context(state);
        view! { <MapView/> }
    })
    .forget();
    (state, div)
}

/// The wasm linear memory in bytes (it only ever grows; a leak shows as growth per switch).
fn wasm_memory() -> f64 {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

/// Recolours the geographic map of a generated dataset on indicator changes: the median time
/// per change, and a check that no path element was rebuilt.
async fn recolour_geographic(units: usize) -> f64 {
    let ds = generated(units, 8, 2);
    let ids: Vec<String> = ds.indicators().iter().map(|i| i.id.clone()).collect();
    let period = ds.periods()[1].id.clone();
    let (geo, _) = samiksha_core::format::geo::parse_boundaries("boundaries.json", &synthetic_boundaries(units), &ds.manifest);
    let (state, root) = mount_map(ds, geo, &ids[0], &period);
    tick().await;
    let first = root.query_selector(".geo-map g.shape path").unwrap().expect("a drawn map");
    let periods: Vec<String> = state.dataset.with_untracked(|d| d.as_ref().map(|d| d.periods().iter().map(|p| p.id.clone()).collect()).unwrap_or_default());
    let mut times = Vec::new();
    // Indicator and period changes alternate: both only recolour.
    for (k, id) in ids.iter().cycle().skip(1).take(30).enumerate() {
        let t = now();
        if k % 2 == 0 {
            state.route.update(|r| r.subject = Some(SubjectId::Indicator(id.clone())));
        } else {
            let p = periods[k / 2 % periods.len()].clone();
            state.route.update(|r| r.period = Some(p));
        }
        tick().await;
        times.push(now() - t);
    }
    let still = root.query_selector(".geo-map g.shape path").unwrap().unwrap();
    assert!(first.is_same_node(Some(&still)), "recolouring rebuilt the geometry");
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[wasm_bindgen_test]
async fn map_recolour_and_large_map_draw() {
    let ms55 = recolour_geographic(55).await;
    console_log!("BENCH browser recolour the geographic map (55 districts): median {ms55:.1} ms over 30 indicator and period changes, geometry built once (target ≤ 16 ms)");
    let ms785 = recolour_geographic(785).await;
    console_log!("BENCH browser recolour the geographic map (785 districts): median {ms785:.1} ms over 30 indicator and period changes, geometry built once (target ≤ 50 ms)");

    // A generated map of 785 districts: read the boundary file and draw it.
    let ds = generated(785, 4, 1);
    let b = synthetic_boundaries(785);
    let t = now();
    let (geo, _) = samiksha_core::format::geo::parse_boundaries("boundaries.json", &b, &ds.manifest);
    let (_state, root) = mount_map(ds, geo, "ind-000", "2021-01");
    tick().await;
    let drawn = root.query_selector_all(".geo-map g.shape path").unwrap().length();
    console_log!("BENCH browser draw a generated 785-district map: {drawn} shapes in {:.0} ms (read, build and render)", now() - t);
    assert_eq!(drawn, 785);
}

/// Switches indicator and period 200 times on the geographic map and reports the wasm memory
/// along the way. Memory must level off: the last 100 switches may not add what the first did.
#[wasm_bindgen_test]
async fn map_memory_levels_off_over_200_switches() {
    let ds = generated(55, 32, 6);
    let ids: Vec<String> = ds.indicators().iter().map(|i| i.id.clone()).collect();
    let periods: Vec<String> = ds.periods().iter().map(|p| p.id.clone()).collect();
    let (geo, _) = samiksha_core::format::geo::parse_boundaries("boundaries.json", &synthetic_boundaries(55), &ds.manifest);
    let (state, _root) = mount_map(ds, geo, &ids[0], &periods[0]);
    tick().await;
    let start = wasm_memory();
    let mut marks = vec![start];
    for k in 0..200 {
        let (id, period) = (ids[k % ids.len()].clone(), periods[(k / 3) % periods.len()].clone());
        state.route.update(|r| {
            if k % 2 == 0 {
                r.subject = Some(SubjectId::Indicator(id));
            } else {
                r.period = Some(period);
            }
        });
        tick().await;
        if (k + 1) % 50 == 0 {
            marks.push(wasm_memory());
        }
    }
    let mb = |b: f64| b / 1048576.0;
    console_log!(
        "BENCH browser wasm memory over 200 indicator/period switches on the geographic map: {}",
        marks.iter().enumerate().map(|(i, m)| format!("after {}: {:.1} MB", i * 50, mb(*m))).collect::<Vec<_>>().join(", ")
    );
    let early = marks[2] - marks[0];
    let late = marks[4] - marks[2];
    assert!(late <= early.max(1048576.0), "memory keeps growing: {:.1} MB in switches 1–100, {:.1} MB in 101–200", mb(early), mb(late));
}
