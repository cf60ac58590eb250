//! The rankings view's model: the rows of the ranking table (each cell already in the reader's
//! language), the podium with honest ties, districts not ranked and why, division figures,
//! the sensitivity sentence, the improvement table and the arithmetic behind one rank.
//!
//! Built once per subject, period and language; the reader's search, division filter and
//! sort only choose among the rows ([`shown_rows`]), so typing never recomputes a composite.

use super::podium::{podium, Side};
use super::{Ctx, Measured, Subject};
use crate::analysis::composite::{band_of, composite_of, rank_changes, Weighting};
use crate::analysis::review::{column_values, divisions, improvement_ranking, Order, SortKey};
use crate::present::i18n::Msg;
use crate::present::numfmt::{format_delta, format_number};
use crate::route::Sort;

/// A column of the ranking table, identified by what it holds rather than by its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Rank,
    District,
    Division,
    RankInDivision,
    Value,
    Change,
    Band,
    /// Pace to a target with a deadline.
    Track,
}

impl Column {
    pub fn header(self, ctx: &Ctx, subject: Subject) -> String {
        ctx.label(match self {
            // What the dataset calls its units, not a message.
            Column::District => return ctx.unit_word(),
            Column::Rank => Msg::Rank,
            Column::Division => Msg::Division,
            Column::RankInDivision => Msg::RankInDivision,
            Column::Value if subject == Subject::Composite => Msg::Score,
            Column::Value => Msg::Value,
            Column::Change => Msg::ChangeSincePrevious,
            Column::Band => Msg::Band,
            Column::Track => Msg::TrackHeading,
        })
    }

    /// The sort this column's header sets, if it can sort.
    pub fn sort_key(self) -> Option<SortKey> {
        match self {
            Column::Rank => Some(SortKey::Rank),
            Column::District => Some(SortKey::District),
            Column::Division => Some(SortKey::Division),
            Column::Value => Some(SortKey::Value),
            Column::Change => Some(SortKey::Change),
            Column::RankInDivision | Column::Band | Column::Track => None,
        }
    }
}

/// One ranked district, every cell in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct RankRow {
    pub unit: usize,
    pub slug: String,
    pub name: String,
    /// Both names, for a search that works in either script whatever the interface language.
    pub search_key: String,
    pub division_id: String,
    pub division: String,
    pub rank: usize,
    pub tied: bool,
    /// "4" or "4=".
    pub rank_mark: String,
    pub rank_in_division: Option<usize>,
    pub value: f64,
    /// The value with its unit and, where the value carries one, its flag: "45.2% (provisional)".
    pub value_text: String,
    /// The same split in two, for the podium's cards, which set the flag on a line of its own:
    /// "45.2%" and "provisional".
    pub value_alone: String,
    pub flag_text: Option<String>,
    pub change_text: String,
    pub change_places: i64,
    pub band: Option<String>,
    /// Pace to the target's deadline, in words, where the target has one.
    pub track: Option<crate::analysis::track::Track>,
    pub track_text: Option<String>,
    /// Notes on the data about this district in this period, shown beside its name.
    pub notes: Vec<String>,
    /// "Tikamgarh: 61.2, rank 1 of 55": the row as one sentence.
    pub sentence: String,
}

impl RankRow {
    pub fn cell(&self, c: Column) -> String {
        match c {
            Column::Rank => self.rank_mark.clone(),
            Column::District => self.name.clone(),
            Column::Division => self.division.clone(),
            Column::RankInDivision => self.rank_in_division.map(|r| r.to_string()).unwrap_or_default(),
            Column::Value => self.value_text.clone(),
            Column::Change => self.change_text.clone(),
            Column::Band => self.band.clone().unwrap_or_default(),
            Column::Track => self.track_text.clone().unwrap_or_default(),
        }
    }
}

/// One side of the podium in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct PodiumSide {
    /// Indices into [`RankingsPage::rows`].
    pub shown: Vec<usize>,
    pub more: Vec<usize>,
    /// "+2 more tied at rank 1", when districts tied at the edge did not fit.
    pub more_text: Option<String>,
}

