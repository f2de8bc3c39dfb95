//! The panel: its heading and save state, warnings and messages, the name
//! of the open draft and the buttons. What it only shows is HTML text
//! (`ui::markup::draw`), each part drawn again only when its text changes;
//! every button is read by one click handler on the panel, by its test id
//! (issue 13: each `view!` element, closure and memo was code of its own).

use super::list::{import_clicked, import_picked, list_html, DropZone};
use super::shelf::{erase_html, shelf_html, Asking};
use super::{when, SessionHandle, Shown};
use crate::i18n::{fill, Lang};
use crate::store::{Fault, Message, Status};
use crate::ui::markup::{clicked, draw, draw_then, part, Put};
use crate::ui::use_lang;
use crate::ui::widgets::escape_html as esc;
use crate::ui::widgets::say;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use std::fmt::Write;

/// How a part of the panel is drawn from what it shows.
type Html = fn(&mut String, Lang, &Shown, Asking);

/// A first visit's page has not fetched the code that reads drafts (it is
/// not in the first load): the pointer or the focus coming to the panel
/// starts fetching it, so the first drafts action usually finds it there
/// instead of waiting for the network. Once per page; a failed fetch is
/// tried again by the action itself.
fn prefetch_reading() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STARTED: AtomicBool = AtomicBool::new(false);
    if !crate::store::browser::reading_ready() && !STARTED.swap(true, Ordering::Relaxed) {
        leptos::task::spawn_local(async {
            crate::store::browser::load_reading().await;
        });
    }
}

#[component]
pub fn DraftsPanel(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let asking = Asking::new();
    let shown = Memo::new(move |_| drafts.with(Shown::of));
    let part = move |html: Html| move |out: &mut String| shown.with(|s| html(out, lang.get(), s, asking));
    let [warning, messages, undo, actions, list, shelf, erase] = [(); 7].map(|_| NodeRef::<Div>::new());
    draw(warning, part(warning_html));
    draw(messages, part(messages_html));
    draw(undo, part(undo_html));
    draw(actions, part(actions_html));
    draw(list, part(list_html));
    draw_then(shelf, part(shelf_html), move |el| asking.refocus_shelf(el));
    draw_then(erase, part(erase_html), move |el| asking.refocus_erase(el));
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            if asking.erase.get_untracked() {
                asking.erase.set(false);
            }
        }
    };
    view! {
        <section
            id="drafts"
            class="card drafts"
            aria-labelledby="drafts-h"
            data-testid="drafts-panel"
            on:click=move |ev: MouseEvent| act(drafts, asking, &ev)
            on:change=move |ev| changed(drafts, &ev)
            on:keydown=on_key
            on:pointerover=move |_| prefetch_reading()
            on:focusin=move |_| prefetch_reading()
        >
            <div class="drafts-head">
                <h2 id="drafts-h">{say(|l| l.drafts().heading)}</h2>
                <SaveStatus shown=shown />
            </div>
            <p class="drafts-intro">{say(|l| l.drafts().intro)}</p>
            <div node_ref=warning></div>
            // Not a list: each message is its own alert or status (axe: a <li> cannot be one).
            <div class="drafts-messages" node_ref=messages></div>
            <div node_ref=undo></div>
            <DraftName shown=shown />
            <div class="draft-actions" node_ref=actions></div>
            <p class="drafts-hint">{say(|l| l.drafts().export_hint)}</p>
            <DropZone drafts=drafts />
            <div node_ref=list></div>
            <div node_ref=shelf></div>
            <div class="erase" node_ref=erase></div>
        </section>
    }
}

/// A click on one of the panel's buttons.
fn act(drafts: SessionHandle, asking: Asking, ev: &MouseEvent) {
    let Some(testid) = clicked(ev) else { return };
    let el = || ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
    let attr = |name: &str| el().and_then(|e| e.closest(&format!("[{name}]")).ok().flatten()).and_then(|e| e.get_attribute(name));
    match testid.as_str() {
        "new-draft" => drafts.new_draft(),
        "duplicate-draft" => drafts.duplicate(),
        "export-draft" => drafts.export(),
        "delete-draft" => drafts.delete(),
        "conflict-load" => drafts.conflict_load(),
        "conflict-keep" => drafts.conflict_keep(),
        "undo-delete" => drafts.undo(),
        "import-draft" => {
            if let Some(button) = el() {
                import_clicked(&button);
            }
        }
        "dismiss-message" => {
            if let Some(i) = attr("data-i").and_then(|i| i.parse().ok()) {
                drafts.dismiss(i);
            }
        }
        "draft-item" => {
            if let Some(id) = attr("data-id") {
                drafts.switch(id);
            }
        }
        _ => asking.clicked(drafts, &testid, attr("data-key")),
    }
}

