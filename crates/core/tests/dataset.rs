//! A dataset's copy (`Dataset::copy_without_memo`): what the app's loader takes from the pre-rendered map's reader
//! instead of reading the same files again.

mod common;

use common::{bytes, manifest, values};
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::Dataset;
use serde_json::json;

fn read() -> Dataset {
    let (m, problems) = parse_manifest("manifest.json", &bytes(&manifest()));
    assert!(problems.is_empty(), "{problems:#?}");
    let mut ds = Dataset::new(m.unwrap());
    let file = ds.manifest.value_files[0].clone();
    assert!(ds.add_value_file(&file, &bytes(&values())).is_empty());
    ds
}

#[test]
fn a_copy_has_the_columns_read_and_answers_lookups_alike() {
    let ds = read();
    let copy = ds.copy_without_memo();
    assert_eq!(copy.manifest, ds.manifest);
    let (pending, period) = (copy.indicator_index("pending").unwrap(), copy.period_index("2026-01").unwrap());
    assert_eq!(copy.unit_index("gamma"), ds.unit_index("gamma"));
    assert_eq!(copy.column(pending, period), ds.column(pending, period));
    assert_eq!(copy.observation(pending, period, 0).map(|o| o.reading), ds.observation(pending, period, 0).map(|o| o.reading));
    assert_eq!(copy.loaded_columns(period), 2);
}

#[test]
fn a_copy_keeps_which_file_gave_each_column_so_a_second_file_is_still_disputed() {
    // The value file's columns, claimed again by another file of the same period: the copy
    // must know which file gave them, or it would take the second file's figures silently.
    let mut m = manifest();
    m["value_files"] = json!([{"path": "values/2026-01.json", "period": "2026-01"}, {"path": "values/again.json", "period": "2026-01"}]);
    let (m, _) = parse_manifest("manifest.json", &bytes(&m));
    let mut ds = Dataset::new(m.unwrap());
    let first = ds.manifest.value_files[0].clone();
    assert!(ds.add_value_file(&first, &bytes(&values())).is_empty());
    let mut copy = ds.copy_without_memo();
    let again = copy.manifest.value_files[1].clone();
    let problems = copy.add_value_file(&again, &bytes(&values()));
    assert!(!problems.is_empty(), "the second file's columns are named as disputed");
    let pending = copy.indicator_index("pending").unwrap();
    assert_eq!(copy.column(pending, 0), None, "a disputed column is used from neither file");
    assert!(ds.column(pending, 0).is_some(), "the original is not changed by what the copy reads");
}

#[test]
fn a_copy_derives_its_own_values_rather_than_sharing_the_originals() {
    let ds = read();
    let kept = ds.memo(0, 0, || Some(1u32)).unwrap();
    assert_eq!(*kept, 1);
    let copy = ds.copy_without_memo();
    // The copy starts with no memo: its value is computed from its own columns.
    assert_eq!(*copy.memo(0, 0, || Some(2u32)).unwrap(), 2);
    assert_eq!(*ds.memo(0, 0, || Some(3u32)).unwrap(), 1);
}
