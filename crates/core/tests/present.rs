//! The presentation layer: the rows and sentences each view shows, in both languages, over the
//! committed sample, a generated dataset and small datasets built here.

mod common;

use samiksha_core::analysis::classify::Method;
use samiksha_core::analysis::review::{Order, SortKey};
use samiksha_core::analysis::rounding::round_to;
use samiksha_core::format::check::check_dataset;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::present::brief::{self, End, SlideId};
use samiksha_core::present::charts::{self, Drawing};
use samiksha_core::present::map::{self as map_view, methods};
use samiksha_core::present::rankings::{self, Explanation};
use samiksha_core::present::{district, Ctx, Measured, Selection, Subject};
use samiksha_core::route::{ChartKind, Route, Scale, Sort, SubjectId};
use samiksha_core::synth::synthetic;
use samiksha_core::{Dataset, Lang};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::OnceLock;

fn sample() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/sample");
        let manifest = std::fs::read(dir.join("manifest.json")).expect("the sample manifest is committed");
        let (ds, problems) = check_dataset("manifest.json", &manifest, |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
        // Only the districts created after the boundaries were drawn, placed within their parents.
        assert!(problems.iter().all(|p| matches!(p.kind, samiksha_core::format::problem::ProblemKind::NoPolygon { within: Some(_), .. })), "{problems:#?}");
        ds.expect("usable")
    })
}

fn generated() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let s = synthetic(120, 12, 6);
        let (ds, problems) =
            check_dataset("manifest.json", &s.manifest, |p| s.files.iter().find(|f| f.0 == p).map(|f| f.1.clone()).ok_or_else(|| "missing".to_string()));
        assert!(problems.iter().all(|p| p.severity != samiksha_core::Severity::Error), "{problems:#?}");
        ds.expect("usable")
    })
}

/// A one-indicator dataset of `values.len()` districts in one division, for exact cases.
fn tiny(values: &[Value], decimals: u8, direction: &str) -> Dataset {
    tiny_of("percent", values, decimals, direction)
}

fn tiny_of(unit: &str, values: &[Value], decimals: u8, direction: &str) -> Dataset {
    common::one_indicator(unit, values, decimals, direction)
}

fn measured(ds: &Dataset, indicator: &str, period: &str) -> Measured {
    let route = Route::parse(&format!("?indicator={indicator}&period={period}"));
    let sel = Selection::resolve(ds, &route).unwrap();
    Measured::new(ds, sel.subject, sel.period).expect("loaded")
}

#[test]
fn ranks_read_in_each_languages_own_order() {
    let ds = sample();
    let m = measured(ds, "mutation-pending", "2026-01");
    let hi = rankings::page(&Ctx::new(ds, Lang::Hi), &m);
    let en = rankings::page(&Ctx::new(ds, Lang::En), &m);
    let last = hi.rows.last().unwrap();
    let n = m.table.ranked_count;
    // "55 में से 55", never "55 में से" after the rank.
    assert!(last.sentence.contains(&format!("रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{}", last.rank)), "{}", last.sentence);
    assert!(en.rows.last().unwrap().sentence.contains(&format!("rank\u{a0}{}\u{a0}of\u{a0}{n}", last.rank)), "{}", en.rows.last().unwrap().sentence);
    assert_eq!(hi.rows.last().unwrap().slug, "morena");
    // Every cell is in the reader's language: the Hindi page has no English district name.
    assert!(hi.rows.iter().all(|r| !r.name.is_ascii()));
    assert!(hi.heading.contains("जनवरी 2026"), "{}", hi.heading);
}

#[test]
fn the_composite_reads_as_a_subject_everywhere() {
    let ds = sample();
    let route = Route::parse("?view=map&indicator=composite&period=2026-01");
    let sel = Selection::resolve(ds, &route).unwrap();
    assert_eq!(sel.subject, Subject::Composite);
    assert_eq!(sel.canonical_route(ds, &route).subject, Some(SubjectId::Composite));
    // The URL names what is shown: an unknown district leaves the link outside its own view.
    let odd = Route::parse("?view=map&district=atlantis&indicator=nothing");
    let canon = Selection::resolve(ds, &odd).unwrap().canonical_route(ds, &odd);
    assert_eq!(canon.district, None);
    assert_eq!(canon.subject, Some(SubjectId::Indicator(ds.indicators()[0].id.clone())));
    assert_eq!(canon.period.as_deref(), Some(ds.periods().last().unwrap().id.as_str()));
    let m = Measured::new(ds, sel.subject, sel.period).unwrap();
    let ctx = Ctx::new(ds, Lang::En);
    let page = rankings::page(&ctx, &m);
    assert!(page.heading.starts_with("Composite index"), "{}", page.heading);
    assert!(page.columns.contains(&rankings::Column::Band));
    let map = map_view::model(&ctx, &m, None, Scale::ThisPeriod);
    assert!(map.aria.contains("Composite index"), "{}", map.aria);
    assert_eq!(map.units.iter().filter(|u| u.colours.is_some()).count(), m.table.ranked_count);
    let chart = charts::model(&ctx, sel, &[], ChartKind::Bars, None).unwrap();
    assert!(chart.title.starts_with("Composite index"));
    let trend = charts::model(&ctx, sel, &[], ChartKind::Trend, None).unwrap();
    let Drawing::Trend { series, .. } = &trend.drawing else { panic!("a trend") };
    assert!(series.iter().all(|s| s.values.len() == ds.periods().len()));
    assert!(trend.title.contains("April 2024") && trend.title.contains("October 2026"), "the trend's title names its range: {}", trend.title);
}

