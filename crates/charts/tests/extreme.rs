//! Any value the readers accept, however extreme (up to just under 10^15 in magnitude, down to
//! the smallest subnormal), goes through ranking, colour classes, the rankings and map models
//! and every chart without overflow, panic or hang, and draws as many charts as ordinary values
//! do. Magnitudes of 10^15 or more (±1.7976931348623157e308 is what GIS tools write for "no
//! data") are refused cells, each named. Each case runs on a thread with a time limit, so a
//! hang fails the test instead of stalling the suite.

use proptest::prelude::*;
use samiksha_core::format::check::check_dataset;
use samiksha_core::present::{charts, map, rankings, Ctx, Measured, Selection, Subject};
use samiksha_core::route::ChartKind;
use samiksha_core::{Dataset, Lang};
use serde_json::{json, Value};
use std::sync::mpsc;
use std::time::Duration;

/// The largest whole magnitude the readers accept, one below 10^15.
const LARGEST: f64 = 999_999_999_999_999.0;
const EXTREMES: [f64; 10] = [LARGEST, -LARGEST, 9.999e14, -5e14, f64::MIN_POSITIVE, 5e-324, 0.0, -0.0, 1e-12, 123456789012345.0];

/// Six districts in two divisions, two indicators, two periods, with the given values.
fn dataset(a: &[f64], b: &[f64]) -> Dataset {
    let units: Vec<Value> = (0..6)
        .map(|i| json!({"slug": format!("d{i}"), "name": {"en": format!("D{i}"), "hi": format!("जि{i}")}, "division": if i < 3 { "east" } else { "west" }}))
        .collect();
    let manifest = json!({
        "format": "samiksha/1",
        "title": {"en": "Extremes", "hi": "चरम"}, "publisher": {"en": "Tests", "hi": "परीक्षण"},
        "licence": {"name": {"en": "CC0", "hi": "CC0"}}, "updated": "2026-01-31",
        "divisions": [{"id": "east", "name": {"en": "East", "hi": "पूर्व"}}, {"id": "west", "name": {"en": "West", "hi": "पश्चिम"}}],
        "units": units,
        "departments": [{"id": "d", "name": {"en": "Dept", "hi": "विभाग"}}],
        "indicators": [
            {"id": "a", "name": {"en": "A", "hi": "क"}, "unit": "count", "decimals": 1, "direction": "higher_is_better", "department": "d", "target": 50},
            {"id": "b", "name": {"en": "B", "hi": "ख"}, "unit": "rupees", "decimals": 2, "direction": "lower_is_better", "department": "d"}
        ],
        "periods": [{"id": "2026-01", "label": {"en": "January 2026", "hi": "जनवरी 2026"}}, {"id": "2026-02", "label": {"en": "February 2026", "hi": "फ़रवरी 2026"}}],
        "value_files": [{"path": "v1.json", "period": "2026-01"}, {"path": "v2.json", "period": "2026-02"}]
    });
    let file = |period: &str, a: &[f64], b: &[f64]| {
        serde_json::to_vec(&json!({"format": "samiksha/1", "period": period, "units": ["d0", "d1", "d2", "d3", "d4", "d5"], "values": {"a": a, "b": b}}))
            .unwrap()
    };
    let (v1, v2) = (file("2026-01", b, a), file("2026-02", a, b));
    let (ds, problems) = check_dataset("manifest.json", &serde_json::to_vec(&manifest).unwrap(), |p| Ok(if p == "v1.json" { v1.clone() } else { v2.clone() }));
    let refused = problems.iter().filter(|p| p.severity == samiksha_core::Severity::Error).count();
    let too_large = 2 * a.iter().chain(b).filter(|v| v.abs() >= 1e15).count();
    assert_eq!(refused, too_large, "every cell of 10^15 or more, and only those, is refused: {problems:#?}");
    ds.unwrap_or_else(|| panic!("{problems:#?}"))
}

/// How many charts ordinary values draw: what every accepted extreme must draw too.
fn ordinary() -> usize {
    look_at_everything(&dataset(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[6.0, 5.0, 4.0, 3.0, 2.0, 1.0]))
}

/// Everything a reader can look at for one dataset: rankings, the map with every class method,
/// and every chart kind, in both languages.
fn look_at_everything(ds: &Dataset) -> usize {
    let mut drawn = 0;
    for lang in [Lang::En, Lang::Hi] {
        let ctx = Ctx::new(ds, lang);
        for subject in [Subject::Indicator(0), Subject::Indicator(1), Subject::Composite] {
            let Some(m) = Measured::new(ds, subject, 1) else { continue };
            let page = rankings::page(&ctx, &m);
            let _ = rankings::csv(&ctx, subject, &page, &(0..page.rows.len()).collect::<Vec<_>>());
            for method in map::methods(&m) {
                let model = map::model(&ctx, &m, Some(method), samiksha_core::route::Scale::ThisPeriod);
                assert_eq!(model.units.len(), 6);
            }
            let sel = Selection { subject, period: 1, district: Some(0) };
            for kind in ChartKind::ALL {
                if let Some(c) = charts::model(&ctx, sel, &[1, 2], kind, Some(1)) {
                    let svg = samiksha_charts::draw(&ctx, &c, subject);
                    assert!(svg.starts_with("<svg"));
                    let (framed, _) = samiksha_charts::framed(&svg, c.size.0, c.size.1, &c.title, &c.footer);
                    assert!(!framed.contains("NaN") && !framed.contains("inf"), "{kind:?}");
                    drawn += 1;
                }
            }
        }
    }
    drawn
}

