//! Pace to a target with a deadline, in words: the deadline ("Target 100% by December 2026"),
//! one district's status with when it would arrive, and the briefing's sentence ("At their
//! present pace 12 of 55 districts will miss 100% by December 2026").

use super::{Ctx, Subject};
use crate::analysis::track::{project_all, Projection, Reach, Track};
use crate::present::i18n::Msg;
use crate::present::numfmt::format_delta;

/// The target and its deadline as a reader sees them: ("100.0%", "December 2026").
pub fn deadline_words(ctx: &Ctx, subject: Subject) -> Option<(String, String)> {
    let Subject::Indicator(i) = subject else { return None };
    let ind = &ctx.ds.indicators()[i];
    let (t, d) = (ind.target?, ind.deadline.as_ref()?);
    Some((ctx.value(subject, t), ctx.period_id_label(&d.by)))
}

/// "Target 100.0% by December 2026".
pub fn deadline_text(ctx: &Ctx, subject: Subject) -> Option<String> {
    let (target, by) = deadline_words(ctx, subject)?;
    Some(ctx.fill(Msg::TrackDeadline, &[("target", &target), ("by", &by)]))
}

/// When the pace arrives, or that it does not; empty when met or without a trend.
pub fn reach_text(ctx: &Ctx, subject: Subject, p: &Projection) -> String {
    let Some((target, _)) = deadline_words(ctx, subject) else { return String::new() };
    match &p.reach {
        Some(Reach::Month(m)) => ctx.fill(Msg::TrackReachMonth, &[("target", &target), ("when", &ctx.period_id_label(m))]),
        Some(Reach::Rounds(n)) => ctx.fill(Msg::TrackReachRounds, &[("target", &target), ("n", &n.to_string())]),
        Some(Reach::Never) => ctx.fill(Msg::TrackNever, &[("target", &target)]),
        None => String::new(),
    }
}

/// The status and its reason in one cell: "Off track · at this pace reaches 100.0% in
/// March 2028 (+1.1 a month over the last 6 values)".
pub fn status_text(ctx: &Ctx, subject: Subject, p: &Projection) -> String {
    let status = label(ctx, p.track);
    let reach = reach_text(ctx, subject, p);
    let Subject::Indicator(i) = subject else { return status.to_string() };
    let decimals = ctx.ds.indicators().get(i).map_or(1, |x| x.decimals);
    let pace = p.pace.map(|x| {
        let m = if p.monthly { Msg::TrackPace } else { Msg::TrackPaceRound };
        ctx.fill(m, &[("pace", &format_delta(x, decimals + 1)), ("n", &p.values_used.to_string())])
    });
    match (reach.is_empty(), pace) {
        (true, _) => status.to_string(),
        (false, Some(pace)) => ctx.fill(Msg::WithStatus, &[("text", status), ("status", &ctx.fill(Msg::ReachWithPace, &[("reach", &reach), ("pace", &pace)]))]),
        (false, None) => ctx.fill(Msg::WithStatus, &[("text", status), ("status", &reach)]),
    }
}

/// The district profile's line for one targeted indicator: "Samagra e-KYC: Off track; at this
/// pace reaches 100.0% in March 2028".
pub fn district_line(ctx: &Ctx, indicator: usize, p: &Projection) -> String {
    let subject = Subject::Indicator(indicator);
    let reach = reach_text(ctx, subject, p);
    let detail = if reach.is_empty() { deadline_text(ctx, subject).unwrap_or_default() } else { reach };
    ctx.fill(Msg::TrackLine, &[("indicator", &ctx.subject_short(subject)), ("status", label(ctx, p.track)), ("detail", &detail)])
}

/// Counts of each status among districts with a value in the period shown.
pub fn counts(projections: &[Projection]) -> [usize; 4] {
    let mut c = [0; 4];
    for p in projections.iter().filter(|p| p.latest.is_some()) {
        c[Track::ALL.iter().position(|t| *t == p.track).unwrap_or(3)] += 1;
    }
    c
}

/// The briefing's sentences for one indicator in one period: how many districts will miss the
/// target at their present pace, how many have met it and are on track, and how many have
/// too few values. `None` without a dated target or before the period's values are loaded.
pub fn summary(ctx: &Ctx, indicator: usize, period: usize) -> Option<Vec<String>> {
    let projections = project_all(ctx.ds, indicator, period)?;
    let subject = Subject::Indicator(indicator);
    let (target, by) = deadline_words(ctx, subject)?;
    let [met, on, off, none] = counts(&projections);
    let n = met + on + off + none;
    if n == 0 {
        return None;
    }
    let mut out = vec![ctx.fill(
        Msg::TrackSummary,
        &[("miss", &off.to_string()), ("n", &n.to_string()), ("target", &target), ("by", &by), ("met", &met.to_string()), ("on", &on.to_string())],
    )];
    if none > 0 {
        out.push(ctx.fill(Msg::TrackSummaryNoTrend, &[("count", &none.to_string())]));
    }
    Some(out)
}

/// The word for a pace-to-target status.
pub fn label(ctx: &Ctx, t: Track) -> &'static str {
    ctx.msg(match t {
        Track::Met => Msg::TrackMet,
        Track::OnTrack => Msg::TrackOnTrack,
        Track::OffTrack => Msg::TrackOffTrack,
        Track::NoTrend => Msg::TrackNoTrend,
    })
}
