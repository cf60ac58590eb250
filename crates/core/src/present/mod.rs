//! The presentation layer: from a dataset, a selection and a language it builds the plain,
//! labelled rows and whole sentences every view shows (in the spirit of rust-analyzer's `ide`
//! crate). Views only lay these out; nothing here knows about the browser.
//!
//! - [`Selection`] resolves a [`Route`] against the dataset: the subject (an indicator or the
//!   composite index), the period and the district.
//! - [`Measured`] is the one computation every view of a subject and period shares: its review
//!   table, and for the composite the composite itself (cached in the dataset).
//! - [`Ctx`] formats what a reader sees: names, values with units, ranks "of N", changes in
//!   arrows and words, headings and the source line, always through whole-sentence messages.
//! - `rankings`, `map`, `district` and `charts` build each view's model; `podium` places the
//!   top and bottom three honestly when ties cross the edge.
//! - [`about`] words the dataset itself (the About view, every page's footer and description,
//!   the pack's licence line); [`files`] says which data files were refused and what a view
//!   shows when nothing of its subject can be.
//! - [`i18n`] holds every interface string in both languages, [`numfmt`] the Indian digit
//!   grouping, units and dates, [`csvout`] the CSV downloads and [`doc`] the reader of the
//!   methodology document.
//! - [`markup`] escapes dataset text for the markup the core writes (the map's tooltip, the
//!   charts' SVG).
//! - Also: the page title (`Ctx::page_title`, `view_name`), the periods a time control steps
//!   through (`published_periods`, `step_period`), the periods and value files a view of a
//!   period reads first (`periods_shown`, `files_showing`, `first_value_files`) and the
//!   indicator list as CSV.

pub mod about;
pub mod brief;
pub mod changes;
pub mod charts;
pub mod csvout;
pub mod district;
pub mod doc;
pub mod files;
pub mod followup;
pub mod i18n;
pub mod map;
pub mod markup;
pub mod notes;
pub mod numfmt;
pub mod podium;
pub mod rankings;
pub mod track;

use crate::analysis::composite::{composite_of, Composite, Weighting};
use crate::analysis::review::{composite_table, review_table, Change, Table, Trend};
use crate::analysis::rounding::round_to;
use crate::format::dataset::Dataset;
use crate::format::manifest::{Direction, FileRef};
use crate::format::text::Lang;
use crate::present::i18n::Msg;
use crate::present::numfmt::{format_date, format_delta, format_number, format_value};
use crate::route::{Route, SubjectId, View};
use std::sync::Arc;

/// What is ranked, mapped or charted, resolved to the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Indicator(usize),
    Composite,
}

/// The subject, period and district a view shows, resolved against the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Selection {
    pub subject: Subject,
    pub period: usize,
    pub district: Option<usize>,
}

impl Selection {
    /// Resolves the route's ids; unknown or missing ones fall back to the first indicator and
    /// the latest period. `None` only for a dataset with no indicator or no period.
    pub fn resolve(ds: &Dataset, route: &Route) -> Option<Selection> {
        if ds.indicators().is_empty() || ds.periods().is_empty() {
            return None;
        }
        let subject = match &route.subject {
            Some(SubjectId::Composite) => Subject::Composite,
            Some(SubjectId::Indicator(id)) => Subject::Indicator(ds.indicator_index(id).unwrap_or(0)),
            None => Subject::Indicator(0),
        };
        // Without a period in the link, the latest period that has values (a period listed
        // without a file would open on an empty view).
        let latest = published_periods(ds).last().copied().unwrap_or(ds.periods().len() - 1);
        let period = route.period.as_deref().and_then(|p| ds.period_index(p)).unwrap_or(latest);
        let district = route.district.as_deref().and_then(|s| ds.unit_index(s));
        Some(Selection { subject, period, district })
    }

