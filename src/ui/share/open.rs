//! Opening a share link: at start (and when a link is pasted into the
//! address bar of an open page) the fragment is read and removed from the
//! address bar. A good link becomes a NEW draft ("来自链接 …"), never
//! changing an existing one, and a banner offers to keep or discard it; an
//! encrypted link asks for its password first; a bad link says why in a
//! banner and changes nothing.

use super::use_share_text;
use crate::i18n::{clock, fill, Lang};
use crate::scenario::Scenario;
use crate::share::browser::{open_link, take_link_fragment};
use crate::share::{Link, Progress, ShareError};
use crate::store::browser::local_time;
use crate::ui::drafts::SessionHandle;
use crate::ui::use_lang;
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

#[component]
pub fn LinkBanner(drafts: SessionHandle) -> impl IntoView {
    let opener = Opener { state: RwSignal::new(Opening::Idle), drafts, lang: use_lang() };
    opener.read_address();
    // A link pasted into the address bar of this page does not reload it.
    let _ = window_event_listener(ev::hashchange, move |_| opener.read_address());
    move || match opener.state.get() {
        Opening::Idle => None,
        Opening::Busy(p) => Some(view! { <Working step=p /> }.into_any()),
        Opening::Password { link, error } => Some(view! { <PasswordPrompt opener=opener link=link error=error /> }.into_any()),
        Opening::Opened { id, previous, name } => Some(view! { <OpenedBanner opener=opener id=id previous=previous name=name /> }.into_any()),
        Opening::Failed(e) => Some(view! { <FailedBanner opener=opener error=Some(e) /> }.into_any()),
        Opening::NotAdded => Some(view! { <FailedBanner opener=opener error=None /> }.into_any()),
    }
}

#[component]
fn Working(step: Progress) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="share-banner" role="status" data-testid="link-busy">
            <p>{move || lang.get().share_progress(step)}</p>
        </div>
    }
}

/// Asks for an encrypted link's password; "cancel" leaves everything as it was.
#[component]
fn PasswordPrompt(opener: Opener, link: Link, error: Option<ShareError>) -> impl IntoView {
    let t = use_share_text();
    let lang = use_lang();
    let password = RwSignal::new(String::new());
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        opener.open(link.clone(), Some(password.get_untracked()));
    };
    let input = NodeRef::<leptos::html::Input>::new();
    // Focus the field when the prompt (re)appears.
    Effect::new(move |_| {
        if let Some(i) = input.get() {
            let _ = i.focus();
        }
    });
    view! {
        <form class="share-banner ask" data-testid="link-password-prompt" on:submit=submit>
            <p id="link-password-prompt">{move || t().password_prompt}</p>
            {error.map(|e| view! { <p class="share-error" role="alert" data-testid="link-error">{move || lang.get().share_error(&e)}</p> })}
            <div class="share-password">
                <label for="link-password">{move || t().password_label}</label>
                <input id="link-password" type="password" autocomplete="off" required aria-describedby="link-password-prompt"
                    data-testid="link-password" node_ref=input on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <div class="share-actions">
                <button type="submit" data-testid="link-open">{move || t().open}</button>
                <button type="button" data-testid="link-cancel" on:click=move |_| opener.state.set(Opening::Idle)>{move || t().cancel}</button>
            </div>
        </form>
    }
}

#[component]
fn OpenedBanner(opener: Opener, id: String, previous: String, name: String) -> impl IntoView {
    let t = use_share_text();
    view! {
        <div class="share-banner ok" role="status" data-testid="link-opened">
            <p>{move || fill(t().opened, &[&name])}</p>
            <div class="share-actions">
                <button type="button" data-testid="link-keep" on:click=move |_| opener.state.set(Opening::Idle)>{move || t().keep}</button>
                <button type="button" data-testid="link-discard" on:click=move |_| opener.discard(&id, &previous)>{move || t().discard}</button>
            </div>
        </div>
    }
}

/// Why a link was not opened; nothing was changed.
#[component]
fn FailedBanner(opener: Opener, error: Option<ShareError>) -> impl IntoView {
    let t = use_share_text();
    let lang = use_lang();
    let reason = move || error.as_ref().map(|e| lang.get().share_error(e));
    view! {
        <div class="share-banner bad" role="alert" data-testid="link-failed">
            <p>{reason} " " {move || t().nothing_changed}</p>
            <div class="share-actions">
                <button type="button" data-testid="link-dismiss" on:click=move |_| opener.state.set(Opening::Idle)>{move || t().close}</button>
            </div>
        </div>
    }
}
