//! The review's loop, natively: targets with deadlines and the pace projection, reviews and
//! their follow-up, notes on the data, and the "what changed" sentences, in both languages.
//! Expected values are worked out by hand in the comments, not taken from the code.

use samiksha_core::analysis::followup::Followup;
use samiksha_core::analysis::track::{project_all, Track};
use samiksha_core::format::check::check_dataset;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::format::problem::ProblemKind;
use samiksha_core::present::{changes, followup, map as map_view, notes, track, Ctx, Measured, Subject};
use samiksha_core::route::Scale;
use samiksha_core::{Dataset, Lang, Severity};
use serde_json::{json, Value};
use std::path::PathBuf;

const MONTHS: [&str; 6] = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];
const NAMES: [(&str, &str, &str); 7] = [
    ("alpha", "Alpha", "अल्फा"),
    ("beta", "Beta", "बीटा"),
    ("gamma", "Gamma", "गामा"),
    ("delta", "Delta", "डेल्टा"),
    ("eps", "Eps", "एप्स"),
    ("zeta", "Zeta", "ज़ेटा"),
    ("eta", "Eta", "ईटा"),
];

/// A dataset of seven districts over six months with two indicators: `ekyc` (higher is better,
/// target `target`) and `pending` (lower is better, target 5 by 2026-12). `cells[indicator][period][unit]`.
fn dataset(ekyc_target: Value, ekyc: &[[Value; 7]; 6], pending: &[[Value; 7]; 6], extra: Value) -> Dataset {
    let units: Vec<Value> = NAMES.iter().map(|(s, en, hi)| json!({"slug": s, "name": {"en": en, "hi": hi}, "division": "east"})).collect();
    let periods: Vec<Value> = MONTHS
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (en, hi) = [("May", "मई"), ("June", "जून"), ("July", "जुलाई"), ("August", "अगस्त"), ("September", "सितंबर"), ("October", "अक्टूबर")][i];
            json!({"id": m, "label": {"en": format!("{en} 2026"), "hi": format!("{hi} 2026")}})
        })
        .collect();
    let files: Vec<Value> = MONTHS.iter().map(|m| json!({"path": format!("values/{m}.json"), "period": m})).collect();
    let mut manifest = json!({
        "format": "samiksha/1",
        "title": {"en": "Loop", "hi": "लूप"},
        "publisher": {"en": "Tests", "hi": "परीक्षण"},
        "licence": {"name": {"en": "CC0", "hi": "CC0"}},
        "updated": "2026-11-01",
        "divisions": [{"id": "east", "name": {"en": "East", "hi": "पूर्व"}}],
        "units": units,
        "departments": [{"id": "d", "name": {"en": "Dept", "hi": "विभाग"}}],
        "indicators": [
            {"id": "ekyc", "name": {"en": "e-KYC done", "hi": "ई-केवाईसी पूर्ण"}, "short_name": {"en": "e-KYC", "hi": "ई-केवाईसी"},
             "unit": "percent", "decimals": 1, "direction": "higher_is_better", "department": "d", "target": ekyc_target},
            {"id": "pending", "name": {"en": "Cases pending", "hi": "लंबित प्रकरण"}, "short_name": {"en": "Pending", "hi": "लंबित"},
             "unit": "percent", "decimals": 1, "direction": "lower_is_better", "department": "d", "target": {"value": 5, "by": "2026-12"}}
        ],
        "periods": periods,
        "value_files": files
    });
    if let Value::Object(extra) = extra {
        for (k, v) in extra {
            manifest[k] = v;
        }
    }
    let bytes = serde_json::to_vec(&manifest).unwrap();
    let (ds, problems) = check_dataset("manifest.json", &bytes, |path| {
        let t = MONTHS.iter().position(|m| path == format!("values/{m}.json")).ok_or("no such file")?;
        Ok(serde_json::to_vec(&json!({
            "format": "samiksha/1", "period": MONTHS[t],
            "units": NAMES.iter().map(|n| n.0).collect::<Vec<_>>(),
            "values": {"ekyc": ekyc[t].to_vec(), "pending": pending[t].to_vec()}
        }))
        .unwrap())
    });
    assert!(problems.iter().all(|p| p.severity != Severity::Error), "{problems:#?}");
    ds.expect("usable")
}

