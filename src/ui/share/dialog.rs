//! The share dialog: what the link includes (one checkbox per kind of
//! personal data, all off), an optional password, "create link" with its
//! progress, then the link, its length, a copy button and its QR code.
//!
//! A native modal `<dialog>` (`showModal`): the rest of the page is inert
//! while it is open, so focus stays inside; Escape closes it; on closing,
//! focus goes back to the button that opened it.
//!
//! No signal or memo of its own: the dialog is drawn afresh, as HTML text,
//! each time it opens (so every link starts from "only the numbers", in the
//! page's language), and making a link writes its steps and its result into
//! the dialog directly. The choices live in the form's fields, the link in
//! its own field, read when needed.

use super::{escape, target_id};
use crate::i18n::{fill, Lang};
use crate::share::browser::make_link;
use crate::share::{is_long, link_url, qr_code, Personal, Progress, Selection};
use crate::scenario::Scenario;
use crate::ui::page::use_page;
use crate::ui::use_lang;
use crate::ui::widgets::say;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText`; throws where there is no clipboard
    /// API (an old browser, a page not served over https).
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<web_sys::js_sys::Promise, JsValue>;
}

/// The "share" button. The dialog is its own chunk (with the link making,
/// the compression and the QR code), fetched on the first click; every
/// click opens it. While the chunk is fetched, and if it cannot be
/// (offline before the service worker cached it), the line after the
/// button says so; clicking again tries again.
#[component]
pub fn ShareButton() -> impl IntoView {
    let lang = use_lang();
    let scenario = use_page().last_valid;
    let open = move |_| {
        let say = |text: &str, role: &str, testid: &str| {
            let status = element("share-fetch");
            status.iter().for_each(|s| {
                s.set_text_content(Some(text));
                let _ = s.set_attribute("role", role);
                let _ = s.set_attribute("data-testid", testid);
            });
        };
        let t = lang.get_untracked().page();
        say(t.lazy_loading, "status", "lazy-loading");
        spawn_local(async move {
            match share_dialog(lang, scenario).await {
                Ok(()) => say("", "status", "share-fetch"),
                Err(_) => say(t.lazy_failed, "alert", "lazy-failed"),
            }
        });
    };
    view! {
        <button type="button" id="share-open" class="share-open" data-testid="share-open" aria-haspopup="dialog" on:click=open>
            {say(|l| l.text().share_open)}
        </button>
        <p id="share-fetch" class="lazy-status share-fetch" role="status" data-testid="share-fetch"></p>
    }
}

/// Opens the dialog (modally), drawn afresh; the first time, makes it:
/// a `<dialog>` after the "share" button, with one listener for all its
/// events.
#[leptos::wasm_split::wasm_split(share, wasm_split_path = ::leptos::wasm_split, fallible)]
fn share_dialog(lang: RwSignal<Lang>, scenario: Memo<Scenario>) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    if let Some(d) = element("share-dialog").or_else(|| new_dialog(lang, scenario)) {
        d.set_inner_html(&dialog_html(lang.get_untracked()));
        let _ = d.unchecked_into::<web_sys::HtmlDialogElement>().show_modal();
    }
    Ok(())
}

/// The empty `<dialog>`, placed after the "share" button, listening.
fn new_dialog(lang: RwSignal<Lang>, scenario: Memo<Scenario>) -> Option<web_sys::Element> {
    let d = web_sys::window()?.document()?.create_element("dialog").ok()?;
    for (name, value) in [("id", "share-dialog"), ("class", "share-dialog"), ("aria-labelledby", "share-h"), ("data-testid", "share-dialog")] {
        let _ = d.set_attribute(name, value);
    }
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| handle(&ev, lang, scenario));
    for event in ["click", "input", "focusin", "close"] {
        let _ = d.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    // The dialog stays as long as the page: so does its listener.
    listener.forget();
    element("share-open")?.after_with_node_1(&d).ok()?;
    Some(d)
}

/// Every event of the dialog, by its kind and the id of its target.
fn handle(ev: &web_sys::Event, lang: RwSignal<Lang>, scenario: Memo<Scenario>) {
    let id = target_id(ev);
    match (ev.type_().as_str(), id.as_str()) {
        ("click", "share-close") => {
            if let Some(d) = element("share-dialog") {
                d.unchecked_into::<web_sys::HtmlDialogElement>().close();
            }
        }
        ("click", "share-make") => make(scenario.get_untracked(), lang.get_untracked()),
        ("click", "share-copy") => copy(lang.get_untracked()),
        ("click", "share-show-password") => {
            let shown = field(&id).is_some_and(|f| f.checked());
            // An attribute: the page imports its setter already.
            element("share-password").iter().for_each(|f| drop(f.set_attribute("type", if shown { "text" } else { "password" })));
        }
        // A changed choice makes the link shown out of date.
        ("input", id) if id != "share-show-password" => set_html("share-made", ""),
        ("focusin", "share-link") => field(&id).iter().for_each(|f| f.select()),
        // Escape, the close button and any other way of closing end here.
        ("close", _) => {
            if let Some(b) = element("share-open") {
                let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
        _ => {}
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

fn field(id: &str) -> Option<web_sys::HtmlInputElement> {
    element(id)?.dyn_into().ok()
}

fn set_html(id: &str, html: &str) {
    element(id).iter().for_each(|e| e.set_inner_html(html));
}

fn set_text(id: &str, text: &str) {
    element(id).iter().for_each(|e| e.set_text_content(Some(text)));
}

/// The form's choices: the personal data ticked and the password.
fn choices() -> (Selection, String) {
    let ticked = |i: usize| field(&format!("share-personal-{i}")).is_some_and(|f| f.checked());
    let selection = Personal::ALL.into_iter().enumerate().fold(Selection::NUMBERS_ONLY, |s, (i, p)| s.with(p, ticked(i)));
    (selection, field("share-password").map(|f| f.value()).unwrap_or_default())
}

/// Makes the link of `scenario` with the form's choices. The form is
/// disabled meanwhile (which takes the focus away: it goes to the link
/// made, selected and ready to copy, or back to "create link" when that
/// failed). A dialog opened afresh meanwhile drops the result.
fn make(scenario: Scenario, lang: Lang) {
    let Some(form) = element("share-form") else { return };
    let (selection, password) = choices();
    let page_url = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let _ = form.set_attribute("disabled", "");
    set_html("share-made", "");
    spawn_local(async move {
        let current = || form.is_connected();
        let progress = |p: Progress| {
            if current() {
                set_text("share-progress", lang.share_progress(p));
            }
        };
        let made = make_link(&scenario, selection, Some(&password), &progress).await;
        if !current() {
            return;
        }
        let _ = form.remove_attribute("disabled");
        set_text("share-progress", "");
        let focus = match made {
            Ok(link) => {
                set_html("share-made", &link_html(lang, &link_url(&page_url, &link.fragment())));
                "share-link"
            }
            Err(e) => {
                let error = escape(&lang.share_error(&e));
                set_html("share-made", &[r#"<p class="share-error" role="alert" data-testid="share-error">"#, &error, "</p>"].concat());
                "share-make"
            }
        };
        if let Some(e) = element(focus) {
            let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Copies the link; without a clipboard, selects it for the user.
fn copy(lang: Lang) {
    let Some(url) = field("share-link").map(|f| f.value()) else { return };
    let t = lang.share();
    spawn_local(async move {
        let done = match write_text(&url) {
            Ok(promise) => JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        };
        if let (false, Some(f)) = (done, field("share-link")) {
            let _ = f.focus();
            f.select();
        }
        set_text("share-copied", if done { t.copied } else { t.copy_failed });
    });
}

/// The whole dialog before a link is made: the heading, the close button,
/// the sentence about the fragment, one checkbox per kind of personal data
/// (all off), the optional password (hidden unless "show" is ticked),
/// "create link", its progress and the place of the link.
fn dialog_html(lang: Lang) -> String {
    let t = lang.share();
    let boxes: String = Personal::ALL
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let id = format!("share-personal-{i}");
            format!(r#"<div class="share-check"><input type="checkbox" id="{id}" data-testid="{id}"><label for="{id}">{}</label></div>"#, lang.personal(p))
        })
        .collect();
    format!(
        r#"<div class="share-head"><h2 id="share-h">{heading}</h2><button type="button" id="share-close" class="share-close" data-testid="share-close">{close}</button></div><p class="share-note" data-testid="share-fragment-note">{note}</p><fieldset class="share-form" id="share-form"><fieldset class="share-choices"><legend>{include}</legend><p class="share-hint">{numbers}</p>{boxes}</fieldset><div class="share-password"><label for="share-password">{password_label}</label><input id="share-password" type="password" autocomplete="new-password" aria-describedby="share-password-hint" data-testid="share-password"><div class="share-check"><input type="checkbox" id="share-show-password" data-testid="share-show-password"><label for="share-show-password">{show}</label></div><p class="share-hint" id="share-password-hint">{hint}</p></div><button type="button" id="share-make" class="share-make" data-testid="share-make">{make}</button></fieldset><p class="share-progress" id="share-progress" role="status" data-testid="share-progress"></p><div id="share-made"></div>"#,
        heading = t.heading,
        close = lang.text().close,
        note = t.fragment_note,
        include = t.include_heading,
        numbers = t.numbers_note,
        password_label = t.password,
        show = t.show_password,
        hint = t.password_hint,
        make = t.make,
    )
}

/// The link made: in a read-only field, its length, the long-link
/// warning, a copy button and the QR code.
fn link_html(lang: Lang, url: &str) -> String {
    let t = lang.share();
    let length = url.len().to_string();
    let warning = if is_long(url) { format!(r#"<p class="share-warning" data-testid="share-long">{}</p>"#, fill(t.long_warning, &[&length])) } else { String::new() };
    let qr = match qr_code(url) {
        Ok(qr) => format!(
            r#"<figure class="share-qr"><div class="share-qr-code" role="img" aria-labelledby="share-qr-caption" data-testid="share-qr">{}</div><figcaption id="share-qr-caption">{}</figcaption></figure>"#,
            qr.svg, t.qr_label
        ),
        Err(_) => format!(r#"<p class="share-warning" data-testid="share-qr-too-long">{}</p>"#, t.qr_too_long),
    };
    format!(
        r#"<div class="share-link"><label for="share-link">{label}</label><input id="share-link" type="text" readonly data-testid="share-link" value="{url}"><p class="share-hint" data-testid="share-length">{length}</p>{warning}<button type="button" id="share-copy" class="share-copy" data-testid="share-copy">{copy}</button><p class="share-copied" id="share-copied" role="status" data-testid="share-copied"></p>{qr}</div>"#,
        label = t.link_label,
        url = escape(url),
        length = fill(t.length, &[&length]),
        copy = t.copy,
    )
}
