//! The one sort every layer (and the app) uses: stable, like `slice::sort_by`, but compiled
//! once. The standard library's sort is generic over element and comparison, and each of the
//! twenty-odd call sites in the wasm carried its own copy (about 110 KB of the app's code); here
//! only a small wrapper is generic, and the sorting itself is one merge sort of indices behind a
//! `dyn` comparison. At 800 districts that costs nothing a reader could notice.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (stable).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by a key, keeping elements with equal keys in their order (stable).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts numbers in ascending total order (−0.0 before 0.0; NaN last).
pub fn sort_numbers(v: &mut [f64]) {
    sort_by(v, f64::total_cmp);
}

/// The positions 0..n in sorted order: a bottom-up merge sort, stable because a tie takes from
/// the left run first.
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r, mut k) = (start, mid, start);
            while l < mid && r < end {
                if cmp(from[r], from[l]) == Ordering::Less {
                    to[k] = from[r];
                    r += 1;
                } else {
                    to[k] = from[l];
                    l += 1;
                }
                k += 1;
            }
            to[k..k + (mid - l)].copy_from_slice(&from[l..mid]);
            k += mid - l;
            to[k..k + (end - r)].copy_from_slice(&from[r..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Puts the element at `order[k]` in position `k`, following each cycle of the permutation
/// with swaps (no element is cloned).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for i in 0..v.len() {
        if order[i] == DONE {
            continue;
        }
        let mut j = i;
        loop {
            let src = order[j];
            order[j] = DONE;
            if src == i {
                break;
            }
            v.swap(j, src);
            j = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first part only: the second shows the sort kept ties in order.
        let mut seed = 12345u64;
        for n in [0, 1, 2, 3, 7, 8, 9, 31, 55, 100, 785] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");
        }
        let mut xs = vec![3.0, -0.0, f64::NAN, 0.0, -1.5];
        sort_numbers(&mut xs);
        assert_eq!(format!("{xs:?}"), "[-1.5, -0.0, 0.0, 3.0, NaN]");
        let mut words = vec!["b", "a", "c"];
        sort_by_key(&mut words, |w| std::cmp::Reverse(*w));
        assert_eq!(words, ["c", "b", "a"]);
    }
}
