//! "What changed", written for the reader: for the period shown against the one before it,
//! whole sentences in the reader's language about the chosen indicator (districts that entered
//! or left the top or bottom three, the largest movers, targets newly met) and about the whole
//! dataset (the state averages that moved most, how many targets districts newly met).

use super::{Ctx, Subject};
use crate::analysis::changes::{indicator_changes, largest_average_moves, targets_newly_met};
use crate::present::i18n::Msg;

/// How many indicators' average moves the summary names.
pub const AVERAGES_NAMED: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    /// "What changed since September 2026".
    pub heading: String,
    pub sentences: Vec<String>,
}

/// The changes from the period before `period` to `period`. Sentences need both periods'
/// values; before they arrive the list is empty. The first period has nothing to compare.
pub fn model(ctx: &Ctx, subject: Subject, period: usize) -> Changes {
    let ds = ctx.ds;
    let Some(then) = ds.previous_period(period) else {
        return Changes { heading: ctx.msg(Msg::ChangesNone).to_string(), sentences: Vec::new() };
    };
    let heading = ctx.fill(Msg::ChangesHeading, &[("then", &ctx.period_label(then))]);
    let mut sentences = match subject {
        Subject::Indicator(i) => indicator_sentences(ctx, i, then, period),
        Subject::Composite => Vec::new(),
    };
    sentences.extend(overall_sentences(ctx, then, period));
    Changes { heading, sentences }
}

/// The sentences about one indicator: the ends of its ranking, its largest movers, and the
/// districts that newly met its target.
pub fn indicator_sentences(ctx: &Ctx, i: usize, then: usize, period: usize) -> Vec<String> {
    let ds = ctx.ds;
    let subject = Subject::Indicator(i);
    let mut sentences = Vec::new();
    let Some(c) = indicator_changes(ds, i, then, period) else { return sentences };
    let name = ctx.subject_short(subject);
    let list = |units: &[usize]| ctx.units_list(units);
    let mut ends = Vec::new();
    for (units, m) in [
        (&c.entered_top, Msg::ChangesEnteredTop),
        (&c.left_top, Msg::ChangesLeftTop),
        (&c.entered_bottom, Msg::ChangesEnteredBottom),
        (&c.left_bottom, Msg::ChangesLeftBottom),
    ] {
        if !units.is_empty() {
            ends.push(ctx.fill(m, &[("subject", &name), ("districts", &list(units))]));
        }
    }
    if ends.is_empty() {
        ends.push(ctx.fill(Msg::ChangesEndsSame, &[("subject", &name), ("then", &ctx.period_label(then))]));
    }
    sentences.extend(ends);
    for (moved, m) in [(c.rose_most, Msg::ChangesRoseMost), (c.fell_most, Msg::ChangesFellMost)] {
        if let Some((u, places, rank)) = moved {
            sentences.push(ctx.fill(m, &[("district", &ctx.name(u)), ("places", &places.to_string()), ("rank", &rank.to_string())]));
        }
    }
    if let (false, Some(t)) = (c.newly_met.is_empty(), ds.indicators().get(i).and_then(|x| x.target)) {
        sentences.push(ctx.fill(Msg::ChangesNewlyMet, &[("target", &ctx.value(subject, t)), ("districts", &list(&c.newly_met))]));
    }
    sentences
}

/// The sentences about the whole dataset: the state averages that moved most and how many
/// targets districts newly met.
pub fn overall_sentences(ctx: &Ctx, then: usize, period: usize) -> Vec<String> {
    let ds = ctx.ds;
    let mut sentences = Vec::new();
    let moves = largest_average_moves(ds, then, period);
    if !moves.is_empty() {
        let named: Vec<String> = moves
            .iter()
            .take(AVERAGES_NAMED)
            .map(|m| {
                let s = Subject::Indicator(m.indicator);
                let msg = if m.standardised > 0.0 { Msg::AverageBetter } else { Msg::AverageWorse };
                ctx.fill(msg, &[("indicator", &ctx.subject_short(s)), ("then", &ctx.value(s, m.then)), ("now", &ctx.value(s, m.now))])
            })
            .collect();
        sentences.push(ctx.fill(Msg::ChangesAverages, &[("moves", &named.join("; "))]));
    }
    let met: usize = targets_newly_met(ds, then, period).iter().map(|(_, u)| u.len()).sum();
    if met > 0 {
        sentences.push(ctx.fill(Msg::ChangesTargetsAll, &[("count", &met.to_string())]));
    }
    sentences
}