fn col(f: impl Fn(usize, usize) -> Value) -> [[Value; 7]; 6] {
    std::array::from_fn(|t| std::array::from_fn(|u| f(t, u)))
}

/// e-KYC, target 100 by December 2026 (two months after October):
/// alpha 100.0 in October: met. beta 90, 92, …, 100? no: 88 + 2t → 98 in October, 2 a month, reaches 100 in December: on track.
/// gamma 80 flat: never. delta 70 + 1t → 75, 25 months to go: off track. eps values in May and October only: too few.
/// zeta no value in October: no trend. eta 96 + 0.5t → 98.5, 0.5 a month, 3 months → January 2027: off track.
fn ekyc() -> [[Value; 7]; 6] {
    col(|t, u| {
        let t = t as f64;
        match u {
            0 => json!(95.0 + t),
            1 => json!(88.0 + 2.0 * t),
            2 => json!(80.0),
            3 => json!(70.0 + t),
            4 if t == 0.0 || t == 5.0 => json!(60.0 + t),
            4 => json!({"gap": "not_reported"}),
            5 if t < 5.0 => json!(50.0 + t),
            5 => json!({"gap": "not_reported"}),
            _ => json!(96.0 + 0.5 * t),
        }
    })
}

/// Pending (lower is better), target 5 by December 2026: alpha 15 − 2t → 5 in October: met;
/// beta 9 − t → 4? no, 9 − 0.8t → 5.0 in October: met; everyone else rises by 1 a month: off track, never.
fn pending() -> [[Value; 7]; 6] {
    col(|t, u| {
        let t = t as f64;
        match u {
            0 => json!(15.0 - 2.0 * t),
            1 => json!(9.0 - 0.8 * t),
            _ => json!(10.0 + u as f64 + t),
        }
    })
}

#[test]
fn the_projection_says_met_on_track_off_track_and_no_trend() {
    let ds = dataset(json!({"value": 100, "by": "2026-12"}), &ekyc(), &pending(), json!({}));
    let i = ds.indicator_index("ekyc").unwrap();
    let now = ds.period_index("2026-10").unwrap();
    let got: Vec<Track> = project_all(&ds, i, now).unwrap().iter().map(|p| p.track).collect();
    assert_eq!(got, [Track::Met, Track::OnTrack, Track::OffTrack, Track::OffTrack, Track::NoTrend, Track::NoTrend, Track::OffTrack]);

    let p = ds.indicator_index("pending").unwrap();
    let got: Vec<Track> = project_all(&ds, p, now).unwrap().iter().map(|p| p.track).collect();
    assert_eq!(got, [Track::Met, Track::Met, Track::OffTrack, Track::OffTrack, Track::OffTrack, Track::OffTrack, Track::OffTrack]);

    // A plain number is a target without a deadline: no projection, no track colouring.
    let plain = dataset(json!(100), &ekyc(), &pending(), json!({}));
    assert!(project_all(&plain, i, now).is_none());
    let m = Measured::new(&plain, Subject::Indicator(i), now).unwrap();
    assert!(!map_view::methods(&m).contains(&samiksha_core::analysis::classify::Method::Track));
}

