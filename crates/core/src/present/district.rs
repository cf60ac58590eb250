//! The district view's model: the list of districts by division, and one district's profile:
//! names, division, lineage, composite rank and its history, strengths and concerns, and the
//! scorecard of every indicator (value with flag, rank of N, change, state average and target,
//! and the series for a sparkline), beside up to two other districts.

use super::{series, Ctx, Subject};
use crate::analysis::composite::{composite_of, Weighting};
use crate::analysis::review::{review_table, Table};
use crate::present::i18n::Msg;

/// The district picker's list: divisions in order, each with its districts as (slug, name).
pub fn by_division(ctx: &Ctx) -> Vec<(String, Vec<(String, String)>)> {
    let ds = ctx.ds;
    ds.manifest
        .divisions
        .iter()
        .map(|div| {
            let items = ds.units().iter().enumerate().filter(|(_, u)| u.division == div.id).map(|(i, u)| (u.slug.clone(), ctx.name(i))).collect();
            (div.name.get(ctx.lang).to_string(), items)
        })
        .collect()
}

/// The district a finder's text names: an exact name (either language) or slug first, else
/// the first whose name contains the text. `None` for empty text or no match.
pub fn find(ctx: &Ctx, text: &str) -> Option<usize> {
    let q = text.trim().to_lowercase();
    if q.is_empty() {
        return None;
    }
    let units = ctx.ds.units();
    let exact = units.iter().position(|u| u.name.en.to_lowercase() == q || u.name.hi == q || u.slug == q);
    exact.or_else(|| units.iter().position(|u| u.name.en.to_lowercase().contains(&q) || u.name.hi.contains(&q)))
}

/// Every district as (slug, name), sorted by name in the reader's language.
pub fn sorted_names(ctx: &Ctx) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = (0..ctx.ds.units().len()).map(|u| (ctx.slug(u), ctx.name(u))).collect();
    crate::format::order::sort_by(&mut v, |a, b| a.1.cmp(&b.1));
    v
}

/// One line of strengths or concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub indicator: String,
    /// "Public awareness score: 61.2 — rank 1 of 55".
    pub text: String,
}

/// One district's cells of one scorecard row.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub value: String,
    pub rank: String,
    pub change: String,
    /// The indicator's value in every period, for the sparkline.
    pub series: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRow {
    pub indicator: String,
    pub name: String,
    /// "State average: 45.2% · Target: 60%".
    pub versus: String,
    /// One per district shown.
    pub cells: Vec<Cell>,
    pub spark_title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentBlock {
    pub name: String,
    pub rows: Vec<ScoreRow>,
}

/// A district shown on the scorecard, with its column header.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub unit: usize,
    pub slug: String,
    pub name: String,
    /// "Rewa: value".
    pub header: String,
    /// "Remove Rewa", for the districts compared (not the first).
    pub remove: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub slug: String,
    pub name: String,
    pub other_name: String,
    pub other_lang: &'static str,
    pub division: String,
    pub lineage: Vec<String>,
    pub composite: String,
    /// The composite rank in every period (`None` where not ranked or not loaded).
    pub composite_history: Vec<Option<f64>>,
    pub strengths: Vec<Standing>,
    pub concerns: Vec<Standing>,
    /// One line per indicator with a dated target: its pace, in words, and the status word.
    pub tracks: Vec<(Standing, crate::analysis::track::Track)>,
    /// Notes on the data about this district.
    pub notes: Vec<String>,
    pub shown: Vec<Shown>,
    pub departments: Vec<DepartmentBlock>,
    pub caption: String,
    /// Whether any value of the period has arrived (else the view says it is loading).
    pub any_loaded: bool,
    /// Districts that can still be added to the comparison, as (slug, name), sorted by name.
    pub addable: Vec<(String, String)>,
    /// Whether the comparison has room for another district (at most [`MAX_SHOWN`]).
    pub can_add: bool,
}

/// How many districts a scorecard shows side by side: the district and two compared with it,
/// as many as a tablet's width reads.
pub const MAX_SHOWN: usize = 3;