    /// The route that names exactly this selection, keeping the route's other choices. An
    /// unknown district is dropped, except on the district view, which says it is unknown.
    pub fn canonical_route(&self, ds: &Dataset, route: &Route) -> Route {
        let mut r = route.clone();
        if r.district.is_some() && self.district.is_none() && r.view != crate::route::View::District {
            r.district = None;
        }
        // The deck's opening slide means nothing elsewhere.
        if r.view != crate::route::View::Brief {
            r.opening = crate::route::Opening::Title;
        }
        // A deck without a subject is on its title slide; the pack has no subject at all.
        let deck = matches!(r.view, crate::route::View::Brief | crate::route::View::Pack);
        if !(deck && r.subject.is_none()) {
            r.subject = Some(match self.subject {
                Subject::Composite => SubjectId::Composite,
                Subject::Indicator(i) => SubjectId::Indicator(ds.indicators()[i].id.clone()),
            });
        }
        r.period = Some(ds.periods()[self.period].id.clone());
        r
    }
}

/// What a view is called in the navigation, the page title and a printed page's title.
pub fn view_name(view: View) -> Msg {
    match view {
        View::Map => Msg::NavMap,
        View::Rankings => Msg::NavRankings,
        View::Charts => Msg::NavCharts,
        View::District => Msg::NavDistrict,
        View::Brief | View::Pack => Msg::NavBrief,
        View::About => Msg::NavAbout,
        View::Methods => Msg::NavMethods,
        View::Followup => Msg::NavFollowup,
    }
}

/// The facts about a subject that formatting and ranking need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Facts {
    pub decimals: u8,
    pub direction: Direction,
    pub target: Option<f64>,
    /// Whether the target has a deadline, so a pace to it can be projected.
    pub dated_target: bool,
}

/// Composite scores are shown with one decimal, higher is better, and have no target.
pub const COMPOSITE_FACTS: Facts = Facts { decimals: 1, direction: Direction::HigherIsBetter, target: None, dated_target: false };

pub fn facts(ds: &Dataset, subject: Subject) -> Facts {
    match subject {
        Subject::Indicator(i) => {
            let ind = &ds.indicators()[i];
            Facts { decimals: ind.decimals, direction: ind.direction, target: ind.target, dated_target: ind.has_dated_target() }
        }
        Subject::Composite => COMPOSITE_FACTS,
    }
}

/// One subject in one period, computed once and shared by every part of a view.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    pub subject: Subject,
    pub period: usize,
    pub facts: Facts,
    pub table: Table,
    /// The composite behind the table when the subject is the composite index.
    pub composite: Option<Arc<Composite>>,
}

impl Measured {
    /// `None` until the period's values are loaded.
    pub fn new(ds: &Dataset, subject: Subject, period: usize) -> Option<Measured> {
        let (table, composite) = match subject {
            Subject::Indicator(i) => (review_table(ds, i, period)?, None),
            Subject::Composite => {
                let (t, c) = composite_table(ds, period)?;
                (t, Some(c))
            }
        };
        Some(Measured { subject, period, facts: facts(ds, subject), table, composite })
    }

    /// Each district's value (by unit index); `None` where it has none.
    pub fn values(&self, units: usize) -> Vec<Option<f64>> {
        let mut v = vec![None; units];
        for r in &self.table.rows {
            if let Some(slot) = v.get_mut(r.unit) {
                *slot = Some(r.value);
            }
        }
        v
    }
}

/// The subject's value of every district in every period (for trends), `None` where missing.
pub fn series(ds: &Dataset, subject: Subject, unit: usize) -> Vec<Option<f64>> {
    (0..ds.periods().len())
        .map(|p| match subject {
            Subject::Indicator(i) => ds.observation(i, p, unit).and_then(|o| o.number()),
            Subject::Composite => composite_of(ds, p, Weighting::Published).and_then(|c| c.districts.get(unit).and_then(|d| d.overall)),
        })
        .collect()
}

