//! Shared state: the route, the dataset as its files arrive, every problem found so far, and
//! the memos views read so that each recomputes only when what it shows changes.
//!
//! The manifest loads once; value files load on demand for the period a view shows (and the one
//! before it, for "change since"), so at all-India scale a view fetches only what it needs.
//! Files are added to the dataset without notifying its readers; instead `arrived` counts files
//! per period, and memos key their work on the counts of the periods they use.

use crate::io::fetch_bytes;
use crate::DATASET_DIR;
use leptos::prelude::*;
use leptos::task::spawn_local;
use samiksha_core::check::unreadable;
use samiksha_core::dataset::integrity_problems;
use samiksha_core::geo::{parse_boundaries, GeoMap};
use samiksha_core::manifest::parse_manifest;
use samiksha_core::present::{Ctx, Measured, Selection};
use samiksha_core::route::{Route, View};
use samiksha_core::{Dataset, Lang, Problem};
use std::collections::HashSet;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    /// The manifest could not be used; the problems say why.
    Failed,
    Ready,
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
    /// Value files that have arrived, per period index.
    pub arrived: RwSignal<Vec<usize>>,
    /// Value files asked for (loaded or in flight), so none is fetched twice.
    requested: StoredValue<HashSet<String>>,
    /// Value files still in flight; views show a loading note while it is non-zero.
    pub in_flight: RwSignal<usize>,
    pub lang: Memo<Lang>,
    pub view: Memo<View>,
    /// The route resolved against the dataset; `None` until the manifest is read.
    pub selection: Memo<Option<Selection>>,
    /// The selected subject in the selected period, once its values (and the previous
    /// period's, for change) have arrived.
    pub measured: Memo<Option<Arc<Measured>>>,
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
            let counts = arrived.with(|a| (a.get(sel.period).copied().unwrap_or(0), sel.period.checked_sub(1).and_then(|p| a.get(p).copied()).unwrap_or(0)));
            Some((sel.subject, sel.period, counts))
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
            lang: Memo::new(move |_| route.with(|r| r.lang)),
            view: Memo::new(move |_| route.with(|r| r.view)),
            selection,
            measured,
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

    /// Fetches and reads the manifest.
    pub fn load_manifest(self) {
        spawn_local(async move {
            let name = "manifest.json";
            match fetch_bytes(&format!("{DATASET_DIR}{name}")).await {
                Err(reason) => {
                    self.problems.update(|p| p.push(unreadable(name, reason)));
                    self.load.set(Load::Failed);
                }
                Ok(bytes) => {
                    let (manifest, problems) = parse_manifest(name, &bytes);
                    self.problems.update(|p| p.extend(problems));
                    match manifest {
                        Some(m) => self.set_dataset(Dataset::new(m)),
                        None => self.load.set(Load::Failed),
                    }
                }
            }
        });
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
            match fetch_bytes(&format!("{DATASET_DIR}{}", file.path)).await {
                Ok(bytes) => {
                    let mut problems = integrity_problems(&file, &bytes);
                    let parsed = self.dataset.with_untracked(|d| d.as_ref().map(|d| parse_boundaries(&file.path, &bytes, &d.manifest)));
                    let (map, more) = parsed.unwrap_or((None, Vec::new()));
                    problems.extend(more);
                    self.problems.update(|p| p.extend(problems));
                    self.geo.set(match map {
                        Some(m) if !m.shapes.is_empty() => GeoLoad::Ready(Arc::new(m)),
                        _ => GeoLoad::Failed,
                    });
                }
                Err(reason) => {
                    self.problems.update(|p| p.push(unreadable(&file.path, reason)));
                    self.geo.set(GeoLoad::Failed);
                }
            }
        });
    }

    /// Loads every period: trends, sparklines and rank histories need them all. At all-India
    /// scale the files are split by indicator group, so this stays proportionate.
    pub fn ensure_all_periods(self) {
        let n = self.dataset.with_untracked(|d| d.as_ref().map_or(0, |d| d.periods().len()));
        for p in 0..n {
            self.ensure_period(p);
        }
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
                let result = fetch_bytes(&format!("{DATASET_DIR}{}", file.path)).await;
                match result {
                    Ok(bytes) => {
                        let mut found = Vec::new();
                        // Untracked: readers learn of the file through `arrived`, per period.
                        self.dataset.update_untracked(|d| {
                            if let Some(d) = d {
                                found = d.add_value_file(&file, &bytes);
                            }
                        });
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
                    Err(reason) => self.problems.update(|p| p.push(unreadable(&file.path, reason))),
                }
                self.in_flight.update(|n| *n -= 1);
            });
        }
    }
}
