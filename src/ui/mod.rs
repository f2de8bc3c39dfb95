//! The page: small Leptos components over the pure modules. The page's
//! model is [`page::Page`] (the whole document, `crate::form`), the drafts
//! are `crate::store::session`, decisions are `crate::present`, words are
//! `crate::i18n`; components only ask and show.

mod as_of;
mod budget;
mod chart;
mod download;
mod drafts;
mod glossary;
mod field_markup;
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

/// Mounts the page once the words of its language are here (a chunk per
/// language, `i18n::Words`: a visitor fetches only their own; shell-lang.js
/// preloads it beside the wasm) and, if storage holds drafts, the code that
/// reads them (a chunk: a first visit has nothing to read, issue 13). If the
/// reading code cannot be fetched, the page opens read-only and says so
/// (`Status::Unread`): nothing stored is touched. If the language's words
/// cannot be fetched the page opens in the other language if its words can
/// be; with neither (offline before the service worker cached them) the
/// static first paint stays, with a line saying why.
pub fn mount() {
    console_error_panic_hook::set_once();
    let backend = AnyBackend::detect();
    let lang = stored_lang(&backend).and_then(|t| Lang::from_tag(&t)).unwrap_or_default();
    let drafts = crate::store::holds_drafts(&backend);
    wasm_bindgen_futures::spawn_local(async move {
        // Both fetches start at once (each starts when first polled).
        let reading = async move { !drafts || crate::store::browser::load_reading().await };
        let (words, _) = both(crate::i18n::load_words(lang), reading).await;
        // The stored language's words, or the other's if only those came.
        let lang = if words { lang } else { lang.other() };
        if words || crate::i18n::load_words(lang).await {
            leptos::mount::mount_to_body(move || App(AppProps { backend, lang }));
        } else {
            no_words();
        }
    });
}

/// Awaits two futures side by side.
async fn both<A: std::future::Future, B: std::future::Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        use std::task::Poll;
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (ra, rb) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// No language's words could be fetched: the static first paint stays and
/// says so (in both languages: it cannot know which is read).
fn no_words() {
    alert_line("body", "no-words", Some("无法载入页面，请联网后重新打开。Could not load the page: connect and reload."));
}

/// A `role="alert"` line `id` (its test id) at the end of `parent` saying
/// `text`, or with `None` no such line. Drawn outside Leptos's views: the
/// page's rare failures need no reactive code of their own.
fn alert_line(parent: &str, id: &str, text: Option<&str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let old = doc.query_selector(&["[data-testid=", id, "]"].concat()).ok().flatten();
    match (old, text) {
        (Some(line), None) => line.remove(),
        (Some(line), Some(text)) => line.set_text_content(Some(text)),
        (None, Some(text)) => {
            if let (Ok(Some(parent)), Ok(line)) = (doc.query_selector(parent), doc.create_element("p")) {
                line.set_text_content(Some(text));
                let _ = line.set_attribute("role", "alert");
                let _ = line.set_attribute("class", "lazy-status");
                let _ = line.set_attribute("data-testid", id);
                let _ = parent.append_child(&line);
            }
        }
        (None, None) => {}
    }
}

/// How far the page is drawn: at mount nothing (storage is read, the page
/// set up; index.html's static first paint stays), then the header, the
/// list of sections and index.html's empty summary card in its place, with
/// the first evaluation in the same task (the page looks as the shell did:
/// no frame is owed in between), the summary, and one more part per task,
/// top to bottom, so no single task blocks the page for long (issue 13:
/// total blocking time) and nothing drawn moves (the card is replaced in
/// place, sections only add below, a folded loan's fields fill in while it
/// is folded). Each step is a task of its own, often with a style and
/// layout after it (30–55 ms each at 4× CPU, a trace of wave 11): the steps
/// before the page answers are only those that draw something one sees (5
/// timer tasks from the wasm's arrival to the results instead of 7).
#[derive(Clone, Copy)]
struct Drawn(RwSignal<usize>);

/// The drawing steps, in order (mount is 0).
mod step {
    /// The header, the section list and `<main>` in the shell's place, and
    /// the first evaluation (the summary's task only draws).
    pub const PAGE: usize = 1;
    pub const SUMMARY: usize = 2;
    pub const LOANS: usize = 3;
    /// The budget, and with it the fields of the loans folded to one line
    /// (with several loans): fields no one sees yet; and what is below the
    /// cards (the settings for all loans, "add a loan"). (A loan's overdue
    /// and "more" parts are drawn when first opened, not at a step.)
    pub const BUDGET: usize = 4;
    pub const LOAN_DETAILS: usize = BUDGET;
    pub const RESULTS: usize = 5;
    pub const STAND: usize = 6;
    pub const PROPOSALS: usize = 7;
    pub const KIT: usize = 8;
    pub const ROAD: usize = 9;
    pub const GLOSSARY: usize = 10;
    /// The drafts panel, and autosave's first look at the document (a
    /// first visit's new draft is stored then; leaving the page and
    /// dropped files are followed from then).
    pub const DRAFTS: usize = 11;
}

