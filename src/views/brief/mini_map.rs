//! A slide's small map: the top and bottom three marked on the geographic map or the squares.

use leptos::prelude::*;
use samiksha_core::format::geo::GeoMap;
use samiksha_core::present::brief::End;
use std::sync::Arc;

/// The small map of a slide: every district in grey, the top three and bottom three filled and
/// marked with ▲ or ▼, so the ends read without colour. The map is drawn a few hundred pixels
/// wide, where a rank beside the mark would be too small to read; the cards beside it give them.
pub(super) fn mini_map(geo: Option<Arc<GeoMap>>, layout: &[(i32, i32)], highlight: &[(usize, End)], label: String) -> impl IntoView {
    let end_of = |u: usize| highlight.iter().find(|h| h.0 == u).map(|h| h.1);
    let class = |u: usize| match end_of(u) {
        Some(End::Top) => "mm-top",
        Some(End::Bottom) => "mm-bottom",
        None => "mm-other",
    };
    let marks: Vec<(f64, f64, &str)>;
    let font_size: f64;
    let (view_box, body) = match geo {
        Some(g) => {
            let paths = g.shapes.iter().map(|s| view! { <path d=s.path.clone() class=class(s.unit) fill-rule="evenodd"/> }).collect_view();
            marks = highlight
                .iter()
                .filter_map(|(u, end)| {
                    let at = g.mark_point(*u)?;
                    let arrow = if *end == End::Top { "▲" } else { "▼" };
                    Some((at.0, at.1, arrow))
                })
                .collect();
            // About 13 px where the map is drawn 240 px wide (a slide beside its cards).
            font_size = g.width.max(g.height) / 18.0;
            (g.whole_view_box(), paths.into_any())
        }
        None => {
            let size = 24.0;
            let (cols, rows) = samiksha_core::analysis::tiles::grid_size(layout);
            let rects = layout
                .iter()
                .enumerate()
                .map(|(u, (c, r))| view! { <rect x=*c as f64 * size y=*r as f64 * size width=size - 2.0 height=size - 2.0 class=class(u)/> })
                .collect_view();
            marks = highlight
                .iter()
                .filter_map(|(u, end)| {
                    let (c, r) = layout.get(*u)?;
                    let arrow = if *end == End::Top { "▲" } else { "▼" };
                    Some((*c as f64 * size + size / 2.0 - 1.0, *r as f64 * size + size / 2.0, arrow))
                })
                .collect();
            font_size = 16.0;
            (format!("0 0 {} {}", cols as f64 * size, rows as f64 * size), rects.into_any())
        }
    };
    view! {
        <figure class="mini-map">
            <svg viewBox=view_box role="img" aria-label=label.clone() preserveAspectRatio="xMidYMid meet">
                <g>{body}</g>
                <g class="mm-marks" aria-hidden="true" font-size=font_size>
                    {marks.into_iter().map(|(x, y, t)| view! { <text x=x y=y text-anchor="middle" dominant-baseline="middle">{t}</text> }).collect_view()}
                </g>
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}