#[test]
fn the_map_colours_by_track_and_the_briefing_counts_who_will_miss() {
    let ds = dataset(json!({"value": 100, "by": "2026-12"}), &ekyc(), &pending(), json!({}));
    let i = ds.indicator_index("ekyc").unwrap();
    let now = ds.period_index("2026-10").unwrap();
    let m = Measured::new(&ds, Subject::Indicator(i), now).unwrap();
    let en = Ctx::new(&ds, Lang::En);
    let model = map_view::model(&en, &m, Some(samiksha_core::analysis::classify::Method::Track), Scale::ThisPeriod);
    let tracks: Vec<&str> = model.units.iter().map(|u| u.track.unwrap().word()).collect();
    assert_eq!(tracks, ["met", "on-track", "off-track", "off-track", "no-trend", "no-trend", "off-track"]);
    let legend = model.legend.unwrap();
    // Six districts have an October value; zeta has none (no data).
    let texts: Vec<&str> = legend.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["Target met (1)", "On track (1)", "Off track (3)", "Too few values to project (1)"]);
    assert_eq!(legend.no_data, "No data (1)");
    assert_eq!(legend.title, "e-KYC: pace to the target of 100.0% by December 2026");
    // Zeta has no colour; each district's sentence says its status in words.
    assert!(model.units[5].colours.is_none());
    assert!(model.units[2].sentence.ends_with("· Off track"), "{}", model.units[2].sentence);

    // Of the six with a value: 3 off track, 1 met, 1 on track, 1 too few values.
    assert_eq!(
        track::summary(&en, i, now).unwrap(),
        [
            "Target 100.0% by December 2026, at the present pace, of 6 districts: off track 3; target met 1; on track 1.",
            "Districts with too few values to project: 1."
        ]
    );
    let hi = Ctx::new(&ds, Lang::Hi);
    assert_eq!(
        track::summary(&hi, i, now).unwrap()[0],
        "दिसंबर 2026 तक 100.0% का लक्ष्य, वर्तमान गति से, 6 ज़िलों में से: लक्ष्य से पीछे 3; लक्ष्य प्राप्त 1; समय पर लक्ष्य की ओर 1।"
    );
    // Delta: 75.0 at +1.0 a month needs 25 months: November 2028.
    let delta = &project_all(&ds, i, now).unwrap()[3];
    assert_eq!(track::district_line(&en, i, delta), "e-KYC: Off track; at this pace reaches 100.0% in November 2028");
    assert_eq!(track::district_line(&hi, i, delta), "ई-केवाईसी: लक्ष्य से पीछे; इस गति से नवंबर 2028 में 100.0% तक पहुँचेगा");
}

#[test]
fn a_deadline_that_is_no_period_is_reported_and_the_target_kept() {
    let ds = dataset(json!({"value": 100, "by": "2026-12"}), &ekyc(), &pending(), json!({}));
    assert_eq!(ds.manifest.indicators[0].deadline.as_ref().unwrap().by, "2026-12");
    let mut m: Value = serde_json::from_str(include_str!("../../../public/data/sample/manifest.json")).unwrap();
    m["indicators"][0]["target"] = json!({"value": 5, "by": "nfhs-9"});
    m["indicators"][1]["target"] = json!({"value": 5, "by": "2027-03", "from": "2019-01"});
    let (parsed, problems) = parse_manifest("manifest.json", &serde_json::to_vec(&m).unwrap());
    let parsed = parsed.unwrap();
    assert_eq!(parsed.indicators[0].target, Some(5.0));
    assert!(parsed.indicators[0].deadline.is_none());
    assert!(problems.iter().any(|p| p.path == "$.indicators[0].target.by" && matches!(&p.kind, ProblemKind::BadDeadline { found } if found == "nfhs-9")));
    // A month beyond the published ones is a deadline; an unknown start is dropped, the deadline kept.
    assert_eq!(parsed.indicators[1].deadline.as_ref().map(|d| (d.by.as_str(), d.from.is_none())), Some(("2027-03", true)));
    assert!(problems.iter().any(|p| p.path == "$.indicators[1].target.from"));
    let msg = problems.iter().find(|p| p.path.ends_with("target.by")).unwrap().message(Lang::En);
    assert!(msg.contains("nfhs-9") && msg.contains("YYYY-MM"), "{msg}");
}

fn review(named: Value) -> Value {
    json!({"reviews": [{"id": "r1", "date": "2026-07-15", "title": {"en": "July review", "hi": "जुलाई समीक्षा"},
        "points": [{"indicator": "pending", "named": named, "remark": {"en": "Improve", "hi": "सुधारें"}}]}]})
}

