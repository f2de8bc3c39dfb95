//! Opening a share link: at start (and when a link is pasted into the
//! address bar of an open page) the fragment is read and removed from the
//! address bar. A good link becomes a NEW draft ("来自链接 …"), never
//! changing an existing one, and a banner offers to keep or discard it; an
//! encrypted link asks for its password first; a bad link says why in a
//! banner and changes nothing.
//!
//! The page itself only takes the fragment ([`read_address`]): reading it,
//! the banners and their buttons are the `open_link` chunk's, fetched when a
//! link is opened. Its banners are HTML text in `#link-banner`, drawn
//! afresh at each step (and in the other language when the page switches:
//! [`relang`]), read by one listener.

use super::{banner, escape, target_id};
use crate::i18n::{clock, fill, Lang, ShareText};
use crate::share::browser::{open_link, take_link_fragment};
use crate::share::{Link, Progress, ShareError};
use crate::store::browser::local_time;
use crate::ui::drafts::SessionHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// Where the link banners are drawn.
const BANNER: &str = "link-banner";

thread_local! {
    /// How to draw the banner again in another language, once the chunk
    /// that draws it is there.
    static REDRAW: Cell<Option<fn(Lang)>> = const { Cell::new(None) };
    /// Where opening a link stands (the chunk's).
    static STATE: RefCell<Opening> = const { RefCell::new(Opening::Idle) };
}

/// Reads the address bar's share link, if there is one (the page's part).
pub fn read_address(drafts: SessionHandle, lang: RwSignal<Lang>) {
    let Some(fragment) = take_link_fragment() else { return };
    spawn_local(async move {
        // The link's draft is added through the drafts' reader (a chunk).
        if !crate::store::browser::load_reading().await || opening(fragment, drafts, lang).await.is_err() {
            // The code that reads links could not be fetched (offline
            // before it was cached).
            let t = lang.get_untracked();
            let text = [t.page().lazy_failed, t.text().no_draft_changed].join(" ");
            draw(&banner("bad", "link-failed", &text, &[(t.text().close, "link-dismiss")]));
        }
    });
}

/// Draws the banner again in `lang` (the page's language changed).
pub fn relang(lang: Lang) {
    if let Some(redraw) = REDRAW.get() {
        redraw(lang);
    }
}

/// A "close" of the banner drawn when the chunk could not be fetched.
pub fn dismissed(ev: &web_sys::Event) {
    if target_id(ev) == "link-dismiss" {
        draw("");
    }
}

fn draw(html: &str) {
    if let Some(e) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(BANNER)) {
        e.set_inner_html(html);
    }
}

fn field(id: &str) -> Option<web_sys::HtmlInputElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

// ---- the open_link chunk ----

/// Where opening a link stands.
enum Opening {
    Idle,
    Busy(Progress),
    /// An encrypted link waits for its password (`error`: why the last
    /// attempt failed).
    Password { link: Link, error: Option<ShareError> },
    /// Opened as the new draft `id`; `previous` was open before.
    Opened { id: String, previous: String, name: String },
    /// Opened before as the draft `name`: switched to it, nothing made (review w14 S1).
    Again { name: String },
    Failed(ShareError),
    /// Read, but the drafts refused a new draft (the panel says why).
    NotAdded,
}

/// What the chunk works with. Copy: every field is a handle.
#[derive(Clone, Copy)]
struct Opener {
    drafts: SessionHandle,
    lang: RwSignal<Lang>,
}

/// Reads a link and opens it, asks for its password, or says why not: a
/// chunk of its own, fetched when a link is opened.
#[leptos::wasm_split::wasm_split(open_link, wasm_split_path = ::leptos::wasm_split, fallible)]
fn opening(fragment: String, drafts: SessionHandle, lang: RwSignal<Lang>) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    let opener = Opener { drafts, lang };
    if REDRAW.get().is_none() {
        REDRAW.set(Some(redraw));
        opener.listen();
    }
    match Link::parse(&fragment) {
        Ok(None) => {}
        Err(e) => opener.set(Opening::Failed(e)),
        // Before any password: the same link opened again goes to its draft.
        Ok(Some(link)) if opener.again(&link) => {}
        Ok(Some(link)) if link.needs_password() => opener.set(Opening::Password { link, error: None }),
        Ok(Some(link)) => opener.open(link, None),
    }
    Ok(())
}

fn redraw(lang: Lang) {
    STATE.with_borrow(|state| draw(&banner_html(lang, state)));
}

