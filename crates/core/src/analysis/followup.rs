//! The follow-up of a review: for each district a review named, its value and rank in the
//! period the review looked at and in the period shown now, and whether it improved, compared
//! as displayed (the one rounding rule), so "unchanged" means the figure a reader sees did not
//! move.

use crate::dataset::Dataset;
use crate::manifest::{Direction, NamedAs, Review};
use crate::numfmt::round_to;
use crate::rank::{rank_indicator, Ranked};

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
    pub districts: Vec<NamedDistrict>,
}

/// The review followed up to `now` (a period index). Points whose indicator or districts the
/// dataset no longer has are left out (the reader reported them when the manifest was read).
pub fn follow_up(ds: &Dataset, review: &Review, now: usize) -> Option<(usize, Vec<PointFollowup>)> {
    let then = ds.period_index(&review.period)?;
    let points = review
        .points
        .iter()
        .filter_map(|point| {
            let i = ds.indicator_index(&point.indicator)?;
            let ind = &ds.indicators()[i];
            let r_then = rank_indicator(ds, i, then);
            let r_now = rank_indicator(ds, i, now);
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
                        flagged: n.named_as.for_doing_badly() && followup != Followup::Improved,
                    })
                })
                .collect();
            Some(PointFollowup { indicator: i, districts })
        })
        .collect();
    Some((then, points))
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
