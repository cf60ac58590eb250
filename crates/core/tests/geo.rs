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
    // gamma is marked just below beta's label; the whole map and a zoom are view boxes.
    assert_eq!(map.mark_point(2), Some((30.0, 10.0 + samiksha_core::format::geo::WITHIN_PARENT_DROP)));
    assert_eq!(map.mark_point(0), Some((5.0, 5.0)));
    assert_eq!(map.whole_view_box(), "-6 -6 52 32");
    assert_eq!(map.view_box_of(&[0]), "-12 -12 34 34");
    assert_eq!(map.view_box_of(&[2]), map.whole_view_box());
    let unknown = problems.iter().find(|p| p.path == "$.units[2].unit").unwrap();
    assert_eq!(unknown.severity, Severity::Warning);
}

#[test]
fn a_stored_label_point_is_used_and_a_bad_one_falls_back_to_the_centroid_with_a_warning() {
    // An L: its centroid (about 3.3, 3.3) lies outside the shape; the publisher stores a point
    // inside it.
    let l_shape = json!([0, 0, 10, 0, 0, 2, -8, 0, 0, 8, -2, 0]);
    let file = json!({"format": "samiksha-boundaries/1", "width": 40, "height": 20, "units": [
        {"unit": "alpha", "rings": [l_shape], "label": [5, 1]},
        {"unit": "beta", "rings": [[20, 0, 20, 0, 0, 20, -20, 0]], "label": [99, 99]},
        {"unit": "gamma", "rings": [[40, 0, 5, 0, 0, 5, -5, 0]], "label": null}
    ]});
    let (map, problems) = parse_boundaries("boundaries.json", &common::bytes(&file), &manifest());
    let map = map.unwrap();
    assert_eq!(map.shape_of(0).unwrap().label, (5.0, 1.0));
    // Outside beta's box: the centroid instead, and the publisher is told.
    assert_eq!(map.shape_of(1).unwrap().label, (30.0, 10.0));
    let warned: Vec<_> = problems.iter().filter(|p| p.path == "$.units[1].label").collect();
    assert_eq!(warned.len(), 1, "{problems:?}");
    assert_eq!(warned[0].severity, Severity::Warning);
    assert!(problems.iter().all(|p| p.path != "$.units[0].label" && p.path != "$.units[2].label"), "{problems:?}");
}

#[test]
fn keyboard_focus_reads_a_map_top_to_bottom_in_bands_then_left_to_right() {
    // Three squares: c is highest, then a and b in one band (a to the right of b's left edge).
    let sq = |x: i64, y: i64| json!([x, y, 10, 0, 0, 10, -10, 0]);
    let file = json!({"format": "samiksha-boundaries/1", "width": 300, "height": 300, "units": [
        {"unit": "alpha", "rings": [sq(200, 100)]},
        {"unit": "beta", "rings": [sq(0, 120)]},
        {"unit": "gamma", "rings": [sq(100, 0)]}
    ]});
    let map = parse_boundaries("b.json", &common::bytes(&file), &manifest()).0.unwrap();
    let units: Vec<usize> = map.keyboard_order().into_iter().map(|i| map.shapes[i].unit).collect();
    assert_eq!(units, [2, 1, 0]);
    // The squares: row by row, left to right; the grid spans the largest column and row.
    let layout = [(2, 0), (0, 1), (1, 0)];
    assert_eq!(samiksha_core::analysis::tiles::keyboard_order(&layout), [2, 0, 1]);
    assert_eq!(samiksha_core::analysis::tiles::grid_size(&layout), (3, 2));
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
