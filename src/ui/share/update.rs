//! "New version ready · Reload": sw-register.js tells the page through
//! window events (no inline script under the CSP): it sets
//! `<html data-update-waiting>` and dispatches `xieshang-update-waiting`;
//! the button dispatches `xieshang-apply-update`, which switches to the new
//! version and reloads.

use super::banner;
use crate::ui::use_lang;
use leptos::prelude::*;

const WAITING_EVENT: &str = "xieshang-update-waiting";
const WAITING_ATTRIBUTE: &str = "data-update-waiting";
const APPLY_EVENT: &str = "xieshang-apply-update";

/// The attribute is set when the event came before the page was mounted.
fn already_waiting() -> bool {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    root.is_some_and(|r| r.has_attribute(WAITING_ATTRIBUTE))
}

fn apply_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(APPLY_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}

pub fn update_banner() -> impl IntoView {
    let lang = use_lang();
    let (waiting, set_waiting) = signal(already_waiting());
    // Lives as long as the page: the handle is never removed.
    let _ = window_event_listener_untyped(WAITING_EVENT, move |_| set_waiting.set(true));
    move || {
        let t = lang.get().share();
        let reload: super::Action = (t.reload, "update-reload", Callback::new(|_| apply_update()));
        waiting.get().then(|| banner("update", "update-banner", t.update_waiting.to_owned(), vec![reload]))
    }
}
