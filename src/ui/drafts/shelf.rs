//! Unreadable data kept aside (download or delete, with a second click),
//! and erasing everything (after confirmation).

use super::{draft_words, use_draft_text, when, SessionHandle};
use crate::ui::widgets::Button;
use crate::i18n::{file_size, fill};
use crate::store::QuarantineItem;
use crate::ui::use_lang;
use crate::ui::widgets::say;
use leptos::prelude::*;

#[component]
pub fn QuarantineShelf(drafts: SessionHandle) -> impl IntoView {
    let t = use_draft_text();
    move || {
        let items = drafts.shelf.get();
        if items.is_empty() {
            return None;
        }
        let t = t();
        Some(view! {
            <div class="quarantine" data-testid="quarantine-list">
                <h3 class="drafts-sub">{t.quarantine_heading}</h3>
                <p class="drafts-hint">{t.quarantine_intro}</p>
                <ul>{items.into_iter().map(|item| view! { <ShelfItem drafts=drafts item=item /> }).collect_view()}</ul>
            </div>
        })
    }
}

#[component]
fn ShelfItem(drafts: SessionHandle, item: QuarantineItem) -> impl IntoView {
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    let t = lang.get_untracked().drafts();
    let label = fill(t.quarantine_item, &[&when(item.at), &file_size(item.bytes as u64)]);
    let (download_key, discard_key) = (item.key.clone(), item.key.clone());
    let discard = move |_| {
        if confirming.get_untracked() {
            confirming.set(false);
            drafts.discard(&discard_key);
        } else {
            confirming.set(true);
        }
    };
    view! {
        <li data-testid="quarantine-item" data-key=item.key.clone()>
            <span>{label}</span>
            <span class="quarantine-actions">
                <Button testid="download-quarantine" label=t.download on_click=move |_| drafts.download_quarantined(&download_key) />
                <button type="button" class="danger" data-testid="discard-quarantine" on:click=discard>
                    {move || if confirming.get() { t.discard_confirm } else { t.discard }}
                </button>
            </span>
        </li>
    }
}

#[component]
pub fn EraseAll(drafts: SessionHandle) -> impl IntoView {
    let t = use_draft_text();
    let asking = RwSignal::new(false);
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    // Opening focuses "cancel"; closing (cancel, Escape) returns focus to
    // the button that opened the dialog (issue 13).
    Effect::new(move |was: Option<bool>| {
        let now = asking.get();
        if now {
            if let Some(b) = cancel_ref.get() {
                let _ = b.focus();
            }
        } else if was == Some(true) {
            focus_test_id("erase-all");
        }
        now
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            asking.set(false);
        }
    };
    let count = Memo::new(move |_| drafts.with(|s| s.list().len()));
    view! {
        <div class="erase">
            <Show
                when=move || asking.get()
                fallback=move || view! { <Button testid="erase-all" class="danger quiet" label=draft_words(|t| t.erase) on_click=move |_| asking.set(true) /> }
            >
                <div class="drafts-alert" role="alertdialog" aria-labelledby="erase-warning" data-testid="erase-dialog" on:keydown=on_key>
                    <p id="erase-warning">{move || fill(t().erase_warning, &[&count.get().to_string()])}</p>
                    <div class="draft-actions">
                        <button
                            type="button"
                            class="danger solid"
                            data-testid="erase-confirm"
                            on:click=move |_| {
                                asking.set(false);
                                drafts.erase_all();
                            }
                        >
                            {say(|l| l.drafts().erase_confirm)}
                        </button>
                        <button type="button" node_ref=cancel_ref data-testid="erase-cancel" on:click=move |_| asking.set(false)>
                            {say(|l| l.drafts().cancel)}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}

/// Focuses the element with this test id, once it is in the page.
fn focus_test_id(id: &str) {
    use wasm_bindgen::JsCast;
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("[data-testid=\"{id}\"]")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = found {
        let _ = e.focus();
    }
}