/// Formatting in one language over one dataset.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub lang: Lang,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, lang: Lang) -> Self {
        Ctx { ds, lang }
    }

    pub fn msg(&self, m: Msg) -> &'static str {
        m.text(self.lang)
    }

    /// The message with its placeholders filled: `args`, then the dataset's words for a
    /// division (`{div}` as written, `{div_lc}` and `{divs_lc}` in running text), which any
    /// message may use.
    pub fn fill(&self, m: Msg, args: &[(&str, &str)]) -> String {
        // Most messages name no division: their sentences (one per district) skip the words.
        if !m.text(self.lang).contains("{div") {
            return m.fill(self.lang, args);
        }
        let level = self.division_words();
        let all: Vec<(&str, &str)> =
            args.iter().copied().chain([("div", level[0].as_str()), ("div_lc", level[1].as_str()), ("divs_lc", level[2].as_str())]).collect();
        m.fill(self.lang, &all)
    }

    /// What the dataset calls one of its units ("District" / "ज़िला" unless it says otherwise):
    /// the heading of every column and picker of units.
    pub fn unit_word(&self) -> String {
        self.ds.manifest.unit_level.get(self.lang).to_string()
    }

    /// A message that names a division, filled with the dataset's word for one.
    pub fn label(&self, m: Msg) -> String {
        self.fill(m, &[])
    }

    /// What the dataset calls a division, as written, in running text, and in the plural:
    /// "Division", "division", "divisions"; Hindi has no case, and its direct plural of संभाग
    /// or मंडल is the word itself.
    fn division_words(&self) -> [String; 3] {
        let word = self.ds.manifest.division_level.get(self.lang).trim().to_string();
        match self.lang {
            Lang::Hi => [word.clone(), word.clone(), word],
            Lang::En => {
                let lc = word.to_lowercase();
                let plural = if lc.ends_with('s') { lc.clone() } else { format!("{lc}s") };
                [word, lc, plural]
            }
        }
    }

    pub fn name(&self, unit: usize) -> String {
        self.ds.units()[unit].name.get(self.lang).to_string()
    }

    pub fn slug(&self, unit: usize) -> String {
        self.ds.units()[unit].slug.clone()
    }

    pub fn division_name(&self, unit: usize) -> String {
        let u = &self.ds.units()[unit];
        self.ds.manifest.division(&u.division).map(|d| d.name.get(self.lang).to_string()).unwrap_or_default()
    }

    pub fn period_label(&self, period: usize) -> String {
        self.ds.periods()[period].label.get(self.lang).to_string()
    }

    /// The subject's full name: the indicator's, or "Composite index (all indicators)".
    pub fn subject_name(&self, subject: Subject) -> String {
        match subject {
            Subject::Indicator(i) => self.ds.indicators()[i].name.get(self.lang).to_string(),
            Subject::Composite => self.msg(Msg::CompositeIndex).to_string(),
        }
    }

    pub fn subject_short(&self, subject: Subject) -> String {
        match subject {
            Subject::Indicator(i) => self.ds.indicators()[i].short_name.get(self.lang).to_string(),
            Subject::Composite => self.msg(Msg::CompositeShort).to_string(),
        }
    }

    /// A value as the reader sees it: with the indicator's unit, or a composite score.
    pub fn value(&self, subject: Subject, x: f64) -> String {
        match subject {
            Subject::Indicator(i) => format_value(x, &self.ds.indicators()[i], self.lang),
            Subject::Composite => format_number(x, COMPOSITE_FACTS.decimals),
        }
    }

    /// "Public awareness score · January 2026".
    pub fn heading(&self, subject: Subject, period: usize) -> String {
        self.fill(Msg::HeadingSubjectPeriod, &[("subject", &self.subject_name(subject)), ("period", &self.period_label(period))])
    }

    /// The page's title, so a tab, a bookmark or a shared link says what it shows: the view,
    /// the subject and period where the view shows one, the district where there is one, then
    /// the dataset and the app. "Rankings · Public awareness score · January 2026 — Madhya
    /// Pradesh district review · Samiksha".
    pub fn page_title(&self, view: View, sel: Option<Selection>) -> String {
        let mut parts = vec![self.msg(view_name(view)).to_string()];
        if let Some(sel) = sel {
            match view {
                View::Map | View::Rankings | View::Charts | View::Brief | View::Pack => parts.push(self.heading(sel.subject, sel.period)),
                View::District => {
                    if let Some(u) = sel.district {
                        parts.push(self.name(u));
                    }
                    parts.push(self.period_label(sel.period));
                }
                View::About | View::Methods | View::Followup => {}
            }
            if let (Some(u), View::Map | View::Rankings | View::Charts) = (sel.district, view) {
                parts.push(self.name(u));
            }
        }
        let app = self.msg(Msg::AppName);
        format!("{} — {} · {app}", parts.join(" · "), self.ds.manifest.title.get(self.lang))
    }

    pub fn direction(&self, d: Direction) -> &'static str {
        match d {
            Direction::HigherIsBetter => self.msg(Msg::HigherIsBetter),
            Direction::LowerIsBetter => self.msg(Msg::LowerIsBetter),
        }
    }

    /// "Source: … · Data as of 20 November 2026": the line every export and print carries.
    pub fn source_line(&self) -> String {
        self.fill(Msg::SourceLine, &[("sources", &self.sources()), ("date", &format_date(&self.ds.manifest.updated, self.lang))])
    }

    /// The dataset's sources in one line, "; "-separated.
    pub fn sources(&self) -> String {
        self.ds.manifest.sources.iter().map(|s| s.name.get(self.lang).to_string()).collect::<Vec<_>>().join("; ")
    }

    /// "38", or "38=" when tied (the mark the tables and cards show beside the number).
    pub fn rank_mark(&self, rank: usize, tied: bool) -> String {
        format!("{rank}{}", if tied { "=" } else { "" })
    }

    /// "Rank 38 of 55" / "रैंक: 55 में से 38", saying "tied" when it is.
    pub fn rank_of(&self, rank: usize, tied: bool, n: usize) -> String {
        let m = if tied { Msg::RankOfNTied } else { Msg::RankOfN };
        self.fill(m, &[("rank", &rank.to_string()), ("n", &n.to_string())])
    }

    /// "Tikamgarh: 61.2, rank 1 of 55": a district as a screen reader or tooltip names it.
    pub fn district_value_rank(&self, unit: usize, value: &str, rank: usize, tied: bool, n: usize) -> String {
        let m = if tied { Msg::DistrictValueRankTied } else { Msg::DistrictValueRank };
        self.fill(m, &[("district", &self.name(unit)), ("value", value), ("rank", &rank.to_string()), ("n", &n.to_string())])
    }

    pub fn district_gap(&self, unit: usize, reason: &str) -> String {
        self.fill(Msg::DistrictGap, &[("district", &self.name(unit)), ("reason", reason)])
    }

    /// "▲ 3 places up · +1.2, better": arrows and words, never colour alone.
    pub fn change(&self, c: &Change, decimals: u8) -> String {
        let rank = match c.rank_delta {
            Some(d) if d > 0 => self.fill(Msg::RankUp, &[("places", &d.to_string())]),
            Some(d) if d < 0 => self.fill(Msg::RankDown, &[("places", &(-d).to_string())]),
            _ => self.msg(Msg::RankSame).to_string(),
        };
        let delta = format_delta(c.value_delta, decimals);
        let value = match c.trend {
            Trend::Better => self.fill(Msg::ValueBetter, &[("delta", &delta)]),
            Trend::Worse => self.fill(Msg::ValueWorse, &[("delta", &delta)]),
            Trend::Same => self.msg(Msg::ValueSame).to_string(),
        };
        format!("{rank} · {value}")
    }

    /// "Morena, Bhind and Rewa" / "मुरैना, भिंड और रीवा".
    pub fn names_list(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => self.fill(Msg::ListAnd, &[("list", &rest.join(", ")), ("last", last)]),
        }
    }

    /// The districts' names as a list in running text; past [`Ctx::LIST_MOST`] names (many
    /// districts tied at an end), the first ones and how many more.
    pub fn units_list(&self, units: &[usize]) -> String {
        self.capped_list(&units.iter().map(|&u| self.name(u)).collect::<Vec<_>>())
    }

    /// Names as a list in running text, the first [`Ctx::LIST_MOST`] and how many more.
    pub fn capped_list(&self, names: &[String]) -> String {
        if names.len() > Self::LIST_MOST {
            let more = (names.len() - Self::LIST_MOST).to_string();
            return self.fill(Msg::ListAndMore, &[("list", &names[..Self::LIST_MOST].join(", ")), ("more", &more)]);
        }
        self.names_list(names)
    }

    /// How many names a sentence lists before it counts the rest.
    pub const LIST_MOST: usize = 6;

    /// A period's label, or for a month beyond the published periods (a deadline) its month
    /// and year: "December 2026" / "दिसंबर 2026".
    pub fn period_id_label(&self, id: &str) -> String {
        if let Some(p) = self.ds.period_index(id) {
            return self.period_label(p);
        }
        match crate::format::manifest::month_number(id) {
            Some(n) => format!("{} {}", crate::present::numfmt::month_name((n.rem_euclid(12) + 1) as u32, self.lang), n.div_euclid(12)),
            None => id.to_string(),
        }
    }

    /// A flag's label for a value, e.g. "provisional"; empty without one.
    pub fn flag_label(&self, flag: Option<&str>) -> Option<String> {
        flag.and_then(|f| self.ds.manifest.flag(f)).map(|f| f.label.get(self.lang).to_string())
    }
}

