//! The negotiation kit (协商材料): what the borrower asks each lender, the
//! facts the letters need, the documents rendered from them (`crate::letter`),
//! the contact log with its conduct flags and the counter-offer check.
//!
//! Collapsed by default: nothing below the summary is built until the
//! section is opened (the page stays short and quick). Every figure comes
//! from the page's one evaluation and the kit's figures computed from it
//! while the section is open (`scenario::evaluate::kit_on`); the documents
//! are rendered from them by `crate::letter`, never formatted here.

mod about;
mod ask;
mod documents;
mod form;
mod log;
mod markup;
mod offer;
mod plan;
mod widgets;

pub use ask::{ask_for, pressed, use_as_ask};
pub use plan::{plan_pressed, use_plan};

use super::page::{use_page, Page};
use super::use_lang;
use crate::engine::Date;
use crate::form::{Form, Place};
use crate::scenario::Rule;
use crate::i18n::Lang;
use crate::letter::{LetterInput, Words};
use crate::scenario::kit::ContactEntry;
use crate::scenario::kit::figures::KitOutput;
use leptos::prelude::*;

/// The browser's local date.
pub fn today() -> Option<Date> {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// The section's heading in both languages, taken out of `KitText` when
/// compiling: the closed section is main-wasm code, and a `lang.kit()`
/// read there brings every word of the kit (its chunk's strings) into the
/// main wasm.
const HEADING: [&str; 2] = [crate::i18n::kit::KIT_ZH.heading, crate::i18n::kit::KIT_EN.heading];

/// What the open section's parts share: the documents' input, dated today,
/// and the state of the parts drawn as HTML text (passed down, not a
/// context: `expect_context` costs code of its own).
#[derive(Clone, Copy)]
struct Kit {
    today: Option<Date>,
    /// Whether the section is open now: the kit draws (and computes its
    /// figures) only while it is (issue 13).
    open: RwSignal<bool>,
    /// The page's language.
    lang: RwSignal<Lang>,
    /// The kit's texts, in the language last fetched: the kit is drawn in
    /// their language ([`words_zh`]).
    words: RwSignal<Option<&'static Words>>,
    /// Fetches the texts of another language (a language switch while the
    /// section is open): the main wasm's, handed over ([`follow`]).
    follow: fn(Lang, RwSignal<Option<&'static Words>>),
    /// Fetches the counter-offer check's chunk, then hands it to the
    /// function given: the main wasm's, handed over ([`load_check`]).
    check: Check,
    page: Page,
    /// What the parts drawn as HTML text show (one state: they are drawn
    /// by one effect; [`UiState`]).
    ui: UiState,
}

/// What the kit computes from the page's last valid document and its
/// evaluation: its figures, and from them the documents' input, dated today.
struct Docs {
    figures: KitOutput,
    input: Option<LetterInput>,
}

impl Docs {
    /// Computed from the page as it is now (tracked), through read guards
    /// as the road reads it (the guards' code is the road's; a `with`
    /// closure each would be a copy of the reads in the kit's chunk, and a
    /// memo of them its own type's memo code).
    fn now(page: Page, today: Option<Date>) -> Self {
        // The evaluation first: reading it brings the debts up to date.
        let (s, ev) = (page.last_valid.read(), page.evaluation.read());
        let figures = crate::scenario::evaluate::kit_on(&s, &page.analysed_read(), &ev);
        let input = crate::letter::build_with(&s, &ev, &figures, today);
        Self { figures, input }
    }
}

/// The state of the parts drawn as HTML text: a cell made once for the
/// body and kept for the page's life (leaked: a thread-local's lazy start
/// was inlined at each of its twenty uses), and a trigger that says it
/// changed (the page's follow-up is a trigger too: an `RwSignal<Ui>` would
/// be code of its own type). A read that meets a write in progress, or a
/// write a read, is skipped rather than a panic (the parts' HTML is set
/// outside the reads).
#[derive(Clone, Copy)]
struct UiState(Trigger, &'static std::cell::RefCell<Ui>);

impl UiState {
    /// Reads the state (tracked).
    fn with<T>(self, f: impl FnOnce(&Ui) -> T) -> Option<T> {
        self.0.track();
        self.with_untracked(f)
    }

    fn with_untracked<T>(self, f: impl FnOnce(&Ui) -> T) -> Option<T> {
        self.1.try_borrow().ok().map(|u| f(&u))
    }

    /// Changes the state; the parts follow.
    fn update(self, f: impl FnOnce(&mut Ui)) {
        if self.1.try_borrow_mut().map(|mut u| f(&mut u)).is_ok() {
            self.0.notify();
        }
    }
}

#[derive(Default)]
struct Ui {
    /// The document shown (its index in `Document::ALL`), the lender picked
    /// for it, and what the last copy did.
    doc: usize,
    account: String,
    copied: documents::Copied,
    /// The log's filter (a loan's id; empty for all), and the entry last
    /// removed (for undo).
    filter: String,
    removed: Option<(usize, ContactEntry)>,
    /// What was typed of a counter-offer, and the loan picked for it.
    typed: offer::Typed,
    offer_loan: String,
    /// The log's entry being edited.
    editing: Option<usize>,
    /// Where the counter-offer check's chunk is.
    check: offer::Load,
}

fn accounts(input: &Option<LetterInput>) -> &[crate::letter::Account] {
    input.as_ref().map_or(&[][..], |i| &i.accounts[..])
}

/// The lenders of the documents, `(loan id, name)`.
fn lenders(input: &Option<LetterInput>, lang: &'static Words) -> Vec<(String, String)> {
    accounts(input).iter().map(|a| (a.id.clone(), a.lender_name(lang.lang))).collect()
}

/// The lender shown: `chosen` while it is there, else the first with an
/// ask, else the first (no list of names made for it).
fn shown_lender(input: &Option<LetterInput>, chosen: &str) -> String {
    let accounts = accounts(input);
    let picked = accounts.iter().find(|a| a.id == chosen).or_else(|| accounts.iter().find(|a| a.ask.is_some())).or(accounts.first());
    picked.map(|a| a.id.clone()).unwrap_or_default()
}

/// The kit's texts of one language are a chunk of their own (`kit_zh`,
/// `kit_en`: the letters' templates and the kit's words, `letter::Words`),
/// fetched with the kit's code for the page's language, and for the other
/// one if the language is switched while the section is open. Only the
/// main wasm calls their loaders (`ui::lazy`): it hands the kit's chunk the
/// texts and [`follow`].
#[leptos::wasm_split::wasm_split(kit_zh, wasm_split_path = ::leptos::wasm_split, fallible)]
fn words_zh() -> Result<&'static Words, leptos::wasm_split::SplitLoaderError> {
    Ok(&crate::letter::WORDS_ZH)
}

#[leptos::wasm_split::wasm_split(kit_en, wasm_split_path = ::leptos::wasm_split, fallible)]
fn words_en() -> Result<&'static Words, leptos::wasm_split::SplitLoaderError> {
    Ok(&crate::letter::WORDS_EN)
}

/// The kit's texts of `lang`, fetched.
async fn words_of(lang: Lang) -> Result<&'static Words, leptos::wasm_split::SplitLoaderError> {
    match lang {
        Lang::Zh => words_zh().await,
        Lang::En => words_en().await,
    }
}

