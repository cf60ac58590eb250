//! `boundaries`: a GeoJSON or TopoJSON file of district polygons → the dataset's boundary file.
//!
//! Steps: read rings in longitude/latitude; match each feature to a district (census code, then
//! name, former name or alias); project (equirectangular, scaled by the cosine of the mid
//! latitude so Madhya Pradesh is not stretched east–west); simplify each shared border once, so
//! neighbours never gap or overlap; quantize to integers and delta-encode; place each name at
//! its district's pole of inaccessibility. The field's libraries do the geometry: `topojson` and
//! `geojson` read the input, `geo` simplifies, `polylabel` places labels. A TopoJSON file's arcs
//! are its shared borders; a GeoJSON file has none, so they are found first, as runs between
//! junction points (points where rings meet or part). The viewer's wasm carries none of these
//! crates: the label points are stored in the boundary file.

use crate::districts::DistrictRow;
use samiksha_core::format::written::{BoundaryFile, BoundaryUnit, Projection};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

type Ring = Vec<[f64; 2]>;

/// Which way a ring walks along an arc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Reversed,
}

/// One ring as the arcs it follows, in order: consecutive arcs share their joining point.
pub type ArcRing = Vec<(usize, Direction)>;

/// One input feature: its properties and its polygons, each an outer ring and then its holes
/// (drawn even-odd), every ring a list of arcs.
pub struct Feature {
    pub name: String,
    pub code: String,
    pub polygons: Vec<Vec<ArcRing>>,
}