/// The open draft's name: a field drawn as HTML text, its label and value
/// set in place (the value only when the name changes, not while it is
/// typed); renamed on change ([`changed`]).
#[component]
fn DraftName(shown: Memo<Shown>) -> impl IntoView {
    let lang = use_lang();
    let root = NodeRef::<Div>::new();
    part(root, move |out| {
        out.shape.push_str(r#"<label for="draft-name"></label><input id="draft-name" type="text" maxlength="80" autocomplete="off" data-testid="draft-name">"#);
        out.set("label", Put::Text, lang.get().drafts().name_label);
        out.at_testid("draft-name", Put::Value, shown.with(|s| s.open_name.clone()));
    });
    view! { <div class="field draft-name" node_ref=root></div> }
}

/// A field of the panel changed: the draft's name, or a file picked to import.
fn changed(drafts: SessionHandle, ev: &leptos::ev::Event) {
    let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    match field.get_attribute("data-testid").as_deref() {
        Some("draft-name") => drafts.rename(field.value()),
        Some("import-file") => import_picked(drafts, &field),
        _ => {}
    }
}

fn actions_html(out: &mut String, lang: Lang, _: &Shown, _: Asking) {
    let t = lang.drafts();
    for (testid, class, label) in [
        ("new-draft", "", t.new_draft),
        ("duplicate-draft", "", t.duplicate),
        ("export-draft", "", t.export),
        ("delete-draft", "danger", t.delete),
    ] {
        button(out, testid, class, label);
    }
}

/// A button of the panel (read by [`act`], by its test id).
pub(super) fn button(out: &mut String, testid: &str, class: &str, label: &str) {
    out.push_str(r#"<button type="button""#);
    if !class.is_empty() {
        let _ = write!(out, r#" class="{class}""#);
    }
    let _ = write!(out, r#" data-testid="{testid}">{}</button>"#, esc(label));
}

/// The save state: a status region that stays (its shape never changes),
/// its words and look set in place (a region drawn again would not be
/// announced).
#[component]
fn SaveStatus(shown: Memo<Shown>) -> impl IntoView {
    let lang = use_lang();
    let root = NodeRef::<Div>::new();
    part(root, move |out| {
        let t = lang.get().drafts();
        shown.with(|s| {
            let status = &s.status;
            let text = match status {
                Status::Saved(ms) => fill(t.saved_at, &[&when(*ms)]),
                Status::Saving => t.saving.to_owned(),
                Status::NotYet | Status::Erased => t.not_saved_yet.to_owned(),
                _ => t.not_saved.to_owned(),
            };
            let look = if status.is_problem() { " problem" } else if matches!(status, Status::Saved(_)) { " ok" } else { "" };
            out.shape.push_str(r#"<p class="save-status" role="status" data-testid="save-status"></p>"#);
            out.set("p", Put::Attr("class"), ["save-status", look].concat());
            out.set("p", Put::Attr("data-state"), status.code());
            out.set("p", Put::Text, text);
        });
    });
    view! { <div node_ref=root></div> }
}

/// Why edits are not being saved, or that everything was erased.
fn warning_html(out: &mut String, lang: Lang, s: &Shown, _: Asking) {
    let t = lang.drafts();
    let status = &s.status;
    let text = match status {
        Status::Blocked => t.blocked.to_owned(),
        Status::Failed(Fault::Full) => t.full.to_owned(),
        Status::Failed(Fault::Locked) => t.locked.to_owned(),
        Status::Failed(f) => fill(t.failed, &[&lang.fault(f)]),
        Status::Newer => t.newer_app.to_owned(),
        Status::Unread => t.unread.to_owned(),
        Status::Conflict(theirs) => fill(t.conflict, &[&when(theirs.updated_at)]),
        Status::Erased => t.erased.to_owned(),
        _ => return,
    };
    let class = if *status == Status::Erased { "drafts-note" } else { "drafts-alert" };
    let _ = write!(out, r#"<div class="{class}" role="alert" data-testid="storage-warning" data-state="{}"><p>{}</p>"#, status.code(), esc(&text));
    if matches!(status, Status::Conflict(_)) {
        out.push_str(r#"<div class="draft-actions">"#);
        button(out, "conflict-load", "", t.conflict_load);
        button(out, "conflict-keep", "", t.conflict_keep);
        out.push_str("</div>");
    }
    out.push_str("</div>");
}

/// The session's messages, each its own alert or status with a dismiss
/// button.
fn messages_html(out: &mut String, lang: Lang, s: &Shown, _: Asking) {
    for (i, m) in s.messages.iter().enumerate() {
        message_html(out, lang, i, m);
    }
}

fn message_html(out: &mut String, lang: Lang, i: usize, m: &Message) {
    let warning = m.is_warning();
    let _ = write!(
        out,
        r#"<div class="{}" role="{}" data-testid="drafts-message" data-kind="{}"><p>{}</p><button type="button" class="quiet" data-testid="dismiss-message" data-i="{i}">{}</button></div>"#,
        if warning { "drafts-alert" } else { "drafts-note" },
        if warning { "alert" } else { "status" },
        m.kind(),
        esc(&lang.message(m)),
        esc(lang.drafts().dismiss)
    );
}

/// "Deleted … · Undo", while the deleted draft can be brought back.
fn undo_html(out: &mut String, lang: Lang, s: &Shown, _: Asking) {
    let Some(name) = &s.undo_offer else { return };
    let t = lang.drafts();
    let _ = write!(out, r#"<div class="drafts-note undo-bar" role="status" data-testid="undo-bar"><p>{}</p>"#, esc(&fill(t.deleted, &[name])));
    button(out, "undo-delete", "", t.undo);
    out.push_str("</div>");
}
