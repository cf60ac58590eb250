//! Small datasets built in code, so each test states the exact input it feeds the reader.

#![allow(dead_code)]

use serde_json::{json, Value};

pub fn manifest() -> Value {
    json!({
        "format": "samiksha/1",
        "title": {"en": "Test", "hi": "परीक्षण"},
        "publisher": {"en": "Tests", "hi": "परीक्षण"},
        "licence": {"name": {"en": "CC0", "hi": "CC0"}},
        "updated": "2026-01-31",
        "divisions": [{"id": "east", "name": {"en": "East", "hi": "पूर्व"}}],
        "units": [
            {"slug": "alpha", "name": {"en": "Alpha", "hi": "अल्फा"}, "division": "east", "lat": 23.0, "lon": 77.0},
            {"slug": "beta", "name": {"en": "Beta", "hi": "बीटा"}, "division": "east", "lat": 24.0, "lon": 78.0},
            {"slug": "gamma", "name": {"en": "Gamma", "hi": "गामा"}, "division": "east", "carved_from": "beta", "year_created": 2023}
        ],
        "departments": [{"id": "revenue", "name": {"en": "Revenue", "hi": "राजस्व"}}],
        "indicators": [
            {"id": "pending", "name": {"en": "Pending", "hi": "लंबित"}, "unit": "percent", "decimals": 1,
             "direction": "lower_is_better", "department": "revenue"},
            {"id": "score", "name": {"en": "Score", "hi": "स्कोर"}, "unit": "score", "decimals": 0,
             "direction": "higher_is_better", "department": "revenue"}
        ],
        "periods": [{"id": "2026-01", "label": {"en": "January 2026", "hi": "जनवरी 2026"}}],
        "flags": [{"id": "small", "label": {"en": "Small sample", "hi": "छोटा नमूना"}}],
        "value_files": [{"path": "values/2026-01.json", "period": "2026-01"}]
    })
}

pub fn values() -> Value {
    json!({
        "format": "samiksha/1",
        "period": "2026-01",
        "units": ["alpha", "beta", "gamma"],
        "values": {
            "pending": [12.5, {"v": 30.0, "flag": "small", "num": 3, "den": 10}, {"gap": "suppressed"}],
            "score": [50, 70, 60]
        }
    })
}

pub fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}
