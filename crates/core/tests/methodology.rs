//! Recomputes the worked example in docs/methodology.md from the document itself and checks
//! every number in its tables, so the document and the code cannot disagree.

use samiksha_core::analysis::composite::{composite, rank_changes, Weighting, DEFAULT_MIN_SHARE};
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::Dataset;

fn doc() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/methodology.md")).expect("docs/methodology.md")
}

fn block(doc: &str, tag: &str) -> String {
    let start = doc.find(&format!("```json {tag}\n")).unwrap_or_else(|| panic!("no ```json {tag} block")) + 9 + tag.len();
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_string()
}

/// Rows of the markdown table whose header starts with `first_header`.
fn table(doc: &str, first_header: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = doc.lines().collect();
    let at = lines.iter().position(|l| l.starts_with(&format!("| {first_header} |"))).expect("table");
    lines[at + 2..].iter().take_while(|l| l.starts_with('|')).map(|l| l.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect()).collect()
}

fn fmt(x: Option<f64>) -> String {
    x.map_or("–".to_string(), |v| samiksha_core::present::numfmt::format_number(v, 1))
}

#[test]
fn the_worked_example_is_what_the_code_computes() {
    let doc = doc();
    let (m, problems) = parse_manifest("manifest.json", block(&doc, "manifest").as_bytes());
    assert!(problems.is_empty(), "{problems:#?}");
    let mut ds = Dataset::new(m.unwrap());
    let f = ds.manifest.value_files[0].clone();
    assert!(ds.add_value_file(&f, block(&doc, "values").as_bytes()).is_empty());
    let c = composite(&ds, 0, Weighting::Published, DEFAULT_MIN_SHARE).unwrap();

    // Step 1: indicator scores.
    let rows = table(&doc, "district | mutation-pending");
    assert_eq!(rows.len(), 3);
    for row in &rows {
        let u = ds.unit_index(&row[0]).unwrap();
        for (k, id) in ["mutation-pending", "khasra-update", "anc-four-visits"].iter().enumerate() {
            let i = ds.indicator_index(id).unwrap();
            let score = c.districts[u].indicators.iter().find(|s| s.indicator == i).map(|s| s.score);
            assert_eq!(fmt(score), row[k + 1], "{} {id}", row[0]);
        }
    }

    // Steps 2–5: departments, overall, rank.
    let rows = table(&doc, "district | revenue");
    assert_eq!(rows.len(), 3);
    for row in &rows {
        let u = ds.unit_index(&row[0]).unwrap();
        let d = &c.districts[u];
        let dep = |id: &str| d.departments.iter().find(|x| ds.manifest.departments[x.department].id == id).map(|x| x.score);
        assert_eq!(fmt(dep("revenue")), row[1], "{}", row[0]);
        assert_eq!(fmt(dep("health")), row[2], "{}", row[0]);
        assert_eq!(fmt(d.overall), row[3], "{}", row[0]);
        let rank = c.ranking.rank_of(u).map_or("not ranked".to_string(), |r| r.rank.to_string());
        assert_eq!(rank, row[4], "{}", row[0]);
    }

    // Step 6: sensitivity.
    let equal = composite(&ds, 0, Weighting::EqualDepartments, DEFAULT_MIN_SHARE).unwrap();
    let changes = rank_changes(&c, &equal);
    assert!(doc.contains(&format!("**{changes}** districts change rank")), "the document should say {changes}");
    assert_eq!(fmt(equal.districts[0].overall), "45.0");
}

/// The Hindi methodology is the same document: the same sections (by anchor), the same worked
/// example and the same figures in its tables, so a reader in either language reads one method.
#[test]
fn the_hindi_methodology_matches_the_english_one() {
    use samiksha_core::present::doc::{parse, plain, Block};
    let hi = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/methodology.hi.md")).expect("docs/methodology.hi.md");
    let en = doc();
    assert_eq!(block(&hi, "manifest"), block(&en, "manifest"));
    assert_eq!(block(&hi, "values"), block(&en, "values"));
    let outline = |src: &str| {
        let blocks = parse(src);
        let anchors: Vec<String> = blocks.iter().filter_map(|b| if let Block::Heading(2, id, _) = b { Some(id.clone()) } else { None }).collect();
        // Every figure in every table, in order; words (headers, "not ranked") differ by language.
        let figures: Vec<String> = blocks
            .iter()
            .filter_map(|b| if let Block::Table { rows, .. } = b { Some(rows.clone()) } else { None })
            .flatten()
            .flatten()
            .map(|c| plain(&c))
            .filter(|c| c.parse::<f64>().is_ok() || c == "–")
            .collect();
        let steps = blocks.iter().filter(|b| matches!(b, Block::List { ordered: true, .. })).count();
        (anchors, figures, steps)
    };
    let (en_anchors, en_figures, en_steps) = outline(&en);
    assert_eq!(en_anchors, ["ranking", "composite", "example", "pace"]);
    assert_eq!(outline(&hi), (en_anchors, en_figures.clone(), en_steps));
    assert_eq!(en_figures.len(), 26);
}

/// The pace example of "Targets with deadlines": its values are read from the document's table,
/// projected by the code, and the pace, the month of arrival and the verdict the document states
/// are checked against what the code says.
#[test]
fn the_pace_example_is_what_the_code_projects() {
    use samiksha_core::analysis::track::{project, theil_sen, Goal, Reach, Track};
    use samiksha_core::format::manifest::{month_id, month_number, Direction};
    let doc = doc();
    let months = ["May 2026", "June 2026", "July 2026", "August 2026", "September 2026", "October 2026"];
    let rows = table(&doc, "month | value");
    assert_eq!(rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), months);
    let start = month_number("2026-05").unwrap() as f64;
    let points: Vec<(f64, f64)> = rows.iter().enumerate().filter_map(|(k, r)| r[1].parse::<f64>().ok().map(|v| (start + k as f64, v))).collect();
    assert_eq!(points.len(), 5, "five values in the window");
    let pace = theil_sen(&points).unwrap();
    assert!(doc.contains(&format!("**{pace:.2}** points a month")), "the document should give the pace as {pace:.2}");
    // The least-squares slope the document compares it with, computed here.
    let n = points.len() as f64;
    let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
    let ls = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / points.iter().map(|p| (p.0 - mx).powi(2)).sum::<f64>();
    assert!(doc.contains(&format!("least-squares line would say {ls:.2}")), "least squares: {ls:.2}");
    let goal = Goal { value: 100.0, direction: Direction::HigherIsBetter, decimals: 1, by: month_number("2026-12").unwrap() as f64, from: None, monthly: true };
    let p = project(&points, start + 5.0, &goal);
    assert_eq!(p.track, Track::OffTrack);
    let Some(Reach::Month(m)) = p.reach else { panic!("a month of arrival") };
    assert_eq!(m, month_id(month_number("2027-10").unwrap()));
    assert!(doc.contains("reaches 100% in **October 2027**, after the deadline: **off track**"));
}
