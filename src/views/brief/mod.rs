//! The briefing deck lays out `present::brief`: a title slide, one slide per review point with
//! its top and bottom three, and a closing slide with the composite index. Swipe, arrow keys,
//! Page Up/Down, space and on-screen buttons move between slides; `indicator=` in the URL names
//! the current one, so a prepared deck is a link.
//!
//! Every slide is in the page (hidden unless current) so a reader of the page, or a test, can
//! read any of them; only the current slide draws its small map.
//!
//! This file holds the deck; `model` the memos that build every slide's model from the route
//! and the files that have arrived, shared with the printed pack (`pack`: `?view=pack`, the same
//! deck laid out for A4); `parts` what a slide and a pack page both show (a district's card,
//! an end of the ranking, the headlines, "what changed"); `mini_map` a slide's small map.

mod mini_map;
mod model;
mod pack;
mod parts;

pub use pack::PackView;

use mini_map::mini_map;
use model::{deck_models, deck_slides, SlideModel};
use parts::{end_view, headlines_view};

use crate::state::{AppState, GeoLoad};
use leptos::prelude::*;
use samiksha_core::analysis::tiles::unit_layout;
use samiksha_core::present::brief::{self};
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::Subject;
use samiksha_core::route::{Route, View};

#[component]
pub fn BriefView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Asked again after a lost connection returns.
    Effect::new(move |_| {
        state.retry.track();
        state.ensure_geo();
    });
    let slides = deck_slides(state);
    let models = deck_models(state, slides);
    let at = Memo::new(move |_| {
        let s = slides.get();
        state.route.with(|r| state.with_ctx(samiksha_core::Lang::En, |ctx| brief::current(ctx, &s, r))).unwrap_or(0)
    });
    let total = move || slides.with(|s| s.len());
    // Moving between slides replaces the history entry: Back leaves the deck, not one slide.
    let go_to = move |k: usize| {
        let Some(slide) = slides.with_untracked(|s| s.get(k).copied()) else { return };
        let subject = state.with_ctx(samiksha_core::Lang::En, |ctx| slide.subject_id(ctx)).flatten();
        state.refine(|r| {
            r.subject = subject;
            r.opening = slide.opening();
        });
    };
    let step = move |forward: bool| {
        let k = at.get_untracked();
        let n = slides.with_untracked(|s| s.len());
        if forward && k + 1 < n {
            go_to(k + 1);
        } else if !forward && k > 0 {
            go_to(k - 1);
        }
    };

    // Keys: arrows, Page Up/Down and space (Shift+space back); Home and End. Keys typed into a
    // control or pressed on a button keep their own meaning.
    let keys = window_event_listener(leptos::ev::keydown, move |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let tag = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.tag_name().to_ascii_lowercase()).unwrap_or_default();
        let in_control = matches!(tag.as_str(), "input" | "select" | "textarea");
        let on_button = matches!(tag.as_str(), "button" | "a" | "summary");
        let key = ev.key();
        let forward = match key.as_str() {
            "ArrowRight" | "PageDown" => Some(true),
            "ArrowLeft" | "PageUp" => Some(false),
            " " if !on_button => Some(!ev.shift_key()),
            "Home" | "End" => {
                if in_control {
                    return;
                }
                ev.prevent_default();
                go_to(if key == "Home" { 0 } else { slides.with_untracked(|s| s.len().saturating_sub(1)) });
                return;
            }
            _ => None,
        };
        if let (Some(f), false) = (forward, in_control) {
            ev.prevent_default();
            step(f);
        }
    });
    on_cleanup(move || keys.remove());

    // Swipes: a horizontal touch or pen stroke of at least 60 px that is more sideways than down.
    let start = StoredValue::new(None::<(f64, f64)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            start.set_value(Some((ev.client_x() as f64, ev.client_y() as f64)));
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, y0)) = start.get_value() else { return };
        start.set_value(None);
        let (dx, dy) = (ev.client_x() as f64 - x0, ev.client_y() as f64 - y0);
        if dx.abs() >= 60.0 && dx.abs() > dy.abs() * 1.5 {
            step(dx < 0.0);
        }
    };

    let fullscreen_supported = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.fullscreen_enabled());
    let toggle_fullscreen = move |_| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        } else if let Some(el) = doc.document_element() {
            let _ = el.request_fullscreen();
        }
    };
    let contents_open = RwSignal::new(false);
    let layout = state.with_ctx(samiksha_core::Lang::En, |ctx| unit_layout(&ctx.ds.manifest, 11)).unwrap_or_default();
    let geo = Memo::new(move |_| match state.geo.get() {
        GeoLoad::Ready(g) => Some(g),
        _ => None,
    });

    let lang = move || state.lang.get();
    let route_with = move |f: &dyn Fn(&mut Route)| {
        let mut r = state.route.get();
        f(&mut r);
        r
    };
    let leave = move || route_with(&|r| r.view = View::Map);
    let pack = move || route_with(&|r| r.view = View::Pack);
    let other_lang = move || route_with(&|r| r.lang = r.lang.other());

    view! {
        <section class="deck" aria-roledescription=move || Msg::BriefingDeck.text(lang()) aria-label=move || Msg::BriefingDeck.text(lang())
            on:pointerdown=on_down on:pointerup=on_up on:pointercancel=move |_| start.set_value(None)>
            <div class="deck-bar" on:focusin=reveal_focused>
                <a class="deck-leave" href=move || leave().to_query() on:click=move |ev| crate::nav::link_click(state.route, leave())(ev)>
                    {move || Msg::LeaveBriefing.text(lang())}
                </a>
                <details class="deck-contents" prop:open=move || contents_open.get() on:toggle=move |ev| {
                    use wasm_bindgen::JsCast;
                    let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                    contents_open.set(open);
                }>
                    <summary>{move || Msg::Contents.text(lang())}</summary>
                    <ol>
                        {move || {
                            let l = lang();
                            let items = state.with_ctx(l, |ctx| slides.get().iter().map(|s| brief::slide_label(ctx, *s)).collect::<Vec<_>>()).unwrap_or_default();
                            items.into_iter().enumerate().map(|(k, label)| view! {
                                <li><button type="button" aria-current=move || (at.get() == k).then_some("step")
                                    on:click=move |_| { contents_open.set(false); go_to(k); }>{label}</button></li>
                            }).collect_view()
                        }}
                    </ol>
                </details>
                <p class="deck-counter" aria-live="polite">
                    {move || state.with_ctx(lang(), |ctx| brief::counter(ctx, at.get(), total()))}
                </p>
                <a class="deck-lang" href=move || other_lang().to_query() lang=move || other_lang().lang.code()
                   on:click=move |ev| crate::nav::link_click(state.route, other_lang())(ev)>{move || Msg::SwitchLanguage.text(lang())}</a>
                <a class="deck-print" href=move || pack().to_query() on:click=move |ev| crate::nav::link_click(state.route, pack())(ev)>
                    {move || Msg::PrintPack.text(lang())}
                </a>
                {fullscreen_supported.then(|| view! {
                    <button type="button" class="deck-fullscreen" on:click=toggle_fullscreen>{move || Msg::FullScreen.text(lang())}</button>
                })}
            </div>
            <div class="deck-notes"><crate::views::ConnectionNotes/></div>
            <p class="visually-hidden">{move || Msg::BriefKeysHelp.text(lang())}</p>
            <div class="slides">
                {move || {
                    let l = lang();
                    models.get().into_iter().enumerate().map(|(k, (id, model))| {
                        let word = state.with_ctx(l, |ctx| id.word(ctx)).unwrap_or_default();
                        let layout = layout.clone();
                        let body = match model {
                            SlideModel::Title(t) => view! {
                                <div class="title-slide">
                                    <h2>{t.title}</h2>
                                    <p class="slide-subtitle">{t.subtitle}</p>
                                    <p class="slide-asof">{t.as_of}</p>
                                    <p class="slide-scope">{t.scope}</p>
                                    {headlines_view(t.headlines)}
                                    <p class="slide-source">{t.source}</p>
                                </div>
                            }.into_any(),
                            SlideModel::Changes(c) => view! {
                                <div class="changes-slide">
                                    <h2>{c.heading}</h2>
                                    <ul class="slide-changes">{c.sentences.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                                </div>
                            }.into_any(),
                            SlideModel::Waiting(name) => view! {
                                <div><h2>{name}</h2><crate::views::LoadingValues/></div>
                            }.into_any(),
                            SlideModel::Point(p, _) => {
                                let highlight = p.highlight.clone();
                                let map_label = p.map_label.clone();
                                let ends = match p.empty.clone() {
                                    Some(text) => view! { <p class="note" role="note">{text}</p> }.into_any(),
                                    None => view! {
                                        {end_view(&p.top, format!("top-{word}"))}
                                        {(!p.bottom.shown.is_empty()).then(|| end_view(&p.bottom, format!("bottom-{word}")))}
                                    }.into_any(),
                                };
                                view! {
                                    <div class="point-slide">
                                        <header class="slide-head">
                                            <p class="slide-kicker">{p.kicker.clone()}</p>
                                            <h2>{p.title.clone()}</h2>
                                            <ul class="slide-meta">
                                                {p.meta.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}
                                                <li>{Msg::ChangeNote.text(l)}</li>
                                            </ul>
                                            {(p.subject == Subject::Composite).then(|| view! { <crate::views::CompositeMethodLink/> })}
                                        </header>
                                        <div class="slide-body">
                                            {ends}
                                            // The review's loop sits beside the small map, where the slide has room.
                                            <div class="slide-side">
                                                {move || (at.get() == k).then(|| mini_map(geo.get(), &layout, &highlight, map_label.clone()))}
                                                {(!p.loop_lines.is_empty()).then(|| view! {
                                                    <ul class="slide-loop">{p.loop_lines.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                                                })}
                                            </div>
                                        </div>
                                    </div>
                                }.into_any()
                            }
                        };
                        view! {
                            <section class="slide" data-slide=word aria-roledescription=Msg::Slide.text(l) hidden=move || at.get() != k>
                                {body}
                            </section>
                        }
                    }).collect_view()
                }}
            </div>
            <div class="deck-nav">
                <button type="button" class="deck-prev" disabled=move || at.get() == 0 on:click=move |_| step(false)>
                    <span aria-hidden="true">"◀ "</span>{move || Msg::PreviousSlide.text(lang())}
                </button>
                <button type="button" class="deck-next" disabled=move || { at.get() + 1 >= total() } on:click=move |_| step(true)>
                    {move || Msg::NextSlide.text(lang())}<span aria-hidden="true">" ▶"</span>
                </button>
            </div>
        </section>
    }
}

/// On a phone the deck's bar is one row that scrolls sideways; a control that takes the focus is
/// scrolled into it whole. The browser's own focus scrolling leaves a control that is partly
/// in view where it is, its focus ring cut off at the screen's edge.
fn reveal_focused(ev: web_sys::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
