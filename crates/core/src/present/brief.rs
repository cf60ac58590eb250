//! The briefing deck and the printed pack: which review points a deck holds (`points=` or
//! `department=`), which slide is current, and each slide's top and bottom three with honest
//! ties, change since the previous period, state average and target.
//!
//! A deck is a title slide, one slide per review point, and a closing slide with the composite
//! index. The URL names the current slide through `indicator=`: an indicator id for a point,
//! `composite` for the closing slide, and no indicator for the title slide.

use super::podium::{podium, Side};
use super::{Ctx, Measured, Subject};
use crate::present::i18n::Msg;
use crate::present::numfmt::format_date;
use crate::route::{Opening, Route, SubjectId};

/// One slide of a deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SlideId {
    Title,
    /// What changed since the previous period, across the deck's points.
    Changes,
    Point(usize),
    Composite,
}

impl SlideId {
    /// The `data-slide` word tests and links use: "title", the indicator id, or "composite".
    pub fn word(self, ctx: &Ctx) -> String {
        match self {
            SlideId::Title => "title".to_string(),
            SlideId::Changes => "changes".to_string(),
            SlideId::Point(i) => ctx.ds.indicators()[i].id.clone(),
            SlideId::Composite => SubjectId::COMPOSITE_WORD.to_string(),
        }
    }

    /// The route's subject for this slide (`None` names the title slide).
    pub fn subject_id(self, ctx: &Ctx) -> Option<SubjectId> {
        match self {
            SlideId::Title | SlideId::Changes => None,
            SlideId::Point(i) => Some(SubjectId::Indicator(ctx.ds.indicators()[i].id.clone())),
            SlideId::Composite => Some(SubjectId::Composite),
        }
    }

    /// The route's opening slide for this slide (`slide=changes` for the second).
    pub fn opening(self) -> Opening {
        match self {
            SlideId::Changes => Opening::Changes,
            _ => Opening::Title,
        }
    }
}

/// The review points of the deck, in order: the route's `points` (unknown and repeated ids
/// left out), else the indicators of its `department`, else every indicator. A list that
/// names nothing known falls back to every indicator rather than an empty deck.
pub fn points(ctx: &Ctx, route: &Route) -> Vec<usize> {
    let ds = ctx.ds;
    let mut chosen: Vec<usize> = Vec::new();
    for id in &route.points {
        if let Some(i) = ds.indicator_index(id) {
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
    }
    if chosen.is_empty() {
        if let Some(dep) = &route.department {
            chosen = ds.indicators().iter().enumerate().filter(|(_, x)| &x.department == dep).map(|(i, _)| i).collect();
        }
    }
    if chosen.is_empty() {
        chosen = (0..ds.indicators().len()).collect();
    }
    chosen
}

/// Every slide of the deck, in order.
pub fn slides(points: &[usize]) -> Vec<SlideId> {
    let mut s = vec![SlideId::Title, SlideId::Changes];
    s.extend(points.iter().map(|&i| SlideId::Point(i)));
    s.push(SlideId::Composite);
    s
}

/// The position of the route's slide in the deck; an indicator outside the deck shows the
/// title slide.
pub fn current(ctx: &Ctx, slides: &[SlideId], route: &Route) -> usize {
    let wanted = match &route.subject {
        None if route.opening == Opening::Changes => SlideId::Changes,
        None => SlideId::Title,
        Some(SubjectId::Composite) => SlideId::Composite,
        Some(SubjectId::Indicator(id)) => match ctx.ds.indicator_index(id) {
            Some(i) => SlideId::Point(i),
            None => SlideId::Title,
        },
    };
    slides.iter().position(|s| *s == wanted).unwrap_or(0)
}

/// "Slide 3 of 12".
pub fn counter(ctx: &Ctx, at: usize, total: usize) -> String {
    ctx.fill(Msg::SlideCounter, &[("n", &(at + 1).to_string()), ("total", &total.to_string())])
}

/// One slide's name in the contents list.
pub fn slide_label(ctx: &Ctx, slide: SlideId) -> String {
    match slide {
        SlideId::Title => ctx.msg(Msg::BriefTitleSlide).to_string(),
        SlideId::Changes => ctx.msg(Msg::ChangesSlide).to_string(),
        SlideId::Point(i) => ctx.subject_name(Subject::Indicator(i)),
        SlideId::Composite => ctx.msg(Msg::CompositeIndex).to_string(),
    }
}

/// The title slide.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleSlide {
    pub title: String,
    /// "Review briefing · January 2026".
    pub subtitle: String,
    /// "Data as of 20 November 2026".
    pub as_of: String,
    /// The dataset's headline figures, as the About view shows them.
    pub headlines: Vec<super::about::Headline>,
    /// "12 review points · 55 districts".
    pub scope: String,
    pub source: String,
}

