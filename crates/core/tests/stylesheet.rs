//! The stylesheet's rules that follow the core's numbers: a square's name and rank are hidden by
//! container queries at the widths `present::map` classes them by, so a step changed in one
//! place and not the other fails here.

use samiksha_core::present::map::{RANK_STEPS, TILE_STEPS};

fn stylesheet() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/style.css");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_name_step_has_its_rule_in_pixels() {
    let css = stylesheet();
    for step in TILE_STEPS {
        let rule = format!("@container (width < {step}px) {{ .tile-name.need-{step} {{ display: none; }} }}");
        assert!(css.contains(&rule), "public/style.css lacks: {rule}");
    }
}

#[test]
fn every_rank_step_has_its_rule_in_rem() {
    let css = stylesheet();
    for step in RANK_STEPS {
        let rem = f64::from(step) / 16.0;
        let rule = format!("@container (width < {rem}rem) {{ .tile-rank.need-{step} {{ display: none; }} }}");
        assert!(css.contains(&rule), "public/style.css lacks: {rule}");
    }
    // A rank wider than every step is hidden below a width beyond the last one.
    let last = f64::from(*RANK_STEPS.last().unwrap()) / 16.0;
    let more = css
        .split("{ .tile-rank.need-more {")
        .next()
        .and_then(|before| before.rsplit("(width < ").next())
        .and_then(|w| w.split("rem)").next())
        .and_then(|w| w.parse::<f64>().ok());
    assert!(more.is_some_and(|w| w > last), "the need-more rule hides below {more:?} rem, not beyond {last}");
}
