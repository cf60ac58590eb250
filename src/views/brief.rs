//! The briefing deck lays out `present::brief`: a title slide, one slide per review point with
//! its top and bottom three, and a closing slide with the composite index. Swipe, arrow keys,
//! Page Up/Down, space and on-screen buttons move between slides; `indicator=` in the URL names
//! the current one, so a prepared deck is a link.
//!
//! Every slide is in the page (hidden unless current) so a reader of the page, or a test, can
//! read any of them; only the current slide draws its small map.
//!
//! The printed pack (`?view=pack`) lays out the same deck for A4: a cover, then per review
//! point its top and bottom three and its full ranking, a page each.

use crate::state::{AppState, GeoLoad};
use leptos::prelude::*;
use samiksha_core::analysis::tiles::unit_layout;
use samiksha_core::format::geo::GeoMap;
use samiksha_core::present::brief::{self, End, EndModel, Entry, PackRow, PointSlide, SlideId, TitleSlide};
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::{Measured, Subject};
use samiksha_core::route::{Route, View};
use std::sync::Arc;

/// What one slide shows, once its values have arrived.
#[derive(Clone, Debug, PartialEq)]
enum SlideModel {
    Title(TitleSlide),
    Changes(brief::ChangesSlide),
    /// The slide and, for the printed pack, the full ranking.
    Point(Box<PointSlide>, Vec<PackRow>),
    /// The period's values have not arrived yet.
    Waiting(String),
}

/// The deck the route names: its slides, in order.
fn deck_slides(state: AppState) -> Memo<Vec<SlideId>> {
    let key = Memo::new(move |_| state.route.with(|r| (r.points.clone(), r.department.clone())));
    Memo::new(move |_| {
        let (points, department) = key.get();
        let r = Route { points, department, ..Route::default() };
        state.with_ctx(samiksha_core::Lang::En, |ctx| brief::slides(&brief::points(ctx, &r))).unwrap_or_default()
    })
}

