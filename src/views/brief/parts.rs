//! What a slide and a page of the printed pack both show: a district's card, one end of a
//! ranking, the dataset's headline figures and "what changed".

use leptos::prelude::*;
use samiksha_core::present::brief::{self, End, EndModel, Entry};

pub(super) fn entry_view(e: &Entry) -> impl IntoView {
    view! {
        <li class="entry" data-district=e.slug.clone() data-rank=e.rank.to_string()>
            <span class="entry-rank" aria-hidden="true">{e.rank_mark.clone()}</span>
            <span class="entry-text">
                <span class="entry-name"><bdi>{e.name.clone()}</bdi></span>
                <span class="entry-value">{e.value_text.clone()}" · "{e.rank_text.clone()}</span>
                <span class="entry-change">{e.change_text.clone()}</span>
            </span>
        </li>
    }
}

/// "What changed since …" on the pack's cover: the deck's second slide, printed.
pub(super) fn changes_view(changes: Option<brief::ChangesSlide>) -> impl IntoView {
    changes.filter(|c| !c.sentences.is_empty()).map(|c| {
        view! {
            <section class="slide-changes">
                <h2>{c.heading}</h2>
                <ul>{c.sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

/// The dataset's headline figures, on the title slide and the pack's cover.
pub(super) fn headlines_view(headlines: Vec<samiksha_core::present::about::Headline>) -> impl IntoView {
    view! {
        <dl class="slide-headlines">
            {headlines.into_iter().map(|h| view! {
                <div><dt>{h.label}</dt><dd>{h.value}{h.note.map(|n| view! { <small>{n}</small> })}</dd></div>
            }).collect_view()}
        </dl>
    }
}

pub(super) fn end_view(m: &EndModel, id: String) -> impl IntoView {
    let (class, mark) = match m.end {
        End::Top => ("end end-top", "▲ "),
        End::Bottom => ("end end-bottom", "▼ "),
    };
    let more = m.more_text.clone().map(|text| {
        view! {
            <details class="more-tied">
                <summary>{text}</summary>
                <ol>{m.more.iter().map(entry_view).collect_view()}</ol>
            </details>
        }
    });
    // A group under its heading, not a landmark: every point has a "Top three", and landmarks
    // must be told apart by name.
    view! {
        <div class=class>
            <h3 id=id><span aria-hidden="true">{mark}</span>{m.heading}</h3>
            <ol>{m.shown.iter().map(entry_view).collect_view()}</ol>
            {more}
        </div>
    }
}
