//! The documents: pick one (and its lender), read it as plain text, copy it
//! (the clipboard, or the text selected for Ctrl+C where the clipboard is
//! not available), download it as .txt, or print it alone (style/kit.css
//! prints only the shown document).

use super::super::download::download_text;
use super::super::use_lang;
use super::widgets::Picker;
use super::{kw, lenders, use_kit, Kit};
use crate::letter::Document;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// What the last copy did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    No,
    Yes,
    Selected,
}

/// `navigator.clipboard.writeText(text)`, when the browser has it (read by
/// name: the clipboard is not in every context, e.g. plain http).
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let nav = web_sys::window()?.navigator();
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).ok().filter(|c| !c.is_undefined())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clip, &"writeText".into()).ok()?.dyn_into().ok()?;
    write.call1(&clip, &JsValue::from_str(text)).ok()?.dyn_into().ok()
}

/// Selects the shown document's text, for the user to copy by hand.
fn select_document() {
    let Some(window) = web_sys::window() else { return };
    let node = window.document().and_then(|d| d.query_selector("[data-testid=kit-doc]").ok().flatten());
    let selection = js_sys::Reflect::get(&window, &"getSelection".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(node), Some(get)) = (node, selection) {
        if let Ok(sel) = get.call0(&window) {
            let select_all = js_sys::Reflect::get(&sel, &"selectAllChildren".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            let _ = select_all.map(|f| f.call1(&sel, &node));
        }
    }
}

fn copy(text: String, done: RwSignal<Copied>) {
    let Some(promise) = clipboard_write(&text) else {
        select_document();
        done.set(Copied::Selected);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        if !ok {
            select_document();
        }
        done.set(if ok { Copied::Yes } else { Copied::Selected });
    });
}

#[component]
pub fn Documents(kit: Kit) -> impl IntoView {
    let lang = use_lang();
    let doc = RwSignal::new(0usize);
    let account = RwSignal::new(String::new());
    let copied = RwSignal::new(Copied::No);
    let (accounts, picked) = lenders(kit, lang, account);
    let document = move || Document::ALL.get(doc.get()).copied().unwrap_or(Document::Letter);
    let text = Memo::new(move |_| {
        let (l, d) = (lang.get(), document());
        kit.input.with(|i| {
            let i = i.as_ref()?;
            match d {
                Document::Statement => Some(i.statement(l)),
                _ => picked.with(|id| i.accounts.iter().find(|a| a.id == *id).map(|a| i.render(d, l, a))),
            }
        })
    });
    let file_name = move || {
        let (l, d) = (lang.get_untracked(), document());
        let lender = accounts.with_untracked(|all| picked.with_untracked(|id| all.iter().find(|a| a.0 == *id).map(|a| a.1.clone())));
        match (d, lender) {
            (Document::Statement, _) | (_, None) => format!("{}.txt", d.name(l)),
            (_, Some(name)) => format!("{}-{name}.txt", d.name(l)),
        }
    };
    let doc_options = Signal::derive(move || {
        let l = lang.get();
        Document::ALL.iter().enumerate().map(|(i, d)| (i.to_string(), d.name(l).to_owned())).collect::<Vec<_>>()
    });
    let on_doc = Callback::new(move |v: String| {
        doc.set(v.parse().unwrap_or(0));
        copied.set(Copied::No);
    });
    let on_lender = Callback::new(move |v: String| {
        account.set(v);
        copied.set(Copied::No);
    });
    view! {
        <h3>{kw(|t| t.documents_heading)}</h3>
        // Hidden rather than rebuilt: every `Show` is code of its own.
        <p class="hint" data-testid="no-documents" hidden=move || text.with(Option::is_some)>{kw(|t| t.no_documents)}</p>
        <div hidden=move || text.with(Option::is_none)>
            <div class="grid">
                <Picker id="kit-doc-pick" label=|t| t.document options=doc_options picked=Signal::derive(move || doc.get().to_string()) on_pick=on_doc />
                <div hidden=move || document() == Document::Statement>
                    <Picker id="kit-lender-pick" label=|t| t.lender options=accounts picked=picked on_pick=on_lender />
                </div>
            </div>
            <Actions text=text file_name=Signal::derive(file_name) copied=copied />
            <pre class="kit-doc" data-testid="kit-doc" tabindex="0" aria-label=move || document().name(lang.get())>{Signal::derive(move || text.get().unwrap_or_default())}</pre>
        </div>
    }
}

/// Copy, download as .txt, print; and what the last copy did.
#[component]
fn Actions(text: Memo<Option<String>>, file_name: Signal<String>, copied: RwSignal<Copied>) -> impl IntoView {
    let t = use_kit();
    let download = move |_| {
        if let Some(body) = text.get_untracked() {
            let _ = download_text(&file_name.get_untracked(), "text/plain;charset=utf-8", &body);
        }
    };
    let print = move |_| {
        let _ = web_sys::window().map(|w| w.print());
    };
    view! {
        <div class="kit-actions">
            <button type="button" data-testid="kit-copy" on:click=move |_| copy(text.get_untracked().unwrap_or_default(), copied)>{kw(|t| t.copy)}</button>
            <button type="button" data-testid="kit-download" on:click=download>{kw(|t| t.download)}</button>
            <button type="button" data-testid="kit-print" on:click=print>{kw(|t| t.print)}</button>
            <span role="status" class="hint" data-testid="kit-copied">
                {Signal::derive(move || match copied.get() {
                    Copied::No => "",
                    Copied::Yes => t().copied,
                    Copied::Selected => t().copy_selected,
                })}
            </span>
        </div>
    }
}