/// The input as a topology: every border once, as an arc, and the features that follow them.
/// TopoJSON is one already; a GeoJSON file's shared borders are found by [`topology_of_rings`].
pub struct Topology {
    pub arcs: Vec<Ring>,
    pub features: Vec<Feature>,
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

fn prop(p: Option<&serde_json::Map<String, Value>>, key: &str) -> String {
    match p.and_then(|p| p.get(key)) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A position as `[lon, lat]`; a position without two numbers is refused, never indexed.
fn point(p: &[f64], at: &str) -> Result<[f64; 2], String> {
    match p {
        [x, y, ..] if x.is_finite() && y.is_finite() => Ok([*x, *y]),
        _ => Err(format!("{at}: a position is not [longitude, latitude]")),
    }
}

/// Reads GeoJSON (a FeatureCollection, through the `geojson` crate) or TopoJSON (its first
/// object, or `object`, through the `topojson` crate) into a topology.
pub fn read_features(doc: &Value, name_key: &str, code_key: &str, object: Option<&str>) -> Result<Topology, String> {
    match doc.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => read_geojson(doc, name_key, code_key),
        Some("Topology") => read_topojson(doc, name_key, code_key, object),
        other => Err(format!("expected a GeoJSON FeatureCollection or a TopoJSON Topology, found type {other:?}")),
    }
}

fn read_geojson(doc: &Value, name_key: &str, code_key: &str) -> Result<Topology, String> {
    let fc = geojson::FeatureCollection::try_from(doc.clone()).map_err(|e| format!("not a GeoJSON FeatureCollection: {e}"))?;
    // Rings of points per feature and polygon, then one topology over all of them.
    let mut shapes: Vec<(String, String, Vec<Vec<Ring>>)> = Vec::new();
    for (i, f) in fc.features.iter().enumerate() {
        let at = format!("features[{i}]");
        let polygons: Vec<&geojson::PolygonType> = match f.geometry.as_ref().map(|g| &g.value) {
            Some(geojson::Value::Polygon(p)) => vec![p],
            Some(geojson::Value::MultiPolygon(ps)) => ps.iter().collect(),
            Some(other) => {
                let kind = match other {
                    geojson::Value::Point(_) => "Point",
                    geojson::Value::MultiPoint(_) => "MultiPoint",
                    geojson::Value::LineString(_) => "LineString",
                    geojson::Value::MultiLineString(_) => "MultiLineString",
                    _ => "GeometryCollection",
                };
                return Err(format!("{at}: geometry type {kind} is not Polygon or MultiPolygon"));
            }
            None => return Err(format!("{at}: no geometry")),
        };
        let polygons = polygons
            .into_iter()
            .map(|rings| rings.iter().map(|r| r.iter().map(|p| point(p, &at)).collect::<Result<Ring, _>>()).collect::<Result<Vec<_>, _>>())
            .collect::<Result<Vec<_>, _>>()?;
        shapes.push((prop(f.properties.as_ref(), name_key), prop(f.properties.as_ref(), code_key), polygons));
    }
    let rings: Vec<Ring> = shapes.iter().flat_map(|s| s.2.iter().flatten().cloned()).collect();
    let (arcs, refs) = topology_of_rings(&rings);
    let mut refs = refs.into_iter();
    let features = shapes
        .into_iter()
        .map(|(name, code, polygons)| Feature {
            name,
            code,
            polygons: polygons.iter().map(|p| p.iter().map(|_| refs.next().unwrap_or_default()).collect()).collect(),
        })
        .collect();
    Ok(Topology { arcs, features })
}

/// What the `topojson` crate would index or truncate without checking, checked first: a
/// transform of two numbers each, arc indices that are whole numbers naming an arc. A geometry
/// of type `null` (the topojson tool writes them for empty features) has no shape and is left
/// out, as the format allows.
fn checked_topology(doc: &Value) -> Result<serde_json::Map<String, Value>, String> {
    let mut map = doc.as_object().cloned().ok_or("a topology is an object")?;
    if let Some(t) = map.get("transform") {
        for key in ["scale", "translate"] {
            let pair = t.get(key).and_then(Value::as_array).filter(|a| a.len() == 2 && a.iter().all(|x| x.as_f64().is_some_and(f64::is_finite)));
            if pair.is_none() {
                return Err(format!("transform.{key}: expected two numbers"));
            }
        }
    }
    let arcs = map.get("arcs").and_then(Value::as_array).map_or(0, Vec::len) as i64;
    fn indices_ok(v: &Value, arcs: i64) -> Result<(), String> {
        match v {
            Value::Array(items) => items.iter().try_for_each(|x| indices_ok(x, arcs)),
            Value::Number(n) => match n.as_i64() {
                Some(i) if (if i < 0 { !i } else { i }) < arcs => Ok(()),
                _ => Err(format!("arc {n} does not exist")),
            },
            _ => Err("arc indices are not a list of whole numbers".into()),
        }
    }
    if let Some(Value::Object(objects)) = map.get_mut("objects") {
        for obj in objects.values_mut() {
            if let Some(Value::Array(geoms)) = obj.get_mut("geometries") {
                geoms.retain(|g| !g.get("type").is_some_and(Value::is_null));
                for g in geoms.iter() {
                    if let Some(a) = g.get("arcs") {
                        indices_ok(a, arcs)?;
                    }
                }
            }
        }
    }
    Ok(map)
}

fn read_topojson(doc: &Value, name_key: &str, code_key: &str, object: Option<&str>) -> Result<Topology, String> {
    let map = checked_topology(doc)?;
    let topo = match topojson::TopoJson::from_json_object(map).map_err(|e| format!("not a TopoJSON topology: {e}"))? {
        topojson::TopoJson::Topology(t) => t,
        topojson::TopoJson::Geometry(_) => return Err("expected a TopoJSON Topology, found a geometry".into()),
    };
    // Every arc to absolute longitude/latitude: quantized arcs are delta-encoded.
    let arcs: Vec<Ring> = topo
        .arcs
        .iter()
        .enumerate()
        .map(|(i, arc)| {
            let at = format!("arcs[{i}]");
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|p| {
                    let [dx, dy] = point(p, &at)?;
                    Ok(match &topo.transform {
                        Some(t) => {
                            x += dx;
                            y += dy;
                            [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]
                        }
                        None => [dx, dy],
                    })
                })
                .collect()
        })
        .collect::<Result<_, String>>()?;
    let ring_of = |indices: &Vec<i32>| -> Result<ArcRing, String> {
        indices
            .iter()
            .map(|&i| {
                // A negative index is the one's complement of a reversed arc.
                let (idx, dir) = if i < 0 { ((!i) as usize, Direction::Reversed) } else { (i as usize, Direction::Forward) };
                if idx < arcs.len() {
                    Ok((idx, dir))
                } else {
                    Err(format!("arc {idx} does not exist"))
                }
            })
            .collect()
    };
    let obj = match object {
        Some(name) => topo.objects.iter().find(|o| o.name == name).ok_or_else(|| format!("no object \"{name}\""))?,
        None => topo.objects.first().ok_or("topology has no objects")?,
    };
    let geoms = match &obj.geometry.value {
        topojson::Value::GeometryCollection(g) => g.as_slice(),
        _ => std::slice::from_ref(&obj.geometry),
    };
    let features = geoms
        .iter()
        .map(|g| {
            let polygons = match &g.value {
                topojson::Value::Polygon(rings) => vec![rings.iter().map(&ring_of).collect::<Result<Vec<_>, _>>()?],
                topojson::Value::MultiPolygon(ps) => {
                    ps.iter().map(|rings| rings.iter().map(&ring_of).collect::<Result<Vec<_>, _>>()).collect::<Result<Vec<_>, _>>()?
                }
                _ => Vec::new(),
            };
            Ok(Feature { name: prop(g.properties.as_ref(), name_key), code: prop(g.properties.as_ref(), code_key), polygons })
        })
        .collect::<Result<_, String>>()?;
    Ok(Topology { arcs, features })
}

