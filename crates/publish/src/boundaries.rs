//! `boundaries`: a GeoJSON or TopoJSON file of district polygons → the dataset's boundary file.
//!
//! Steps: read rings in longitude/latitude; match each feature to a district (census code, then
//! name, former name or alias); project (equirectangular, scaled by the cosine of the mid
//! latitude so Madhya Pradesh is not stretched east–west); simplify without opening gaps between
//! neighbours; quantize to integers and delta-encode. Shared borders are found as runs between
//! junction points (points where rings meet or part), and each run is simplified once, in a
//! canonical direction, so both neighbours get exactly the same line.

use crate::districts::DistrictRow;
use crate::model::{BoundaryFile, BoundaryUnit, Projection};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

type Ring = Vec<[f64; 2]>;

/// One input feature: its properties and its rings (outer and holes alike, drawn even-odd).
pub struct Feature {
    pub name: String,
    pub code: String,
    pub rings: Vec<Ring>,
}

/// What the command found, for the publisher.
#[derive(Default, Debug)]
pub struct BoundaryReport {
    pub matched: Vec<(String, String)>,
    pub renamed: Vec<(String, String)>,
    /// Districts without a polygon, with the matched district their lineage (`carved_from`,
    /// followed as far as it goes) places them in, if any.
    pub no_polygon: Vec<(String, Option<String>)>,
    pub no_district: Vec<String>,
    pub points_in: usize,
    pub points_out: usize,
}

fn ring_of(v: &Value) -> Option<Ring> {
    v.as_array()?.iter().map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?])).collect()
}

fn polygons_of(geom: &Value) -> Result<Vec<Ring>, String> {
    let coords = geom.get("coordinates").ok_or("geometry without coordinates")?;
    let rings_of_polygon = |p: &Value| -> Result<Vec<Ring>, String> {
        p.as_array().ok_or("polygon is not a list")?.iter().map(|r| ring_of(r).ok_or_else(|| "ring is not a list of [lon, lat]".to_string())).collect()
    };
    match geom.get("type").and_then(Value::as_str) {
        Some("Polygon") => rings_of_polygon(coords),
        Some("MultiPolygon") => {
            Ok(coords.as_array().ok_or("multipolygon is not a list")?.iter().map(rings_of_polygon).collect::<Result<Vec<_>, _>>()?.concat())
        }
        other => Err(format!("geometry type {other:?} is not Polygon or MultiPolygon")),
    }
}

fn prop(p: &Value, key: &str) -> String {
    match p.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Reads GeoJSON (FeatureCollection) or TopoJSON (its first object, or `object`).
pub fn read_features(doc: &Value, name_key: &str, code_key: &str, object: Option<&str>) -> Result<Vec<Feature>, String> {
    match doc.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => doc["features"]
            .as_array()
            .ok_or("features is not a list")?
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let p = &f["properties"];
                Ok(Feature { name: prop(p, name_key), code: prop(p, code_key), rings: polygons_of(&f["geometry"]).map_err(|e| format!("features[{i}]: {e}"))? })
            })
            .collect(),
        Some("Topology") => read_topojson(doc, name_key, code_key, object),
        other => Err(format!("expected a GeoJSON FeatureCollection or a TopoJSON Topology, found type {other:?}")),
    }
}

