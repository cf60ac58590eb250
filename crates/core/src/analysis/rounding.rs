//! The one rounding rule, shared by what is ranked, classified, compared and shown: every
//! figure a reader sees and every comparison behind it goes through [`round_to`] (or, for the
//! digits themselves, `present::numfmt`, which calls [`rounded_digits`]).

/// The one rounding rule, shared by what is shown and what is ranked: a value is rounded to
/// `decimals` places **half away from zero on its shortest decimal form** (the digits a
/// publisher typed: 45.25 → 45.3, 12.5 → 13, 2.675 → 2.68), never on its binary expansion.
/// Two values are tied exactly when they display the same.
///
/// Returns the sign (false for zero) and the digits before and after the point.
pub(crate) fn rounded_digits(x: f64, decimals: u8) -> (bool, String, String) {
    let decimals = decimals as usize;
    // Display for f64 gives the shortest digits that read back as the same number, with no
    // exponent, so this works from 1e-300 to 1e300.
    let s = format!("{}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals)).collect();
    if frac.as_bytes().get(decimals).is_some_and(|d| *d >= b'5') {
        // Carry the 1 leftwards; a carry out of the first digit adds a new leading 1.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let int: String = String::from_utf8_lossy(&digits[..split]).into_owned();
    let frac: String = String::from_utf8_lossy(&digits[split..]).into_owned();
    let negative = x < 0.0 && digits.iter().any(|d| *d != b'0');
    (negative, int, frac)
}

/// `x` rounded by the rule of [`rounded_digits`], as a number: the key ranking compares.
/// Non-finite values are returned unchanged.
pub fn round_to(x: f64, decimals: u8) -> f64 {
    if !x.is_finite() {
        return x;
    }
    // Most figures already have no more places than they are shown with. When x is exactly
    // the nearest double to an integer over 10^decimals, that decimal reads back as x, so x's
    // shortest form has no more places and rounding leaves it as it is: no text to write and
    // read back (this runs for every figure ranked, classified and compared on the first view).
    if decimals <= 15 {
        let scale = 10f64.powi(i32::from(decimals));
        let scaled = (x * scale).round();
        if scaled.abs() < 9_007_199_254_740_992.0 && scaled / scale == x {
            return x + 0.0;
        }
    }
    by_digits(x, decimals)
}

/// [`round_to`] through the digits themselves: the rule as written.
fn by_digits(x: f64, decimals: u8) -> f64 {
    let (negative, int, frac) = rounded_digits(x, decimals);
    let text = if frac.is_empty() { int } else { format!("{int}.{frac}") };
    let v: f64 = text.parse().unwrap_or(x);
    // Adding 0.0 turns −0.0 into 0.0, so a value that rounds to zero equals zero.
    (if negative { -v } else { v }) + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut in `round_to` gives what the digits give, for figures with as many places
    /// as shown, fewer, more, halves, sums that carry binary noise and the extremes.
    #[test]
    fn the_shortcut_agrees_with_the_digits() {
        let mut xs = vec![0.0, -0.0, 12.5, 45.25, 2.675, 0.1 + 0.2, 1e-300, 1e300, 9_007_199_254_740_993.0, -0.04, -0.05, 99.95, 1.005];
        // A deterministic spread of values with 0–6 places (a small LCG: no crate needed).
        let mut seed: u64 = 42;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let places = (seed >> 60) % 7;
            let whole = ((seed >> 20) % 2_000_000) as f64 - 1_000_000.0;
            xs.push(whole / 10f64.powi(places as i32));
        }
        for x in xs {
            for d in 0..=6 {
                let (a, b) = (round_to(x, d), by_digits(x, d));
                assert!(a == b && a.is_sign_negative() == b.is_sign_negative(), "{x} to {d} places: {a} by the shortcut, {b} by the digits");
            }
        }
    }
}