type Key = (i64, i64);

/// Turns rings of points (GeoJSON has no topology) into arcs: a point where rings meet or part
/// is a junction, every run between junctions becomes one arc shared by the rings that follow
/// it, and a ring that meets no other is an arc of its own. Returns the arcs and, per ring,
/// the arcs it follows.
pub fn topology_of_rings(rings: &[Ring]) -> (Vec<Ring>, Vec<ArcRing>) {
    let key = |p: [f64; 2]| -> Key { ((p[0] * 1e6).round() as i64, (p[1] * 1e6).round() as i64) };
    // Neighbours of each point across all rings; a point with more than two is a junction,
    // as is a point shared by rings that continue differently.
    let mut neighbours: HashMap<Key, HashSet<Key>> = HashMap::new();
    let open = |r: &Ring| -> Ring {
        let n = r.len();
        if n >= 2 && key(r[0]) == key(r[n - 1]) {
            r[..n - 1].to_vec()
        } else {
            r.clone()
        }
    };
    for r in rings {
        let pts = open(r);
        let m = pts.len();
        if m < 2 {
            continue;
        }
        for i in 0..m {
            let e = neighbours.entry(key(pts[i])).or_default();
            e.insert(key(pts[(i + m - 1) % m]));
            e.insert(key(pts[(i + 1) % m]));
        }
    }
    let junction: HashSet<Key> = neighbours.iter().filter(|(_, n)| n.len() > 2).map(|(k, _)| *k).collect();
    let mut arcs: Vec<Ring> = Vec::new();
    let mut found: HashMap<(Key, Key, usize, Key), usize> = HashMap::new();
    let refs = rings
        .iter()
        .map(|r| {
            let pts = open(r);
            let m = pts.len();
            if m == 0 {
                return Vec::new();
            }
            // Start at a junction so that no run is cut at an arbitrary ring start.
            let Some(start) = (0..m).find(|&i| junction.contains(&key(pts[i]))) else {
                let mut ring = pts.clone();
                ring.push(pts[0]);
                arcs.push(ring);
                return vec![(arcs.len() - 1, Direction::Forward)];
            };
            let rot: Vec<[f64; 2]> = (0..=m).map(|i| pts[(start + i) % m]).collect();
            let mut out = Vec::new();
            let mut a = 0;
            for b in 1..rot.len() {
                if b == rot.len() - 1 || junction.contains(&key(rot[b])) {
                    // Canonical direction and identity: ends, length and a middle point.
                    let mut canon: Ring = rot[a..=b].to_vec();
                    let dir = if key(canon[0]) <= key(canon[canon.len() - 1]) { Direction::Forward } else { Direction::Reversed };
                    if dir == Direction::Reversed {
                        canon.reverse();
                    }
                    let id = (key(canon[0]), key(canon[canon.len() - 1]), canon.len(), key(canon[canon.len() / 2]));
                    let arc = *found.entry(id).or_insert_with(|| {
                        arcs.push(canon);
                        arcs.len() - 1
                    });
                    out.push((arc, dir));
                    a = b;
                }
            }
            out
        })
        .collect();
    (arcs, refs)
}

