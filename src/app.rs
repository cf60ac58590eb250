//! The app shell: skip links (to the content, and on the map view to the map), header with
//! the language switch, navigation, the current view, the share bar, the problems panel and
//! the footer, the site's other datasets, and the page title and description (from the dataset
//! shown). Views are chosen from the route; an embedded view (`embed=1`) keeps only the view,
//! its notes and the embed footer. The service worker is registered once the first view is shown.

use crate::nav::{current_query, follow_history, link_click};
use crate::state::{AppState, Load, Offline};
use crate::views;
use leptos::prelude::*;
use samiksha_core::format::problem::Severity;
use samiksha_core::present::i18n::Msg;
use samiksha_core::route::{Frame, Route, View};

/// The views other than the map. In the shipped build (the `split` feature) they are a wasm
/// module of their own (tools/split.mjs): `show` asks for it the first time one of them is
/// chosen (or `mount` already has, for an address naming one of them), says
/// "Loading this view…" meanwhile, and once it is in builds the view at once, in the same
/// reactive run as the map view would be (a view built inside a pending future outlived its
/// owner). A module that could not be fetched is said in the reader's language with a button
/// to try again; choosing another view tries again too. Without the feature (the browser unit
/// tests) every view is a plain call.
pub(crate) mod later {
    use crate::views;
    use leptos::prelude::*;
    use samiksha_core::route::View;

    use crate::state::ViewsModule as Module;