/// One option of a picker.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

/// The subject picker (the composite first, then indicators grouped by department) and the
/// period picker (latest first).
#[derive(Clone, Debug, PartialEq)]
pub struct Pickers {
    pub composite: Choice,
    pub groups: Vec<(String, Vec<Choice>)>,
    pub periods: Vec<Choice>,
}

pub fn pickers(ctx: &Ctx, sel: Selection) -> Pickers {
    let ds = ctx.ds;
    let groups = ds
        .manifest
        .departments
        .iter()
        .map(|dep| {
            let items = ds
                .indicators()
                .iter()
                .enumerate()
                .filter(|(_, i)| i.department == dep.id)
                .map(|(k, i)| Choice { id: i.id.clone(), label: i.name.get(ctx.lang).to_string(), selected: sel.subject == Subject::Indicator(k) })
                .collect();
            (dep.name.get(ctx.lang).to_string(), items)
        })
        .collect();
    let periods = ds
        .periods()
        .iter()
        .enumerate()
        .rev()
        .map(|(k, p)| Choice { id: p.id.clone(), label: p.label.get(ctx.lang).to_string(), selected: k == sel.period })
        .collect();
    Pickers {
        composite: Choice {
            id: SubjectId::COMPOSITE_WORD.to_string(),
            label: ctx.msg(Msg::CompositeIndex).to_string(),
            selected: sel.subject == Subject::Composite,
        },
        groups,
        periods,
    }
}

