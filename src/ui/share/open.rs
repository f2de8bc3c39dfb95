//! Opening a share link: at start (and when a link is pasted into the
//! address bar of an open page) the fragment is read and removed from the
//! address bar. A good link becomes a NEW draft ("来自链接 …"), never
//! changing an existing one, and a banner offers to keep or discard it; an
//! encrypted link asks for its password first; a bad link says why in a
//! banner and changes nothing.

use super::banner;
use crate::i18n::{clock, fill, Lang};
use crate::scenario::Scenario;
use crate::share::browser::{open_link, take_link_fragment};
use crate::share::{Link, Progress, ShareError};
use crate::store::browser::local_time;
use crate::ui::drafts::SessionHandle;
use crate::ui::use_lang;
use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

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
}

/// The opener's state and what it works on. Copy: every field is a handle.
#[derive(Clone, Copy)]
struct Opener {
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
        let state = self.state;
        state.set(Opening::Busy(if password.is_some() { Progress::DerivingKey } else { Progress::Inflating }));
        spawn_local(async move {
            let progress = move |p| state.set(Opening::Busy(p));
            let next = match open_link(&link, password.as_deref(), &progress).await {
                Ok(scenario) => self.add_draft(&scenario),
                Err(e @ (ShareError::WrongPasswordOrAltered | ShareError::NeedsPassword)) => Opening::Password { link, error: Some(e) },
                Err(e) => Opening::Failed(e),
            };
            state.set(next);
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
}

/// The banner of a link being opened (nothing while there is none).
pub fn link_banner(drafts: SessionHandle) -> impl IntoView {
    let opener = Opener { state: RwSignal::new(Opening::Idle), drafts, lang: use_lang() };
    opener.read_address();
    // A link pasted into the address bar of this page does not reload it.
    let _ = window_event_listener(ev::hashchange, move |_| opener.read_address());
    move || {
        let lang = opener.lang.get();
        let t = lang.share();
        let idle = Callback::new(move |_| opener.state.set(Opening::Idle));
        let view = match opener.state.get() {
            Opening::Idle => return None,
            Opening::Busy(p) => Either::Left(banner("", "link-busy", lang.share_progress(p).to_owned(), vec![])),
            Opening::Password { link, error } => Either::Right(password_prompt(opener, link, error.map(|e| lang.share_error(&e)))),
            Opening::Opened { id, previous, name } => {
                let discard = Callback::new(move |_| opener.discard(&id, &previous));
                let actions = vec![(t.keep, "link-keep", idle), (t.discard, "link-discard", discard)];
                Either::Left(banner("ok", "link-opened", fill(t.opened, &[&name]), actions))
            }
            // Why a link was not opened; nothing was changed.
            failed => {
                let reason = if let Opening::Failed(e) = failed { lang.share_error(&e) + " " } else { String::new() };
                Either::Left(banner("bad", "link-failed", reason + t.nothing_changed, vec![(t.close, "link-dismiss", idle)]))
            }
        };
        Some(view)
    }
}

/// Asks for an encrypted link's password; "cancel" leaves everything as it was.
fn password_prompt(opener: Opener, link: Link, error: Option<String>) -> impl IntoView {
    let t = opener.lang.get_untracked().share();
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let password = input.get_untracked().map(|i| i.value());
        opener.open(link.clone(), password);
    };
    // Focus the field when the prompt appears.
    input.on_load(|i| {
        let _ = i.focus();
    });
    view! {
        <form class="share-banner ask" data-testid="link-password-prompt" on:submit=submit>
            <p id="link-password-prompt">{t.password_prompt}</p>
            {error.map(|e| view! { <p class="share-error" role="alert" data-testid="link-error">{e}</p> })}
            <div class="share-password">
                <label for="link-password">{t.password_label}</label>
                <input id="link-password" type="password" autocomplete="off" required aria-describedby="link-password-prompt" data-testid="link-password" node_ref=input />
            </div>
            <div class="share-actions">
                <button type="submit" data-testid="link-open">{t.open}</button>
                <button type="button" data-testid="link-cancel" on:click=move |_| opener.state.set(Opening::Idle)>{t.cancel}</button>
            </div>
        </form>
    }
}
