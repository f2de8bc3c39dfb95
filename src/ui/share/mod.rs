//! Sharing on the page (issue 11): the share dialog, the banner of a link
//! being opened, and the "new version ready" banner of the service worker.
//! What a link holds, its format, limits and QR code are decided in
//! `crate::share`; these components only ask and show.
//!
//! Two mount points: [`ShareButton`] (the header) and [`Banners`] (the top
//! of `<main>`).
//!
//! Bundle size: Leptos compiles every element of a `view!` into code of its
//! own (the first version of this dialog and its banners, written that way,
//! cost 19 KB brotli; the issue allows 15 KB for all of sharing). So the
//! parts here are drawn as HTML text, one piece per state, with every
//! variable part escaped ([`escape`]); their buttons and fields are read by
//! one delegated listener, by element id. The dialog and the link banners
//! have no signal, memo or effect at all: their chunks make and redraw them
//! directly (each reactive closure is code of its own, and they only ever
//! change as a whole).

mod dialog;
mod open;
mod update;

pub use dialog::ShareButton;

use super::drafts::SessionHandle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The banners at the top of the page: a new version waiting, a link being
/// opened (or why it was not: `#link-banner`, drawn by `open`).
#[component]
pub fn Banners(drafts: SessionHandle) -> impl IntoView {
    let lang = super::use_lang();
    let waiting = update::waiting();
    open::read_address(drafts, lang);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| open::read_address(drafts, lang));
    let update = NodeRef::<leptos::html::Div>::new();
    super::markup::draw(update, move |out| {
        let lang = lang.get();
        open::relang(lang);
        if waiting.get() {
            out.push_str(&update::banner_html(lang));
        }
    });
    let clicked = move |ev: web_sys::MouseEvent| {
        if target_id(&ev) == "update-reload" {
            update::apply();
        }
    };
    view! {
        <div class="share-banners" node_ref=update on:click=clicked></div>
        <div class="share-banners" id="link-banner" on:click=move |ev| open::dismissed(&ev)></div>
    }
}

/// The id of the element an event happened on ("" when it has none). As
/// an attribute: the page imports `getAttribute` already, not `id`.
fn target_id(ev: &web_sys::Event) -> String {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("id")).unwrap_or_default()
}

use super::widgets::escape_html as escape;

/// A one-line banner with its buttons (label, id: the id is also the test
/// id). `kind` is its look (`ok`, `bad`, `update`, or none); a `bad` one is
/// announced at once (`role="alert"`).
fn banner(kind: &str, testid: &str, text: &str, buttons: &[(&str, &str)]) -> String {
    let role = if kind == "bad" { "alert" } else { "status" };
    let buttons: String = buttons
        .iter()
        .map(|(label, id)| format!(r#"<button type="button" id="{id}" data-testid="{id}">{}</button>"#, escape(label)))
        .collect();
    format!(
        r#"<div class="banner share-banner {kind}" role="{role}" data-testid="{testid}"><p>{}</p><div class="share-actions">{buttons}</div></div>"#,
        escape(text)
    )
}