/// Simplifies every arc once (Douglas–Peucker, `geo`'s `Simplify`, which keeps both ends), so
/// the districts on either side of a border get exactly the same line and never gap or overlap.
/// A closed arc (an island, or an enclave and the hole it fills) that would fall below a
/// triangle is kept as it was.
pub fn simplify_arcs(arcs: &[Ring], eps: f64) -> Vec<Ring> {
    use geo::Simplify;
    arcs.iter()
        .map(|arc| {
            let line: geo::LineString<f64> = arc.iter().map(|p| geo::coord! { x: p[0], y: p[1] }).collect();
            let s: Ring = line.simplify(eps).0.iter().map(|c| [c.x, c.y]).collect();
            let closed = arc.len() > 1 && arc.first() == arc.last();
            if closed && s.len() < 4 {
                arc.clone()
            } else {
                s
            }
        })
        .collect()
}

/// A ring's points from its arcs (the joining point once), closed.
fn assemble(ring: &ArcRing, arcs: &[Ring]) -> Ring {
    let mut out: Ring = Vec::new();
    for &(i, dir) in ring {
        let Some(arc) = arcs.get(i) else { continue };
        let mut pts = arc.clone();
        if dir == Direction::Reversed {
            pts.reverse();
        }
        let skip = usize::from(!out.is_empty() && !pts.is_empty());
        out.extend_from_slice(&pts[skip..]);
    }
    out
}

/// Where a district's name goes: the pole of inaccessibility (`polylabel`) of its largest
/// polygon, the point inside it farthest from every edge. The centroid of a concave district
/// (a crescent, an L) can fall outside it, or on a thin neck where the name would not fit.
pub fn label_point(polygons: &[Vec<Vec<[i64; 2]>>]) -> Option<[i64; 2]> {
    use geo::{Area, BoundingRect};
    let to_ring = |r: &Vec<[i64; 2]>| -> geo::LineString<f64> { r.iter().map(|p| geo::coord! { x: p[0] as f64, y: p[1] as f64 }).collect() };
    let largest = polygons
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| geo::Polygon::new(to_ring(&p[0]), p[1..].iter().map(to_ring).collect()))
        .filter(|p| p.unsigned_area() > 0.0)
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let at = polylabel::polylabel(&largest, &0.5).ok()?;
    let bbox = largest.bounding_rect()?;
    let inside = at.x() >= bbox.min().x && at.x() <= bbox.max().x && at.y() >= bbox.min().y && at.y() <= bbox.max().y;
    (at.x().is_finite() && at.y().is_finite() && inside).then(|| [at.x().round() as i64, at.y().round() as i64])
}

