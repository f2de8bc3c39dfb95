//! The share dialog: what the link includes (one checkbox per kind of
//! personal data, all off), an optional password, "create link" with its
//! progress, then the link, its length, a copy button and its QR code.
//!
//! A native modal `<dialog>` (`showModal`): the rest of the page is inert
//! while it is open, so focus stays inside; Escape closes it; on closing,
//! focus goes back to the button that opened it.

use super::{escape, target_id};
use crate::i18n::{fill, Lang};
use crate::share::browser::make_link;
use crate::share::{is_long, link_url, qr_code, Personal, Progress, Selection, ShareError};
use crate::ui::page::{use_page, Page};
use crate::ui::use_lang;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText`; throws where there is no clipboard
    /// API (an old browser, a page not served over https).
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<web_sys::js_sys::Promise, JsValue>;
}

/// What the dialog shows below its form.
#[derive(Clone)]
enum Made {
    Nothing,
    /// The step being worked on while a link is made.
    Busy(Progress),
    Link(String),
    Failed(ShareError),
}

/// The dialog's state and what it works on. Copy: every field is a handle.
/// The choices themselves live in the form's fields and are read when the
/// link is made.
#[derive(Clone, Copy)]
struct Maker {
    made: RwSignal<Made>,
    page: Page,
    lang: RwSignal<Lang>,
}

/// The form's choices: the personal data ticked and the password.
fn choices() -> (Selection, String) {
    let ticked = |i: usize| field(&format!("share-personal-{i}")).is_some_and(|f| f.checked());
    let selection = Personal::ALL.into_iter().enumerate().fold(Selection::NUMBERS_ONLY, |s, (i, p)| s.with(p, ticked(i)));
    (selection, field("share-password").map(|f| f.value()).unwrap_or_default())
}

impl Maker {
    fn new() -> Self {
        Self { made: RwSignal::new(Made::Nothing), page: use_page(), lang: use_lang() }
    }

    /// A button or checkbox of the dialog was clicked (by id).
    fn clicked(self, id: &str, checked: bool) {
        match id {
            "share-make" => self.make(),
            "share-copy" => self.copy(),
            "share-show-password" => field("share-password").iter().for_each(|f| f.set_type(if checked { "text" } else { "password" })),
            _ => {}
        }
    }

    /// The fields are disabled while the link is made, which takes the
    /// focus away: it goes to the link made (selected, ready to copy), or
    /// back to "create link" when that failed.
    fn focus_result(self) {
        Effect::new(move |_| {
            let target = self.made.with(|m| match m {
                Made::Link(_) => Some("share-link"),
                Made::Failed(_) => Some("share-make"),
                _ => None,
            });
            // After the frame: the dialog's parts are drawn by then (the
            // order of effects is not the order of the page's updates).
            if let Some(id) = target {
                request_animation_frame(move || {
                    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
                        let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                });
            }
        });
    }

    /// Copies the link; without a clipboard, selects it for the user.
    fn copy(self) {
        let Made::Link(url) = self.made.get_untracked() else { return };
        let t = self.lang.get_untracked().share();
        spawn_local(async move {
            let done = match write_text(&url) {
                Ok(promise) => JsFuture::from(promise).await.is_ok(),
                Err(_) => false,
            };
            if let (false, Some(f)) = (done, field("share-link")) {
                let _ = f.focus();
                f.select();
            }
            if let Some(status) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("share-copied")) {
                status.set_text_content(Some(if done { t.copied } else { t.copy_failed }));
            }
        });
    }

    /// Makes the link of what the page shows, with the current choices.
    fn make(self) {
        let scenario = self.page.last_valid.get_untracked();
        let (selection, password) = choices();
        let page_url = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let made = self.made;
        made.set(Made::Busy(Progress::Compressing));
        spawn_local(async move {
            let progress = move |p| made.set(Made::Busy(p));
            made.set(match make_link(&scenario, selection, Some(&password), &progress).await {
                Ok(link) => Made::Link(link_url(&page_url, &link.fragment())),
                Err(e) => Made::Failed(e),
            });
        });
    }
}

/// The "share" button. The dialog is its own chunk (with the link making,
/// the compression and the QR code), fetched on the first click
/// (`ui::lazy`); every click opens it.
#[component]
pub fn ShareButton() -> impl IntoView {
    let lang = use_lang();
    let opener = NodeRef::<html::Button>::new();
    let opens = RwSignal::new(0u32);
    let clicked = move || opens.get() != 0;
    view! {
        <button type="button" class="share-open" data-testid="share-open" aria-haspopup="dialog" node_ref=opener
            on:click=move |_| opens.update(|n| *n += 1)>
            {move || lang.get().share().open_dialog}
        </button>
        <Show when=clicked>
            {crate::ui::lazy::lazy(load_share, move || share_dialog(opener, opens))}
        </Show>
    }
}

#[leptos::wasm_split::wasm_split(share, wasm_split_path = ::leptos::wasm_split, preload(load_share), fallible)]
fn share_dialog(opener: NodeRef<html::Button>, opens: RwSignal<u32>) -> crate::ui::lazy::Chunk {
    Ok(view! { <ShareDialog opener=opener opens=opens /> }.into_any())
}

/// The dialog, opened (modally) at once and on every later click of `opener`.
#[component]
fn ShareDialog(opener: NodeRef<html::Button>, opens: RwSignal<u32>) -> impl IntoView {
    let maker = Maker::new();
    let lang = maker.lang;
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        opens.track();
        if let Some(d) = dialog.get() {
            // The page may have changed since the last link: make it again.
            maker.made.set(Made::Nothing);
            // Every link starts from "only the numbers": a box ticked for
            // one link never carries personal data into the next unnoticed.
            (0..Personal::ALL.len()).filter_map(|i| field(&format!("share-personal-{i}"))).for_each(|f| f.set_checked(false));
            let _ = d.show_modal();
        }
    });
    // Escape, the close button and any other way of closing end here.
    let closed = move |_| {
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    let clicked = move |ev: web_sys::MouseEvent| match target_id(&ev).as_str() {
        "share-close" => dialog.get_untracked().iter().for_each(|d| d.close()),
        id => maker.clicked(id, event_target_checked(&ev)),
    };
    // A changed choice makes the link shown out of date.
    let changed = move |ev: web_sys::Event| {
        if target_id(&ev) != "share-show-password" {
            maker.made.set(Made::Nothing);
        }
    };
    let focused = move |ev: web_sys::FocusEvent| {
        if target_id(&ev) == "share-link" {
            field("share-link").iter().for_each(|f| f.select());
        }
    };
    maker.focus_result();
    // The words change only with the language (which cannot change while
    // the dialog is open: the page behind it is inert).
    let head = move || head_html(lang.get());
    let form = move || form_html(lang.get());
    let made = move || maker.made.with(|m| made_html(lang.get(), m));
    let busy = move || maker.made.with(|m| if let Made::Busy(p) = m { Some(lang.get().share_progress(*p)) } else { None });
    view! {
        <dialog class="share-dialog" aria-labelledby="share-h" data-testid="share-dialog" node_ref=dialog
            on:close=closed on:click=clicked on:input=changed on:focusin=focused>
            <div inner_html=head></div>
            <fieldset class="share-form" prop:disabled=move || busy().is_some() inner_html=form></fieldset>
            <p class="share-progress" role="status" data-testid="share-progress">{busy}</p>
            <div inner_html=made></div>
        </dialog>
    }
}

fn field(id: &str) -> Option<web_sys::HtmlInputElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// The heading, the close button and the sentence about the fragment.
fn head_html(lang: Lang) -> String {
    let t = lang.share();
    format!(
        r#"<div class="share-head"><h2 id="share-h">{}</h2><button type="button" id="share-close" class="share-close" data-testid="share-close">{}</button></div><p class="share-note" data-testid="share-fragment-note">{}</p>"#,
        t.heading, t.close, t.fragment_note
    )
}

/// One checkbox per kind of personal data (all off by default), the
/// optional password (hidden unless "show" is ticked) and "create link".
fn form_html(lang: Lang) -> String {
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
        r#"<fieldset class="share-choices"><legend>{include}</legend><p class="share-hint">{numbers}</p>{boxes}</fieldset><div class="share-password"><label for="share-password">{password_label}</label><input id="share-password" type="password" autocomplete="new-password" aria-describedby="share-password-hint" data-testid="share-password"><div class="share-check"><input type="checkbox" id="share-show-password" data-testid="share-show-password"><label for="share-show-password">{show}</label></div><p class="share-hint" id="share-password-hint">{hint}</p></div><button type="button" id="share-make" class="share-make" data-testid="share-make">{make}</button>"#,
        include = t.include_heading,
        numbers = t.numbers_note,
        password_label = t.password,
        show = t.show_password,
        hint = t.password_hint,
        make = t.make,
    )
}

/// The link once made (or why it could not be): in a read-only field, its
/// length, the long-link warning, a copy button and the QR code.
fn made_html(lang: Lang, made: &Made) -> String {
    let t = lang.share();
    let url = match made {
        Made::Nothing | Made::Busy(_) => return String::new(),
        Made::Failed(e) => return format!(r#"<p class="share-error" role="alert" data-testid="share-error">{}</p>"#, escape(&lang.share_error(e))),
        Made::Link(url) => url,
    };
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
