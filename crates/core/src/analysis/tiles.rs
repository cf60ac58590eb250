//! A tile-grid layout: every district one equal square, placed near its real position.
//!
//! Districts are taken from the most constrained (the outermost) inwards and each goes to the
//! free cell nearest its scaled position, so the layout keeps the state's rough shape and no two
//! tiles overlap. The result depends only on the inputs, never on iteration order of a map.

/// A position to place: latitude and longitude in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

/// Places `points` on a grid of about `cols` columns; returns (col, row) per point, row 0 at the
/// top (north). Points without a position should be given their division's mean by the caller.
pub fn layout(points: &[Point], cols: usize) -> Vec<(i32, i32)> {
    if points.is_empty() {
        return Vec::new();
    }
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in points {
        lat0 = lat0.min(p.lat);
        lat1 = lat1.max(p.lat);
        lon0 = lon0.min(p.lon);
        lon1 = lon1.max(p.lon);
    }
    let cols = cols.max(1) as f64;
    // One cell is as tall as it is wide in degrees scaled by the latitude's cosine, so the grid
    // is not stretched east–west.
    let mid = ((lat0 + lat1) / 2.0).to_radians().cos().max(0.1);
    let cell = ((lon1 - lon0) * mid / (cols - 1.0).max(1.0)).max(1e-9);
    let target: Vec<(f64, f64)> = points.iter().map(|p| ((p.lon - lon0) * mid / cell, (lat1 - p.lat) / cell)).collect();
    let cx = target.iter().map(|t| t.0).sum::<f64>() / target.len() as f64;
    let cy = target.iter().map(|t| t.1).sum::<f64>() / target.len() as f64;
    let mut order: Vec<usize> = (0..points.len()).collect();
    crate::format::order::sort_by(&mut order, |&a, &b| {
        let da = (target[a].0 - cx).powi(2) + (target[a].1 - cy).powi(2);
        let db = (target[b].0 - cx).powi(2) + (target[b].1 - cy).powi(2);
        db.total_cmp(&da).then(a.cmp(&b))
    });
    let mut taken = std::collections::HashSet::new();
    let mut out = vec![(0, 0); points.len()];
    for i in order {
        let (tx, ty) = target[i];
        let (bx, by) = (tx.round() as i32, ty.round() as i32);
        let mut best: Option<((i32, i32), f64)> = None;
        let mut radius: i32 = 0;
        while best.is_none() || radius <= 2 {
            for dx in -radius..=radius {
                for dy in -radius..=radius {
                    if dx.abs().max(dy.abs()) != radius {
                        continue;
                    }
                    let c = (bx + dx, by + dy);
                    if taken.contains(&c) {
                        continue;
                    }
                    let d = (c.0 as f64 - tx).powi(2) + (c.1 as f64 - ty).powi(2);
                    if best.is_none_or(|(bc, bd)| d < bd || (d == bd && c < bc)) {
                        best = Some((c, d));
                    }
                }
            }
            radius += 1;
        }
        let (c, _) = best.unwrap_or(((bx, by), 0.0));
        taken.insert(c);
        out[i] = c;
    }
    // Shift so the smallest column and row are zero.
    let min_c = out.iter().map(|c| c.0).min().unwrap_or(0);
    let min_r = out.iter().map(|c| c.1).min().unwrap_or(0);
    out.iter().map(|&(c, r)| (c - min_c, r - min_r)).collect()
}

/// The columns and rows a square map's layout spans.
pub fn grid_size(layout: &[(i32, i32)]) -> (i32, i32) {
    (layout.iter().map(|c| c.0).max().unwrap_or(0) + 1, layout.iter().map(|c| c.1).max().unwrap_or(0) + 1)
}

/// The order keyboard focus visits the squares (district indices): row by row, left to right.
pub fn keyboard_order(layout: &[(i32, i32)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..layout.len()).collect();
    crate::format::order::sort_by_key(&mut order, |&u| (layout[u].1, layout[u].0));
    order
}

/// The tile position of every unit of a manifest: the publisher's layout where it gives one,
/// otherwise computed from positions; a unit without a position takes its division's mean.
pub fn unit_layout(m: &crate::format::manifest::Manifest, cols: usize) -> Vec<(i32, i32)> {
    if !m.tile_layout.is_empty() && m.units.iter().all(|u| m.tile_layout.iter().any(|t| t.unit == u.slug)) {
        return m.units.iter().map(|u| m.tile_layout.iter().find(|t| t.unit == u.slug).map(|t| (t.col, t.row)).unwrap_or((0, 0))).collect();
    }
    let mean_of = |division: Option<&str>| {
        let pts: Vec<Point> =
            m.units.iter().filter(|u| division.is_none_or(|d| u.division == d)).filter_map(|u| Some(Point { lat: u.lat?, lon: u.lon? })).collect();
        (!pts.is_empty())
            .then(|| Point { lat: pts.iter().map(|p| p.lat).sum::<f64>() / pts.len() as f64, lon: pts.iter().map(|p| p.lon).sum::<f64>() / pts.len() as f64 })
    };
    let points: Vec<Point> = m
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| match (u.lat, u.lon) {
            (Some(lat), Some(lon)) => Point { lat, lon },
            // Without any position, spread units along a line in list order.
            _ => mean_of(Some(&u.division)).or_else(|| mean_of(None)).unwrap_or(Point { lat: 0.0, lon: i as f64 }),
        })
        .collect();
    layout(&points, cols)
}