/// Builds the boundary file from features and the district list.
pub fn build(topo: &Topology, districts: &[DistrictRow], aliases: &HashMap<String, String>, width: f64, eps_px: f64) -> (BoundaryFile, BoundaryReport) {
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
    for f in &topo.features {
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
    let rings_in = |f: &'_ Feature| f.polygons.iter().flatten().map(|r| assemble(r, &topo.arcs)).collect::<Vec<Ring>>();
    let all: Vec<[f64; 2]> = matched.iter().flat_map(|(_, f)| rings_in(f)).flatten().collect();
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
    let project = |p: &[f64; 2]| [(p[0] - x0) * k * scale, (y1 - p[1]) * scale];
    // Only the arcs the matched districts follow are projected and simplified, each once.
    let used: HashSet<usize> = matched.iter().flat_map(|(_, f)| f.polygons.iter().flatten().flatten().map(|a| a.0)).collect();
    let projected: Vec<Ring> =
        topo.arcs.iter().enumerate().map(|(i, arc)| if used.contains(&i) { arc.iter().map(project).collect() } else { Vec::new() }).collect();
    let simplified = simplify_arcs(&projected, eps_px);
    let mut units = Vec::new();
    for (d, f) in &matched {
        let mut paths = Vec::new();
        let mut polygons: Vec<Vec<Vec<[i64; 2]>>> = Vec::new();
        for polygon in &f.polygons {
            let mut rings = Vec::new();
            // A polygon whose outer ring is too small to draw is no place for a label, even
            // where a hole of it is kept.
            let mut outer_kept = true;
            for (r, arc_ring) in polygon.iter().enumerate() {
                let mut ring = assemble(arc_ring, &simplified);
                // A ring whose arcs all shrank to their ends (smaller than the tolerance) is kept
                // as drawn unsimplified rather than lost.
                if ring.len() < 4 {
                    ring = assemble(arc_ring, &projected);
                }
                // Integers, delta-encoded: small numbers compress well.
                let mut absolute: Vec<[i64; 2]> = Vec::with_capacity(ring.len());
                let mut flat = Vec::with_capacity(ring.len() * 2);
                for p in &ring {
                    let q = [p[0].round() as i64, p[1].round() as i64];
                    match absolute.last() {
                        None => flat.extend(q),
                        Some(pr) if *pr != q => flat.extend([q[0] - pr[0], q[1] - pr[1]]),
                        Some(_) => continue,
                    }
                    absolute.push(q);
                }
                if flat.len() >= 6 {
                    report.points_out += flat.len() / 2;
                    paths.push(flat);
                    rings.push(absolute);
                } else if r == 0 {
                    outer_kept = false;
                }
            }
            if outer_kept {
                polygons.push(rings);
            }
        }
        let label = label_point(&polygons);
        units.push(BoundaryUnit { label, rings: paths, source_name: f.name.clone(), unit: d.slug.clone() });
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
    let topo = read_features(&doc, &a.name_property, &a.code_property, a.object.as_deref()).map_err(|e| format!("{}: {e}", a.input.display()))?;
    let (file, r) = build(&topo, &rows, &aliases, a.width, a.tolerance);
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The point-in-polygon test, written here so the check does not use the code it checks.
    fn inside(p: [i64; 2], ring: &[[i64; 2]]) -> bool {
        let (x, y) = (p[0] as f64, p[1] as f64);
        let mut c = false;
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            let (ax, ay, bx, by) = (a[0] as f64, a[1] as f64, b[0] as f64, b[1] as f64);
            if (ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax {
                c = !c;
            }
        }
        c
    }

    #[test]
    fn a_crescent_gets_its_label_inside_where_its_centroid_is_not() {
        // A U open to the top: its centroid (the middle of the gap) is outside it.
        let u = vec![[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30], [0, 0]];
        let at = label_point(&[vec![u.clone()]]).unwrap();
        assert!(inside(at, &u), "{at:?}");
        let n = (u.len() - 1) as f64;
        let centroid = [u[..8].iter().map(|p| p[0] as f64).sum::<f64>() / n, u[..8].iter().map(|p| p[1] as f64).sum::<f64>() / n];
        assert!(!inside([centroid[0] as i64, centroid[1] as i64 + 5], &u));
        // The largest polygon of several gets the label; nothing to label gives none.
        let small = vec![[100, 100], [102, 100], [102, 102], [100, 100]];
        assert!(inside(label_point(&[vec![small], vec![u.clone()]]).unwrap(), &u));
        assert_eq!(label_point(&[]), None);
    }

    /// Two squares side by side sharing a wobbly border, as TopoJSON (one shared arc) and as
    /// GeoJSON (the border written twice, once each way).
    fn wobbly_border() -> Vec<[f64; 2]> {
        (0..=20).map(|i| [10.0 + if i % 2 == 0 { 0.0 } else { 0.01 }, i as f64 * 0.5]).collect()
    }

    fn district(slug: &str, name: &str) -> DistrictRow {
        crate::districts::DistrictRow { slug: slug.into(), name_en: name.into(), ..Default::default() }
    }

    fn shared_border_points(b: &samiksha_core::format::written::BoundaryFile) -> [Vec<[i64; 2]>; 2] {
        let abs = |flat: &Vec<i64>| {
            let mut out = vec![[flat[0], flat[1]]];
            for d in flat[2..].chunks(2) {
                let l = *out.last().unwrap();
                out.push([l[0] + d[0], l[1] + d[1]]);
            }
            out
        };
        let a = abs(&b.units[0].rings[0]);
        let c = abs(&b.units[1].rings[0]);
        let mut on_a: Vec<[i64; 2]> = a.iter().filter(|p| c.contains(p)).copied().collect();
        let mut on_c: Vec<[i64; 2]> = c.iter().filter(|p| a.contains(p)).copied().collect();
        on_a.sort();
        on_a.dedup();
        on_c.sort();
        on_c.dedup();
        [on_a, on_c]
    }

    #[test]
    fn a_shared_border_is_simplified_once_from_topojson_and_from_geojson() {
        let border = wobbly_border();
        let mut left: Vec<[f64; 2]> = vec![[0.0, 0.0]];
        left.extend(border.iter().copied());
        left.extend([[0.0, 10.0], [0.0, 0.0]]);
        let mut right: Vec<[f64; 2]> = vec![[20.0, 10.0]];
        right.extend(border.iter().rev().copied());
        right.extend([[20.0, 0.0], [20.0, 10.0]]);
        let geo = json!({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Left"}, "geometry": {"type": "Polygon", "coordinates": [left]}},
            {"type": "Feature", "properties": {"name": "Right"}, "geometry": {"type": "MultiPolygon", "coordinates": [[right]]}}
        ]});
        // TopoJSON: arc 0 is the border (bottom to top), arc 1 the left's outside (top back to
        // the bottom), arc 2 the right's.
        let topo = json!({"type": "Topology", "arcs": [
            border, [[10.0, 10.0], [0.0, 10.0], [0.0, 0.0], [10.0, 0.0]], [[10.0, 0.0], [20.0, 0.0], [20.0, 10.0], [10.0, 10.0]]
        ], "objects": {"districts": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Left"}},
            {"type": "Polygon", "arcs": [[2, -1]], "properties": {"name": "Right"}}
        ]}}});
        let districts = [district("left", "Left"), district("right", "Right")];
        for doc in [geo, topo] {
            let t = read_features(&doc, "name", "code", None).unwrap();
            assert_eq!(t.features.len(), 2);
            // The border is one arc both districts follow, in opposite directions.
            let (left, right) = (&t.features[0].polygons[0][0], &t.features[1].polygons[0][0]);
            let shared: Vec<usize> = left.iter().filter(|a| right.iter().any(|b| b.0 == a.0 && b.1 != a.1)).map(|a| a.0).collect();
            assert_eq!(shared.len(), 1, "{left:?} {right:?}");
            assert_eq!(t.arcs[shared[0]].len(), 21);
            let (file, report) = build(&t, &districts, &HashMap::new(), 400.0, 2.0);
            assert_eq!(report.matched.len(), 2);
            // The wobble (0.4 px) is under the tolerance: both sides keep the same straight
            // border, its two ends and nothing between.
            let [a, c] = shared_border_points(&file);
            assert_eq!(a, c);
            assert_eq!(a.len(), 2, "{a:?}");
            assert!(report.points_out < report.points_in);
            // Each label is inside its own district.
            for u in &file.units {
                let at = u.label.unwrap();
                let x = if u.unit == "left" { 0..200 } else { 200..400 };
                assert!(x.contains(&at[0]), "{}: {at:?}", u.unit);
            }
        }
    }

    #[test]
    fn broken_inputs_are_refused_with_a_reason_not_a_panic() {
        for (doc, says) in [
            (
                json!({"type": "Topology", "arcs": [[[0, 0], [1, 0]]], "objects": {"d": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[5]]}]}}}),
                "arc 5 does not exist",
            ),
            (json!({"type": "Topology", "arcs": [[[0], [1, 0]]], "objects": {"d": {"type": "GeometryCollection", "geometries": []}}}), "arcs[0]"),
            (
                json!({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}),
                "Point is not Polygon",
            ),
            (
                json!({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1], [0, 1], [0, 0]]]}}]}),
                "features[0]",
            ),
            (json!({"type": "Feature"}), "expected a GeoJSON FeatureCollection"),
            // The crate would index these without checking.
            (json!({"type": "Topology", "transform": {"scale": [1], "translate": [0, 0]}, "arcs": [], "objects": {}}), "transform.scale"),
            (
                json!({"type": "Topology", "arcs": [[[0, 0], [1, 0]]], "objects": {"d": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[4_294_967_296_i64]]}]}}}),
                "does not exist",
            ),
            (
                json!({"type": "Topology", "arcs": [[[0, 0], [1, 0]]], "objects": {"d": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[-2]]}]}}}),
                "does not exist",
            ),
        ] {
            let err = read_features(&doc, "name", "code", None).err().unwrap_or_default();
            assert!(err.contains(says), "{err}");
        }
        // A geometry of type null (an empty feature) is left out, not the whole file.
        let with_empty = json!({"type": "Topology", "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]], "objects": {"d": {"type": "GeometryCollection", "geometries": [
            {"type": null, "properties": {"name": "Nowhere"}},
            {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Somewhere"}}
        ]}}});
        let t = read_features(&with_empty, "name", "code", None).unwrap();
        assert_eq!(t.features.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["Somewhere"]);
    }

    #[test]
    fn a_flat_or_outerless_polygon_gets_no_label_point() {
        let flat = vec![[0, 0], [10, 0], [20, 0], [0, 0]];
        assert_eq!(label_point(&[vec![flat]]), None);
        assert_eq!(label_point(&[vec![]]), None);
    }
}
