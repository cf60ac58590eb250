//! Charts rendered natively to SVG strings and checked for structure: bars, points, labels,
//! gaps and axis ranges, including a dataset with gaps and a single-district case.

use samiksha_charts::*;

fn fmt(v: f64) -> String {
    format!("{v:.0}%")
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

fn bars(values: &[Option<f64>]) -> Vec<Bar> {
    values.iter().enumerate().map(|(i, v)| Bar { label: format!("ज़िला {i}"), value: *v, highlight: i == 1 }).collect()
}

/// Rectangles drawn as bars: plotters' filled rects other than the white background.
fn bar_rects(svg: &str) -> usize {
    svg.match_indices("<rect").filter(|(i, _)| !svg[*i..].split('>').next().unwrap().contains("#FFFFFF")).count()
}

#[test]
fn ranked_bars_draw_one_bar_per_value_and_label_gaps() {
    let refs = [Reference { label: "State average".into(), value: 50.0, dashed: false }, Reference { label: "Target".into(), value: 90.0, dashed: true }];
    let svg = ranked_bars(&bars(&[Some(80.0), Some(60.0), None, Some(20.0)]), &refs, &fmt, "not reported", "Ranked bars", 640);
    assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Ranked bars\""), "{}", &svg[..120]);
    assert_eq!(bar_rects(&svg), 3, "one bar per value, none for the gap");
    assert_eq!(count(&svg, "(not reported)"), 1);
    for i in 0..4 {
        assert!(svg.contains(&format!("ज़िला {i}")), "label {i}");
    }
    assert!(svg.contains("State average") && svg.contains("Target"));
    // The highlighted district's bar has its own colour.
    assert_eq!(count(&svg, "#0072B2"), 1);
    // The axis starts at zero for bars and reaches past the largest value and the target.
    assert!(svg.contains("\n0%\n"), "zero on the axis");
}

#[test]
fn a_single_district_and_all_gaps_still_draw() {
    let one = ranked_bars(&bars(&[Some(42.0)]), &[], &fmt, "not reported", "One", 400);
    assert_eq!(bar_rects(&one), 1);
    let none = ranked_bars(&bars(&[None, None]), &[], &fmt, "not reported", "None", 400);
    assert_eq!(bar_rects(&none), 0);
    assert_eq!(count(&none, "(not reported)"), 2);
    let t = trend(&["Jan".into()], &[Series { label: "A".into(), values: vec![Some(3.0)] }], &[], &fmt, "One point", (400, 200));
    assert_eq!(count(&t, "<circle"), 1);
}

#[test]
fn trends_break_at_gaps_instead_of_dropping_to_zero() {
    let labels: Vec<String> = (1..=6).map(|m| format!("M{m}")).collect();
    let s = vec![
        Series { label: "Alpha".into(), values: vec![Some(10.0), Some(12.0), None, Some(15.0), Some(16.0), None] },
        Series { label: "Beta".into(), values: vec![Some(30.0), Some(28.0), Some(27.0), Some(25.0), Some(24.0), Some(20.0)] },
    ];
    let svg = trend(&labels, &s, &[Reference { label: "Target".into(), value: 35.0, dashed: true }], &fmt, "Trend", (640, 300));
    // Alpha: two runs (markers circles), Beta: one run (markers triangles).
    assert_eq!(count(&svg, "<circle"), 4, "Alpha has four values");
    assert_eq!(count(&svg, "<polygon"), 6, "Beta has six values");
    let lines = |colour: &str| svg.lines().filter(|l| l.starts_with("<polyline") && l.contains(colour)).count();
    assert_eq!(lines("#0072B2"), 2, "Alpha's line breaks at its gap");
    assert_eq!(lines("#E69F00"), 1, "Beta is one line");
    assert!(svg.contains("● Alpha") && svg.contains("▲ Beta"), "legend with marker shapes");
    assert!(!svg.contains("\n0%\n"), "no zero for a gap: the axis stays near the data");
    assert!(svg.contains("M1") && svg.contains("Target"));
}

#[test]
fn distribution_places_every_district_in_its_division() {
    let groups = vec![
        ("Bhopal".to_string(), vec![("A".to_string(), 10.0, false), ("B".to_string(), 20.0, true)]),
        ("Rewa".to_string(), vec![("C".to_string(), 30.0, false), ("D".to_string(), 30.0, false), ("E".to_string(), 5.0, false)]),
    ];
    let svg = distribution(&groups, &[], &fmt, "Distribution", 640);
    assert_eq!(count(&svg, "<circle"), 5);
    assert!(svg.contains("\nBhopal\n") && svg.contains("\nRewa\n"));
}