fn side(ctx: &Ctx, s: Side) -> PodiumSide {
    let more_text = s.more_rank.map(|r| ctx.fill(Msg::MoreTied, &[("count", &s.more.len().to_string()), ("rank", &r.to_string())]));
    PodiumSide { shown: s.shown, more: s.more, more_text }
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnrankedRow {
    pub unit: usize,
    pub slug: String,
    pub name: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DivisionRow {
    pub id: String,
    pub name: String,
    pub rank: usize,
    pub districts: usize,
    pub mean_text: String,
}

/// Everything the rankings view shows for one subject and period.
#[derive(Clone, Debug, PartialEq)]
pub struct RankingsPage {
    pub heading: String,
    /// Direction, target and state average, each a short phrase.
    pub meta: Vec<String>,
    pub composite_note: Option<&'static str>,
    pub columns: Vec<Column>,
    /// Best first.
    pub rows: Vec<RankRow>,
    pub top: PodiumSide,
    pub bottom: PodiumSide,
    pub unranked: Vec<UnrankedRow>,
    pub sensitivity: Option<String>,
    pub caption: String,
    pub divisions: Vec<DivisionRow>,
    /// Title and source lines that head the CSV download.
    pub preamble: Vec<String>,
    pub file_stem: String,
}

pub fn page(ctx: &Ctx, m: &Measured) -> RankingsPage {
    let ds = ctx.ds;
    let subject = m.subject;
    let heading = ctx.heading(subject, m.period);
    let n = m.table.ranked_count;
    let values = m.values(ds.units().len());
    let (division_rows, within) = divisions(ds, &values, m.facts.direction, m.facts.decimals);
    let projections = match subject {
        Subject::Indicator(i) => crate::analysis::track::project_all(ds, i, m.period),
        Subject::Composite => None,
    };
    let indicator_id: Option<String> = match subject {
        Subject::Indicator(i) => ds.indicators().get(i).map(|x| x.id.clone()),
        Subject::Composite => None,
    };
    let rows: Vec<RankRow> = m
        .table
        .rows
        .iter()
        .map(|r| {
            let unit = &ds.units()[r.unit];
            let value = ctx.value(subject, r.value);
            let flag_text = ctx.flag_label(r.flag.as_deref());
            let value_text = match &flag_text {
                Some(f) => format!("{value} ({f})"),
                None => value.clone(),
            };
            RankRow {
                unit: r.unit,
                slug: unit.slug.clone(),
                name: ctx.name(r.unit),
                search_key: format!("{} {}", unit.name.en, unit.name.hi),
                division_id: unit.division.clone(),
                division: ctx.division_name(r.unit),
                rank: r.rank,
                tied: r.tied,
                rank_mark: ctx.rank_mark(r.rank, r.tied),
                rank_in_division: within.get(r.unit).copied().flatten(),
                value: r.value,
                value_text,
                value_alone: value.clone(),
                flag_text,
                change_text: r.change.as_ref().map(|c| ctx.change(c, m.facts.decimals)).unwrap_or_else(|| "–".into()),
                change_places: r.change.as_ref().and_then(|c| c.rank_delta).unwrap_or(0),
                band: m.composite.as_ref().and_then(|_| band_of(ds, r.value)).map(|b| ds.manifest.bands[b].label.get(ctx.lang).to_string()),
                track: projections.as_ref().map(|p| p[r.unit].track),
                track_text: projections.as_ref().map(|p| super::track::status_text(ctx, subject, &p[r.unit])),
                // Only the notes about this district: the indicator's and the period's own
                // notes stand above the table.
                notes: ds
                    .manifest
                    .notes
                    .iter()
                    .filter(|n| n.district.as_deref() == Some(unit.slug.as_str()))
                    .filter(|n| n.applies(indicator_id.as_deref(), ds.periods().get(m.period).map(|p| p.id.as_str()), Some(unit.slug.as_str())))
                    .map(|n| super::notes::text(ctx, n))
                    .collect(),
                sentence: ctx.district_value_rank(r.unit, &value, r.rank, r.tied, n),
            }
        })
        .collect();
    let ranks: Vec<usize> = rows.iter().map(|r| r.rank).collect();
    let pod = podium(&ranks, 3);

    let mut meta = vec![ctx.direction(m.facts.direction).to_string()];
    match super::track::deadline_text(ctx, subject) {
        Some(d) => meta.push(d),
        None => {
            if let Some(t) = m.facts.target {
                meta.push(ctx.fill(Msg::TargetIs, &[("value", &ctx.value(subject, t))]));
            }
        }
    }
    if let Some(avg) = m.table.mean {
        meta.push(ctx.fill(Msg::StateAverageIs, &[("value", &ctx.value(subject, avg))]));
    }

    let unranked = m
        .table
        .unranked
        .iter()
        .map(|(u, reason)| {
            let reason = match &m.composite {
                Some(c) if c.districts[*u].coverage < c.min_share => {
                    ctx.fill(Msg::TooFewIndicators, &[("share", &super::percent_short_of(c.districts[*u].coverage, c.min_share))])
                }
                _ => reason.label(ctx.lang).to_string(),
            };
            UnrankedRow { unit: *u, slug: ctx.slug(*u), name: ctx.name(*u), reason }
        })
        .collect();

    // How much the published department weights matter: only worth saying when they differ.
    // With equal weights already, the comparison would only ever say "0 districts".
    let sensitivity = m.composite.as_ref().and_then(|c| {
        let weights: Vec<f64> = ds.manifest.departments.iter().map(|d| d.weight).collect();
        if weights.windows(2).all(|w| w[0] == w[1]) {
            return None;
        }
        let changed = composite_of(ds, m.period, Weighting::EqualDepartments).map_or(0, |e| rank_changes(c, &e));
        Some(ctx.fill(Msg::SensitivityChanged, &[("changed", &changed.to_string()), ("n", &n.to_string())]))
    });

    let mut columns = vec![Column::Rank, Column::District, Column::Division, Column::RankInDivision, Column::Value, Column::Change];
    if m.composite.is_some() {
        columns.push(Column::Band);
    }
    if projections.is_some() {
        columns.push(Column::Track);
    }
    let id = match subject {
        Subject::Indicator(i) => ds.indicators()[i].id.clone(),
        Subject::Composite => crate::format::manifest::COMPOSITE_ID.to_string(),
    };
    RankingsPage {
        caption: ctx.fill(Msg::RankedCaption, &[("heading", &heading), ("n", &n.to_string())]),
        preamble: vec![heading.clone(), ctx.source_line()],
        file_stem: format!("samiksha-{id}-{}-{}", ds.periods()[m.period].id, ctx.lang.code()),
        heading,
        meta,
        composite_note: m.composite.as_ref().map(|_| ctx.msg(Msg::CompositeNote)),
        columns,
        top: side(ctx, pod.top),
        bottom: side(ctx, pod.bottom),
        rows,
        unranked,
        sensitivity,
        divisions: division_rows
            .iter()
            .map(|x| {
                let div = &ds.manifest.divisions[x.division];
                DivisionRow {
                    id: div.id.clone(),
                    name: div.name.get(ctx.lang).to_string(),
                    rank: x.rank,
                    districts: x.districts,
                    mean_text: ctx.value(subject, x.mean),
                }
            })
            .collect(),
    }
}

/// Which rows to show, in which order: rows whose district name contains `query` (any case,
/// in either language), in `division` if one is chosen, sorted by `sort` (rank by default).
/// Equal keys keep rank order.
pub fn shown_rows(page: &RankingsPage, query: &str, division: Option<&str>, sort: Option<Sort>) -> Vec<usize> {
    let q = query.trim().to_lowercase();
    let sort = sort.unwrap_or(Sort { key: SortKey::Rank, order: Order::Ascending });
    let mut idx: Vec<usize> = (0..page.rows.len())
        .filter(|&i| {
            let r = &page.rows[i];
            (q.is_empty() || r.search_key.to_lowercase().contains(&q)) && division.is_none_or(|d| r.division_id == d)
        })
        .collect();
    crate::format::order::sort_by(&mut idx, |&a, &b| {
        let (ra, rb) = (&page.rows[a], &page.rows[b]);
        let ord = match sort.key {
            SortKey::Rank => ra.rank.cmp(&rb.rank),
            SortKey::District => ra.name.cmp(&rb.name),
            SortKey::Division => ra.division.cmp(&rb.division),
            SortKey::Value => ra.value.total_cmp(&rb.value),
            SortKey::Change => ra.change_places.cmp(&rb.change_places),
        };
        let ord = if sort.order == Order::Descending { ord.reverse() } else { ord };
        ord.then(ra.rank.cmp(&rb.rank))
    });
    idx
}

/// "Showing 12 of 55 districts".
pub fn showing(ctx: &Ctx, shown: usize, total: usize) -> String {
    ctx.fill(Msg::ShowingOf, &[("shown", &shown.to_string()), ("total", &total.to_string())])
}

/// The CSV of the rows shown: headers and cells as the table shows them.
pub fn csv(ctx: &Ctx, subject: Subject, page: &RankingsPage, shown: &[usize]) -> String {
    let header: Vec<String> = page.columns.iter().map(|c| c.header(ctx, subject)).collect();
    let rows: Vec<Vec<String>> = shown.iter().map(|&i| page.columns.iter().map(|c| page.rows[i].cell(*c)).collect()).collect();
    crate::present::csvout::to_csv(&page.preamble, &header, &rows)
}

/// The arithmetic behind one district's rank, in whole sentences.
#[derive(Clone, Debug, PartialEq)]
pub enum Explanation {
    /// One sentence for an indicator, or for a district that is not ranked.
    Sentence(String),
    Composite {
        title: String,
        departments: Vec<(String, Vec<String>)>,
        overall: String,
    },
}

pub fn explain(ctx: &Ctx, m: &Measured, unit: usize) -> Explanation {
    let ds = ctx.ds;
    let n = m.table.ranked_count;
    let Some(row) = m.table.row(unit) else {
        let reason = match &m.composite {
            Some(c) if c.districts[unit].coverage < c.min_share => {
                ctx.fill(Msg::TooFewIndicators, &[("share", &super::percent_short_of(c.districts[unit].coverage, c.min_share))])
            }
            _ => m.table.unranked.iter().find(|x| x.0 == unit).map_or(ctx.msg(Msg::NoData), |x| x.1.label(ctx.lang)).to_string(),
        };
        return Explanation::Sentence(ctx.fill(Msg::ExplainNotRanked, &[("district", &ctx.name(unit)), ("reason", &reason)]));
    };
    match &m.composite {
        None => {
            let better = m.table.rows.iter().filter(|r| r.rank < row.rank).count();
            let others = m.table.rows.iter().filter(|r| r.rank == row.rank && r.unit != unit).count();
            let value = ctx.value(m.subject, row.value);
            let args = [
                ("district", ctx.name(unit)),
                ("value", value),
                ("better", better.to_string()),
                ("others", others.to_string()),
                ("rank", row.rank.to_string()),
                ("n", n.to_string()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let msg = if row.tied {
                Msg::ExplainIndicatorTied
            } else if better == 0 {
                Msg::ExplainIndicatorBest
            } else {
                Msg::ExplainIndicator
            };
            Explanation::Sentence(ctx.fill(msg, &args))
        }
        Some(c) => {
            let d = &c.districts[unit];
            let departments = d
                .departments
                .iter()
                .map(|dep| {
                    let dept = &ds.manifest.departments[dep.department];
                    let line = ctx.fill(
                        Msg::ExplainDepartment,
                        &[
                            ("department", dept.name.get(ctx.lang)),
                            ("score", &format_number(dep.score, 1)),
                            ("used", &dep.used.to_string()),
                            ("total", &dep.total.to_string()),
                            ("weight", &format_number(dep.weight, 1)),
                        ],
                    );
                    let items = d
                        .indicators
                        .iter()
                        .filter(|s| ds.indicators()[s.indicator].department == dept.id)
                        .filter_map(|s| {
                            let ind = &ds.indicators()[s.indicator];
                            let scale = c.scales[s.indicator]?;
                            let v = |x: f64| ctx.value(Subject::Indicator(s.indicator), x);
                            let msg = if scale.uses_target { Msg::ExplainScaleTarget } else { Msg::ExplainScaleBest };
                            Some(ctx.fill(
                                msg,
                                &[
                                    ("indicator", ind.short_name.get(ctx.lang)),
                                    ("value", &v(s.value)),
                                    ("score", &format_number(s.score, 1)),
                                    ("zero", &v(scale.zero)),
                                    ("hundred", &v(scale.hundred)),
                                ],
                            ))
                        })
                        .collect();
                    (line, items)
                })
                .collect();
            let weights: f64 = d.departments.iter().map(|x| x.weight).sum();
            let sum = d.departments.iter().map(|x| format!("{}×{}", format_number(x.weight, 1), format_number(x.score, 1))).collect::<Vec<_>>().join(" + ");
            let overall = ctx.fill(
                Msg::ExplainOverall,
                &[
                    ("sum", &sum),
                    ("weights", &format_number(weights, 1)),
                    ("score", &format_number(row.value, 1)),
                    ("rank", &row.rank.to_string()),
                    ("n", &n.to_string()),
                ],
            );
            let title = ctx.fill(Msg::ExplainCoverage, &[("district", &ctx.name(unit)), ("share", &super::percent(d.coverage))]);
            Explanation::Composite { title, departments, overall }
        }
    }
}

/// The improvement table: districts ranked by how much they improved since `earlier`.
#[derive(Clone, Debug, PartialEq)]
pub struct Improvement {
    pub caption: String,
    pub then_header: String,
    /// (slug, rank mark, name, then, now, gain), each as shown.
    pub rows: Vec<ImprovementRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImprovementRow {
    pub slug: String,
    pub rank: usize,
    pub rank_mark: String,
    pub name: String,
    pub then: String,
    pub now: String,
    pub gain: String,
}

pub fn improvement(ctx: &Ctx, m: &Measured, earlier: usize) -> Option<Improvement> {
    let ds = ctx.ds;
    if earlier >= m.period {
        return None;
    }
    let (then, now): (Vec<Option<f64>>, Vec<Option<f64>>) = match m.subject {
        Subject::Indicator(i) => (column_values(ds, i, earlier)?, column_values(ds, i, m.period)?),
        Subject::Composite => {
            let a = composite_of(ds, earlier, Weighting::Published)?;
            let b = m.composite.as_ref()?;
            (a.districts.iter().map(|x| x.overall).collect(), b.districts.iter().map(|x| x.overall).collect())
        }
    };
    let list = improvement_ranking(&then, &now, m.facts.direction, m.facts.decimals);
    let from = ctx.period_label(earlier);
    Some(Improvement {
        caption: ctx.fill(Msg::MostImprovedCaption, &[("from", &from), ("to", &ctx.period_label(m.period))]),
        then_header: ctx.fill(Msg::ThenIn, &[("period", &from)]),
        rows: list
            .iter()
            .map(|x| ImprovementRow {
                slug: ctx.slug(x.unit),
                rank: x.rank,
                rank_mark: ctx.rank_mark(x.rank, x.tied),
                name: ctx.name(x.unit),
                then: ctx.value(m.subject, x.then),
                now: ctx.value(m.subject, x.now),
                gain: format_delta(x.gain, m.facts.decimals),
            })
            .collect(),
    })
}

/// The note under the rankings: how ties and missing values are ranked, then where the full
/// method is. Two whole sentences in the reader's language, each ending in its own full stop.
pub fn method_note(lang: crate::Lang) -> String {
    [Msg::RankingNote.text(lang), " ", Msg::MethodDocument.text(lang)].concat()
}
