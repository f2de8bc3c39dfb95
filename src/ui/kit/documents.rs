//! The documents: pick one (and its lender), read it as plain text, copy it
//! (the clipboard, or the text selected for Ctrl+C where the clipboard is
//! not available), download it as .txt, or print it alone (style/kit.css
//! prints only the shown document).

use super::super::download::download_text;
use super::widgets::{by_id, find, hide, indexed_options, prop, put, select_html, select_open, set_text, value_of, SELECT_END};
use super::{change, Kit, Seen};
use crate::letter::{LetterInput, Words};
use crate::letter::{Document, FollowUp};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// What the last copy did.
#[derive(Clone, Copy, Default, PartialEq)]
pub enum Copied {
    #[default]
    No,
    Yes,
    Selected,
}

/// `navigator.clipboard.writeText(text)`, when the browser has it (read by
/// name: the clipboard is not in every context, e.g. plain http).
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let nav = web_sys::window()?.navigator();
    let clip = prop(&nav, "clipboard");
    // Undefined without a clipboard: its `writeText` is then undefined too.
    let write: js_sys::Function = prop(&clip, "writeText").dyn_into().ok()?;
    write.call1(&clip, &JsValue::from_str(text)).ok()?.dyn_into().ok()
}

/// Selects the shown document's text, for the user to copy by hand.
fn select_document() {
    let Some(window) = web_sys::window() else { return };
    let node = window.document().and_then(|d| d.query_selector("[data-testid=kit-doc]").ok().flatten());
    let selection = prop(&window, "getSelection").dyn_into::<js_sys::Function>().ok();
    if let (Some(node), Some(get)) = (node, selection) {
        if let Ok(sel) = get.call0(&window) {
            if let Ok(select_all) = prop(&sel, "selectAllChildren").dyn_into::<js_sys::Function>() {
                let _ = select_all.call1(&sel, &node);
            }
        }
    }
}

fn copy(text: String, kit: Kit) {
    let Some(promise) = clipboard_write(&text) else {
        select_document();
        change(kit, |u| u.copied = Copied::Selected);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        if !ok {
            select_document();
        }
        change(kit, |u| u.copied = if ok { Copied::Yes } else { Copied::Selected });
    });
}

/// The document picked (its index in `Document::ALL`).
fn document(doc: usize) -> Document {
    Document::ALL.get(doc).copied().unwrap_or(Document::Letter)
}

