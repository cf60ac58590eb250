//! Every figure a reader sees of a district's value is that value rounded by the one rule: the
//! tests scan what `present` builds (the rankings rows, the podium's cards, the map's tooltip,
//! the printed pack) for the number each shows and compare it with `round_to` of the value in
//! the file, for values written the way publishers write them, half-way cases included.

use proptest::prelude::*;
use samiksha_core::analysis::rounding::round_to;
use samiksha_core::present::{brief, map, rankings, Ctx, Measured, Subject};
use samiksha_core::{Dataset, Lang};
use serde_json::json;

mod common;

/// The first number written in `text` ("12,34,567.8", "−0.4"), as a number; `None` if none.
fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].ends_with('\u{2212}') || text[..start].ends_with('-');
    let body: String = text[start..].chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').filter(|c| *c != ',').collect();
    let v: f64 = body.trim_end_matches('.').parse().ok()?;
    Some(if negative { -v } else { v })
}

/// Every place a district's own value is shown, each paired with that district's value.
fn shown(ds: &Dataset, lang: Lang) -> Vec<(String, f64)> {
    let ctx = Ctx::new(ds, lang);
    let m = Measured::new(ds, Subject::Indicator(0), 0).expect("loaded");
    let raw = |u: usize| ds.observation(0, 0, u).and_then(|o| o.number()).expect("a value");
    let page = rankings::page(&ctx, &m);
    let mut out: Vec<(String, f64)> = Vec::new();
    for r in &page.rows {
        out.push((r.value_text.clone(), raw(r.unit)));
        out.push((r.value_alone.clone(), raw(r.unit)));
    }
    for u in 0..ds.units().len() {
        out.push((map::tooltip(&ctx, &m, u).value, raw(u)));
    }
    for r in brief::pack_rows(&ctx, &m) {
        let u = ds.unit_index(&r.slug).expect("a district");
        out.push((r.value_text.clone(), raw(u)));
    }
    out
}

/// `k` × 10^−`places` as a publisher writes it ("62.5", "-0.05").
fn written(k: i64, places: usize) -> f64 {
    let digits = format!("{:0>width$}", k.unsigned_abs(), width = places + 1);
    let (int, frac) = digits.split_at(digits.len() - places);
    let text = if places == 0 { int.to_string() } else { format!("{int}.{frac}") };
    let v: f64 = text.parse().unwrap();
    if k < 0 {
        -v
    } else {
        v
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn every_value_a_reader_sees_is_rounded_by_the_one_rule(
        ks in proptest::collection::vec(prop_oneof![0i64..2_000_000, Just(5), Just(15), Just(25), Just(625), Just(2675)], 3..8),
        decimals in 0u8..=2,
        unit in proptest::sample::select(vec!["percent", "count", "days", "rupees"]),
    ) {
        // One digit more than is shown, so half the cases sit on or near a half-way point.
        // Percentages stay within 0–100, where the reader gives no warning.
        let scale = 10i64.pow(decimals as u32 + 1);
        let values: Vec<f64> = ks.iter().map(|k| written(if unit == "percent" { k % (100 * scale + 1) } else { *k }, decimals as usize + 1)).collect();
        let ds = common::one_indicator(unit, &values.iter().map(|v| json!(v)).collect::<Vec<_>>(), decimals, "higher_is_better");
        for lang in [Lang::En, Lang::Hi] {
            let seen = shown(&ds, lang);
            prop_assert!(seen.len() >= 3 * values.len());
            for (text, raw) in seen {
                let n = first_number(&text);
                prop_assert_eq!(n, Some(round_to(raw, decimals)), "{:?} shows {} for {} at {} decimals", lang, text, raw, decimals);
            }
        }
    }
}

#[test]
fn the_scanner_reads_indian_grouping_and_signs() {
    assert_eq!(first_number("12,34,567.8 days"), Some(1234567.8));
    assert_eq!(first_number("\u{2212}0.4 · rank 3 of 5"), Some(-0.4));
    assert_eq!(first_number("no value"), None);
    assert_eq!(written(625, 1), 62.5);
    assert_eq!(written(-5, 2), -0.05);
}
