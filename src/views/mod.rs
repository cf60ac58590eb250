//! One module per view, plus what they share (the controls several views carry are in
//! `crate::controls`): the subject and period pickers, the loading note, links into a district's
//! profile, the connection and dataset notes, the composite's method link, the CSV button, and
//! the parts of a page built apart while the app is hidden beside the copy (`BuiltApart`).
//! Views lay out what `samiksha_core::present` builds; no view imports another.

pub mod about;
pub mod brief;
pub mod charts;
pub mod district;
pub mod followup;
pub mod map;
pub mod methods;
pub mod rankings;

use crate::nav::link_click;
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::pickers;
use samiksha_core::route::{profile_href, Route, SubjectId, View};

/// A message filled with the dataset's own words (what it calls a division), for views that
/// place a label with no model around it.
pub fn label(state: AppState, lang: samiksha_core::Lang, m: Msg) -> String {
    state.with_ctx(lang, |ctx| ctx.label(m)).unwrap_or_default()
}

/// The route of a district's profile, keeping the other choices: where its link points
/// (`AppState::profile_links`), read back, so a click goes exactly where the address says.
pub fn district_route(state: AppState, slug: &str) -> Route {
    state.profile_links.with_untracked(|l| Route::parse(&profile_href(l, slug)))
}

/// A link to a district's profile. Its address follows the route (so opening it in a new tab
/// keeps the reader's choices); a plain click navigates without a reload.
#[component]
pub fn DistrictLink(slug: String, name: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let for_href = slug.clone();
    view! {
        <a
            href=move || state.profile_links.with(|l| profile_href(l, &for_href))
            on:click=move |ev| link_click(state.route, district_route(state, &slug))(ev)
        >
            // Dataset text is isolated, so a name cannot reorder the text beside it.
            <bdi>{name}</bdi>
        </a>
    }
}

/// Whether a part `BuiltApart` holds is built yet.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Waiting,
    Built,
}

/// A part of the page built apart from the rest while the app is built hidden beside the
/// pre-rendered copy (`first_view::app_hidden`): each such part in a task of its own, in the
/// order they were placed, so that building the first view is several short tasks a tap can
/// come between, not one long one (issue 24: Total Blocking Time). The copy gives way only once
/// every such part is built (`AppState::settled`), so a reader never sees the page with a part
/// missing, whatever order they are built in. Once the app is shown (or beside no copy), it is
/// built at once, with the rest.
#[component]
pub fn BuiltApart(children: ChildrenFn) -> impl IntoView {
    let state = expect_context::<AppState>();
    let part = RwSignal::new(if crate::first_view::app_hidden() { Part::Waiting } else { Part::Built });
    if part.get_untracked() == Part::Waiting {
        state.parts_pending.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            crate::state::yield_to_browser().await;
            // The view may have gone meanwhile (the reader chose another), its signal with it.
            let _ = part.try_set(Part::Built);
            state.parts_pending.update(|n| *n = n.saturating_sub(1));
        });
    }
    move || (part.get() == Part::Built).then(|| children())
}

