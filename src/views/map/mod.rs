//! The map view lays out `present::map`: the same colouring drawn as a geographic map (from
//! the dataset's boundary file) or as equal squares, a legend that counts districts per class,
//! the classification, zoom to a division, a district finder, a tooltip and a table of values.
//! This file holds the view and what its parts share (what is hovered, how a tap opens a
//! profile); `tools` the map's controls, `shapes` the geographic map, `tiles` the squares,
//! `tooltip`, `legend` and `table` the rest.
//!
//! Geometry is built by [`GeoShapes`] once per boundary file and language, and by [`Tiles`]
//! once per language (the boundary file arriving while the squares are shown rebuilds
//! nothing); a new subject, period or classification changes only fills, labels and names:
//! on the shapes through closures that read each district's own memo of the model
//! ([`district_memos`]), on the squares through one effect that writes what changed in each
//! square's face (`present::map::TileFace`). A map that opens on the squares asks for the
//! boundary file only once the first view is shown.

mod legend;
mod shapes;
mod table;
mod tiles;
mod tools;
mod tooltip;

use legend::Legend;
use shapes::GeoShapes;
use table::ValuesTable;
use tiles::Tiles;
use tools::MapTools;
use tooltip::Tooltip;

use super::{district_route, Controls, LoadingValues};
use crate::state::{AppState, FirstView, GeoLoad};
use leptos::prelude::*;
use samiksha_core::format::geo::GeoMap;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map::{self, MapModel, Pointer, PressAnswer};
use samiksha_core::route::MapKind;
use std::sync::Arc;

/// What the pointer or keyboard focus is on: the district, and where the pointer is (or `None`
/// for a finger's tap, keyboard focus or the finder, which place the tooltip beside the
/// district: `present::map::pin_beside`).
pub(super) type Hovered = RwSignal<Option<(usize, Option<(f64, f64)>)>>;

/// Opens a district's profile, reading the route when clicked so other choices are kept.
pub(super) fn open(state: AppState, slug: &str) {
    let next = district_route(state, slug);
    crate::nav::go(state.route, next, crate::nav::HistoryEntry::Push);
}

/// What either drawing of the map (shapes or squares) shares with the view: the model it
/// colours from, the district the finder found, what is hovered and how the map was pressed.
#[derive(Clone, Copy)]
pub(super) struct Drawing {
    pub model: Memo<Option<Arc<MapModel>>>,
    pub found: RwSignal<Option<usize>>,
    pub hovered: Hovered,
    pub pointer: StoredValue<Pointer>,
}

/// Each district's part of the model, as a memo of its own, indexed by unit (the shapes'). A
/// shape's attributes read their district's memo, not the model: the model then has one
/// subscriber per district instead of one per attribute (about nine). This matters because the
/// reactive graph removes an effect from a source's subscribers in time linear in their number
/// (an `IndexSet` shifted on removal), and every re-run of an effect removes and adds it again:
/// with 785 districts, 7,000 subscribers made each recolour quadratic (0.9 s of the all-India
/// start-up at 4× CPU went to `shift_remove` alone). A district whose part did not change also
/// leaves its attributes untouched.
pub(super) fn district_memos(model: Memo<Option<Arc<MapModel>>>, units: usize) -> Vec<Memo<Option<map::UnitMap>>> {
    (0..units).map(|u| Memo::new(move |_| model.with(|m| m.as_ref().and_then(|m| m.units.get(u).cloned())))).collect()
}

