//! `docs/dataset.schema.json` against real data: the committed sample, a dataset the CLI
//! writes into a temporary folder, and synthetic datasets from `samiksha_core::synth`.
//!
//! The schema's root describes `manifest.json`; a value file is described by `$defs/valueFile`,
//! which is selected here by a second schema made of the same `$defs` and a root `$ref` to it.
//! The reader in samiksha-core is the authority: every broken input the schema must reject is
//! also shown to be an error for the reader, and inputs the reader accepts must pass the schema.

use jsonschema::Validator;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::format::values::parse_values;
use samiksha_core::{Problem, Severity};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Schemas {
    manifest: Validator,
    value_file: Validator,
}

fn schemas() -> Schemas {
    let doc = read_json(&root().join("docs/dataset.schema.json"));
    let manifest = jsonschema::validator_for(&doc).unwrap_or_else(|e| panic!("the schema does not compile: {e}"));
    let value_file = json!({"$schema": doc["$schema"], "$id": doc["$id"], "$defs": doc["$defs"], "$ref": "#/$defs/valueFile"});
    let value_file = jsonschema::validator_for(&value_file).unwrap_or_else(|e| panic!("$defs/valueFile does not compile: {e}"));
    Schemas { manifest, value_file }
}

/// Every schema error, as "file at /json/pointer: message".
fn errors(v: &Validator, file: &str, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{file} at {}: {e}", e.instance_path())).collect()
}

fn assert_valid(v: &Validator, file: &str, instance: &Value) {
    let errs = errors(v, file, instance);
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

/// Checks a dataset folder: its manifest, and every value file the manifest lists.
fn assert_folder_valid(s: &Schemas, dir: &Path) -> usize {
    let manifest = read_json(&dir.join("manifest.json"));
    assert_valid(&s.manifest, "manifest.json", &manifest);
    let files = manifest["value_files"].as_array().expect("value_files");
    for f in files {
        let rel = f["path"].as_str().expect("path");
        assert_valid(&s.value_file, rel, &read_json(&dir.join(rel)));
    }
    files.len()
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("samiksha-schema-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("the CLI runs");
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

fn reader_errors(problems: &[Problem]) -> usize {
    problems.iter().filter(|p| p.severity == Severity::Error).count()
}

#[test]
fn the_schema_is_a_valid_2020_12_schema() {
    let doc = read_json(&root().join("docs/dataset.schema.json"));
    assert_eq!(doc["$schema"], "https://json-schema.org/draft/2020-12/schema");
    if let Err(e) = jsonschema::meta::validate(&doc) {
        panic!("docs/dataset.schema.json is not a valid schema: {e} at {}", e.instance_path());
    }
    // The two sub-schemas the tests select: the root (manifest) and the value file.
    assert_eq!(doc["properties"]["format"]["const"], "samiksha/1");
    assert_eq!(doc["$defs"]["valueFile"]["properties"]["format"]["const"], "samiksha/1");
}

#[test]
fn the_committed_sample_matches_the_schema() {
    let s = schemas();
    let dir = root().join("public/data/sample");
    assert_valid(&s.manifest, "manifest.json", &read_json(&dir.join("manifest.json")));
    // Every file in values/, listed or not.
    let mut count = 0;
    for e in std::fs::read_dir(dir.join("values")).unwrap() {
        let path = e.unwrap().path();
        assert_valid(&s.value_file, &path.display().to_string(), &read_json(&path));
        count += 1;
    }
    assert_eq!(count, 31, "one value file per month from 2024-04 to 2026-10");
    assert_eq!(assert_folder_valid(&s, &dir), 31);
}

#[test]
fn a_dataset_the_cli_writes_matches_the_schema() {
    // `import` of the long fixture: numbers, flagged numbers, suppressed and missing cells.
    let f = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/long");
    let dir = temp("import");
    run(Command::new(env!("CARGO_BIN_EXE_samiksha-publish"))
        .arg("import")
        .args(["--values".as_ref(), f.join("values.csv").as_os_str()])
        .args(["--indicators".as_ref(), f.join("indicators.csv").as_os_str()])
        .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
        .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
        .args(["--flags".as_ref(), f.join("flags.csv").as_os_str()])
        .arg("--allow-unmatched")
        .arg("--out")
        .arg(&dir));
    // A boundary file listed in that manifest: one square for Bhopal, matched by its name (the
    // other districts deliberately off the map).
    let geo = json!({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"district": "Bhopal"},
        "geometry": {"type": "Polygon", "coordinates": [[[77.0, 23.0], [77.5, 23.0], [77.5, 23.5], [77.0, 23.5], [77.0, 23.0]]]}}]});
    std::fs::write(dir.join("in.geojson"), geo.to_string()).unwrap();
    run(Command::new(env!("CARGO_BIN_EXE_samiksha-publish"))
        .args(["boundaries", "--input"])
        .arg(dir.join("in.geojson"))
        .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
        .arg("--out")
        .arg(dir.join("boundaries.json"))
        .arg("--manifest")
        .arg(dir.join("manifest.json"))
        .arg("--allow-unmatched"));

    let manifest = read_json(&dir.join("manifest.json"));
    assert_eq!(manifest["boundaries"]["path"], "boundaries.json", "{manifest:#}");
    let s = schemas();
    assert_eq!(assert_folder_valid(&s, &dir), 2);
    // The cells the schema saw include every kind the importer writes.
    let jan = std::fs::read_to_string(dir.join("values/2026-01.json")).unwrap();
    for kind in [r#""flag":"n25-49","v":7.5"#, r#""flag":"lt25","gap":"suppressed""#, r#""gap":"not_reported""#, "1234.0"] {
        assert!(jan.contains(kind), "{kind} in {jan}");
    }
}

