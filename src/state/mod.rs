//! Shared state: the route, the site's catalogue and the dataset chosen from it, the dataset as
//! its files arrive, every problem found so far, and the memos views read so that each
//! recomputes only when what it shows changes.
//!
//! The catalogue loads first and names the dataset's folder (`dir`); the manifest loads once; value files load on demand for the period a view shows (and the one
//! before it, for "change since"), so at all-India scale a view fetches only what it needs (a
//! period's files for the indicators not shown wait until the first view is shown).
//! Files are added to the dataset without notifying its readers; instead `arrived` counts files
//! per period, and memos key their work on the counts of the periods they use.
//!
//! This file holds the store and its memos; `load` is the loading state machine (catalogue,
//! manifest, boundary file, value files on demand, waiting for a connection, a newer dataset).

mod load;

pub use load::yield_to_browser;

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
use samiksha_core::route::{Route, View};
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

/// Where the views' wasm module (the views other than the map) stands (`app::later`; always
/// `NotAsked` in a build without the `split` feature).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewsModule {
    NotAsked,
    Fetching,
    In,
    /// The fetch failed while this view was shown, and why (as the fetch that failed left it,
    /// `first_view::module_failure`): said there, tried again elsewhere.
    NotFetched(View, crate::first_view::ModuleFailure),
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
    /// Value files the copy's map read and handed over with the dataset (`adopt_copy_read`),
    /// not yet asked for: asked for, they count as arrived (`fetch_value_files`).
    read_by_copy: StoredValue<HashSet<String>>,
    /// Periods whose other files (the indicators not shown) wait until the first view is shown
    /// (`load_rest_once_shown`).
    rest_waiting: StoredValue<Vec<usize>>,
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
    pub profile_links: Memo<String>,
    /// Whether the shell (`app::App`) mounts the view yet: once the dataset is in place it does
    /// so one task later, so reading the manifest and building the view are two tasks, not one.
    pub view_due: RwSignal<bool>,
    /// Parts of the page not built yet (`views::BuiltApart`): while the app is hidden beside the
    /// copy each is built in a task of its own, and the copy gives way only once none is left.
    pub parts_pending: RwSignal<u32>,
    /// The other views' module (`app::later`).
    pub views_module: RwSignal<ViewsModule>,
    /// Whether the first view has been shown (the page marked ready): work it does not need
    /// waits for this, so it does not share a slow line or the processor with it.
    pub first_view: RwSignal<FirstView>,
    /// The map drawing this screen starts with (`default_map_kind`).
    pub default_map: samiksha_core::route::MapKind,
}

/// Whether the app's first view has been shown.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FirstView {
    Pending,
    Shown,
}

/// The map drawing a screen starts with when the address names none: squares on a narrow
/// screen (small districts stay tappable), the geographic map on a wider one. The same 700 px
/// is written in three other places that must agree: first.js (whether to ask early for the
/// boundary file), style.css (`#first-view`'s media queries: which pre-rendered copy shows) and
/// tools/prerender.mjs (the widths each copy is rendered at, either side of it); the phone
/// test "the 700 px rule agrees everywhere" loads the page at 699 and 700 px. Read once, as
/// the app starts (`AppState::default_map`): reading the window's width makes the browser lay
/// out any change still pending, which beside the pre-rendered copy cost up to 90 ms at 4×
/// CPU each time the map view asked.
fn default_map_kind() -> samiksha_core::route::MapKind {
    let wide = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_none_or(|w| w >= 700.0);
    if wide {
        samiksha_core::route::MapKind::Geographic
    } else {
        samiksha_core::route::MapKind::Tiles
    }
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
            read_by_copy: StoredValue::new(HashSet::new()),
            rest_waiting: StoredValue::new(Vec::new()),
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
            profile_links: Memo::new(move |_| route.with(samiksha_core::route::profile_links)),
            view_due: RwSignal::new(false),
            parts_pending: RwSignal::new(0),
            views_module: RwSignal::new(ViewsModule::NotAsked),
            first_view: RwSignal::new(FirstView::Pending),
            default_map: default_map_kind(),
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

    /// Whether the view has what it first shows: every part of the page built
    /// (`parts_pending`), the manifest read (or refused, or waiting for a connection), the view
    /// mounted, no value file in flight, on a map that opens on the
    /// geographic drawing the boundary file's fate known (the squares do not wait for it), and
    /// on another view (in a split build) its module's fate known.
    /// Read a frame after a change, when every effect the change set off has run.
    pub fn settled(self) -> bool {
        if self.parts_pending.get_untracked() > 0 {
            return false;
        }
        match self.load.get_untracked() {
            Load::Loading => false,
            Load::NoConnection | Load::Failed => true,
            Load::Ready => {
                self.view_due.get_untracked()
                    && self.in_flight.get_untracked() == 0
                    && (self.view.get_untracked() != View::Map
                        || !self.geographic_map_first()
                        || !matches!(self.geo.get_untracked(), GeoLoad::NotAsked | GeoLoad::Loading))
                    && (!cfg!(feature = "split")
                        || self.view.get_untracked() == View::Map
                        || matches!(self.views_module.get_untracked(), ViewsModule::In | ViewsModule::NotFetched(..)))
            }
        }
    }

    /// Whether the map view opens on the geographic map (named in the address, or the wider
    /// screen's default), which needs the boundary file before it is shown; the squares do not,
    /// and on a phone the boundary file waits until the first view is shown.
    pub fn geographic_map_first(self) -> bool {
        untrack(|| self.map_wanted()) == samiksha_core::route::MapKind::Geographic
    }

    /// The map drawing the reader wants: the address's, else the screen's default. The map
    /// view draws it once the boundary file is in (the squares until then, or without one).
    pub fn map_wanted(self) -> samiksha_core::route::MapKind {
        self.route.with(|r| r.map).unwrap_or(self.default_map)
    }

    /// Whether the dataset's manifest lists a boundary file (`false` before it is read).
    pub fn publishes_boundaries(self) -> bool {
        self.dataset.with_untracked(|d| d.as_ref().is_some_and(|d| d.manifest.boundaries.is_some()))
    }

    /// Tracks every signal [`Self::settled`] reads, for an effect that checks it after each
    /// change (it reads them untracked, as it is also asked outside effects).
    pub fn track_settled(self) {
        self.load.track();
        self.view_due.track();
        self.parts_pending.track();
        self.in_flight.track();
        self.geo.track();
        self.view.track();
        self.views_module.track();
        self.route.track();
    }

    /// The folder of the dataset shown, relative to the page.
    pub fn dir(&self) -> String {
        self.dir.get_value()
    }
}

/// How many files of `period` and of the period before it (the dataset's own
/// `previous_period`) have arrived: all that a view of one period, with its change since the
/// last review, depends on. Tracks `arrived` only.
pub fn arrived_for(dataset: RwSignal<Option<Dataset>>, arrived: RwSignal<Vec<usize>>, period: usize) -> (usize, usize) {
    let before = dataset.with_untracked(|d| d.as_ref().and_then(|d| d.previous_period(period)));
    arrived.with(|a| (a.get(period).copied().unwrap_or(0), before.and_then(|p| a.get(p).copied()).unwrap_or(0)))
}
