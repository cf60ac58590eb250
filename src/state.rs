//! Shared state: the route, the site's catalogue and the dataset chosen from it, the dataset as
//! its files arrive, every problem found so far, and the memos views read so that each
//! recomputes only when what it shows changes.
//!
//! The catalogue loads first and names the dataset's folder (`dir`); the manifest loads once; value files load on demand for the period a view shows (and the one
//! before it, for "change since"), so at all-India scale a view fetches only what it needs.
//! Files are added to the dataset without notifying its readers; instead `arrived` counts files
//! per period, and memos key their work on the counts of the periods they use.

use crate::io::{fetch_bytes, fetch_with, FetchError, Freshness};
use crate::DATASET_DIR;
use leptos::prelude::*;
use leptos::task::spawn_local;
use samiksha_core::format::catalog::{parse_catalog, Catalog, CATALOG_PATH};
use samiksha_core::format::check::unreadable;
use samiksha_core::format::dataset::integrity_problems;
use samiksha_core::format::geo::{parse_boundaries, GeoMap};
use samiksha_core::format::manifest::parse_manifest;
use samiksha_core::present::{Ctx, Measured, Selection};
use samiksha_core::route::{ProfileLinks, Route, View};
use samiksha_core::{Dataset, Lang, Problem};
use std::collections::HashSet;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    /// The manifest could not be fetched for lack of a connection; it is fetched again when
    /// the connection returns.
    NoConnection,
    /// The manifest could not be used; the problems say why.
    Failed,
    Ready,
}

/// Whether the browser has a network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    Online,
    Offline,
}

/// What the page knows about keeping the app for use without a network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offline {
    /// No service worker (yet), or the browser has none.
    NotSaved,
    /// The app and the whole dataset are saved.
    Saved,
}

/// The boundary file, which only the geographic map needs.
#[derive(Clone, Debug, PartialEq)]
pub enum GeoLoad {
    NotAsked,
    /// The dataset lists no boundary file.
    NotPublished,
    Loading,
    Ready(Arc<GeoMap>),
    /// Listed but unusable; the problems panel says why.
    Failed,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub geo: RwSignal<GeoLoad>,
    pub route: RwSignal<Route>,
    /// Set once, when the manifest is read; value files are added untracked (see `arrived`).
    pub dataset: RwSignal<Option<Dataset>>,
    pub load: RwSignal<Load>,
    pub problems: RwSignal<Vec<Problem>>,
    /// Per period index, a count that grows whenever something of that period arrives (the
    /// columns already loaded when the dataset is set, then one per value file read). Views
    /// key their work on their own periods' counts; the number itself means nothing else.
    pub arrived: RwSignal<Vec<usize>>,
    /// Value files asked for (loaded or in flight), so none is fetched twice.
    requested: StoredValue<HashSet<String>>,
    /// Value files still in flight; views show a loading note while it is non-zero.
    pub in_flight: RwSignal<usize>,
    /// Whether the browser has a network (follows its `online` and `offline` events).
    pub network: RwSignal<Network>,
    /// A fetch failed for lack of a connection and waits to be tried again.
    pub waiting: RwSignal<bool>,
    /// The last wait was for a server that did not answer in time (not a lost connection).
    pub slow: RwSignal<bool>,
    /// Counts retries after a lost connection; what fetches on demand re-runs when it changes.
    pub retry: RwSignal<u32>,
    pub offline: RwSignal<Offline>,
    /// The date ("as of") of a newer dataset found on the server, offered to the reader.
    pub newer: RwSignal<Option<String>>,
    /// The manifest's bytes as read, to compare with the server's.
    manifest_bytes: StoredValue<Vec<u8>>,
    /// The site's datasets (`data/catalog.json`), once read; `None` before, or on a host
    /// without a catalogue (the app then reads [`DATASET_DIR`]).
    pub catalog: RwSignal<Option<Catalog>>,
    /// The folder of the dataset shown, relative to the page, ending in `/`.
    dir: StoredValue<String>,
    pub lang: Memo<Lang>,
    pub view: Memo<View>,
    /// The route resolved against the dataset; `None` until the manifest is read.
    pub selection: Memo<Option<Selection>>,
    /// The selected subject in the selected period, once its values (and the previous
    /// period's, for change) have arrived.
    pub measured: Memo<Option<Arc<Measured>>>,
    /// The addresses of the district profiles from the current route, worked out once per
    /// route and equal across keystrokes in the rankings search, so a view's 55 to 785 district
    /// links re-run only when an address they show changes.
    pub profile_links: Memo<ProfileLinks>,
    /// Whether the shell (`app::App`) mounts the view yet: once the dataset is in place it does
    /// so one task later, so reading the manifest and building the view are two tasks, not one.
    pub view_due: RwSignal<bool>,
}

