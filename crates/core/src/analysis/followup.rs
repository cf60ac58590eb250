//! The follow-up of a review: for each district a review named, its value and rank in the
//! period the review looked at and in the period shown now, and whether it improved, compared
//! as displayed (the one rounding rule), so "unchanged" means the figure a reader sees did not
//! move.

use crate::analysis::rank::{rank_indicator, Ranked};
use crate::analysis::rounding::round_to;
use crate::format::dataset::Dataset;
use crate::format::manifest::{Direction, NamedAs, Review};

/// What became of a named district between the review and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Followup {
    Improved,
    Worsened,
    Unchanged,
    /// No value then or now.
    NoData,
}

impl Followup {
    pub const ALL: [Followup; 4] = [Followup::Improved, Followup::Worsened, Followup::Unchanged, Followup::NoData];
    /// The word of the `data-followup` hook.
    pub fn word(self) -> &'static str {
        match self {
            Followup::Improved => "improved",
            Followup::Worsened => "worsened",
            Followup::Unchanged => "unchanged",
            Followup::NoData => "no-data",
        }
    }
}

/// Compares two values as displayed, in the indicator's direction.
pub fn compare(then: Option<f64>, now: Option<f64>, direction: Direction, decimals: u8) -> Followup {
    let (Some(a), Some(b)) = (then, now) else { return Followup::NoData };
    let (a, b) = (round_to(a, decimals), round_to(b, decimals));
    let better = match direction {
        Direction::HigherIsBetter => b > a,
        Direction::LowerIsBetter => b < a,
    };
    if a == b {
        Followup::Unchanged
    } else if better {
        Followup::Improved
    } else {
        Followup::Worsened
    }
}

/// One named district, then and now.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedDistrict {
    pub unit: usize,
    pub named_as: NamedAs,
    pub then: Option<f64>,
    pub now: Option<f64>,
    pub rank_then: Option<Ranked>,
    pub rank_now: Option<Ranked>,
    /// How many districts were ranked then and now.
    pub ranked_then: usize,
    pub ranked_now: usize,
    pub followup: Followup,
    /// Named for doing badly and not better since: what the next review must ask about.
    pub flagged: bool,
}

/// One point of the review, followed up.
#[derive(Clone, Debug, PartialEq)]
pub struct PointFollowup {
    pub indicator: usize,
    /// Whether the indicator's values of both periods are loaded; until then nothing is judged.
    pub loaded: bool,
    pub districts: Vec<NamedDistrict>,
}

/// The review followed up to `now` (a period index): the review's period and each point.
/// Points whose indicator or districts the dataset no longer has are left out (the reader
/// reported them when the manifest was read). Before the review's period nothing has followed:
/// `None`.
pub fn follow_up(ds: &Dataset, review: &Review, now: usize) -> Option<(usize, Vec<PointFollowup>)> {
    let then = ds.period_index(&review.period)?;
    if now < then {
        return None;
    }
    let points = review.points.iter().filter_map(|point| follow_up_point(ds, review, &point.indicator, then, now)).collect();
    Some((then, points))
}

/// One point of a review (its indicator's id), followed up from `then` to `now`.
pub fn follow_up_point(ds: &Dataset, review: &Review, indicator: &str, then: usize, now: usize) -> Option<PointFollowup> {
    let point = review.points.iter().find(|p| p.indicator == indicator)?;
    let i = ds.indicator_index(indicator)?;
    let ind = ds.indicators().get(i)?;
    let loaded = ds.column(i, then).is_some() && ds.column(i, now).is_some();
    if !loaded {
        return Some(PointFollowup { indicator: i, loaded, districts: Vec::new() });
    }
    let (r_then, r_now) = (rank_indicator(ds, i, then), rank_indicator(ds, i, now));
    let value = |p: usize, u: usize| ds.observation(i, p, u).and_then(|o| o.number());
    let districts = point
        .named
        .iter()
        .filter_map(|n| {
            let u = ds.unit_index(&n.district)?;
            let (a, b) = (value(then, u), value(now, u));
            let followup = compare(a, b, ind.direction, ind.decimals);
            Some(NamedDistrict {
                unit: u,
                named_as: n.named_as,
                then: a,
                now: b,
                rank_then: r_then.as_ref().and_then(|r| r.rank_of(u)).cloned(),
                rank_now: r_now.as_ref().and_then(|r| r.rank_of(u)).cloned(),
                ranked_then: r_then.as_ref().map_or(0, |r| r.ranked.len()),
                ranked_now: r_now.as_ref().map_or(0, |r| r.ranked.len()),
                followup,
                flagged: n.named_as.for_doing_badly() && now > then && matches!(followup, Followup::Worsened | Followup::Unchanged),
            })
        })
        .collect();
    Some(PointFollowup { indicator: i, loaded, districts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn improvement_follows_the_direction_and_the_displayed_figure() {
        use Direction::*;
        assert_eq!(compare(Some(10.0), Some(12.0), HigherIsBetter, 1), Followup::Improved);
        assert_eq!(compare(Some(10.0), Some(12.0), LowerIsBetter, 1), Followup::Worsened);
        assert_eq!(compare(Some(10.04), Some(9.96), LowerIsBetter, 1), Followup::Unchanged);
        assert_eq!(compare(None, Some(9.0), LowerIsBetter, 1), Followup::NoData);
        assert_eq!(compare(Some(9.0), None, LowerIsBetter, 1), Followup::NoData);
    }
}
