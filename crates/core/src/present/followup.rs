//! The follow-up view's model (`view=followup&review=<id>`): for each point of a review, the
//! districts it named, how, their value and rank at the review and now, what followed in
//! words, their pace to the target where it has a deadline, and a mark on each district named
//! for doing badly that has not improved. Also the deck's line "Named at the January 2026
//! review: …".

use super::{Ctx, Subject};
use crate::analysis::followup::{follow_up, follow_up_point, Followup, NamedDistrict};
use crate::analysis::track::{project_all, Track};
use crate::format::manifest::{NamedAs, Review};
use crate::present::i18n::Msg;
use crate::present::numfmt::format_date;

#[derive(Clone, Debug, PartialEq)]
pub struct FollowRow {
    pub slug: String,
    pub name: String,
    pub named_as: String,
    /// "14.2% · Rank 55 of 55", or "No data".
    pub then: String,
    pub now: String,
    pub followup: Followup,
    /// "Improved", "Worsened", …
    pub followup_text: String,
    pub track: Option<Track>,
    pub track_text: Option<String>,
    /// Named for doing badly and not improved since.
    pub flagged: bool,
    /// The screen reader's and the tooltip's sentence for the flag.
    pub flag_text: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PointModel {
    pub indicator: String,
    pub heading: String,
    pub remark: Option<String>,
    pub rows: Vec<FollowRow>,
    /// Said instead of rows while the point's figures are still loading.
    pub note: Option<String>,
    /// Where the point's target has a deadline: how many districts will miss it at their pace.
    pub pace: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReviewChoice {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FollowupModel {
    pub heading: String,
    pub intro: String,
    /// "3 of 14 districts named for doing badly have not improved since."
    pub summary: String,
    pub points: Vec<PointModel>,
    pub column_then: String,
    pub column_now: String,
}

pub fn named_as_label(ctx: &Ctx, n: NamedAs) -> &'static str {
    ctx.msg(match n {
        NamedAs::Bottom => Msg::NamedAsBottom,
        NamedAs::Top => Msg::NamedAsTop,
        NamedAs::Instructed => Msg::NamedAsInstructed,
        NamedAs::Honoured => Msg::NamedAsHonoured,
    })
}

pub fn followup_label(ctx: &Ctx, f: Followup) -> &'static str {
    ctx.msg(match f {
        Followup::Improved => Msg::FollowImproved,
        Followup::Worsened => Msg::FollowWorsened,
        Followup::Unchanged => Msg::FollowUnchanged,
        Followup::NoData => Msg::FollowNoData,
    })
}

/// The review a route names, or the latest one.
pub fn chosen<'a>(ctx: &Ctx<'a>, id: Option<&str>) -> Option<&'a Review> {
    let reviews = &ctx.ds.manifest.reviews;
    id.and_then(|id| reviews.iter().find(|r| r.id == id)).or_else(|| reviews.last())
}

/// The review picker, latest first.
pub fn choices(ctx: &Ctx, selected: Option<&Review>) -> Vec<ReviewChoice> {
    ctx.ds
        .manifest
        .reviews
        .iter()
        .rev()
        .map(|r| ReviewChoice {
            id: r.id.clone(),
            label: ctx.fill(Msg::ReviewChoice, &[("title", r.title.get(ctx.lang)), ("date", &format_date(&r.date, ctx.lang))]),
            selected: selected.is_some_and(|s| s.id == r.id),
        })
        .collect()
}

/// The periods the follow-up reads: the review's, and, where a point's target has a deadline,
/// the window its pace is measured over.
pub fn periods_needed(ctx: &Ctx, review: &Review, now: usize) -> Vec<usize> {
    let mut out: Vec<usize> = ctx.ds.period_index(&review.period).into_iter().collect();
    let dated = review.points.iter().any(|p| ctx.ds.manifest.indicator(&p.indicator).is_some_and(|i| i.has_dated_target()));
    if dated {
        out.extend(crate::analysis::track::periods_needed(now));
    } else {
        out.push(now);
    }
    crate::format::order::sort_by(&mut out, Ord::cmp);
    out.dedup();
    out
}

fn value_rank(ctx: &Ctx, subject: Subject, value: Option<f64>, rank: Option<&crate::analysis::rank::Ranked>, n: usize) -> String {
    match (value, rank) {
        (Some(v), Some(r)) => ctx.fill(Msg::ValueAndRank, &[("value", &ctx.value(subject, v)), ("rank", &ctx.rank_of(r.rank, r.tied, n))]),
        (Some(v), None) => ctx.value(subject, v),
        _ => ctx.msg(Msg::NoData).to_string(),
    }
}