impl AppState {
    pub fn new(route: Route) -> Self {
        let route = RwSignal::new(route);
        let dataset: RwSignal<Option<Dataset>> = RwSignal::new(None);
        let arrived = RwSignal::new(Vec::<usize>::new());
        let load = RwSignal::new(Load::Loading);
        let selection = Memo::new(move |_| {
            let ready = load.get() == Load::Ready;
            route.with(|r| dataset.with_untracked(|d| d.as_ref().filter(|_| ready).and_then(|d| Selection::resolve(d, r))))
        });
        // What the measured subject depends on: the subject, the period and how many files of
        // it and the period before have arrived. Files of other periods change nothing here.
        let measure_key = Memo::new(move |_| {
            let sel = selection.get()?;
            Some((sel.subject, sel.period, arrived_for(dataset, arrived, sel.period)))
        });
        let measured = Memo::new(move |_| {
            let (subject, period, _) = measure_key.get()?;
            dataset.with_untracked(|d| Measured::new(d.as_ref()?, subject, period)).map(Arc::new)
        });
        AppState {
            route,
            geo: RwSignal::new(GeoLoad::NotAsked),
            dataset,
            load,
            problems: RwSignal::new(Vec::new()),
            arrived,
            requested: StoredValue::new(HashSet::new()),
            in_flight: RwSignal::new(0),
            network: RwSignal::new(if crate::io::online() { Network::Online } else { Network::Offline }),
            waiting: RwSignal::new(false),
            slow: RwSignal::new(false),
            retry: RwSignal::new(0),
            offline: RwSignal::new(Offline::NotSaved),
            newer: RwSignal::new(None),
            manifest_bytes: StoredValue::new(Vec::new()),
            catalog: RwSignal::new(None),
            dir: StoredValue::new(DATASET_DIR.to_string()),
            lang: Memo::new(move |_| route.with(|r| r.lang)),
            view: Memo::new(move |_| route.with(|r| r.view)),
            selection,
            measured,
            profile_links: Memo::new(move |_| route.with(ProfileLinks::of)),
            view_due: RwSignal::new(false),
        }
    }

    /// Puts a dataset in place whose files were read elsewhere (tests, benchmarks).
    pub fn set_dataset(&self, ds: Dataset) {
        let counts = (0..ds.periods().len()).map(|p| ds.loaded_columns(p)).collect();
        self.dataset.set(Some(ds));
        self.arrived.set(counts);
        self.load.set(Load::Ready);
    }

    /// Runs `f` over the dataset in the reader's language without tracking the dataset: views
    /// track the memos that say what changed. `None` before the manifest is read.
    /// As [`with_ctx`](Self::with_ctx), and the caller is drawn again when the dataset arrives
    /// or is replaced: for views whose model is built straight from the manifest, with no memo
    /// key of their own.
    pub fn read_ctx<T>(&self, lang: Lang, f: impl FnOnce(&Ctx) -> T) -> Option<T> {
        self.dataset.track();
        self.with_ctx(lang, f)
    }

    pub fn with_ctx<T>(&self, lang: Lang, f: impl FnOnce(&Ctx) -> T) -> Option<T> {
        self.dataset.with_untracked(|d| d.as_ref().map(|d| f(&Ctx::new(d, lang))))
    }

