//! Placeholder view (replaced by the real page).
use leptos::prelude::*;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <main><h1>"协商还款计算器"</h1></main> });
}
