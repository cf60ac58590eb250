//! The tooltip: what the pointer or keyboard focus is on (names, value, rank, change, as of).

use super::Hovered;
use crate::state::AppState;
use crate::views::DistrictLink;
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::map::{self};

/// What the pointer or keyboard focus is on: names, value, rank, change, as-of; Escape closes.
#[component]
pub(super) fn Tooltip(hovered: Hovered) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let (u, at) = hovered.get()?;
        let lang = state.lang.get();
        let m = state.measured.get()?;
        let t = state.with_ctx(lang, |ctx| map::tooltip(ctx, &m, u))?;
        let (left, top) = match at {
            Some((x, y)) => (format!("{}px", x + 14.0), format!("{}px", y + 14.0)),
            None => ("0.5rem".to_string(), "0.5rem".to_string()),
        };
        Some(view! {
            <div class="map-tooltip" role="status" style:left=left style:top=top>
                <button type="button" class="tooltip-close" aria-label=Msg::Close.text(lang) on:click=move |_| hovered.set(None)>"×"</button>
                <strong>{t.name}</strong>
                <span lang=t.other_lang>{format!(" · {}", t.other_name)}</span>
                <br/>{t.division}
                <br/>{t.value}
                {t.flag.map(|f| view! { <br/><em>{f}</em> })}
                {t.change.map(|c| view! { <br/>{c} })}
                {t.notes.into_iter().map(|n| view! { <br/><span class="tooltip-note"><span class="note-mark">{Msg::NoteMark.text(lang)}</span>" "{n}</span> }).collect_view()}
                <br/><small>{t.as_of}</small>
                <br/><DistrictLink slug=t.slug name=Msg::OpenProfile.text(lang).to_string()/>
            </div>
        })
    }
}
