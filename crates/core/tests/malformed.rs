//! Malformed inputs: each gets a clean problem naming the file, the JSON path and what was
//! expected, and whatever is still valid stays usable.

mod common;

use samiksha_core::format::check::check_dataset;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::format::problem::{Expected, ProblemKind, RefKind, Severity};
use samiksha_core::format::values::parse_values;
use samiksha_core::{Lang, Problem};
use serde_json::{json, Value};

/// What a case expects of the problem it produces.
type Check = fn(&ProblemKind) -> bool;

fn manifest_problems(bytes: &[u8]) -> (bool, Vec<Problem>) {
    let (m, p) = parse_manifest("manifest.json", bytes);
    (m.is_some(), p)
}

/// Applies `edit` to the valid manifest and returns whether it stayed usable and its problems.
fn edited(edit: impl FnOnce(&mut Value)) -> (bool, Vec<Problem>) {
    let mut m = common::manifest();
    edit(&mut m);
    manifest_problems(&common::bytes(&m))
}

/// The one problem at `path` (there must be exactly one there).
fn at<'a>(problems: &'a [Problem], path: &str) -> &'a Problem {
    let found: Vec<_> = problems.iter().filter(|p| p.path == path).collect();
    assert_eq!(found.len(), 1, "expected one problem at {path}, got {problems:#?}");
    found[0]
}

fn assert_messages_bilingual(problems: &[Problem]) {
    for p in problems {
        assert!(p.message(Lang::En).starts_with(&p.file));
        assert!(p.message(Lang::Hi).contains(&p.path));
        assert_ne!(p.kind.text(Lang::En), p.kind.text(Lang::Hi), "{p:?}");
    }
}

