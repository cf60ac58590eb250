//! Colour classes for maps: quantile, equal-interval, natural (ckmeans) and target-based breaks,
//! and a diverging scheme around a centre (the target or the average), all with colour-blind-safe
//! palettes and direction-aware so "better" always looks the same: darker blue in the sequential
//! palette, purple (against orange) in the diverging one. `Method::Track` names the pace-to-target
//! colouring, whose four status colours (`TRACK`) `present::map` applies from `analysis::track`.

use crate::analysis::rounding::round_to;
use crate::format::manifest::Direction;

/// ColorBrewer YlGnBu steps, light (worse) to dark (better): distinguishable with the common
/// colour-vision deficiencies and in greyscale. The two darkest are taken from the 7-class
/// ramp because the 5-class #2c7fb8 cannot carry text at 4.5:1 in either black or white.
pub const PALETTE: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8", "#0c2c84"];

/// Text colour readable on each palette colour (contrast ≥ 4.5:1).
pub const INK: [&str; 5] = ["#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff"];

/// ColorBrewer PuOr, 5 classes: worse (orange) – near the centre (grey) – better (purple).
pub const DIVERGING: [&str; 5] = ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"];
/// Pace to target, in `Track` order (met, on track, off track, no trend): dark blue, teal,
/// orange, light grey; told apart with the common colour-vision deficiencies and by the
/// legend's words and the marks beside names.
pub const TRACK: [&str; 4] = ["#0c2c84", "#41b6c4", "#e66101", "#d9d9d9"];
pub const TRACK_INK: [&str; 4] = ["#ffffff", "#1a1a1a", "#1a1a1a", "#1a1a1a"];

pub const DIVERGING_INK: [&str; 5] = ["#1a1a1a", "#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff"];

/// How values are grouped into colour classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// About the same number of districts in each class.
    Quantile,
    /// Classes of equal width between the lowest and highest value.
    EqualInterval,
    /// Breaks where the values cluster (ckmeans, optimal Jenks).
    NaturalBreaks,
    /// Fixed breaks at fractions of the target (met, within 10%, 25%, 50%, further).
    TargetBands,
    /// Distance from the target, or from the average of districts, on either side.
    Diverging,
    /// Pace to a target with a deadline: met, on track, off track, no trend (four classes by
    /// status, not by value; see `analysis::track`). Offered only for such a target.
    Track,
}

impl Method {
    pub const ALL: [Method; 6] = [Method::Quantile, Method::EqualInterval, Method::NaturalBreaks, Method::TargetBands, Method::Diverging, Method::Track];

    pub fn word(self) -> &'static str {
        match self {
            Method::Quantile => "quantile",
            Method::EqualInterval => "equal",
            Method::NaturalBreaks => "natural",
            Method::TargetBands => "target",
            Method::Diverging => "diverging",
            Method::Track => "track",
        }
    }

    pub fn from_word(w: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.word() == w)
    }

    /// The method that suits an indicator by default: distance from target when it has one.
    pub fn default_for(target: Option<f64>) -> Method {
        if target.is_some() {
            Method::Diverging
        } else {
            Method::Quantile
        }
    }
}

/// Which palette a classification uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Sequential,
    Diverging,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let c: Vec<f64> = (0..3)
            .map(|i| u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap() as f64 / 255.0)
            .map(|x| if x <= 0.03928 { x / 12.92 } else { ((x + 0.055) / 1.055).powf(2.4) })
            .collect();
        0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    }

    #[test]
    fn text_on_every_class_meets_wcag_aa() {
        for (bg, ink) in PALETTE.iter().zip(INK).chain(DIVERGING.iter().zip(DIVERGING_INK)) {
            let (a, b) = (luminance(bg), luminance(ink));
            let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(ratio >= 4.5, "{ink} on {bg}: {ratio:.2}");
        }
    }

    #[test]
    fn the_palette_darkens_steadily() {
        let l: Vec<f64> = PALETTE.iter().map(|p| luminance(p)).collect();
        assert!(l.windows(2).all(|w| w[0] > w[1]), "{l:?}");
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    /// Upper bounds of each class but the last, ascending in value.
    pub breaks: Vec<f64>,
    pub min: f64,
    pub max: f64,
    pub direction: Direction,
    pub scheme: Scheme,
    /// For diverging classes: the value at the centre.
    pub centre: Option<f64>,
    /// Palette index of each class by value order, when fixed by [`Classes::tidy`]; until then
    /// it follows from the class count.
    pub shades: Vec<usize>,
    /// Decimals the values are shown with, once tidied; classes compare values as shown.
    pub decimals: Option<u8>,
}