/// A share (0–1) as the whole percentage a reader sees, by the one rounding rule: 62.5% → "63".
pub fn percent(share: f64) -> String {
    format_number(share * 100.0, 0)
}

/// A share that fell short of `minimum` (both 0–1), as a percentage that still reads short of
/// it: whole where rounding keeps it below ("63"), otherwise with as many decimals as it takes
/// ("74.6", never "75" against a 75% minimum). Each figure is rounded by the one rule.
pub fn percent_short_of(share: f64, minimum: f64) -> String {
    let (v, min) = (share * 100.0, minimum * 100.0);
    let decimals = (0..=3).find(|d| round_to(v, *d) < round_to(min, *d)).unwrap_or(3);
    format_number(v, decimals)
}

/// The value files of `period` a view of `subject` waits for, and the rest of the period. At
/// all-India scale a period is split into files by indicator group: the files holding the
/// indicator come first, and the rest follows once they are in, so the map waits only for its
/// own. A period not split that way (no file, or every file, holds the indicator), or the
/// composite, which reads every indicator, needs all its files at once: the rest is empty.
pub fn files_showing(ds: &Dataset, period: usize, subject: Subject) -> (Vec<&FileRef>, Vec<&FileRef>) {
    let Some(p) = ds.periods().get(period) else { return (Vec::new(), Vec::new()) };
    let all: Vec<&FileRef> = ds.manifest.files_for_period(&p.id).collect();
    if let Subject::Indicator(i) = subject {
        if let Some(indicator) = ds.indicators().get(i) {
            let (first, rest): (Vec<&FileRef>, Vec<&FileRef>) = all.iter().partition(|f| f.holds(&indicator.id));
            if !first.is_empty() && !rest.is_empty() {
                return (first, rest);
            }
        }
    }
    (all, Vec::new())
}

