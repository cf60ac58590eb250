//! The pace projection: from a district's recent values, whether it has met a target with a
//! deadline, will meet it in time at its present pace, will not, or has too few values to say.
//! The method is written out in `docs/methodology.md` ("Targets with deadlines"), whose worked
//! example a native test recomputes.
//!
//! The pace is the Theil–Sen slope (the median of the slopes between every pair of values) of
//! the last [`WINDOW`] periods up to the one shown, skipping gaps: one odd month moves a median
//! little where it would tilt a least-squares line. Periods are counted in months for monthly
//! data, so a missing month is a gap in time too; named rounds (NFHS-4, NFHS-5) are counted by
//! position. At least [`MIN_VALUES`] values are needed, or the district has no trend.

use crate::analysis::rounding::round_to;
use crate::format::dataset::Dataset;
use crate::format::manifest::{month_id, month_number, Deadline, Direction, Indicator};

/// How many periods, up to the one shown, the pace is measured over.
pub const WINDOW: usize = 6;
/// How many values within the window a pace needs.
pub const MIN_VALUES: usize = 3;

/// A district's standing against a target with a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Track {
    /// The value shown already meets the target.
    Met,
    /// At the present pace the target is reached by the deadline.
    OnTrack,
    /// At the present pace the target is reached only after the deadline, or never.
    OffTrack,
    /// Too few values (or none in the period shown) to measure a pace.
    NoTrend,
}

impl Track {
    pub const ALL: [Track; 4] = [Track::Met, Track::OnTrack, Track::OffTrack, Track::NoTrend];
    /// The word of the `data-track` hook and the CSV column.
    pub fn word(self) -> &'static str {
        match self {
            Track::Met => "met",
            Track::OnTrack => "on-track",
            Track::OffTrack => "off-track",
            Track::NoTrend => "no-trend",
        }
    }
}

/// When the pace reaches the target.
#[derive(Clone, Debug, PartialEq)]
pub enum Reach {
    /// In this period: a month id for monthly data, or a count of rounds after the shown one.
    Month(String),
    Rounds(u32),
    /// The pace does not move towards the target.
    Never,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub track: Track,
    /// The value in the period shown.
    pub latest: Option<f64>,
    /// Change per month (monthly data) or per round, in the indicator's unit; `None` without a trend.
    pub pace: Option<f64>,
    /// When the target would be reached; `None` when met or without a trend.
    pub reach: Option<Reach>,
    /// How many values the pace was measured from.
    pub values_used: usize,
    /// Whether the pace is per month (monthly data) or per round.
    pub monthly: bool,
}

/// The target a projection measures against: its value, its direction, and where the
/// deadline and the start of the pace fall on the period axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub value: f64,
    pub direction: Direction,
    pub decimals: u8,
    /// The deadline on the period axis (see [`axis`]).
    pub by: f64,
    /// No value before this point counts towards the pace.
    pub from: Option<f64>,
    /// Whether the axis counts months (so a reach can be named as a month).
    pub monthly: bool,
}

/// Where each of the dataset's periods lies on the time axis: months since year 0 when every
/// period is a month, otherwise its position.
pub fn axis(ds: &Dataset) -> (Vec<f64>, bool) {
    let months: Option<Vec<i64>> = ds.periods().iter().map(|p| month_number(&p.id)).collect();
    match months {
        Some(m) => (m.into_iter().map(|x| x as f64).collect(), true),
        None => ((0..ds.periods().len()).map(|i| i as f64).collect(), false),
    }
}

/// The goal of an indicator with a target and a deadline; `None` otherwise, or when the
/// deadline cannot be placed on this dataset's axis.
pub fn goal(ds: &Dataset, ind: &Indicator) -> Option<Goal> {
    let value = ind.target?;
    let Deadline { by, from } = ind.deadline.as_ref()?;
    let (xs, monthly) = axis(ds);
    let place = |id: &str| -> Option<f64> {
        match ds.period_index(id) {
            Some(i) => Some(xs[i]),
            None if monthly => month_number(id).map(|m| m as f64),
            None => None,
        }
    };
    Some(Goal { value, direction: ind.direction, decimals: ind.decimals, by: place(by)?, from: from.as_deref().and_then(place), monthly })
}

/// Whether a value meets the target, compared as displayed (the one rounding rule).
pub fn meets(value: f64, goal: &Goal) -> bool {
    meets_target(value, goal.value, goal.direction, goal.decimals)
}

/// Whether a value meets a target, both as displayed at `decimals`: the rule every "target met"
/// follows (the map, the rankings, "what changed").
pub fn meets_target(value: f64, target: f64, direction: Direction, decimals: u8) -> bool {
    let (v, t) = (round_to(value, decimals), round_to(target, decimals));
    match direction {
        Direction::HigherIsBetter => v >= t,
        Direction::LowerIsBetter => v <= t,
    }
}

