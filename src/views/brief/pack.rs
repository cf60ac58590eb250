//! The printed pack (`?view=pack`) lays out the same deck for A4: a cover, then per review
//! point its top and bottom three and its full ranking, a page each.

use super::model::{deck_models, deck_slides, SlideModel};
use super::parts::{changes_view, end_view, headlines_view};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::brief::PackRow;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::Subject;
use samiksha_core::route::View;

/// A full ranking split into two side-by-side halves, so a point fits one A4 page.
pub(super) fn ranking_halves(rows: &[PackRow], lang: samiksha_core::Lang, caption: String) -> impl IntoView {
    let half = rows.len().div_ceil(2);
    let table = |part: &[PackRow]| {
        let part = part.to_vec();
        view! {
            <table class="pack-table">
                <thead><tr><th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{expect_context::<AppState>().with_ctx(lang, |ctx| ctx.unit_word()).unwrap_or_default()}</th><th scope="col">{Msg::Value.text(lang)}</th></tr></thead>
                <tbody>{part.into_iter().map(|r| view! {
                    <tr data-district=r.slug><td class="num">{r.rank_mark}</td><th scope="row"><bdi>{r.name}</bdi></th><td class="num">{r.value_text}</td></tr>
                }).collect_view()}</tbody>
            </table>
        }
    };
    view! {
        <section class="pack-ranking">
            <h3>{caption}</h3>
            <div class="pack-halves">{table(&rows[..half])}{table(&rows[half..])}</div>
        </section>
    }
}

/// The printed briefing pack: a cover, then a page per review point. On screen a bar offers
/// Print and the way back to the slides; the bar is not printed.
#[component]
pub fn PackView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let slides = deck_slides(state);
    let models = deck_models(state, slides);
    let lang = move || state.lang.get();
    let back = move || {
        let mut r = state.route.get();
        r.view = View::Brief;
        r
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="pack-bar">
            <a href=move || back().to_query() on:click=move |ev| crate::nav::link_click(state.route, back())(ev)>{move || Msg::NavBrief.text(lang())}</a>
            <button type="button" class="pack-print" on:click=print>{move || Msg::PrintThisPack.text(lang())}</button>
        </div>
        <article class="pack">
            {move || {
                let l = lang();
                let (licence, publisher) = state
                    .read_ctx(l, |ctx| (samiksha_core::present::about::licence_in_print(ctx), samiksha_core::present::about::colophon(ctx).publisher))
                    .unwrap_or_default();
                let models = models.get();
                // The second slide's sentences are printed on the cover.
                let cover_changes = models.iter().find_map(|(_, m)| if let SlideModel::Changes(c) = m { Some(c.clone()) } else { None });
                models.into_iter().map(|(id, model)| {
                    let word = state.with_ctx(l, |ctx| id.word(ctx)).unwrap_or_default();
                    match model {
                        SlideModel::Title(t) => view! {
                            <section class="pack-cover" data-point="title">
                                <p class="pack-kind">{Msg::PackTitle.text(l)}</p>
                                <h1>{t.title}</h1>
                                <p class="slide-subtitle">{t.subtitle}</p>
                                <p>{t.as_of}</p>
                                <p>{t.scope}</p>
                                {headlines_view(t.headlines)}
                                {changes_view(cover_changes.clone())}
                                <p class="slide-source">{t.source}</p>
                                <dl class="pack-provenance">
                                    <div><dt>{Msg::Licence.text(l)}</dt><dd>{licence.clone()}</dd></div>
                                    <div><dt>{Msg::Publisher.text(l)}</dt><dd>{publisher.clone()}</dd></div>
                                </dl>
                            </section>
                        }.into_any(),
                        // The cover says what changed; the pack has no page of its own for it.
                        SlideModel::Changes(_) => ().into_any(),
                        SlideModel::Waiting(name) => view! {
                            <section class="pack-point" data-point=word><h2>{name}</h2><crate::views::LoadingValues/></section>
                        }.into_any(),
                        SlideModel::Point(p, rows) => {
                            let caption = format!("{} — {}", Msg::FullRanking.text(l), p.title);
                            view! {
                                <section class="pack-point" data-point=word.clone()>
                                    <p class="slide-kicker">{p.kicker.clone()}</p>
                                    <h2>{p.title.clone()}</h2>
                                    <ul class="slide-meta">{p.meta.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                                    {(!p.loop_lines.is_empty()).then(|| view! {
                                        <ul class="slide-loop">{p.loop_lines.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                                    })}
                                    {(p.subject == Subject::Composite).then(|| view! { <crate::views::CompositeMethodLink/> })}
                                    {match p.empty.clone() {
                                        Some(text) => view! { <p class="note">{text}</p> }.into_any(),
                                        None => view! {
                                            <div class="pack-ends">
                                                {end_view(&p.top, format!("pack-top-{word}"))}
                                                {(!p.bottom.shown.is_empty()).then(|| end_view(&p.bottom, format!("pack-bottom-{word}")))}
                                            </div>
                                            {ranking_halves(&rows, l, caption)}
                                        }.into_any(),
                                    }}
                                </section>
                            }.into_any()
                        }
                    }
                }).collect_view()
            }}
        </article>
    }
}
