//! The map's tools: geographic or squares, the classification, the district finder, zoom to a
//! division.

use super::Hovered;
use crate::state::{AppState, GeoLoad};
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map::{self, MapModel};
use samiksha_core::route::MapKind;
use std::sync::Arc;

#[component]
pub(super) fn MapTools(model: Memo<Option<Arc<MapModel>>>, kind: Memo<MapKind>, found: RwSignal<Option<usize>>, hovered: Hovered) -> impl IntoView {
    let state = expect_context::<AppState>();
    let zoom = Memo::new(move |_| state.route.with(|r| r.zoom.clone()));
    // The geographic map's button is offered unless there is no usable boundary file; pressed
    // before the file is read, it asks for it, and the map follows when it is in.
    let geo_unusable = move || matches!(state.geo.get(), GeoLoad::NotPublished | GeoLoad::Failed);
    // The methods on offer and the one in use: the tools rebuild only when these change, not
    // on every new subject or period.
    let offered = Memo::new(move |_| {
        let methods = state.measured.with(|m| m.as_ref().map(|m| map::methods(m))).unwrap_or_default();
        (methods, model.with(|x| x.as_ref().map(|x| x.method)))
    });
    move || {
        let lang = state.lang.get();
        let (methods, current) = offered.get();
        let (names, divisions) = state.with_ctx(lang, |ctx| {
            let names: Vec<String> = (0..ctx.ds.units().len()).map(|u| ctx.name(u)).collect();
            let divisions: Vec<(String, String)> = ctx.ds.manifest.divisions.iter().map(|x| (x.id.clone(), x.name.get(lang).to_string())).collect();
            (names, divisions)
        })?;
        let method_options =
            state.with_ctx(lang, |ctx| methods.iter().map(|k| (k.word(), map::method_label(ctx, *k), Some(*k) == current)).collect::<Vec<_>>())?;
        // The finder takes any part of a name, in either language, or the slug.
        let on_find = move |ev: leptos::ev::Event| {
            let hit = state.with_ctx(lang, |ctx| samiksha_core::present::district::find(ctx, &event_target_value(&ev))).flatten();
            found.set(hit);
            if let Some(u) = hit {
                hovered.set(Some((u, None)));
                let division = state.dataset.with_untracked(|d| d.as_ref().map(|d| d.units()[u].division.clone()));
                if matches!(state.geo.get_untracked(), GeoLoad::Ready(_)) {
                    state.refine(|r| r.zoom = division);
                }
            }
        };
        Some(view! {
            <div class="map-tools">
                <fieldset class="segmented">
                    <legend>{Msg::MapKindLabel.text(lang)}</legend>
                    {[(MapKind::Geographic, Msg::GeographicMap), (MapKind::Tiles, Msg::TileMap)].into_iter().map(|(k, msg)| view! {
                        <button type="button" aria-pressed=move || (kind.get() == k).to_string() disabled=move || k == MapKind::Geographic && geo_unusable()
                            on:click=move |_| state.navigate(|r| r.map = Some(k))>{msg.text(lang)}</button>
                    }).collect_view()}
                </fieldset>
                <label>
                    <span>{Msg::ClassMethod.text(lang)}</span>
                    <select name="method" on:change=move |ev| { let w = event_target_value(&ev); state.navigate(|r| r.classes = samiksha_core::analysis::classify::Method::from_word(&w)) }>
                        {method_options.into_iter().map(|(word, label, selected)| view! { <option value=word selected=selected>{label}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{Msg::FindDistrict.text(lang)}</span>
                    <input type="search" name="find" list="district-names" on:change=on_find autocomplete="off"/>
                    <datalist id="district-names" inner_html=samiksha_core::present::markup::datalist_options(names.iter().map(String::as_str))></datalist>
                </label>
                {move || (kind.get() == MapKind::Geographic).then(|| {
                    let divisions = divisions.clone();
                    view! {
                        <div class="zoom" role="group" aria-label=Msg::Zoom.text(lang)>
                            <span class="zoom-label">{Msg::Zoom.text(lang)}</span>
                            <button type="button" aria-pressed=move || zoom.get().is_none().to_string() on:click=move |_| state.navigate(|r| r.zoom = None)>{Msg::WholeState.text(lang)}</button>
                            {divisions.into_iter().map(|(id, name)| {
                                let pressed = id.clone();
                                view! {
                                    <button type="button" aria-pressed=move || (zoom.get().as_deref() == Some(pressed.as_str())).to_string()
                                        on:click=move |_| { let id = id.clone(); state.navigate(|r| r.zoom = Some(id)) }>{name}</button>
                                }
                            }).collect_view()}
                        </div>
                    }
                })}
            </div>
        })
    }
}
