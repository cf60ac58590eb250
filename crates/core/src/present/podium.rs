//! The top and bottom three, honest about ties at the edge: when more districts share the
//! edge rank than fit, the side says how many more and which, rather than dropping them.

/// One side of the podium: positions (indices into the best-first list) shown, and those tied
/// with the edge that did not fit.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Side {
    pub shown: Vec<usize>,
    /// Tied with the edge rank but beyond the side's size, in list order.
    pub more: Vec<usize>,
    /// The rank they share with the edge, when `more` is not empty.
    pub more_rank: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Podium {
    pub top: Side,
    pub bottom: Side,
}

/// Splits a best-first list of ranks into the top `n` and the bottom `n` (worst last), each
/// with the districts tied at its edge that did not fit.
pub fn podium(ranks: &[usize], n: usize) -> Podium {
    let len = ranks.len();
    let k = n.min(len);
    if k == 0 {
        return Podium::default();
    }
    let top_shown: Vec<usize> = (0..k).collect();
    let edge = ranks[k - 1];
    let top_more: Vec<usize> = (k..len).filter(|&i| ranks[i] == edge).collect();
    let bottom_shown: Vec<usize> = (len - k..len).collect();
    let edge_b = ranks[len - k];
    let bottom_more: Vec<usize> = (0..len - k).filter(|&i| ranks[i] == edge_b).collect();
    Podium {
        top: Side { more_rank: (!top_more.is_empty()).then_some(edge), shown: top_shown, more: top_more },
        bottom: Side { more_rank: (!bottom_more.is_empty()).then_some(edge_b), shown: bottom_shown, more: bottom_more },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_ties_no_mark() {
        let p = podium(&[1, 2, 3, 4, 5, 6, 7], 3);
        assert_eq!(p.top.shown, [0, 1, 2]);
        assert!(p.top.more.is_empty() && p.top.more_rank.is_none());
        assert_eq!(p.bottom.shown, [4, 5, 6]);
        assert!(p.bottom.more.is_empty());
    }

    #[test]
    fn ties_across_the_top_edge_are_counted_and_named() {
        // Five districts share rank 1: three fit, two more are listed.
        let p = podium(&[1, 1, 1, 1, 1, 6, 7, 8, 9], 3);
        assert_eq!(p.top.shown, [0, 1, 2]);
        assert_eq!(p.top.more, [3, 4]);
        assert_eq!(p.top.more_rank, Some(1));
        // A tie inside the three that does not cross the edge needs no mark.
        let p = podium(&[1, 1, 3, 4, 5], 3);
        assert!(p.top.more.is_empty());
    }

    #[test]
    fn ties_across_the_bottom_edge_are_counted_and_named() {
        let p = podium(&[1, 2, 3, 4, 5, 5, 5, 5], 3);
        assert_eq!(p.bottom.shown, [5, 6, 7]);
        assert_eq!(p.bottom.more, [4]);
        assert_eq!(p.bottom.more_rank, Some(5));
    }

    #[test]
    fn short_lists_and_empty_lists() {
        assert_eq!(podium(&[], 3), Podium::default());
        let p = podium(&[1, 2], 3);
        assert_eq!(p.top.shown, [0, 1]);
        assert_eq!(p.bottom.shown, [0, 1]);
        assert!(p.top.more.is_empty() && p.bottom.more.is_empty());
    }
}