/// One class as a legend shows it: the values it holds as shown, and how many districts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LegendClass {
    /// Index by value order.
    pub class: usize,
    /// The lowest and highest value a district in this class can show.
    pub low: f64,
    pub high: f64,
    pub count: usize,
}

impl Classes {
    pub fn count(&self) -> usize {
        self.breaks.len() + 1
    }

    /// The class of a value by value order, 0 = lowest values. Once tidied, the value is
    /// compared as shown, so districts that show the same value share a class.
    pub fn value_class(&self, v: f64) -> usize {
        let v = self.decimals.map_or(v, |d| round_to(v, d));
        self.breaks.iter().take_while(|b| v > **b).count()
    }

    /// Makes the classes honest for a legend over `values` shown with `decimals`: breaks move
    /// to values as shown, and a class that would hold no district (or none that could show a
    /// value inside it) merges into its neighbour, keeping the neighbour's colour. Afterwards
    /// every class holds at least one district and its range reads low ≤ high.
    pub fn tidy(mut self, values: &[f64], decimals: u8) -> Classes {
        let shown: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).map(|v| round_to(v, decimals)).collect();
        if self.shades.len() != self.count() {
            self.shades = (0..self.count()).map(|k| self.class_shade(k)).collect();
        }
        self.breaks = self.breaks.iter().map(|b| round_to(*b, decimals)).collect();
        self.decimals = Some(decimals);
        // Snapping can make two breaks equal: the class between them is empty and goes below.
        loop {
            let counts = self.counts(&shown);
            let Some(k) = counts.iter().position(|c| *c == 0) else { break };
            if self.breaks.is_empty() {
                break;
            }
            // Merge the empty class into the class below it (or, for the first, above it).
            let (break_gone, shade_gone) = if k == 0 { (0, 0) } else { (k - 1, k) };
            self.breaks.remove(break_gone);
            self.shades.remove(shade_gone);
        }
        if let (Some(lo), Some(hi)) = (shown.iter().copied().reduce(f64::min), shown.iter().copied().reduce(f64::max)) {
            self.min = lo;
            self.max = hi;
        }
        self
    }

    /// Districts per class, by value order.
    pub fn counts(&self, values: &[f64]) -> Vec<usize> {
        let mut counts = vec![0; self.count()];
        for v in values.iter().filter(|v| v.is_finite()) {
            counts[self.value_class(*v)] += 1;
        }
        counts
    }

    /// The legend's classes, by value order: each class's lowest and highest value as shown
    /// (a class above a break starts one shown step above it) and its count.
    pub fn legend(&self, values: &[f64]) -> Vec<LegendClass> {
        let counts = self.counts(values);
        let step = self.decimals.map_or(0.0, |d| 10f64.powi(-(d as i32)));
        (0..self.count())
            .map(|k| {
                let (lo, hi) = self.range(k);
                let low = if k == 0 { lo } else { self.decimals.map_or(lo, |d| round_to(lo + step, d)) };
                LegendClass { class: k, low: low.min(hi), high: hi, count: counts[k] }
            })
            .collect()
    }

    /// The palette index for a value: 0 = worst end, higher = better.
    pub fn shade(&self, v: f64) -> usize {
        self.class_shade(self.value_class(v))
    }

    /// Fill and text colour of class `k` (by value order).
    pub fn colours(&self, k: usize) -> (&'static str, &'static str) {
        let i = self.class_shade(k);
        match self.scheme {
            Scheme::Sequential => (PALETTE[i], INK[i]),
            Scheme::Diverging => (DIVERGING[i], DIVERGING_INK[i]),
        }
    }

    /// The palette index of class `k` (by value order).
    pub fn class_shade(&self, k: usize) -> usize {
        if let Some(s) = self.shades.get(k).filter(|_| self.shades.len() == self.count()) {
            return *s;
        }
        let n = self.count();
        let by_goodness = match self.direction {
            Direction::HigherIsBetter => k,
            Direction::LowerIsBetter => n - 1 - k,
        };
        // Diverging classes keep the centre class in the middle of the palette.
        if self.scheme == Scheme::Diverging && n == PALETTE.len() {
            return by_goodness;
        }
        // Spread fewer classes over the palette's range so the extremes stay distinct.
        if n <= 1 {
            PALETTE.len() - 1
        } else {
            by_goodness * (PALETTE.len() - 1) / (n - 1)
        }
    }

    /// (low, high) of class `k` by value order.
    pub fn range(&self, k: usize) -> (f64, f64) {
        let lo = if k == 0 { self.min } else { self.breaks[k - 1] };
        let hi = if k >= self.breaks.len() { self.max } else { self.breaks[k] };
        (lo, hi)
    }
}

