//! The list of drafts (HTML text, drawn by the panel) and the import drop zone.

use super::shelf::Asking;
use super::{when, SessionHandle, Shown};
use crate::i18n::{fill, DraftText, Lang, DOT};
use crate::store::DraftMeta;
use crate::ui::markup::{find, part, Put};
use crate::ui::use_lang;
use crate::ui::widgets::escape_html as esc;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use std::fmt::Write;

/// The drop zone: its button and file field are HTML text
/// (`ui::markup::Part`, words set in place); the panel reads the button's
/// click and the field's change by test id ([`import_clicked`],
/// [`import_picked`]). A file dropped on it is imported here.
#[component]
pub fn DropZone(drafts: SessionHandle) -> impl IntoView {
    let lang = use_lang();
    let root = NodeRef::<Div>::new();
    part(root, move |out| {
        let t = lang.get().drafts();
        out.shape.push_str(concat!(
            r#"<button type="button" data-testid="import-draft"></button>"#,
            r#"<input type="file" accept=".json,application/json" class="visually-hidden" tabindex="-1" data-testid="import-file">"#,
            r#"<p class="drafts-hint"></p>"#
        ));
        out.at_testid("import-draft", Put::Text, t.import);
        out.at_testid("import-file", Put::Attr("aria-label"), t.import_label);
        out.set("p", Put::Text, t.drop_hint);
    });
    // The zone's look while a file is dragged over it, set on the zone itself.
    let dragging = |ev: &ev::DragEvent, on: bool| {
        ev.prevent_default();
        if let Some(zone) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            zone.set_class_name(if on { "drop-zone dragging" } else { "drop-zone" });
        }
    };
    let drop = move |ev: ev::DragEvent| {
        dragging(&ev, false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            drafts.import_file(file);
        }
    };
    view! {
        <div
            class="drop-zone"
            data-testid="drop-zone"
            node_ref=root
            on:dragover=move |ev: ev::DragEvent| dragging(&ev, true)
            on:dragleave=move |ev: ev::DragEvent| dragging(&ev, false)
            on:drop=drop
        ></div>
    }
}

/// "Import" was pressed: opens the file field beside it.
pub(super) fn import_clicked(button: &web_sys::Element) {
    let field = button.closest(".drop-zone").ok().flatten().and_then(|zone| find(&zone, "import-file", None));
    if let Some(field) = field {
        field.click();
    }
}

/// A file was picked in the file field: imported, and the field emptied
/// (the same file can be picked again).
pub(super) fn import_picked(drafts: SessionHandle, field: &web_sys::HtmlInputElement) {
    if let Some(file) = field.files().and_then(|f| f.get(0)) {
        drafts.import_file(file);
    }
    field.set_value("");
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
