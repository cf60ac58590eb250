//! The square map: one square per district in the layout of `analysis::tiles`, each a link to the
//! profile.

use super::{activate, Drawing};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::analysis::tiles::{grid_size, keyboard_order, unit_layout};
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map;

/// The square map: every district one square, placed near its real position. Built once per
/// language; colours, ranks and names follow the model.
#[component]
pub(super) fn Tiles(drawing: Drawing, lang: samiksha_core::Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Drawing { model, found, hovered, pointer } = drawing;
    let Some((layout, units)) =
        state.with_ctx(lang, |ctx| (unit_layout(&ctx.ds.manifest, 11), (0..ctx.ds.units().len()).map(|u| (ctx.slug(u), ctx.name(u))).collect::<Vec<_>>()))
    else {
        return ().into_any();
    };
    let (cols, _) = grid_size(&layout);
    let districts = super::district_memos(model, units.len());
    let tiles = keyboard_order(&layout)
        .into_iter()
        .map(|u| {
            let (slug, name) = units[u].clone();
            let label_name = name.clone();
            let name_class = format!("tile-name {}", map::tile_name_class(&name));
            // Set through the CSSOM (`style:` below), which a strict CSP allows; a `style`
            // attribute would be blocked.
            let (column, row) = ((layout[u].0 + 1).to_string(), (layout[u].1 + 1).to_string());
            let district = districts[u];
            let colours = move || district.with(|d| d.as_ref().and_then(|d| d.colours));
            let has_value = move || district.with(|d| d.as_ref().is_some_and(|d| d.colours.is_some()));
            let rank = move || district.with(|d| d.as_ref().map(|d| d.rank_mark.clone())).unwrap_or_default();
            let sentence = move || district.with(|d| d.as_ref().map(|d| d.sentence.clone())).unwrap_or_default();
            let track = move || district.with(|d| d.as_ref().and_then(|d| d.track).map(|t| t.word()));
            let href_slug = slug.clone();
            let click_slug = slug.clone();
            view! {
                <a class="tile" class:no-data=move || !has_value() class:found=move || found.get() == Some(u) data-district=slug data-track=track
                   href=move || state.profile_links.with(|l| samiksha_core::route::profile_href(l, &href_slug))
                   on:click=move |ev: leptos::ev::MouseEvent| {
                       if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 { return; }
                       ev.prevent_default();
                       activate(state, pointer, hovered, u, &click_slug, &ev);
                   }
                   style:grid-column=column style:grid-row=row
                   style:background=move || colours().map(|c| c.0) style:color=move || colours().map(|c| c.1)
                   title=sentence aria-label=move || format!("{label_name} {} — {}", rank(), sentence())>
                    // The accessible name starts with what the square shows (name and rank), so
                    // a voice user can say what they see; the whole sentence follows. It is an
                    // attribute, not hidden text: 785 hidden spans, each placed against a far
                    // ancestor, took 45 % of laying out the all-India squares (measured in a
                    // trace at 4× CPU).
                    <span class=name_class>{name}</span>
                    " "
                    <span class="tile-rank">{rank}</span>
                </a>
            }
        })
        .collect_view();
    let aria = move || model.with(|m| m.as_ref().map(|m| m.aria.clone()));
    view! {
        // Columns share the width (at most 4.75rem each), so the whole map fits a phone; a
        // name is shown only where it fits its square at a readable size (see the stylesheet).
        <div class="tile-grid" role="group" aria-label=aria style:grid-template-columns=format!("repeat({cols},minmax(0,4.75rem))")>{tiles}</div>
        <p class="meta tile-note">{Msg::MapTileNote.text(lang)}</p>
    }
    .into_any()
}
