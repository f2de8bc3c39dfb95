//! The list of drafts and the import drop zone.

use super::{use_draft_text, when, SessionHandle};
use crate::i18n::{fill, DraftText, DOT};
use crate::store::DraftMeta;
use crate::ui::widgets::escape_html as esc;
use leptos::ev;
use crate::ui::widgets::say;
use leptos::prelude::*;

#[component]
pub fn DropZone(drafts: SessionHandle) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let drop = move |ev: ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            drafts.import_file(file);
        }
    };
    let picked = move |ev: ev::Event| {
        let el: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = el.files().and_then(|f| f.get(0)) {
            drafts.import_file(file);
        }
        el.set_value("");
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=dragging
            data-testid="drop-zone"
            on:dragover=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=drop
        >
            <button type="button" data-testid="import-draft" on:click=move |_| { if let Some(el) = input.get_untracked() { el.click(); } }>
                {say(|l| l.drafts().import)}
            </button>
            <input
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                tabindex="-1"
                aria-label=say(|l| l.drafts().import_label)
                data-testid="import-file"
                node_ref=input
                on:change=picked
            />
            <p class="drafts-hint">{say(|l| l.drafts().drop_hint)}</p>
        </div>
    }
}

/// The drafts, the open one marked; a click on one opens it (one handler
/// for the list: the items are HTML text, `ui::markup`, names escaped).
#[component]
pub fn DraftList(drafts: SessionHandle) -> impl IntoView {
    let t = use_draft_text();
    let html = move || {
        let t = t();
        drafts.shown.with(|(list, open_id)| list.iter().map(|m| item_html(t, m, m.id == *open_id)).collect::<String>())
    };
    let pick = move |ev: ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let item = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("[data-id]").ok().flatten());
        if let Some(id) = item.and_then(|e| e.get_attribute("data-id")) {
            drafts.switch(id);
        }
    };
    view! {
        <h3 class="drafts-sub">{say(|l| l.drafts().list_heading)}</h3>
        <ul class="draft-list" data-testid="draft-list" on:click=pick inner_html=html></ul>
    }
}

fn item_html(t: &DraftText, m: &DraftMeta, is_open: bool) -> String {
    let updated = if m.revision > 0 { fill(t.updated, &[&when(m.updated_at)]) } else { t.not_saved_yet.to_owned() };
    let current = if is_open { format!("{DOT}{}", t.current) } else { String::new() };
    format!(
        r#"<li><button type="button" class="draft-item{}" data-testid="draft-item" data-id="{}"{}><span class="draft-item-name">{}</span><span class="draft-item-meta">{}{}</span></button></li>"#,
        if is_open { " open" } else { "" },
        esc(&m.id),
        if is_open { r#" aria-current="true""# } else { "" },
        esc(&m.name),
        esc(&updated),
        esc(&current)
    )
}
