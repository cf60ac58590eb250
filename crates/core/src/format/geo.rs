//! The geographic map: reads the boundary file the publisher CLI writes and turns it into SVG
//! paths, label points and bounding boxes, with districts that have no polygon placed inside
//! the district they were carved from (by lineage, never by name).

use crate::format::manifest::Manifest;
use crate::format::problem::{Expected, Problem, ProblemKind, RefKind};
use crate::format::walk::{idx, key, parse_json, Walk};

/// One district's outline, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Index into `Manifest::units`.
    pub unit: usize,
    /// SVG path data in the boundary file's pixel space.
    pub path: String,
    /// (x0, y0, x1, y1).
    pub bbox: [f64; 4],
    /// Where the name goes: the boundary file's `label` (the publisher places it with
    /// `polylabel`, inside the largest polygon and as far from its edges as it can be), or, in
    /// a file without one, the centroid of the largest ring.
    pub label: (f64, f64),
    pub area: f64,
}

/// How far below its parent's label point a district without a polygon is marked, in pixels.
pub const WITHIN_PARENT_DROP: f64 = 16.0;

/// A district drawn inside another's outline because the boundary file has none for it.
#[derive(Clone, Debug, PartialEq)]
pub struct WithinParent {
    pub unit: usize,
    pub parent: usize,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct GeoMap {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    pub within_parent: Vec<WithinParent>,
    /// Districts with neither a polygon nor an ancestor that has one.
    pub missing: Vec<usize>,
}

impl GeoMap {
    pub fn shape_of(&self, unit: usize) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.unit == unit)
    }

    /// Where a district is marked on the map (its name, or ▲/▼ on a slide): its label point,
    /// or, for a district drawn within the one it was carved from, a little below the parent's
    /// (where the hatched marker sits, clear of the parent's name).
    pub fn mark_point(&self, unit: usize) -> Option<(f64, f64)> {
        self.shape_of(unit).map(|s| s.label).or_else(|| {
            let parent = self.within_parent.iter().find(|w| w.unit == unit)?.parent;
            self.shape_of(parent).map(|s| (s.label.0, s.label.1 + WITHIN_PARENT_DROP))
        })
    }

    /// The SVG `viewBox` of the whole map, with a margin for strokes at the edge.
    pub fn whole_view_box(&self) -> String {
        format!("-6 -6 {} {}", self.width + 12.0, self.height + 12.0)
    }

    /// The SVG `viewBox` of a group of districts (a division zoomed to), or of the whole map
    /// when none of them has a shape.
    pub fn view_box_of(&self, units: &[usize]) -> String {
        match self.bbox_of(units, 12.0) {
            Some(b) => format!("{} {} {} {}", b[0], b[1], b[2] - b[0], b[3] - b[1]),
            None => self.whole_view_box(),
        }
    }

    /// The order keyboard focus visits the shapes (indices into `shapes`): top to bottom in
    /// bands of 80 pixels, then left to right, as a reader scans a map.
    pub fn keyboard_order(&self) -> Vec<usize> {
        let band = |s: &Shape| ((s.label.1 / 80.0) as i64, s.label.0 as i64);
        let mut order: Vec<usize> = (0..self.shapes.len()).collect();
        crate::format::order::sort_by(&mut order, |&a, &b| band(&self.shapes[a]).cmp(&band(&self.shapes[b])));
        order
    }

    /// The box around the given districts' shapes, padded by `pad` pixels.
    pub fn bbox_of(&self, units: &[usize], pad: f64) -> Option<[f64; 4]> {
        let boxes: Vec<[f64; 4]> = self.shapes.iter().filter(|s| units.contains(&s.unit)).map(|s| s.bbox).collect();
        let first = boxes.first()?;
        let b = boxes.iter().fold(*first, |a, b| [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])]);
        Some([b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad])
    }
}

/// Signed area and centroid of a ring (shoelace formula).
fn ring_area_centroid(pts: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let n = pts.len();
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (x0, y0) = pts[i];
        let (x1, y1) = pts[(i + 1) % n];
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    a /= 2.0;
    if a.abs() < 1e-9 {
        let m = pts.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return (0.0, (m.0 / n.max(1) as f64, m.1 / n.max(1) as f64));
    }
    (a, (cx / (6.0 * a), cy / (6.0 * a)))
}

/// Reads a boundary file (`samiksha-boundaries/1`) against the manifest.
pub fn parse_boundaries(file: &str, bytes: &[u8], m: &Manifest) -> (Option<GeoMap>, Vec<Problem>) {
    let mut problems = Vec::new();
    let map = parse_json(file, bytes, &mut problems).and_then(|v| read(&mut Walk::new(file, &mut problems), &v, m));
    (map, problems)
}