    /// Changes the route through `f` and records it in the URL as a new history entry.
    pub fn navigate(&self, f: impl FnOnce(&mut Route)) {
        let mut next = self.route.get_untracked();
        f(&mut next);
        crate::nav::go(self.route, next, crate::nav::HistoryEntry::Push);
    }

    /// Like `navigate`, but replacing the current entry (typing in a search box).
    pub fn refine(&self, f: impl FnOnce(&mut Route)) {
        let mut next = self.route.get_untracked();
        f(&mut next);
        crate::nav::go(self.route, next, crate::nav::HistoryEntry::Replace);
    }

    /// Whether the view has what it first shows: the manifest read (or refused, or waiting for
    /// a connection), the view mounted, no value file in flight, and on the map the boundary
    /// file's fate known.
    /// Read a frame after a change, when every effect the change set off has run.
    pub fn settled(self) -> bool {
        match self.load.get_untracked() {
            Load::Loading => false,
            Load::NoConnection | Load::Failed => true,
            Load::Ready => {
                self.view_due.get_untracked()
                    && self.in_flight.get_untracked() == 0
                    && (self.view.get_untracked() != View::Map || !matches!(self.geo.get_untracked(), GeoLoad::NotAsked | GeoLoad::Loading))
            }
        }
    }

    /// The folder of the dataset shown, relative to the page.
    pub fn dir(&self) -> String {
        self.dir.get_value()
    }

    /// Reads the catalogue, chooses the dataset the link names (`?data=`, else the first),
    /// then reads its manifest. A link naming a dataset the catalogue lacks shows the first and
    /// says so; a host without a catalogue (or with one the app cannot use) serves the dataset
    /// in [`DATASET_DIR`], with the catalogue's problems reported.
    pub fn load_manifest(self) {
        self.load.set(Load::Loading);
        spawn_local(async move {
            let wanted = self.route.with_untracked(|r| r.data.clone());
            match fetch_bytes(CATALOG_PATH).await {
                // Without a connection a link naming a dataset waits for it (only the catalogue
                // says where that dataset is); a link naming none goes on to the default.
                Err(e @ (FetchError::NoConnection | FetchError::TimedOut)) if wanted.is_some() => {
                    self.load.set(Load::NoConnection);
                    self.wait_for_connection(e);
                    return;
                }
                Err(FetchError::Status(404, _) | FetchError::NoConnection | FetchError::TimedOut) => self.no_catalogue(wanted),
                Err(e) => {
                    self.problems
                        .update(|p| p.push(samiksha_core::Problem { severity: samiksha_core::Severity::Warning, ..unreadable(CATALOG_PATH, e.reason()) }));
                    self.no_catalogue(wanted);
                }
                Ok(bytes) => {
                    let (catalog, problems) = parse_catalog(CATALOG_PATH, &bytes);
                    self.problems.update(|p| p.extend(problems));
                    let chosen = catalog.as_ref().and_then(|c| {
                        let (entry, unknown) = c.choose(wanted.as_deref())?;
                        // The first dataset is the default: links to it name none.
                        let named = (Some(entry) != c.first()).then(|| entry.id.clone());
                        Some((entry.dir(), named, unknown))
                    });
                    match chosen {
                        Some((dir, named, unknown)) => {
                            self.dir.set_value(dir);
                            self.problems.update(|p| p.extend(unknown));
                            self.name_dataset(named);
                            self.catalog.set(catalog);
                        }
                        None => self.no_catalogue(wanted),
                    }
                }
            }
            self.read_manifest().await;
        });
    }

    /// A host without a (usable) catalogue serves the one dataset in [`DATASET_DIR`]; a link
    /// naming another is said to name an unknown dataset, and stops naming it.
    fn no_catalogue(self, wanted: Option<String>) {
        if let Some(id) = wanted {
            self.problems.update(|p| p.push(samiksha_core::format::catalog::unknown_dataset(&id)));
        }
        self.name_dataset(None);
    }

    /// Names the dataset shown in the URL (correcting the current entry).
    fn name_dataset(self, named: Option<String>) {
        if self.route.with_untracked(|r| r.data != named) {
            let mut next = self.route.get_untracked();
            next.data = named;
            crate::nav::go(self.route, next, crate::nav::HistoryEntry::Replace);
        }
    }