/// Fetches the texts of `lang` into `words` ([`super::lazy::fetch_words`]).
fn follow(lang: Lang, words: RwSignal<Option<&'static Words>>) {
    super::lazy::fetch_words(words, words_of(lang));
}

/// Fetches the counter-offer check's chunk, then hands `done` what it
/// holds (`None` if it could not be fetched).
type Check = fn(fn(Option<offer::Later>));

/// The counter-offer check is a chunk of its own (`offer`), fetched the
/// first time an offer is typed ([`offer::Load`]), or one of the actions it
/// holds is first clicked ([`later`]); only the main wasm calls its loader
/// (as [`words_zh`]'s): the kit's chunk is handed [`load_check`].
#[leptos::wasm_split::wasm_split(offer, wasm_split_path = ::leptos::wasm_split, fallible)]
fn checker() -> Result<offer::Later, leptos::wasm_split::SplitLoaderError> {
    Ok(offer::Later { check: offer::checked, act: acted })
}

fn load_check(done: fn(Option<offer::Later>)) {
    leptos::task::spawn_local(async move { done(checker().await.ok()) });
}

/// The section: a `<details>` whose body is built when first opened.
#[component]
pub fn KitSection() -> impl IntoView {
    let lang = use_lang();
    let words = RwSignal::new(None);
    // The kit's code, and its texts in the page's language: both fetched
    // at once (`follow` starts the texts' fetch; awaiting them again joins it).
    let fetch = move || async move {
        let lang = lang.get_untracked();
        follow(lang, words);
        load_kit().await?;
        words.set(Some(words_of(lang).await?));
        Ok(())
    };
    let opened = RwSignal::new(false);
    let now = RwSignal::new(false);
    let toggle = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let open = ev.target().and_then(|e| e.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        now.set(open);
        if open {
            opened.set(true);
        }
    };
    view! {
        <section id="kit" class="card kit" aria-labelledby="kit-h" data-testid="kit">
            <details on:toggle=toggle>
                <summary data-testid="kit-open">
                    <h2 id="kit-h">{crate::ui::widgets::say(|l| l.pick(HEADING))}</h2>
                </summary>
                <Show when=move || opened.get()>
                    {super::lazy::lazy(fetch, move || kit_body(words, follow, load_check, now))}
                </Show>
            </details>
        </section>
    }
}