#[test]
fn synthetic_datasets_match_the_schema() {
    let s = schemas();
    // More indicators than fit in one file, so value files list the indicators they hold.
    let synth = samiksha_core::synth::synthetic(40, samiksha_core::synth::INDICATORS_PER_FILE + 10, 3);
    let manifest: Value = serde_json::from_slice(&synth.manifest).unwrap();
    assert_valid(&s.manifest, "manifest.json", &manifest);
    assert!(manifest["value_files"][0]["indicators"].is_array(), "split files list their indicators");
    assert_eq!(synth.files.len(), 6);
    for (path, bytes) in &synth.files {
        assert_valid(&s.value_file, path, &serde_json::from_slice(bytes).unwrap());
    }
}

/// A broken input for the tests below: what is wrong, and the edit that breaks it.
type Breakage = (&'static str, fn(&mut Value));

fn sample_manifest() -> Value {
    read_json(&root().join("public/data/sample/manifest.json"))
}

fn sample_values() -> Value {
    read_json(&root().join("public/data/sample/values/2026-01.json"))
}

/// The sample manifest, broken in each way the schema and the reader must refuse.
fn broken_manifests() -> Vec<(&'static str, Value)> {
    let cases: Vec<Breakage> = vec![
        ("no format", |m| drop(m.as_object_mut().unwrap().remove("format"))),
        ("another format", |m| m["format"] = json!("samiksha/2")),
        ("no value files", |m| drop(m.as_object_mut().unwrap().remove("value_files"))),
        ("title as plain text", |m| m["title"] = json!("Sample")),
        ("blank Hindi title", |m| m["title"]["hi"] = json!("  ")),
        ("a slug with capitals and a space", |m| m["units"][0]["slug"] = json!("Bhopal Town")),
        ("a year that is not an integer", |m| m["units"][0]["year_created"] = json!(2013.5)),
        ("an unknown unit", |m| m["indicators"][0]["unit"] = json!("percentage")),
        ("seven decimals", |m| m["indicators"][0]["decimals"] = json!(7)),
        ("the reserved indicator id", |m| m["indicators"][0]["id"] = json!("composite")),
        ("month 13", |m| m["periods"][0]["id"] = json!("2024-13")),
        ("a date with month 13", |m| m["updated"] = json!("2026-13-01")),
        ("a value file outside the folder", |m| m["value_files"][0]["path"] = json!("../secret.json")),
        ("a value file by URL", |m| m["value_files"][0]["path"] = json!("https://example.org/v.json")),
        ("a value file without its period", |m| drop(m["value_files"][0].as_object_mut().unwrap().remove("period"))),
        ("a negative size", |m| m["value_files"][0]["bytes"] = json!(-3)),
        ("a negative department weight", |m| m["departments"][0]["weight"] = json!(-1)),
    ];
    cases
        .into_iter()
        .map(|(what, edit)| {
            let mut m = sample_manifest();
            edit(&mut m);
            (what, m)
        })
        .collect()
}

#[test]
fn broken_manifests_are_rejected_by_the_schema_and_the_reader() {
    let s = schemas();
    for (what, m) in broken_manifests() {
        assert!(!s.manifest.is_valid(&m), "the schema accepts a manifest with {what}");
        let (_, problems) = parse_manifest("manifest.json", &serde_json::to_vec(&m).unwrap());
        assert!(reader_errors(&problems) > 0, "the reader accepts a manifest with {what}; the schema should too: {problems:#?}");
    }
}

#[test]
fn broken_value_files_are_rejected_by_the_schema_and_the_reader() {
    let s = schemas();
    let (manifest, problems) = parse_manifest("manifest.json", &serde_json::to_vec(&sample_manifest()).unwrap());
    assert_eq!(reader_errors(&problems), 0, "{problems:#?}");
    let manifest = manifest.unwrap();
    let cases: Vec<Breakage> = vec![
        ("a cell of the wrong type", |v| v["values"]["mgnrega-persondays"][0] = json!("lots")),
        ("a cell that is true", |v| v["values"]["mgnrega-persondays"][0] = json!(true)),
        ("an unknown gap reason", |v| v["values"]["mgnrega-persondays"][0] = json!({"gap": "missing"})),
        ("a value as text", |v| v["values"]["mgnrega-persondays"][0] = json!({"v": "12.5"})),
        ("an object with neither v nor gap", |v| v["values"]["mgnrega-persondays"][0] = json!({"flag": "provisional"})),
        ("a blank flag", |v| v["values"]["mgnrega-persondays"][0] = json!({"v": 1, "flag": " "})),
        ("no format", |v| drop(v.as_object_mut().unwrap().remove("format"))),
        ("another format", |v| v["format"] = json!("samiksha/0")),
        ("no values", |v| drop(v.as_object_mut().unwrap().remove("values"))),
        ("a column that is not a list", |v| v["values"]["mgnrega-persondays"] = json!(12)),
        ("a unit that is not text", |v| v["units"][0] = json!(5)),
    ];
    for (what, edit) in cases {
        let mut v = sample_values();
        edit(&mut v);
        assert!(!s.value_file.is_valid(&v), "the schema accepts a value file with {what}");
        let (_, problems) = parse_values("values/2026-01.json", &serde_json::to_vec(&v).unwrap(), &manifest, "2026-01");
        assert!(reader_errors(&problems) > 0, "the reader accepts a value file with {what}; the schema should too: {problems:#?}");
    }
}

#[test]
fn what_the_reader_accepts_the_schema_accepts() {
    let s = schemas();
    // A district list without centroids makes the CLI write "lat": null.
    let mut m = sample_manifest();
    m["units"][0]["lat"] = Value::Null;
    m["units"][0]["lon"] = Value::Null;
    m["tile_layout"] = json!([{"unit": "bhopal", "col": 0, "row": -2}]);
    m["periods"][0]["id"] = json!("2025-q3");
    m["value_files"][0]["period"] = json!("2025-q3");
    let (_, problems) = parse_manifest("manifest.json", &serde_json::to_vec(&m).unwrap());
    assert_eq!(reader_errors(&problems), 0, "{problems:#?}");
    assert_valid(&s.manifest, "manifest.json", &m);

    let (manifest, _) = parse_manifest("manifest.json", &serde_json::to_vec(&sample_manifest()).unwrap());
    let manifest = manifest.unwrap();
    let mut v = sample_values();
    let col = &mut v["values"]["mgnrega-persondays"];
    col[0] = Value::Null;
    col[1] = json!({"v": 50, "num": 5, "den": 10, "flag": "provisional", "note": {"en": "Revised", "hi": "संशोधित"}});
    col[2] = json!({"gap": "unit_did_not_exist", "note": {"en": "Created in 2023", "hi": "2023 में बना"}});
    col[3] = json!(-0.0);
    let (_, problems) = parse_values("values/2026-01.json", &serde_json::to_vec(&v).unwrap(), &manifest, "2026-01");
    assert_eq!(reader_errors(&problems), 0, "{problems:#?}");
    assert_valid(&s.value_file, "values/2026-01.json", &v);
}

/// The schema's copy of the "inside the dataset folder" rule, over the table of cases the core
/// and the JavaScript copies run (tests/rules/cases.json): a listed path the reader refuses is
/// refused by the schema, and one it reads is not.
#[test]
fn the_schema_keeps_files_inside_the_folder_by_the_readers_rule() {
    let s = schemas();
    let cases = read_json(&root().join("tests/rules/cases.json"));
    let paths = cases["paths"].as_array().unwrap();
    assert!(paths.len() >= 10);
    for c in paths {
        let path = c["path"].as_str().unwrap();
        let mut m = sample_manifest();
        m["value_files"][0]["path"] = json!(path);
        let errs = errors(&s.manifest, "manifest.json", &m);
        assert_eq!(errs.is_empty(), c["inside"].as_bool().unwrap(), "{path:?}: {errs:?}");
        assert_eq!(samiksha_core::format::manifest::inside_folder(path), c["inside"].as_bool().unwrap(), "{path:?}");
    }
}