/// The periods a view of `period` reads first: it, and the one before it for "change since
/// the previous period" (`startup::load_periods_shown` and [`first_value_files`]).
pub fn periods_shown(ds: &Dataset, period: usize) -> Vec<usize> {
    std::iter::once(period).chain(ds.previous_period(period)).collect()
}

/// The value files a view of `sel` reads first: those of [`periods_shown`], as `files_showing`
/// picks them (the same files the app's loader asks for first).
pub fn first_value_files<'a>(ds: &'a Dataset, sel: &Selection) -> Vec<&'a FileRef> {
    periods_shown(ds, sel.period).into_iter().flat_map(|p| files_showing(ds, p, sel.subject).0).collect()
}

/// The periods a time control steps through: those with at least one value file, oldest first.
pub fn published_periods(ds: &Dataset) -> Vec<usize> {
    (0..ds.periods().len()).filter(|&p| ds.manifest.files_for_period(&ds.periods()[p].id).next().is_some()).collect()
}

/// Which way a time control steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Back,
    On,
}

/// The period one step from `current` among `periods`; `None` past either end. A current period
/// not in the list steps to the nearest listed period in that direction.
pub fn step_period(periods: &[usize], current: usize, step: Step) -> Option<usize> {
    match step {
        Step::Back => periods.iter().rev().find(|&&p| p < current).copied(),
        Step::On => periods.iter().find(|&&p| p > current).copied(),
    }
}

/// The About view's list of indicators as CSV: name, id, department, direction, unit,
/// description and source, in the reader's language.
pub fn indicators_csv(ctx: &Ctx) -> (String, String) {
    let m = &ctx.ds.manifest;
    let header = [Msg::Indicator, Msg::Department, Msg::Direction, Msg::Description, Msg::Source].map(|k| ctx.msg(k).to_string());
    let mut header = header.to_vec();
    header.insert(1, ctx.msg(Msg::IdColumn).to_string());
    let rows: Vec<Vec<String>> = m
        .indicators
        .iter()
        .map(|i| {
            vec![
                i.name.get(ctx.lang).to_string(),
                i.id.clone(),
                m.department(&i.department).map(|d| d.name.get(ctx.lang).to_string()).unwrap_or_default(),
                ctx.direction(i.direction).to_string(),
                i.description.get(ctx.lang).to_string(),
                i.source.get(ctx.lang).to_string(),
            ]
        })
        .collect();
    (
        format!("samiksha-indicators-{}.csv", ctx.lang.code()),
        crate::present::csvout::to_csv(&[m.title.get(ctx.lang).to_string(), ctx.source_line()], &header, &rows),
    )
}