#[test]
fn the_follow_up_says_what_became_of_each_named_district() {
    // The review's month is July (its default period); by October, for pending (lower is better):
    // alpha 11 → 5 improved, gamma 14 → 17 worsened; eta's July value removed: no data.
    let mut p = pending();
    p[2][6] = json!({"gap": "not_reported"});
    // Beta held at 7.0 from July to October: unchanged.
    for month in p.iter_mut().skip(2) {
        month[1] = json!(7.0);
    }
    let named = json!([{"district": "alpha", "as": "bottom"}, {"district": "beta", "as": "instructed"}, {"district": "gamma", "as": "bottom"},
                       {"district": "eta", "as": "honoured"}, {"district": "delta", "as": "top"}]);
    let ds = dataset(json!(100), &ekyc(), &p, review(named));
    let r = &ds.manifest.reviews[0];
    assert_eq!(r.period, "2026-07");
    let now = ds.period_index("2026-10").unwrap();
    let en = Ctx::new(&ds, Lang::En);
    let model = followup::model(&en, r, now).unwrap();
    let rows = &model.points[0].rows;
    let got: Vec<(&str, Followup, bool)> = rows.iter().map(|r| (r.slug.as_str(), r.followup, r.flagged)).collect();
    assert_eq!(
        got,
        [
            ("alpha", Followup::Improved, false),
            ("beta", Followup::Unchanged, true),
            ("gamma", Followup::Worsened, true),
            ("eta", Followup::NoData, false),
            ("delta", Followup::Worsened, false)
        ]
    );
    // Alpha was 11.0% in July; only beta (7.0) was lower, and eta had no value: rank 2 of 6.
    assert_eq!(rows[0].then, "11.0% · Rank\u{a0}2\u{a0}of\u{a0}6");
    assert_eq!(rows[0].now, "5.0% · Rank\u{a0}1\u{a0}of\u{a0}7");
    assert_eq!(model.summary, "Named for doing badly and no better since on at least one point: 2 of 3 districts.");
    assert_eq!(model.heading, "July review, 15 July 2026: what followed by October 2026");
    assert_eq!(model.points[0].remark.as_deref(), Some("Remark: Improve"));
    // Pending has a deadline, so each row also says its pace.
    assert_eq!(rows[0].track, Some(Track::Met));
    let hi = Ctx::new(&ds, Lang::Hi);
    assert_eq!(followup::model(&hi, r, now).unwrap().summary, "कमज़ोर प्रदर्शन के लिए नामित 3 ज़िलों में से 2 में कम से कम एक बिंदु पर तब से सुधार नहीं हुआ।");
    // The deck's line.
    let i = ds.indicator_index("pending").unwrap();
    assert_eq!(
        followup::named_line(&en, i, now).unwrap(),
        "Named at the July review (15 July 2026): Alpha (Improved), Beta (Unchanged), Gamma (Worsened), Eta (Figure missing then or now) and Delta (Worsened)."
    );
    // At the review's own period nothing has followed and nobody is flagged; before it the view says so.
    let july_model = followup::model(&en, r, ds.period_index("2026-07").unwrap()).unwrap();
    assert!(july_model.points[0].rows.iter().all(|x| !x.flagged));
    let june_model = followup::model(&en, r, ds.period_index("2026-06").unwrap()).unwrap();
    assert!(june_model.points.is_empty() && june_model.intro.starts_with("This review looked at the figures of July 2026"), "{}", june_model.intro);
    // At the review's own period nothing has followed yet; before it, the review is not shown.
    let july = ds.period_index("2026-07").unwrap();
    assert_eq!(followup::named_line(&en, i, july).unwrap(), "Named at the July review (15 July 2026): Alpha, Beta, Gamma, Eta and Delta.");
    assert!(followup::named_line(&en, i, july - 1).is_none());
}

#[test]
fn a_review_naming_what_the_dataset_lacks_is_reported_with_its_path() {
    let bad = json!([{"district": "nowhere", "as": "bottom"}, {"district": "alpha", "as": "scolded"}, {"district": "beta", "as": "top"}]);
    let units: Vec<Value> = NAMES.iter().map(|(s, en, hi)| json!({"slug": s, "name": {"en": en, "hi": hi}, "division": "east"})).collect();
    let mut m = json!({
        "format": "samiksha/1", "title": {"en": "x", "hi": "x"}, "publisher": {"en": "x", "hi": "x"}, "licence": {"name": {"en": "x", "hi": "x"}},
        "updated": "2026-11-01", "divisions": [{"id": "east", "name": {"en": "East", "hi": "पूर्व"}}], "units": units,
        "departments": [{"id": "d", "name": {"en": "D", "hi": "वि"}}],
        "indicators": [{"id": "pending", "name": {"en": "P", "hi": "प"}, "unit": "percent", "direction": "lower_is_better", "department": "d"}],
        "periods": [{"id": "2026-07", "label": {"en": "July 2026", "hi": "जुलाई 2026"}}],
        "value_files": [{"path": "v.json", "period": "2026-07"}],
        "notes": [{"indicator": "nothing", "text": {"en": "x", "hi": "x"}}, {"period": "2026-07", "text": {"en": "Portal down", "hi": "पोर्टल बंद"}}]
    });
    m["reviews"] = review(bad)["reviews"].clone();
    m["reviews"][0]["points"].as_array_mut().unwrap().push(json!({"indicator": "unknown-one", "named": []}));
    let (parsed, problems) = parse_manifest("manifest.json", &serde_json::to_vec(&m).unwrap());
    let parsed = parsed.unwrap();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"$.reviews[0].points[0].named[0].district"), "{paths:?}");
    assert!(paths.contains(&"$.reviews[0].points[0].named[1].as"), "{paths:?}");
    assert!(paths.contains(&"$.reviews[0].points[1].indicator"), "{paths:?}");
    assert!(paths.contains(&"$.notes[0].indicator"), "{paths:?}");
    // What is valid stays: the review, its known point and district, the second note.
    assert_eq!(parsed.reviews[0].points.len(), 1);
    assert_eq!(parsed.reviews[0].points[0].named.len(), 1);
    assert_eq!(parsed.notes.len(), 1);
}

