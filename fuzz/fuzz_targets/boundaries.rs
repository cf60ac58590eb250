//! The boundary-file reader (GeoJSON or TopoJSON) against the sample's manifest: arbitrary
//! bytes must never panic or hang, and every path it draws has finite coordinates.
#![no_main]
use libfuzzer_sys::fuzz_target;
use samiksha_core::format::geo::parse_boundaries;
use samiksha_core::format::manifest::parse_manifest;
use std::sync::OnceLock;

fn manifest() -> &'static samiksha_core::format::manifest::Manifest {
    static M: OnceLock<samiksha_core::format::manifest::Manifest> = OnceLock::new();
    M.get_or_init(|| parse_manifest("manifest.json", include_bytes!("../../public/data/sample/manifest.json")).0.expect("the sample manifest reads"))
}

fuzz_target!(|data: &[u8]| {
    let (map, _problems) = parse_boundaries("boundaries.json", data, manifest());
    if let Some(g) = map {
        assert!(g.width.is_finite() && g.height.is_finite());
        for s in &g.shapes {
            assert!(!s.path.contains("NaN") && !s.path.contains("inf"), "{}", s.path);
        }
    }
});