#[test]
fn the_fixture_itself_is_clean() {
    let (ok, problems) = manifest_problems(&common::bytes(&common::manifest()));
    assert!(ok);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn whole_file_failures_name_the_file_and_refuse_it() {
    let cases: Vec<(&[u8], Check)> = vec![
        (b"", |k| matches!(k, ProblemKind::EmptyFile)),
        (b"   \n\t", |k| matches!(k, ProblemKind::EmptyFile)),
        (b"{\"format\": \"samiksha/1\", \"title\":", |k| matches!(k, ProblemKind::NotJson { .. })),
        (&[0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81], |k| matches!(k, ProblemKind::NotJson { .. })),
        (b"[1, 2, 3]", |k| matches!(k, ProblemKind::WrongType { expected: Expected::Object })),
        (b"\"manifest\"", |k| matches!(k, ProblemKind::WrongType { expected: Expected::Object })),
        (b"{\"format\": \"samiksha/2\"}", |k| matches!(k, ProblemKind::UnknownFormat { .. })),
        (b"{\"title\": {}}", |k| matches!(k, ProblemKind::MissingField { field: "format" })),
        (b"{\"format\": 1}", |k| matches!(k, ProblemKind::WrongType { expected: Expected::String })),
        (b"{\"a\": NaN}", |k| matches!(k, ProblemKind::NotJson { .. })),
        (b"{\"a\": Infinity}", |k| matches!(k, ProblemKind::NotJson { .. })),
        // A lone surrogate cannot be text: refused here, so it never reaches a view or an export.
        (b"{\"format\": \"samiksha/1\", \"title\": {\"en\": \"\\ud800\", \"hi\": \"x\"}}", |k| matches!(k, ProblemKind::NotJson { .. })),
        (b"{\"format\": \"samiksha/1\", \"title\": {\"en\": \"a\\udc00b\", \"hi\": \"x\"}}", |k| matches!(k, ProblemKind::NotJson { .. })),
    ];
    for (input, is_expected) in cases {
        let (ok, problems) = manifest_problems(input);
        assert!(!ok, "input {:?} should be refused", String::from_utf8_lossy(input));
        assert!(problems.iter().any(|p| is_expected(&p.kind) && p.file == "manifest.json"), "{problems:#?}");
        assert_messages_bilingual(&problems);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let (ok, problems) = manifest_problems(deep.as_bytes());
    assert!(!ok);
    assert!(matches!(problems[0].kind, ProblemKind::NotJson { .. }));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend(common::bytes(&common::manifest()));
    assert!(manifest_problems(&b).0);
}

#[test]
fn field_level_errors_name_their_path_and_keep_the_rest() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Edit, Check)> = vec![
        ("$.indicators[0].direction", Box::new(|m| m["indicators"][0]["direction"] = json!("up")), |k| matches!(k, ProblemKind::NotOneOf { .. })),
        ("$.indicators[0].unit", Box::new(|m| m["indicators"][0]["unit"] = json!("furlongs")), |k| matches!(k, ProblemKind::NotOneOf { .. })),
        ("$.indicators[0].decimals", Box::new(|m| m["indicators"][0]["decimals"] = json!(1.5)), |k| matches!(k, ProblemKind::DecimalsOutOfRange { .. })),
        ("$.indicators[0].decimals", Box::new(|m| m["indicators"][0]["decimals"] = json!(99)), |k| matches!(k, ProblemKind::DecimalsOutOfRange { .. })),
        ("$.indicators[0].department", Box::new(|m| m["indicators"][0]["department"] = json!("police")), |k| {
            matches!(k, ProblemKind::UnknownReference { kind: RefKind::Department, .. })
        }),
        ("$.indicators[0].name", Box::new(|m| m["indicators"][0]["name"] = json!("Pending")), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::Bilingual })
        }),
        ("$.indicators[0].name", Box::new(|m| m["indicators"][0]["name"] = json!({"en": "Pending"})), |k| {
            matches!(k, ProblemKind::MissingField { field: "hi" })
        }),
        ("$.indicators[0].name.hi", Box::new(|m| m["indicators"][0]["name"]["hi"] = json!("  ")), |k| matches!(k, ProblemKind::EmptyText)),
        ("$.indicators[0].id", Box::new(|m| m["indicators"][0]["id"] = json!("Has Spaces")), |k| matches!(k, ProblemKind::BadId { .. })),
        ("$.indicators[0].target", Box::new(|m| m["indicators"][0]["target"] = json!("NaN")), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::Number })
        }),
        ("$.indicators[0].weight", Box::new(|m| m["indicators"][0]["weight"] = json!(-2)), |k| matches!(k, ProblemKind::NegativeNotAllowed { .. })),
        ("$.indicators[1]", Box::new(|m| m["indicators"][1]["id"] = json!("pending")), |k| matches!(k, ProblemKind::DuplicateId { .. })),
        ("$.indicators[1]", Box::new(|m| m["indicators"][1] = json!(42)), |k| matches!(k, ProblemKind::WrongType { expected: Expected::Object })),
        ("$.units[1]", Box::new(|m| m["units"][1]["slug"] = json!("alpha")), |k| matches!(k, ProblemKind::DuplicateId { .. })),
        ("$.units[0].division", Box::new(|m| m["units"][0]["division"] = json!("west")), |k| {
            matches!(k, ProblemKind::UnknownReference { kind: RefKind::Division, .. })
        }),
        ("$.units[2].carved_from", Box::new(|m| m["units"][2]["carved_from"] = json!("nowhere")), |k| {
            matches!(k, ProblemKind::UnknownReference { kind: RefKind::Unit, .. })
        }),
        ("$.units[2].year_created", Box::new(|m| m["units"][2]["year_created"] = json!("2023")), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::Number })
        }),
        ("$.units[0].lat", Box::new(|m| m["units"][0]["lat"] = json!([23])), |k| matches!(k, ProblemKind::WrongType { expected: Expected::Number })),
        ("$.units[0].codes.census", Box::new(|m| m["units"][0]["codes"] = json!({"census": [1]})), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::String })
        }),
        ("$.periods[0].id", Box::new(|m| m["periods"].as_array_mut().unwrap().push(json!({"id": "2026-13", "label": {"en": "x", "hi": "x"}}))), |k| {
            matches!(k, ProblemKind::BadPeriodId { .. })
        }),
        ("$.updated", Box::new(|m| m["updated"] = json!("31/01/2026")), |k| matches!(k, ProblemKind::BadDate { .. })),
        ("$.value_files[0].path", Box::new(|m| m["value_files"][0]["path"] = json!("../../etc/passwd")), |k| matches!(k, ProblemKind::BadId { .. })),
        ("$.value_files[0].path", Box::new(|m| m["value_files"][0]["path"] = json!("https://evil.example/v.json")), |k| matches!(k, ProblemKind::BadId { .. })),
        ("$.value_files[0].period", Box::new(|m| m["value_files"][0]["period"] = json!("2025-01")), |k| {
            matches!(k, ProblemKind::UnknownReference { kind: RefKind::Period, .. })
        }),
        ("$.value_files[0].bytes", Box::new(|m| m["value_files"][0]["bytes"] = json!(-1)), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::Integer })
        }),
        ("$.divisions", Box::new(|m| m["divisions"] = json!({"east": "East"})), |k| matches!(k, ProblemKind::WrongType { expected: Expected::Array })),
        (
            "$",
            Box::new(|m| {
                m.as_object_mut().unwrap().remove("publisher");
            }),
            |k| matches!(k, ProblemKind::MissingField { field: "publisher" }),
        ),
        ("$.title", Box::new(|m| m["title"] = json!(null)), |k| matches!(k, ProblemKind::MissingField { .. }) || matches!(k, ProblemKind::WrongType { .. })),
    ];
    let total = cases.len();
    for (path, edit, is_expected) in cases {
        let (ok, problems) = edited(edit);
        assert!(ok, "one bad field at {path} must not make the whole manifest unusable: {problems:#?}");
        let p = if path == "$.periods[0].id" {
            at(&problems, "$.periods[1].id")
        } else if path == "$.title" {
            &problems[0]
        } else {
            at(&problems, path)
        };
        assert!(is_expected(&p.kind), "at {path}: {p:#?}");
        assert_eq!(p.file, "manifest.json");
        assert_messages_bilingual(&problems);
    }
    assert!(total >= 25);
}