#[test]
fn notes_show_where_they_apply() {
    let extra = json!({"notes": [
        {"indicator": "ekyc", "period": "2026-09", "text": {"en": "New rules", "hi": "नए नियम"}},
        {"district": "gamma", "text": {"en": "Gamma was split", "hi": "गामा विभाजित"}},
        {"period": "2026-10", "text": {"en": "Portal down", "hi": "पोर्टल बंद"}}
    ]});
    let ds = dataset(json!(100), &ekyc(), &pending(), extra);
    let en = Ctx::new(&ds, Lang::En);
    let (i, sep, oct) = (ds.indicator_index("ekyc").unwrap(), ds.period_index("2026-09").unwrap(), ds.period_index("2026-10").unwrap());
    assert_eq!(notes::notes_for(&en, Some(i), sep, None), ["September 2026: New rules"]);
    assert_eq!(notes::notes_for(&en, Some(i), oct, None), ["October 2026: Portal down"]);
    assert_eq!(notes::notes_for(&en, Some(i), oct, Some(2)), ["Gamma was split", "October 2026: Portal down"]);
    assert_eq!(notes::marked_periods(&en, i), [(sep, "September 2026: New rules".to_string()), (oct, "October 2026: Portal down".to_string())]);
    let hi = Ctx::new(&ds, Lang::Hi);
    assert_eq!(notes::notes_for(&hi, Some(i), sep, None), ["सितंबर 2026: नए नियम"]);
    // Beside the value in the map's tooltip: Gamma in October has both its own note and the month's.
    let m = Measured::new(&ds, Subject::Indicator(i), oct).unwrap();
    assert_eq!(map_view::tooltip(&en, &m, 2).notes, ["Gamma was split", "October 2026: Portal down"]);
    assert_eq!(map_view::tooltip(&en, &m, 0).notes, ["October 2026: Portal down"]);
    // In the rankings a district's own note stands beside its name; the month's note above the table.
    let page = samiksha_core::present::rankings::page(&en, &m);
    let row = |slug: &str| page.rows.iter().find(|r| r.slug == slug).unwrap();
    assert_eq!(row("gamma").notes, ["Gamma was split"]);
    assert!(row("alpha").notes.is_empty());
}

