//! Loading, as `AppState`'s methods: the catalogue, then the manifest, then the boundary file
//! and value files as views ask for them; a lost connection is waited out (fetched again on the
//! `online` event and every ten seconds meanwhile), and a newer dataset on the server is noticed.

use super::*;
use samiksha_core::format::manifest::FileRef;
use samiksha_core::present::Subject;

impl AppState {
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
                // Bytes boot.js already read arrive without a task boundary: the shell's first
                // render and reading the manifest stay two tasks, so neither blocks a tap long.
                yield_to_browser().await;
                crate::first_view::manifest_read(&dir, &bytes);
                // What the copy's map read from these same bytes is taken as it is: its value
                // files are then neither parsed nor checked again.
                if let Some(read) = crate::first_tap::read_before(&dir, &bytes) {
                    self.manifest_bytes.set_value(bytes);
                    yield_to_browser().await;
                    self.adopt_copy_read(read);
                    return;
                }
                let (manifest, problems) = parse_manifest(name, &bytes);
                self.problems.update(|p| p.extend(problems));
                self.manifest_bytes.set_value(bytes);
                match manifest {
                    Some(m) => {
                        let dataset = Dataset::new(m);
                        yield_to_browser().await;
                        self.set_dataset(dataset);
                    }
                    None => self.load.set(Load::Failed),
                }
            }
        }
    }

    /// Puts in place the dataset the copy's map read (`first_tap::read_before`): its problems
    /// are listed, and its value files count as asked for (`read_by_copy`), so none is fetched,
    /// parsed or checked again; a view that asks for one finds it arrived.
    pub fn adopt_copy_read(&self, read: crate::first_tap::CopyRead) {
        let mut problems = read.problems;
        for (path, found) in read.files {
            problems.extend(found);
            self.requested.update_value(|r| {
                r.insert(path.clone());
            });
            self.read_by_copy.update_value(|h| {
                h.insert(path);
            });
        }
        self.problems.update(|p| p.extend(problems));
        self.set_dataset(read.dataset);
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
        self.fetch_value_files(period, files.unwrap_or_default(), Then::Nothing);
    }

    /// The other files of `period` (its indicators not shown): at once when the first view is
    /// shown, else once it is (`startup::load_rest_once_shown`). Before then they would share a
    /// slow line with the app's own modules, and the first view would wait for them (it is
    /// ready only when nothing is in flight); tools/prerender.mjs would preload them too (on the
    /// generated all-India site: eight files of 62 KB beside the first wasm module).
    fn rest_of_period(self, period: usize) {
        if self.first_view.get_untracked() == FirstView::Shown {
            self.ensure_period(period);
        } else {
            self.rest_waiting.update_value(|w| w.push(period));
        }
    }

    /// The first view is shown: the periods' other files that waited for it are fetched.
    pub fn load_waiting_rest(self) {
        for period in self.rest_waiting.try_update_value(std::mem::take).unwrap_or_default() {
            self.ensure_period(period);
        }
    }

    /// The same, the file holding the indicator shown first and the period's other files once
    /// it has arrived (and the first view is shown): a period split into files by indicator group (all-India scale) shares a
    /// slow line between them, and the map waits only for its own.
    pub fn ensure_period_showing(self, period: usize, subject: Subject) {
        let files = self.dataset.with_untracked(|d| {
            let (first, rest) = samiksha_core::present::files_showing(d.as_ref()?, period, subject);
            Some((first.into_iter().cloned().collect::<Vec<FileRef>>(), if rest.is_empty() { Then::Nothing } else { Then::RestOfPeriod }))
        });
        if let Some((first, then)) = files {
            self.fetch_value_files(period, first, then);
        }
    }

    /// Fetches the value files of `period` not yet asked for, and then, when `then` says so and
    /// every one of them has been read (or failed), asks for the rest of the period. A file the
    /// copy's map read (`adopt_copy_read`) is not fetched: it has arrived.
    fn fetch_value_files(self, period: usize, files: Vec<FileRef>, then: Then) {
        // Files the copy's map read are in the dataset already, and count as asked for; the
        // first call that asks for one finds it arrived.
        let handed = files.iter().filter(|f| self.read_by_copy.try_update_value(|h| h.remove(&f.path)).unwrap_or(false)).count();
        let fresh: Vec<FileRef> = files.into_iter().filter(|f| self.requested.try_update_value(|r| r.insert(f.path.clone())).unwrap_or(false)).collect();
        // Nothing new: every file was asked for already, either with the whole period or by a
        // fetch that asks for the rest when it ends (a district tapped meanwhile must not start
        // the rest before the file shown), or was handed over arrived, so the rest is asked for
        // now.
        if fresh.is_empty() {
            if handed > 0 && then == Then::RestOfPeriod {
                self.rest_of_period(period);
            }
            return;
        }
        let left = std::rc::Rc::new(std::cell::Cell::new(fresh.len()));
        for file in fresh {
            let left = left.clone();
            self.in_flight.update(|n| *n += 1);
            spawn_local(async move {
                let result = fetch_bytes(&format!("{}{}", self.dir(), file.path)).await;
                match result {
                    Ok(bytes) => {
                        // Bytes already in (kept by the copy's reader when it had not finished
                        // in time to hand them over, or from the service worker's cache) arrive
                        // without a task boundary: each file is read in a task of its own.
                        yield_to_browser().await;
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
                left.set(left.get() - 1);
                if left.get() == 0 && then == Then::RestOfPeriod {
                    self.rest_of_period(period);
                }
            });
        }
    }
}

/// What follows fetching some of a period's value files.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    Nothing,
    /// The period's other files (its first files held the indicator shown).
    RestOfPeriod,
}

/// Lets the browser handle input and paint between reading a file and drawing what it holds
/// (and before the app's first render, its view's mount, each part `views::BuiltApart` builds
/// apart, what `startup::once_shown` starts, and each step of `first_tap`'s read, see `mount` and
/// `app::App`), so starting up is a series of short tasks, not one long one that a tap would
/// wait on. It needs no framework, so the first module (`first_tap`) calls it too.
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}