#[test]
fn a_bad_indicator_is_dropped_and_the_others_stay() {
    let mut m = common::manifest();
    m["indicators"][0]["direction"] = json!("sideways");
    let (manifest, problems) = parse_manifest("manifest.json", &common::bytes(&m));
    let manifest = manifest.unwrap();
    assert_eq!(manifest.indicators.len(), 1);
    assert_eq!(manifest.indicators[0].id, "score");
    assert_eq!(problems.iter().filter(|p| p.severity == Severity::Error).count(), 1);
}

#[test]
fn a_manifest_with_nothing_usable_is_refused_with_every_reason() {
    let mut m = common::manifest();
    m["units"] = json!([]);
    m["indicators"] = json!([{"id": 3}]);
    let (ok, problems) = manifest_problems(&common::bytes(&m));
    assert!(!ok);
    assert!(problems.iter().any(|p| p.path == "$.units" && p.kind == ProblemKind::EmptyList));
    assert!(problems.iter().any(|p| p.path == "$.indicators[0].id"));
    assert!(problems.iter().any(|p| p.path == "$.indicators[0]" && p.kind == ProblemKind::MissingField { field: "name" }));
}

#[test]
fn an_indicator_without_any_value_file_is_a_warning() {
    let (ok, problems) = edited(|m| m["value_files"][0]["indicators"] = json!(["score"]));
    assert!(ok);
    let p = at(&problems, "$.indicators[0]");
    assert_eq!(p.severity, Severity::Warning);
    assert!(matches!(p.kind, ProblemKind::IndicatorWithoutValues { .. }));
}

fn values_problems(v: &Value) -> (Option<samiksha_core::format::values::ValueFile>, Vec<Problem>) {
    let (m, _) = parse_manifest("manifest.json", &common::bytes(&common::manifest()));
    parse_values("values/2026-01.json", &common::bytes(v), &m.unwrap(), "2026-01")
}

