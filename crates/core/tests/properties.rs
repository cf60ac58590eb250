//! Property tests: the readers never panic on any bytes, and ranking obeys its rules.

mod common;

use proptest::prelude::*;
use samiksha_core::analysis::classify::quantiles;
use samiksha_core::analysis::classify::Method;
use samiksha_core::analysis::rank::{rank_readings, round_to};
use samiksha_core::analysis::review::{Order, SortKey};
use samiksha_core::analysis::tiles::{layout, Point};
use samiksha_core::format::manifest::{parse_manifest, Direction};
use samiksha_core::format::values::{parse_values, GapReason, Reading};
use samiksha_core::present::numfmt::format_number;
use samiksha_core::route::{ChartKind, Frame, MapKind, Opening, Route, Scale, Sort, SubjectId, View};
use samiksha_core::Lang;
use std::collections::HashSet;

fn readings(values: &[Option<f64>]) -> Vec<(usize, Option<Reading>)> {
    values.iter().enumerate().map(|(u, v)| (u, Some(v.map_or(Reading::Gap(GapReason::NotReported), Reading::Number)))).collect()
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::HigherIsBetter), Just(Direction::LowerIsBetter)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn manifest_reader_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_manifest("m.json", &bytes);
    }

    #[test]
    fn manifest_reader_never_panics_on_mangled_manifests(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let mut b = common::bytes(&common::manifest());
        let n = b.len();
        b[flip % n] = byte;
        b.truncate(cut % (n + 1));
        let _ = parse_manifest("m.json", &b);
    }

    #[test]
    fn value_reader_never_panics_on_mangled_files(cut in 0usize..2000, flip in 0usize..2000, byte in any::<u8>()) {
        let (m, _) = parse_manifest("m.json", &common::bytes(&common::manifest()));
        let m = m.unwrap();
        let mut b = common::bytes(&common::values());
        let n = b.len();
        b[flip % n] = byte;
        b.truncate(cut % (n + 1));
        let _ = parse_values("v.json", &b, &m, "2026-01");
    }

    #[test]
    fn ranks_follow_values_and_direction(values in proptest::collection::vec(proptest::option::weighted(0.9, -1e6f64..1e6), 0..80), dir in direction(), dec in 0u8..3) {
        let r = rank_readings(&readings(&values), dir, dec);
        // Every district is either ranked or listed with a reason, never both, never lost.
        prop_assert_eq!(r.ranked.len() + r.unranked.len(), values.len());
        prop_assert_eq!(r.ranked.len(), values.iter().filter(|v| v.is_some()).count());
        for w in r.ranked.windows(2) {
            let (a, b) = (round_to(w[0].value, dec), round_to(w[1].value, dec));
            match dir {
                Direction::HigherIsBetter => prop_assert!(a >= b),
                Direction::LowerIsBetter => prop_assert!(a <= b),
            }
            if a == b {
                prop_assert_eq!(w[0].rank, w[1].rank);
                prop_assert!(w[0].tied && w[1].tied);
            } else {
                prop_assert!(w[1].rank > w[0].rank);
            }
        }
        // Competition ranking: a rank equals one plus the number of strictly better districts.
        for x in &r.ranked {
            let better = r.ranked.iter().filter(|y| {
                let (a, b) = (round_to(y.value, dec), round_to(x.value, dec));
                match dir { Direction::HigherIsBetter => a > b, Direction::LowerIsBetter => a < b }
            }).count();
            prop_assert_eq!(x.rank, better + 1);
        }
        for u in &r.unranked {
            prop_assert!(values[u.unit].is_none());
        }
    }

    #[test]
    fn improving_a_value_never_loses_rank(values in proptest::collection::vec(0.0f64..100.0, 2..60), pick in any::<prop::sample::Index>(), gain in 0.0f64..50.0, dir in direction()) {
        let i = pick.index(values.len());
        let before = rank_readings(&readings(&values.iter().map(|v| Some(*v)).collect::<Vec<_>>()), dir, 1);
        let mut better = values.clone();
        better[i] += match dir { Direction::HigherIsBetter => gain, Direction::LowerIsBetter => -gain };
        let after = rank_readings(&readings(&better.iter().map(|v| Some(*v)).collect::<Vec<_>>()), dir, 1);
        prop_assert!(after.rank_of(i).unwrap().rank <= before.rank_of(i).unwrap().rank);
    }

    #[test]
    fn tile_layout_never_overlaps_and_is_deterministic(points in proptest::collection::vec((20.0f64..27.0, 74.0f64..83.0), 1..80)) {
        let pts: Vec<Point> = points.iter().map(|&(lat, lon)| Point { lat, lon }).collect();
        let a = layout(&pts, 11);
        let distinct: HashSet<_> = a.iter().collect();
        prop_assert_eq!(distinct.len(), pts.len());
        prop_assert_eq!(a, layout(&pts, 11));
    }

    #[test]
    fn quantile_classes_cover_every_value(values in proptest::collection::vec(-1e4f64..1e4, 1..100), dir in direction()) {
        let c = quantiles(&values, 5, dir).unwrap();
        prop_assert!(c.count() <= 5);
        for v in &values {
            let k = c.value_class(*v);
            let (lo, hi) = c.range(k);
            prop_assert!(lo <= *v && *v <= hi, "{} not in class {} ({}, {})", v, k, lo, hi);
            prop_assert!(c.shade(*v) < 5);
        }
    }
}

