//! Unreadable data kept aside (download or delete, with a second click),
//! and erasing everything (after confirmation): HTML text drawn by the
//! panel, its buttons read by the panel's click handler. Focus follows
//! the buttons a redraw replaces (issue 13): opening the erase dialog
//! focuses "cancel", closing it (cancel, Escape) returns to the button
//! that opened it; a "delete" asking for its second click keeps the focus.

use super::panel::button;
use super::{when, SessionHandle, Shown};
use crate::i18n::{file_size, fill, Lang};
use crate::ui::markup::find;
use crate::ui::widgets::escape_html as esc;
use leptos::prelude::*;
use std::fmt::Write;

/// What the panel asks before it acts: erasing everything, deleting a
/// shelf item (by its key). Copy: every field is a handle.
#[derive(Clone, Copy)]
pub(super) struct Asking {
    pub erase: RwSignal<bool>,
    confirming: RwSignal<Vec<String>>,
    /// Whether the erase dialog was open when last drawn.
    was_erasing: StoredValue<bool>,
    /// The shelf item whose "delete" was just pressed.
    pressed: StoredValue<Option<String>>,
}

impl Asking {
    pub fn new() -> Self {
        Self { erase: RwSignal::new(false), confirming: RwSignal::new(Vec::new()), was_erasing: StoredValue::new(false), pressed: StoredValue::new(None) }
    }

    /// A click on one of the shelf's or the erase dialog's buttons.
    pub fn clicked(self, drafts: SessionHandle, testid: &str, key: Option<String>) {
        match (testid, key) {
            ("erase-all", _) => self.erase.set(true),
            ("erase-cancel", _) => self.erase.set(false),
            ("erase-confirm", _) => {
                self.erase.set(false);
                drafts.erase_all();
            }
            ("download-quarantine", Some(key)) => drafts.download_quarantined(&key),
            ("discard-quarantine", Some(key)) => {
                let again = self.confirming.with_untracked(|c| c.contains(&key));
                self.confirming.update(|c| if again { c.retain(|k| *k != key) } else { c.push(key.clone()) });
                if again {
                    drafts.discard(&key);
                } else {
                    self.pressed.set_value(Some(key));
                }
            }
            _ => {}
        }
    }

    /// After the shelf is drawn: the "delete" just pressed keeps the focus.
    pub fn refocus_shelf(self, el: &web_sys::Element) {
        if let Some(key) = self.pressed.try_update_value(Option::take).flatten() {
            if let Some(b) = find(el, "discard-quarantine", Some(&key)) {
                let _ = b.focus();
            }
        }
    }

    /// After the erase part is drawn: the dialog's "cancel" when it opened,
    /// the button that opened it when it closed.
    pub fn refocus_erase(self, el: &web_sys::Element) {
        let now = self.erase.get_untracked();
        let was = self.was_erasing.try_update_value(|w| std::mem::replace(w, now)).unwrap_or(false);
        let to = match (was, now) {
            (false, true) => "erase-cancel",
            (true, false) => "erase-all",
            _ => return,
        };
        if let Some(b) = find(el, to, None) {
            let _ = b.focus();
        }
    }
}

/// The quarantine shelf, when it holds anything.
pub(super) fn shelf_html(out: &mut String, lang: Lang, s: &Shown, asking: Asking) {
    if s.shelf.is_empty() {
        return;
    }
    let t = lang.drafts();
    let _ = write!(
        out,
        r#"<div class="quarantine" data-testid="quarantine-list"><h3 class="drafts-sub">{}</h3><p class="drafts-hint">{}</p><ul>"#,
        esc(t.quarantine_heading),
        esc(t.quarantine_intro)
    );
    for item in &s.shelf {
        let key = esc(&item.key);
        let label = fill(t.quarantine_item, &[&when(item.at), &file_size(item.bytes as u64)]);
        let _ = write!(out, r#"<li data-testid="quarantine-item" data-key="{key}"><span>{}</span><span class="quarantine-actions">"#, esc(&label));
        button(out, "download-quarantine", "", t.download);
        let confirming = asking.confirming.with(|c| c.contains(&item.key));
        let _ = write!(
            out,
            r#"<button type="button" class="danger" data-testid="discard-quarantine" data-key="{key}">{}</button></span></li>"#,
            esc(if confirming { t.discard_confirm } else { t.discard })
        );
    }
    out.push_str("</ul></div>");
}

/// "Erase everything", or the dialog asking to confirm it.
pub(super) fn erase_html(out: &mut String, lang: Lang, s: &Shown, asking: Asking) {
    let t = lang.drafts();
    if !asking.erase.get() {
        return button(out, "erase-all", "danger quiet", t.erase);
    }
    let _ = write!(
        out,
        r#"<div class="drafts-alert" role="alertdialog" aria-labelledby="erase-warning" data-testid="erase-dialog"><p id="erase-warning">{}</p><div class="draft-actions">"#,
        esc(&fill(t.erase_warning, &[&s.count.to_string()]))
    );
    button(out, "erase-confirm", "danger solid", t.erase_confirm);
    button(out, "erase-cancel", "", t.cancel);
    out.push_str("</div></div>");
}
