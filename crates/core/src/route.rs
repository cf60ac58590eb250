//! The URL contract: every choice a reader makes lives in the query string as a typed field,
//! so every view is a link and a link always names what is shown.
//!
//! `?data=<dataset id>&view=map|rankings|charts|district|brief|pack|about|methods&indicator=<id>|composite&period=<id>&district=<slug>`
//! `&compare=<period>&with=<slug>,…&map=geo|tiles&classes=<method>&chart=bars|trend|divisions|scatter|slope|ranks`
//! `&second=<id>&sort=<column>-asc|desc&q=<search>&division=<id>&zoom=<division>`
//! `&points=<id>,…&department=<id>&review=<id>&slide=changes&scale=all&embed=1&lang=hi|en`; `view=followup`
//! follows up a review meeting, `classes=track` colours the map by pace to a target's deadline.
//! Parsing never fails: unknown or malformed parts fall back to defaults, so an old or mistyped
//! link still opens the app. `Route::parse(&route.to_query()) == route` for every route.

use crate::analysis::classify::Method;
use crate::analysis::review::{Order, SortKey};
use crate::format::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum View {
    #[default]
    Map,
    Rankings,
    Charts,
    District,
    /// The briefing deck: one slide per review point, for a meeting.
    Brief,
    /// The printed briefing pack (A4).
    Pack,
    About,
    /// The methodology (About → Methods), in the reader's language.
    Methods,
    /// What became of the districts a review named (`review=<id>`).
    Followup,
}

impl View {
    pub const ALL: [View; 9] = [View::Map, View::Rankings, View::Charts, View::District, View::Brief, View::Pack, View::About, View::Methods, View::Followup];

    pub fn word(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Rankings => "rankings",
            View::Charts => "charts",
            View::District => "district",
            View::Brief => "brief",
            View::Pack => "pack",
            View::About => "about",
            View::Methods => "methods",
            View::Followup => "followup",
        }
    }

    pub fn from_word(w: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.word() == w)
    }
}

/// What the reader asked to see ranked, mapped or charted: one indicator or the composite index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SubjectId {
    Indicator(String),
    Composite,
}

impl SubjectId {
    /// The word the URL uses for the composite index: the id the format reserves for it, so
    /// an indicator id and the composite can never be confused.
    pub const COMPOSITE_WORD: &'static str = crate::format::manifest::COMPOSITE_ID;

    fn word(&self) -> &str {
        match self {
            SubjectId::Indicator(id) => id,
            SubjectId::Composite => Self::COMPOSITE_WORD,
        }
    }

    fn from_word(w: String) -> Option<SubjectId> {
        if w == Self::COMPOSITE_WORD {
            return Some(SubjectId::Composite);
        }
        id_like(w).map(SubjectId::Indicator)
    }
}

/// Which drawing of the map is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapKind {
    Geographic,
    Tiles,
}

impl MapKind {
    pub const ALL: [MapKind; 2] = [MapKind::Geographic, MapKind::Tiles];
    pub fn word(self) -> &'static str {
        match self {
            MapKind::Geographic => "geo",
            MapKind::Tiles => "tiles",
        }
    }
    pub fn from_word(w: &str) -> Option<MapKind> {
        MapKind::ALL.into_iter().find(|k| k.word() == w)
    }
}

/// Which chart the charts view draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ChartKind {
    #[default]
    Bars,
    Trend,
    Distribution,
    Scatter,
    /// Every district between two periods: the last review (or `compare`) and now.
    Slope,
    /// The ranks of chosen districts over every period.
    Ranks,
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [ChartKind::Bars, ChartKind::Trend, ChartKind::Distribution, ChartKind::Scatter, ChartKind::Slope, ChartKind::Ranks];
    pub fn word(self) -> &'static str {
        match self {
            ChartKind::Bars => "bars",
            ChartKind::Trend => "trend",
            ChartKind::Distribution => "divisions",
            ChartKind::Scatter => "scatter",
            ChartKind::Slope => "slope",
            ChartKind::Ranks => "ranks",
        }
    }
    pub fn from_word(w: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.word() == w)
    }
}

/// The rankings table's order: a column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub order: Order,
}