/// The kit's code is its own chunk, fetched when the section is first
/// opened (`ui::lazy`).
#[leptos::wasm_split::wasm_split(kit, wasm_split_path = ::leptos::wasm_split, preload(load_kit), fallible)]
fn kit_body(words: RwSignal<Option<&'static Words>>, follow: fn(Lang, RwSignal<Option<&'static Words>>), check: Check, open: RwSignal<bool>) -> super::lazy::Chunk {
    Ok(body(words, follow, check, open))
}

/// The kit's parts, in the page's order, each drawn as HTML text into a
/// `<div data-part="k">` of the body: the asks (with the intro), the facts
/// the letters need, the expenses' total, the documents, the log's
/// controls, the entry being edited, the log's entries, the counter-offer's
/// form and its check. One effect draws them all ([`draw`]); one handler
/// per kind of event reads them ([`on_click`], [`on_edit`]). No `view!` but
/// the body's root: each `view!` tree is render code of its own type.
const PARTS: usize = 9;
const ASKS: usize = 0;
const ABOUT: usize = 1;
const TOTAL: usize = 2;
const DOCS: usize = 3;
const LOG: usize = 4;
const EDITOR: usize = 5;
const ENTRIES: usize = 6;
const OFFER: usize = 7;
const CHECK: usize = 8;

/// Each part's `<div>`, found by its index in [`PART_AT`] (no number
/// formatted for the skeleton or the lookups).
const SKELETON: &str = r#"<div data-part="0"></div><div data-part="1"></div><div data-part="2"></div><div data-part="3"></div><div data-part="4"></div><div data-part="5"></div><div data-part="6"></div><div data-part="7"></div><div data-part="8"></div>"#;
const PART_AT: [&str; PARTS] = [
    "[data-part=\"0\"]",
    "[data-part=\"1\"]",
    "[data-part=\"2\"]",
    "[data-part=\"3\"]",
    "[data-part=\"4\"]",
    "[data-part=\"5\"]",
    "[data-part=\"6\"]",
    "[data-part=\"7\"]",
    "[data-part=\"8\"]",
];