/// A click or tap on a district: the tooltip or the profile, by the one rule the pre-rendered
/// map follows too (`present::map::Pointer`), the click read as the press it says it is.
pub(super) fn activate(state: AppState, pointer: StoredValue<Pointer>, hovered: Hovered, unit: usize, slug: &str, click: &leptos::ev::MouseEvent) {
    let showing = hovered.with_untracked(|h| h.map(|x| x.0));
    let said = crate::first_tap::pointer_type(click);
    let (answer, next) = pointer.get_value().clicked(said.as_deref()).activate(showing, unit);
    pointer.set_value(next);
    match answer {
        PressAnswer::ShowTooltip => hovered.set(Some((unit, None))),
        PressAnswer::OpenProfile => open(state, slug),
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let classes = Memo::new(move |_| state.route.with(|r| r.classes));
    let wanted = Memo::new(move |_| state.map_wanted());
    // Asked again after a lost connection returns. A map that opens on the squares (a phone's)
    // asks for the boundary file once it is shown: the file would share the line with what
    // the squares wait for, and reading it the processor.
    Effect::new(move |_| {
        state.retry.track();
        wanted.track();
        // A dataset without a boundary file is said so at once (no fetch to defer), so the
        // note is there when the view first shows, not added above the map after it.
        let deferred = state.first_view.get() == FirstView::Pending && !state.geographic_map_first() && state.publishes_boundaries();
        if !deferred {
            state.ensure_geo();
        }
    });
    let scale = Memo::new(move |_| state.route.with(|r| r.scale));
    // Classes over every period need every period's values (a link, a bookmark, the button);
    // pace to target needs the periods its pace is measured over.
    let tracking = Memo::new(move |_| classes.get() == Some(samiksha_core::analysis::classify::Method::Track));
    Effect::new(move |_| {
        state.retry.track();
        if scale.get() == samiksha_core::route::Scale::AllPeriods {
            state.ensure_all_periods();
        }
        if let (true, Some(sel)) = (tracking.get(), state.selection.get()) {
            state.ensure_periods(samiksha_core::analysis::track::periods_needed(sel.period));
        }
    });
    let model: Memo<Option<Arc<MapModel>>> = Memo::new(move |_| {
        let m = state.measured.get()?;
        let lang = state.lang.get();
        let method = classes.get();
        let scale = scale.get();
        // Classes over every period, and paces, change as periods arrive.
        if scale == samiksha_core::route::Scale::AllPeriods || tracking.get() {
            state.arrived.track();
        }
        state.with_ctx(lang, |ctx| Arc::new(map::model(ctx, &m, method, scale)))
    });
    let geo: Memo<Option<Arc<GeoMap>>> = Memo::new(move |_| match state.geo.get() {
        GeoLoad::Ready(g) => Some(g),
        _ => None,
    });
    let kind = Memo::new(move |_| if geo.with(|g| g.is_some()) { wanted.get() } else { MapKind::Tiles });
    // The boundary file as the drawing uses it: none while the squares are shown, so the
    // file's arrival (after the first view, on a phone) does not rebuild every square.
    let drawn_geo = Memo::new(move |_| if kind.get() == MapKind::Geographic { geo.get() } else { None });
    let found = RwSignal::new(None::<usize>);
    let hovered: Hovered = RwSignal::new(None);
    let pointer = StoredValue::new(Pointer::Other);
    // A tooltip the pre-rendered map showed stays open when the app takes the copy's place
    // (looked up by slug in the dataset the app read), and a finger's tap that opened it still
    // counts: the next tap on that district opens the profile, as it would have on the copy.
    Effect::new(move |_| {
        if state.first_view.get() == FirstView::Shown {
            let Some(handed) = crate::first_tap::take_handed() else { return };
            let unit = state.dataset.with_untracked(|d| d.as_ref()?.unit_index(&handed.slug));
            if let Some(u) = unit {
                hovered.set(Some((u, None)));
                if handed.tapped {
                    pointer.set_value(Pointer::Touch { tapped: Some(u) });
                }
            }
        }
    });
    let drawing = Drawing { model, found, hovered, pointer };

    let heading = move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        state.with_ctx(lang, |ctx| ctx.heading(sel.subject, sel.period))
    };
    let direction = move || model.with(|m| m.as_ref().map(|m| m.direction));

    view! {
        <section class="view map-view" aria-labelledby="map-h">
            // While the app is built hidden beside the copy, the pickers and the heading are
            // built in the task that mounts the view, and each part below in a task of its own
            // (the first part reads the map's model, the view's largest computation).
            <Controls/>
            <h2 id="map-h">{heading}</h2>
            <crate::views::BuiltApart>
                <p class="meta">{direction}</p>
                <crate::views::DataNotes/>
                <crate::views::WhatChanged/>
                {move || state.selection.with(|s| s.is_some_and(|s| s.subject == samiksha_core::present::Subject::Composite)).then(|| view! { <crate::views::CompositeMethodLink/> })}
                {move || {
                    let lang = state.lang.get();
                    match state.geo.get() {
                        GeoLoad::NotPublished => Some(view! { <p class="note" role="note">{Msg::NoBoundaryFile.text(lang)}</p> }),
                        GeoLoad::Failed => Some(view! { <p class="note" role="note">{Msg::BoundaryFailed.text(lang)}</p> }),
                        _ => None,
                    }
                }}
                {move || model.with(|m| m.is_none()).then(|| view! { <LoadingValues/> })}
            </crate::views::BuiltApart>
            <crate::views::BuiltApart>
                <figure class="map-figure" id="map" tabindex="-1" on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { hovered.set(None) }
                    on:pointerdown=move |ev: leptos::ev::PointerEvent| pointer.update_value(|p| *p = p.pressed(&ev.pointer_type()))>
                    // Rebuilt only when the drawing, the boundary file or the language changes.
                    {move || {
                        let lang = state.lang.get();
                        match drawn_geo.get() {
                            Some(g) => view! { <GeoShapes geo=g drawing=drawing lang=lang/> }.into_any(),
                            None => view! { <Tiles drawing=drawing lang=lang/> }.into_any(),
                        }
                    }}
                    <Tooltip hovered=hovered/>
                    <Legend model=model/>
                </figure>
            </crate::views::BuiltApart>
            <crate::views::BuiltApart>
                <crate::controls::time::TimeControl colours=crate::controls::time::Colours::Offered/>
                <MapTools model=model kind=kind found=found hovered=hovered/>
            </crate::views::BuiltApart>
            <crate::views::BuiltApart>
                <ValuesTable model=model/>
            </crate::views::BuiltApart>
        </section>
    }
}