    async fn read_manifest(self) {
        let name = "manifest.json";
        let dir = self.dir();
        match fetch_bytes(&format!("{dir}{name}")).await {
            Err(e @ (FetchError::NoConnection | FetchError::TimedOut)) => {
                self.load.set(Load::NoConnection);
                self.wait_for_connection(e);
            }
            Err(e) => {
                self.problems.update(|p| p.push(unreadable(name, e.reason())));
                self.load.set(Load::Failed);
            }
            Ok(bytes) => {
                crate::first_view::manifest_read(&dir, &bytes);
                let (manifest, problems) = parse_manifest(name, &bytes);
                self.problems.update(|p| p.extend(problems));
                self.manifest_bytes.set_value(bytes);
                match manifest {
                    Some(m) => {
                        let dataset = Dataset::new(m);
                        yield_to_browser().await;
                        self.set_dataset(dataset);
                        self.check_for_newer();
                    }
                    None => self.load.set(Load::Failed),
                }
            }
        }
    }

    /// Asks the server (past the service worker) for the manifest and, when it differs from the
    /// one shown, offers the newer dataset. Nothing switches without the reader's say.
    pub fn check_for_newer(self) {
        spawn_local(async move {
            let Ok(bytes) = fetch_with(&format!("{}manifest.json", self.dir()), Freshness::FromServer).await else { return };
            if self.manifest_bytes.with_value(|b| *b == bytes) {
                return;
            }
            if let (Some(m), _) = parse_manifest("manifest.json", &bytes) {
                self.newer.set(Some(m.updated));
            }
        });
    }

    /// Notes that a fetch failed for lack of a connection. Everything waiting is tried again
    /// when the browser reports the connection back, and every ten seconds meanwhile (a
    /// network can return without the browser noticing).
    fn wait_for_connection(self, why: FetchError) {
        self.slow.set(why == FetchError::TimedOut);
        if self.waiting.get_untracked() {
            return;
        }
        self.waiting.set(true);
        set_timeout(move || self.try_again(), std::time::Duration::from_secs(10));
    }

    /// Fetches again whatever failed for lack of a connection.
    pub fn try_again(self) {
        if !self.waiting.get_untracked() {
            return;
        }
        self.waiting.set(false);
        if self.load.get_untracked() == Load::NoConnection {
            // The catalogue, once read, is not read again (its problems are already listed).
            if self.catalog.with_untracked(Option::is_some) {
                self.load.set(Load::Loading);
                spawn_local(async move { self.read_manifest().await });
            } else {
                self.load_manifest();
            }
        }
        self.retry.update(|n| *n += 1);
    }

    /// Fetches the boundary file once, when a view first needs it.
    pub fn ensure_geo(self) {
        if self.geo.get_untracked() != GeoLoad::NotAsked {
            return;
        }
        let Some(file) = self.dataset.with_untracked(|d| d.as_ref().map(|d| d.manifest.boundaries.clone())) else { return };
        let Some(file) = file else {
            self.geo.set(GeoLoad::NotPublished);
            return;
        };
        self.geo.set(GeoLoad::Loading);
        spawn_local(async move {
            match fetch_bytes(&format!("{}{}", self.dir(), file.path)).await {
                Ok(bytes) => {
                    let mut problems = integrity_problems(&file, &bytes);
                    // A boundary file that is not the one published is not drawn.
                    let parsed = match problems.is_empty() {
                        true => self.dataset.with_untracked(|d| d.as_ref().map(|d| parse_boundaries(&file.path, &bytes, &d.manifest))),
                        false => None,
                    };
                    let (map, more) = parsed.unwrap_or((None, Vec::new()));
                    problems.extend(more);
                    self.problems.update(|p| p.extend(problems));
                    yield_to_browser().await;
                    self.geo.set(match map {
                        Some(m) if !m.shapes.is_empty() => GeoLoad::Ready(Arc::new(m)),
                        _ => GeoLoad::Failed,
                    });
                }
                Err(e @ (FetchError::NoConnection | FetchError::TimedOut)) => {
                    self.geo.set(GeoLoad::NotAsked);
                    self.wait_for_connection(e);
                }
                Err(e) => {
                    self.problems.update(|p| p.push(unreadable(&file.path, e.reason())));
                    self.geo.set(GeoLoad::Failed);
                }
            }
        });
    }

