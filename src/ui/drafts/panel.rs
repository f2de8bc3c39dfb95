//! The panel: its heading and save state, warnings and messages, the name
//! of the open draft and the buttons.

use super::list::{DraftList, DropZone};
use super::shelf::{EraseAll, QuarantineShelf};
use super::{when, SessionHandle};
use crate::i18n::fill;
use crate::store::{Fault, Status};
use crate::ui::use_lang;
use leptos::prelude::*;

#[component]
pub fn DraftsPanel(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().drafts();
    view! {
        <section class="card drafts" aria-labelledby="drafts-h" data-testid="drafts-panel">
            <div class="drafts-head">
                <h2 id="drafts-h">{move || t().heading}</h2>
                <SaveStatus drafts=drafts />
            </div>
            <p class="drafts-intro">{move || t().intro}</p>
            <StorageWarning drafts=drafts />
            <Messages drafts=drafts />
            <UndoBar drafts=drafts />
            <DraftName drafts=drafts />
            <Actions drafts=drafts />
            <p class="drafts-hint">{move || t().export_hint}</p>
            <DropZone drafts=drafts />
            <DraftList drafts=drafts />
            <QuarantineShelf drafts=drafts />
            <EraseAll drafts=drafts />
        </section>
    }
}

#[component]
fn DraftName(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field draft-name">
            <label for="draft-name">{move || lang.get().drafts().name_label}</label>
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
    let lang = use_lang();
    let t = move || lang.get().drafts();
    view! {
        <div class="draft-actions">
            <button type="button" data-testid="new-draft" on:click=move |_| drafts.new_draft()>
                {move || t().new_draft}
            </button>
            <button type="button" data-testid="duplicate-draft" on:click=move |_| drafts.duplicate()>
                {move || t().duplicate}
            </button>
            <button type="button" data-testid="export-draft" on:click=move |_| drafts.export()>
                {move || t().export}
            </button>
            <button type="button" class="danger" data-testid="delete-draft" on:click=move |_| drafts.delete()>
                {move || t().delete}
            </button>
        </div>
    }
}

#[component]
fn SaveStatus(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let status = Memo::new(move |_| drafts.with(|s| s.status().clone()));
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
    let status = Memo::new(move |_| drafts.with(|s| s.status().clone()));
    move || {
        let t = lang.get().drafts();
        let status = status.get();
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
                        <button type="button" data-testid="conflict-load" on:click=move |_| drafts.conflict_load()>
                            {t.conflict_load}
                        </button>
                        <button type="button" data-testid="conflict-keep" on:click=move |_| drafts.conflict_keep()>
                            {t.conflict_keep}
                        </button>
                    </div>
                })}
            </div>
        })
    }
}

#[component]
fn Messages(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let messages = Memo::new(move |_| drafts.with(|s| s.messages().to_vec()));
    move || {
        let l = lang.get();
        let ms = messages.get();
        (!ms.is_empty()).then(|| view! {
            <ul class="drafts-messages" aria-live="polite">
                {ms.into_iter()
                    .enumerate()
                    .map(|(i, m)| view! {
                        <li
                            class=if m.is_warning() { "drafts-alert" } else { "drafts-note" }
                            role=if m.is_warning() { "alert" } else { "status" }
                            data-testid="drafts-message"
                            data-kind=m.kind()
                        >
                            <p>{l.message(&m)}</p>
                            <button type="button" class="quiet" data-testid="dismiss-message" on:click=move |_| drafts.dismiss(i)>
                                {l.drafts().dismiss}
                            </button>
                        </li>
                    })
                    .collect_view()}
            </ul>
        })
    }
}

#[component]
fn UndoBar(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let offer = Memo::new(move |_| drafts.with(|s| s.undo_offer().map(|m| m.name.clone())));
    move || {
        let name = offer.get()?;
        let t = lang.get().drafts();
        Some(view! {
            <div class="drafts-note undo-bar" role="status" data-testid="undo-bar">
                <p>{fill(t.deleted, &[&name])}</p>
                <button type="button" data-testid="undo-delete" on:click=move |_| drafts.undo()>
                    {t.undo}
                </button>
            </div>
        })
    }
}