/// The last step: every section and the footer are drawn.
const LAST_STEP: usize = 12;

impl Drawn {
    fn start(page: Page) -> Self {
        let drawn = Self(RwSignal::new(0));
        drawn.next(page);
        drawn
    }

    /// Draws the next step on a later task, and the one after it from there.
    /// Before the first section of the chunk below the results, the drawing
    /// waits until that chunk is fetched (or failed: its sections say so),
    /// so the sections below still come in order, each drawn at once.
    fn next(self, page: Page) {
        set_timeout(
            move || {
                let more = self.0.try_update(|n| {
                    *n += 1;
                    *n < LAST_STEP
                });
                let drawn = self.0.get_untracked();
                if drawn == step::PAGE {
                    page.evaluation.with_untracked(|_| ());
                }
                match more {
                    Some(true) if drawn + 1 == step::STAND => leptos::task::spawn_local(async move {
                        below().await;
                        self.next(page);
                    }),
                    Some(true) => self.next(page),
                    _ => (),
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Whether the drawing has reached step `at` (changes once).
    fn reached(self, at: usize) -> Memo<bool> {
        Memo::new(move |_| self.0.get() >= at)
    }

    /// Whether the page is still being drawn (`aria-busy` on `<main>`).
    fn busy(self) -> bool {
        self.0.get() < LAST_STEP
    }
}

/// index.html's empty summary card (its static shell), until the summary is
/// drawn in its place.
#[component]
fn SummaryShell() -> impl IntoView {
    view! {
        <div class="card summary shell-card" aria-hidden="true">
            <div class="shell-bar"></div>
            <div class="shell-bar"></div>
            <div class="shell-bar short"></div>
        </div>
    }
}

/// Its children, once the page's drawing has reached `at`. (Erased,
/// `ChildrenFn`: typed children, `TypedChildrenFn`, made each of the seven
/// steps a render effect of its own type: +10 KB raw code, wave 13.)
#[component]
fn Step(at: usize, children: ChildrenFn) -> impl IntoView {
    let due = expect_context::<Drawn>().reached(at);
    move || due.get().then(|| children())
}

/// What storage holds, read before the page exists: the drafts and the
/// document to open, in `lang` (whose words `mount` fetched).
fn boot(backend: AnyBackend, lang: Lang) -> (Session<AnyBackend, BrowserClock>, crate::scenario::Scenario) {
    let t = lang.drafts();
    let describe = move |s: &crate::scenario::Scenario| lang.describe(s);
    let names = Names { draft: t.default_name, recovered: t.recovered_name, describe: &describe };
    // A first visit's new draft is stored at the drafts step (`drafts::SessionHandle`).
    Session::start_unstored(backend, BrowserClock, crate::store::browser::READER, &names)
}

/// The page on `backend` (detected once, by `mount`) in `lang`.
#[component]
fn App(backend: AnyBackend, lang: Lang) -> impl IntoView {
    let (session, scenario) = boot(backend, lang);
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
    // What the chunk below the results opens, from the main wasm (`lazy::handed`).
    lazy::hand(schedule::open_schedule);
    lazy::hand(proposals::compare::side_by_side);
    let drawn = Drawn::start(page);
    provide_context(drawn);
    let drafts = drafts::SessionHandle::start(session, page, lang, drawn.reached(step::DRAFTS));
    let due = drawn.reached(step::PAGE);
    move || due.get().then(|| view! { <Body drafts=drafts /> })
}

/// The page: index.html's static first paint gives way to it in the same
/// task (one frame: nothing shifts).
#[component]
fn Body(drafts: drafts::SessionHandle) -> impl IntoView {
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
    let drawn = expect_context::<Drawn>();
    let summary = drawn.reached(step::SUMMARY);
    view! {
        <Header drafts=drafts />
        <SectionNav />
        // The page's sections, in order (SECTIONS lists their anchors), each
        // drawn at its step. Another lane's section mounts here with one
        // component call, collapsed by default; add its anchor to SECTIONS.
        <main id="main" aria-busy=move || drawn.busy().then_some("true")>
            <share::Banners drafts=drafts />
            <Unread drafts=drafts />
            <as_of::AsOfNote />
            // Erased, as every step and lazy section is (`AnyView`): an
            // `Either` was a render state type of its own.
            {move || match summary.get() {
                false => view! { <SummaryShell /> }.into_any(),
                true => view! { <summary::SummarySection /> }.into_any(),
            }}
            <Step at=step::LOANS><loans::LoansSection /></Step>
            <Step at=step::BUDGET><budget::BudgetSection /></Step>
            <Step at=step::RESULTS><results::Results /></Step>
            <Step at=step::STAND>{lazy::lazy(load_below, stand_below)}</Step>
            <Step at=step::PROPOSALS>{lazy::lazy(load_proposals, proposals_below)}</Step>
            <Step at=step::KIT><kit::KitSection /></Step>
            <Step at=step::ROAD><road::RoadSection /></Step>
            <Step at=step::GLOSSARY>{lazy::lazy(load_glossary, glossary_below)}</Step>
            <Step at=step::DRAFTS>{lazy::lazy(load_drafts, move || drafts_below(drafts))}</Step>
        </main>
        <Step at=LAST_STEP><Footer /></Step>
    }
}

// The sections below the results that need no other chunk (where you
// stand, the proposals, the glossary, the drafts panel): one chunk,
// `step_below` (`step_`: fetched at a drawing step, without a user action;
// tests/size-report.mjs counts such chunks in the first load), fetched when
// the results are drawn (issue 13: the page answers without
// them, and the main wasm's download is the Fast-3G critical path). A split
// function per section, all in the one chunk. Their code must not reach a
// loader: the schedule and the comparison they open are handed over
// (`lazy::hand`, in `App`).

/// Fetches the chunk below the results (each section's loader learns it
/// is there, so each is built at once at its step).
async fn below() {
    if load_below().await.is_ok() {
        let _ = load_proposals().await;
        let _ = load_glossary().await;
        let _ = load_drafts().await;
    }
}

#[leptos::wasm_split::wasm_split(step_below, wasm_split_path = ::leptos::wasm_split, preload(load_below), fallible)]
fn stand_below() -> lazy::Chunk {
    Ok(view! { <stand::StandSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(step_below, wasm_split_path = ::leptos::wasm_split, preload(load_proposals), fallible)]
fn proposals_below() -> lazy::Chunk {
    Ok(view! { <proposals::ProposalsSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(step_below, wasm_split_path = ::leptos::wasm_split, preload(load_glossary), fallible)]
fn glossary_below() -> lazy::Chunk {
    Ok(view! { <glossary::Glossary /> }.into_any())
}

#[leptos::wasm_split::wasm_split(step_below, wasm_split_path = ::leptos::wasm_split, preload(load_drafts), fallible)]
fn drafts_below(drafts: drafts::SessionHandle) -> lazy::Chunk {
    Ok(view! { <drafts::DraftsPanel drafts=drafts /> }.into_any())
}

/// The stored drafts could not be read (their chunk did not come): said at
/// the top, with a reload (the page saves nothing meanwhile).
#[component]
fn Unread(drafts: drafts::SessionHandle) -> impl IntoView {
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    untrack(|| drafts.with(|s| s.unread())).then(|| {
        view! {
            <div class="banner bad" role="alert" data-testid="drafts-unread">
                <p>{widgets::say(|l| l.drafts().unread)}</p>
                <button type="button" on:click=reload>{widgets::say(|l| l.page().lazy_retry)}</button>
            </div>
        }
    })
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
/// keyboard reaches. Its links are HTML text (`markup`): one redraw per
/// language, not one per link.
#[component]
fn SectionNav() -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="sections" aria-label=move || lang.get().page().nav_label>
            <ul inner_html=move || section_links(lang.get())></ul>
        </nav>
    }
}

fn section_links(lang: Lang) -> String {
    let names = lang.page().nav;
    let mut out = String::new();
    for &(id, name) in &SECTIONS {
        out.push_str(r##"<li><a href="#"##);
        out.push_str(id);
        out.push_str(r#"">"#);
        out.push_str(&widgets::escape_html(names[name]));
        out.push_str("</a></li>");
    }
    out
}

#[component]
fn Header(drafts: drafts::SessionHandle) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    // The other language's words are a chunk: the page switches once they
    // are here, and stays as it is, saying why, if they cannot be fetched.
    // Each click turns the language wanted; a click while words come
    // decides over the ones before it.
    let wanted = std::rc::Rc::new(std::cell::Cell::new(lang.get_untracked()));
    let switch = move |_| {
        let next = wanted.get().other();
        wanted.set(next);
        let wanted = wanted.clone();
        leptos::task::spawn_local(async move {
            let ok = crate::i18n::load_words(next).await;
            if wanted.get() != next {
                return;
            }
            let now = lang.get_untracked();
            alert_line("header.top", "lang-failed", (!ok).then(|| now.text().switch_failed));
            if !ok {
                wanted.set(now);
            } else if now != next {
                lang.set(next);
                drafts.save_lang(next);
            }
        });
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

#[component]
fn Footer() -> impl IntoView {
    let t = use_text();
    view! {
        <footer class="foot">
            <p>{move || t().footer}</p>
        </footer>
    }
}