impl Sort {
    fn word(self) -> String {
        let order = match self.order {
            Order::Ascending => "asc",
            Order::Descending => "desc",
        };
        format!("{}-{order}", self.key.word())
    }

    fn from_word(w: &str) -> Option<Sort> {
        let (key, order) = w.rsplit_once('-')?;
        let order = match order {
            "asc" => Order::Ascending,
            "desc" => Order::Descending,
            _ => return None,
        };
        Some(Sort { key: SortKey::from_word(key)?, order })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Route {
    /// The dataset, by its id in `data/catalog.json`; `None` is the catalogue's first.
    pub data: Option<String>,
    pub view: View,
    pub subject: Option<SubjectId>,
    pub period: Option<String>,
    pub district: Option<String>,
    /// An earlier period to measure improvement from (rankings view).
    pub compare: Option<String>,
    /// Districts shown beside `district` (profile comparison, trend lines), at most five.
    pub with: Vec<String>,
    /// Map drawing; `None` lets the screen width choose.
    pub map: Option<MapKind>,
    /// Colour classification; `None` takes the indicator's default.
    pub classes: Option<Method>,
    pub chart: Option<ChartKind>,
    /// The scatter chart's second indicator.
    pub second: Option<String>,
    /// The rankings table's order; `None` is by rank.
    pub sort: Option<Sort>,
    /// The rankings table's search text (free text, at most [`Route::MAX_SEARCH`] characters).
    pub search: String,
    /// The rankings table's division filter.
    pub division: Option<String>,
    /// The division the geographic map is zoomed to.
    pub zoom: Option<String>,
    /// The review points of a briefing deck or pack, in order (indicator ids).
    pub points: Vec<String>,
    /// A department whose indicators make the deck when `points` is empty.
    pub department: Option<String>,
    /// Colour classes from this period's values, or from every period's (so colours compare
    /// while stepping or playing through time).
    pub scale: Scale,
    /// A full page, or a view embedded in another site's page (`embed=1`).
    pub frame: Frame,
    /// The review meeting the follow-up view follows up; `None` is the latest.
    pub review: Option<String>,
    /// Which opening slide a deck shows when no subject is named (`slide=changes`).
    pub opening: Opening,
    pub lang: Lang,
}

/// Which values a map's colour classes are drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Scale {
    /// The shown period's values: classes fit this period best.
    #[default]
    ThisPeriod,
    /// Every period's values: a colour means the same range in every period.
    AllPeriods,
}

/// A deck's opening slides, shown when the route names no subject: the title, or what changed
/// since the previous period (the second slide).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Opening {
    #[default]
    Title,
    Changes,
}

/// Whether the view is the whole page or embedded in another page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Frame {
    #[default]
    Page,
    /// Without the site's header, navigation and footer; the source, the as-of date and a
    /// link to the full page stay.
    Embedded,
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() => {
                let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    encode_into(&mut out, s);
    out
}

/// Adds `k=v1,v2,…` to a query, each value percent-encoded; nothing when there is no value.
fn put<'a>(q: &mut String, k: &str, values: impl IntoIterator<Item = &'a str>) {
    for (i, v) in values.into_iter().enumerate() {
        if i == 0 {
            if q.len() > 1 {
                q.push('&');
            }
            q.push_str(k);
            q.push('=');
        } else {
            q.push(',');
        }
        encode_into(q, v);
    }
}

/// Percent-encodes `s` onto `out`: letters, digits and `-_.~` as they are, every other byte as
/// `%XX`.
fn encode_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

/// Keeps only values that could be ids, by the format's own id rule; anything else is dropped
/// rather than trusted.
fn id_like(s: String) -> Option<String> {
    crate::format::manifest::is_valid_id(&s).then_some(s)
}

/// Search text as the table uses it: no control characters, at most `MAX_SEARCH` characters.
pub fn clean_search(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(Route::MAX_SEARCH).collect()
}

impl Route {
    pub const MAX_SEARCH: usize = 64;
    /// More review points than any review names; a longer list is cut here.
    pub const MAX_POINTS: usize = 256;