pub fn title_slide(ctx: &Ctx, period: usize, points: usize) -> TitleSlide {
    let m = &ctx.ds.manifest;
    TitleSlide {
        title: m.title.get(ctx.lang).to_string(),
        subtitle: ctx.fill(Msg::BriefSubtitle, &[("period", &ctx.period_label(period))]),
        as_of: ctx.fill(Msg::DataAsOfDate, &[("date", &format_date(&m.updated, ctx.lang))]),
        headlines: super::about::headlines(ctx),
        scope: ctx.fill(Msg::BriefScope, &[("points", &points.to_string()), ("districts", &ctx.ds.units().len().to_string())]),
        source: ctx.source_line(),
    }
}

/// The deck's second slide: what changed since the previous period, in a few sentences that
/// fit one slide: the state averages that moved most, targets newly met, and the points whose
/// top or bottom three changed (each point's own slide says how).
#[derive(Clone, Debug, PartialEq)]
pub struct ChangesSlide {
    pub heading: String,
    pub sentences: Vec<String>,
}

pub fn changes_slide(ctx: &Ctx, period: usize, points: &[usize]) -> ChangesSlide {
    let Some(then) = ctx.ds.previous_period(period) else {
        return ChangesSlide { heading: ctx.msg(Msg::ChangesNone).to_string(), sentences: Vec::new() };
    };
    let mut sentences = super::changes::overall_sentences(ctx, then, period);
    let moved: Vec<String> = points
        .iter()
        .filter(|&&i| {
            crate::analysis::changes::indicator_changes(ctx.ds, i, then, period)
                .is_some_and(|c| !(c.entered_top.is_empty() && c.left_top.is_empty() && c.entered_bottom.is_empty() && c.left_bottom.is_empty()))
        })
        .map(|&i| ctx.subject_short(Subject::Indicator(i)))
        .collect();
    if !moved.is_empty() {
        sentences.push(
            ctx.fill(Msg::ChangesEndsMoved, &[("count", &moved.len().to_string()), ("n", &points.len().to_string()), ("points", &ctx.capped_list(&moved))]),
        );
    }
    ChangesSlide { heading: ctx.fill(Msg::ChangesHeading, &[("then", &ctx.period_label(then))]), sentences }
}

/// Which end of the ranking a district is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum End {
    Top,
    Bottom,
}

/// A district on a slide.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub unit: usize,
    pub slug: String,
    pub name: String,
    pub rank: usize,
    pub tied: bool,
    /// "1" or "1=".
    pub rank_mark: String,
    /// "Rank 1 of 55".
    pub rank_text: String,
    pub value_text: String,
    /// "▲ up 3 · +1.2, better" (the end's heading says it is the change since the previous
    /// period), or why there is no change to show.
    pub change_text: String,
}

/// One end of a slide: the three shown and those tied at the edge that did not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct EndModel {
    pub end: End,
    pub heading: &'static str,
    pub shown: Vec<Entry>,
    /// "+2 more tied at rank 1".
    pub more_text: Option<String>,
    pub more: Vec<Entry>,
}

/// A review point's slide (or the composite's).
#[derive(Clone, Debug, PartialEq)]
pub struct PointSlide {
    pub subject: Subject,
    pub title: String,
    /// The department, for an indicator.
    pub department: Option<String>,
    pub period: String,
    /// The line above the title: "Revenue · January 2026", or the period alone.
    pub kicker: String,
    /// Direction, target, state average, and how many districts could not be ranked.
    pub meta: Vec<String>,
    pub top: EndModel,
    pub bottom: EndModel,
    /// Said instead of the ends when no district has a value.
    pub empty: Option<String>,
    /// The districts the small map highlights, with their end (the cards beside it give ranks).
    pub highlight: Vec<(usize, End)>,
    /// "Map: the top three (▲) and bottom three (▼) districts".
    pub map_label: String,
    /// The review's loop for this point, opening the slide: the districts the last review
    /// named and what followed, how many will miss a dated target at their present pace, and
    /// the notes on this indicator's data in this period.
    pub loop_lines: Vec<String>,
}

fn entry(ctx: &Ctx, m: &Measured, row: usize) -> Entry {
    let r = &m.table.rows[row];
    let n = m.table.ranked_count;
    let value = ctx.value(m.subject, r.value);
    let value_text = match ctx.flag_label(r.flag.as_deref()) {
        Some(f) => format!("{value} ({f})"),
        None => value,
    };
    Entry {
        unit: r.unit,
        slug: ctx.slug(r.unit),
        name: ctx.name(r.unit),
        rank: r.rank,
        tied: r.tied,
        rank_mark: ctx.rank_mark(r.rank, r.tied),
        rank_text: ctx.rank_of(r.rank, r.tied, n),
        value_text,
        change_text: match &r.change {
            Some(c) => ctx.change(c, m.facts.decimals),
            None if m.period == 0 => ctx.msg(Msg::NoEarlierPeriod).to_string(),
            None => ctx.msg(Msg::NoPreviousValue).to_string(),
        },
    }
}

fn end_model(ctx: &Ctx, m: &Measured, end: End, side: &Side) -> EndModel {
    EndModel {
        end,
        heading: ctx.msg(match end {
            End::Top => Msg::TopThree,
            End::Bottom => Msg::BottomThree,
        }),
        shown: side.shown.iter().map(|&i| entry(ctx, m, i)).collect(),
        more_text: side.more_rank.map(|r| ctx.fill(Msg::MoreTied, &[("count", &side.more.len().to_string()), ("rank", &r.to_string())])),
        more: side.more.iter().map(|&i| entry(ctx, m, i)).collect(),
    }
}

