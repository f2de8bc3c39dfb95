//! The panel: its heading and save state, warnings and messages, the name
//! of the open draft and the buttons.

use super::list::{DraftList, DropZone};
use super::shelf::{EraseAll, QuarantineShelf};
use super::{draft_words, use_draft_text, when, SessionHandle};
use crate::ui::widgets::Button;
use crate::i18n::fill;
use crate::store::{Fault, Message, Status};
use crate::ui::use_lang;
use crate::ui::widgets::escape_html as esc;
use crate::i18n::Lang;
use crate::ui::widgets::say;
use leptos::prelude::*;

#[component]
pub fn DraftsPanel(drafts: SessionHandle) -> impl IntoView {
    view! {
        <section id="drafts" class="card drafts" aria-labelledby="drafts-h" data-testid="drafts-panel">
            <div class="drafts-head">
                <h2 id="drafts-h">{say(|l| l.drafts().heading)}</h2>
                <SaveStatus drafts=drafts />
            </div>
            <p class="drafts-intro">{say(|l| l.drafts().intro)}</p>
            <StorageWarning drafts=drafts />
            <Messages drafts=drafts />
            <UndoBar drafts=drafts />
            <DraftName drafts=drafts />
            <Actions drafts=drafts />
            <p class="drafts-hint">{say(|l| l.drafts().export_hint)}</p>
            <DropZone drafts=drafts />
            <DraftList drafts=drafts />
            <QuarantineShelf drafts=drafts />
            <EraseAll drafts=drafts />
        </section>
    }
}

#[component]
fn DraftName(drafts: SessionHandle) -> impl IntoView {
    view! {
        <div class="field draft-name">
            <label for="draft-name">{say(|l| l.drafts().name_label)}</label>
            <input
                id="draft-name"
                type="text"
                maxlength="80"
                autocomplete="off"
                data-testid="draft-name"
                prop:value=move || drafts.with(|s| s.open().name.clone())
                on:change=move |ev| drafts.rename(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
fn Actions(drafts: SessionHandle) -> impl IntoView {
    view! {
        <div class="draft-actions">
            <Button testid="new-draft" label=draft_words(|t| t.new_draft) on_click=move |_| drafts.new_draft() />
            <Button testid="duplicate-draft" label=draft_words(|t| t.duplicate) on_click=move |_| drafts.duplicate() />
            <Button testid="export-draft" label=draft_words(|t| t.export) on_click=move |_| drafts.export() />
            <Button testid="delete-draft" class="danger" label=draft_words(|t| t.delete) on_click=move |_| drafts.delete() />
        </div>
    }
}

#[component]
fn SaveStatus(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let status = drafts.status;
    let text = move || {
        let t = lang.get().drafts();
        match status.get() {
            Status::Saved(ms) => fill(t.saved_at, &[&when(ms)]),
            Status::Saving => t.saving.to_owned(),
            Status::NotYet | Status::Erased => t.not_saved_yet.to_owned(),
            _ => t.not_saved.to_owned(),
        }
    };
    view! {
        <p
            class="save-status"
            class:problem=move || status.with(Status::is_problem)
            class:ok=move || matches!(status.get(), Status::Saved(_))
            role="status"
            data-testid="save-status"
            data-state=move || status.with(|s| s.code())
        >
            {text}
        </p>
    }
}

/// Why edits are not being saved, or that everything was erased.
#[component]
fn StorageWarning(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    move || {
        let t = lang.get().drafts();
        let status = drafts.status.get();
        let text = match &status {
            Status::Blocked => t.blocked.to_owned(),
            Status::Failed(Fault::Full) => t.full.to_owned(),
            Status::Failed(Fault::Locked) => t.locked.to_owned(),
            Status::Failed(f) => fill(t.failed, &[&lang.get().fault(f)]),
            Status::Newer => t.newer_app.to_owned(),
            Status::Conflict(theirs) => fill(t.conflict, &[&when(theirs.updated_at)]),
            Status::Erased => t.erased.to_owned(),
            _ => return None,
        };
        let conflict = matches!(status, Status::Conflict(_));
        let class = if status == Status::Erased { "drafts-note" } else { "drafts-alert" };
        Some(view! {
            <div class=class role="alert" data-testid="storage-warning" data-state=status.code()>
                <p>{text}</p>
                {conflict.then(|| view! {
                    <div class="draft-actions">
                        <Button testid="conflict-load" label=t.conflict_load on_click=move |_| drafts.conflict_load() />
                        <Button testid="conflict-keep" label=t.conflict_keep on_click=move |_| drafts.conflict_keep() />
                    </div>
                })}
            </div>
        })
    }
}

/// The session's messages, each its own alert or status with a dismiss
/// button: HTML text (`ui::markup`), one delegated handler for the buttons.
#[component]
fn Messages(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let html = move || {
        let l = lang.get();
        drafts.messages.with(|ms| ms.iter().enumerate().map(|(i, m)| message_html(l, i, m)).collect::<String>())
    };
    let dismiss = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let button = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("[data-i]").ok().flatten());
        if let Some(i) = button.and_then(|b| b.get_attribute("data-i")).and_then(|i| i.parse().ok()) {
            drafts.dismiss(i);
        }
    };
    // Not a list: each message is its own alert or status (axe: a <li> cannot be one).
    view! { <div class="drafts-messages" on:click=dismiss inner_html=html></div> }
}

fn message_html(lang: Lang, i: usize, m: &Message) -> String {
    let warning = m.is_warning();
    format!(
        r#"<div class="{}" role="{}" data-testid="drafts-message" data-kind="{}"><p>{}</p><button type="button" class="quiet" data-testid="dismiss-message" data-i="{i}">{}</button></div>"#,
        if warning { "drafts-alert" } else { "drafts-note" },
        if warning { "alert" } else { "status" },
        m.kind(),
        esc(&lang.message(m)),
        esc(lang.drafts().dismiss)
    )
}

#[component]
fn UndoBar(drafts: SessionHandle) -> impl IntoView {
    let t = use_draft_text();
    move || {
        let (name, t) = (drafts.undo_offer.get()?, t());
        Some(view! {
            <div class="drafts-note undo-bar" role="status" data-testid="undo-bar">
                <p>{fill(t.deleted, &[&name])}</p>
                <Button testid="undo-delete" label=t.undo on_click=move |_| drafts.undo() />
            </div>
        })
    }
}