/// The kit's state, and its body: an empty `<div>` its effect draws into
/// ([`root`]).
/// `open`: whether the section is open now (handed over, not a context:
/// each context's type is code of its own). Its body, once built, stays
/// while it is closed again; its figures wait until it is open (issue 13).
fn body(words: RwSignal<Option<&'static Words>>, follow: fn(Lang, RwSignal<Option<&'static Words>>), check: Check, open: RwSignal<bool>) -> AnyView {
    let kit = Kit { today: today(), open, lang: use_lang(), words, follow, check, page: use_page(), ui: UiState(Trigger::new(), Box::leak(Box::default())) };
    KIT.set(Some(kit));
    Effect::new(move |drawn: Option<[String; PARTS]>| {
        let mut drawn = drawn.unwrap_or_default();
        if let Some(root) = root() {
            draw(kit, &root, &mut drawn);
        }
        drawn
    });
    ().into_any()
}

/// The body's element, a `<div class="kit-body">` at the end of the
/// section's `<details>`, made by the effect's first run (the section is
/// on the page by then). Made through the DOM, not returned as a `view!`:
/// each view's type is render code of its own in the chunk, and the body
/// is an empty `<div>` its effect draws into.
fn root() -> Option<web_sys::Element> {
    let doc = document();
    if let Some(el) = doc.query_selector(".kit-body").ok().flatten() {
        return Some(el);
    }
    let details = doc.query_selector("#kit details").ok()??;
    let el = doc.create_element("div").ok()?;
    let _ = el.set_attribute("class", "kit-body");
    details.append_child(&el).ok()?;
    Some(el)
}

/// One listener for the body's clicks, inputs and changes, bubbled from its
/// parts, for as long as the body lives ([`on_click`], [`on_edit`]): a
/// `view!`'s `on:` is render code of its own each, a closure of this type
/// (the share dialog's) is not.
fn listen(kit: Kit, root: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| match ev.type_().as_str() {
        "click" => on_click(kit, &ev),
        kind => on_edit(kit, &ev, kind == "change"),
    });
    for kind in ["click", "input", "change"] {
        let _ = root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    listener.forget();
}

/// Part `k` under `root`, its HTML set to `html` unless it was drawn so
/// already (a redraw would lose the focus and what is typed).
fn part(root: &web_sys::Element, drawn: &mut [String; PARTS], k: usize, html: String) -> Option<web_sys::Element> {
    let el = widgets::find(root, PART_AT.get(k)?)?;
    if drawn[k] != html {
        el.set_inner_html(&html);
        drawn[k] = html;
    }
    Some(el)
}

/// The kit's forms, by their index (`data-form`): the facts' three, the
/// entry being edited (no places while none is), then each loan's ask.
/// Made anew where needed (the draw, an event): a few short lists.
fn forms(editing: Option<usize>, f: &Form) -> Vec<form::Spec> {
    let mut all = Vec::new();
    about::forms(&mut all);
    debug_assert_eq!(all.len(), log::FORM);
    all.push(editing.map(log::editor_form).unwrap_or_default());
    debug_assert_eq!(all.len(), ask::FIRST);
    for &key in f.loans() {
        all.push(ask::form(key));
    }
    all
}

/// What one drawing reads: the language, the form and its problems, the
/// kit's figures and documents' input, the parts' state. Each signal is
/// read once for all the parts ([`Kit::seen`]): every read is code of its own.
struct Seen<'a> {
    /// The kit's language: the texts it was handed (the page's language
    /// but while another's are fetched: the kit then changes at once).
    lang: &'static Words,
    today: Option<Date>,
    form: &'a Form,
    problems: &'a [(Place, Rule)],
    docs: &'a Docs,
    ui: &'a Ui,
}

impl Kit {
    /// Reads what the parts show (tracked) and with it computes the parts'
    /// text (`drawn` is `None`) or brings the parts drawn in step. One
    /// function for both, not a closure each: a `dyn` closure is a table
    /// slot in the main wasm, a generic one a copy of the reads.
    fn seen(self, lang: &'static Words, docs: &Docs, d: &mut Drawing, root: &web_sys::Element, drawn: Option<&[Option<web_sys::Element>]>) {
        // Guards, as `Docs::now` reads (dropped before the parts are set).
        let (form, problems) = (self.page.form(), self.page.problems_read());
        self.ui.with(|ui| {
            let s = Seen { lang, today: self.today, form: &form, problems: &problems, docs, ui };
            match drawn {
                None => *d = Drawing::of(&s),
                Some(els) => d.sync(&s, root, els),
            }
        });
    }
}