/// The subject picker (the composite index first, then indicators grouped by department)
/// and the period picker.
#[component]
pub fn Controls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_subject = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let subject = if id == SubjectId::COMPOSITE_WORD { SubjectId::Composite } else { SubjectId::Indicator(id) };
        state.navigate(|r| r.subject = Some(subject));
    };
    move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        let p = state.with_ctx(lang, |ctx| pickers(ctx, sel))?;
        Some(view! {
            <div class="controls">
                <label>
                    <span>{Msg::Indicator.text(lang)}</span>
                    <select name="indicator" on:change=on_subject>
                        <option value=p.composite.id selected=p.composite.selected>{p.composite.label}</option>
                        {p.groups.into_iter().map(|(dep, items)| view! {
                            <optgroup label=dep>
                                {items.into_iter().map(|c| view! { <option value=c.id selected=c.selected>{c.label}</option> }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </label>
                <PeriodPicker periods=p.periods/>
            </div>
        })
    }
}

/// The period picker alone (the district view has no subject to pick).
#[component]
pub fn PeriodPicker(periods: Vec<samiksha_core::present::Choice>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let on_period = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        state.navigate(|r| r.period = Some(id));
    };
    view! {
        <label>
            <span>{Msg::Period.text(lang)}</span>
            <select name="period" on:change=on_period>
                {periods.into_iter().map(|c| view! { <option value=c.id selected=c.selected>{c.label}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// Stands in for a view while its code is fetched (a split build's views' module, the first time).
pub fn view_loading() -> AnyView {
    let state = expect_context::<AppState>();
    view! { <p class="status" role="status">{move || Msg::ViewLoading.text(state.lang.get())}</p> }.into_any()
}

/// Stands in for a view whose code could not be fetched (a split build's views' module, when the
/// line is gone before the service worker saved it): said in the reader's language, as an alert,
/// with a button that tries again. `why` is what the failed fetch found.
pub fn not_loaded(why: crate::first_view::ModuleFailure, again: impl Fn() + 'static) -> AnyView {
    let state = expect_context::<AppState>();
    // A module refused by its hash is not a connection's fault: the reader is told to tell the
    // site, as the boot note says of the app's own files.
    let said = match why {
        crate::first_view::ModuleFailure::Altered => Msg::ViewAltered,
        crate::first_view::ModuleFailure::Missing => Msg::ViewUnavailable,
    };
    view! {
        <section class="load-failed">
            <h2 role="alert">{move || said.text(state.lang.get())}</h2>
            <button type="button" class="download" on:click=move |_| again()>{move || Msg::TryAgain.text(state.lang.get())}</button>
        </section>
    }
    .into_any()
}

/// Stands in for a view's figures when there are none: a note while value files are still
/// arriving, or, once nothing is in flight, a sentence pointing to the reason.
#[component]
pub fn LoadingValues() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let sel = state.selection.get();
        let said = sel
            .filter(|s| state.period_settled(s.period))
            .and_then(|s| state.problems.with(|ps| state.with_ctx(lang, |ctx| samiksha_core::present::files::nothing_shown(ctx, s.subject, s.period, ps))));
        if let Some(text) = said {
            view! { <p class="note" role="note">{text}</p> }.into_any()
        } else {
            view! { <p class="status" role="status">{Msg::Loading.text(lang)}</p> }.into_any()
        }
    }
}

/// The notes on the data that speak of the shown indicator and period (a definition change,
/// a portal outage), from the manifest, so they show as soon as the view does.
#[component]
pub fn DataNotes() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let sel = state.selection.get()?;
        let indicator = match sel.subject {
            samiksha_core::present::Subject::Indicator(i) => Some(i),
            samiksha_core::present::Subject::Composite => None,
        };
        let notes = state.with_ctx(lang, |ctx| samiksha_core::present::notes::notes_for(ctx, indicator, sel.period, sel.district))?;
        Some(notes_list(notes, lang))
    }
}

/// Notes on the data as a marked list ("Note …"), or nothing when there are none.
pub fn notes_list(notes: Vec<String>, lang: samiksha_core::Lang) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <aside class="data-notes" aria-label=Msg::NotesHeading.text(lang)>
                <ul>{notes.into_iter().map(|n| view! { <li><span class="note-mark">{Msg::NoteMark.text(lang)}</span>" "{n}</li> }).collect_view()}</ul>
            </aside>
        }
    })
}

/// "What changed since …": whole sentences about the shown period against the one before,
/// folded under a summary line whose height does not change when the sentences arrive.
#[component]
pub fn WhatChanged() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The sentences read this period's and the previous period's files: recomputed when one of
    // those arrives, not when another view's period does.
    let key = Memo::new(move |_| {
        let sel = state.selection.get()?;
        Some((sel, crate::state::arrived_for(state.dataset, state.arrived, sel.period)))
    });
    let model = Memo::new(move |_| {
        let lang = state.lang.get();
        let (sel, _) = key.get()?;
        state.with_ctx(lang, |ctx| samiksha_core::present::changes::model(ctx, sel.subject, sel.period))
    });
    move || {
        let c = model.get()?;
        Some(view! {
            <details class="what-changed">
                <summary>{c.heading}</summary>
                <ul>{c.sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </details>
        })
    }
}

