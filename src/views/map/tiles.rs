//! The square map: one square per district in the layout of `analysis::tiles`, each a link to the
//! profile. The squares are the core's markup (`present::map::tiles_markup`), parsed once per
//! language with the faces and addresses of that moment; the app places them and colours them
//! (the CSSOM's part), and three effects then write what changes, each only where it changed:
//! every square's face (`present::map::TileFace`: colours, rank, sentence, accessible name,
//! pace), the square the finder found, and every square's address. One listener on the grid
//! answers a click.
//!
//! Why not one reactive element per square: at all-India scale (785 districts) the view built
//! nine bindings per square, about 7,000 effects, and building them took 0.8–1.2 s of the start
//! at 4× CPU; the markup is one parse, and a recolour walks the squares once.

use super::{activate, Drawing};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::analysis::tiles::{grid_size, keyboard_order, unit_layout};
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map::{self, MapModel, Square, TileFace};
use samiksha_core::route::profile_href;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The square map: every district one square, placed near its real position. Built once per
/// language; colours, ranks and names follow the model.
#[component]
pub(super) fn Tiles(drawing: Drawing, lang: samiksha_core::Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Drawing { model, found, hovered, pointer } = drawing;
    let Some((layout, slugs, names)) = state.with_ctx(lang, |ctx| {
        let units = 0..ctx.ds.units().len();
        (unit_layout(&ctx.ds.manifest, 11), units.clone().map(|u| ctx.slug(u)).collect::<Vec<_>>(), units.map(|u| ctx.name(u)).collect::<Vec<_>>())
    }) else {
        return ().into_any();
    };
    let (cols, _) = grid_size(&layout);
    let order = keyboard_order(&layout);
    let face_names = names.clone();
    let faces_of = move |m: &Option<Arc<MapModel>>| -> Vec<TileFace> {
        face_names.iter().enumerate().map(|(u, name)| TileFace::of(name, m.as_ref().and_then(|m| m.units.get(u)))).collect()
    };
    let faces = model.with_untracked(&faces_of);
    let links = state.profile_links.get_untracked();
    let hrefs: Vec<String> = slugs.iter().map(|slug| profile_href(&links, slug)).collect();
    let markup = map::tiles_markup(order.iter().map(|&u| Square { slug: &slugs[u], name: &names[u], href: &hrefs[u], face: &faces[u] }));
    // What the markup shows: each face but its colours, which only the CSSOM can set.
    let mut markup_shows = Some(faces.into_iter().map(|f| TileFace { colours: None, ..f }).collect::<Vec<_>>());
    let grid: NodeRef<leptos::html::Div> = NodeRef::new();
    // The squares by district, read from the grid once it is in the page (and placed then):
    // `None` until then, empty when the grid did not hold the markup's squares.
    let squares = StoredValue::new_local(None::<Vec<HtmlElement>>);
    let place_slugs = slugs.clone();
    let drawn = std::rc::Rc::new(move || -> bool {
        let Some(grid) = grid.get() else { return false };
        if squares.with_value(Option::is_none) {
            squares.set_value(Some(placed(&grid, &order, &place_slugs, &layout)));
        }
        squares.with_value(|s| s.as_ref().is_some_and(|s| !s.is_empty()))
    });
    let squares = move |f: &mut dyn FnMut(&[HtmlElement])| squares.with_value(|s| f(s.as_deref().unwrap_or_default()));
    let (drawn_found, drawn_links) = (drawn.clone(), drawn.clone());
    Effect::new(move |shown: Option<Vec<TileFace>>| {
        let shown = shown.or_else(|| markup_shows.take()).unwrap_or_default();
        let faces = model.with(&faces_of);
        if !drawn() {
            return shown;
        }
        squares(&mut |els| {
            for (u, (el, face)) in els.iter().zip(&faces).enumerate() {
                draw(el, face, shown.get(u));
            }
        });
        faces
    });
    Effect::new(move |was: Option<Option<usize>>| {
        let now = found.get();
        if drawn_found() {
            squares(&mut |els| {
                for (u, on) in [(was.flatten(), false), (now, true)] {
                    if let Some(el) = u.and_then(|u| els.get(u)) {
                        let _ = el.class_list().toggle_with_force("found", on);
                    }
                }
            });
        }
        now
    });
    let link_slugs = slugs.clone();
    let mut markup_links = Some(links);
    Effect::new(move |written: Option<String>| {
        let written = written.or_else(|| markup_links.take()).unwrap_or_default();
        let links = state.profile_links.get();
        if links == written || !drawn_links() {
            return written;
        }
        squares(&mut |els| {
            for (el, slug) in els.iter().zip(&link_slugs) {
                let _ = el.set_attribute("href", &profile_href(&links, slug));
            }
        });
        links
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        let Some(slug) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a.tile[data-district]").ok().flatten())
            .and_then(|a| a.get_attribute("data-district"))
        else {
            return;
        };
        let Some(u) = slugs.iter().position(|s| *s == slug) else { return };
        ev.prevent_default();
        activate(state, pointer, hovered, u, &slug, &ev);
    };
    let aria = move || model.with(|m| m.as_ref().map(|m| m.aria.clone()));
    view! {
        // Columns share the width (at most 4.75rem each), so the whole map fits a phone; a
        // name is shown only where it fits its square at a readable size (see the stylesheet).
        <div class="tile-grid" role="group" aria-label=aria node_ref=grid inner_html=markup on:click=on_click
             style:grid-template-columns=format!("repeat({cols},minmax(0,4.75rem))")></div>
        <p class="meta tile-note">{Msg::MapTileNote.text(lang)}</p>
    }
    .into_any()
}

/// The grid's squares indexed by district (the markup holds them in keyboard order, first), each
/// put in its cell. Through the CSSOM, which a strict CSP allows; a `style` attribute would be
/// blocked. A grid that does not begin with the markup's squares, each its district's (which
/// only another script changing the page could cause), is left as it is and said in the
/// console: the squares' faces are then never written, rather than written on the wrong ones.
fn placed(grid: &web_sys::HtmlDivElement, order: &[usize], slugs: &[String], layout: &[(i32, i32)]) -> Vec<HtmlElement> {
    let nodes = grid.child_nodes();
    let found: Option<Vec<HtmlElement>> = order
        .iter()
        .enumerate()
        .map(|(i, &u)| nodes.item(i as u32)?.dyn_into::<HtmlElement>().ok().filter(|el| el.get_attribute("data-district").as_ref() == Some(&slugs[u])))
        .collect();
    let Some(found) = found else {
        leptos::logging::error!("Samiksha: the square map does not hold one square per district; its colours are not drawn");
        return Vec::new();
    };
    let mut by_unit: Vec<Option<HtmlElement>> = vec![None; layout.len()];
    for (el, &u) in found.into_iter().zip(order) {
        let style = el.style();
        let _ = style.set_property("grid-column", &(layout[u].0 + 1).to_string());
        let _ = style.set_property("grid-row", &(layout[u].1 + 1).to_string());
        by_unit[u] = Some(el);
    }
    by_unit.into_iter().collect::<Option<Vec<_>>>().unwrap_or_default()
}

/// Writes the parts of a square's face that differ from what it shows (`shown`; everything
/// when it has shown nothing yet).
fn draw(el: &HtmlElement, face: &TileFace, shown: Option<&TileFace>) {
    if shown.is_none_or(|s| s.colours != face.colours) {
        let style = el.style();
        match face.colours {
            Some((fill, ink)) => {
                let _ = style.set_property("background", fill);
                let _ = style.set_property("color", ink);
            }
            None => {
                let _ = style.remove_property("background");
                let _ = style.remove_property("color");
            }
        }
        let _ = el.class_list().toggle_with_force("no-data", face.colours.is_none());
    }
    if shown.is_none_or(|s| s.rank != face.rank) {
        if let Some(rank) = el.last_element_child() {
            rank.set_text_content(Some(&face.rank));
            let _ = rank.set_attribute("class", &face.rank_classes());
        }
    }
    let was = shown.map(TileFace::attributes);
    for (k, (attribute, value)) in face.attributes().into_iter().enumerate() {
        if was.is_some_and(|w| w[k].1 == value) {
            continue;
        }
        let _ = match value {
            Some(value) => el.set_attribute(attribute, value),
            None => el.remove_attribute(attribute),
        };
    }
}
