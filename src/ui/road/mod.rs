//! The road to debt-free (还清路线, issue 12): the strategies side by side
//! with the pick, the custom order and the budget; the picked plan's
//! stacked balance chart; prepayments per loan; the calendar download.
//! Collapsed by default, and drawn only while open (the page stays short
//! and typing elsewhere stays fast). The "我每月能还" solver sits in each
//! loan's results ([`Solver`]). Figures come from the road's one memo,
//! computed only while the section is open (`present::road::RoadShown`,
//! which names the loans the road leaves out, and each loan's
//! `LoanEntry::prepaid`), and `crate::present::road`; components only ask
//! and show. The open section is HTML text ([`markup`], its inputs
//! [`fields`]: a fraction of `view!`'s bundle cost) drawn by one effect.

mod fields;
mod markup;
mod plan;
mod prepay;
mod solver;

pub use solver::Solver;

use super::page::{use_page, Page};
use super::use_lang;
use super::widgets::say;
use crate::i18n::{Lang, RoadPageText, RoadText};
use crate::present::road::RoadShown;
use crate::engine::Prepaid;
use crate::scenario::road::PrepaidByEffect;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The road's words the page shows while the section is closed, in the
/// current language, reactively.
fn use_words() -> impl Fn() -> &'static RoadPageText + Copy {
    let lang = use_lang();
    move || lang.get().road_page()
}

/// The open section's words: fetched, in the language they are in.
type Words = RwSignal<Option<&'static RoadText>>;

/// The open section's words of one language are a chunk of their own
/// (`road_zh`, `road_en`: half the words the road's chunk held), fetched
/// with the road's code for the page's language, and for the other one if
/// the language is switched while the section is open. Only the main wasm
/// calls their loaders: it hands the road's chunk [`follow`] (as the kit's
/// words, `kit::words_zh`).
#[leptos::wasm_split::wasm_split(road_zh, wasm_split_path = ::leptos::wasm_split, fallible)]
fn words_zh() -> Result<&'static RoadText, leptos::wasm_split::SplitLoaderError> {
    Ok(&crate::i18n::ROAD_ZH)
}

#[leptos::wasm_split::wasm_split(road_en, wasm_split_path = ::leptos::wasm_split, fallible)]
fn words_en() -> Result<&'static RoadText, leptos::wasm_split::SplitLoaderError> {
    Ok(&crate::i18n::ROAD_EN)
}

/// The road's words of `lang`, fetched.
async fn words_of(lang: Lang) -> Result<&'static RoadText, leptos::wasm_split::SplitLoaderError> {
    match lang {
        Lang::Zh => words_zh().await,
        Lang::En => words_en().await,
    }
}

/// Fetches the words of `lang` into `words` ([`super::lazy::fetch_words`]).
fn follow(lang: Lang, words: Words) {
    super::lazy::fetch_words(words, words_of(lang));
}

/// Whether a `<details>` is open, from its `toggle` event.
fn is_open(ev: &leptos::ev::Event) -> bool {
    event_target::<web_sys::HtmlDetailsElement>(ev).open()
}