    /// Loads every period: trends, sparklines and rank histories need them all. At all-India
    /// scale the files are split by indicator group, so this stays proportionate.
    pub fn ensure_all_periods(self) {
        let n = self.dataset.with_untracked(|d| d.as_ref().map_or(0, |d| d.periods().len()));
        self.ensure_periods(0..n);
    }

    /// Loads the periods a projection or a follow-up reads.
    pub fn ensure_periods(self, periods: impl IntoIterator<Item = usize>) {
        for p in periods {
            self.ensure_period(p);
        }
    }

    /// Whether every value file of `period` has been asked for and none is still in flight
    /// (tracks `in_flight`), so a view without figures can say they will not come.
    pub fn period_settled(&self, period: usize) -> bool {
        if self.in_flight.get() > 0 || self.waiting.get() {
            return false;
        }
        let files = self.dataset.with_untracked(|d| {
            let d = d.as_ref()?;
            let pid = &d.periods().get(period)?.id;
            Some(d.manifest.files_for_period(pid).map(|f| f.path.clone()).collect::<Vec<_>>())
        });
        let Some(files) = files else { return false };
        self.requested.with_value(|r| files.iter().all(|f| r.contains(f)))
    }

    /// Makes sure the value files of `period` are loaded or on their way.
    pub fn ensure_period(self, period: usize) {
        let files = self.dataset.with_untracked(|d| {
            let d = d.as_ref()?;
            let pid = &d.periods().get(period)?.id;
            Some(d.manifest.files_for_period(pid).cloned().collect::<Vec<_>>())
        });
        for file in files.unwrap_or_default() {
            let fresh = self.requested.try_update_value(|r| r.insert(file.path.clone())).unwrap_or(false);
            if !fresh {
                continue;
            }
            self.in_flight.update(|n| *n += 1);
            spawn_local(async move {
                let result = fetch_bytes(&format!("{}{}", self.dir(), file.path)).await;
                match result {
                    Ok(bytes) => {
                        let mut found = Vec::new();
                        // Untracked: readers learn of the file through `arrived`, per period.
                        self.dataset.update_untracked(|d| {
                            if let Some(d) = d {
                                found = d.add_value_file(&file, &bytes);
                            }
                        });
                        yield_to_browser().await;
                        self.arrived.update(|a| {
                            if a.len() <= period {
                                a.resize(period + 1, 0);
                            }
                            a[period] += 1;
                        });
                        if !found.is_empty() {
                            self.problems.update(|p| p.extend(found));
                        }
                    }
                    Err(e @ (FetchError::NoConnection | FetchError::TimedOut)) => {
                        // Forget the request so the retry fetches it again.
                        self.requested.update_value(|r| {
                            r.remove(&file.path);
                        });
                        self.wait_for_connection(e);
                    }
                    Err(e) => self.problems.update(|p| p.push(unreadable(&file.path, e.reason()))),
                }
                self.in_flight.update(|n| *n -= 1);
            });
        }
    }
}

/// Lets the browser handle input and paint between reading a file and drawing what it holds
/// (and before the app's first render and its view's mount, see `mount` and `app::App`), so
/// starting up is a series of short tasks, not one long one that a tap would wait on.
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// How many files of `period` and of the period before it (the dataset's own
/// `previous_period`) have arrived: all that a view of one period, with its change since the
/// last review, depends on. Tracks `arrived` only.
pub fn arrived_for(dataset: RwSignal<Option<Dataset>>, arrived: RwSignal<Vec<usize>>, period: usize) -> (usize, usize) {
    let before = dataset.with_untracked(|d| d.as_ref().and_then(|d| d.previous_period(period)));
    arrived.with(|a| (a.get(period).copied().unwrap_or(0), before.and_then(|p| a.get(p).copied()).unwrap_or(0)))
}
