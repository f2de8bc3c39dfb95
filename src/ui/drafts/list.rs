//! The list of drafts and the import drop zone.

use super::{use_draft_text, when, SessionHandle};
use crate::i18n::{fill, DOT};
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

#[component]
pub fn DraftList(drafts: SessionHandle) -> impl IntoView {
    let t = use_draft_text();
    view! {
        <h3 class="drafts-sub">{say(|l| l.drafts().list_heading)}</h3>
        <ul class="draft-list" data-testid="draft-list">
            {move || {
                let t = t();
                let (list, open_id) = drafts.shown.get();
                list.into_iter()
                    .map(|m| {
                        let is_open = m.id == open_id;
                        let id = m.id.clone();
                        let updated = if m.revision > 0 { fill(t.updated, &[&when(m.updated_at)]) } else { t.not_saved_yet.to_owned() };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="draft-item"
                                    class:open=is_open
                                    data-testid="draft-item"
                                    data-id=m.id.clone()
                                    aria-current=is_open.then_some("true")
                                    on:click=move |_| drafts.switch(id.clone())
                                >
                                    <span class="draft-item-name">{m.name.clone()}</span>
                                    <span class="draft-item-meta">{updated}{is_open.then(|| format!("{DOT}{}", t.current))}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
