//! The charts view. Charts are not built yet; the view says so plainly rather than showing
//! an empty frame, and points to the views that already carry every value.

use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::i18n::Msg;

#[component]
pub fn ChartsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="view charts-view" aria-labelledby="charts-h">
            <h2 id="charts-h">{move || Msg::NavCharts.text(state.lang())}</h2>
            <p>{move || Msg::ChartsComing.text(state.lang())}</p>
        </section>
    }
}