    /// The module could not be fetched (offline before it was saved, refused by its hash, or
    /// not arrived within its deadline).
    /// (The app's own module, `lib.rs` `app_module`, says the same.)
    pub(crate) struct NotLoaded;
    #[cfg(feature = "split")]
    impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
        fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
            NotLoaded
        }
    }

    /// Every view. In a split build this is the views' module; `show` never asks it for the
    /// map, which the app's module holds. Visible to the crate because its preload,
    /// `fetch_views`, takes its visibility and `mount` (lib.rs) calls it for a deep link.
    #[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_views)))]
    pub(crate) fn build(view: View) -> Result<AnyView, NotLoaded> {
        Ok(match view {
            View::Map => views::map::MapView().into_any(),
            View::Rankings => views::rankings::RankingsView().into_any(),
            View::Charts => views::charts::ChartsView().into_any(),
            View::District => views::district::DistrictView().into_any(),
            View::Brief => views::brief::BriefView().into_any(),
            View::Pack => views::brief::PackView().into_any(),
            View::About => views::about::AboutView().into_any(),
            View::Methods => views::methods::MethodsView().into_any(),
            View::Followup => views::followup::FollowupView().into_any(),
        })
    }

    /// The view `shown` names, or what stands for it while its module is not in. The map is in
    /// the app's module.
    #[cfg(feature = "split")]
    pub fn show(shown: Memo<View>, module: RwSignal<Module>) -> AnyView {
        let view = shown.get();
        if view == View::Map {
            return views::map::MapView().into_any();
        }
        match module.get() {
            // Loaded: the call's future is ready at its first poll.
            Module::In => {
                use std::future::Future;
                let mut call = std::pin::pin!(build(view));
                match call.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
                    std::task::Poll::Ready(Ok(built)) => built,
                    // Not a failed fetch (the module is in): said as a file that could not be had.
                    _ => views::not_loaded(crate::first_view::ModuleFailure::Missing, move || module.set(Module::NotAsked)),
                }
            }
            Module::Fetching => views::view_loading(),
            Module::NotFetched(failed, why) if failed == view => views::not_loaded(why, move || module.set(Module::NotAsked)),
            Module::NotAsked | Module::NotFetched(..) => {
                // Untracked: this run already shows the loading note; the fetch's end re-runs it.
                module.update_untracked(|m| *m = Module::Fetching);
                leptos::task::spawn_local(async move {
                    let fetched = fetch_views().await;
                    // Said where the reader is when it fails, not where the fetch began, with why
                    // it failed as this fetch left it (a later fetch clears it).
                    let next = match fetched {
                        Ok(_) => Module::In,
                        Err(_) => Module::NotFetched(shown.get_untracked(), crate::first_view::module_failure()),
                    };
                    module.set(next);
                });
                views::view_loading()
            }
        }
    }

    #[cfg(not(feature = "split"))]
    pub fn show(shown: Memo<View>, _module: RwSignal<Module>) -> AnyView {
        build(shown.get()).unwrap_or_else(|_| views::not_loaded(crate::first_view::ModuleFailure::Missing, || ()))
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(Route::parse(&current_query()));
    provide_context(state);
    follow_history(state.route);
    state.load_manifest();
    crate::startup::follow_connection(state);
    crate::startup::register_worker(state);
    crate::startup::check_for_newer(state);
    crate::startup::mount_view_a_task_later(state);
    crate::startup::hand_over_first_view(state);
    crate::startup::keep_document_in_step(state);
    crate::startup::name_what_is_shown(state);
    crate::startup::load_periods_shown(state);
    crate::startup::load_rest_once_shown(state);

    let lang = move || state.lang.get();
    // The deck and the printed pack fill the page with their own bar; the other views sit in
    // the site's header, navigation and footer.
    // An embedded view (`embed=1`) keeps only the view, the source, the as-of date and a link
    // to the full page.
    let embedded = Memo::new(move |_| state.route.with(|r| r.frame == Frame::Embedded));
    let chrome = Memo::new(move |_| !matches!(state.view.get(), View::Brief | View::Pack) && !embedded.get());
    // The loading note stays until the view mounts (a task after the dataset is in place), so
    // the page never shows the notes and the share bar without the view between them.
    let shown = Memo::new(move |_| match state.load.get() {
        Load::Ready if !state.view_due.get() => Load::Loading,
        load => load,
    });
    view! {
        <a class="skip-link" href="#main">{move || Msg::SkipToContent.text(lang())}</a>
        // On the map view a second skip link passes the header, navigation and pickers.
        {move || (state.view.get() == View::Map).then(|| view! { <a class="skip-link" href="#map">{move || Msg::SkipToMap.text(lang())}</a> })}
        // The shell's parts are built in tasks of their own while the copy shows (`views::BuiltApart`).
        {move || chrome.get().then(|| view! { <views::BuiltApart><Header/></views::BuiltApart><views::BuiltApart><Navigation/></views::BuiltApart> })}
        <main id="main" tabindex="-1">
            {move || match shown.get() {
                Load::Loading => view! {
                    <p class="status" role="status" aria-live="polite">{move || Msg::Loading.text(lang())}</p>
                }.into_any(),
                Load::NoConnection => view! {
                    <p class="status no-connection" role="alert">{move || if state.slow.get() { Msg::ServerSlow } else { Msg::NoConnection }.text(lang())}</p>
                }.into_any(),
                Load::Failed => view! {
                    <section class="load-failed" role="alert">
                        <h2>{move || Msg::LoadFailed.text(lang())}</h2>
                        <p>{move || Msg::LoadFailedHelp.text(lang())}</p>
                        <ProblemList/>
                    </section>
                }.into_any(),
                Load::Ready => view! {
                    {move || chrome.get().then(|| view! { <PrintTitle/> })}
                    // Refused files, unverified data and the connection are said in an embed too.
                    {move || (chrome.get() || embedded.get()).then(|| view! { <views::ConnectionNotes/> })}
                    {move || (!embedded.get()).then(|| view! { <ProblemsPanel/> })}
                    // Only a change of view mounts another view; other route changes reach the
                    // mounted view through its memos.
                    {move || later::show(state.view, state.views_module)}
                    {move || chrome.get().then(|| view! { <crate::controls::share::ShareBar/> })}
                }.into_any(),
            }}
        </main>
        {move || chrome.get().then(|| view! { <views::BuiltApart><Footer/></views::BuiltApart> })}
        {move || (embedded.get() && shown.get() == Load::Ready).then(|| view! { <crate::controls::share::EmbedFooter/> })}
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let other = move || state.route.with(|r| Route { lang: r.lang.other(), ..r.clone() });
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="app-name">{move || Msg::AppName.text(lang())}</span>
                <h1 class="dataset-title">
                    {move || state.dataset.with(|d| match d {
                        Some(d) => d.manifest.title.get(lang()).to_string(),
                        None => Msg::AppTagline.text(lang()).to_string(),
                    })}
                </h1>
            </div>
            <a
                class="lang-switch"
                href=move || other().to_query()
                hreflang=move || other().lang.code()
                lang=move || other().lang.code()
                on:click=move |ev| link_click(state.route, other())(ev)
            >
                {move || Msg::SwitchLanguage.text(lang())}
            </a>
        </header>
        <OtherDatasets/>
        {move || state.dataset.with(|d| d.as_ref().and_then(|d| d.manifest.notice.clone())).map(|n| view! {
            <aside class="notice" aria-label=move || Msg::DatasetNotice.text(lang())><p>{move || n.get(lang()).to_string()}</p></aside>
        })}
    }
}

/// The site's other datasets, when its catalogue lists more than one. Each is a plain link
/// (a new page load: another dataset is another set of files), keeping the view and language.
#[component]
fn OtherDatasets() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        // A few links at most, one per other dataset: rebuilt with the route, which costs
        // less than a memo of its own would add to the wasm.
        let current = state.route.with(|r| r.data.clone());
        let (view, catalog) = (state.view.get(), state.catalog.get()?);
        let first = catalog.first()?.id.clone();
        let others: Vec<_> = catalog.datasets.into_iter().filter(|e| Some(&e.id) != current.as_ref() && !(current.is_none() && e.id == first)).collect();
        (!others.is_empty()).then(|| {
            view! {
                <nav class="other-datasets" aria-label=Msg::DatasetsNav.text(lang)>
                    <span>{Msg::OtherDatasets.text(lang)}</span>
                    <ul>{others.into_iter().map(|e| {
                        let to = Route { data: (e.id != first).then(|| e.id.clone()), view, lang, ..Route::default() };
                        view! { <li><a href=to.to_query() data-dataset=e.id.clone()>{e.title.get(lang).to_string()}</a></li> }
                    }).collect_view()}</ul>
                </nav>
            }
        })
    }
}

