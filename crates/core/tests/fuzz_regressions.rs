//! Inputs the fuzzers (`make fuzz`) found interesting, kept as regression tests: each goes
//! through the same reader and the same checks as its fuzz target, natively, on every test
//! run. The files are a sample of the corpora libFuzzer built (by coverage), in
//! `tests/fuzz_corpus/<target>/`.

use samiksha_core::format::geo::parse_boundaries;
use samiksha_core::format::manifest::{inside_folder, parse_manifest, FileRef, Manifest};
use samiksha_core::present::{Measured, Subject};
use samiksha_core::route::Route;
use samiksha_core::Dataset;
use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("the corpus sample is committed").map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 5, "{target}: too few inputs");
    files.into_iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect()
}

fn sample_manifest() -> Manifest {
    let bytes = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/sample/manifest.json")).unwrap();
    parse_manifest("manifest.json", &bytes).0.unwrap()
}

#[test]
fn manifest_inputs_never_panic_and_list_only_files_inside_the_folder() {
    for (name, data) in inputs("manifest") {
        if let (Some(m), _) = parse_manifest("manifest.json", &data) {
            assert!(m.value_files.iter().all(|f| inside_folder(&f.path)), "{name}");
            assert!(m.boundaries.iter().all(|b| inside_folder(&b.path)), "{name}");
        }
    }
}

#[test]
fn value_file_inputs_never_panic_and_rank_only_finite_values() {
    let m = sample_manifest();
    let file = m.value_files.last().unwrap().clone();
    for (name, data) in inputs("values") {
        let mut ds = Dataset::new(m.clone());
        let _ = ds.add_value_file(&FileRef { bytes: None, sha256: None, ..file.clone() }, &data);
        let period = ds.periods().len() - 1;
        for i in 0..ds.indicators().len() {
            if let Some(measured) = Measured::new(&ds, Subject::Indicator(i), period) {
                assert!(measured.table.rows.iter().all(|r| r.value.is_finite()), "{name}");
            }
        }
        let _ = Measured::new(&ds, Subject::Composite, period);
    }
}

#[test]
fn boundary_inputs_never_panic_and_draw_finite_paths() {
    let m = sample_manifest();
    for (name, data) in inputs("boundaries") {
        if let (Some(g), _) = parse_boundaries("boundaries.json", &data, &m) {
            assert!(g.width.is_finite() && g.height.is_finite(), "{name}");
            assert!(g.shapes.iter().all(|s| !s.path.contains("NaN") && !s.path.contains("inf")), "{name}");
        }
    }
}

#[test]
fn url_inputs_survive_the_trip_through_their_own_link() {
    for (name, data) in inputs("route") {
        let route = Route::parse(&String::from_utf8_lossy(&data));
        assert_eq!(Route::parse(&route.to_query()), route, "{name}");
    }
}