/// The Theil–Sen slope: the median of the slopes between every pair of points with distinct x.
pub fn theil_sen(points: &[(f64, f64)]) -> Option<f64> {
    let mut slopes = Vec::new();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            let s = (b.1 - a.1) / (b.0 - a.0);
            // Equal x, or values so extreme their difference overflows, give no slope.
            if b.0 != a.0 && s.is_finite() {
                slopes.push(s);
            }
        }
    }
    median(&mut slopes).filter(|m| m.is_finite())
}

fn median(xs: &mut [f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    crate::format::order::sort_numbers(xs);
    let n = xs.len();
    Some(if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 })
}

/// Projects one district from its values `(x, value)` in the window, oldest first, where the
/// last point, if at `now`, is the value shown.
pub fn project(points: &[(f64, f64)], now: f64, goal: &Goal) -> Projection {
    let latest = points.last().filter(|p| p.0 == now).map(|p| p.1);
    let Some(value) = latest else {
        return Projection { track: Track::NoTrend, latest: None, pace: None, reach: None, values_used: points.len(), monthly: goal.monthly };
    };
    if meets(value, goal) {
        return Projection { track: Track::Met, latest, pace: None, reach: None, values_used: points.len(), monthly: goal.monthly };
    }
    let pace = if points.len() >= MIN_VALUES { theil_sen(points) } else { None };
    let Some(pace) = pace else {
        return Projection { track: Track::NoTrend, latest, pace: None, reach: None, values_used: points.len(), monthly: goal.monthly };
    };
    // Towards the target is up for higher-is-better, down for lower-is-better. A pace that
    // rounds to nothing at the indicator's precision over a whole window does not move.
    let sign = match goal.direction {
        Direction::HigherIsBetter => 1.0,
        Direction::LowerIsBetter => -1.0,
    };
    let step = 10f64.powi(-(goal.decimals as i32)) / 2.0;
    let towards = pace * sign;
    if towards * (WINDOW as f64) < step || now > goal.by {
        let reach = if towards * (WINDOW as f64) < step { Reach::Never } else { reach_at(now, (threshold(goal) - value) / pace, goal) };
        return Projection { track: Track::OffTrack, latest, pace: Some(pace), reach: Some(reach), values_used: points.len(), monthly: goal.monthly };
    }
    // From the value shown, at the pace: the first whole period whose value would display as
    // meeting the target (the one rounding rule, as for "met").
    let periods_needed = ((threshold(goal) - value) / pace).ceil().max(1.0);
    let at = now + periods_needed;
    let track = if at <= goal.by { Track::OnTrack } else { Track::OffTrack };
    Projection { track, latest, pace: Some(pace), reach: Some(reach_at(now, periods_needed, goal)), values_used: points.len(), monthly: goal.monthly }
}

/// The least value (highest, for lower-is-better) that displays as meeting the target: half a
/// published step short of it, since values are rounded half away from zero.
fn threshold(goal: &Goal) -> f64 {
    let half = 10f64.powi(-(goal.decimals as i32)) / 2.0;
    let t = round_to(goal.value, goal.decimals);
    match goal.direction {
        Direction::HigherIsBetter => t - half,
        Direction::LowerIsBetter => t + half,
    }
}

fn reach_at(now: f64, periods_needed: f64, goal: &Goal) -> Reach {
    let needed = periods_needed.ceil().max(1.0);
    // Beyond a century the pace is as good as never.
    if needed > 1200.0 {
        return Reach::Never;
    }
    if goal.monthly {
        Reach::Month(month_id(now as i64 + needed as i64))
    } else {
        Reach::Rounds(needed as u32)
    }
}

/// The points a district's pace is measured from: its values in the last [`WINDOW`] periods up
/// to `period`, none before the goal's `from`.
pub fn window(ds: &Dataset, xs: &[f64], indicator: usize, period: usize, unit: usize, goal: &Goal) -> Vec<(f64, f64)> {
    periods_needed(period)
        .filter_map(|p| Some((*xs.get(p)?, p)))
        .filter(|&(x, _)| goal.from.is_none_or(|f| x >= f))
        .filter_map(|(x, p)| ds.observation(indicator, p, unit).and_then(|o| o.number()).map(|v| (x, v)))
        .collect()
}

/// Every district's projection for an indicator in a period (by unit index); `None` when the
/// indicator has no target with a deadline.
pub fn project_all(ds: &Dataset, indicator: usize, period: usize) -> Option<Vec<Projection>> {
    let goal = goal(ds, ds.indicators().get(indicator)?)?;
    let (xs, _) = axis(ds);
    let now = *xs.get(period)?;
    Some((0..ds.units().len()).map(|u| project(&window(ds, &xs, indicator, period, u, &goal), now, &goal)).collect())
}

