//! "New version ready · Reload": sw-register.js tells the page through
//! window events (no inline script under the CSP): it sets
//! `<html data-update-waiting>` and dispatches `xieshang-update-waiting`;
//! the button dispatches `xieshang-apply-update`, which switches to the new
//! version and reloads.

use crate::i18n::Lang;
use leptos::prelude::*;

const WAITING_EVENT: &str = "xieshang-update-waiting";
const WAITING_ATTRIBUTE: &str = "data-update-waiting";
const APPLY_EVENT: &str = "xieshang-apply-update";

/// Whether a new version waits; the attribute is set when the event came
/// before the page was mounted.
pub fn waiting() -> ReadSignal<bool> {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    let (waiting, set_waiting) = signal(root.is_some_and(|r| r.has_attribute(WAITING_ATTRIBUTE)));
    // Lives as long as the page: the handle is never removed.
    let _ = window_event_listener_untyped(WAITING_EVENT, move |_| set_waiting.set(true));
    waiting
}

pub fn apply() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(APPLY_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}

pub fn banner_html(lang: Lang) -> String {
    let t = lang.text();
    super::banner("update", "update-banner", t.update_waiting, &[(t.reload, "update-reload")])
}