/// The documents' part: its heading, the hint shown while there is none,
/// the pickers, the actions and the document (its text set by [`sync`]).
pub fn html(lang: &'static Words, accounts: &[(String, String)]) -> String {
    let t = &lang.kit;
    let mut out = String::new();
    put(&mut out, r#"<h3>{}</h3><p class="hint" data-testid="no-documents">{}</p><div data-docs><div class="grid">"#, &[t.documents_heading, t.no_documents]);
    select_open(&mut out, "kit-doc-pick", t.document);
    indexed_options(&mut out, &Document::ALL.map(|d| d.name_in(lang)));
    out.push_str(SELECT_END);
    out.push_str("<div data-lender>");
    select_html(&mut out, "kit-lender-pick", t.lender, accounts);
    out.push_str(r#"</div></div><div class="kit-actions">"#);
    for (act, word) in [("copy", t.copy), ("download", t.download), ("print", t.print)] {
        put(&mut out, r#"<button type="button" data-testid="kit-{}" data-act="{}">{}</button>"#, &[act, act, word]);
    }
    out.push_str(r#"<span role="status" class="hint" data-testid="kit-copied"></span></div><p class="note" data-testid="kit-wait" hidden></p><pre class="kit-doc" data-testid="kit-doc" tabindex="0"></pre></div>"#);
    out
}

/// The text of document `d`: the statement, or the picked lender's document.
/// in the language of `words` (the texts the page was handed).
fn text(d: Document, input: &Option<LetterInput>, w: &'static Words, picked: &str) -> Option<String> {
    let i = input.as_ref()?;
    match d {
        Document::Statement => Some(i.statement_in(w)),
        _ => i.accounts.iter().find(|a| a.id == picked).map(|a| i.render_in(d, w, a)),
    }
}

/// Brings the part in step: what is picked, what the last copy did, the document.
pub fn sync(s: &Seen, el: &Element, accounts: &[(String, String)], picked: &str) {
    let (lang, d) = (s.lang, document(s.ui.doc));
    let text = text(d, &s.docs.input, lang, picked);
    hide(find(el, "[data-testid=no-documents]"), text.is_some());
    hide(find(el, "[data-docs]"), text.is_none());
    set_text(by_id(el, "kit-doc-pick"), "value", &s.ui.doc.to_string());
    set_text(by_id(el, "kit-lender-pick"), "value", picked);
    hide(find(el, "[data-lender]"), d == Document::Statement || accounts.is_empty());
    let t = &lang.kit;
    let copied = match s.ui.copied {
        Copied::No => "",
        Copied::Yes => t.copied,
        Copied::Selected => t.copy_selected,
    };
    set_text(find(el, "[data-testid=kit-copied]"), "textContent", copied);
    // A follow-up before the date the lender promised an answer by says when to send it.
    let follow_up = matches!(d, Document::FollowUp(FollowUp::NoReply | FollowUp::StillNoReply));
    let account = s.docs.input.as_ref().and_then(|i| i.accounts.iter().find(|a| a.id == picked));
    let wait = account.zip(s.today).filter(|_| follow_up).and_then(|(a, today)| a.wait_until(today));
    let wait_note = wait.map(|w| crate::i18n::fill(t.wait_follow_up, &[&crate::i18n::kit::date(w, lang.lang)])).unwrap_or_default();
    hide(find(el, "[data-testid=kit-wait]"), wait.is_none());
    set_text(find(el, "[data-testid=kit-wait]"), "textContent", &wait_note);
    let doc = find(el, "pre");
    if let Some(pre) = &doc {
        let _ = pre.set_attribute("aria-label", d.name_in(lang));
    }
    set_text(doc, "textContent", &text.unwrap_or_default());
}

/// A document or lender picked: shown, and the last copy forgotten.
pub fn picked(kit: Kit, el: &Element) {
    let doc = value_of(el, "kit-doc-pick").parse().unwrap_or(0);
    let account = value_of(el, "kit-lender-pick");
    change(kit, |u| {
        if u.doc != doc || (u.account != account && !account.is_empty()) {
            (u.doc, u.account, u.copied) = (doc, account, Copied::No);
        }
    });
}

/// The shown document's text, as the part shows it ([`sync`] sets it),
/// and its `<div data-docs>`.
fn shown() -> Option<(Element, String)> {
    let docs = web_sys::window()?.document()?.query_selector("[data-docs]").ok()??;
    let text = find(&docs, "pre").and_then(|pre| prop(&pre, "textContent").as_string()).unwrap_or_default();
    Some((docs, text))
}

/// The shown document's text, for its copy: the kit's own code (the
/// clipboard's write must follow the click at once, while it counts as the
/// user's: in some browsers it does not after a chunk's fetch).
pub fn copy_shown(kit: Kit) {
    if let Some((_, text)) = shown() {
        copy(text, kit);
    }
}

/// The name of the option picked in list `id` under `el`, as it shows.
fn picked_name(el: &Element, id: &str) -> Option<String> {
    let list = by_id(el, id)?;
    // By name: `Reflect::get_u32` would add its glue to the first load's JS.
    let option = prop(&prop(&list, "selectedOptions"), "0");
    prop(&option, "textContent").as_string()
}

/// Download as .txt, or print: the `offer` chunk's code, fetched on the
/// first click of either (`super::later`). The download is the text shown,
/// saved as the document's name and its lender's, as their lists show them.
pub fn save(act: &str) {
    if act == "print" {
        let _ = web_sys::window().map(|w| w.print());
        return;
    }
    let Some((docs, text)) = shown() else { return };
    let name = picked_name(&docs, "kit-doc-pick").unwrap_or_default();
    let lender = find(&docs, "[data-lender]").filter(|l| !l.has_attribute("hidden")).and_then(|_| picked_name(&docs, "kit-lender-pick"));
    let file = match lender {
        Some(lender) => [&name, "-", &lender, ".txt"].concat(),
        None => [&name, ".txt"].concat(),
    };
    let _ = download_text(&file, "text/plain;charset=utf-8", &text);
}