#[test]
fn ties_share_a_rank_and_the_next_rank_skips() {
    let r = rank_readings(&readings(&[Some(90.0), Some(80.0), Some(80.0), Some(70.0), None]), Direction::HigherIsBetter, 1);
    let ranks: Vec<_> = r.ranked.iter().map(|x| (x.unit, x.rank, x.tied)).collect();
    assert_eq!(ranks, [(0, 1, false), (1, 2, true), (2, 2, true), (3, 4, false)]);
    assert_eq!(r.unranked.len(), 1);
    assert_eq!(r.unranked[0].unit, 4);
}

#[test]
fn values_equal_at_published_precision_are_tied() {
    let r = rank_readings(&readings(&[Some(45.31), Some(45.34)]), Direction::HigherIsBetter, 1);
    assert!(r.ranked.iter().all(|x| x.rank == 1 && x.tied));
    let r = rank_readings(&readings(&[Some(45.31), Some(45.34)]), Direction::HigherIsBetter, 2);
    assert_eq!(r.ranked[0].unit, 1);
}

#[test]
fn lower_is_better_puts_the_smallest_first() {
    let r = rank_readings(&readings(&[Some(5.0), Some(1.0), Some(3.0)]), Direction::LowerIsBetter, 0);
    assert_eq!(r.ranked.iter().map(|x| x.unit).collect::<Vec<_>>(), [1, 2, 0]);
    assert_eq!(r.ranked.first().map(|x| x.unit), Some(1));
    assert_eq!(r.ranked.last().map(|x| x.unit), Some(0));
}

#[test]
fn constant_values_make_one_class() {
    let c = quantiles(&[7.0; 10], 5, Direction::HigherIsBetter).unwrap();
    assert_eq!(c.count(), 1);
    assert!(quantiles(&[], 5, Direction::HigherIsBetter).is_none());
    assert!(quantiles(&[f64::NAN], 5, Direction::HigherIsBetter).is_none());
}

#[test]
fn better_is_darker_whatever_the_direction() {
    let values: Vec<f64> = (0..50).map(f64::from).collect();
    let up = quantiles(&values, 5, Direction::HigherIsBetter).unwrap();
    let down = quantiles(&values, 5, Direction::LowerIsBetter).unwrap();
    assert_eq!(up.shade(49.0), 4);
    assert_eq!(up.shade(0.0), 0);
    assert_eq!(down.shade(0.0), 4);
    assert_eq!(down.shade(49.0), 0);
}