fn within_time_limit(a: Vec<f64>, b: Vec<f64>) -> usize {
    let (tx, rx) = mpsc::channel();
    let (a2, b2) = (a.clone(), b.clone());
    std::thread::spawn(move || {
        let _ = tx.send(look_at_everything(&dataset(&a2, &b2)));
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(n) => n,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("hung on {a:?} / {b:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("panicked on {a:?} / {b:?}"),
    }
}

#[test]
fn the_largest_accepted_values_draw_and_rank() {
    let n = ordinary();
    assert!(n >= 12, "ordinary values draw {n} charts");
    assert_eq!(within_time_limit(vec![LARGEST, -LARGEST, 0.0, 1.0, 2.0, 3.0], vec![9.999e14, -9.999e14, 5e-324, 0.0, -1.0, LARGEST]), n);
    assert_eq!(within_time_limit(vec![LARGEST; 6], vec![-LARGEST; 6]), n);
}

#[test]
fn no_data_markers_are_refused_and_the_rest_still_draws() {
    // Two of six cells are GIS "no data"; the other four still rank and draw.
    let n = within_time_limit(vec![f64::MAX, -f64::MAX, 1.0, 2.0, 3.0, 4.0], vec![1e308, 1.0, 2.0, 3.0, 4.0, 5.0]);
    assert!(n > 0, "{n} charts drawn");
}

/// Accepted values: the extremes above, ordinary ones, and any finite double folded below 10^15.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![proptest::sample::select(EXTREMES.to_vec()), -1e6f64..1e6, any::<f64>().prop_filter("finite", |v| v.is_finite()).prop_map(|v| v % 1e15)]
}

proptest! {
    // A fixed seed: the same 48 cases every run, so a failure is never an accident of timing
    // (a case that fails is then a case to add to the tests above).
    #![proptest_config(ProptestConfig { cases: 48, rng_seed: proptest::test_runner::RngSeed::Fixed(20261206), .. ProptestConfig::default() })]
    #[test]
    fn any_accepted_values_rank_classify_and_draw(a in proptest::collection::vec(value(), 6), b in proptest::collection::vec(value(), 6)) {
        prop_assert_eq!(within_time_limit(a, b), ordinary());
    }
}

/// The readers refuse magnitudes of 10^15 and more, so the charts are also fed the extremes
/// directly: a chart must hold any finite value whatever reaches it.
#[test]
fn every_chart_holds_the_extremes_directly() {
    use samiksha_charts::*;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let fmt = |v: f64| format!("{v}");
        let values: Vec<Option<f64>> = EXTREMES.iter().copied().map(Some).collect();
        let bars: Vec<Bar> = values.iter().enumerate().map(|(i, v)| Bar { label: format!("D{i}"), value: *v, highlight: i == 0 }).collect();
        let refs = [Reference { label: "Average".into(), value: f64::MAX, dashed: false }];
        let mut out = vec![ranked_bars(&bars, &refs, &fmt, "gap", "bars", 640)];
        let series = [Series { label: "D0".into(), values: values.clone() }];
        let labels: Vec<String> = (0..values.len()).map(|i| i.to_string()).collect();
        out.push(trend(&labels, &series, &refs, &fmt, "trend", (640, 320)));
        let groups: Vec<Group> = vec![("East".into(), EXTREMES.iter().enumerate().map(|(i, v)| (format!("D{i}"), *v, i == 0)).collect())];
        out.push(distribution(&groups, &refs, &fmt, "divisions", 640));
        let points: Vec<(String, f64, f64, bool)> = EXTREMES.iter().enumerate().map(|(i, v)| (format!("D{i}"), *v, -*v, i == 1)).collect();
        out.push(scatter(&points, "x", "y", &fmt, &fmt, "scatter", (640, 480)));
        out.push(sparkline(&values, "spark", (80, 20)));
        let _ = tx.send(out);
    });
    let out = rx.recv_timeout(Duration::from_secs(20)).expect("every chart finished in time");
    for svg in out {
        assert!(svg.starts_with("<svg") && !svg.contains("NaN") && !svg.contains("inf"), "{}", &svg[..svg.len().min(200)]);
    }
}
