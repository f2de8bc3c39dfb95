//! The share dialog: what the link includes (one checkbox per kind of
//! personal data, all off), an optional password, "create link" with its
//! progress, then the link, its length, a copy button and its QR code.
//!
//! A native modal `<dialog>` (`showModal`): the rest of the page is inert
//! while it is open, so focus stays inside; Escape closes it; on closing,
//! focus goes back to the button that opened it.

use super::use_share_text;
use crate::share::browser::make_link;
use crate::share::{is_long, link_url, qr_code, Personal, Progress, Selection, ShareError};
use crate::ui::page::use_page;
use crate::ui::use_lang;
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
    let t = use_share_text();
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
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
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
            {move || t().open_dialog}
        </button>
        <dialog class="share-dialog" aria-labelledby="share-h" data-testid="share-dialog" node_ref=dialog on:close=closed>
            <div class="share-head">
                <h2 id="share-h">{move || t().heading}</h2>
                <button type="button" class="share-close" data-testid="share-close" on:click=close>
                    {move || t().close}
                </button>
            </div>
            <p class="share-note" data-testid="share-fragment-note">{move || t().fragment_note}</p>
            <fieldset class="share-form" prop:disabled=move || maker.busy.get().is_some()>
                <Choices maker=maker />
                <PasswordField maker=maker />
                <button type="button" class="share-make" data-testid="share-make" on:click=move |_| maker.make()>
                    {move || t().make}
                </button>
            </fieldset>
            <p class="share-progress" role="status" data-testid="share-progress">
                {move || maker.busy.get().map(|p| lang.get().share_progress(p))}
            </p>
            <Made maker=maker />
        </dialog>
    }
}

/// One checkbox per kind of personal data, all off by default.
#[component]
fn Choices(maker: Maker) -> impl IntoView {
    let t = use_share_text();
    let lang = use_lang();
    let boxes = Personal::ALL.into_iter().enumerate().map(move |(i, p)| {
        let id = format!("share-personal-{i}");
        let toggle = move |ev| {
            maker.selection.update(|s| *s = s.with(p, event_target_checked(&ev)));
            maker.link.set(None);
        };
        view! {
            <div class="share-check">
                <input type="checkbox" id=id.clone() data-testid=id.clone() prop:checked=move || maker.selection.get().includes(p) on:change=toggle />
                <label for=id>{move || lang.get().personal(p)}</label>
            </div>
        }
    });
    view! {
        <fieldset class="share-choices">
            <legend>{move || t().include_heading}</legend>
            <p class="share-hint">{move || t().numbers_note}</p>
            {boxes.collect_view()}
        </fieldset>
    }
}

/// The optional password, hidden unless "show" is ticked.
#[component]
fn PasswordField(maker: Maker) -> impl IntoView {
    let t = use_share_text();
    let shown = RwSignal::new(false);
    let typed = move |ev| {
        maker.password.set(event_target_value(&ev));
        maker.link.set(None);
    };
    view! {
        <div class="share-password">
            <label for="share-password">{move || t().password}</label>
            <input
                id="share-password"
                type=move || if shown.get() { "text" } else { "password" }
                autocomplete="new-password"
                aria-describedby="share-password-hint"
                data-testid="share-password"
                prop:value=move || maker.password.get()
                on:input=typed
            />
            <div class="share-check">
                <input type="checkbox" id="share-show-password" data-testid="share-show-password" prop:checked=shown on:change=move |ev| shown.set(event_target_checked(&ev)) />
                <label for="share-show-password">{move || t().show_password}</label>
            </div>
            <p class="share-hint" id="share-password-hint">{move || t().password_hint}</p>
        </div>
    }
}

/// The link once made, or why it could not be.
#[component]
fn Made(maker: Maker) -> impl IntoView {
    let lang = use_lang();
    move || match maker.link.get()? {
        Ok(url) => Some(view! { <LinkView url=url /> }.into_any()),
        Err(e) => Some(
            view! { <p class="share-error" role="alert" data-testid="share-error">{move || lang.get().share_error(&e)}</p> }.into_any(),
        ),
    }
}

/// What "copy" did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    /// No clipboard: the text is selected for the user to copy.
    Selected,
}

impl Copied {
    /// For tests (`data-state`).
    fn code(self) -> &'static str {
        match self {
            Self::Not => "",
            Self::Done => "done",
            Self::Selected => "selected",
        }
    }
}

/// The link in a read-only field, its length, a copy button, the long-link
/// warning and the QR code.
#[component]
fn LinkView(url: String) -> impl IntoView {
    let t = use_share_text();
    let field = NodeRef::<html::Input>::new();
    let copied = RwSignal::new(Copied::Not);
    let length = url.len();
    let long = is_long(&url);
    let qr = qr_code(&url).ok().map(|q| q.svg);
    let text = url.clone();
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            let done = match write_text(&text) {
                Ok(promise) => JsFuture::from(promise).await.is_ok(),
                Err(_) => false,
            };
            if !done {
                if let Some(f) = field.get_untracked() {
                    let _ = f.focus();
                    f.select();
                }
            }
            copied.set(if done { Copied::Done } else { Copied::Selected });
        });
    };
    let select_all = move |_| {
        if let Some(f) = field.get_untracked() {
            f.select();
        }
    };
    view! {
        <div class="share-link">
            <label for="share-link">{move || t().link_label}</label>
            <input id="share-link" type="text" readonly data-testid="share-link" node_ref=field prop:value=url on:focus=select_all />
            <p class="share-hint" data-testid="share-length">{move || crate::i18n::fill(t().length, &[&length.to_string()])}</p>
            {long.then(|| view! {
                <p class="share-warning" data-testid="share-long">{move || crate::i18n::fill(t().long_warning, &[&length.to_string()])}</p>
            })}
            <button type="button" class="share-copy" data-testid="share-copy" on:click=copy>{move || t().copy}</button>
            <p class="share-copied" role="status" data-testid="share-copied" data-state=move || copied.get().code()>
                {move || match copied.get() {
                    Copied::Not => "",
                    Copied::Done => t().copied,
                    Copied::Selected => t().copy_failed,
                }}
            </p>
            <Qr svg=qr />
        </div>
    }
}

/// The QR code of the link (an SVG made by `crate::share::qr_code`).
#[component]
fn Qr(svg: Option<String>) -> impl IntoView {
    let t = use_share_text();
    match svg {
        Some(svg) => view! {
            <figure class="share-qr">
                <div class="share-qr-code" role="img" aria-labelledby="share-qr-caption" data-testid="share-qr" inner_html=svg></div>
                <figcaption id="share-qr-caption">{move || t().qr_label}</figcaption>
            </figure>
        }
        .into_any(),
        None => view! { <p class="share-warning" data-testid="share-qr-too-long">{move || t().qr_too_long}</p> }.into_any(),
    }
}