#[test]
fn the_sensitivity_sentence_is_shown_only_when_the_weights_differ() {
    // The sample weighs every department the same: comparing with equal weights says nothing.
    let ds = sample();
    assert!(ds.manifest.departments.windows(2).all(|w| w[0].weight == w[1].weight));
    let m = measured(ds, "composite", "2026-01");
    assert_eq!(rankings::page(&Ctx::new(ds, Lang::Hi), &m).sensitivity, None);

    // The same dataset with one department weighed three times: a whole sentence, both languages.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/sample");
    let mut manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    manifest["departments"][0]["weight"] = json!(3.0);
    let (weighted, _) = check_dataset("manifest.json", manifest.to_string().as_bytes(), |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    let weighted = weighted.expect("usable");
    let m = measured(&weighted, "composite", "2026-01");
    let hi = rankings::page(&Ctx::new(&weighted, Lang::Hi), &m).sensitivity.expect("weights differ, so the comparison is shown");
    let en = rankings::page(&Ctx::new(&weighted, Lang::En), &m).sensitivity.unwrap();
    let n = m.table.ranked_count;
    assert!(hi.contains(&format!("{n} ज़िलों में से")), "{hi}");
    assert!(en.starts_with("If every department had equal weight,") && en.contains(&format!(" of {n} districts")), "{en}");
}

#[test]
fn search_filter_and_sort_choose_rows_without_rebuilding_them() {
    let ds = sample();
    let m = measured(ds, "public-awareness", "2026-01");
    let page = rankings::page(&Ctx::new(ds, Lang::En), &m);
    // A Hindi query finds the district in the English interface.
    let found = rankings::shown_rows(&page, "रीवा", None, None);
    assert_eq!(found.iter().map(|&i| page.rows[i].slug.as_str()).collect::<Vec<_>>(), ["rewa"]);
    let by_value = rankings::shown_rows(&page, "", None, Some(Sort { key: SortKey::Value, order: Order::Descending }));
    assert!(by_value.windows(2).all(|w| page.rows[w[0]].value >= page.rows[w[1]].value));
    let division = page.rows[0].division_id.clone();
    let in_division = rankings::shown_rows(&page, "", Some(&division), None);
    assert!(!in_division.is_empty() && in_division.iter().all(|&i| page.rows[i].division_id == division));
    assert_eq!(rankings::showing(&Ctx::new(ds, Lang::Hi), 3, 55), "दिखाए गए ज़िले: 55 में से 3");
    let csv = rankings::csv(&Ctx::new(ds, Lang::En), m.subject, &page, &in_division);
    assert!(csv.contains("Rank in division") && csv.contains("Source:"), "{csv}");
}

#[test]
fn ties_at_the_podium_edge_are_never_dropped() {
    // Five districts share the best value: three fit, and the side says two more are tied.
    let ds = tiny(&[json!(90), json!(90), json!(90), json!(90), json!(90), json!(50), json!(40), json!(30)], 0, "higher_is_better");
    let m = measured(&ds, "x", "2026-01");
    for lang in [Lang::En, Lang::Hi] {
        let page = rankings::page(&Ctx::new(&ds, lang), &m);
        assert_eq!(page.top.shown.len(), 3);
        assert_eq!(page.top.more.len(), 2);
        let text = page.top.more_text.clone().unwrap();
        match lang {
            Lang::En => assert_eq!(text, "+2 more tied at rank 1"),
            Lang::Hi => assert_eq!(text, "+2 अन्य ज़िले भी रैंक 1 पर (बराबरी)"),
        }
        assert!(page.bottom.more_text.is_none());
        assert!(page.rows[..5].iter().all(|r| r.rank_mark == "1="));
    }
}

#[test]
fn values_that_display_the_same_rank_the_same_and_show_the_same() {
    // 45.25 shows 45.3 and 45.2 shows 45.2: ranked apart. 12.5 and 13 both show 13: tied.
    let ds = tiny(&[json!(45.25), json!(45.2), json!(45.3)], 1, "higher_is_better");
    let page = rankings::page(&Ctx::new(&ds, Lang::En), &measured(&ds, "x", "2026-01"));
    let by_slug = |s: &str| page.rows.iter().find(|r| r.slug == s).unwrap().clone();
    assert_eq!(by_slug("d0").value_text, "45.3%");
    assert_eq!(by_slug("d2").value_text, "45.3%");
    assert_eq!(by_slug("d0").rank, by_slug("d2").rank);
    assert!(by_slug("d1").rank > by_slug("d0").rank);
    let ds = tiny(&[json!(12.5), json!(13)], 0, "higher_is_better");
    let page = rankings::page(&Ctx::new(&ds, Lang::En), &measured(&ds, "x", "2026-01"));
    assert_eq!(page.rows[0].value_text, page.rows[1].value_text);
    assert_eq!(page.rows[0].rank, page.rows[1].rank);
}

#[test]
fn explanations_are_whole_sentences() {
    let ds = tiny(&[json!(10), json!(20), json!(20), json!(30)], 0, "higher_is_better");
    let m = measured(&ds, "x", "2026-01");
    let ctx = Ctx::new(&ds, Lang::Hi);
    let Explanation::Sentence(best) = rankings::explain(&ctx, &m, 3) else { panic!() };
    assert_eq!(best, "जि3: 30%। किसी ज़िले का मान इससे बेहतर नहीं है, इसलिए इसकी रैंक\u{a0}4\u{a0}में\u{a0}से\u{a0}1 है।");
    let Explanation::Sentence(tied) = rankings::explain(&Ctx::new(&ds, Lang::En), &m, 1) else { panic!() };
    assert_eq!(tied, "D1: 20%. Districts with a better value: 1; others with this value: 1; so it shares rank\u{a0}2\u{a0}of\u{a0}4.");
    let composite = measured(sample(), "composite", "2026-01");
    let Explanation::Composite { departments, overall, .. } = rankings::explain(&Ctx::new(sample(), Lang::Hi), &composite, composite.table.rows[0].unit) else {
        panic!()
    };
    assert!(!departments.is_empty());
    assert!(overall.contains(&format!("रैंक:\u{a0}{}\u{a0}में\u{a0}से\u{a0}1", composite.table.ranked_count)), "{overall}");
}

/// Every legend of every indicator, period and method shows only classes that hold a district,
/// with a range that reads low ≤ high, and counts that add up.
fn legends_are_possible(ds: &Dataset) {
    let mut checked = 0;
    for lang in [Lang::En, Lang::Hi] {
        let ctx = Ctx::new(ds, lang);
        let subjects = (0..ds.indicators().len()).map(Subject::Indicator).chain([Subject::Composite]);
        for subject in subjects {
            for period in 0..ds.periods().len() {
                let Some(m) = Measured::new(ds, subject, period) else { continue };
                for method in methods(&m) {
                    let model = map_view::model(&ctx, &m, Some(method), Scale::ThisPeriod);
                    let Some(legend) = model.legend else {
                        assert!(m.table.rows.is_empty());
                        continue;
                    };
                    let total: usize = legend.items.iter().map(|i| i.count).sum();
                    assert_eq!(total, m.table.ranked_count, "{subject:?} {period} {method:?}");
                    for item in &legend.items {
                        assert!(item.count > 0, "empty class {:?} in {subject:?} {period} {method:?}: {}", item.class, item.text);
                    }
                    let p =
                        samiksha_core::analysis::paint::paint_table(&m.table, ds.units().len(), method, m.facts.target, m.facts.direction, m.facts.decimals);
                    let c = p.classes.unwrap();
                    for k in c.legend(&m.table.rows.iter().map(|r| r.value).collect::<Vec<_>>()) {
                        assert!(k.low <= k.high, "{subject:?} {period} {method:?}: class {} reads {} – {}", k.class, k.low, k.high);
                    }
                    // Districts that show the same value share a colour (pace to target colours
                    // by status: two districts at one value can move at different paces).
                    if method == samiksha_core::analysis::classify::Method::Track {
                        checked += 1;
                        continue;
                    }
                    let mut shown: Vec<(f64, usize)> = m.table.rows.iter().map(|r| (round_to(r.value, m.facts.decimals), r.unit)).collect();
                    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
                    for w in shown.windows(2).filter(|w| w[0].0 == w[1].0) {
                        assert_eq!(model.units[w[0].1].colours, model.units[w[1].1].colours);
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} legends checked");
}

#[test]
fn legends_never_show_impossible_classes_in_the_sample() {
    legends_are_possible(sample());
}

#[test]
fn legends_never_show_impossible_classes_in_a_generated_dataset() {
    legends_are_possible(generated());
}

#[test]
fn a_legend_over_values_below_the_centre_has_no_empty_well_below_class() {
    // Everyone is above the target: the diverging classes below it would be empty.
    let ds = tiny_of("score", &[json!(-5.7), json!(-5.7), json!(-5.6), json!(-4.0), json!(-3.5)], 1, "higher_is_better");
    let m = measured(&ds, "x", "2026-01");
    let model = map_view::model(&Ctx::new(&ds, Lang::En), &m, Some(Method::Diverging), Scale::ThisPeriod);
    let legend = model.legend.unwrap();
    assert!(legend.items.iter().all(|i| i.count > 0), "{:?}", legend.items);
    assert!(!legend.items.iter().any(|i| i.text.starts_with("−5.7 – −5.7")), "{:?}", legend.items);
}

#[test]
fn the_map_model_names_every_district_with_value_and_rank() {
    let ds = sample();
    let m = measured(ds, "mutation-pending", "2026-01");
    let model = map_view::model(&Ctx::new(ds, Lang::Hi), &m, None, Scale::ThisPeriod);
    assert_eq!(model.units.len(), ds.units().len());
    let morena = model.units.iter().find(|u| u.slug == "morena").unwrap();
    assert_eq!(morena.rank, Some(m.table.ranked_count));
    assert!(
        morena.sentence.starts_with("मुरैना: ") && morena.sentence.ends_with(&format!("रैंक:\u{a0}{0}\u{a0}में\u{a0}से\u{a0}{0}", m.table.ranked_count)),
        "{}",
        morena.sentence
    );
    let tip = map_view::tooltip(&Ctx::new(ds, Lang::En), &m, ds.unit_index("morena").unwrap());
    assert_eq!(tip.other_name, "मुरैना");
    assert!(tip.value.contains(&format!("rank\u{a0}{0}\u{a0}of\u{a0}{0}", m.table.ranked_count)), "{}", tip.value);
    assert!(tip.as_of.contains("January 2026"));
}

#[test]
fn the_tooltip_markup_holds_every_line_escaped_and_the_profile_link() {
    let ds = sample();
    let period = ds.period_index("2026-01").unwrap();
    let m = Measured::new(ds, Subject::Indicator(0), period).unwrap();
    let u = ds.unit_index("morena").unwrap();
    let ctx = Ctx::new(ds, Lang::En);
    let mut tip = map_view::tooltip(&ctx, &m, u);
    let html = map_view::tooltip_markup(&ctx, &tip, "?view=district&district=morena&x=<1>");
    assert!(html.starts_with("<button type=\"button\" class=\"tooltip-close\" aria-label=\"Close\">"), "{html}");
    assert!(html.contains("<strong>Morena</strong><span lang=\"hi\"> · मुरैना</span>"), "{html}");
    for line in [&tip.division, &tip.value, &tip.as_of] {
        assert!(html.contains(&format!("<br>{line}")) || html.contains(&format!("<br><small>{line}</small>")), "{line} in {html}");
    }
    assert!(
        html.ends_with("<a href=\"?view=district&amp;district=morena&amp;x=&lt;1&gt;\" data-profile=\"morena\"><bdi>Open the district profile</bdi></a>"),
        "{html}"
    );
    // Dataset text never becomes markup, in any line or attribute.
    let hostile = "<i x=\"1\">&</i>";
    for field in [&mut tip.name, &mut tip.other_name, &mut tip.division, &mut tip.value, &mut tip.as_of, &mut tip.slug] {
        *field = hostile.into();
    }
    tip.notes = vec![hostile.into()];
    tip.flag = Some(hostile.into());
    tip.change = Some(hostile.into());
    let html = map_view::tooltip_markup(&ctx, &tip, hostile);
    assert!(!html.contains("<i"), "{html}");
    // Eight texts and two attributes (the link and the slug), each escaped once.
    assert_eq!(html.matches("&lt;i x=&quot;1&quot;&gt;&amp;&lt;/i&gt;").count(), 10, "{html}");
    assert!(html.contains("<span class=\"note-mark\">Note</span> &lt;i"), "{html}");
    let hi = map_view::tooltip_markup(&Ctx::new(ds, Lang::Hi), &map_view::tooltip(&Ctx::new(ds, Lang::Hi), &m, u), "");
    assert!(hi.contains("aria-label=\"बंद करें\"") && hi.contains("<bdi>ज़िले की प्रोफ़ाइल खोलें</bdi>") && hi.contains("<span lang=\"en\"> · Morena</span>"), "{hi}");
}

#[test]
fn the_district_profile_is_built_in_the_readers_language() {
    let ds = sample();
    let u = ds.unit_index("mauganj").unwrap();
    let period = ds.period_index("2026-01").unwrap();
    let hi = district::profile(&Ctx::new(ds, Lang::Hi), period, u, &[ds.unit_index("rewa").unwrap()]);
    assert_eq!(hi.lineage[0], "वर्ष 2023 में रीवा से अलग होकर बना");
    assert!(hi.composite.starts_with("समग्र रैंक:\u{a0}"), "{}", hi.composite);
    assert_eq!(hi.shown.len(), 2);
    assert_eq!(hi.strengths.len(), 5);
    // "रैंक: 55 में से 47" breaks as one piece, never after "में से".
    let rank = after_last(&hi.strengths[0].text, " — ");
    assert!(rank.starts_with("रैंक:\u{a0}") && !rank.contains(' '), "{rank:?}");
    let cells = &hi.departments[0].rows[0].cells;
    assert_eq!(cells.len(), 2);
    assert!(cells.iter().all(|c| c.series.len() == ds.periods().len()));
    let en = district::profile(&Ctx::new(ds, Lang::En), period, u, &[]);
    // Room for two more districts beside this one, and no more.
    assert!(en.can_add && hi.can_add);
    let three = district::profile(
        &Ctx::new(ds, Lang::En),
        period,
        u,
        &[ds.unit_index("rewa").unwrap(), ds.unit_index("satna").unwrap(), ds.unit_index("bhind").unwrap()],
    );
    assert_eq!(three.shown.len(), 3);
    assert!(!three.can_add);
    // The finder takes a whole name in either language, a slug, or a part of a name.
    let ctx = Ctx::new(ds, Lang::En);
    assert_eq!(district::find(&ctx, "मऊगंज"), Some(u));
    assert_eq!(district::find(&ctx, "mauga"), Some(u));
    assert_eq!(district::find(&ctx, "  "), None);
    assert_eq!(en.lineage[0], "Carved from Rewa in 2023");
    // The composite rank is "of" the districts that could be ranked, not of all districts.
    let c = samiksha_core::analysis::composite::composite_of(ds, period, samiksha_core::analysis::composite::Weighting::Published).unwrap();
    let r = c.ranking.rank_of(u).expect("Mauganj has enough values in January 2026 to be ranked");
    assert!(en.composite.ends_with(&format!("{}\u{a0}of\u{a0}{}", r.rank, c.ranking.ranked.len())), "{}", en.composite);
}

/// Every kind of chart the charts view draws.
const CHART_KINDS: [ChartKind; 6] = [ChartKind::Bars, ChartKind::Trend, ChartKind::Distribution, ChartKind::Scatter, ChartKind::Slope, ChartKind::Ranks];

#[test]
fn charts_have_summaries_tables_and_a_source_line() {
    let ds = sample();
    let route = Route::parse("?indicator=public-awareness&period=2026-01&district=tikamgarh");
    let sel = Selection::resolve(ds, &route).unwrap();
    for kind in CHART_KINDS {
        for lang in [Lang::En, Lang::Hi] {
            let c = charts::model(&Ctx::new(ds, lang), sel, &[], kind, None).unwrap();
            assert!(!c.summary.is_empty(), "{kind:?}");
            assert!(!c.rows.is_empty() && c.rows.iter().all(|r| r.len() == c.header.len()), "{kind:?}");
            let source = if lang == Lang::En { "Source: " } else { "स्रोत: " };
            assert!(c.footer.starts_with(source), "{}", c.footer);
        }
    }
    let scatter = charts::model(&Ctx::new(ds, Lang::En), sel, &[], ChartKind::Scatter, Some(3)).unwrap();
    assert!(scatter.second_choices.iter().any(|c| c.2 && c.0 == ds.indicators()[3].id));
}

#[test]
fn charts_fit_the_width_they_are_shown_in_within_bounds() {
    let ds = sample();
    let route = Route::parse("?indicator=public-awareness&period=2026-01");
    let sel = Selection::resolve(ds, &route).unwrap();
    for kind in CHART_KINDS {
        let drawn = charts::model(&Ctx::new(ds, Lang::En), sel, &[], kind, None).unwrap();
        let (w, h) = drawn.size;
        let fitted = |available| {
            let mut m = drawn.clone();
            charts::fit_width(&mut m, available);
            m.size
        };
        // A tablet's or desktop's width is used, up to the cap, at the height the chart was drawn with.
        assert_eq!(fitted(w + 260), (w + 260, h), "{kind:?}");
        assert_eq!(fitted(5000), (charts::MAX_CHART_WIDTH, h), "{kind:?}");
        // A phone's width: never below 300 px; bars keep their rows' height, others shrink with the width.
        let narrow = fitted(100);
        assert_eq!(narrow.0, 300, "{kind:?}");
        match kind {
            ChartKind::Bars | ChartKind::Distribution => assert_eq!(narrow.1, h, "{kind:?}"),
            _ => assert!(narrow.1 < h && narrow.1 >= 260, "{kind:?}: {narrow:?} from {h}"),
        }
    }
}

#[test]
fn a_deck_holds_the_points_the_route_names_and_opens_on_its_slide() {
    let ds = generated();
    let ctx = Ctx::new(ds, Lang::En);
    let ids: Vec<String> = ds.indicators().iter().map(|i| i.id.clone()).collect();
    let r = Route { points: vec![ids[3].clone(), "nope".into(), ids[1].clone(), ids[3].clone()], ..Route::default() };
    assert_eq!(brief::points(&ctx, &r), [3, 1]);
    // A list naming nothing known is every indicator, not an empty deck.
    let r = Route { points: vec!["nope".into()], ..Route::default() };
    assert_eq!(brief::points(&ctx, &r), (0..ds.indicators().len()).collect::<Vec<_>>());
    let dep = ds.indicators()[2].department.clone();
    let r = Route { department: Some(dep.clone()), ..Route::default() };
    let want: Vec<usize> = (0..ds.indicators().len()).filter(|&i| ds.indicators()[i].department == dep).collect();
    assert!(!want.is_empty() && want.len() < ds.indicators().len());
    assert_eq!(brief::points(&ctx, &r), want);
    let s = brief::slides(&[3, 1]);
    assert_eq!(s, [SlideId::Title, SlideId::Changes, SlideId::Point(3), SlideId::Point(1), SlideId::Composite]);
    let on = |subject| brief::current(&ctx, &s, &Route { subject, ..Route::default() });
    assert_eq!(on(None), 0);
    assert_eq!(on(Some(SubjectId::Indicator(ids[1].clone()))), 3);
    assert_eq!(on(Some(SubjectId::Composite)), 4);
    // The second slide is named by slide=changes, and each slide's route leads back to it.
    assert_eq!(brief::current(&ctx, &s, &Route::parse("?view=brief&slide=changes")), 1);
    for (k, slide) in s.iter().enumerate() {
        let r = Route { subject: slide.subject_id(&ctx), opening: slide.opening(), ..Route::default() };
        assert_eq!(brief::current(&ctx, &s, &Route::parse(&r.to_query())), k, "{slide:?}");
    }
    let c = brief::changes_slide(&ctx, ds.periods().len() - 1, &[3, 1]);
    assert!(c.heading.starts_with("What changed since "), "{}", c.heading);
    assert!(!c.sentences.is_empty() && c.sentences.len() <= 3, "{:?}", c.sentences);
    // An indicator outside the deck opens it at the title.
    assert_eq!(on(Some(SubjectId::Indicator(ids[0].clone()))), 0);
    assert_eq!(brief::counter(&ctx, 2, 4), "Slide 3 of 4");
    assert_eq!(brief::counter(&Ctx::new(ds, Lang::Hi), 2, 4), "स्लाइड: 4 में से 3");
}

#[test]
fn a_slide_names_the_top_and_bottom_three_with_value_rank_and_change() {
    let ds = sample();
    let p = ds.periods().len() - 1;
    for lang in [Lang::En, Lang::Hi] {
        let ctx = Ctx::new(ds, lang);
        for i in 0..ds.indicators().len() {
            let m = Measured::new(ds, Subject::Indicator(i), p).expect("loaded");
            let s = brief::point_slide(&ctx, &m);
            let n = m.table.ranked_count;
            assert_eq!(s.top.shown.len(), 3.min(n));
            assert_eq!(s.bottom.shown.len(), if n > 3 { 3 } else { 0 });
            // The top three are the table's first three and the bottom three its last three.
            let units = |e: &[brief::Entry]| e.iter().map(|x| x.unit).collect::<Vec<_>>();
            assert_eq!(units(&s.top.shown), m.table.rows.iter().take(3).map(|r| r.unit).collect::<Vec<_>>());
            assert_eq!(units(&s.bottom.shown), m.table.rows[n - 3..].iter().map(|r| r.unit).collect::<Vec<_>>());
            for e in s.top.shown.iter().chain(&s.bottom.shown) {
                assert!(e.rank_text.contains(&n.to_string()), "{}", e.rank_text);
                let arrow = e.change_text.contains('▲') || e.change_text.contains('▼') || e.change_text.contains('●');
                let has_change = m.table.row(e.unit).is_some_and(|r| r.change.is_some());
                assert_eq!(arrow, has_change, "{}", e.change_text);
                if !has_change {
                    assert_eq!(e.change_text, ctx.msg(samiksha_core::present::i18n::Msg::NoPreviousValue));
                }
                assert!(!e.value_text.is_empty());
            }
            assert_eq!(s.highlight.iter().filter(|h| h.1 == End::Top).count(), s.top.shown.len() + s.top.more.len());
            assert!(s.meta.iter().any(|x| x == ctx.direction(m.facts.direction)));
        }
        // The first period has nothing to compare with, and says so.
        let m = Measured::new(ds, Subject::Indicator(0), 0).expect("loaded");
        let first = brief::point_slide(&ctx, &m);
        assert_eq!(first.top.shown[0].change_text, ctx.msg(samiksha_core::present::i18n::Msg::NoEarlierPeriod));
        let t = brief::title_slide(&ctx, p, 5);
        assert_eq!(t.headlines.len(), ds.manifest.headlines.len());
        assert!(t.scope.contains('5') && t.scope.contains("55"), "{}", t.scope);
    }
}

#[test]
fn a_slide_counts_and_lists_districts_tied_beyond_the_three() {
    let ds = tiny(&[json!(9), json!(9), json!(9), json!(9), json!(9), json!(5), json!(4), json!(3), json!(3)], 0, "higher_is_better");
    let ctx = Ctx::new(&ds, Lang::En);
    let m = Measured::new(&ds, Subject::Indicator(0), 0).expect("loaded");
    let s = brief::point_slide(&ctx, &m);
    // The line above the title names the department and the period.
    assert_eq!(s.kicker, format!("{} · {}", s.department.clone().expect("an indicator has a department"), s.period));
    assert_eq!(s.top.shown.len(), 3);
    assert_eq!(s.top.more.len(), 2);
    assert_eq!(s.top.more_text.as_deref(), Some("+2 more tied at rank 1"));
    assert!(s.top.shown.iter().chain(&s.top.more).all(|e| e.rank == 1 && e.rank_mark == "1="));
    // Every district the slide names is on its map, at its end.
    assert_eq!(s.highlight.len(), 5 + 3);
    let rows = brief::pack_rows(&ctx, &m);
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[8].rank_mark, "8=");
}

#[test]
fn the_page_title_names_the_view_subject_period_and_district_in_the_readers_language() {
    use samiksha_core::route::View;
    let ds = sample();
    let route = Route::parse("?view=rankings&indicator=public-awareness&period=2026-01&district=rewa");
    let sel = Selection::resolve(ds, &route).unwrap();
    let en = Ctx::new(ds, Lang::En);
    let hi = Ctx::new(ds, Lang::Hi);
    let t = en.page_title(View::Rankings, Some(sel));
    assert!(t.starts_with("Rankings · Public awareness") && t.contains("January 2026") && t.contains(" · Rewa — "), "{t}");
    assert!(t.ends_with(" · Samiksha"), "{t}");
    let t = hi.page_title(View::District, Some(sel));
    assert!(t.contains("रीवा") && t.contains("जनवरी 2026") && t.ends_with("समीक्षा"), "{t}");
    assert!(!t.contains("Public"), "{t}");
    let t = en.page_title(View::Methods, Some(sel));
    assert!(t.starts_with("Methods — "), "{t}");
    // Every view has a title of its own.
    let titles: std::collections::BTreeSet<String> = View::ALL.iter().filter(|v| **v != View::Pack).map(|&v| en.page_title(v, Some(sel))).collect();
    assert_eq!(titles.len(), View::ALL.len() - 1);
}

#[test]
fn classes_over_every_period_keep_each_colour_across_periods() {
    let ds = sample();
    let ctx = Ctx::new(ds, Lang::En);
    let legend = |period: &str, scale| {
        let m = measured(ds, "mutation-pending", period);
        let model = map_view::model(&ctx, &m, Some(Method::Quantile), scale);
        (model.legend.unwrap(), m.table.ranked_count)
    };
    let (a, _) = legend("2025-10", Scale::AllPeriods);
    let (b, ranked) = legend("2026-01", Scale::AllPeriods);
    // The same classes, ranges and colours in both periods; only the counts differ.
    let ranges = |l: &map_view::Legend| l.items.iter().map(|i| (i.class, i.fill, i.text.rsplit_once(' ').unwrap().0.to_string())).collect::<Vec<_>>();
    assert_eq!(ranges(&a), ranges(&b));
    assert_eq!(b.items.iter().map(|i| i.count).sum::<usize>(), ranked);
    assert!(b.scale_note.as_deref().is_some_and(|n| n.contains("every period")));
    // Per period, the classes fit each period and say nothing about other periods.
    let (c, _) = legend("2026-01", Scale::ThisPeriod);
    assert!(c.scale_note.is_none());
    assert!(c.items.iter().all(|i| i.count > 0));
}

#[test]
fn the_time_control_steps_through_published_periods_only() {
    use samiksha_core::present::{published_periods, step_period, Step};
    let ds = sample();
    let periods = published_periods(ds);
    assert!(periods.len() >= 2 && periods.windows(2).all(|w| w[0] < w[1]));
    let (first, last) = (periods[0], *periods.last().unwrap());
    assert_eq!(step_period(&periods, first, Step::Back), None);
    assert_eq!(step_period(&periods, last, Step::On), None);
    assert_eq!(step_period(&periods, first, Step::On), Some(periods[1]));
    assert_eq!(step_period(&periods, periods[1], Step::Back), Some(first));
    // A period without a file is skipped over.
    let gappy = [0, 1, 4];
    assert_eq!(step_period(&gappy, 1, Step::On), Some(4));
    assert_eq!(step_period(&gappy, 3, Step::Back), Some(1));
}

#[test]
fn every_views_table_downloads_as_csv_with_its_heading_and_source() {
    let ds = sample();
    for lang in [Lang::Hi, Lang::En] {
        let ctx = Ctx::new(ds, lang);
        let m = measured(ds, "mutation-pending", "2026-01");
        let model = map_view::model(&ctx, &m, None, Scale::ThisPeriod);
        let (name, csv) = map_view::csv(&ctx, &m, &model);
        assert_eq!(name, format!("samiksha-mutation-pending-2026-01-map-{}.csv", lang.code()));
        assert!(csv.contains(&model.heading) && csv.contains(&ctx.source_line()));
        // Heading, source, header, then one row per district.
        assert_eq!(csv.trim_end().split("\r\n").count(), 3 + ds.units().len());

        let rewa = ds.unit_index("rewa").unwrap();
        let p = district::profile(&ctx, m.period, rewa, &[ds.unit_index("mauganj").unwrap()]);
        let (name, csv) = district::csv(&ctx, &p);
        assert!(name.starts_with("samiksha-rewa-mauganj-scorecard"), "{name}");
        let rows = csv.trim_end().split("\r\n").count();
        assert_eq!(rows, 3 + ds.indicators().len());
        let header = csv.split("\r\n").nth(2).unwrap();
        assert_eq!(header.split(',').count(), 2 + 3 * 2, "{header}");

        let (_, csv) = samiksha_core::present::indicators_csv(&ctx);
        assert_eq!(csv.trim_end().split("\r\n").count(), 3 + ds.indicators().len());
    }
}

#[test]
fn the_boundary_file_is_checked_against_the_districts() {
    use samiksha_core::format::problem::{ProblemKind, Severity};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/sample");
    let manifest = std::fs::read(dir.join("manifest.json")).unwrap();
    let load = |p: &str| std::fs::read(dir.join(p)).map_err(|e| e.to_string());
    let (_, problems) = check_dataset("manifest.json", &manifest, load);
    let mut placed: Vec<(String, String)> = problems
        .iter()
        .filter_map(|p| match &p.kind {
            ProblemKind::NoPolygon { unit, within: Some(parent) } => Some((unit.clone(), parent.clone())),
            _ => None,
        })
        .collect();
    placed.sort();
    assert_eq!(placed, [("maihar".to_string(), "satna".to_string()), ("mauganj".into(), "rewa".into()), ("pandhurna".into(), "chhindwara".into())]);
    assert!(problems.iter().all(|p| p.severity == Severity::Warning && p.file == "boundaries.json"));
    let en = problems[0].kind.text(samiksha_core::Lang::En);
    assert!(en.contains("carved from"), "{en}");

    // A district with neither a polygon nor a parent that has one is not on the map, and said so.
    let mut m: Value = serde_json::from_slice(&manifest).unwrap();
    let units = m["units"].as_array_mut().unwrap();
    let mut orphan = units.iter().find(|u| u["slug"] == "mauganj").unwrap().clone();
    orphan["slug"] = json!("nowhere");
    orphan.as_object_mut().unwrap().remove("carved_from");
    units.push(orphan);
    let (_, problems) = check_dataset("manifest.json", m.to_string().as_bytes(), load);
    let missing = problems.iter().find(|p| matches!(&p.kind, ProblemKind::NoPolygon { unit, within: None } if unit == "nowhere"));
    let missing = missing.expect("the orphan is reported");
    // A warning: `boundaries` is the strict step, and accepts a deliberate omission.
    assert_eq!(missing.severity, samiksha_core::Severity::Warning);
    let text = missing.kind.text(samiksha_core::Lang::Hi);
    assert!(text.contains("मानचित्र पर नहीं"), "{text}");
}

#[test]
fn a_dataset_names_its_divisions_and_units_in_its_own_words() {
    // Uttar Pradesh's divisions are मंडल; the interface says so wherever it names a division.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/sample/manifest.json");
    let mut m: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    m["division_level"] = json!({"en": "Division", "hi": "मंडल"});
    m["unit_level"] = json!({"en": "Block", "hi": "विकासखंड"});
    let (manifest, _) = parse_manifest("manifest.json", m.to_string().as_bytes());
    let ds = Dataset::new(manifest.unwrap());
    use samiksha_core::present::i18n::Msg;
    let hi = Ctx::new(&ds, Lang::Hi);
    assert_eq!(hi.label(Msg::AllDivisions), "सभी मंडल");
    assert_eq!(hi.label(Msg::DivisionFigures), "मंडलवार आँकड़े");
    assert_eq!(hi.label(Msg::RankInDivision), "मंडल में रैंक");
    assert_eq!(rankings::Column::Division.header(&hi, Subject::Composite), "मंडल");
    // And its units in theirs: every table's unit column.
    assert_eq!(rankings::Column::District.header(&hi, Subject::Composite), "विकासखंड");
    let en = Ctx::new(&ds, Lang::En);
    assert_eq!(en.label(Msg::AllDivisions), "All divisions");
    assert_eq!(en.label(Msg::ChartDistribution), "By division");
    // The default, for a dataset that does not say: संभाग, as in Madhya Pradesh.
    assert_eq!(Ctx::new(sample(), Lang::Hi).label(Msg::AllDivisions), "सभी संभाग");
    assert!(!Msg::ALL.iter().any(|m| ["{div}", "{div_lc}", "{divs_lc}"].iter().any(|p| hi.label(*m).contains(p))), "every division placeholder is filled");
}

/// What follows the last `sep` in `text`.
fn after_last<'a>(text: &'a str, sep: &str) -> &'a str {
    text.rsplit_once(sep).map_or("", |(_, tail)| tail)
}

#[test]
fn a_share_short_of_the_minimum_never_reads_as_the_minimum() {
    use samiksha_core::present::{percent, percent_short_of};
    // 5 of 8 indicators: 62.5% is shown as 63 (half away from zero), not 62.
    assert_eq!(percent(5.0 / 8.0), "63");
    assert_eq!(percent_short_of(5.0 / 8.0, 0.75), "63");
    // 74.6% against a 75% minimum: "75" would contradict the sentence, so a decimal is shown.
    assert_eq!(percent_short_of(0.746, 0.75), "74.6");
    assert_eq!(percent_short_of(0.74996, 0.75), "74.996");
}

#[test]
fn a_refused_file_is_named_once_and_a_cell_problem_is_not_a_refused_file() {
    use samiksha_core::format::problem::{Problem, ProblemKind, Severity};
    use samiksha_core::present::files::refused_files;
    let problem = |file: &str, path: &str, severity, kind| Problem { severity, file: file.into(), path: path.into(), kind };
    let problems = [
        problem("values/2026-01.json", "$", Severity::Error, ProblemKind::SizeMismatch { expected: 10, found: 9 }),
        problem("values/2026-01.json", "$", Severity::Error, ProblemKind::HashMismatch { expected: "a".into(), found: "b".into() }),
        problem("values/2025-12.json", "$.values.x[3]", Severity::Error, ProblemKind::Implausible { value: 1e15 }),
        problem("manifest.json", "$", Severity::Error, ProblemKind::SizeMismatch { expected: 1, found: 2 }),
    ];
    let en = refused_files(&problems, Lang::En);
    assert_eq!(en.len(), 1, "{en:?}");
    assert!(en[0].contains("values/2026-01.json"), "{en:?}");
    let hi = refused_files(&problems, Lang::Hi);
    assert!(hi[0].contains("values/2026-01.json") && hi[0] != en[0], "{hi:?}");
    let about = samiksha_core::present::about::model(&Ctx::new(sample(), Lang::Hi));
    assert_eq!(samiksha_core::present::about::file_size(&Ctx::new(sample(), Lang::Hi), 2_250_000), "2.3 एमबी");
    assert_eq!(samiksha_core::present::about::file_size(&Ctx::new(sample(), Lang::En), 300), "1 KB");
    assert_eq!(about.methodology_file, "methodology.hi.md");
    assert!(about.download.is_some_and(|d| d.text.contains("एमबी") || d.text.contains("केबी")));
}

#[test]
fn the_rankings_method_note_is_two_whole_sentences_in_the_readers_language() {
    use samiksha_core::present::rankings::method_note;
    for (lang, stop) in [(samiksha_core::Lang::En, '.'), (samiksha_core::Lang::Hi, '।')] {
        let note = method_note(lang);
        assert_eq!(note.matches(stop).count(), 2, "{note}");
        assert!(note.ends_with(stop), "{note}");
    }
    assert!(!method_note(samiksha_core::Lang::Hi).chars().any(|c| c.is_ascii_alphabetic()));
}