/// Quantile classes: about the same number of districts in each. Repeated break values (many
/// equal values) are merged, so constant data gives a single class rather than empty ones.
pub fn quantiles(values: &[f64], classes: usize, direction: Direction) -> Option<Classes> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    crate::format::order::sort_numbers(&mut v);
    let n = v.len();
    let mut breaks: Vec<f64> = (1..classes.max(1)).map(|k| v[(k * n / classes).saturating_sub(1).min(n - 1)]).collect();
    breaks.dedup();
    breaks.retain(|b| *b < v[n - 1]);
    Some(Classes { breaks, min: v[0], max: v[n - 1], direction, scheme: Scheme::Sequential, centre: None, shades: Vec::new(), decimals: None })
}

fn sorted_finite(values: &[f64]) -> Option<Vec<f64>> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    crate::format::order::sort_numbers(&mut v);
    (!v.is_empty()).then_some(v)
}

fn sequential(breaks: Vec<f64>, v: &[f64], direction: Direction) -> Classes {
    let (min, max) = (v[0], v[v.len() - 1]);
    let mut breaks: Vec<f64> = breaks.into_iter().filter(|b| *b >= min && *b < max).collect();
    breaks.dedup();
    Classes { breaks, min, max, direction, scheme: Scheme::Sequential, centre: None, shades: Vec::new(), decimals: None }
}

/// Equal-width classes between the lowest and highest value.
pub fn equal_interval(values: &[f64], classes: usize, direction: Direction) -> Option<Classes> {
    let v = sorted_finite(values)?;
    let (lo, hi) = (v[0], v[v.len() - 1]);
    let k = classes.max(1);
    let breaks = (1..k).map(|i| lo + (hi - lo) * i as f64 / k as f64).collect();
    Some(sequential(breaks, &v, direction))
}