#[test]
fn tile_layout_keeps_neighbours_near() {
    // Four points in a square stay in a 2×2 block.
    let pts = [Point { lat: 24.0, lon: 77.0 }, Point { lat: 24.0, lon: 78.0 }, Point { lat: 23.0, lon: 77.0 }, Point { lat: 23.0, lon: 78.0 }];
    let l = layout(&pts, 2);
    assert_eq!(l, [(0, 0), (1, 0), (0, 1), (1, 1)]);
}

mod composite_props {
    use proptest::prelude::*;
    use samiksha_core::analysis::composite::scale_for;
    use samiksha_core::format::manifest::Direction;

    proptest! {
        #[test]
        fn min_max_scores_do_not_depend_on_the_unit(
            values in proptest::collection::vec(0.1f64..1000.0, 2..60),
            factor in 0.001f64..1000.0,
            target in proptest::option::of(0.1f64..1000.0),
            higher in any::<bool>(),
        ) {
            let dir = if higher { Direction::HigherIsBetter } else { Direction::LowerIsBetter };
            let a = scale_for(&values, dir, target).unwrap();
            let scaled: Vec<f64> = values.iter().map(|v| v * factor).collect();
            let b = scale_for(&scaled, dir, target.map(|t| t * factor)).unwrap();
            for (x, y) in values.iter().zip(&scaled) {
                let (sa, sb) = (a.score(*x), b.score(*y));
                prop_assert!((sa - sb).abs() < 1e-6, "{} vs {}", sa, sb);
                prop_assert!((0.0..=100.0).contains(&sa));
            }
        }

        #[test]
        fn the_best_district_scores_100_without_a_target(values in proptest::collection::vec(-50.0f64..50.0, 1..40), higher in any::<bool>()) {
            let dir = if higher { Direction::HigherIsBetter } else { Direction::LowerIsBetter };
            let s = scale_for(&values, dir, None).unwrap();
            let best = if higher { values.iter().cloned().fold(f64::MIN, f64::max) } else { values.iter().cloned().fold(f64::MAX, f64::min) };
            prop_assert!((s.score(best) - 100.0).abs() < 1e-9);
        }
    }
}

mod classification {
    use proptest::prelude::*;
    use samiksha_core::analysis::classify::{classify, diverging, equal_interval, natural_breaks, target_bands, Method, Scheme};
    use samiksha_core::format::manifest::Direction;

    #[test]
    fn natural_breaks_find_obvious_clusters() {
        let v = [1.0, 1.1, 1.2, 5.0, 5.1, 5.2, 9.0, 9.1, 20.0, 20.5];
        let c = natural_breaks(&v, 4, Direction::HigherIsBetter).unwrap();
        assert_eq!(c.breaks, [1.2, 5.2, 9.1]);
        // Ties and constant values give fewer classes, never empty or inverted ones.
        let c = natural_breaks(&[3.0; 8], 5, Direction::HigherIsBetter).unwrap();
        assert_eq!(c.count(), 1);
    }

    #[test]
    fn equal_interval_splits_the_range_evenly() {
        let c = equal_interval(&[0.0, 10.0, 100.0], 5, Direction::HigherIsBetter).unwrap();
        assert_eq!(c.breaks, [20.0, 40.0, 60.0, 80.0]);
        assert_eq!(c.value_class(20.0), 0);
        assert_eq!(c.value_class(20.1), 1);
        assert_eq!(c.value_class(100.0), 4);
    }

    #[test]
    fn target_bands_put_districts_that_meet_the_target_in_the_best_class() {
        let up = target_bands(&[40.0, 80.0, 95.0, 100.0], Some(100.0), Direction::HigherIsBetter).unwrap();
        assert_eq!(up.shade(100.0), 4);
        assert_eq!(up.shade(95.0), 3);
        assert_eq!(up.shade(40.0), 0);
        let down = target_bands(&[2.0, 5.0, 5.4, 12.0], Some(5.0), Direction::LowerIsBetter).unwrap();
        assert_eq!(down.shade(2.0), 4);
        assert_eq!(down.shade(5.0), 4);
        assert_eq!(down.shade(5.4), 3);
        assert_eq!(down.shade(12.0), 0);
        assert!(target_bands(&[1.0], None, Direction::HigherIsBetter).is_none());
    }

