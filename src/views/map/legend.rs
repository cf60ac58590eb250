//! The legend: each class with its range as shown and how many districts fall in it.

use leptos::prelude::*;
use samiksha_core::present::map::MapModel;
use std::sync::Arc;

/// Classes with their ranges as shown and how many districts fall in each, better first.
#[component]
pub(super) fn Legend(model: Memo<Option<Arc<MapModel>>>) -> impl IntoView {
    move || {
        let legend = model.with(|m| m.as_ref().and_then(|m| m.legend.clone()))?;
        Some(view! {
            <figcaption>
                <p class="legend-title">{legend.title}</p>
                <ul class="legend">
                    {legend.items.into_iter().map(|i| view! {
                        <li data-class=i.class.to_string()>
                            <span class="swatch" style:background=i.fill></span>
                            {i.text}
                        </li>
                    }).collect_view()}
                    <li data-class="none"><span class="swatch no-data"></span>{legend.no_data}</li>
                </ul>
                {legend.scale_note.map(|n| view! { <p class="legend-note">{n}</p> })}
            </figcaption>
        })
    }
}
