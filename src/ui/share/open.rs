//! Opening a share link: at start (and when a link is pasted into the
//! address bar of an open page) the fragment is read and removed from the
//! address bar. A good link becomes a NEW draft ("来自链接 …"), never
//! changing an existing one, and a banner offers to keep or discard it; an
//! encrypted link asks for its password first; a bad link says why in a
//! banner and changes nothing.

use super::{banner, escape};
use crate::i18n::{clock, fill, Lang, ShareText};
use crate::scenario::Scenario;
use crate::share::browser::{open_link, take_link_fragment};
use crate::share::{Link, Progress, ShareError};
use crate::store::browser::local_time;
use crate::ui::drafts::SessionHandle;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Where opening a link stands.
#[derive(Clone)]
enum Opening {
    Idle,
    Busy(Progress),
    /// An encrypted link waits for its password (`error`: why the last
    /// attempt failed).
    Password { link: Link, error: Option<ShareError> },
    /// Opened as the new draft `id`; `previous` was open before.
    Opened { id: String, previous: String, name: String },
    Failed(ShareError),
    /// Read, but the drafts refused a new draft (the panel says why).
    NotAdded,
    /// The code that reads links could not be fetched (offline before it
    /// was cached).
    NotLoaded,
}

/// The opener's state and what it works on. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Opener {
    state: RwSignal<Opening>,
    drafts: SessionHandle,
    lang: RwSignal<Lang>,
}

impl Opener {
    /// Reads the address bar's share link, if there is one.
    fn read_address(self) {
        let Some(fragment) = take_link_fragment() else { return };
        match Link::parse(&fragment) {
            Ok(None) => {}
            Err(e) => self.state.set(Opening::Failed(e)),
            Ok(Some(link)) if link.needs_password() => self.state.set(Opening::Password { link, error: None }),
            Ok(Some(link)) => self.open(link, None),
        }
    }

    fn open(self, link: Link, password: Option<String>) {
        self.state.set(Opening::Busy(if password.is_some() { Progress::DerivingKey } else { Progress::Inflating }));
        spawn_local(async move {
            if opening(self, link, password).await.is_err() {
                self.state.set(Opening::NotLoaded);
            }
        });
    }

    fn open_id(self) -> String {
        untrack(|| self.drafts.with(|s| s.open().id.clone()))
    }

    /// The scenario as a new draft, through the drafts' own import (which
    /// never overwrites a draft).
    fn add_draft(self, scenario: &Scenario) -> Opening {
        let previous = self.open_id();
        let (month, day, hour, minute, _) = local_time(web_sys::js_sys::Date::now() as u64);
        let name = fill(self.lang.get_untracked().share().from_link_name, &[&clock(month, day, hour, minute, false)]);
        self.drafts.act(|s, t| s.import(&name, &scenario.to_json(), t.imported_name));
        let (id, name) = untrack(|| self.drafts.with(|s| (s.open().id.clone(), s.open().name.clone())));
        if id == previous {
            Opening::NotAdded
        } else {
            Opening::Opened { id, previous, name }
        }
    }

    /// Deletes the draft the link made and reopens the one open before.
    fn discard(self, id: &str, previous: &str) {
        self.state.set(Opening::Idle);
        if self.open_id() != id {
            self.drafts.act(|s, _| s.switch(id));
            if self.open_id() != id {
                return; // the open draft could not be left: delete nothing
            }
        }
        self.drafts.act(|s, t| s.delete(t.default_name));
        self.drafts.act(|s, _| if s.list().iter().any(|m| m.id == previous) { s.switch(previous) } else { None });
    }

    /// Reads the address bar now, and again when a link is pasted into the
    /// address bar of this page (which does not reload it).
    pub fn start(drafts: SessionHandle, lang: RwSignal<Lang>) -> Self {
        let opener = Self { state: RwSignal::new(Opening::Idle), drafts, lang };
        opener.read_address();
        let _ = window_event_listener(ev::hashchange, move |_| opener.read_address());
        // The password field takes the focus when the prompt appears.
        Effect::new(move |_| {
            if matches!(opener.state.get(), Opening::Password { .. }) {
                if let Some(field) = field("link-password") {
                    let _ = field.focus();
                }
            }
        });
        opener
    }

    /// The banner for where opening stands ("" while there is nothing to say).
    pub fn banner_html(self, lang: Lang) -> String {
        let t = lang.share();
        match self.state.get() {
            Opening::Idle => String::new(),
            Opening::Busy(p) => banner("", "link-busy", lang.share_progress(p), &[]),
            Opening::Password { error, .. } => password_prompt(t, error.map(|e| lang.share_error(&e))),
            Opening::Opened { name, .. } => {
                banner("ok", "link-opened", &fill(t.opened, &[&name]), &[(t.keep, "link-keep"), (t.discard, "link-discard")])
            }
            failed => {
                let reason = match failed {
                    Opening::Failed(e) => lang.share_error(&e) + " ",
                    Opening::NotLoaded => format!("{} ", lang.page().lazy_failed),
                    _ => String::new(),
                };
                banner("bad", "link-failed", &(reason + t.nothing_changed), &[(t.close, "link-dismiss")])
            }
        }
    }

    /// A button of the banner, by id.
    pub fn clicked(self, id: &str) {
        match (id, self.state.get_untracked()) {
            ("link-discard", Opening::Opened { id, previous, .. }) => self.discard(&id, &previous),
            ("link-keep" | "link-dismiss" | "link-cancel", _) => self.state.set(Opening::Idle),
            _ => {}
        }
    }

    /// The password prompt was sent.
    pub fn submitted(self, ev: ev::SubmitEvent) {
        ev.prevent_default();
        if let Opening::Password { link, .. } = self.state.get_untracked() {
            self.open(link, field("link-password").map(|f| f.value()));
        }
    }
}

/// Reading a link (inflating, decrypting, checking) and adding its draft:
/// a chunk of its own, fetched when a link is opened (`ui::lazy`).
#[leptos::wasm_split::wasm_split(open_link, wasm_split_path = ::leptos::wasm_split, fallible)]
fn opening(opener: Opener, link: Link, password: Option<String>) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    let state = opener.state;
    spawn_local(async move {
        let progress = move |p| state.set(Opening::Busy(p));
        let next = match open_link(&link, password.as_deref(), &progress).await {
            Ok(scenario) => opener.add_draft(&scenario),
            Err(e @ (ShareError::WrongPasswordOrAltered | ShareError::NeedsPassword)) => Opening::Password { link, error: Some(e) },
            Err(e) => Opening::Failed(e),
        };
        state.set(next);
    });
    Ok(())
}

fn field(id: &str) -> Option<web_sys::HtmlInputElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Asks for an encrypted link's password; "cancel" leaves everything as it was.
fn password_prompt(t: &ShareText, error: Option<String>) -> String {
    let error = error.map_or_else(String::new, |e| format!(r#"<p class="share-error" role="alert" data-testid="link-error">{}</p>"#, escape(&e)));
    format!(
        r#"<form class="banner share-banner ask" data-testid="link-password-prompt"><p id="link-password-prompt">{prompt}</p>{error}<div class="share-password"><label for="link-password">{label}</label><input id="link-password" type="password" autocomplete="off" required aria-describedby="link-password-prompt" data-testid="link-password"></div><div class="share-actions"><button type="submit" id="link-open" data-testid="link-open">{open}</button><button type="button" id="link-cancel" data-testid="link-cancel">{cancel}</button></div></form>"#,
        prompt = t.password_prompt,
        label = t.password_label,
        open = t.open,
        cancel = t.cancel,
    )
}