    /// Parses a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> Route {
        let mut r = Route::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match k {
                "data" => r.data = id_like(v),
                "view" => r.view = View::from_word(&v).unwrap_or_default(),
                "indicator" => r.subject = SubjectId::from_word(v),
                "period" => r.period = id_like(v),
                "district" => r.district = id_like(v),
                "compare" => r.compare = id_like(v),
                "map" => r.map = MapKind::from_word(&v),
                "classes" => r.classes = Method::from_word(&v),
                "chart" => r.chart = ChartKind::from_word(&v),
                "second" => r.second = id_like(v),
                "sort" => r.sort = Sort::from_word(&v),
                "q" => r.search = clean_search(&v),
                "division" => r.division = id_like(v),
                "zoom" => r.zoom = id_like(v),
                "with" => r.with = v.split(',').filter_map(|s| id_like(s.to_string())).take(5).collect(),
                "points" => r.points = v.split(',').filter_map(|s| id_like(s.to_string())).take(Route::MAX_POINTS).collect(),
                "department" => r.department = id_like(v),
                "review" => r.review = id_like(v),
                "slide" if v == "changes" => r.opening = Opening::Changes,
                "scale" if v == "all" => r.scale = Scale::AllPeriods,
                "embed" if v == "1" => r.frame = Frame::Embedded,
                "lang" => r.lang = Lang::from_code(&v).unwrap_or_default(),
                _ => {}
            }
        }
        r
    }

    /// The query string for this route, starting with `?`. Parameters are in a fixed order so
    /// the same view always has the same link.
    pub fn to_query(&self) -> String {
        self.query_with(self.view, self.district.as_deref(), &self.search)
    }

    /// The query of this route with another view, district and search text, without a copy of
    /// the route.
    fn query_with(&self, view: View, district: Option<&str>, search: &str) -> String {
        // Written straight into one string (no `format!` per field): this runs for every link
        // a view draws, and it is a fifth of the size in the wasm.
        let mut q = String::from("?");
        let q = &mut q;
        put(q, "data", self.data.as_deref());
        put(q, "view", Some(view.word()));
        put(q, "indicator", self.subject.as_ref().map(|s| s.word()));
        put(q, "period", self.period.as_deref());
        put(q, "district", district);
        put(q, "compare", self.compare.as_deref());
        put(q, "map", self.map.map(|m| m.word()));
        put(q, "classes", self.classes.map(|m| m.word()));
        put(q, "chart", self.chart.map(|c| c.word()));
        put(q, "second", self.second.as_deref());
        let sort = self.sort.map(|s| s.word());
        put(q, "sort", sort.as_deref());
        put(q, "q", (!search.is_empty()).then_some(search));
        put(q, "division", self.division.as_deref());
        put(q, "zoom", self.zoom.as_deref());
        put(q, "with", self.with.iter().map(String::as_str));
        put(q, "points", self.points.iter().map(String::as_str));
        put(q, "department", self.department.as_deref());
        put(q, "review", self.review.as_deref());
        put(q, "slide", (self.opening == Opening::Changes).then_some("changes"));
        put(q, "scale", (self.scale == Scale::AllPeriods).then_some("all"));
        put(q, "embed", (self.frame == Frame::Embedded).then_some("1"));
        put(q, "lang", Some(self.lang.code()));
        std::mem::take(q)
    }
}

/// The addresses of every district's profile from one route, worked out once per route: a
/// view with 55 or 785 district links builds each by putting its district into the same text,
/// not by writing out the whole route again. A profile keeps the reader's choices but not the
/// rankings table's search text, which is the table's own and changes with every keystroke; so
/// typing in the search box changes no link (the app keeps the text in a memo that compares
/// equal). The text is a plain `String`, so the app's memo of it adds no new reactive type.
pub fn profile_links(route: &Route) -> String {
    route.query_with(View::District, Some(SLOT), "")
}

/// The address of `slug`'s profile from [`profile_links`]' text: the same as
/// `route.profile_of(slug).to_query()`.
pub fn profile_href(links: &str, slug: &str) -> String {
    match links.split_once(SLOT_WRITTEN) {
        Some((before, after)) => [before, "district=", &encode(slug), after].concat(),
        None => links.to_string(),
    }
}

/// A district no route can name (ids have no control characters), and how the query writes it.
const SLOT: &str = "\u{1}";
const SLOT_WRITTEN: &str = "district=%01";

