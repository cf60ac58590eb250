//! The app shell: skip links (to the content, and on the map view to the map), header with
//! the language switch, navigation, the current view, the share bar, the problems panel and
//! the footer, the site's other datasets, and the page title and description (from the dataset
//! shown). Views are chosen from the route; an embedded view (`embed=1`) keeps only the view,
//! its notes and the embed footer. The service worker is registered once the dataset is read.

use crate::nav::{current_query, follow_history, go, link_click, HistoryEntry};
use crate::state::{AppState, Load, Network, Offline};
use crate::views;
use leptos::prelude::*;
use leptos::task::spawn_local;
use samiksha_core::format::problem::Severity;
use samiksha_core::present::i18n::Msg;
use samiksha_core::route::{Frame, Route, View};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(Route::parse(&current_query()));
    provide_context(state);
    follow_history(state.route);
    state.load_manifest();
    follow_connection(state);
    // Once the dataset's folder is known (the catalogue read), register the worker and ask
    // whether that dataset is saved.
    let registered = StoredValue::new(false);
    Effect::new(move |_| {
        if state.load.get() != Load::Ready || registered.get_value() {
            return;
        }
        registered.set_value(true);
        spawn_local(async move {
            if crate::io::register_worker(&state.dir()).await {
                state.offline.set(Offline::Saved);
            }
        });
    });

    // The view mounts one task after the dataset is in place (see `AppState::view_due`).
    Effect::new(move |_| {
        if state.load.get() == Load::Ready && !state.view_due.get_untracked() {
            spawn_local(async move {
                crate::state::yield_to_browser().await;
                if !state.view_due.get_untracked() {
                    state.view_due.set(true);
                }
            });
        }
    });

    // Once the view has what it first shows, it takes the pre-rendered copy's place (and the
    // page is marked ready); checked a frame after any change that could settle it.
    let announced = StoredValue::new(false);
    Effect::new(move |_| {
        state.load.track();
        state.view_due.track();
        state.in_flight.track();
        state.geo.track();
        state.view.track();
        if announced.get_value() {
            return;
        }
        request_animation_frame(move || {
            if !announced.get_value() && state.settled() {
                announced.set_value(true);
                crate::first_view::ready();
            }
        });
    });

    // Keep <html lang> and the document title in step with the view, its choices, the language
    // and the dataset, so a tab, a bookmark or a shared link says what it shows.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let view = state.view.get();
        let sel = state.selection.get();
        let title = state.with_ctx(lang, |ctx| ctx.page_title(view, sel)).unwrap_or_else(|| Msg::AppName.text(lang).to_string());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            doc.set_title(&title);
            // The description follows the dataset shown, not the one the HTML was written for.
            let description = state.with_ctx(lang, samiksha_core::present::about::page_description);
            if let (Some(d), Ok(Some(meta))) = (description, doc.query_selector("meta[name=description]")) {
                let _ = meta.set_attribute("content", &d);
            }
        }
    });

    // Once the manifest is read, name in the URL exactly what is shown (the subject and the
    // period), dropping an unknown district outside the district view; this corrects the
    // current entry rather than adding one.
    Effect::new(move |_| {
        let Some(sel) = state.selection.get() else { return };
        let next = state.dataset.with_untracked(|d| {
            let d = d.as_ref()?;
            Some(sel.canonical_route(d, &state.route.get_untracked()))
        });
        if let Some(next) = next {
            go(state.route, next, HistoryEntry::Replace);
        }
    });

    // Load the shown period and the one before it (for "change since the previous period"),
    // and the period an improvement is measured from.
    let compare = Memo::new(move |_| state.route.with(|r| r.compare.clone()));
    Effect::new(move |_| {
        state.retry.track();
        let Some(sel) = state.selection.get() else { return };
        state.ensure_period(sel.period);
        if let Some(before) = state.dataset.with_untracked(|d| d.as_ref().and_then(|d| d.previous_period(sel.period))) {
            state.ensure_period(before);
        }
        if let Some(p) = compare.get().and_then(|c| state.dataset.with_untracked(|d| d.as_ref().and_then(|d| d.period_index(&c)))) {
            state.ensure_period(p);
        }
    });

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
        {move || chrome.get().then(|| view! { <Header/><Navigation/> })}
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
                    {move || match state.view.get() {
                        View::Map => views::map::MapView().into_any(),
                        View::Rankings => views::rankings::RankingsView().into_any(),
                        View::Charts => views::charts::ChartsView().into_any(),
                        View::District => views::district::DistrictView().into_any(),
                        View::Brief => views::brief::BriefView().into_any(),
                        View::Pack => views::brief::PackView().into_any(),
                        View::About => views::about::AboutView().into_any(),
                        View::Methods => views::methods::MethodsView().into_any(),
                        View::Followup => views::followup::FollowupView().into_any(),
                    }}
                    {move || chrome.get().then(|| view! { <crate::controls::share::ShareBar/> })}
                }.into_any(),
            }}
        </main>
        {move || chrome.get().then(|| view! { <Footer/> })}
        {move || (embedded.get() && shown.get() == Load::Ready).then(|| view! { <crate::controls::share::EmbedFooter/> })}
    }
}

/// Follows the browser's network state: back online, whatever failed for lack of a connection
/// is fetched again and the server is asked whether a newer dataset was published.
fn follow_connection(state: AppState) {
    let on = window_event_listener(leptos::ev::online, move |_| {
        state.network.set(Network::Online);
        state.try_again();
        if state.load.get_untracked() == Load::Ready {
            state.check_for_newer();
        }
    });
    let off = window_event_listener(leptos::ev::offline, move |_| state.network.set(Network::Offline));
    // The listeners live as long as the page.
    std::mem::forget((on, off));
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
    // The list follows the dataset and the view, not every change of the route.
    let current = Memo::new(move |_| state.route.with(|r| r.data.clone()));
    move || {
        let lang = state.lang.get();
        let current = current.get();
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