#[test]
fn value_file_problems_name_the_cell() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Severity, Edit, Check)> = vec![
        ("$.values.pending[0]", Severity::Error, Box::new(|v| v["values"]["pending"][0] = json!("12.5")), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::ValueCell })
        }),
        ("$.values.pending[0]", Severity::Error, Box::new(|v| v["values"]["pending"][0] = json!(true)), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::ValueCell })
        }),
        ("$.values.pending[0].gap", Severity::Error, Box::new(|v| v["values"]["pending"][0] = json!({"gap": "lost"})), |k| {
            matches!(k, ProblemKind::NotOneOf { .. })
        }),
        ("$.values.pending[0]", Severity::Error, Box::new(|v| v["values"]["pending"][0] = json!({"value": 3})), |k| {
            matches!(k, ProblemKind::MissingField { field: "v" })
        }),
        ("$.values.pending[0].v", Severity::Error, Box::new(|v| v["values"]["pending"][0] = json!({"v": "Infinity"})), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::Number })
        }),
        ("$.values.pending[1]", Severity::Warning, Box::new(|v| v["values"]["pending"][1] = json!(130.0)), |k| {
            matches!(k, ProblemKind::PercentAbove100 { .. })
        }),
        ("$.values.pending[1]", Severity::Warning, Box::new(|v| v["values"]["pending"][1] = json!(-3)), |k| {
            matches!(k, ProblemKind::NegativeNotAllowed { .. })
        }),
        ("$.values.pending[1].flag", Severity::Warning, Box::new(|v| v["values"]["pending"][1]["flag"] = json!("mystery")), |k| {
            matches!(k, ProblemKind::UnknownReference { kind: RefKind::Flag, .. })
        }),
        ("$.values.score", Severity::Error, Box::new(|v| v["values"]["score"] = json!([1, 2])), |k| {
            matches!(k, ProblemKind::LengthMismatch { expected: 3, found: 2 })
        }),
        ("$.values.score", Severity::Error, Box::new(|v| v["values"]["score"] = json!({"alpha": 1})), |k| {
            matches!(k, ProblemKind::WrongType { expected: Expected::Array })
        }),
        ("$.values.extra", Severity::Warning, Box::new(|v| v["values"]["extra"] = json!([1, 2, 3])), |k| {
            matches!(k, ProblemKind::UnknownReference { kind: RefKind::Indicator, .. })
        }),
        ("$.units[1]", Severity::Warning, Box::new(|v| v["units"][1] = json!("atlantis")), |k| {
            matches!(k, ProblemKind::UnknownReference { kind: RefKind::Unit, .. })
        }),
        ("$.units[2]", Severity::Error, Box::new(|v| v["units"][2] = json!("alpha")), |k| matches!(k, ProblemKind::DuplicateId { .. })),
    ];
    for (path, severity, edit, is_expected) in cases {
        let mut v = common::values();
        edit(&mut v);
        let (file, problems) = values_problems(&v);
        let file = file.expect("a bad cell must not make the file unusable");
        let p = at(&problems, path);
        assert_eq!(p.severity, severity, "{p:#?}");
        assert!(is_expected(&p.kind), "at {path}: {p:#?}");
        assert_eq!(p.file, "values/2026-01.json");
        // The other indicator's column is still there.
        assert!(!file.columns.is_empty());
        assert_messages_bilingual(&problems);
    }
}

#[test]
fn a_value_file_for_another_period_is_refused() {
    let mut v = common::values();
    v["period"] = json!("2025-12");
    let (file, problems) = values_problems(&v);
    assert!(file.is_none());
    assert!(matches!(at(&problems, "$.period").kind, ProblemKind::PeriodMismatch { .. }));
}

#[test]
fn the_whole_check_reports_missing_files_and_tampering_but_keeps_going() {
    let mut m = common::manifest();
    let good = common::bytes(&common::values());
    m["value_files"] = json!([
        {"path": "values/2026-01.json", "period": "2026-01", "bytes": good.len() + 1, "sha256": "00"},
        {"path": "values/missing.json", "period": "2026-01"}
    ]);
    let (ds, problems) = check_dataset("manifest.json", &common::bytes(&m), |p| match p {
        "values/2026-01.json" => Ok(good.clone()),
        other => Err(format!("{other}: No such file")),
    });
    let ds = ds.unwrap();
    // The file that differs from what was published is refused whole: none of its figures is used.
    assert!(ds.column(0, 0).is_none());
    let kinds: Vec<_> = problems.iter().map(|p| (&p.file[..], p.severity, &p.kind)).collect();
    assert!(kinds.iter().any(|(f, s, k)| *f == "values/2026-01.json" && *s == Severity::Error && matches!(k, ProblemKind::SizeMismatch { .. })));
    assert!(kinds.iter().any(|(_, s, k)| *s == Severity::Error && matches!(k, ProblemKind::HashMismatch { .. })));
    assert!(kinds.iter().any(|(f, s, k)| *f == "values/missing.json" && *s == Severity::Error && matches!(k, ProblemKind::Unreadable { .. })));
}

