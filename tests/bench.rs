//! Benchmark (not a test; `make bench`): parse-and-validate throughput in the browser for the
//! MP sample and for a synthetic all-India-scale dataset. Prints figures; asserts only that the
//! data was read without problems, so a broken reader cannot report a fast time.

#![cfg(target_arch = "wasm32")]

use samiksha_core::check::check_dataset;
use leptos::prelude::*;
use samiksha::state::{AppState, GeoLoad, Load};
use samiksha::views::map::MapView;
use samiksha_core::route::{Route, View};
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
        assert!(ds.is_some() && problems.is_empty(), "{label}: {problems:?}");
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
        "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02",
        "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01",
        "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"
    )
    .into_iter()
    .map(|(p, b)| (format!("values/{p}.json"), b.to_vec()))
    .collect();
    measure("MP sample (55 districts, 32 indicators, 31 periods)", manifest, &files, 9);

    // At all-India scale a view reads the manifest and one period; the whole dataset is read
    // here only to measure throughput on a large input.
    let s = synthetic(785, 200, 12);
    let files: HashMap<String, Vec<u8>> = s.files.into_iter().collect();
    measure("All-India synthetic, 12 of 60 periods (785 districts, 200 indicators)", &s.manifest, &files, 3);
    let one: HashMap<String, Vec<u8>> = files.iter().filter(|(p, _)| p.starts_with("values/2021-01/")).map(|(k, v)| (k.clone(), v.clone())).collect();
    let (m, _) = samiksha_core::manifest::parse_manifest("manifest.json", &s.manifest);
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

fn mount_map(ds: samiksha_core::Dataset, geo: Option<samiksha_core::geo::GeoMap>, indicator: &str, period: &str) -> (AppState, web_sys::Element) {
    let route = Route { view: View::Map, indicator: Some(indicator.into()), period: Some(period.into()), ..Route::default() };
    let state = AppState::new(route);
    state.dataset.set(Some(ds));
    state.load.set(Load::Ready);
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

#[wasm_bindgen_test]
async fn map_recolour_and_large_map_draw() {
    // Recolour: 55 districts on the MP sample with a generated geographic layer.
    let (m, _) = samiksha_core::manifest::parse_manifest("manifest.json", include_bytes!("../public/data/sample/manifest.json"));
    let mut ds = samiksha_core::Dataset::new(m.unwrap());
    for (p, bytes) in [("2026-01", include_bytes!("../public/data/sample/values/2026-01.json").as_slice()), ("2025-12", include_bytes!("../public/data/sample/values/2025-12.json").as_slice())] {
        let f = ds.manifest.files_for_period(p).next().unwrap().clone();
        ds.add_value_file(&f, bytes);
    }
    let ids: Vec<String> = ds.indicators().iter().map(|i| i.id.clone()).collect();
    let (state, root) = mount_map(ds, None, &ids[0], "2026-01");
    tick().await;
    let mut times = Vec::new();
    for id in ids.iter().cycle().skip(1).take(30) {
        let t = now();
        state.route.update(|r| r.indicator = Some(id.clone()));
        tick().await;
        times.push(now() - t);
    }
    assert_eq!(root.query_selector_all(".tile-grid a.tile").unwrap().length(), 55);
    times.sort_by(f64::total_cmp);
    console_log!("BENCH browser recolour on an indicator change (55 tiles): median {:.1} ms over 30 changes", times[15]);

    // A generated map of 785 districts: read the boundary file and draw it.
    let s = synthetic(785, 4, 1);
    let (m, _) = samiksha_core::manifest::parse_manifest("manifest.json", &s.manifest);
    let mut ds = samiksha_core::Dataset::new(m.unwrap());
    for (path, bytes) in &s.files {
        let f = ds.manifest.value_files.iter().find(|f| &f.path == path).unwrap().clone();
        ds.add_value_file(&f, bytes);
    }
    let b = synthetic_boundaries(785);
    let t = now();
    let (geo, _) = samiksha_core::geo::parse_boundaries("boundaries.json", &b, &ds.manifest);
    let (_state, root) = mount_map(ds, geo, "ind-000", "2021-01");
    tick().await;
    let drawn = root.query_selector_all(".geo-map g.shape path").unwrap().length();
    console_log!("BENCH browser draw a generated 785-district map: {drawn} shapes in {:.0} ms (read, build and render)", now() - t);
    assert_eq!(drawn, 785);
}