    #[test]
    fn diverging_classes_centre_on_the_target_and_better_is_purple_either_way() {
        let c = diverging(&[60.0, 75.0, 90.0, 95.0, 120.0], 90.0, Direction::HigherIsBetter).unwrap();
        assert_eq!(c.scheme, Scheme::Diverging);
        assert_eq!(c.shade(90.0), 2);
        assert_eq!(c.shade(120.0), 4);
        assert_eq!(c.shade(60.0), 0);
        let low = diverging(&[1.0, 5.0, 9.0], 5.0, Direction::LowerIsBetter).unwrap();
        assert_eq!(low.shade(1.0), 4);
        assert_eq!(low.colours(low.value_class(1.0)).0, "#5e3c99");
        // Without a target the centre is the average of districts.
        let avg = classify(&[10.0, 20.0, 30.0], Method::Diverging, None, Direction::HigherIsBetter).unwrap();
        assert_eq!(avg.centre, Some(20.0));
    }

    proptest! {
        #[test]
        fn every_method_puts_every_value_in_exactly_one_class(values in proptest::collection::vec(-1e3f64..1e3, 1..120), target in proptest::option::of(-1e3f64..1e3), higher in any::<bool>()) {
            let dir = if higher { Direction::HigherIsBetter } else { Direction::LowerIsBetter };
            for m in Method::ALL {
                let c = classify(&values, m, target, dir).unwrap();
                prop_assert!(c.breaks.windows(2).all(|w| w[0] < w[1]), "{:?}: breaks not ascending {:?}", m, c.breaks);
                prop_assert!(c.count() <= 5);
                for v in &values {
                    let k = c.value_class(*v);
                    prop_assert!(k < c.count());
                    let (lo, hi) = c.range(k);
                    prop_assert!(lo <= *v && *v <= hi, "{:?}: {} outside class {} ({}, {})", m, v, k, lo, hi);
                }
            }
        }
    }
}

proptest! {
    /// One rounding rule: two values are tied exactly when they display the same, for 0–6
    /// decimals, including values written with one digit more that end in 5 (the half-way
    /// cases where binary and decimal rounding disagree).
    #[test]
    fn values_that_display_the_same_are_tied_and_tied_values_display_the_same(
        (a, b) in near_pair(),
        dec in 0u8..=6,
        dir in direction(),
    ) {
        let scale = 10f64.powi(dec as i32 + 1);
        let (a, b) = (a / scale, b / scale);
        let r = rank_readings(&readings(&[Some(a), Some(b)]), dir, dec);
        let tied = r.ranked[0].rank == r.ranked[1].rank;
        let same = format_number(a, dec) == format_number(b, dec);
        prop_assert_eq!(tied, same, "{} and {} at {} decimals show {} and {}", a, b, dec, format_number(a, dec), format_number(b, dec));
        prop_assert_eq!(round_to(a, dec) == round_to(b, dec), same);
    }
}

proptest! {
    /// The rounding rule checked against an independent computation, not against another
    /// caller of the same code: a value written with one digit more than is shown (as a
    /// publisher types it, e.g. "62.5", "-0.05", "2.675") is shown rounded half away from zero,
    /// worked out here on the integer of its written digits.
    #[test]
    fn a_written_value_is_shown_rounded_half_away_from_zero(k in prop_oneof![-2_000_000_000i64..2_000_000_000, -200i64..200], dec in 0u8..=6) {
        let written = decimal_text(k, dec as usize + 1);
        let x: f64 = written.parse().unwrap();
        let away = (k.abs() + 5) / 10;
        let expected = decimal_text(if k < 0 { -away } else { away }, dec as usize);
        let shown = format_number(x, dec).replace(',', "").replace('\u{2212}', "-");
        prop_assert_eq!(&shown, &expected, "{} at {} decimals", written, dec);
        prop_assert_eq!(round_to(x, dec), expected.parse::<f64>().unwrap() + 0.0, "{} at {} decimals", written, dec);
    }
}