#[test]
fn gaps_keep_their_reason_and_details_survive() {
    let (file, problems) = values_problems(&common::values());
    assert!(problems.is_empty(), "{problems:#?}");
    let file = file.unwrap();
    let pending = &file.columns.iter().find(|c| c.indicator == 0).unwrap().cells;
    let beta = pending[1].as_ref().unwrap();
    assert_eq!(beta.number(), Some(30.0));
    assert_eq!(beta.flag(), Some("small"));
    assert_eq!(beta.detail.as_ref().unwrap().denominator, Some(10.0));
    let gamma = pending[2].as_ref().unwrap();
    assert_eq!(gamma.reading, samiksha_core::format::values::Reading::Gap(samiksha_core::format::values::GapReason::Suppressed));
}

#[test]
fn a_key_twice_in_one_object_is_an_error_naming_its_place_and_the_file_is_not_used() {
    let manifest = String::from_utf8(common::bytes(&common::manifest())).unwrap();
    let twice = manifest.replacen("\"title\":", "\"title\":{\"en\":\"Other\",\"hi\":\"अन्य\"},\"title\":", 1);
    let (m, problems) = samiksha_core::format::manifest::parse_manifest("manifest.json", twice.as_bytes());
    assert!(m.is_none());
    assert!(
        problems.iter().any(|p| p.path == "$.title" && p.severity == Severity::Error && matches!(&p.kind, ProblemKind::DuplicateKey { key } if key == "title")),
        "{problems:#?}"
    );
    // Inside a value file, deep in the values.
    let values = String::from_utf8(common::bytes(&common::values())).unwrap();
    let twice = values.replacen("\"score\":", "\"score\":[1,2,3],\"score\":", 1);
    let m = samiksha_core::format::manifest::parse_manifest("manifest.json", &common::bytes(&common::manifest())).0.unwrap();
    let (file, problems) = samiksha_core::format::values::parse_values("values/2026-01.json", twice.as_bytes(), &m, "2026-01");
    assert!(file.is_none());
    assert!(problems.iter().any(|p| p.path == "$.values.score" && matches!(p.kind, ProblemKind::DuplicateKey { .. })), "{problems:#?}");
}

#[test]
fn two_files_for_one_indicator_and_period_are_named_and_neither_wins() {
    let mut m = common::manifest();
    m["value_files"] = json!([{"path": "values/a.json", "period": "2026-01"}, {"path": "values/b.json", "period": "2026-01"}]);
    let good = common::bytes(&common::values());
    let (ds, problems) = check_dataset("manifest.json", &common::bytes(&m), |_| Ok(good.clone()));
    let ds = ds.unwrap();
    assert!(ds.column(0, 0).is_none() && ds.column(1, 0).is_none(), "neither file's columns are used");
    let dup: Vec<_> = problems.iter().filter(|p| matches!(p.kind, ProblemKind::DuplicateColumn { .. })).collect();
    assert_eq!(dup.len(), 2, "{problems:#?}");
    assert!(dup
        .iter()
        .all(|p| p.file == "values/b.json" && matches!(&p.kind, ProblemKind::DuplicateColumn { other_file, .. } if other_file == "values/a.json")));
}

