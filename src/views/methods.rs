//! About → Methods: the methodology in the reader's language, read from the documents the build
//! copies beside the app (`docs/methodology.md`, `docs/methodology.hi.md`, precached by the
//! service worker like the app's own files), so it is there offline and always describes the
//! code it ships with, without weighing on the wasm every reader fetches before the first tap.
//! The core's `doc` reader turns the Markdown into blocks; this view places them as elements
//! and never as HTML markup.

use crate::nav::link_click;
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::doc::{self, Block, Inline, Item};
use samiksha_core::present::i18n::Msg;
use samiksha_core::route::{Route, View};
use samiksha_core::Lang;

/// The methodology's file in each language, beside index.html (index.html's `copy-file` links).
fn file(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "methodology.md",
        Lang::Hi => "methodology.hi.md",
    }
}

/// What the view has of the methodology in one language.
#[derive(Clone, PartialEq)]
enum Text {
    Read(Lang, String),
    Unavailable(Lang),
}

/// Scrolls to the section the address names (`#composite`), once the text is in the page.
fn scroll_to_hash() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    if let Some(el) = hash.strip_prefix('#').filter(|h| !h.is_empty()).and_then(|id| doc.get_element_by_id(id)) {
        el.scroll_into_view();
        // Focus follows, so the keyboard continues from the section.
        if let Some(h) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&el) {
            let _ = h.focus();
        }
    }
}

fn runs(state: AppState, inlines: Vec<Inline>) -> impl IntoView {
    inlines
        .into_iter()
        .map(move |r| match r {
            Inline::Text(t) => t.into_any(),
            Inline::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Inline::Code(t) => view! { <code>{t}</code> }.into_any(),
            // The two documents link each other: in the app that is the language switch.
            Inline::Link(text, url) if url == "methodology.md" || url == "methodology.hi.md" => {
                let to = Route { view: View::Methods, lang: if url == "methodology.md" { Lang::En } else { Lang::Hi }, ..state.route.get_untracked() };
                view! { <a href=to.to_query() hreflang=to.lang.code() on:click=link_click(state.route, to.clone())>{text}</a> }.into_any()
            }
            Inline::Link(text, url) => match samiksha_core::format::text::web_link(&url) {
                Some(u) => view! { <a href=u.to_string() rel="noopener noreferrer">{text}</a> }.into_any(),
                None => text.into_any(),
            },
        })
        .collect_view()
        .into_any()
}

fn items(state: AppState, items: Vec<Item>) -> AnyView {
    items
        .into_iter()
        .map(|i| {
            let children = (!i.children.is_empty()).then(|| {
                let ordered = i.ordered_children;
                let inner = self::items(state, i.children);
                if ordered {
                    view! { <ol>{inner}</ol> }.into_any()
                } else {
                    view! { <ul>{inner}</ul> }.into_any()
                }
            });
            let tail = (!i.tail.is_empty()).then(|| view! { <p>{runs(state, i.tail)}</p> });
            view! { <li>{runs(state, i.text)}{children}{tail}</li> }
        })
        .collect_view()
        .into_any()
}

fn block(state: AppState, b: Block) -> AnyView {
    match b {
        // The document's title is the view's heading; its sections sit one level below.
        Block::Heading(1, _, text) => view! { <h2 id="methods-h">{runs(state, text)}</h2> }.into_any(),
        Block::Heading(2, id, text) => view! { <h3 id=id tabindex="-1">{runs(state, text)}</h3> }.into_any(),
        Block::Heading(_, id, text) => view! { <h4 id=id>{runs(state, text)}</h4> }.into_any(),
        Block::Paragraph(text) => view! { <p>{runs(state, text)}</p> }.into_any(),
        Block::List { ordered: true, items: list } => view! { <ol>{items(state, list)}</ol> }.into_any(),
        Block::List { ordered: false, items: list } => view! { <ul>{items(state, list)}</ul> }.into_any(),
        // The worked example's files, folded: most readers need the tables, not the JSON.
        Block::Code(info, code) => {
            // The fence names the file: "json manifest" → "manifest (JSON)".
            let mut words = info.split_whitespace();
            let kind = words.next().unwrap_or_default().to_uppercase();
            let label = match words.last() {
                Some(name) => format!("{name} ({kind})"),
                None => kind,
            };
            view! { <details class="doc-example"><summary><code>{label}</code></summary><pre class="doc-code"><code>{code}</code></pre></details> }.into_any()
        }
        Block::Table { head, rows } => view! {
            <table class="doc-table">
                <thead><tr>{head.into_iter().map(|c| view! { <th scope="col">{runs(state, c)}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.into_iter().map(|r| view! {
                    <tr>{r.into_iter().enumerate().map(|(k, c)| if k == 0 {
                        view! { <th scope="row">{runs(state, c)}</th> }.into_any()
                    } else {
                        view! { <td class="num">{runs(state, c)}</td> }.into_any()
                    }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    }
}

#[component]
pub fn MethodsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = RwSignal::new(None::<Text>);
    Effect::new(move |_| {
        let lang = state.lang.get();
        leptos::task::spawn_local(async move {
            let read = crate::io::fetch_bytes(file(lang)).await.ok().and_then(|b| String::from_utf8(b).ok());
            // A view left before its file arrived has nothing to show it in.
            let _ = text.try_set(Some(read.map_or(Text::Unavailable(lang), |t| Text::Read(lang, t))));
        });
    });
    let body = move || {
        let lang = state.lang.get();
        match text.get() {
            Some(Text::Read(l, t)) if l == lang => {
                let blocks = doc::parse(&t);
                request_animation_frame(scroll_to_hash);
                blocks.into_iter().map(|b| block(state, b)).collect_view().into_any()
            }
            // The article is named by its heading in every state.
            Some(Text::Unavailable(l)) if l == lang => view! { <h2 id="methods-h" role="alert">{Msg::MethodsUnavailable.text(lang)}</h2> }.into_any(),
            _ => view! { <h2 id="methods-h" aria-busy="true">{Msg::MethodsLoading.text(lang)}</h2> }.into_any(),
        }
    };
    let about = move || Route { view: View::About, ..state.route.get() };
    view! {
        <article class="view methods-view" aria-labelledby="methods-h">
            <p><a href=move || about().to_query() on:click=move |ev| link_click(state.route, about())(ev)>{move || Msg::BackToAbout.text(state.lang.get())}</a></p>
            {body}
        </article>
    }
}
