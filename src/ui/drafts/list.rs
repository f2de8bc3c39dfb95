//! The list of drafts (HTML text, drawn by the panel) and the import drop zone.

use super::shelf::Asking;
use super::{when, SessionHandle, Shown};
use crate::i18n::{fill, DraftText, Lang, DOT};
use crate::store::DraftMeta;
use crate::ui::widgets::escape_html as esc;
use leptos::ev;
use crate::ui::widgets::say;
use leptos::prelude::*;
use std::fmt::Write;

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

/// The drafts, the open one marked; a click on one opens it (the panel's
/// click handler, by its `data-id`; names escaped).
pub(super) fn list_html(out: &mut String, lang: Lang, s: &Shown, _: Asking) {
    let t = lang.drafts();
    let _ = write!(out, r#"<h3 class="drafts-sub">{}</h3><ul class="draft-list" data-testid="draft-list">"#, esc(t.list_heading));
    for m in &s.list {
        item_html(out, t, m, m.id == s.open_id);
    }
    out.push_str("</ul>");
}

fn item_html(out: &mut String, t: &DraftText, m: &DraftMeta, is_open: bool) {
    let updated = if m.revision > 0 { fill(t.updated, &[&when(m.updated_at)]) } else { t.not_saved_yet.to_owned() };
    let current = if is_open { format!("{DOT}{}", t.current) } else { String::new() };
    let _ = write!(
        out,
        r#"<li><button type="button" class="draft-item{}" data-testid="draft-item" data-id="{}"{}><span class="draft-item-name">{}</span><span class="draft-item-meta">{}{}</span></button></li>"#,
        if is_open { " open" } else { "" },
        esc(&m.id),
        if is_open { r#" aria-current="true""# } else { "" },
        esc(&m.name),
        esc(&updated),
        esc(&current)
    );
}
