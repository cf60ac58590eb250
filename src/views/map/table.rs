//! The table of values, one control away from the map, and its CSV.

use crate::state::AppState;
use crate::views::DistrictLink;
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map::{self, MapModel};
use std::sync::Arc;

/// The same values as a table, one control away from the map.
#[component]
pub(super) fn ValuesTable(model: Memo<Option<Arc<MapModel>>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The rows are built only while the table is open: at all-India scale a closed table would
    // otherwise rebuild 785 rows on every recolour. The disclosure itself stays put, so it stays
    // open across a new subject or period.
    let open = RwSignal::new(false);
    let shown = Memo::new(move |_| model.with(|m| m.is_some()));
    move || {
        shown.get().then(|| {
            let lang = state.lang.get();
            view! {
                <details class="values-table" on:toggle=move |ev| {
                    use wasm_bindgen::JsCast;
                    let opened = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                    open.set(opened);
                }>
                    <summary>{Msg::TableOfValues.text(lang)}</summary>
                    {move || {
                        if !open.get() {
                            return None;
                        }
                        let m = model.get()?;
                        Some(view! {
                            <div class="table-wrap"><table>
                                <thead><tr><th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{state.with_ctx(lang, |ctx| ctx.unit_word()).unwrap_or_default()}</th><th scope="col">{Msg::Value.text(lang)}</th></tr></thead>
                                <tbody>{m.values.iter().map(|r| view! {
                                    <tr data-district=r.slug.clone()>
                                        <td class="num">{r.rank_mark.clone()}</td>
                                        <th scope="row"><DistrictLink slug=r.slug.clone() name=r.name.clone()/></th>
                                        <td class="num">{r.value_text.clone()}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table></div>
                        })
                    }}
                    {crate::views::csv_button(move || {
                        let measured = state.measured.get_untracked()?;
                        let model = model.get_untracked()?;
                        state.with_ctx(lang, |ctx| map::csv(ctx, &measured, &model))
                    })}
                </details>
            }
        })
    }
}