#[component]
fn Navigation() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    // The follow-up is offered only when the dataset records review meetings.
    let reviews = Memo::new(move |_| state.dataset.with(|d| d.as_ref().is_some_and(|d| !d.manifest.reviews.is_empty())));
    let items = move || {
        let mut items = vec![
            (View::Map, Msg::NavMap),
            (View::Rankings, Msg::NavRankings),
            (View::Charts, Msg::NavCharts),
            (View::District, Msg::NavDistrict),
            (View::Brief, Msg::NavBrief),
        ];
        if reviews.get() {
            items.push((View::Followup, Msg::NavFollowup));
        }
        items.push((View::About, Msg::NavAbout));
        items
    };
    view! {
        <nav class="main-nav" aria-label=move || Msg::MainNavigation.text(lang())>
            <ul>
                {move || items().into_iter().map(|(v, msg)| {
                    let target = move || state.route.with(|r| Route { view: v, ..r.clone() });
                    view! {
                        <li>
                            <a
                                href=move || target().to_query()
                                aria-current=move || {
                                    let shown = state.view.get();
                                    // The methods live under About.
                                    (shown == v || (v == View::About && shown == View::Methods)).then_some("page")
                                }
                                on:click=move |ev| link_click(state.route, target())(ev)
                            >
                                {move || msg.text(lang())}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// The block a printed page starts with: which view, subject and period, and the data's date.
/// Shown only in print.
#[component]
fn PrintTitle() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        let view_name = Msg::text(samiksha_core::present::view_name(state.view.get()), lang);
        state.with_ctx(lang, |ctx| {
            let line = ctx.fill(Msg::PrintedView, &[("view", view_name), ("heading", &ctx.heading(sel.subject, sel.period))]);
            view! {
                <div class="print-title">
                    <p><strong>{line}</strong></p>
                    <p>{ctx.source_line()}</p>
                </div>
            }
        })
    }
}

/// Every problem found so far, in the reader's language.
#[component]
fn ProblemList() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <ul class="problem-list">
            {move || {
                let lang = state.lang.get();
                state.problems.with(|ps| ps.iter().map(|p| {
                    let class = match p.severity {
                        Severity::Error => "problem error",
                        Severity::Warning => "problem warning",
                    };
                    let label = match p.severity {
                        Severity::Error => Msg::ErrorLabel.text(lang),
                        Severity::Warning => Msg::WarningLabel.text(lang),
                    };
                    view! {
                        <li class=class>
                            <span class="problem-kind">{label}</span>" "
                            <code>{p.file.clone()}</code>" "<code>{p.path.clone()}</code>": "
                            {p.kind.text(lang)}
                        </li>
                    }
                }).collect_view())
            }}
        </ul>
    }
}

/// A collapsed summary of problems in an otherwise usable dataset.
#[component]
fn ProblemsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let counts = move || {
        state.problems.with(|ps| {
            let errors = ps.iter().filter(|p| p.severity == Severity::Error).count();
            (errors, ps.len() - errors)
        })
    };
    move || {
        let (errors, warnings) = counts();
        (errors + warnings > 0).then(|| {
            view! {
                <details class="problems-panel">
                    <summary>
                        {move || Msg::ProblemsSummary.fill(lang(), &[("errors", &errors.to_string()), ("warnings", &warnings.to_string())])}

                    </summary>
                    <p>{move || Msg::ProblemsHelp.text(lang())}</p>
                    <ProblemList/>
                </details>
            }
        })
    }
}

#[component]
fn Footer() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        state.read_ctx(lang, samiksha_core::present::about::colophon).map(|c| {
            view! {
                <footer class="site-footer">
                    <dl>
                        <div><dt>{Msg::Source.text(lang)}</dt><dd>{c.sources}</dd></div>
                        <div><dt>{Msg::Licence.text(lang)}</dt><dd>
                            {match c.licence_url {
                                Some(url) => view! { <a href=url rel="license noopener noreferrer">{c.licence}</a> }.into_any(),
                                None => c.licence.into_any(),
                            }}
                        </dd></div>
                        <div><dt>{Msg::DataAsOf.text(lang)}</dt><dd><time datetime=c.updated_iso>{c.updated.clone()}</time></dd></div>
                        <div><dt>{Msg::Publisher.text(lang)}</dt><dd>{c.publisher}</dd></div>
                    </dl>
                    {(state.offline.get() == Offline::Saved).then(|| view! {
                        <p class="offline-ready">{Msg::AvailableOffline.fill(lang, &[("date", &c.updated)])}</p>
                    })}
                </footer>
            }
        })
    }
}
