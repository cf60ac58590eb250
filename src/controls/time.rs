//! The time control on the map and on the ranked bars: step to the previous or next period,
//! drag through them, or play them in turn. The period stays in the URL (a step adds a history
//! entry; playing replaces it, so Back leaves the animation in one step). On the map, playing
//! draws the colour classes over every period (`scale=all`), so a colour means the same range
//! in every period; the reader can also set that by hand.

use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::{published_periods, step_period, Step};
use samiksha_core::route::Scale;
use std::time::Duration;

/// Whether the control offers fixing the map's colours across periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colours {
    Offered,
    NotOffered,
}

/// How long each period is shown while playing.
const FRAME: Duration = Duration::from_millis(1500);

#[component]
pub fn TimeControl(colours: Colours) -> impl IntoView {
    let state = expect_context::<AppState>();
    let periods = Memo::new(move |_| state.dataset.with(|d| d.as_ref().map(published_periods).unwrap_or_default()));
    let current = Memo::new(move |_| state.selection.get().map(|s| s.period));
    let playing = RwSignal::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        playing.set(false);
    };
    let id_of = move |p: usize| state.dataset.with_untracked(|d| d.as_ref().map(|d| d.periods()[p].id.clone()));
    let show = move |p: usize, entry: crate::nav::HistoryEntry| {
        if let Some(id) = id_of(p) {
            match entry {
                crate::nav::HistoryEntry::Push => state.navigate(|r| r.period = Some(id)),
                crate::nav::HistoryEntry::Replace => state.refine(|r| r.period = Some(id)),
            }
        }
    };
    let step = move |dir: Step| {
        stop();
        let next = current.get_untracked().and_then(|c| step_period(&periods.get_untracked(), c, dir));
        if let Some(p) = next {
            show(p, crate::nav::HistoryEntry::Push);
        }
    };
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        let list = periods.get_untracked();
        let (Some(&first), Some(&last)) = (list.first(), list.last()) else { return };
        // Every period's file is asked for now, so each frame has its values when shown.
        state.ensure_all_periods();
        if colours == Colours::Offered {
            state.refine(|r| r.scale = Scale::AllPeriods);
        }
        if current.get_untracked().is_none_or(|c| c >= last) {
            show(first, crate::nav::HistoryEntry::Replace);
        }
        playing.set(true);
        let handle = set_interval_with_handle(
            move || match current.get_untracked().and_then(|c| step_period(&periods.get_untracked(), c, Step::On)) {
                Some(p) => show(p, crate::nav::HistoryEntry::Replace),
                None => stop(),
            },
            FRAME,
        );
        timer.set_value(handle.ok());
    };
    on_cleanup(stop);

    let lang = move || state.lang.get();
    let position = move || {
        let list = periods.get();
        current.get().and_then(|c| list.iter().position(|&p| p >= c)).unwrap_or(0)
    };
    let label_of = move |p: usize| state.with_ctx(state.lang.get(), |ctx| ctx.period_label(p)).unwrap_or_default();
    let at_start = move || current.get().is_none_or(|c| step_period(&periods.get(), c, Step::Back).is_none());
    let at_end = move || current.get().is_none_or(|c| step_period(&periods.get(), c, Step::On).is_none());
    move || {
        (periods.with(|p| p.len()) > 1).then(|| {
            view! {
                <div class="time-control" role="group" aria-label=move || Msg::TimeControl.text(lang())>
                    <button type="button" class="time-step" data-step="back" disabled=at_start on:click=move |_| step(Step::Back)
                        aria-label=move || Msg::PreviousPeriod.text(lang())>"◀"</button>
                    // Its name says what a press does (Play, or Pause while playing).
                    <button type="button" class="time-play" data-playing=move || playing.get().to_string() on:click=play
                        title=move || Msg::PlayPeriodsLabel.text(lang())>
                        {move || if playing.get() { Msg::PausePeriods.text(lang()) } else { Msg::PlayPeriods.text(lang()) }}
                    </button>
                    <button type="button" class="time-step" data-step="on" disabled=at_end on:click=move |_| step(Step::On)
                        aria-label=move || Msg::NextPeriod.text(lang())>"▶"</button>
                    <input type="range" class="time-slider" name="period-slider" min="0" max=move || periods.with(|p| p.len().saturating_sub(1)).to_string()
                        step="1" prop:value=move || position().to_string()
                        aria-label=move || Msg::Period.text(lang())
                        aria-valuetext=move || current.get().map(label_of).unwrap_or_default()
                        on:change=move |ev| {
                            stop();
                            let k: usize = event_target_value(&ev).parse().unwrap_or(0);
                            if let Some(&p) = periods.get_untracked().get(k) {
                                show(p, crate::nav::HistoryEntry::Push);
                            }
                        }/>
                    <span class="time-label" aria-hidden="true">{move || current.get().map(label_of)}</span>
                    {(colours == Colours::Offered).then(|| {
                        let fixed = Memo::new(move |_| state.route.with(|r| r.scale == Scale::AllPeriods));
                        view! {
                            <button type="button" class="time-fixed" aria-pressed=move || fixed.get().to_string()
                                on:click=move |_| state.navigate(|r| r.scale = if r.scale == Scale::AllPeriods { Scale::ThisPeriod } else { Scale::AllPeriods })>
                                {move || Msg::SameColours.text(lang())}
                            </button>
                        }
                    })}
                </div>
            }
        })
    }
}