/// The parts' text and what their syncs need, computed in one read.
#[derive(Default)]
struct Drawing {
    html: [String; PARTS],
    forms: Vec<form::Spec>,
    accounts: Vec<(String, String)>,
    picked: String,
    offer_picked: String,
    result: offer::Checked,
    /// The counter-offer check's chunk is to be fetched.
    load: bool,
}

impl Drawing {
    fn of(s: &Seen) -> Self {
        let (lang, f) = (s.lang, s.form);
        let forms = forms(s.ui.editing, f);
        let loans = log::loans(f, lang);
        let input = &s.docs.input;
        let (accounts, picked, offer_picked) = (lenders(input, lang), shown_lender(input, &s.ui.account), shown_lender(input, &s.ui.offer_loan));
        let (result, load) = offer::result(s, &offer_picked);
        let mut html: [String; PARTS] = Default::default();
        html[ASKS] = ask::html(f, lang, &forms);
        html[ABOUT] = about::html(f, lang, &forms);
        html[TOTAL] = about::total(lang, f);
        html[DOCS] = documents::html(lang, &accounts);
        html[LOG] = log::html(lang, &loans);
        html[EDITOR] = log::editor(f, lang, &forms, &loans);
        html[ENTRIES] = log::entries(s);
        html[OFFER] = offer::html(lang, &accounts);
        html[CHECK] = offer::check(&result);
        Self { html, forms, accounts, picked, offer_picked, result, load }
    }

    /// Brings the parts drawn (`els`, by index) in step with what is seen.
    fn sync(&self, s: &Seen, root: &web_sys::Element, els: &[Option<web_sys::Element>]) {
        form::sync_all(root, &self.forms, s);
        ask::sync(s, root);
        if let Some(Some(el)) = els.get(DOCS) {
            documents::sync(s, el, &self.accounts, &self.picked);
        }
        if let Some(Some(el)) = els.get(LOG) {
            log::sync(s.ui, el);
        }
        if let Some(Some(el)) = els.get(OFFER) {
            offer::sync(s, el, &self.offer_picked, &self.result);
        }
    }
}

/// Draws every part (each only when its text changed) and brings what the
/// text leaves out in step: typed values, picked options, hidden parts,
/// problems, the document's text. The parts' HTML is set outside the
/// signals' reads (setting it can move the focus, and what an event then
/// writes must not meet a read in progress). Nothing while the section is
/// closed: then only its opening draws again (no change of the page
/// computes the kit's figures, issue 13).
fn draw(kit: Kit, root: &web_sys::Element, drawn: &mut [String; PARTS]) {
    if !kit.open.get() {
        return;
    }
    if root.child_element_count() == 0 {
        root.set_inner_html(SKELETON);
        listen(kit, root);
    }
    let page_lang = kit.lang.get();
    // Handed before the body was built (`KitSection`).
    let Some(lang) = kit.words.get() else { return };
    if lang.lang != page_lang {
        (kit.follow)(page_lang, kit.words);
    }
    let docs = Docs::now(kit.page, kit.today);
    let mut d = Drawing::default();
    kit.seen(lang, &docs, &mut d, root, None);
    if d.load {
        change(kit, |u| u.check = offer::Load::Loading);
        (kit.check)(checked);
    }
    // By index: an array's `into_iter` is code of its own (its drop too).
    let mut els = Vec::with_capacity(PARTS);
    for k in 0..PARTS {
        els.push(part(root, drawn, k, std::mem::take(&mut d.html[k])));
    }
    kit.seen(lang, &docs, &mut d, root, Some(&els));
}

/// The part an event came from (the closest element `selector` names,
/// `[attr]`), with the value of its `attr`.
fn source(ev: &web_sys::Event, selector: &str, attr: &str) -> Option<(web_sys::Element, String)> {
    let el = widgets::target(ev)?.closest(selector).ok()??;
    let name = el.get_attribute(attr)?;
    Some((el, name))
}

