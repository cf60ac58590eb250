//! The boundary reader: paths, boxes and labels from a boundary file, districts without a
//! polygon placed inside the district they were carved from, and bad files reported.

mod common;

use samiksha_core::format::geo::parse_boundaries;
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::format::problem::{ProblemKind, Severity};
use samiksha_core::synth::{synthetic, synthetic_boundaries};
use serde_json::json;

fn manifest() -> samiksha_core::format::manifest::Manifest {
    parse_manifest("manifest.json", &common::bytes(&common::manifest())).0.unwrap()
}

#[test]
fn squares_become_paths_with_boxes_and_labels_and_gamma_sits_inside_beta() {
    // alpha and beta have squares; gamma (carved from beta in 2023) has none.
    let file = json!({"format": "samiksha-boundaries/1", "width": 40, "height": 20, "units": [
        {"unit": "alpha", "rings": [[0, 0, 10, 0, 0, 10, -10, 0]]},
        {"unit": "beta", "rings": [[20, 0, 20, 0, 0, 20, -20, 0]]},
        {"unit": "atlantis", "rings": [[0, 0, 1, 0, 0, 1]]}
    ]});
    let (map, problems) = parse_boundaries("boundaries.json", &common::bytes(&file), &manifest());
    let map = map.unwrap();
    assert_eq!(map.shapes.len(), 2);
    let alpha = map.shape_of(0).unwrap();
    assert_eq!(alpha.path, "M0 0l10 0 0 10-10 0Z");
    assert_eq!(alpha.bbox, [0.0, 0.0, 10.0, 10.0]);
    assert_eq!(alpha.label, (5.0, 5.0));
    assert_eq!(alpha.area, 100.0);
    let beta = map.shape_of(1).unwrap();
    assert_eq!(beta.label, (30.0, 10.0));
    assert_eq!(map.within_parent.len(), 1);
    assert_eq!((map.within_parent[0].unit, map.within_parent[0].parent), (2, 1));
    assert!(map.missing.is_empty());
    assert_eq!(map.bbox_of(&[0, 1], 1.0), Some([-1.0, -1.0, 41.0, 21.0]));
    let unknown = problems.iter().find(|p| p.path == "$.units[2].unit").unwrap();
    assert_eq!(unknown.severity, Severity::Warning);
}

#[test]
fn bad_boundary_files_are_reported_not_fatal() {
    let m = manifest();
    let (map, problems) = parse_boundaries("b.json", b"{\"format\": \"geojson\"}", &m);
    assert!(map.is_none());
    assert!(matches!(problems[0].kind, ProblemKind::UnknownFormat { .. }));
    let file = json!({"format": "samiksha-boundaries/1", "width": 10, "height": 10, "units": [
        {"unit": "alpha", "rings": [[0, 0, 1]]},
        {"unit": "beta", "rings": [[0, 0, 4, 0, 0, 4, -4, 0]]}
    ]});
    let (map, problems) = parse_boundaries("b.json", &common::bytes(&file), &m);
    assert_eq!(map.unwrap().shapes.len(), 1);
    assert!(problems.iter().any(|p| p.path == "$.units[0].rings[0]" && p.severity == Severity::Error));
    for bytes in [&b""[..], b"[", b"{\"format\": \"samiksha-boundaries/1\"}"] {
        let (map, problems) = parse_boundaries("b.json", bytes, &m);
        assert!(map.is_none() && !problems.is_empty());
    }
}

#[test]
fn a_generated_all_india_map_has_a_shape_per_district() {
    let s = synthetic(785, 1, 1);
    let (m, _) = parse_manifest("manifest.json", &s.manifest);
    let (map, problems) = parse_boundaries("b.json", &synthetic_boundaries(785), &m.unwrap());
    assert!(problems.is_empty());
    let map = map.unwrap();
    assert_eq!(map.shapes.len(), 785);
    assert!(map.shapes.iter().all(|s| s.path.starts_with('M') && s.path.ends_with('Z') && s.area > 0.0));
}
