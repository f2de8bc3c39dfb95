//! The page: small Leptos components over the pure modules. The page's
//! model is [`page::Page`] (the whole document, `crate::form`), the drafts
//! are `crate::store::session`, decisions are `crate::present`, words are
//! `crate::i18n`; components only ask and show.

mod as_of;
mod budget;
mod chart;
mod download;
mod drafts;
mod facts;
mod glossary;
mod inputs;
mod kit;
mod lazy;
mod loans;
mod markup;
mod page;
mod proposals;
mod remaining_total;
mod results;
mod road;
mod schedule;
mod share;
mod stand;
mod summary;
mod widgets;

use crate::i18n::{Lang, Text};
use crate::store::browser::{AnyBackend, BrowserClock};
use crate::store::{stored_lang, Names, Session};
use leptos::prelude::*;
use page::Page;

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// The strings of the current language, reactively.
pub fn use_text() -> impl Fn() -> &'static Text + Copy {
    let Language(lang) = expect_context::<Language>();
    move || lang.get().text()
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<Language>().0
}

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// What storage holds, read before the page exists: the language, the
/// drafts and the document to open.
fn boot() -> (Lang, Session<AnyBackend, BrowserClock>, crate::scenario::Scenario) {
    let backend = AnyBackend::detect();
    let lang = stored_lang(&backend).and_then(|t| Lang::from_tag(&t)).unwrap_or_default();
    let t = lang.drafts();
    let describe = move |s: &crate::scenario::Scenario| lang.describe(s);
    let names = Names { draft: t.default_name, recovered: t.recovered_name, describe: &describe };
    let (session, scenario) = Session::start(backend, BrowserClock, &names);
    (lang, session, scenario)
}

#[component]
fn App() -> impl IntoView {
    let (lang, session, scenario) = boot();
    let lang = RwSignal::new(lang);
    provide_context(Language(lang));
    // Keep <html lang> and the title in step with the chosen language.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", l.tag());
            }
            doc.set_title(l.text().app_title);
        }
    });
    let page = Page::new(scenario);
    provide_context(page);
    let drafts = drafts::SessionHandle::start(session, page, lang);
    view! {
        <Header drafts=drafts />
        <SectionNav />
        // The page's sections, in order (SECTIONS lists their anchors).
        // Another lane's section mounts here with one component call,
        // collapsed by default; add its anchor to SECTIONS.
        <main id="main">
            <share::Banners drafts=drafts />
            <as_of::AsOfNote />
            <summary::SummarySection />
            <loans::LoansSection />
            <budget::BudgetSection />
            <results::Results />
            <stand::StandSection />
            <proposals::ProposalsSection />
            <kit::KitSection />
            <road::RoadSection />
            <glossary::Glossary />
            <drafts::DraftsPanel drafts=drafts />
        </main>
        <Footer />
    }
}

/// The sections the list at the top links to: anchor, and the index of its
/// name in `PageText::nav`.
const SECTIONS: [(&str, usize); 10] = [
    ("summary", 0),
    ("loans", 1),
    ("budget", 2),
    ("results", 3),
    ("stand", 4),
    ("proposals", 5),
    ("kit", 6),
    ("road", 7),
    ("glossary", 8),
    ("drafts", 9),
];

/// One skip-link list to every section (issue 9 and 13): the first thing a
/// keyboard reaches.
#[component]
fn SectionNav() -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="sections" aria-label=move || lang.get().page().nav_label>
            <ul>
                {SECTIONS
                    .iter()
                    .map(|&(id, name)| view! { <li><a href=format!("#{id}")>{move || lang.get().page().nav[name]}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Header(drafts: drafts::SessionHandle) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let switch = move |_| {
        let next = lang.get_untracked().other();
        lang.set(next);
        drafts.save_lang(next);
    };
    view! {
        <header class="top">
            <div class="top-inner">
                <h1 data-testid="app-title">{move || t().app_title}</h1>
                <share::ShareButton />
                <button type="button" class="lang-toggle" data-testid="lang-toggle" on:click=switch>
                    {move || t().switch_language}
                </button>
            </div>
            <p class="tagline">{move || t().tagline}</p>
            <p class="privacy">{move || t().privacy_note}</p>
        </header>
    }
}

/// The evaluation's loan at `index` and its title (when there are several).
fn loan_at(index: usize) -> (Memo<Option<crate::scenario::LoanOutput>>, Memo<Option<crate::present::LoanTitle>>) {
    let page = page::use_page();
    let loan = Memo::new(move |_| page.evaluation.with(|e| e.loans.get(index).cloned()));
    let title = Memo::new(move |_| page.evaluation.with(|e| crate::present::LoanTitle::among(e, index)));
    (loan, title)
}

/// One view per loan of the evaluation, by position (drawn again when the
/// number of loans changes).
#[component]
fn EachLoan(each: fn(usize) -> AnyView) -> impl IntoView {
    let page = page::use_page();
    let count = Memo::new(move |_| page.evaluation.with(|e| e.loans.len()));
    move || (0..count.get()).map(each).collect_view()
}

#[component]
fn Footer() -> impl IntoView {
    let t = use_text();
    view! {
        <footer class="foot">
            <p>{move || t().footer}</p>
        </footer>
    }
}
