//! The follow-up view (`view=followup&review=<id>`) lays out `present::followup`: for each point
//! of a review meeting, the districts it named, their figures at the review and now, what
//! followed, their pace to a dated target, and a mark on each named for doing badly that has
//! not improved. It loads the review's period and the periods the paces are measured over.

use super::{DistrictLink, LoadingValues, PeriodPicker};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::followup::{self, FollowupModel};
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::pickers;
use std::sync::Arc;

#[component]
pub fn FollowupView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let review_id = Memo::new(move |_| state.route.with(|r| r.review.clone()));
    // The review shown (as named, or the latest) and the periods it reads.
    let needed = Memo::new(move |_| {
        let sel = state.selection.get()?;
        let id = review_id.get();
        state.with_ctx(samiksha_core::Lang::En, |ctx| followup::chosen(ctx, id.as_deref()).map(|r| followup::periods_needed(ctx, r, sel.period))).flatten()
    });
    Effect::new(move |_| {
        state.retry.track();
        if let Some(p) = needed.get() {
            state.ensure_periods(p);
        }
    });
    let model: Memo<Option<Arc<FollowupModel>>> = Memo::new(move |_| {
        let sel = state.selection.get()?;
        let lang = state.lang.get();
        let id = review_id.get();
        state.arrived.track();
        state.with_ctx(lang, |ctx| followup::chosen(ctx, id.as_deref()).and_then(|r| followup::model(ctx, r, sel.period)).map(Arc::new)).flatten()
    });
    let on_review = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        state.navigate(|r| r.review = Some(id));
    };
    let controls = move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        let id = review_id.get();
        let (choices, periods) = state.with_ctx(lang, |ctx| (followup::choices(ctx, followup::chosen(ctx, id.as_deref())), pickers(ctx, sel).periods))?;
        if choices.is_empty() {
            return Some(view! { <p class="note" role="note">{Msg::FollowupNone.text(lang)}</p> }.into_any());
        }
        Some(
            view! {
                <div class="controls">
                    <label>
                        <span>{Msg::FollowupChoose.text(lang)}</span>
                        <select name="review" on:change=on_review>
                            {choices.into_iter().map(|c| view! { <option value=c.id selected=c.selected>{c.label}</option> }).collect_view()}
                        </select>
                    </label>
                    <PeriodPicker periods=periods/>
                </div>
            }
            .into_any(),
        )
    };
    let body = move || {
        let lang = state.lang.get();
        let has_reviews = state.dataset.with(|d| d.as_ref().is_some_and(|d| !d.manifest.reviews.is_empty()));
        if !has_reviews {
            return None;
        }
        let Some(m) = model.get() else { return Some(view! { <LoadingValues/> }.into_any()) };
        let (then_h, now_h) = (m.column_then.clone(), m.column_now.clone());
        Some(view! {
            <p class="meta">{m.intro.clone()}</p>
            <p class="lead followup-summary">{m.summary.clone()}</p>
            {m.points.iter().map(|p| {
                let any_track = p.rows.iter().any(|r| r.track.is_some());
                let (then_h, now_h) = (then_h.clone(), now_h.clone());
                let heading_id = format!("fp-{}", p.indicator);
                let labelled_by = heading_id.clone();
                view! {
                    <section class="followup-point" data-indicator=p.indicator.clone() aria-labelledby=labelled_by>
                        <h3 id=heading_id>{p.heading.clone()}</h3>
                        {p.remark.clone().map(|r| view! { <p class="remark">{r}</p> })}
                        {p.pace.iter().map(|x| view! { <p class="followup-pace">{x.clone()}</p> }).collect_view()}
                        {p.note.clone().map(|n| view! { <p class="status" role="status">{n}</p> })}
                        {if p.rows.is_empty() {
                            None
                        } else {
                            Some(view! {
                                <div class="table-wrap">
                                    <table class="followup-table cards">
                                        <thead><tr>
                                            <th scope="col">{state.with_ctx(lang, |ctx| ctx.unit_word()).unwrap_or_default()}</th>
                                            <th scope="col">{Msg::ColNamedAs.text(lang)}</th>
                                            <th scope="col">{then_h.clone()}</th>
                                            <th scope="col">{now_h.clone()}</th>
                                            <th scope="col">{Msg::ColWhatFollowed.text(lang)}</th>
                                            {any_track.then(|| view! { <th scope="col">{Msg::TrackHeading.text(lang)}</th> })}
                                        </tr></thead>
                                        <tbody>
                                            {p.rows.iter().map(|r| view! {
                                                <tr data-district=r.slug.clone() data-followup=r.followup.word() class:flagged=r.flagged>
                                                    <th scope="row"><DistrictLink slug=r.slug.clone() name=r.name.clone()/></th>
                                                    <td data-label=Msg::ColNamedAs.text(lang)>{r.named_as.clone()}</td>
                                                    <td class="num" data-label=then_h.clone()>{r.then.clone()}</td>
                                                    <td class="num" data-label=now_h.clone()>{r.now.clone()}</td>
                                                    <td data-label=Msg::ColWhatFollowed.text(lang)>
                                                        <span class="followup-word">{r.followup_text.clone()}</span>
                                                        {r.flag_text.clone().map(|f| view! { <span class="followup-flag">"⚑ "{f}</span> })}
                                                    </td>
                                                    {any_track.then(|| view! {
                                                        <td data-label=Msg::TrackHeading.text(lang) data-track=r.track.map(|t| t.word())>{r.track_text.clone().unwrap_or_default()}</td>
                                                    })}
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            })
                        }}
                    </section>
                }
            }).collect_view()}
        }.into_any())
    };
    let heading = move || {
        let lang = state.lang.get();
        model.with(|m| m.as_ref().map(|m| m.heading.clone())).unwrap_or_else(|| Msg::NavFollowup.text(lang).to_string())
    };
    view! {
        <section class="view followup-view" aria-labelledby="followup-h">
            <h2 id="followup-h">{heading}</h2>
            {controls}
            {body}
        </section>
    }
}
