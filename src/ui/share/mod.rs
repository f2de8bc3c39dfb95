//! Sharing on the page (issue 11): the share dialog, the banner of a link
//! being opened, and the "new version ready" banner of the service worker.
//! What a link holds, its format, limits and QR code are decided in
//! `crate::share`; these components only ask and show.
//!
//! Two mount points: [`ShareButton`] (the header) and [`Banners`] (the top
//! of `<main>`).
//!
//! Bundle size: every `move || …` in a view is a type of its own that
//! Leptos compiles separately, so each part here reads the language once
//! and draws its words as plain text (drawn again when the language
//! changes), and every banner has the one shape of [`banner`].

mod dialog;
mod open;
mod update;

pub use dialog::ShareButton;

use super::drafts::SessionHandle;
use leptos::prelude::*;

/// The banners at the top of the page: a link being opened, a new version.
#[component]
pub fn Banners(drafts: SessionHandle) -> impl IntoView {
    view! {
        <div class="share-banners">
            {update::update_banner()}
            {open::link_banner(drafts)}
        </div>
    }
}

/// A button of a banner: its label, test id and what it does.
type Action = (&'static str, &'static str, Callback<()>);

/// A one-line banner: `kind` is its look (`ok`, `bad`, `update`, or none);
/// a `bad` one is announced at once (`role="alert"`).
fn banner(kind: &'static str, testid: &'static str, text: String, actions: Vec<Action>) -> impl IntoView {
    let role = if kind == "bad" { "alert" } else { "status" };
    let buttons = actions.into_iter().map(|(label, id, run)| {
        view! { <button type="button" data-testid=id on:click=move |_| run.run(())>{label}</button> }
    });
    view! {
        <div class=format!("share-banner {kind}") role=role data-testid=testid>
            <p>{text}</p>
            <div class="share-actions">{buttons.collect_view()}</div>
        </div>
    }
}
