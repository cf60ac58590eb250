//! A value file read against the committed sample's manifest, and the dataset built from it
//! ranked: arbitrary bytes must never panic or hang, and every number kept is finite.
#![no_main]
use libfuzzer_sys::fuzz_target;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::present::{Measured, Subject};
use samiksha_core::Dataset;
use std::sync::OnceLock;

fn manifest() -> &'static samiksha_core::format::manifest::Manifest {
    static M: OnceLock<samiksha_core::format::manifest::Manifest> = OnceLock::new();
    M.get_or_init(|| {
        let bytes = include_bytes!("../../public/data/sample/manifest.json");
        parse_manifest("manifest.json", bytes).0.expect("the sample manifest reads")
    })
}

fuzz_target!(|data: &[u8]| {
    let m = manifest();
    let file = m.value_files.last().expect("the sample lists value files").clone();
    let mut ds = Dataset::new(m.clone());
    // As unverified files (no size or hash), so the reader itself is exercised.
    let unverified = samiksha_core::format::manifest::FileRef { bytes: None, sha256: None, ..file };
    let _ = ds.add_value_file(&unverified, data);
    let period = ds.periods().len() - 1;
    for i in 0..ds.indicators().len() {
        if let Some(measured) = Measured::new(&ds, Subject::Indicator(i), period) {
            assert!(measured.table.rows.iter().all(|r| r.value.is_finite()));
        }
    }
    let _ = Measured::new(&ds, Subject::Composite, period);
});