#[test]
fn scatter_names_each_dot_and_states_the_correlation() {
    let pts: Vec<(String, f64, f64, bool)> = (0..10).map(|i| (format!("D{i}"), i as f64, 2.0 * i as f64 + 1.0, i == 3)).collect();
    let svg = scatter(&pts, "Coverage", "Outcome", &fmt, &fmt, "Scatter", (500, 400));
    assert_eq!(count(&svg, "class=\"dot\""), 10);
    assert_eq!(count(&svg, "<title>D"), 10);
    assert!(svg.contains("Coverage") && svg.contains("Outcome"));
    assert!(svg.trim_end().ends_with("</svg>"));
    let r = pearson(&pts.iter().map(|p| (p.1, p.2)).collect::<Vec<_>>()).unwrap();
    assert!((r - 1.0).abs() < 1e-12);
    assert_eq!(pearson(&[(1.0, 1.0), (2.0, 2.0)]), None);
    assert_eq!(pearson(&[(1.0, 5.0), (2.0, 5.0), (3.0, 5.0)]), None);
    let neg = pearson(&[(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]).unwrap();
    assert!((neg + 1.0).abs() < 1e-12);
}

#[test]
fn sparklines_leave_gaps_open() {
    let svg = sparkline(&[Some(1.0), Some(2.0), None, Some(3.0), Some(2.5)], "Trend of Bhopal", (80, 20));
    assert_eq!(count(&svg, "<path"), 2);
    assert!(svg.contains("role=\"img\"") && svg.contains("aria-label=\"Trend of Bhopal\""));
    let empty = sparkline(&[None, None], "No data", (80, 20));
    assert_eq!(count(&empty, "<path"), 0);
}

#[test]
fn labels_are_escaped() {
    let svg = ranked_bars(&[Bar { label: "<script>alert(1)</script>".into(), value: Some(1.0), highlight: false }], &[], &fmt, "gap", "A & <b>", 300);
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("aria-label=\"A &amp; &lt;b&gt;\""));
}

/// Characters XML 1.0 allows; anything else makes the export unreadable.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || ('\u{20}'..='\u{D7FF}').contains(&c) || ('\u{E000}'..='\u{FFFD}').contains(&c) || c >= '\u{10000}'
}

#[test]
fn exports_stay_well_formed_whatever_the_dataset_text_holds() {
    let hostile = "a\u{0}b\u{1b}c ]]> <x> & \"q\" \u{FFFF} \u{202E}rtl";
    let chart = ranked_bars(
        &[Bar { label: hostile.into(), value: Some(1.0), highlight: true }],
        &[Reference { label: hostile.into(), value: 0.5, dashed: true }],
        &fmt,
        hostile,
        hostile,
        300,
    );
    let (doc, _) = framed(&chart, 300, 100, hostile, hostile);
    let bad: Vec<char> = doc.chars().filter(|c| !xml_char(*c)).collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert!(!doc.contains("]]>") && !doc.contains("<x>"));
    for svg in [scatter(&[(hostile.into(), 1.0, 2.0, true)], hostile, hostile, &fmt, &fmt, hostile, (300, 200)), sparkline(&[Some(1.0)], hostile, (80, 20))] {
        assert!(svg.chars().all(xml_char));
    }
}

#[test]
fn a_framed_chart_is_well_formed_and_carries_title_and_footer() {
    let chart = ranked_bars(&bars(&[Some(1.0), Some(2.0)]), &[], &fmt, "gap", "Chart", 300);
    let (doc, h) = framed(&chart, 300, 96, "Title & more", "Source: X · Data as of: 1 Jan");
    // One title line (12 + 20), the chart, one footer line (8 + 16).
    assert_eq!(h, 32 + 96 + 24);
    assert!(doc.contains("<title>Title &amp; more</title>"));
    assert!(doc.contains("Source: X · Data as of: 1 Jan"));
    // No element may repeat an attribute (browsers refuse such SVG as an image).
    for tag in doc.split('<').skip(1) {
        let head = tag.split('>').next().unwrap();
        let mut names: Vec<&str> =
            head.split_whitespace().skip(1).filter_map(|a| a.split('=').next()).filter(|n| !n.is_empty() && !n.starts_with('/')).collect();
        let before = names.len();
        names.sort();
        names.dedup();
        assert_eq!(before, names.len(), "repeated attribute in <{head}>");
    }
}