/// One district's projection (the district profile's line), without projecting the others.
pub fn project_one(ds: &Dataset, xs: &[f64], indicator: usize, period: usize, unit: usize) -> Option<Projection> {
    let goal = goal(ds, ds.indicators().get(indicator)?)?;
    let now = *xs.get(period)?;
    Some(project(&window(ds, xs, indicator, period, unit, &goal), now, &goal))
}

/// The periods a projection reads: the window up to `period`.
pub fn periods_needed(period: usize) -> std::ops::RangeInclusive<usize> {
    (period + 1).saturating_sub(WINDOW)..=period
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(value: f64, direction: Direction, by: f64) -> Goal {
        Goal { value, direction, decimals: 1, by, from: None, monthly: true }
    }

    #[test]
    fn a_steady_climb_reaches_the_target_in_time_or_late() {
        // 2 points a month from 80 at month 5: 100 is reached at month 15.
        let pts: Vec<(f64, f64)> = (0..6).map(|i| (i as f64, 70.0 + 2.0 * i as f64)).collect();
        let p = project(&pts, 5.0, &goal(100.0, Direction::HigherIsBetter, 15.0));
        assert_eq!((p.track, p.pace), (Track::OnTrack, Some(2.0)));
        let p = project(&pts, 5.0, &goal(100.0, Direction::HigherIsBetter, 14.0));
        assert_eq!(p.track, Track::OffTrack);
    }

    #[test]
    fn lower_is_better_falls_towards_its_target() {
        let pts: Vec<(f64, f64)> = (0..6).map(|i| (i as f64, 12.0 - i as f64)).collect();
        assert_eq!(project(&pts, 5.0, &goal(5.0, Direction::LowerIsBetter, 7.0)).track, Track::OnTrack);
        assert_eq!(project(&pts, 5.0, &goal(5.0, Direction::LowerIsBetter, 6.0)).track, Track::OffTrack);
        // Rising is moving away.
        let up: Vec<(f64, f64)> = pts.iter().map(|&(x, y)| (x, 20.0 - y)).collect();
        let p = project(&up, 5.0, &goal(5.0, Direction::LowerIsBetter, 60.0));
        assert_eq!((p.track, p.reach), (Track::OffTrack, Some(Reach::Never)));
    }

    #[test]
    fn a_flat_series_never_arrives_and_a_met_target_is_met() {
        let flat: Vec<(f64, f64)> = (0..6).map(|i| (i as f64, 80.0)).collect();
        let p = project(&flat, 5.0, &goal(100.0, Direction::HigherIsBetter, 100.0));
        assert_eq!((p.track, p.reach), (Track::OffTrack, Some(Reach::Never)));
        // 99.96 shows as 100.0: met, by the one rounding rule.
        let met = [(4.0, 99.0), (5.0, 99.96)];
        assert_eq!(project(&met, 5.0, &goal(100.0, Direction::HigherIsBetter, 6.0)).track, Track::Met);
    }

    #[test]
    fn gaps_count_as_time_and_too_few_values_have_no_trend() {
        // Months 0, 1 and 5: the pace is per month, not per value.
        let gappy = [(0.0, 60.0), (1.0, 61.0), (5.0, 65.0)];
        let p = project(&gappy, 5.0, &goal(70.0, Direction::HigherIsBetter, 10.0));
        assert_eq!((p.track, p.pace, p.reach), (Track::OnTrack, Some(1.0), Some(Reach::Month(month_id(10)))));
        assert_eq!(project(&gappy[1..], 5.0, &goal(70.0, Direction::HigherIsBetter, 10.0)).track, Track::NoTrend);
        // No value in the period shown: no trend, whatever came before.
        assert_eq!(project(&gappy[..2], 5.0, &goal(70.0, Direction::HigherIsBetter, 10.0)).track, Track::NoTrend);
    }

    #[test]
    fn one_odd_month_does_not_tilt_the_pace() {
        let pts = [(0.0, 50.0), (1.0, 51.0), (2.0, 90.0), (3.0, 53.0), (4.0, 54.0), (5.0, 55.0)];
        assert_eq!(theil_sen(&pts), Some(1.0));
    }

    #[test]
    fn a_passed_deadline_is_off_track_unless_met() {
        let pts: Vec<(f64, f64)> = (0..6).map(|i| (i as f64, 90.0 + i as f64)).collect();
        assert_eq!(project(&pts, 5.0, &goal(100.0, Direction::HigherIsBetter, 4.0)).track, Track::OffTrack);
        assert_eq!(project(&pts, 5.0, &goal(95.0, Direction::HigherIsBetter, 4.0)).track, Track::Met);
    }
}