#[test]
fn what_changed_is_said_in_whole_sentences() {
    // Higher is better. September: alpha 90 > beta 80 > gamma 70 > delta 60 > eps 50 > zeta 40 > eta 30.
    // October: eta jumps to 95 (top, up 6 places), alpha 85, beta 80, gamma 70 (out of the top three),
    // delta 60, eps 50, zeta 40: the bottom three become delta, eps, zeta (delta new, eta out).
    let sep = [90.0, 80.0, 70.0, 60.0, 50.0, 40.0, 30.0];
    let oct = [85.0, 80.0, 70.0, 60.0, 50.0, 40.0, 95.0];
    let e = col(|t, u| match t {
        5 => json!(oct[u]),
        _ => json!(sep[u]),
    });
    let ds = dataset(json!(95), &e, &pending(), json!({}));
    let i = ds.indicator_index("ekyc").unwrap();
    let now = ds.period_index("2026-10").unwrap();
    let en = Ctx::new(&ds, Lang::En);
    let c = changes::model(&en, Subject::Indicator(i), now);
    assert_eq!(c.heading, "What changed since September 2026");
    assert_eq!(c.sentences[0], "New in the top three of e-KYC: Eta.");
    assert_eq!(c.sentences[1], "No longer in the top three of e-KYC: Gamma.");
    assert_eq!(c.sentences[2], "New in the bottom three of e-KYC: Delta.");
    assert_eq!(c.sentences[3], "Out of the bottom three of e-KYC: Eta.");
    // Eta from rank 7 to 1; alpha from 1 to 2 and the others one place down, the first of them alpha.
    assert_eq!(c.sentences[4], "Rose most: Eta, up 6 to rank 1.");
    assert_eq!(c.sentences[5], "Fell most: Alpha, down 1 to rank 2.");
    assert_eq!(c.sentences[6], "Newly meeting the target of 95.0%: Eta.");
    // Pending rises by 1 for five districts and falls for two: the average of 7 moves
    // ((−2) + (−0.8) + 5×1) / 7 = +0.31 → worse. e-KYC's mean moves (−5 + 65)/7 = +8.6: better.
    assert!(c.sentences[7].starts_with("The state averages that moved most: "), "{}", c.sentences[7]);
    assert!(c.sentences[7].contains("e-KYC 60.0% → 68.6%, better"), "{}", c.sentences[7]);
    assert!(c.sentences[7].contains("Pending") && c.sentences[7].contains("worse"), "{}", c.sentences[7]);
    // Eta met e-KYC's 95; alpha (7.0 → 5.0) and beta (5.8 → 5.0) met pending's 5.
    assert_eq!(c.sentences[8], "Targets newly met by districts, across all indicators: 3.");
    let hi = changes::model(&Ctx::new(&ds, Lang::Hi), Subject::Indicator(i), now);
    assert_eq!(hi.heading, "सितंबर 2026 से क्या बदला");
    assert_eq!(hi.sentences[0], "ई-केवाईसी के शीर्ष तीन में नया प्रवेश: ईटा।");
    assert_eq!(hi.sentences[4], "रैंक में सबसे अधिक सुधार: ईटा, 6 स्थान ऊपर, अब रैंक 1।");
    // The first period has nothing to compare with.
    let first = changes::model(&en, Subject::Indicator(i), 0);
    assert!(first.sentences.is_empty());
    assert_eq!(first.heading, "No earlier period to compare with.");
}

fn sample() -> Dataset {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/sample");
    let manifest = std::fs::read(dir.join("manifest.json")).unwrap();
    check_dataset("manifest.json", &manifest, |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string())).0.unwrap()
}

#[test]
fn the_sample_follows_up_the_january_2026_conference_as_the_reports_tell_it() {
    let ds = sample();
    let r = ds.manifest.review("conference-2026-01").expect("the conference is in the sample");
    assert_eq!((r.date.as_str(), r.period.as_str()), ("2026-01-21", "2026-01"));
    // The districts the reports name, point by point (../shared/context).
    let named = |ind: &str| -> Vec<&str> { r.points.iter().find(|p| p.indicator == ind).unwrap().named.iter().map(|n| n.district.as_str()).collect() };
    assert_eq!(named("mutation-pending"), ["morena", "bhind"]);
    assert_eq!(named("partition-pending"), ["anuppur", "rewa"]);
    assert_eq!(named("demarcation-pending"), ["vidisha", "satna"]);
    assert_eq!(named("khasra-update"), ["rewa", "indore"]);
    assert_eq!(named("encroachment-removal"), ["bhind", "vidisha"]);
    assert_eq!(named("cmh-unattended"), ["betul", "mauganj", "shahdol", "bhopal"]);
    assert_eq!(named("anc-four-visits"), ["shivpuri", "ashoknagar"]);
    // By the latest period the follow-up shows movement both ways.
    let now = ds.periods().len() - 1;
    let (_, points) = samiksha_core::analysis::followup::follow_up(&ds, r, now).unwrap();
    let all: Vec<Followup> = points.iter().flat_map(|p| p.districts.iter().map(|d| d.followup)).collect();
    assert!(all.contains(&Followup::Improved) && all.contains(&Followup::Worsened), "{all:?}");
    // e-KYC on Samagra: 100% by December 2026.
    let ekyc = ds.manifest.indicator("samagra-ekyc").unwrap();
    assert_eq!((ekyc.target, ekyc.deadline.as_ref().map(|d| d.by.as_str())), (Some(100.0), Some("2026-12")));
}
