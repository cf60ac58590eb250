//! Sharing a view: a Share button (the system's share sheet where there is one, otherwise the
//! link is copied, with a confirmation, or shown to copy by hand), an Embed control giving an
//! `<iframe>` of the current view with `embed=1`, and the footer an embedded view keeps.

use crate::io::{copy_text, page_address, share_link, Shared};
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::markup::text as escaped;
use samiksha_core::route::{Frame, Route};

/// Whether copying the embed code worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    Yes,
    No,
}

#[component]
pub fn ShareBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let outcome = RwSignal::new(None::<Shared>);
    let embed_open = RwSignal::new(false);
    let code_copied = RwSignal::new(None::<Copied>);
    let lang = move || state.lang.get();
    let title = move || web_sys::window().and_then(|w| w.document()).map(|d| d.title()).unwrap_or_default();
    let link = move || page_address(&state.route.with(|r| Route { frame: Frame::Page, ..r.clone() }.to_query()));
    let code = move || {
        let src = page_address(&state.route.with(|r| Route { frame: Frame::Embedded, ..r.clone() }.to_query()));
        format!("<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>", escaped(&src), escaped(&title()))
    };
    // A new view is a new link: an old confirmation would mislead.
    Effect::new(move |_| {
        state.route.track();
        outcome.set(None);
        code_copied.set(None);
    });
    let share = move |_| {
        let (t, u) = (title(), link());
        leptos::task::spawn_local(async move { outcome.set(Some(share_link(&t, &u).await)) });
    };
    let copy_code = move |_| {
        let c = code();
        leptos::task::spawn_local(async move { code_copied.set(Some(if copy_text(&c).await { Copied::Yes } else { Copied::No })) });
    };
    view! {
        <div class="share-bar">
            <button type="button" class="download share" on:click=share>{move || Msg::Share.text(lang())}</button>
            <button type="button" class="download embed" aria-expanded=move || embed_open.get().to_string() aria-controls="embed-panel"
                on:click=move |_| embed_open.update(|o| *o = !*o)>{move || Msg::Embed.text(lang())}</button>
            <p class="share-status" role="status">
                {move || (outcome.get() == Some(Shared::Copied)).then(|| Msg::LinkCopied.text(lang()))}
            </p>
            {move || (outcome.get() == Some(Shared::Failed)).then(|| view! {
                <label class="copy-by-hand"><span>{Msg::CopyLinkByHand.text(lang())}</span>
                    <input type="text" readonly name="link" prop:value=link on:focus=move |ev| select_all(&ev)/></label>
            })}
        </div>
        {move || embed_open.get().then(|| view! {
            <div class="embed-panel" id="embed-panel">
                <label for="embed-code">{Msg::EmbedCode.text(lang())}</label>
                <textarea id="embed-code" readonly rows="3" prop:value=code on:focus=move |ev| select_all(&ev)></textarea>
                <button type="button" class="download" on:click=copy_code>{Msg::CopyCode.text(lang())}</button>
                <p role="status">{move || code_copied.get().map(|c| match c {
                    Copied::Yes => Msg::CodeCopied.text(lang()),
                    Copied::No => Msg::CopyCodeByHand.text(lang()),
                })}</p>
            </div>
        })}
    }
}

/// Selects a text field's whole content, ready to copy by hand.
fn select_all(ev: &leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(t) = ev.target() {
        if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
            i.select();
        } else if let Some(a) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            a.select();
        }
    }
}

/// What an embedded view keeps of the page's footer: the source, the as-of date and a link to
/// the full page (in a new tab, out of the embedding page).
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let full = state.route.with(|r| Route { frame: Frame::Page, ..r.clone() }.to_query());
        // The dataset's own notice ("illustrative values") travels with every embed.
        let notice = state.dataset.with(|d| d.as_ref().and_then(|d| d.manifest.notice.as_ref().map(|n| n.get(lang).to_string())));
        state.with_ctx(lang, |ctx| {
            view! {
                <footer class="embed-footer">
                    {notice.map(|n| view! { <p class="embed-notice"><strong>{n}</strong></p> })}
                    <p>{ctx.source_line()}</p>
                    <p><a href=full target="_blank" rel="noopener">{Msg::OpenFullPage.text(lang)}</a></p>
                </footer>
            }
        })
    }
}
