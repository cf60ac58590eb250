//! The core's copy of the rules that also exist in the service worker, the loader and the JSON
//! Schema, run over the one table of cases they all share (`tests/rules/cases.json`; the same
//! table runs through the JavaScript copies in `tests/e2e/rules.test.mjs` and through the
//! schema in `crates/publish/tests/schema.rs`).

use samiksha_core::format::catalog::{folder_ok, parse_catalog};
use samiksha_core::format::manifest::{inside_folder, is_valid_id};
use samiksha_core::route::{Route, SubjectId};
use serde_json::Value;

mod common;

fn cases() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/rules/cases.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("tests/rules/cases.json")).expect("the cases are JSON")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    let l = v[key].as_array().unwrap_or_else(|| panic!("no {key} in the cases"));
    assert!(l.len() >= 10, "{key}: only {} cases", l.len());
    l
}

#[test]
fn listed_files_stay_inside_the_dataset_folder() {
    let cases = cases();
    for c in list(&cases, "paths") {
        let path = c["path"].as_str().unwrap();
        assert_eq!(inside_folder(path), c["inside"].as_bool().unwrap(), "{path:?}");
    }
}

#[test]
fn ids_folders_and_url_values_follow_one_rule() {
    let cases = cases();
    for c in list(&cases, "ids") {
        let (id, valid) = (c["id"].as_str().unwrap(), c["valid"].as_bool().unwrap());
        assert_eq!(is_valid_id(id), valid, "id {id:?}");
        assert_eq!(folder_ok(id), valid, "folder {id:?}");
        // The URL keeps exactly the values the format could have written.
        let query = format!("?indicator={0}&district={0}&data={0}", percent_encoded(id));
        let r = Route::parse(&query);
        assert_eq!(r.district.as_deref() == Some(id), valid, "district={id:?}");
        assert_eq!(r.data.as_deref() == Some(id), valid, "data={id:?}");
        assert_eq!(r.subject == Some(SubjectId::Indicator(id.to_string())), valid, "indicator={id:?}");
    }
}

#[test]
fn the_default_dataset_is_the_first_usable_entry() {
    let cases = cases();
    for c in list(&cases, "catalogues") {
        let bytes = serde_json::to_vec(&c["catalog"]).unwrap();
        let (catalog, _) = parse_catalog("catalog.json", &bytes);
        let default = catalog.and_then(|c| c.first().map(|e| e.dir()));
        assert_eq!(default.as_deref(), c["default"].as_str(), "{}", c["why"]);
    }
}

#[test]
fn a_link_opens_the_dataset_it_names_or_the_first() {
    let cases = cases();
    for c in list(&cases, "links") {
        let bytes = serde_json::to_vec(&c["catalog"]).unwrap();
        let (catalog, _) = parse_catalog("catalog.json", &bytes);
        let chosen = catalog.as_ref().and_then(|cat| cat.choose(c["id"].as_str()).map(|(e, _)| e.dir()));
        assert_eq!(chosen.as_deref(), c["chosen"].as_str(), "{}", c["why"]);
    }
}

/// Every byte but ASCII letters and digits as `%XX`, as a browser may send a link.
fn percent_encoded(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

#[test]
fn the_files_an_address_asks_for_first_are_the_loaders() {
    use samiksha_core::format::manifest::parse_manifest;
    use samiksha_core::present::first_value_files;
    let cases = cases();
    for c in list(&cases, "first_files") {
        let why = c["why"].as_str().unwrap();
        // The fixture's manifest with the case's indicators, periods and value files.
        let mut manifest = common::manifest();
        let template = manifest["indicators"][0].clone();
        manifest["indicators"] = c["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| {
                let mut i = template.clone();
                i["id"] = id.clone();
                i
            })
            .collect();
        manifest["periods"] = c["periods"].as_array().unwrap().iter().map(|id| serde_json::json!({"id": id, "label": {"en": id, "hi": id}})).collect();
        manifest["value_files"] = c["value_files"].clone();
        let (read, problems) = parse_manifest("manifest.json", &common::bytes(&manifest));
        // A period listed without a file is a warning the reader gives; nothing is refused.
        let refused: Vec<_> = problems.iter().filter(|p| p.severity == samiksha_core::format::problem::Severity::Error).collect();
        assert!(refused.is_empty(), "{why}: the case's manifest is read: {refused:?}");
        let ds = samiksha_core::Dataset::new(read.unwrap());
        let want: Vec<String> = c["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_string()).collect();
        let files = samiksha_core::present::Selection::resolve(&ds, &Route::parse(c["query"].as_str().unwrap()))
            .map(|sel| first_value_files(&ds, &sel).into_iter().map(|f| f.path.clone()).collect::<Vec<_>>())
            .unwrap_or_default();
        assert_eq!(files, want, "{why}");
    }
}
