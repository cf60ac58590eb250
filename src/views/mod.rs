//! One module per view, plus the controls they share (indicator and period pickers).

pub mod about;
pub mod charts;
pub mod district;
pub mod map;
pub mod rankings;

use crate::nav::{go, HistoryEntry};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::i18n::Msg;
use samiksha_core::manifest::Direction;
use samiksha_core::route::{Route, View, COMPOSITE};
use samiksha_core::Lang;

/// The route of a district's profile, keeping the other choices.
pub fn district_route(route: &Route, slug: &str) -> Route {
    Route { view: View::District, district: Some(slug.to_string()), ..route.clone() }
}

pub fn direction_text(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::HigherIsBetter => Msg::HigherIsBetter.text(lang),
        Direction::LowerIsBetter => Msg::LowerIsBetter.text(lang),
    }
}

/// Whether the indicator picker offers the composite index as its first choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CompositeChoice {
    #[default]
    Hidden,
    Offered,
}

/// The indicator picker (grouped by department, optionally with the composite index first)
/// and the period picker.
#[component]
pub fn Controls(#[prop(optional)] composite: CompositeChoice) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang();
        let sel = state.selection()?;
        let composite_selected = composite == CompositeChoice::Offered && state.route.with(|r| r.indicator.as_deref() == Some(COMPOSITE));
        let (groups, periods) = state.dataset.with(|d| {
            let d = d.as_ref()?;
            let groups: Vec<(String, Vec<(String, String, bool)>)> = d
                .manifest
                .departments
                .iter()
                .map(|dep| {
                    let items = d
                        .indicators()
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| i.department == dep.id)
                        .map(|(k, i)| (i.id.clone(), i.name.get(lang).to_string(), !composite_selected && k == sel.indicator))
                        .collect();
                    (dep.name.get(lang).to_string(), items)
                })
                .collect();
            let periods: Vec<(String, String, bool)> =
                d.periods().iter().enumerate().rev().map(|(k, p)| (p.id.clone(), p.label.get(lang).to_string(), k == sel.period)).collect();
            Some((groups, periods))
        })?;
        let on_indicator = move |ev: leptos::ev::Event| {
            let id = event_target_value(&ev);
            let next = state.route.with_untracked(|r| Route { indicator: Some(id), ..r.clone() });
            go(state.route, next, HistoryEntry::Push);
        };
        let on_period = move |ev: leptos::ev::Event| {
            let id = event_target_value(&ev);
            let next = state.route.with_untracked(|r| Route { period: Some(id), ..r.clone() });
            go(state.route, next, HistoryEntry::Push);
        };
        Some(view! {
            <div class="controls">
                <label>
                    <span>{Msg::Indicator.text(lang)}</span>
                    <select name="indicator" on:change=on_indicator>
                        {(composite == CompositeChoice::Offered).then(|| view! {
                            <option value=COMPOSITE selected=composite_selected>{Msg::CompositeIndex.text(lang)}</option>
                        })}
                        {groups.into_iter().map(|(dep, items)| view! {
                            <optgroup label=dep>
                                {items.into_iter().map(|(id, name, selected)| view! {
                                    <option value=id selected=selected>{name}</option>
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{Msg::Period.text(lang)}</span>
                    <select name="period" on:change=on_period>
                        {periods.into_iter().map(|(id, label, selected)| view! {
                            <option value=id selected=selected>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
        })
    }
}

/// A note while value files are still arriving.
#[component]
pub fn LoadingValues() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || (state.in_flight.get() > 0).then(|| view! { <p class="status" role="status">{Msg::Loading.text(state.lang())}</p> })
}