#[test]
fn long_titles_and_source_lines_wrap_inside_the_picture() {
    let chart = ranked_bars(&bars(&[Some(1.0), Some(2.0)]), &[], &fmt, "gap", "Chart", 320);
    let title = "समय-सीमा के बाद लंबित नामांतरण प्रकरण · अप्रैल 2024 से अक्टूबर 2026 तक का रुझान";
    let footer = "Source: Revenue Department, Government of Madhya Pradesh (RCMS); Public Service Management Department (CM Helpline) · Data as of: 31 October 2026 · Licence: Government Open Data Licence – India";
    let (doc, h) = framed(&chart, 320, 96, title, footer);
    let texts: Vec<(u32, f64, String)> = doc
        .split("<text ")
        .skip(1)
        .filter(|t| t.contains("x=\"8\""))
        .map(|t| {
            let attr = |name: &str| t.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().to_string();
            (attr("y").parse().unwrap(), attr("font-size").parse().unwrap(), t.split('>').nth(1).unwrap().split('<').next().unwrap().to_string())
        })
        .collect();
    assert!(texts.len() >= 5, "the title and the footer each take several lines: {texts:?}");
    // Every line is within the picture: inside its width (by the same estimate) and its height.
    for (y, size, line) in &texts {
        assert!(*y < h, "{line} at {y} of {h}");
        assert!(samiksha_core::format::text::label_width_em(line) * size <= 304.0, "{line}");
    }
    // Nothing is lost in wrapping.
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let shown: Vec<String> = texts.iter().flat_map(|(_, _, l)| words(l)).collect();
    let mut expected = words(title);
    expected.extend(words(&footer.replace('&', "&amp;")));
    assert_eq!(shown, expected);
    assert_eq!(samiksha_charts::wrap("", 12.0, 100.0), vec![String::new()]);
}

#[test]
fn a_narrow_trend_labels_fewer_periods_so_they_do_not_run_together() {
    let labels: Vec<String> = (0..31).map(|k| format!("{} {}", ["January", "October", "September"][k % 3], 2000 + k)).collect();
    let series = vec![Series { label: "A".into(), values: (0..31).map(|k| Some(k as f64)).collect() }];
    let shown = |width: u32| {
        let svg = trend(&labels, &series, &[], &fmt, "t", (width, 300));
        let svg = svg.replace(char::is_whitespace, "");
        labels.iter().filter(|l| svg.contains(&format!(">{}<", l.replace(' ', "")))).count()
    };
    let (narrow, wide) = (shown(360), shown(720));
    assert_eq!(narrow, 2, "the first and the last period at 360 px");
    assert!(wide > narrow && wide <= 6, "{wide} labels at 720 px (and {narrow} at 360)");
}

#[test]
fn trend_labels_are_equally_spaced_back_from_the_latest_period() {
    use samiksha_charts::period_ticks;
    for count in [2, 5, 12, 13, 31, 60] {
        for fit in 1..=count + 2 {
            let shown = period_ticks(count, fit);
            assert!(!shown.is_empty() && shown.len() <= fit.max(1), "{count} periods, {fit} fit: {shown:?}");
            assert_eq!(shown.last(), Some(&(count - 1)), "the latest period is always labelled: {shown:?}");
            assert!(shown.windows(2).all(|w| w[0] < w[1]), "oldest first: {shown:?}");
            if fit >= 3 {
                let gaps: Vec<usize> = shown.windows(2).map(|w| w[1] - w[0]).collect();
                assert!(gaps.windows(2).all(|g| g[0] == g[1]), "{count} periods, {fit} fit: unequal gaps {shown:?}");
                assert!(gaps.first().is_none_or(|g| [1, 2, 3, 4, 6].contains(g) || g % 12 == 0), "{count} periods: a step of {gaps:?}");
            }
        }
    }
    // 31 months with room for six labels: every six months back from the latest, which here
    // reaches the first too.
    assert_eq!(period_ticks(31, 6), vec![0, 6, 12, 18, 24, 30]);
    assert_eq!(period_ticks(31, 2), vec![0, 30]);
}