/// The models of every slide in the selected period, in the reader's language. Recomputed
/// when the language, the deck, the period or the files of the period (or the one before) change.
fn deck_models(state: AppState, slides: Memo<Vec<SlideId>>) -> Memo<Vec<(SlideId, SlideModel)>> {
    // The review loop's lines read more periods: the pace window and the reviews' periods.
    let loop_periods = Memo::new(move |_| {
        let sel = state.selection.get()?;
        state.with_ctx(samiksha_core::Lang::En, |ctx| brief::loop_periods(ctx, sel.period))
    });
    Effect::new(move |_| {
        state.retry.track();
        if let Some(p) = loop_periods.get() {
            state.ensure_periods(p);
        }
    });
    let period_key = Memo::new(move |_| {
        let sel = state.selection.get()?;
        let counts = crate::state::arrived_for(state.dataset, state.arrived, sel.period);
        let others: usize = loop_periods.with(|l| state.arrived.with(|a| l.iter().flatten().map(|p| a.get(*p).copied().unwrap_or(0)).sum()));
        Some((sel.period, counts, others))
    });
    Memo::new(move |_| {
        let lang = state.lang.get();
        let Some((period, _, _)) = period_key.get() else { return Vec::new() };
        let slides = slides.get();
        let point_ids: Vec<usize> = slides.iter().filter_map(|s| if let SlideId::Point(i) = s { Some(*i) } else { None }).collect();
        let points = point_ids.len();
        state
            .with_ctx(lang, |ctx| {
                slides
                    .iter()
                    .map(|&s| {
                        let subject = match s {
                            SlideId::Title => return (s, SlideModel::Title(brief::title_slide(ctx, period, points))),
                            SlideId::Changes => return (s, SlideModel::Changes(brief::changes_slide(ctx, period, &point_ids))),
                            SlideId::Point(i) => Subject::Indicator(i),
                            SlideId::Composite => Subject::Composite,
                        };
                        let model = match Measured::new(ctx.ds, subject, period) {
                            Some(m) => SlideModel::Point(Box::new(brief::point_slide(ctx, &m)), brief::pack_rows(ctx, &m)),
                            None => SlideModel::Waiting(ctx.subject_name(subject)),
                        };
                        (s, model)
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

fn entry_view(e: &Entry) -> impl IntoView {
    view! {
        <li class="entry" data-district=e.slug.clone() data-rank=e.rank.to_string()>
            <span class="entry-rank" aria-hidden="true">{e.rank_mark.clone()}</span>
            <span class="entry-text">
                <span class="entry-name"><bdi>{e.name.clone()}</bdi></span>
                <span class="entry-value">{e.value_text.clone()}" · "{e.rank_text.clone()}</span>
                <span class="entry-change">{e.change_text.clone()}</span>
            </span>
        </li>
    }
}

/// "What changed since …" on the pack's cover: the deck's second slide, printed.
fn changes_view(changes: Option<brief::ChangesSlide>) -> impl IntoView {
    changes.filter(|c| !c.sentences.is_empty()).map(|c| {
        view! {
            <section class="slide-changes">
                <h2>{c.heading}</h2>
                <ul>{c.sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

/// The dataset's headline figures, on the title slide and the pack's cover.
fn headlines_view(headlines: Vec<samiksha_core::present::about::Headline>) -> impl IntoView {
    view! {
        <dl class="slide-headlines">
            {headlines.into_iter().map(|h| view! {
                <div><dt>{h.label}</dt><dd>{h.value}{h.note.map(|n| view! { <small>{n}</small> })}</dd></div>
            }).collect_view()}
        </dl>
    }
}

fn end_view(m: &EndModel, id: String) -> impl IntoView {
    let (class, mark) = match m.end {
        End::Top => ("end end-top", "▲ "),
        End::Bottom => ("end end-bottom", "▼ "),
    };
    let more = m.more_text.clone().map(|text| {
        view! {
            <details class="more-tied">
                <summary>{text}</summary>
                <ol>{m.more.iter().map(entry_view).collect_view()}</ol>
            </details>
        }
    });
    // A group under its heading, not a landmark: every point has a "Top three", and landmarks
    // must be told apart by name.
    view! {
        <div class=class>
            <h3 id=id><span aria-hidden="true">{mark}</span>{m.heading}</h3>
            <ol>{m.shown.iter().map(entry_view).collect_view()}</ol>
            {more}
        </div>
    }
}

/// The small map of a slide: every district in grey, the top three and bottom three filled and
/// marked with ▲ or ▼, so the ends read without colour. The map is drawn a few hundred pixels
/// wide, where a rank beside the mark would be too small to read; the cards beside it give them.
fn mini_map(geo: Option<Arc<GeoMap>>, layout: &[(i32, i32)], highlight: &[(usize, End)], label: String) -> impl IntoView {
    let end_of = |u: usize| highlight.iter().find(|h| h.0 == u).map(|h| h.1);
    let class = |u: usize| match end_of(u) {
        Some(End::Top) => "mm-top",
        Some(End::Bottom) => "mm-bottom",
        None => "mm-other",
    };
    let marks: Vec<(f64, f64, &str)>;
    let font_size: f64;
    let (view_box, body) = match geo {
        Some(g) => {
            let paths = g.shapes.iter().map(|s| view! { <path d=s.path.clone() class=class(s.unit) fill-rule="evenodd"/> }).collect_view();
            marks = highlight
                .iter()
                .filter_map(|(u, end)| {
                    let at = g.mark_point(*u)?;
                    let arrow = if *end == End::Top { "▲" } else { "▼" };
                    Some((at.0, at.1, arrow))
                })
                .collect();
            // About 13 px where the map is drawn 240 px wide (a slide beside its cards).
            font_size = g.width.max(g.height) / 18.0;
            (g.whole_view_box(), paths.into_any())
        }
        None => {
            let size = 24.0;
            let (cols, rows) = samiksha_core::analysis::tiles::grid_size(layout);
            let rects = layout
                .iter()
                .enumerate()
                .map(|(u, (c, r))| view! { <rect x=*c as f64 * size y=*r as f64 * size width=size - 2.0 height=size - 2.0 class=class(u)/> })
                .collect_view();
            marks = highlight
                .iter()
                .filter_map(|(u, end)| {
                    let (c, r) = layout.get(*u)?;
                    let arrow = if *end == End::Top { "▲" } else { "▼" };
                    Some((*c as f64 * size + size / 2.0 - 1.0, *r as f64 * size + size / 2.0, arrow))
                })
                .collect();
            font_size = 16.0;
            (format!("0 0 {} {}", cols as f64 * size, rows as f64 * size), rects.into_any())
        }
    };
    view! {
        <figure class="mini-map">
            <svg viewBox=view_box role="img" aria-label=label.clone() preserveAspectRatio="xMidYMid meet">
                <g>{body}</g>
                <g class="mm-marks" aria-hidden="true" font-size=font_size>
                    {marks.into_iter().map(|(x, y, t)| view! { <text x=x y=y text-anchor="middle" dominant-baseline="middle">{t}</text> }).collect_view()}
                </g>
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}

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
            <div class="deck-notes"><super::ConnectionNotes/></div>
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
                                <div><h2>{name}</h2><super::LoadingValues/></div>
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
                                            {(p.subject == Subject::Composite).then(|| view! { <super::CompositeMethodLink/> })}
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

/// A full ranking split into two side-by-side halves, so a point fits one A4 page.
fn ranking_halves(rows: &[PackRow], lang: samiksha_core::Lang, caption: String) -> impl IntoView {
    let half = rows.len().div_ceil(2);
    let table = |part: &[PackRow]| {
        let part = part.to_vec();
        view! {
            <table class="pack-table">
                <thead><tr><th scope="col">{Msg::Rank.text(lang)}</th><th scope="col">{expect_context::<AppState>().with_ctx(lang, |ctx| ctx.unit_word()).unwrap_or_default()}</th><th scope="col">{Msg::Value.text(lang)}</th></tr></thead>
                <tbody>{part.into_iter().map(|r| view! {
                    <tr data-district=r.slug><td class="num">{r.rank_mark}</td><th scope="row"><bdi>{r.name}</bdi></th><td class="num">{r.value_text}</td></tr>
                }).collect_view()}</tbody>
            </table>
        }
    };
    view! {
        <section class="pack-ranking">
            <h3>{caption}</h3>
            <div class="pack-halves">{table(&rows[..half])}{table(&rows[half..])}</div>
        </section>
    }
}

/// The printed briefing pack: a cover, then a page per review point. On screen a bar offers
/// Print and the way back to the slides; the bar is not printed.
#[component]
pub fn PackView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let slides = deck_slides(state);
    let models = deck_models(state, slides);
    let lang = move || state.lang.get();
    let back = move || {
        let mut r = state.route.get();
        r.view = View::Brief;
        r
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="pack-bar">
            <a href=move || back().to_query() on:click=move |ev| crate::nav::link_click(state.route, back())(ev)>{move || Msg::NavBrief.text(lang())}</a>
            <button type="button" class="pack-print" on:click=print>{move || Msg::PrintThisPack.text(lang())}</button>
        </div>
        <article class="pack">
            {move || {
                let l = lang();
                let (licence, publisher) = state
                    .read_ctx(l, |ctx| (samiksha_core::present::about::licence_in_print(ctx), samiksha_core::present::about::colophon(ctx).publisher))
                    .unwrap_or_default();
                let models = models.get();
                // The second slide's sentences are printed on the cover.
                let cover_changes = models.iter().find_map(|(_, m)| if let SlideModel::Changes(c) = m { Some(c.clone()) } else { None });
                models.into_iter().map(|(id, model)| {
                    let word = state.with_ctx(l, |ctx| id.word(ctx)).unwrap_or_default();
                    match model {
                        SlideModel::Title(t) => view! {
                            <section class="pack-cover" data-point="title">
                                <p class="pack-kind">{Msg::PackTitle.text(l)}</p>
                                <h1>{t.title}</h1>
                                <p class="slide-subtitle">{t.subtitle}</p>
                                <p>{t.as_of}</p>
                                <p>{t.scope}</p>
                                {headlines_view(t.headlines)}
                                {changes_view(cover_changes.clone())}
                                <p class="slide-source">{t.source}</p>
                                <dl class="pack-provenance">
                                    <div><dt>{Msg::Licence.text(l)}</dt><dd>{licence.clone()}</dd></div>
                                    <div><dt>{Msg::Publisher.text(l)}</dt><dd>{publisher.clone()}</dd></div>
                                </dl>
                            </section>
                        }.into_any(),
                        // The cover says what changed; the pack has no page of its own for it.
                        SlideModel::Changes(_) => ().into_any(),
                        SlideModel::Waiting(name) => view! {
                            <section class="pack-point" data-point=word><h2>{name}</h2><super::LoadingValues/></section>
                        }.into_any(),
                        SlideModel::Point(p, rows) => {
                            let caption = format!("{} — {}", Msg::FullRanking.text(l), p.title);
                            view! {
                                <section class="pack-point" data-point=word.clone()>
                                    <p class="slide-kicker">{p.kicker.clone()}</p>
                                    <h2>{p.title.clone()}</h2>
                                    <ul class="slide-meta">{p.meta.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                                    {(!p.loop_lines.is_empty()).then(|| view! {
                                        <ul class="slide-loop">{p.loop_lines.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                                    })}
                                    {(p.subject == Subject::Composite).then(|| view! { <super::CompositeMethodLink/> })}
                                    {match p.empty.clone() {
                                        Some(text) => view! { <p class="note">{text}</p> }.into_any(),
                                        None => view! {
                                            <div class="pack-ends">
                                                {end_view(&p.top, format!("pack-top-{word}"))}
                                                {(!p.bottom.shown.is_empty()).then(|| end_view(&p.bottom, format!("pack-bottom-{word}")))}
                                            </div>
                                            {ranking_halves(&rows, l, caption)}
                                        }.into_any(),
                                    }}
                                </section>
                            }.into_any()
                        }
                    }
                }).collect_view()
            }}
        </article>
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
