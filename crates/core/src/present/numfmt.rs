//! Number formatting for Indian readers: lakh/crore digit grouping (12,34,567) and units.
//!
//! Digits stay in the international form (0–9) in both languages, as Government of India
//! publications do; only grouping and unit words change.

use crate::analysis::rounding::{round_to, rounded_digits};
use crate::format::manifest::{Indicator, Measure};
use crate::format::text::Lang;

/// Groups an integer string the Indian way: the last three digits, then pairs.
fn group_indian(digits: &str) -> String {
    let n = digits.len();
    if n <= 3 {
        return digits.to_string();
    }
    let (head, tail) = digits.split_at(n - 3);
    let mut out = String::new();
    let first = head.len() % 2;
    if first == 1 {
        out.push_str(&head[..1]);
    }
    for (k, pair) in head.as_bytes()[first..].chunks(2).enumerate() {
        if k > 0 || first == 1 {
            out.push(',');
        }
        out.push_str(std::str::from_utf8(pair).unwrap_or(""));
    }
    out.push(',');
    out.push_str(tail);
    out
}

/// Formats `x` with `decimals` places and Indian grouping: 1234567.8 → "12,34,567.8".
pub fn format_number(x: f64, decimals: u8) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let (negative, int, frac) = rounded_digits(x, decimals);
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&group_indian(&int));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    }
    out
}

/// A signed change: "+1.2", "−0.4", "0.0" (no sign on zero).
pub fn format_delta(x: f64, decimals: u8) -> String {
    let body = format_number(x, decimals);
    if round_to(x, decimals) > 0.0 {
        format!("+{body}")
    } else {
        body
    }
}

/// The unit text shown after a value, e.g. "%" or "days".
pub fn unit_suffix(ind: &Indicator, lang: Lang) -> String {
    if let Some(l) = &ind.unit_label {
        return format!(" {}", l.get(lang));
    }
    match (ind.measure, lang) {
        (Measure::Percent, _) => "%".into(),
        (Measure::Days, Lang::En) => " days".into(),
        (Measure::Days, Lang::Hi) => " दिन".into(),
        (Measure::Rupees, _) => "".into(),
        _ => "".into(),
    }
}

/// A value as a reader sees it: "45.3%", "₹12,34,567", "1,923".
pub fn format_value(x: f64, ind: &Indicator, lang: Lang) -> String {
    let num = format_number(x, ind.decimals);
    match ind.measure {
        Measure::Rupees => format!("₹{num}"),
        _ => format!("{num}{}", unit_suffix(ind, lang)),
    }
}

/// Month names, January first, as (English, Hindi).
pub const MONTHS: [(&str, &str); 12] = [
    ("January", "जनवरी"),
    ("February", "फ़रवरी"),
    ("March", "मार्च"),
    ("April", "अप्रैल"),
    ("May", "मई"),
    ("June", "जून"),
    ("July", "जुलाई"),
    ("August", "अगस्त"),
    ("September", "सितंबर"),
    ("October", "अक्टूबर"),
    ("November", "नवंबर"),
    ("December", "दिसंबर"),
];

pub fn month_name(month: u32, lang: Lang) -> &'static str {
    let (en, hi) = MONTHS[(month.clamp(1, 12) - 1) as usize];
    match lang {
        Lang::En => en,
        Lang::Hi => hi,
    }
}

/// "2026-11-20" → "20 November 2026" / "20 नवंबर 2026"; anything else is shown as it is.
pub fn format_date(iso: &str, lang: Lang) -> String {
    if !crate::format::manifest::is_date(iso) {
        return iso.to_string();
    }
    let month: u32 = iso[5..7].parse().unwrap_or(1);
    let day: u32 = iso[8..10].parse().unwrap_or(1);
    format!("{day} {} {}", month_name(month, lang), &iso[..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_like_lakh_and_crore() {
        assert_eq!(format_number(0.0, 0), "0");
        assert_eq!(format_number(999.0, 0), "999");
        assert_eq!(format_number(1000.0, 0), "1,000");
        assert_eq!(format_number(12345.0, 0), "12,345");
        assert_eq!(format_number(123456.0, 0), "1,23,456");
        assert_eq!(format_number(1234567.0, 0), "12,34,567");
        assert_eq!(format_number(123456789.0, 0), "12,34,56,789");
        assert_eq!(format_number(1234567.84, 1), "12,34,567.8");
        assert_eq!(format_number(-1234.5, 1), "−1,234.5");
        assert_eq!(format_number(-0.04, 1), "0.0");
        assert_eq!(format_number(f64::NAN, 1), "–");
    }

    #[test]
    fn rounds_half_away_from_zero_on_the_written_digits() {
        assert_eq!(format_number(45.25, 1), "45.3");
        assert_eq!(format_number(45.2, 1), "45.2");
        assert_eq!(format_number(12.5, 0), "13");
        assert_eq!(format_number(13.0, 0), "13");
        assert_eq!(format_number(2.675, 2), "2.68");
        assert_eq!(format_number(-2.5, 0), "−3");
        assert_eq!(format_number(99.96, 1), "100.0");
        assert_eq!(format_number(999999.5, 0), "10,00,000");
        assert_eq!(format_number(0.000_000_1, 6), "0.000000");
        assert_eq!(format_number(-0.000_000_6, 6), "−0.000001");
        assert_eq!(round_to(45.25, 1), 45.3);
        assert_eq!(round_to(12.5, 0), 13.0);
        assert_eq!(round_to(-0.04, 1).to_bits(), 0.0f64.to_bits());
        assert_eq!(format_delta(1.25, 1), "+1.3");
        assert_eq!(format_delta(-0.04, 1), "0.0");
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        assert_eq!(format_date("2026-11-20", Lang::En), "20 November 2026");
        assert_eq!(format_date("2026-01-05", Lang::Hi), "5 जनवरी 2026");
        assert_eq!(format_date("soon", Lang::En), "soon");
    }
}
