//! Synthetic datasets of any size, for benchmarks and scale tests (all-India is about 785
//! districts, 200 indicators, 60 periods). Deterministic; values are noise, not statistics.

use serde_json::{json, Map, Value};

/// A generated dataset: the manifest's bytes and each listed file's path and bytes.
pub struct Synthetic {
    pub manifest: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Indicators per value file: a view loads one period's files, and splitting by indicator
/// group keeps each file small enough to fetch quickly at all-India scale.
pub const INDICATORS_PER_FILE: usize = 50;

pub fn synthetic(units: usize, indicators: usize, periods: usize) -> Synthetic {
    let mut state: u64 = 0x00C0_FFEE;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let slugs: Vec<String> = (0..units).map(|u| format!("d{u:04}")).collect();
    let ind_ids: Vec<String> = (0..indicators).map(|i| format!("ind-{i:03}")).collect();
    let period_ids: Vec<String> = (0..periods).map(|p| format!("{}-{:02}", 2021 + p / 12, p % 12 + 1)).collect();
    let mut files = Vec::new();
    let mut refs = Vec::new();
    for pid in &period_ids {
        for (g, group) in ind_ids.chunks(INDICATORS_PER_FILE).enumerate() {
            let mut values = Map::new();
            for id in group {
                let col: Vec<Value> = (0..units)
                    .map(|_| {
                        let x = next();
                        if x < 0.01 {
                            json!({"gap": "not_reported"})
                        } else {
                            json!((x * 1000.0).round() / 10.0)
                        }
                    })
                    .collect();
                values.insert(id.clone(), Value::Array(col));
            }
            let body = json!({"format": crate::FORMAT, "period": pid, "units": slugs, "values": values});
            let bytes = serde_json::to_vec(&body).unwrap_or_default();
            let path = format!("values/{pid}/{g}.json");
            refs.push(json!({"path": path, "period": pid, "indicators": group, "bytes": bytes.len(), "sha256": crate::sha256_hex(&bytes)}));
            files.push((path, bytes));
        }
    }
    let divisions: Vec<Value> =
        (0..36).map(|d| json!({"id": format!("div-{d}"), "name": {"en": format!("Division {d}"), "hi": format!("संभाग {d}")}})).collect();
    let unit_list: Vec<Value> = slugs
        .iter()
        .enumerate()
        .map(|(u, s)| json!({"slug": s, "name": {"en": format!("District {u}"), "hi": format!("ज़िला {u}")}, "division": format!("div-{}", u % 36), "lat": 8.0 + (u % 29) as f64, "lon": 68.0 + (u / 29) as f64}))
        .collect();
    let departments: Vec<Value> =
        (0..10).map(|d| json!({"id": format!("dep-{d}"), "name": {"en": format!("Department {d}"), "hi": format!("विभाग {d}")}})).collect();
    let ind_list: Vec<Value> = ind_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            json!({"id": id, "name": {"en": format!("Indicator {i}"), "hi": format!("संकेतक {i}")}, "unit": "percent", "decimals": 1,
                              "direction": if i % 3 == 0 { "lower_is_better" } else { "higher_is_better" }, "department": format!("dep-{}", i % 10)})
        })
        .collect();
    let period_list: Vec<Value> = period_ids.iter().map(|p| json!({"id": p, "label": {"en": p, "hi": p}})).collect();
    let manifest = json!({
        "format": crate::FORMAT, "title": {"en": "Synthetic", "hi": "कृत्रिम"}, "publisher": {"en": "Benchmark", "hi": "बेंचमार्क"},
        "licence": {"name": {"en": "None", "hi": "कोई नहीं"}}, "updated": "2026-01-01",
        "divisions": divisions, "units": unit_list, "departments": departments, "indicators": ind_list, "periods": period_list, "value_files": refs
    });
    Synthetic { manifest: serde_json::to_vec(&manifest).unwrap_or_default(), files }
}

/// A boundary file for `units` synthetic districts (slugs as in [`synthetic`]): hexagons of
/// about 40 points each on a grid, so drawing cost resembles real outlines.
pub fn synthetic_boundaries(units: usize) -> Vec<u8> {
    let cols = (units as f64).sqrt().ceil() as usize;
    let r = 20.0;
    let list: Vec<Value> = (0..units)
        .map(|u| {
            let (c, row) = (u % cols, u / cols);
            let cx = c as f64 * r * 1.75 + if row % 2 == 1 { r * 0.87 } else { 0.0 } + r;
            let cy = row as f64 * r * 1.5 + r;
            let pts: Vec<(i64, i64)> = (0..42)
                .map(|k| {
                    let a = k as f64 / 42.0 * std::f64::consts::TAU;
                    let wobble = 1.0 + 0.04 * (a * 7.0).sin();
                    ((cx + r * wobble * a.cos()).round() as i64, (cy + r * wobble * a.sin()).round() as i64)
                })
                .collect();
            let mut flat = vec![pts[0].0, pts[0].1];
            for w in pts.windows(2) {
                flat.push(w[1].0 - w[0].0);
                flat.push(w[1].1 - w[0].1);
            }
            json!({"unit": format!("d{u:04}"), "rings": [flat]})
        })
        .collect();
    let rows = units.div_ceil(cols);
    let doc = json!({"format": "samiksha-boundaries/1", "width": cols as f64 * r * 1.75 + 2.0 * r, "height": rows as f64 * r * 1.5 + 2.0 * r, "units": list});
    serde_json::to_vec(&doc).unwrap_or_default()
}