fn read(w: &mut Walk, v: &serde_json::Value, m: &Manifest) -> Option<GeoMap> {
    let root = w.object(v, "$")?;
    let format = w.req_string(root, "$", "format")?;
    if format != "samiksha-boundaries/1" {
        w.error("$.format", ProblemKind::UnknownFormat { found: format });
        return None;
    }
    let width = w.field(root, "$", "width").and_then(|x| w.number(x, "$.width"))?;
    let height = w.field(root, "$", "height").and_then(|x| w.number(x, "$.height"))?;
    let units = w.field(root, "$", "units").and_then(|x| w.array(x, "$.units"))?;
    let mut shapes: Vec<Shape> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let p = idx("$.units", i);
        let Some(o) = w.object(u, &p) else { continue };
        let Some(slug) = w.req_string(o, &p, "unit") else { continue };
        let Some(unit) = m.units.iter().position(|x| x.slug == slug) else {
            w.warn(&key(&p, "unit"), ProblemKind::UnknownReference { kind: RefKind::Unit, id: slug });
            continue;
        };
        let Some(rings) = w.field(o, &p, "rings").and_then(|x| w.array(x, &key(&p, "rings"))) else { continue };
        let mut path = String::new();
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        let (mut best_area, mut label, mut total) = (0.0f64, (0.0, 0.0), 0.0);
        for (r, ring) in rings.iter().enumerate() {
            let rp = idx(&key(&p, "rings"), r);
            let flat: Option<Vec<i64>> = ring.as_array().and_then(|a| a.iter().map(|x| x.as_i64()).collect());
            let Some(flat) = flat.filter(|f| f.len() >= 6 && f.len() % 2 == 0) else {
                w.error(&rp, ProblemKind::WrongType { expected: Expected::Array });
                continue;
            };
            let mut at = Vec::with_capacity(flat.len() / 2);
            let (mut x, mut y) = (0i64, 0i64);
            for (k, pair) in flat.chunks(2).enumerate() {
                if k == 0 {
                    (x, y) = (pair[0], pair[1]);
                } else {
                    x = x.saturating_add(pair[0]);
                    y = y.saturating_add(pair[1]);
                }
                at.push((x, y));
            }
            // Relative moves, as the file stores them: about half the text of absolute points,
            // which counts where the map is sent inside the page (the pre-rendered first view).
            // A minus sign separates numbers by itself.
            path.push_str(&format!("M{} {}l", at[0].0, at[0].1));
            let mut first = true;
            for w in at.windows(2) {
                for d in [w[1].0.saturating_sub(w[0].0), w[1].1.saturating_sub(w[0].1)] {
                    if !first && d >= 0 {
                        path.push(' ');
                    }
                    path.push_str(&d.to_string());
                    first = false;
                }
            }
            path.push('Z');
            let pts: Vec<(f64, f64)> = at.iter().map(|&(x, y)| (x as f64, y as f64)).collect();
            for &(px, py) in &pts {
                bbox = [bbox[0].min(px), bbox[1].min(py), bbox[2].max(px), bbox[3].max(py)];
            }
            let (a, c) = ring_area_centroid(&pts);
            total += a.abs();
            if a.abs() > best_area {
                best_area = a.abs();
                label = c;
            }
        }
        // The stored label point, where the file has one: two numbers inside the shape's box.
        if let Some(at) = o.get("label").filter(|v| !v.is_null()) {
            let lp = key(&p, "label");
            let xy = at.as_array().filter(|a| a.len() == 2).and_then(|a| Some((a[0].as_f64()?, a[1].as_f64()?)));
            match xy {
                Some((x, y)) if x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3] => label = (x, y),
                _ => w.warn(&lp, ProblemKind::WrongType { expected: Expected::LabelPoint }),
            }
        }
        if !path.is_empty() {
            shapes.push(Shape { unit, path, bbox, label, area: total });
        }
    }
    // Districts without a polygon go inside their nearest ancestor that has one.
    let mut within_parent = Vec::new();
    let mut missing = Vec::new();
    for (u, unit) in m.units.iter().enumerate() {
        if shapes.iter().any(|s| s.unit == u) {
            continue;
        }
        let mut at = unit.carved_from.as_deref();
        let mut hops = 0;
        let parent = loop {
            match at.and_then(|slug| m.units.iter().position(|x| x.slug == slug)) {
                Some(p) if shapes.iter().any(|s| s.unit == p) => break Some(p),
                Some(p) if hops < 8 => {
                    at = m.units[p].carved_from.as_deref();
                    hops += 1;
                }
                _ => break None,
            }
        };
        match parent {
            Some(parent) => within_parent.push(WithinParent { unit: u, parent }),
            None => missing.push(u),
        }
    }
    Some(GeoMap { width, height, shapes, within_parent, missing })
}