/// After a part is drawn again, focus the first of `ids` that is there and
/// enabled (keyboard users keep their place).
fn refocus(ids: Vec<String>) {
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let usable = ids.iter().filter_map(|i| doc.get_element_by_id(i)).find(|e| !e.has_attribute("disabled"));
        if let Some(el) = usable.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// The element a click landed in that matches `selector` (delegated handlers).
fn clicked(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// What the road's buttons and choices change in the document.
enum RoadEdit {
    Pick(crate::engine::PayoffKind),
    /// A loan (by id) one place up (`true`) or down the custom order.
    Move(String, bool),
    AddPrepayment(crate::form::LoanKey),
    RemovePrepayment(crate::form::LoanKey, u16),
}

/// Makes `edit`: every control of the road goes through this one edit of
/// the page (one copy of its code instead of one per control).
fn edit(page: super::page::Page, edit: RoadEdit) {
    page.edit(|f| match edit {
        RoadEdit::Pick(kind) => f.pick_payoff(kind),
        RoadEdit::Move(id, up) => f.move_in_order(&id, up),
        RoadEdit::AddPrepayment(loan) => {
            f.add_prepayment(loan);
        }
        RoadEdit::RemovePrepayment(loan, item) => f.remove_prepayment(loan, item),
    });
}

#[component]
pub fn RoadSection() -> impl IntoView {
    let open = RwSignal::new(false);
    provide_context(plan::Calendar(plan::calendar_clicked));
    let lang = use_lang();
    let words: Words = RwSignal::new(None);
    // The road's code, and its words in the page's language: both fetched
    // at once (`follow` starts the words' fetch; awaiting them again joins it).
    let fetch = move || async move {
        let lang = lang.get_untracked();
        follow(lang, words);
        load_road().await?;
        words.set(Some(words_of(lang).await?));
        Ok(())
    };
    view! {
        <details id="road" class="card road" data-testid="road" on:toggle=move |ev| open.set(is_open(&ev))>
            <summary data-testid="road-toggle"><h2>{say(|l| l.road_page().heading)}</h2></summary>
            {move || open.get().then(|| super::lazy::lazy(fetch, move || road_body(words, follow)))}
        </details>
    }
}

/// The road's figures: the payoff with the loans it leaves out, and each
/// loan's prepaid figures (as entered, and under each effect), by position.
/// Computed by the draw effect (no memo: each memo's type is code of its
/// own, and this one's was a chunk the road and the calendar shared); the
/// last drawn are kept for the calendar download ([`KEPT`]).
pub(super) struct Figures {
    shown: RoadShown,
    loans: Vec<(Option<Prepaid>, Option<PrepaidByEffect>)>,
}

/// What the calendar download reads (`plan::download_calendar`): the
/// figures the section drew last (none while it is closed), and the loans'
/// next due dates as the page dated them when the download was asked for.
/// Kept here, not handed over: what the main wasm's `plan::calendar_clicked`
/// carries to the calendar's chunk would be drop code in the main wasm.
pub(super) struct Kept {
    figures: Option<std::rc::Rc<Figures>>,
    next_due: Vec<Option<crate::engine::Date>>,
}

std::thread_local! {
    pub(super) static KEPT: std::cell::RefCell<Kept> = const { std::cell::RefCell::new(Kept { figures: None, next_due: Vec::new() }) };
}

/// The open section's state: its words (and the page's language they
/// follow), whether the chart's table is open, and the calendar download.
/// Its figures are computed only while it is open (issue 13), by its draw
/// effect.
#[derive(Clone, Copy)]
struct Road {
    lang: RwSignal<Lang>,
    words: Words,
    /// Fetches another language's words: the main wasm's, handed over ([`follow`]).
    follow: fn(Lang, Words),
    page: Page,
    table_open: RwSignal<bool>,
    calendar: Option<plan::Calendar>,
}

/// The open section: its own chunk, fetched when first opened (`ui::lazy`).
/// Its parts are HTML text in an empty `<div>` its one effect draws into
/// ([`draw`], [`root`]); one listener reads their events. No `view!`: each
/// `view!` tree, and each `on:` in it, is render code of its own type.
#[leptos::wasm_split::wasm_split(road, wasm_split_path = ::leptos::wasm_split, preload(load_road), fallible)]
fn road_body(words: Words, follow: fn(Lang, Words)) -> super::lazy::Chunk {
    let page = use_page();
    let road = Road { lang: use_lang(), words, follow, page, table_open: RwSignal::new(false), calendar: use_context::<plan::Calendar>() };
    // Closed again: the figures kept for the calendar, and the body, go
    // with the section.
    on_cleanup(|| {
        KEPT.with(|k| k.borrow_mut().figures = None);
        if let Some(el) = document().query_selector(BODY).ok().flatten() {
            el.remove();
        }
    });
    Effect::new(move |drawn: Option<Drawn>| {
        let mut drawn = drawn.unwrap_or_default();
        if let Some(root) = root(road, &mut drawn) {
            draw(road, &root, &mut drawn);
        }
        drawn
    });
    Ok(().into_any())
}

/// The body's element (the page has one).
const BODY: &str = ".road-body";

/// The body's element, a `<div class="road-body">` at the end of the
/// section's `<details>`, made by the effect's first run (the section is on
/// the page by then) with the one listener of its parts' clicks, inputs and
/// changes, kept in `drawn` (dropped with the effect when the section
/// closes, after the body left the page). Found by its class, not by a
/// `NodeRef`, and made through the DOM, not a `view!`: each is code of its own.
fn root(road: Road, drawn: &mut Drawn) -> Option<Element> {
    let doc = document();
    if let Some(el) = doc.query_selector(BODY).ok().flatten() {
        return Some(el);
    }
    let el = doc.create_element("div").ok()?;
    el.set_class_name(&BODY[1..]);
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| match ev.type_().as_str() {
        "click" => plan::on_click(road, &ev),
        kind => fields::typed(road.page, &ev, kind == "change"),
    });
    for kind in ["click", "input", "change"] {
        let _ = el.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    drawn.listener = Some(listener);
    doc.get_element_by_id("road")?.append_child(&el).ok()?;
    Some(el)
}

/// The parts of the body, each in a `<div data-part="k">`, and the live
/// region the calendar download speaks in (after the plan).
const SKELETON: &str = r#"<div data-part="0"></div><div data-part="1"></div><p role="status" id="calendar-status" data-testid="calendar-status"></p><div data-part="2"></div><div data-part="3"></div>"#;
const BUDGET: usize = 0;
const PLAN: usize = 1;
const PREPAY_HEAD: usize = 2;
const LOANS: usize = 3;

/// What the effect drew last: each part's text, and each loan's effects;
/// and the body's listener ([`root`]).
#[derive(Default)]
struct Drawn {
    parts: [String; 4],
    effects: Vec<String>,
    listener: Option<wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>>,
}

/// Part `k` under `root`, its HTML set to `html` unless it was drawn so
/// already (a redraw would lose the focus and what is typed); whether it was drawn anew.
fn part(root: &Element, drawn: &mut Drawn, k: usize, html: String) -> bool {
    let Some(el) = root.query_selector(&["[data-part=\"", &k.to_string(), "\"]"].concat()).ok().flatten() else { return false };
    let anew = drawn.parts[k] != html;
    if anew {
        el.set_inner_html(&html);
        drawn.parts[k] = html;
    }
    anew
}

/// Draws every part (each only when its text changed), each loan's effects,
/// and brings the inputs' values and problems in step.
fn draw(road: Road, root: &Element, drawn: &mut Drawn) {
    if root.child_element_count() == 0 {
        root.set_inner_html(SKELETON);
    }
    let page_lang = road.lang.get();
    // Fetched before the body was built (`RoadSection`); drawn in their
    // language until the page's arrives.
    let Some(w) = road.words.get() else { return };
    if w.lang != page_lang {
        (road.follow)(page_lang, road.words);
    }
    let (lang, page) = (w.lang, road.page);
    let (budget, loans) = {
        let f = page.form();
        (prepay::budget(lang, &f), prepay::html(w, &f))
    };
    part(root, drawn, BUDGET, budget);
    let table_open = road.table_open.get();
    // Guards (see `plan::html`); the evaluation before the debts it analysed.
    let figures = {
        let (s, e) = (page.last_valid.read(), page.evaluation.read());
        std::rc::Rc::new(Figures { shown: RoadShown::of(&s, &e, &page.analysed_read()), loans: s.loans.iter().map(|l| l.prepaid()).collect() })
    };
    {
        part(root, drawn, PLAN, plan::html(w, page, &figures.shown, table_open));
        let mut head = String::new();
        markup::put(&mut head, r#"<h3>{}</h3><p class="explain">{}</p>"#, &[w.prepay_heading, w.prepay_intro]);
        part(root, drawn, PREPAY_HEAD, head);
        if part(root, drawn, LOANS, loans) {
            drawn.effects.clear();
        }
        let mut n = 0;
        while let Some(slot) = root.query_selector(&["[data-n=\"", &n.to_string(), "\"] > [data-effects]"].concat()).ok().flatten() {
            let html = prepay::effects(w, figures.loans.get(n));
            if drawn.effects.get(n) != Some(&html) {
                slot.set_inner_html(&html);
                drawn.effects.resize(drawn.effects.len().max(n + 1), String::new());
                drawn.effects[n] = html;
            }
            n += 1;
        }
    }
    KEPT.with(|k| k.borrow_mut().figures = Some(figures));
    fields::sync_all(root, lang, page);
}
