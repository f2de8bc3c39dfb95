//! Sharing on the page (issue 11): the share dialog, the banner of a link
//! being opened, and the "new version ready" banner of the service worker.
//! What a link holds, its format, limits and QR code are decided in
//! `crate::share`; these components only ask and show.
//!
//! Two mount points: [`ShareButton`] (the header) and [`Banners`] (the top
//! of `<main>`).

mod dialog;
mod open;
mod update;

pub use dialog::ShareButton;

use super::drafts::SessionHandle;
use crate::i18n::ShareText;
use leptos::prelude::*;

/// The banners at the top of the page: a link being opened, a new version.
#[component]
pub fn Banners(drafts: SessionHandle) -> impl IntoView {
    view! {
        <div class="share-banners">
            <update::UpdateBanner />
            <open::LinkBanner drafts=drafts />
        </div>
    }
}

/// The strings of sharing in the current language.
fn use_share_text() -> impl Fn() -> &'static ShareText + Copy {
    let lang = super::use_lang();
    move || lang.get().share()
}
