//! Colour classes for maps: quantile breaks and a colour-blind-safe palette, direction-aware so
//! that the darker end is always the better one, whatever the indicator's direction.

use crate::manifest::Direction;

/// ColorBrewer YlGnBu steps, light (worse) to dark (better): distinguishable with the common
/// colour-vision deficiencies and in greyscale. The two darkest are taken from the 7-class
/// ramp because the 5-class #2c7fb8 cannot carry text at 4.5:1 in either black or white.
pub const PALETTE: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8", "#0c2c84"];

/// Text colour readable on each palette colour (contrast ≥ 4.5:1).
pub const INK: [&str; 5] = ["#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff"];

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
        for (bg, ink) in PALETTE.iter().zip(INK) {
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
}

impl Classes {
    pub fn count(&self) -> usize {
        self.breaks.len() + 1
    }

    /// The class of a value by value order, 0 = lowest values.
    pub fn value_class(&self, v: f64) -> usize {
        self.breaks.iter().take_while(|b| v > **b).count()
    }

    /// The palette index for a value: 0 = worst end, darker = better.
    pub fn shade(&self, v: f64) -> usize {
        self.class_shade(self.value_class(v))
    }

    /// The palette index of class `k` (by value order).
    pub fn class_shade(&self, k: usize) -> usize {
        let n = self.count();
        let by_goodness = match self.direction {
            Direction::HigherIsBetter => k,
            Direction::LowerIsBetter => n - 1 - k,
        };
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
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let mut breaks: Vec<f64> = (1..classes.max(1)).map(|k| v[(k * n / classes).saturating_sub(1).min(n - 1)]).collect();
    breaks.dedup();
    breaks.retain(|b| *b < v[n - 1]);
    Some(Classes { breaks, min: v[0], max: v[n - 1], direction })
}
