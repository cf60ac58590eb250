//! The deck's models: which slides the route names, and what each shows in the selected
//! period once its values have arrived, for the deck and the printed pack alike.

use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::brief::{self, PackRow, PointSlide, SlideId, TitleSlide};
use samiksha_core::present::{Measured, Subject};
use samiksha_core::route::Route;

/// What one slide shows, once its values have arrived.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum SlideModel {
    Title(TitleSlide),
    Changes(brief::ChangesSlide),
    /// The slide and, for the printed pack, the full ranking.
    Point(Box<PointSlide>, Vec<PackRow>),
    /// The period's values have not arrived yet.
    Waiting(String),
}

/// The deck the route names: its slides, in order.
pub(super) fn deck_slides(state: AppState) -> Memo<Vec<SlideId>> {
    let key = Memo::new(move |_| state.route.with(|r| (r.points.clone(), r.department.clone())));
    Memo::new(move |_| {
        let (points, department) = key.get();
        let r = Route { points, department, ..Route::default() };
        state.with_ctx(samiksha_core::Lang::En, |ctx| brief::slides(&brief::points(ctx, &r))).unwrap_or_default()
    })
}

/// The models of every slide in the selected period, in the reader's language. Recomputed
/// when the language, the deck, the period or the files of the period (or the one before) change.
pub(super) fn deck_models(state: AppState, slides: Memo<Vec<SlideId>>) -> Memo<Vec<(SlideId, SlideModel)>> {
    // The review loop's lines read more periods: the pace window and the reviews' periods.
    let loop_periods = Memo::new(move |_| {
        let sel = state.selection.get()?;
        state.with_ctx(samiksha_core::Lang::En, |ctx| brief::loop_periods(ctx, sel.period))
    });
    Effect::new(move |_| {
        state.retry.track();
        if let Some(p) = loop_periods.get() {
            state.ensure_periods(p);
        }
    });
    let period_key = Memo::new(move |_| {
        let sel = state.selection.get()?;
        let counts = crate::state::arrived_for(state.dataset, state.arrived, sel.period);
        let others: usize = loop_periods.with(|l| state.arrived.with(|a| l.iter().flatten().map(|p| a.get(*p).copied().unwrap_or(0)).sum()));
        Some((sel.period, counts, others))
    });
    Memo::new(move |_| {
        let lang = state.lang.get();
        let Some((period, _, _)) = period_key.get() else { return Vec::new() };
        let slides = slides.get();
        let point_ids: Vec<usize> = slides.iter().filter_map(|s| if let SlideId::Point(i) = s { Some(*i) } else { None }).collect();
        let points = point_ids.len();
        state
            .with_ctx(lang, |ctx| {
                slides
                    .iter()
                    .map(|&s| {
                        let subject = match s {
                            SlideId::Title => return (s, SlideModel::Title(brief::title_slide(ctx, period, points))),
                            SlideId::Changes => return (s, SlideModel::Changes(brief::changes_slide(ctx, period, &point_ids))),
                            SlideId::Point(i) => Subject::Indicator(i),
                            SlideId::Composite => Subject::Composite,
                        };
                        let model = match Measured::new(ctx.ds, subject, period) {
                            Some(m) => SlideModel::Point(Box::new(brief::point_slide(ctx, &m)), brief::pack_rows(ctx, &m)),
                            None => SlideModel::Waiting(ctx.subject_name(subject)),
                        };
                        (s, model)
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}
