//! The share dialog: what the link includes (one checkbox per kind of
//! personal data, all off), an optional password, "create link" with its
//! progress, then the link, its length, a copy button and its QR code.
//!
//! A native modal `<dialog>` (`showModal`): the rest of the page is inert
//! while it is open, so focus stays inside; Escape closes it; on closing,
//! focus goes back to the button that opened it.

use crate::i18n::{fill, Lang, ShareText};
use crate::share::browser::make_link;
use crate::share::{is_long, link_url, qr_code, Personal, Progress, Selection, ShareError};
use crate::ui::page::use_page;
use crate::ui::use_lang;
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText`; throws where there is no clipboard
    /// API (an old browser, a page not served over https).
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<web_sys::js_sys::Promise, JsValue>;
}

/// The dialog's state, shared by its parts. Copy: every field is a handle.
#[derive(Clone, Copy)]
struct Maker {
    selection: RwSignal<Selection>,
    password: RwSignal<String>,
    /// The step being worked on while a link is made.
    busy: RwSignal<Option<Progress>>,
    /// The link made for the current choices (cleared when they change).
    link: RwSignal<Option<Result<String, ShareError>>>,
}

impl Maker {
    fn new() -> Self {
        Self {
            selection: RwSignal::new(Selection::NUMBERS_ONLY),
            password: RwSignal::new(String::new()),
            busy: RwSignal::new(None),
            link: RwSignal::new(None),
        }
    }

    /// Makes the link of what the page shows, with the current choices.
    fn make(self) {
        let scenario = use_page().last_valid.get_untracked();
        let (selection, password) = (self.selection.get_untracked(), self.password.get_untracked());
        let page_url = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let (busy, link) = (self.busy, self.link);
        link.set(None);
        busy.set(Some(Progress::Compressing));
        spawn_local(async move {
            let progress = move |p| busy.set(Some(p));
            let made = make_link(&scenario, selection, Some(&password), &progress).await;
            busy.set(None);
            link.set(Some(made.map(|l| link_url(&page_url, &l.fragment()))));
        });
    }
}

/// The "share" button and the dialog it opens.
#[component]
pub fn ShareButton() -> impl IntoView {
    let lang = use_lang();
    let maker = Maker::new();
    let opener = NodeRef::<html::Button>::new();
    let dialog = NodeRef::<html::Dialog>::new();
    let show = move |_| {
        // The page may have changed since the last link: make it again.
        maker.link.set(None);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    // Escape, the close button and any other way of closing end here.
    let closed = move |_| {
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    view! {
        <button type="button" class="share-open" data-testid="share-open" aria-haspopup="dialog" node_ref=opener on:click=show>
            {move || lang.get().share().open_dialog}
        </button>
        <dialog class="share-dialog" aria-labelledby="share-h" data-testid="share-dialog" node_ref=dialog on:close=closed>
            {move || dialog_body(lang.get(), maker, dialog)}
        </dialog>
    }
}

/// Everything inside the dialog, in one language. The language cannot
/// change while the dialog is open (the page behind it is inert).
fn dialog_body(lang: Lang, maker: Maker, dialog: NodeRef<html::Dialog>) -> impl IntoView {
    let t = lang.share();
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <div class="share-head">
            <h2 id="share-h">{t.heading}</h2>
            <button type="button" class="share-close" data-testid="share-close" on:click=close>{t.close}</button>
        </div>
        <p class="share-note" data-testid="share-fragment-note">{t.fragment_note}</p>
        <fieldset class="share-form" prop:disabled=move || maker.busy.get().is_some()>
            {choices(lang, maker)}
            {password_field(t, maker)}
            <button type="button" class="share-make" data-testid="share-make" on:click=move |_| maker.make()>{t.make}</button>
        </fieldset>
        <p class="share-progress" role="status" data-testid="share-progress">
            {move || maker.busy.get().map(|p| lang.share_progress(p))}
        </p>
        {move || maker.link.get().map(|made| match made {
            Ok(url) => Either::Left(link_view(t, url)),
            Err(e) => Either::Right(view! { <p class="share-error" role="alert" data-testid="share-error">{lang.share_error(&e)}</p> }),
        })}
    }
}

/// One checkbox per kind of personal data, all off by default.
fn choices(lang: Lang, maker: Maker) -> impl IntoView {
    let t = lang.share();
    let boxes = Personal::ALL.into_iter().enumerate().map(move |(i, p)| {
        let id = format!("share-personal-{i}");
        let toggle = move |ev| {
            maker.selection.update(|s| *s = s.with(p, event_target_checked(&ev)));
            maker.link.set(None);
        };
        let checked = maker.selection.get_untracked().includes(p);
        view! {
            <div class="share-check">
                <input type="checkbox" id=id.clone() data-testid=id.clone() prop:checked=checked on:change=toggle />
                <label for=id>{lang.personal(p)}</label>
            </div>
        }
    });
    view! {
        <fieldset class="share-choices">
            <legend>{t.include_heading}</legend>
            <p class="share-hint">{t.numbers_note}</p>
            {boxes.collect_view()}
        </fieldset>
    }
}

/// The optional password, hidden unless "show" is ticked.
fn password_field(t: &'static ShareText, maker: Maker) -> impl IntoView {
    let field = NodeRef::<html::Input>::new();
    let typed = move |ev| {
        maker.password.set(event_target_value(&ev));
        maker.link.set(None);
    };
    let show = move |ev| {
        if let Some(f) = field.get_untracked() {
            f.set_type(if event_target_checked(&ev) { "text" } else { "password" });
        }
    };
    view! {
        <div class="share-password">
            <label for="share-password">{t.password}</label>
            <input id="share-password" type="password" autocomplete="new-password" aria-describedby="share-password-hint"
                data-testid="share-password" node_ref=field prop:value=maker.password.get_untracked() on:input=typed />
            <div class="share-check">
                <input type="checkbox" id="share-show-password" data-testid="share-show-password" on:change=show />
                <label for="share-show-password">{t.show_password}</label>
            </div>
            <p class="share-hint" id="share-password-hint">{t.password_hint}</p>
        </div>
    }
}

/// Copies `text`; without a clipboard, selects it in `field` for the user.
async fn copy(text: &str, field: NodeRef<html::Input>) -> bool {
    let done = match write_text(text) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    };
    if let (false, Some(f)) = (done, field.get_untracked()) {
        let _ = f.focus();
        f.select();
    }
    done
}

/// The link in a read-only field, its length, a copy button, the long-link
/// warning and the QR code.
fn link_view(t: &'static ShareText, url: String) -> impl IntoView {
    let field = NodeRef::<html::Input>::new();
    // `None` until copied; then whether the clipboard took it.
    let (copied, set_copied) = signal(None::<bool>);
    let length = url.len().to_string();
    let warning = is_long(&url).then(|| fill(t.long_warning, &[&length]));
    let qr = qr_code(&url).ok().map(|q| q.svg);
    let text = url.clone();
    let on_copy = move |_| {
        let text = text.clone();
        spawn_local(async move { set_copied.set(Some(copy(&text, field).await)) });
    };
    let select_all = move |_| {
        if let Some(f) = field.get_untracked() {
            f.select();
        }
    };
    view! {
        <div class="share-link">
            <label for="share-link">{t.link_label}</label>
            <input id="share-link" type="text" readonly data-testid="share-link" node_ref=field prop:value=url on:focus=select_all />
            <p class="share-hint" data-testid="share-length">{fill(t.length, &[&length])}</p>
            {warning.map(|w| view! { <p class="share-warning" data-testid="share-long">{w}</p> })}
            <button type="button" class="share-copy" data-testid="share-copy" on:click=on_copy>{t.copy}</button>
            <p class="share-copied" role="status" data-testid="share-copied">
                {move || copied.get().map(|done| if done { t.copied } else { t.copy_failed })}
            </p>
            {match qr {
                Some(svg) => Either::Left(view! {
                    <figure class="share-qr">
                        <div class="share-qr-code" role="img" aria-labelledby="share-qr-caption" data-testid="share-qr" inner_html=svg></div>
                        <figcaption id="share-qr-caption">{t.qr_label}</figcaption>
                    </figure>
                }),
                None => Either::Right(view! { <p class="share-warning" data-testid="share-qr-too-long">{t.qr_too_long}</p> }),
            }}
        </div>
    }
}