#[test]
fn a_period_without_a_value_file_is_reported_and_the_viewer_opens_on_one_with_values() {
    let mut m = common::manifest();
    m["periods"] = json!([{"id": "2026-01", "label": {"en": "January 2026", "hi": "जनवरी 2026"}}, {"id": "2026-02", "label": {"en": "February 2026", "hi": "फ़रवरी 2026"}}]);
    let (manifest, problems) = samiksha_core::format::manifest::parse_manifest("manifest.json", &common::bytes(&m));
    assert!(problems.iter().any(|p| p.path == "$.periods[1]" && matches!(&p.kind, ProblemKind::PeriodWithoutFile { id } if id == "2026-02")), "{problems:#?}");
    let ds = samiksha_core::Dataset::new(manifest.unwrap());
    let sel = samiksha_core::present::Selection::resolve(&ds, &samiksha_core::route::Route::default()).unwrap();
    assert_eq!(sel.period, 0);
}

#[test]
fn a_file_that_could_not_be_read_is_explained_in_the_readers_language() {
    use samiksha_core::{Lang, ReadFailure};
    let failures = [
        ReadFailure::NoConnection,
        ReadFailure::TimedOut { seconds: 30 },
        ReadFailure::Status { code: 404, text: "Not Found".into() },
        ReadFailure::BadResponse { detail: "x".into() },
    ];
    for reason in failures {
        let kind = ProblemKind::Unreadable { reason: reason.clone() };
        let (en, hi) = (kind.text(Lang::En), kind.text(Lang::Hi));
        assert!(en.starts_with("could not be read: ") && en.len() > "could not be read: ".len(), "{en}");
        assert!(hi.starts_with("फ़ाइल पढ़ी नहीं जा सकी: "), "{hi}");
        // Only what the server itself said (its status line) stays in English.
        let english: Vec<&str> = hi.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1 && !["HTTP", "Not", "Found"].contains(w)).collect();
        assert!(english.is_empty(), "{hi}: {english:?}");
    }
    // A reason from elsewhere (an operating system's message) is kept as given.
    assert_eq!(ProblemKind::Unreadable { reason: "No such file".to_string().into() }.text(Lang::Hi), "फ़ाइल पढ़ी नहीं जा सकी: No such file");
}

#[test]
fn an_indicator_no_file_gives_a_value_of_is_a_warning_even_when_files_list_no_indicators() {
    // The value file lists no indicators, so only reading it shows that "score" has no value.
    let mut values = common::values();
    values["values"].as_object_mut().unwrap().remove("score");
    let (ds, problems) = check_dataset("manifest.json", &common::bytes(&common::manifest()), |_| Ok(common::bytes(&values)));
    let ds = ds.unwrap();
    let score = ds.indicator_index("score").unwrap();
    let p = at(&problems, &format!("$.indicators[{score}]"));
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.kind, ProblemKind::IndicatorWithoutValues { id: "score".into() });
    assert_eq!(problems.iter().filter(|p| matches!(p.kind, ProblemKind::IndicatorWithoutValues { .. })).count(), 1, "{problems:#?}");
    // The viewer says so for that indicator, in both languages, instead of an empty map.
    use samiksha_core::present::{files::nothing_shown, Ctx, Subject};
    let en = nothing_shown(&Ctx::new(&ds, Lang::En), Subject::Indicator(score), 0, &problems);
    let hi = nothing_shown(&Ctx::new(&ds, Lang::Hi), Subject::Indicator(score), 0, &problems);
    assert!(en.starts_with("No values of ") && en.ends_with(" are published for January 2026."), "{en}");
    assert!(hi.starts_with("जनवरी 2026 के लिए ") && hi.contains("प्रकाशित नहीं"), "{hi}");
}

#[test]
fn a_refused_column_is_not_said_to_be_unpublished() {
    // "score" has one value for three districts: the column is refused, not missing.
    let mut values = common::values();
    values["values"]["score"] = json!([50]);
    let (ds, problems) = check_dataset("manifest.json", &common::bytes(&common::manifest()), |_| Ok(common::bytes(&values)));
    let ds = ds.unwrap();
    let score = ds.indicator_index("score").unwrap();
    assert!(ds.column(score, 0).is_none(), "{problems:#?}");
    use samiksha_core::present::{files::nothing_shown, Ctx, Subject};
    let en = nothing_shown(&Ctx::new(&ds, Lang::En), Subject::Indicator(score), 0, &problems);
    assert!(!en.contains("published for"), "{en} {problems:#?}");
}
