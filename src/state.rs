//! Shared state: the route, the dataset as its files arrive, and every problem found so far.
//!
//! The manifest loads once; value files load on demand for the period a view shows (and the one
//! before it, for "change since"), so at all-India scale a view fetches only what it needs.

use crate::io::fetch_bytes;
use crate::DATASET_DIR;
use leptos::prelude::*;
use leptos::task::spawn_local;
use samiksha_core::check::unreadable;
use samiksha_core::dataset::integrity_problems;
use samiksha_core::geo::{parse_boundaries, GeoMap};
use samiksha_core::manifest::parse_manifest;
use samiksha_core::route::Route;
use samiksha_core::{Dataset, Lang, Problem};
use std::collections::HashSet;

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
    Ready(std::sync::Arc<GeoMap>),
    /// Listed but unusable; the problems panel says why.
    Failed,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub geo: RwSignal<GeoLoad>,
    pub route: RwSignal<Route>,
    pub dataset: RwSignal<Option<Dataset>>,
    pub load: RwSignal<Load>,
    pub problems: RwSignal<Vec<Problem>>,
    /// Value files asked for (loaded or in flight), so none is fetched twice.
    requested: StoredValue<HashSet<String>>,
    /// Value files still in flight; views show a loading note while it is non-zero.
    pub in_flight: RwSignal<usize>,
}

/// The indicator, period and district a view shows, resolved against the dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Selection {
    pub indicator: usize,
    pub period: usize,
    pub district: Option<usize>,
}

impl AppState {
    pub fn new(route: Route) -> Self {
        AppState {
            route: RwSignal::new(route),
            geo: RwSignal::new(GeoLoad::NotAsked),
            dataset: RwSignal::new(None),
            load: RwSignal::new(Load::Loading),
            problems: RwSignal::new(Vec::new()),
            requested: StoredValue::new(HashSet::new()),
            in_flight: RwSignal::new(0),
        }
    }

    pub fn lang(&self) -> Lang {
        self.route.with(|r| r.lang)
    }

    /// Resolves the route's ids; unknown or missing ones fall back to the first indicator and
    /// the latest period.
    pub fn selection(&self) -> Option<Selection> {
        let route = self.route.get();
        self.dataset.with(|d| {
            let d = d.as_ref()?;
            let indicator = route.indicator.as_deref().and_then(|i| d.indicator_index(i)).unwrap_or(0);
            let period = route.period.as_deref().and_then(|p| d.period_index(p)).unwrap_or(d.periods().len().saturating_sub(1));
            let district = route.district.as_deref().and_then(|s| d.unit_index(s));
            Some(Selection { indicator, period, district })
        })
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
                        Some(m) => {
                            self.dataset.set(Some(Dataset::new(m)));
                            self.load.set(Load::Ready);
                        }
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
                        Some(m) if !m.shapes.is_empty() => GeoLoad::Ready(std::sync::Arc::new(m)),
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
                        self.dataset.update(|d| {
                            if let Some(d) = d {
                                found = d.add_value_file(&file, &bytes);
                            }
                        });
                        self.problems.update(|p| p.extend(found));
                    }
                    Err(reason) => self.problems.update(|p| p.push(unreadable(&file.path, reason))),
                }
                self.in_flight.update(|n| *n -= 1);
            });
        }
    }
}