/// The profile of `unit` in `period`, beside up to two districts of `with`.
pub fn profile(ctx: &Ctx, period: usize, unit: usize, with: &[usize]) -> Profile {
    let ds = ctx.ds;
    let u = &ds.units()[unit];
    let mut lineage = Vec::new();
    if let (Some(parent), Some(year)) = (u.carved_from.as_deref().and_then(|p| ds.manifest.unit(p)), u.year_created) {
        lineage.push(ctx.fill(Msg::CarvedFromIn, &[("parent", parent.name.get(ctx.lang)), ("year", &year.to_string())]));
    }
    for f in &u.former_names {
        lineage.push(ctx.fill(Msg::FormerlyCalled, &[("name", f.get(ctx.lang))]));
    }
    let mut shown_units = vec![unit];
    shown_units.extend(with.iter().copied().filter(|x| *x != unit && *x < ds.units().len()).take(MAX_SHOWN - 1));
    shown_units.dedup();

    let tables: Vec<Option<Table>> = (0..ds.indicators().len()).map(|k| review_table(ds, k, period)).collect();
    // Strengths and concerns: the best and worst ranks relative to how many were ranked.
    let mut placed: Vec<(usize, f64, usize, bool, usize, f64)> = tables
        .iter()
        .enumerate()
        .filter_map(|(k, t)| {
            let t = t.as_ref()?;
            let r = t.row(unit)?;
            Some((k, r.rank as f64 / t.ranked_count.max(1) as f64, r.rank, r.tied, t.ranked_count, r.value))
        })
        .collect();
    crate::format::order::sort_by(&mut placed, |a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let standing = |&(k, _, rank, tied, n, value): &(usize, f64, usize, bool, usize, f64)| Standing {
        indicator: ds.indicators()[k].id.clone(),
        text: ctx.fill(
            Msg::IndicatorValueRank,
            &[
                ("indicator", ds.indicators()[k].name.get(ctx.lang)),
                ("value", &ctx.value(Subject::Indicator(k), value)),
                ("rank", &ctx.rank_mark(rank, tied)),
                ("n", &n.to_string()),
            ],
        ),
    };
    let strengths = placed.iter().take(5).map(standing).collect();
    let concerns = placed.iter().rev().take(5).map(standing).collect();

    let composite_history: Vec<Option<f64>> =
        (0..ds.periods().len()).map(|p| composite_of(ds, p, Weighting::Published).and_then(|c| c.ranking.rank_of(unit).map(|r| r.rank as f64))).collect();
    let composite = match composite_of(ds, period, Weighting::Published).and_then(|c| c.ranking.rank_of(unit).map(|r| (r.rank, r.tied, c.ranking.ranked.len())))
    {
        Some((rank, tied, n)) => ctx.fill(Msg::CompositeRankOf, &[("rank", &ctx.rank_mark(rank, tied)), ("n", &n.to_string())]),
        None => ctx.msg(Msg::CompositeNotRanked).to_string(),
    };

    let departments = ds
        .manifest
        .departments
        .iter()
        .map(|dep| {
            let rows = ds
                .indicators()
                .iter()
                .enumerate()
                .filter(|(_, i)| i.department == dep.id)
                .map(|(k, ind)| {
                    let subject = Subject::Indicator(k);
                    let table = tables[k].as_ref();
                    let cells = shown_units
                        .iter()
                        .map(|&x| {
                            let (value, rank, change) = match table.and_then(|t| t.row(x).map(|r| (r, t.ranked_count))) {
                                Some((r, n)) => {
                                    let v = ctx.value(subject, r.value);
                                    let value = match ctx.flag_label(r.flag.as_deref()) {
                                        Some(f) => format!("{v} * ({f})"),
                                        None => v,
                                    };
                                    (
                                        value,
                                        ctx.rank_of(r.rank, r.tied, n),
                                        r.change.as_ref().map(|c| ctx.change(c, ind.decimals)).unwrap_or_else(|| "–".into()),
                                    )
                                }
                                None => {
                                    let reason = table.and_then(|t| t.unranked.iter().find(|y| y.0 == x)).map_or(ctx.msg(Msg::NoData), |y| y.1.label(ctx.lang));
                                    (reason.to_string(), ctx.msg(Msg::NotRanked).to_string(), "–".into())
                                }
                            };
                            Cell { value, rank, change, series: series(ds, subject, x) }
                        })
                        .collect();
                    let mut versus = Vec::new();
                    if let Some(m) = table.and_then(|t| t.mean) {
                        versus.push(ctx.fill(Msg::StateAverageIs, &[("value", &ctx.value(subject, m))]));
                    }
                    if let Some(t) = ind.target {
                        versus.push(ctx.fill(Msg::TargetIs, &[("value", &ctx.value(subject, t))]));
                    }
                    ScoreRow {
                        indicator: ind.id.clone(),
                        name: ind.name.get(ctx.lang).to_string(),
                        versus: versus.join(" · "),
                        cells,
                        spark_title: ctx.fill(Msg::SparkTitle, &[("indicator", ind.name.get(ctx.lang))]),
                    }
                })
                .collect();
            DepartmentBlock { name: dep.name.get(ctx.lang).to_string(), rows }
        })
        .collect();

    let shown = shown_units
        .iter()
        .map(|&x| Shown {
            unit: x,
            slug: ctx.slug(x),
            name: ctx.name(x),
            header: ctx.fill(Msg::DistrictValueColumn, &[("district", &ctx.name(x))]),
            remove: ctx.fill(Msg::RemoveDistrict, &[("district", &ctx.name(x))]),
        })
        .collect();
    // Where each period lies in time, worked out once for every targeted indicator's pace.
    let (xs, _) = crate::analysis::track::axis(ds);
    let addable = sorted_names(ctx).into_iter().filter(|(slug, _)| !shown_units.iter().any(|&x| ds.units()[x].slug == *slug)).collect();
    Profile {
        slug: u.slug.clone(),
        name: ctx.name(unit),
        other_name: u.name.get(ctx.lang.other()).to_string(),
        other_lang: ctx.lang.other().code(),
        division: ctx.fill(Msg::DivisionIs, &[("division", &ctx.division_name(unit))]),
        lineage,
        composite,
        composite_history,
        strengths,
        concerns,
        tracks: (0..ds.indicators().len())
            .filter_map(|i| {
                let p = crate::analysis::track::project_one(ds, &xs, i, period, unit)?;
                Some((Standing { indicator: ds.indicators()[i].id.clone(), text: super::track::district_line(ctx, i, &p) }, p.track))
            })
            .collect(),
        notes: ds.manifest.notes.iter().filter(|n| n.district.as_deref() == Some(u.slug.as_str())).map(|n| super::notes::text(ctx, n)).collect(),
        shown,
        departments,
        caption: ctx.fill(Msg::ScorecardCaption, &[("period", &ctx.period_label(period))]),
        any_loaded: tables.iter().any(|t| t.is_some()),
        can_add: shown_units.len() < MAX_SHOWN,
        addable,
    }
}

/// The scorecard as CSV: one row per indicator, with each shown district's value, rank and
/// change; the caption and source line first.
pub fn csv(ctx: &Ctx, p: &Profile) -> (String, String) {
    let mut header = vec![ctx.msg(Msg::Department).to_string(), ctx.msg(Msg::Indicator).to_string()];
    for s in &p.shown {
        header.push(s.header.clone());
        header.push(format!("{} · {}", s.name, ctx.msg(Msg::Rank)));
        header.push(format!("{} · {}", s.name, ctx.msg(Msg::ChangeSincePrevious)));
    }
    let rows: Vec<Vec<String>> = p
        .departments
        .iter()
        .flat_map(|d| {
            d.rows.iter().map(move |r| {
                let mut row = vec![d.name.clone(), r.name.clone()];
                for c in &r.cells {
                    row.extend([c.value.clone(), c.rank.clone(), c.change.clone()]);
                }
                row
            })
        })
        .collect();
    let slugs = p.shown.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>().join("-");
    (format!("samiksha-{slugs}-scorecard-{}.csv", ctx.lang.code()), crate::present::csvout::to_csv(&[p.caption.clone(), ctx.source_line()], &header, &rows))
}