impl Route {
    /// The route of a district's profile from this one: the same choices, without the rankings
    /// table's search text.
    pub fn profile_of(&self, slug: &str) -> Route {
        Route { view: View::District, district: Some(slug.to_string()), search: String::new(), ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_full_route() {
        let r = Route {
            data: Some("nfhs-mp".into()),
            view: View::Rankings,
            subject: Some(SubjectId::Indicator("public-awareness".into())),
            period: Some("2026-01".into()),
            district: Some("tikamgarh".into()),
            compare: None,
            with: vec!["rewa".into(), "mauganj".into()],
            map: Some(MapKind::Tiles),
            classes: Some(Method::NaturalBreaks),
            chart: Some(ChartKind::Scatter),
            second: Some("anc-registration".into()),
            sort: Some(Sort { key: SortKey::Value, order: Order::Descending }),
            search: "रीवा & co".into(),
            division: Some("rewa".into()),
            zoom: Some("jabalpur".into()),
            points: vec![],
            department: None,
            scale: Scale::AllPeriods,
            frame: Frame::Embedded,
            review: None,
            opening: Opening::Title,
            lang: Lang::En,
        };
        let q = r.to_query();
        assert_eq!(
            q,
            "?data=nfhs-mp&view=rankings&indicator=public-awareness&period=2026-01&district=tikamgarh&map=tiles&classes=natural&chart=scatter&second=anc-registration&sort=value-desc&q=%E0%A4%B0%E0%A5%80%E0%A4%B5%E0%A4%BE%20%26%20co&division=rewa&zoom=jabalpur&with=rewa,mauganj&scale=all&embed=1&lang=en"
        );
        assert_eq!(Route::parse(&q), r);
    }

    #[test]
    fn the_composite_is_a_subject_not_an_indicator_id() {
        let r = Route::parse("?view=map&indicator=composite");
        assert_eq!(r.subject, Some(SubjectId::Composite));
        assert_eq!(r.to_query(), "?view=map&indicator=composite&lang=hi");
    }

    #[test]
    fn bad_parts_fall_back_to_defaults() {
        let r = Route::parse("?view=nonsense&lang=fr&indicator=%3Cscript%3E&period=2026-01&x=%&map=globe&sort=rank-up&chart=pie&q=%00a");
        assert_eq!(r.view, View::Map);
        assert_eq!(r.lang, Lang::Hi);
        assert_eq!(r.subject, None);
        assert_eq!(r.map, None);
        assert_eq!(r.sort, None);
        assert_eq!(r.chart, None);
        assert_eq!(r.search, "a");
        assert_eq!(r.period.as_deref(), Some("2026-01"));
        assert_eq!(Route::parse(""), Route::default());
        assert_eq!(Route::parse("%%%&&==").view, View::Map);
    }

    #[test]
    fn a_profile_link_is_the_route_with_its_district_and_without_the_search_text() {
        let routes = [
            Route::default(),
            Route::parse("?data=up&view=rankings&indicator=anc-first&period=2024-06&q=re%20wa&sort=name&division=rewa&with=sidhi,satna&lang=hi"),
            Route::parse("?view=map&district=bhopal&zoom=bhopal&scale=all&embed=1"),
        ];
        for r in &routes {
            let links = profile_links(r);
            for slug in ["rewa", "agar-malwa", "x"] {
                let href = profile_href(&links, slug);
                assert_eq!(href, r.profile_of(slug).to_query());
                let back = Route::parse(&href);
                assert_eq!(back.view, View::District);
                assert_eq!(back.district.as_deref(), Some(slug));
                assert!(back.search.is_empty());
                assert_eq!((back.subject, back.period, back.with, back.lang), (r.subject.clone(), r.period.clone(), r.with.clone(), r.lang));
            }
        }
        // The search text alone does not change the links, so typing re-renders none.
        let typed = Route { search: "rew".into(), ..routes[1].clone() };
        assert_eq!(profile_links(&typed), profile_links(&routes[1]));
        assert_ne!(profile_links(&Route { period: Some("2024-05".into()), ..typed }), profile_links(&routes[1]));
    }
}