/// A button of a part: what it does (`data-act`), for which entry (`data-i`).
fn on_click(kit: Kit, ev: &web_sys::Event) {
    let Some((el, act)) = source(ev, "[data-act]", "data-act") else { return };
    let i = el.get_attribute("data-i").and_then(|i| i.parse().ok());
    match (act.as_str(), i) {
        ("copy", _) => documents::copy_shown(kit),
        ("replan", _) => plan::replan(kit.page),
        ("edit", Some(i)) => change(kit, |u| u.editing = Some(i)),
        ("done", _) if follow_up_before_contact(kit) => {}
        ("done", _) => change(kit, |u| u.editing = None),
        _ => later(kit, act, i),
    }
}

/// The log entry being edited has a follow-up before its contact: it stays
/// open, its message at the input (review F16c).
fn follow_up_before_contact(kit: Kit) -> bool {
    let Some(editing) = kit.ui.with_untracked(|u| u.editing).flatten() else { return false };
    kit.page.form_untracked().problems().iter().any(|(p, r)| *r == Rule::BeforeContact && usize::from(p.item) == editing)
}

/// An action of the `offer` chunk ([`acted`]): done now if the chunk is
/// here, else once it comes (fetched now unless it is coming already). A
/// fetch that fails does nothing; the next click asks again.
fn later(kit: Kit, act: String, i: Option<usize>) {
    match kit.ui.with_untracked(|u| u.check).unwrap_or_default() {
        offer::Load::Ready(l) => (l.act)(kit, &act, i),
        load => {
            PENDING.set(Some((act, i)));
            if !matches!(load, offer::Load::Loading) {
                change(kit, |u| u.check = offer::Load::Loading);
                (kit.check)(checked);
            }
        }
    }
}

/// The actions that wait for their first click (the `offer` chunk's code):
/// download, print, and the log's add, remove and undo.
fn acted(kit: Kit, act: &str, i: Option<usize>) {
    match (act, i) {
        ("download" | "print", _) => documents::save(act),
        ("remove", Some(i)) => log::remove(kit, i),
        (act, _) => log::act(kit, act),
    }
}

/// What was typed or picked: in a form (`input` and `change`), or in a
/// part's own inputs (a list or a check box fires `input` too, before
/// `change`: `input` alone is read there).
fn on_edit(kit: Kit, ev: &web_sys::Event, changed: bool) {
    let forms = kit.ui.with_untracked(|u| kit.page.peek(|f| forms(u.editing, f))).unwrap_or_default();
    if form::on_event(kit.page, &forms, ev, changed) || changed {
        return;
    }
    let Some((el, k)) = source(ev, "[data-part]", "data-part") else { return };
    match k.parse() {
        Ok(DOCS) => documents::picked(kit, &el),
        Ok(LOG) => log::picked(kit, &el),
        Ok(OFFER) => offer::typed(kit, &el),
        _ => {}
    }
}

/// The parts' state changed by `change`, and the parts redrawn (each
/// only where its text changed: comparing the state first costs more code
/// than it saves work). Generic, not `dyn`: a `dyn` closure is a table
/// slot each in the main wasm (3 bytes of its first load), for ~150 bytes
/// of the chunk.
fn change(kit: Kit, change: impl FnOnce(&mut Ui)) {
    kit.ui.update(change);
}

thread_local! {
    /// The kit, for [`checked`] (a plain function: the main wasm hands it
    /// the `offer` chunk).
    static KIT: std::cell::Cell<Option<Kit>> = const { std::cell::Cell::new(None) };
    /// The action clicked while the `offer` chunk is fetched ([`later`]).
    static PENDING: std::cell::Cell<Option<(String, Option<usize>)>> = const { std::cell::Cell::new(None) };
}

/// The `offer` chunk came (or could not be fetched): the check is drawn,
/// and the action that waited for it done.
fn checked(later: Option<offer::Later>) {
    let Some(kit) = KIT.get() else { return };
    kit.ui.update(|u| u.check = later.map_or(offer::Load::Failed, offer::Load::Ready));
    if let (Some(l), Some((act, i))) = (later, PENDING.take()) {
        (l.act)(kit, &act, i);
    }
}