/// `k` × 10^−`places` as decimal text, built from the integer's digits ("-0.05" for −5, 2);
/// zero has no sign.
fn decimal_text(k: i64, places: usize) -> String {
    let digits = format!("{:0>width$}", k.unsigned_abs(), width = places + 1);
    let (int, frac) = digits.split_at(digits.len() - places);
    let sign = if k < 0 && k.unsigned_abs() > 0 { "-" } else { "" };
    if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

#[test]
fn decimal_text_writes_the_digits() {
    assert_eq!(decimal_text(-5, 2), "-0.05");
    assert_eq!(decimal_text(625, 1), "62.5");
    assert_eq!(decimal_text(2675, 3), "2.675");
    assert_eq!(decimal_text(0, 0), "0");
}

/// Pairs of numbers (in tenths of the last shown digit) that are equal, one step apart, or
/// straddle a half-way point, so ties and near-ties are common.
fn near_pair() -> impl Strategy<Value = (f64, f64)> {
    let base = prop_oneof![-2_000_000i64..2_000_000, -100i64..100];
    (base, prop_oneof![Just(0i64), Just(1), Just(-1), Just(5), Just(-5), Just(4), Just(10), -30i64..30], any::<bool>()).prop_map(|(k, step, nudge)| {
        let a = k as f64;
        // A nudge of one part in 10^9 tests values that are not exactly on a written digit.
        let b = (k + step) as f64 + if nudge { 1e-9 * (k.signum() as f64) } else { 0.0 };
        (a, b)
    })
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9_-]{0,20}"
}

fn route() -> impl Strategy<Value = Route> {
    let subject = proptest::option::of(prop_oneof![
        Just(SubjectId::Composite),
        id().prop_filter("not the composite word", |s| s != "composite").prop_map(SubjectId::Indicator)
    ]);
    let firsts = (
        proptest::sample::select(View::ALL.to_vec()),
        subject,
        proptest::option::of(id()),
        proptest::option::of(id()),
        proptest::option::of(id()),
        proptest::collection::vec(id(), 0..5),
        proptest::option::of(proptest::sample::select(MapKind::ALL.to_vec())),
        proptest::option::of(proptest::sample::select(Method::ALL.to_vec())),
    );
    let seconds = (
        proptest::option::of(proptest::sample::select(ChartKind::ALL.to_vec())),
        proptest::option::of(id()),
        proptest::option::of(
            (proptest::sample::select(SortKey::ALL.to_vec()), prop_oneof![Just(Order::Ascending), Just(Order::Descending)])
                .prop_map(|(key, order)| Sort { key, order }),
        ),
        "[^\\p{Cc}]{0,64}",
        proptest::option::of(id()),
        proptest::option::of(id()),
        prop_oneof![Just(Lang::Hi), Just(Lang::En)],
    );
    let thirds = (
        proptest::collection::vec(id(), 0..8),
        proptest::option::of(id()),
        prop_oneof![Just(Scale::ThisPeriod), Just(Scale::AllPeriods)],
        prop_oneof![Just(Frame::Page), Just(Frame::Embedded)],
        proptest::option::of(id()),
        proptest::option::of(id()),
        prop_oneof![Just(Opening::Title), Just(Opening::Changes)],
    );
    (firsts, seconds, thirds).prop_map(
        |(
            (view, subject, period, district, compare, with, map, classes),
            (chart, second, sort, search, division, zoom, lang),
            (points, department, scale, frame, data, review, opening),
        )| Route {
            review,
            opening,
            data,
            view,
            subject,
            period,
            district,
            compare,
            with,
            map,
            classes,
            chart,
            second,
            sort,
            search,
            division,
            zoom,
            points,
            department,
            scale,
            frame,
            lang,
        },
    )
}

proptest! {
    /// Every route survives the trip through its own link.
    #[test]
    fn every_route_round_trips_through_its_query(r in route()) {
        prop_assert_eq!(Route::parse(&r.to_query()), r);
    }
}