/// The slide of one subject in the measured period. A district is named at one end only: with
/// few districts (or all tied) the bottom end holds fewer than three, or none.
pub fn point_slide(ctx: &Ctx, m: &Measured) -> PointSlide {
    let ds = ctx.ds;
    let ranks: Vec<usize> = m.table.rows.iter().map(|r| r.rank).collect();
    let pod = podium(&ranks, 3);
    // The two ends never name the same district: with few districts, or many tied, the
    // bottom end keeps only those the top end has not named.
    let named: Vec<usize> = pod.top.shown.iter().chain(&pod.top.more).copied().collect();
    let mut bottom_side = pod.bottom.clone();
    bottom_side.shown.retain(|i| !named.contains(i));
    bottom_side.more.retain(|i| !named.contains(i));
    if bottom_side.more.is_empty() {
        bottom_side.more_rank = None;
    }
    let mut meta = vec![ctx.direction(m.facts.direction).to_string()];
    match super::track::deadline_text(ctx, m.subject) {
        Some(d) => meta.push(d),
        None => {
            if let Some(t) = m.facts.target {
                meta.push(ctx.fill(Msg::TargetIs, &[("value", &ctx.value(m.subject, t))]));
            }
        }
    }
    if let Some(avg) = m.table.mean {
        meta.push(ctx.fill(Msg::StateAverageIs, &[("value", &ctx.value(m.subject, avg))]));
    }
    if !m.table.unranked.is_empty() {
        meta.push(ctx.fill(Msg::NotRankedCount, &[("count", &m.table.unranked.len().to_string())]));
    }
    let top = end_model(ctx, m, End::Top, &pod.top);
    let bottom = end_model(ctx, m, End::Bottom, &bottom_side);
    let mut highlight: Vec<(usize, End)> = Vec::new();
    for (model, end) in [(&top, End::Top), (&bottom, End::Bottom)] {
        for e in model.shown.iter().chain(&model.more) {
            highlight.push((e.unit, end));
        }
    }
    let department = match m.subject {
        Subject::Indicator(i) => ds.manifest.departments.iter().find(|d| d.id == ds.indicators()[i].department).map(|d| d.name.get(ctx.lang).to_string()),
        Subject::Composite => None,
    };
    let loop_lines = match m.subject {
        Subject::Indicator(i) => super::followup::named_line(ctx, i, m.period)
            .into_iter()
            .chain(super::track::summary(ctx, i, m.period).unwrap_or_default())
            .chain(super::notes::notes_for(ctx, Some(i), m.period, None))
            .collect(),
        Subject::Composite => Vec::new(),
    };
    let period = ctx.period_label(m.period);
    PointSlide {
        loop_lines,
        subject: m.subject,
        title: ctx.subject_name(m.subject),
        kicker: department.as_ref().map_or_else(|| period.clone(), |d| format!("{d} · {period}")),
        department,
        period,
        meta,
        empty: m.table.rows.is_empty().then(|| ctx.msg(Msg::NoValuesForPeriod).to_string()),
        top,
        bottom,
        highlight,
        map_label: ctx.msg(Msg::BriefMapLabel).to_string(),
    }
}

/// The periods the slides' review-loop lines read besides the shown one: the window a dated
/// target's pace is measured over (when any indicator has one) and the period of each review
/// held by then.
pub fn loop_periods(ctx: &Ctx, period: usize) -> Vec<usize> {
    let ds = ctx.ds;
    let mut out: Vec<usize> = Vec::new();
    if ds.indicators().iter().any(|i| i.has_dated_target()) {
        out.extend(crate::analysis::track::periods_needed(period));
    }
    out.extend(ds.manifest.reviews.iter().filter_map(|r| ds.period_index(&r.period)).filter(|p| *p <= period));
    crate::format::order::sort_by(&mut out, Ord::cmp);
    out.dedup();
    out
}

/// A row of the printed pack's full ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct PackRow {
    pub slug: String,
    pub rank_mark: String,
    pub name: String,
    pub value_text: String,
}

/// The full ranking of a point for the printed pack, best first, then the districts not
/// ranked with their reason in place of a value.
pub fn pack_rows(ctx: &Ctx, m: &Measured) -> Vec<PackRow> {
    let mut rows: Vec<PackRow> = m
        .table
        .rows
        .iter()
        .map(|r| PackRow {
            slug: ctx.slug(r.unit),
            rank_mark: ctx.rank_mark(r.rank, r.tied),
            name: ctx.name(r.unit),
            value_text: ctx.value(m.subject, r.value),
        })
        .collect();
    rows.extend(m.table.unranked.iter().map(|(u, reason)| PackRow {
        slug: ctx.slug(*u),
        rank_mark: "–".to_string(),
        name: ctx.name(*u),
        value_text: reason.label(ctx.lang).to_string(),
    }));
    rows
}