fn read_topojson(doc: &Value, name_key: &str, code_key: &str, object: Option<&str>) -> Result<Vec<Feature>, String> {
    let (scale, translate) = match doc.get("transform") {
        Some(t) => (
            [t["scale"][0].as_f64().unwrap_or(1.0), t["scale"][1].as_f64().unwrap_or(1.0)],
            [t["translate"][0].as_f64().unwrap_or(0.0), t["translate"][1].as_f64().unwrap_or(0.0)],
        ),
        None => ([1.0, 1.0], [0.0, 0.0]),
    };
    let quantized = doc.get("transform").is_some();
    // Decode every arc to absolute longitude/latitude.
    let arcs: Vec<Ring> = doc["arcs"]
        .as_array()
        .ok_or("topology has no arcs")?
        .iter()
        .map(|arc| {
            let mut x = 0.0;
            let mut y = 0.0;
            arc.as_array()
                .map(|pts| {
                    pts.iter()
                        .filter_map(|p| {
                            let (dx, dy) = (p.get(0)?.as_f64()?, p.get(1)?.as_f64()?);
                            if quantized {
                                x += dx;
                                y += dy;
                                Some([x * scale[0] + translate[0], y * scale[1] + translate[1]])
                            } else {
                                Some([dx, dy])
                            }
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let ring_from = |indices: &Value| -> Result<Ring, String> {
        let mut ring: Ring = Vec::new();
        for i in indices.as_array().ok_or("ring is not a list of arc indices")? {
            let i = i.as_i64().ok_or("arc index is not a number")?;
            let (idx, reversed) = if i < 0 { ((!i) as usize, true) } else { (i as usize, false) };
            let mut arc = arcs.get(idx).ok_or_else(|| format!("arc {idx} does not exist"))?.clone();
            if reversed {
                arc.reverse();
            }
            // Consecutive arcs share their joining point.
            if !ring.is_empty() {
                arc.remove(0);
            }
            ring.extend(arc);
        }
        Ok(ring)
    };
    let objects = doc["objects"].as_object().ok_or("topology has no objects")?;
    let obj = match object {
        Some(name) => objects.get(name).ok_or_else(|| format!("no object \"{name}\""))?,
        None => objects.values().next().ok_or("topology has no objects")?,
    };
    let geoms = obj["geometries"].as_array().ok_or("object has no geometries")?;
    geoms
        .iter()
        .map(|g| {
            let p = &g["properties"];
            let rings = match g["type"].as_str() {
                Some("Polygon") => g["arcs"].as_array().ok_or("polygon without arcs")?.iter().map(&ring_from).collect::<Result<Vec<_>, _>>()?,
                Some("MultiPolygon") => g["arcs"]
                    .as_array()
                    .ok_or("multipolygon without arcs")?
                    .iter()
                    .map(|poly| poly.as_array().ok_or("polygon is not a list".to_string())?.iter().map(&ring_from).collect::<Result<Vec<_>, _>>())
                    .collect::<Result<Vec<_>, _>>()?
                    .concat(),
                _ => Vec::new(),
            };
            Ok(Feature { name: prop(p, name_key), code: prop(p, code_key), rings })
        })
        .collect()
}

/// Perpendicular distance of `p` from the segment a–b.
fn seg_dist(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
    let (qx, qy) = (a[0] + t * dx, a[1] + t * dy);
    ((p[0] - qx).powi(2) + (p[1] - qy).powi(2)).sqrt()
}

/// Douglas–Peucker: keeps the ends and every point farther than `eps` from the simplified line.
pub fn simplify(points: &[[f64; 2]], eps: f64) -> Vec<[f64; 2]> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut best = (0.0, 0);
        for i in a + 1..b {
            let d = seg_dist(points[i], points[a], points[b]);
            if d > best.0 {
                best = (d, i);
            }
        }
        if best.0 > eps {
            keep[best.1] = true;
            stack.push((a, best.1));
            stack.push((best.1, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

type Key = (i64, i64);

/// Simplifies all rings together: junction points stay fixed and every run between junctions
/// is simplified once, so neighbours keep identical shared borders.
pub fn simplify_shared(rings: &[Ring], eps: f64) -> Vec<Ring> {
    let key = |p: [f64; 2]| -> Key { ((p[0] * 1e6).round() as i64, (p[1] * 1e6).round() as i64) };
    // Neighbours of each point across all rings; a point with more than two is a junction,
    // as is a point shared by rings that continue differently.
    let mut neighbours: HashMap<Key, HashSet<Key>> = HashMap::new();
    for r in rings {
        let n = r.len();
        if n < 2 {
            continue;
        }
        let closed = key(r[0]) == key(r[n - 1]);
        let m = if closed { n - 1 } else { n };
        for i in 0..m {
            let prev = r[(i + m - 1) % m];
            let next = r[(i + 1) % m];
            let e = neighbours.entry(key(r[i])).or_default();
            e.insert(key(prev));
            e.insert(key(next));
        }
    }
    let junction: HashSet<Key> = neighbours.iter().filter(|(_, n)| n.len() > 2).map(|(k, _)| *k).collect();
    let mut cache: HashMap<(Key, Key, usize, Key), Vec<[f64; 2]>> = HashMap::new();
    rings
        .iter()
        .map(|r| {
            let n = r.len();
            if n < 4 {
                return r.clone();
            }
            let closed = key(r[0]) == key(r[n - 1]);
            let pts: Vec<[f64; 2]> = if closed { r[..n - 1].to_vec() } else { r.clone() };
            let m = pts.len();
            // Start at a junction so that no run is cut at an arbitrary ring start.
            let start = (0..m).find(|&i| junction.contains(&key(pts[i])));
            let Some(start) = start else {
                // An island: simplify on its own, keeping at least a triangle.
                let mut ring = pts.clone();
                ring.push(pts[0]);
                let s = simplify(&ring, eps);
                return if s.len() >= 4 { s } else { r.clone() };
            };
            let rot: Vec<[f64; 2]> = (0..=m).map(|i| pts[(start + i) % m]).collect();
            let mut out: Vec<[f64; 2]> = vec![rot[0]];
            let mut a = 0;
            for b in 1..rot.len() {
                if b == rot.len() - 1 || junction.contains(&key(rot[b])) {
                    let run = &rot[a..=b];
                    // Canonical direction and identity: ends, length and a middle point.
                    let (first, last) = (key(run[0]), key(run[run.len() - 1]));
                    let forward = first <= last;
                    let mut canon: Vec<[f64; 2]> = run.to_vec();
                    if !forward {
                        canon.reverse();
                    }
                    let id = (key(canon[0]), key(canon[canon.len() - 1]), canon.len(), key(canon[canon.len() / 2]));
                    let mut s = cache.entry(id).or_insert_with(|| simplify(&canon, eps)).clone();
                    if !forward {
                        s.reverse();
                    }
                    out.extend_from_slice(&s[1..]);
                    a = b;
                }
            }
            if out.len() < 4 {
                r.clone()
            } else {
                out
            }
        })
        .collect()
}

/// Builds the boundary file from features and the district list.
pub fn build(features: &[Feature], districts: &[DistrictRow], aliases: &HashMap<String, String>, width: f64, eps_px: f64) -> (BoundaryFile, BoundaryReport) {
    let mut report = BoundaryReport::default();
    let by_code: HashMap<&str, &DistrictRow> = districts.iter().filter(|d| !d.boundary_code.is_empty()).map(|d| (d.boundary_code.as_str(), d)).collect();
    let mut names: HashMap<String, (&DistrictRow, bool)> = HashMap::new();
    for d in districts {
        names.insert(crate::import::normalise(&d.name_en), (d, false));
        names.insert(crate::import::normalise(&d.slug), (d, false));
        // A boundary file drawn before a renaming names the district by its former name.
        for old in [&d.boundary_name, &d.former_name_en] {
            if !old.is_empty() && *old != d.name_en {
                names.insert(crate::import::normalise(old), (d, true));
            }
        }
    }
    for (alias, slug) in aliases {
        if let Some(d) = districts.iter().find(|d| &d.slug == slug) {
            names.insert(crate::import::normalise(alias), (d, true));
        }
    }
    // Match features to districts.
    let mut matched: Vec<(&DistrictRow, &Feature)> = Vec::new();
    for f in features {
        let hit = by_code
            .get(f.code.as_str())
            .map(|d| (*d, crate::import::normalise(&d.name_en) != crate::import::normalise(&f.name)))
            .or_else(|| names.get(&crate::import::normalise(&f.name)).copied());
        match hit {
            Some((d, renamed)) => {
                if renamed {
                    report.renamed.push((f.name.clone(), d.slug.clone()));
                }
                report.matched.push((f.name.clone(), d.slug.clone()));
                matched.push((d, f));
            }
            None => report.no_district.push(f.name.clone()),
        }
    }
    let has_polygon = |slug: &str| matched.iter().any(|(m, _)| m.slug == slug);
    for d in districts {
        if !has_polygon(&d.slug) {
            // Up the lineage to the first district with a polygon (bounded: a cycle ends it).
            let mut parent = d.carved_from.as_str();
            let mut placed = None;
            for _ in 0..districts.len() {
                if parent.is_empty() {
                    break;
                }
                if has_polygon(parent) {
                    placed = Some(parent.to_string());
                    break;
                }
                parent = districts.iter().find(|x| x.slug == parent).map_or("", |x| x.carved_from.as_str());
            }
            report.no_polygon.push((d.slug.clone(), placed));
        }
    }
    // Projection: equirectangular around the mid latitude, y down, scaled to `width`.
    let all: Vec<[f64; 2]> = matched.iter().flat_map(|(_, f)| f.rings.iter().flatten().copied()).collect();
    report.points_in = all.len();
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &all {
        x0 = x0.min(p[0]);
        x1 = x1.max(p[0]);
        y0 = y0.min(p[1]);
        y1 = y1.max(p[1]);
    }
    let k = ((y0 + y1) / 2.0).to_radians().cos();
    let scale = if x1 > x0 { width / ((x1 - x0) * k) } else { 1.0 };
    let height = ((y1 - y0) * scale).ceil();
    let project = |p: [f64; 2]| [(p[0] - x0) * k * scale, (y1 - p[1]) * scale];

    let rings: Vec<Ring> = matched.iter().flat_map(|(_, f)| f.rings.iter().map(|r| r.iter().map(|p| project(*p)).collect::<Ring>())).collect();
    let simplified = simplify_shared(&rings, eps_px);
    let mut it = simplified.into_iter();
    let mut units = Vec::new();
    for (d, f) in &matched {
        let mut paths = Vec::new();
        for _ in &f.rings {
            let ring = it.next().unwrap_or_default();
            // Integers, delta-encoded: small numbers compress well.
            let mut prev: Option<(i64, i64)> = None;
            let mut flat = Vec::with_capacity(ring.len() * 2);
            for p in &ring {
                let q = (p[0].round() as i64, p[1].round() as i64);
                match prev {
                    None => flat.extend([q.0, q.1]),
                    Some(pr) if pr != q => flat.extend([q.0 - pr.0, q.1 - pr.1]),
                    Some(_) => continue,
                }
                prev = Some(q);
            }
            if flat.len() >= 6 {
                report.points_out += flat.len() / 2;
                paths.push(flat);
            }
        }
        units.push(BoundaryUnit { rings: paths, source_name: f.name.clone(), unit: d.slug.clone() });
    }
    let file = BoundaryFile {
        encoding: "rings are flat [x0, y0, dx1, dy1, …] integer lists in pixels, y down; draw with the even-odd rule",
        format: "samiksha-boundaries/1",
        height,
        projection: Projection { cos_lat: k, kind: "equirectangular", lat1: y1, lon0: x0, scale },
        units,
        width,
    };
    (file, report)
}

/// The `boundaries` command's work without the disk: reads the district list, aliases and
/// polygons through `fs`, builds the boundary file and returns its bytes with the report's
/// lines. Strict, before anything is written: a polygon naming no district, or a district off
/// the map, is an error unless the publisher says the omission is deliberate; matching none is
/// always an error (the wrong file or the wrong name property).
pub fn from_args(fs: &dyn crate::files::Files, a: &crate::cli::BoundariesArgs) -> Result<(Vec<u8>, Vec<String>), String> {
    let rows = crate::districts::read_districts(fs, &a.districts)?;
    let aliases = match &a.aliases {
        Some(p) => crate::districts::read_aliases(fs, p, &rows)?,
        None => Default::default(),
    };
    let bytes = fs.read(&a.input).map_err(|e| format!("{}: {e}", a.input.display()))?;
    let doc: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| format!("{}: not valid JSON ({e})", a.input.display()))?;
    let features = read_features(&doc, &a.name_property, &a.code_property, a.object.as_deref()).map_err(|e| format!("{}: {e}", a.input.display()))?;
    let (file, r) = build(&features, &rows, &aliases, a.width, a.tolerance);
    let mut lines = vec![format!("{}: {} districts matched, {} points in, {} points out", a.input.display(), r.matched.len(), r.points_in, r.points_out)];
    for (from, to) in &r.renamed {
        lines.push(format!("  renamed: \"{from}\" matched to {to}"));
    }
    for (slug, within) in &r.no_polygon {
        lines.push(match within {
            Some(parent) => format!("  no polygon for district {slug} (the viewer shows it within {parent}, the district it was carved from)"),
            None => format!("  no polygon for district {slug}, and no district it was carved from has one: it is not on the map"),
        });
    }
    for name in &r.no_district {
        lines.push(format!("  polygon \"{name}\" matches no district"));
    }
    if r.matched.is_empty() {
        return Err(format!(
            "no polygon matched any district: check that --name-property ({}) or --code-property ({}) names the property holding district names or census codes\n{}",
            a.name_property,
            a.code_property,
            lines.join("\n")
        ));
    }
    let unplaced: Vec<&str> = r.no_polygon.iter().filter(|(_, w)| w.is_none()).map(|(s, _)| s.as_str()).collect();
    if !a.allow_unmatched && (!r.no_district.is_empty() || !unplaced.is_empty()) {
        let mut why = Vec::new();
        if !r.no_district.is_empty() {
            why.push(format!(
                "{} polygon(s) match no district ({}): add each name to an --aliases file as `alias,slug`, or set boundary_name in the district list",
                r.no_district.len(),
                r.no_district.join(", ")
            ));
        }
        if !unplaced.is_empty() {
            why.push(format!(
                "{} district(s) have no polygon and no carved_from district with one ({}): add carved_from in the district list, or a polygon",
                unplaced.len(),
                unplaced.join(", ")
            ));
        }
        // The report's lines follow, so the publisher sees what did match too.
        return Err(format!("{}; nothing was written (pass --allow-unmatched if this is deliberate)\n{}", why.join("; "), lines.join("\n")));
    }
    Ok((crate::write::to_bytes(&file)?, lines))
}