fn row(ctx: &Ctx, subject: Subject, d: &NamedDistrict, track: Option<&crate::analysis::track::Projection>) -> FollowRow {
    FollowRow {
        slug: ctx.slug(d.unit),
        name: ctx.name(d.unit),
        named_as: named_as_label(ctx, d.named_as).to_string(),
        then: value_rank(ctx, subject, d.then, d.rank_then.as_ref(), d.ranked_then),
        now: value_rank(ctx, subject, d.now, d.rank_now.as_ref(), d.ranked_now),
        followup: d.followup,
        followup_text: followup_label(ctx, d.followup).to_string(),
        track: track.map(|p| p.track),
        track_text: track.map(|p| super::track::status_text(ctx, subject, p)),
        flagged: d.flagged,
        flag_text: d.flagged.then(|| ctx.msg(Msg::FollowFlag).to_string()),
    }
}

/// The follow-up of `review` at period `now`. Before the review's period it says nothing has
/// followed yet; a point whose figures are still loading says so instead of its rows.
pub fn model(ctx: &Ctx, review: &Review, now: usize) -> Option<FollowupModel> {
    let then_index = ctx.ds.period_index(&review.period)?;
    let heading = ctx.fill(
        Msg::FollowupHeading,
        &[("review", review.title.get(ctx.lang)), ("date", &format_date(&review.date, ctx.lang)), ("period", &ctx.period_label(now))],
    );
    let column_then = ctx.fill(Msg::ColAtReview, &[("period", &ctx.period_label(then_index))]);
    let column_now = ctx.fill(Msg::ColNow, &[("period", &ctx.period_label(now))]);
    let Some((then, points)) = follow_up(ctx.ds, review, now) else {
        return Some(FollowupModel {
            heading,
            intro: ctx.fill(Msg::FollowupTooEarly, &[("then", &ctx.period_label(then_index))]),
            summary: String::new(),
            points: Vec::new(),
            column_then,
            column_now,
        });
    };
    // Districts, not namings: a district named under three points counts once.
    let mut named_badly: Vec<usize> = Vec::new();
    let mut flagged: Vec<usize> = Vec::new();
    let points = points
        .iter()
        .map(|p| {
            let subject = Subject::Indicator(p.indicator);
            let ind = &ctx.ds.indicators()[p.indicator];
            let tracks = project_all(ctx.ds, p.indicator, now);
            let remark = review
                .points
                .iter()
                .find(|x| x.indicator == ind.id)
                .and_then(|x| x.remark.as_ref())
                .map(|r| ctx.fill(Msg::RemarkLine, &[("remark", r.get(ctx.lang))]));
            let rows = p
                .districts
                .iter()
                .map(|d| {
                    if d.named_as.for_doing_badly() && !named_badly.contains(&d.unit) {
                        named_badly.push(d.unit);
                    }
                    if d.flagged && !flagged.contains(&d.unit) {
                        flagged.push(d.unit);
                    }
                    row(ctx, subject, d, tracks.as_ref().and_then(|t| t.get(d.unit)))
                })
                .collect();
            let note = (!p.loaded).then(|| ctx.msg(Msg::FollowupNotLoaded).to_string());
            let pace = super::track::summary(ctx, p.indicator, now).unwrap_or_default();
            PointModel { indicator: ind.id.clone(), heading: ctx.subject_name(subject), remark, rows, note, pace }
        })
        .collect();
    let summary = if named_badly.is_empty() {
        String::new()
    } else {
        ctx.fill(Msg::FollowupSummary, &[("flagged", &flagged.len().to_string()), ("named", &named_badly.len().to_string())])
    };
    Some(FollowupModel {
        heading,
        intro: ctx.fill(Msg::FollowupIntro, &[("then", &ctx.period_label(then)), ("now", &ctx.period_label(now))]),
        summary,
        points,
        column_then,
        column_now,
    })
}

/// The deck's and the pack's line for one review point: the latest review that named
/// districts under this indicator, and what followed for each by `now`:
/// "Named at the Collector–Commissioner conference (14 January 2026): Morena: Improved, Bhind: Worsened."
pub fn named_line(ctx: &Ctx, indicator: usize, now: usize) -> Option<String> {
    let id = &ctx.ds.indicators()[indicator].id;
    let review = ctx
        .ds
        .manifest
        .reviews
        .iter()
        .rev()
        .find(|r| ctx.ds.period_index(&r.period).is_some_and(|p| p <= now) && r.points.iter().any(|p| &p.indicator == id && !p.named.is_empty()))?;
    let then = ctx.ds.period_index(&review.period)?;
    let point = follow_up_point(ctx.ds, review, id, then, now)?;
    // At the review's own period nothing has followed yet: the names alone.
    let districts: Vec<String> = point
        .districts
        .iter()
        .map(|d| match then == now {
            true => ctx.name(d.unit),
            false => ctx.fill(Msg::FollowDistrict, &[("district", &ctx.name(d.unit)), ("status", followup_label(ctx, d.followup))]),
        })
        .collect();
    Some(ctx.fill(
        Msg::BriefNamedAt,
        &[("review", review.title.get(ctx.lang)), ("date", &format_date(&review.date, ctx.lang)), ("districts", &ctx.names_list(&districts))],
    ))
}