impl Opener {
    /// One listener for the banners' buttons and the password prompt, for
    /// as long as the page lives.
    fn listen(self) {
        let Some(banners) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(BANNER)) else { return };
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| match ev.type_().as_str() {
            "submit" => self.submitted(&ev),
            _ => self.clicked(&target_id(&ev)),
        });
        for event in ["click", "submit"] {
            let _ = banners.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        listener.forget();
    }

    /// Shows `state`; the password field takes the focus when the prompt
    /// appears. While a link waits for its password (or is being read) the
    /// page under the banners is hidden (`#main[data-link-pending]`, share.css):
    /// its figures are this device's, not the sender's, and a helper who
    /// scrolls would read them as the link's (review w14 R4).
    fn set(self, state: Opening) {
        let asks = matches!(state, Opening::Password { .. });
        let pending = matches!(state, Opening::Password { .. } | Opening::Busy(_));
        if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main")) {
            let _ = if pending { main.set_attribute("data-link-pending", "") } else { main.remove_attribute("data-link-pending") };
        }
        STATE.set(state);
        redraw(self.lang.get_untracked());
        if let (true, Some(f)) = (asks, field("link-password")) {
            let _ = f.focus();
        }
    }

    fn open(self, link: Link, password: Option<String>) {
        self.set(Opening::Busy(if password.is_some() { Progress::DerivingKey } else { Progress::Inflating }));
        spawn_local(async move {
            let progress = move |p| self.set(Opening::Busy(p));
            let next = match open_link(&link, password.as_deref(), &progress).await {
                Ok(scenario) => self.add_draft(&scenario.to_json(), &crate::share::link_key(&link)),
                Err(e @ (ShareError::WrongPasswordOrAltered | ShareError::NeedsPassword)) => Opening::Password { link, error: Some(e) },
                Err(e) => Opening::Failed(e),
            };
            self.set(next);
        });
    }

    /// When a draft came from this link before: switches to it (as it is
    /// now, never changed) and says so instead of making a second one.
    fn again(self, link: &Link) -> bool {
        let key = crate::share::link_key(link);
        let Some((id, name)) = untrack(|| self.drafts.with(|s| s.link_draft(&key).map(|m| (m.id.clone(), m.name.clone())))) else { return false };
        self.drafts.act(|s, _| s.switch(&id));
        self.set(Opening::Again { name });
        true
    }

    fn open_id(self) -> String {
        untrack(|| self.drafts.with(|s| s.open().id.clone()))
    }

    /// The scenario as a new draft, through the drafts' own import (which
    /// never overwrites a draft).
    fn add_draft(self, json: &str, key: &str) -> Opening {
        let previous = self.open_id();
        let (month, day, hour, minute, _) = local_time(web_sys::js_sys::Date::now() as u64);
        let name = fill(self.lang.get_untracked().share().from_link_name, &[&clock(month, day, hour, minute, false)]);
        self.drafts.act(|s, t| s.import_link(&name, json, key, t.imported_name));
        let (id, name) = untrack(|| self.drafts.with(|s| (s.open().id.clone(), s.open().name.clone())));
        if id == previous {
            Opening::NotAdded
        } else {
            Opening::Opened { id, previous, name }
        }
    }

    /// Deletes the draft the link made and reopens the one open before.
    fn discard(self, id: &str, previous: &str) {
        self.set(Opening::Idle);
        if self.open_id() != id {
            self.drafts.act(|s, _| s.switch(id));
            if self.open_id() != id {
                return; // the open draft could not be left: delete nothing
            }
        }
        self.drafts.act(|s, t| s.delete(t.default_name));
        self.drafts.act(|s, _| if s.list().iter().any(|m| m.id == previous) { s.switch(previous) } else { None });
    }

    /// A button of the banner, by id.
    fn clicked(self, id: &str) {
        match id {
            "link-discard" => {
                let opened = STATE.with_borrow(|s| if let Opening::Opened { id, previous, .. } = s { Some((id.clone(), previous.clone())) } else { None });
                if let Some((id, previous)) = opened {
                    self.discard(&id, &previous);
                }
            }
            "link-keep" | "link-dismiss" | "link-cancel" => self.set(Opening::Idle),
            _ => {}
        }
    }

    /// The password prompt was sent; empty, it says a password is needed.
    fn submitted(self, ev: &web_sys::Event) {
        ev.prevent_default();
        let link = STATE.with_borrow(|s| if let Opening::Password { link, .. } = s { Some(link.clone()) } else { None });
        match (link, field("link-password").map(|f| f.value()).filter(|p| !p.is_empty())) {
            (Some(link), None) => self.set(Opening::Password { link, error: Some(ShareError::NeedsPassword) }),
            (Some(link), password) => self.open(link, password),
            _ => {}
        }
    }
}

/// The banner for where opening stands ("" while there is nothing to say).
fn banner_html(lang: Lang, state: &Opening) -> String {
    let t = lang.share();
    let words = lang.text();
    let failed = |reason: String| banner("bad", "link-failed", &(reason + words.no_draft_changed), &[(words.close, "link-dismiss")]);
    match state {
        Opening::Idle => String::new(),
        Opening::Busy(p) => banner("", "link-busy", lang.share_progress(*p), &[]),
        Opening::Password { error, .. } => password_prompt(t, error.as_ref().map(|e| lang.share_error(e))),
        Opening::Opened { name, .. } => banner("ok", "link-opened", &fill(t.opened, &[name]), &[(t.keep, "link-keep"), (t.discard, "link-discard")]),
        Opening::Again { name } => banner("ok", "link-again", &fill(t.opened_again, &[name]), &[(words.close, "link-dismiss")]),
        Opening::Failed(e) => failed(lang.share_error(e) + " "),
        Opening::NotAdded => failed(String::new()),
    }
}

/// Asks for an encrypted link's password; "cancel" leaves everything as it was.
fn password_prompt(t: &ShareText, error: Option<String>) -> String {
    let error = error.map_or_else(String::new, |e| format!(r#"<p class="share-error" role="alert" data-testid="link-error">{}</p>"#, escape(&e)));
    format!(
        r#"<form class="banner share-banner ask" novalidate data-testid="link-password-prompt"><p id="link-password-prompt">{prompt}</p>{error}<div class="share-password"><label for="link-password">{label}</label><input id="link-password" type="password" autocomplete="off" required aria-describedby="link-password-prompt" data-testid="link-password"></div><div class="share-actions"><button type="submit" id="link-open" data-testid="link-open">{open}</button><button type="button" id="link-cancel" data-testid="link-cancel">{cancel}</button></div></form>"#,
        prompt = t.password_prompt,
        label = t.password_label,
        open = t.open,
        cancel = t.cancel,
    )
}