/// Natural breaks by ckmeans: the grouping of sorted values into `classes` runs with the least
/// total squared distance from each run's mean (dynamic programming, optimal, O(k·n²)).
// The dynamic programme reads best as indices into its tables.
#[allow(clippy::needless_range_loop)]
pub fn natural_breaks(values: &[f64], classes: usize, direction: Direction) -> Option<Classes> {
    let v = sorted_finite(values)?;
    let n = v.len();
    let k = classes.clamp(1, n);
    // Prefix sums give any run's squared-deviation cost in O(1).
    let mut s1 = vec![0.0; n + 1];
    let mut s2 = vec![0.0; n + 1];
    for i in 0..n {
        s1[i + 1] = s1[i] + v[i];
        s2[i + 1] = s2[i] + v[i] * v[i];
    }
    let cost = |a: usize, b: usize| {
        let m = (b - a) as f64;
        let s = s1[b] - s1[a];
        (s2[b] - s2[a]) - s * s / m
    };
    // best[j][i]: least cost of the first i values in j+1 runs; from[j][i]: where the last run starts.
    let mut best = vec![vec![f64::INFINITY; n + 1]; k];
    let mut from = vec![vec![0usize; n + 1]; k];
    for i in 1..=n {
        best[0][i] = cost(0, i);
    }
    for j in 1..k {
        for i in j + 1..=n {
            for start in j..i {
                let c = best[j - 1][start] + cost(start, i);
                if c < best[j][i] {
                    best[j][i] = c;
                    from[j][i] = start;
                }
            }
        }
    }
    let mut breaks = Vec::new();
    let mut end = n;
    for j in (1..k).rev() {
        let start = from[j][end];
        if start == 0 {
            break;
        }
        breaks.push(v[start - 1]);
        end = start;
    }
    breaks.reverse();
    Some(sequential(breaks, &v, direction))
}

/// Fixed breaks from the target: districts that meet it, and those within 10%, 25% and 50% of
/// it, and further. `None` without a target.
pub fn target_bands(values: &[f64], target: Option<f64>, direction: Direction) -> Option<Classes> {
    let v = sorted_finite(values)?;
    let t = target?;
    let span = t.abs().max(1e-9);
    let mut breaks: Vec<f64> = match direction {
        // Higher is better: [< t−50%] [t−50%, t−25%) … [≥ t].
        Direction::HigherIsBetter => vec![t - 0.5 * span, t - 0.25 * span, t - 0.1 * span, t - 1e-9],
        Direction::LowerIsBetter => vec![t, t + 0.1 * span, t + 0.25 * span, t + 0.5 * span],
    };
    breaks.dedup();
    // Keep the classes fixed (they mean the same in every period), even if some are empty.
    let (min, max) = (v[0].min(breaks[0]), v[v.len() - 1].max(breaks[breaks.len() - 1]));
    Some(Classes { breaks, min, max, direction, scheme: Scheme::Sequential, centre: Some(t), shades: Vec::new(), decimals: None })
}

/// Five classes around `centre`: well below, below, near, above, well above, with steps of a
/// fifth of the largest distance from the centre, so the middle class is "near the centre".
pub fn diverging(values: &[f64], centre: f64, direction: Direction) -> Option<Classes> {
    let v = sorted_finite(values)?;
    let reach = v.iter().map(|x| (x - centre).abs()).fold(0.0, f64::max).max(1e-9);
    let s = reach / 5.0;
    let breaks = vec![centre - 3.0 * s, centre - s, centre + s, centre + 3.0 * s];
    let (min, max) = (v[0].min(breaks[0]), v[v.len() - 1].max(breaks[3]));
    Some(Classes { breaks, min, max, direction, scheme: Scheme::Diverging, centre: Some(centre), shades: Vec::new(), decimals: None })
}

/// Classes by `method`; methods that need a target fall back to the average of districts as
/// the centre (diverging) or to quantiles (target bands) when there is none.
pub fn classify(values: &[f64], method: Method, target: Option<f64>, direction: Direction) -> Option<Classes> {
    match method {
        // Status classes are not drawn from values; a caller that asks for them here gets quantiles.
        Method::Quantile | Method::Track => quantiles(values, 5, direction),
        Method::EqualInterval => equal_interval(values, 5, direction),
        Method::NaturalBreaks => natural_breaks(values, 5, direction),
        Method::TargetBands => target_bands(values, target, direction).or_else(|| quantiles(values, 5, direction)),
        Method::Diverging => {
            let finite: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
            let mean = (!finite.is_empty()).then(|| finite.iter().sum::<f64>() / finite.len() as f64)?;
            diverging(values, target.unwrap_or(mean), direction)
        }
    }
}