/// Notes about the connection and the dataset: offline, waiting to retry, or a newer dataset
/// published (with the switch). Shown in every view, the deck included.
#[component]
pub fn ConnectionNotes() -> impl IntoView {
    use crate::state::Network;
    let state = expect_context::<AppState>();
    let switching = RwSignal::new(false);
    let switch_failed = RwSignal::new(false);
    let switch = move |_| {
        switching.set(true);
        switch_failed.set(false);
        leptos::task::spawn_local(async move {
            // Saved whole first, so the reload never mixes the two versions; a save that
            // failed keeps the current dataset and says so.
            if crate::io::switch_dataset(&state.dir()).await {
                crate::io::reload();
            } else {
                switching.set(false);
                switch_failed.set(true);
            }
        });
    };
    move || {
        let lang = state.lang.get();
        let offline = (state.network.get() == Network::Offline).then(|| view! { <p class="offline-bar" role="status">{Msg::YouAreOffline.text(lang)}</p> });
        let waiting = (state.waiting.get() && state.load.get() == crate::state::Load::Ready).then(
            || view! { <p class="offline-bar no-connection" role="status">{if state.slow.get() { Msg::ServerSlow } else { Msg::NoConnection }.text(lang)}</p> },
        );
        let newer = state.newer.get().map(|date| {
            let date = samiksha_core::present::numfmt::format_date(&date, lang);
            view! {
                <p class="update-bar" role="status">
                    {Msg::NewerDataset.fill(lang, &[("date", &date)])}" "
                    {move || if switching.get() {
                        view! { <span>{Msg::Switching.text(lang)}</span> }.into_any()
                    } else {
                        view! { <button type="button" class="switch-dataset" on:click=switch>{Msg::SwitchDataset.text(lang)}</button> }.into_any()
                    }}
                    {move || switch_failed.get().then(|| view! { <span role="alert">{Msg::SwitchFailed.text(lang)}</span> })}
                </p>
            }
        });
        // Data files that could not be used at all (differing from what was published, an
        // error status from the server, not JSON, ambiguous), named in the view itself rather
        // than only in the collapsed problems panel.
        let refused = state.problems.with(|ps| samiksha_core::present::files::refused_files(ps, lang));
        let refused = refused.into_iter().map(|text| view! { <p class="refused-file" role="alert">{text}</p> }).collect_view();
        let unverified = state
            .dataset
            .with(|d| d.as_ref().is_some_and(samiksha_core::present::files::unverified))
            .then(|| view! { <p class="offline-bar" role="note">{Msg::DataUnverified.text(lang)}</p> });
        view! { {offline}{waiting}{newer}{refused}{unverified} }
    }
}

/// A link to the methods' section on the composite index, beside every composite figure.
#[component]
pub fn CompositeMethodLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let href = move || format!("{}#composite", state.route.with(|r| Route { view: View::Methods, ..r.clone() }).to_query());
    view! {
        <p class="method-link">
            <a href=href on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 { return; }
                ev.prevent_default();
                crate::nav::open_section(state, "composite");
            }>{move || Msg::HowCompositeWorks.text(state.lang.get())}</a>
        </p>
    }
}

/// A "Download this table (CSV)" button; `make` builds the file's name and text when pressed.
/// A download the browser refuses says so.
pub fn csv_button(make: impl Fn() -> Option<(String, String)> + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let failed = RwSignal::new(false);
    view! {
        <button type="button" class="download csv" on:click=move |_| {
            if let Some((name, csv)) = make() {
                failed.set(!crate::io::download(&name, "text/csv;charset=utf-8", csv.as_bytes()));
            }
        }>{move || Msg::DownloadCsv.text(state.lang.get())}</button>
        {move || failed.get().then(|| view! { <p class="note" role="alert">{Msg::DownloadFailed.text(state.lang.get())}</p> })}
    }
}
