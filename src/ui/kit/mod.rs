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

pub use ask::UseAsAsk;
pub use plan::UsePlan;

use super::page::use_page;
use super::use_lang;
use crate::engine::Date;
use crate::i18n::kit::KitText;
use crate::letter::LetterInput;
use crate::scenario::kit::figures::KitOutput;
use leptos::prelude::*;

/// The browser's local date.
pub fn today() -> Option<Date> {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// The kit's words in the current language, reactively.
fn use_kit() -> impl Fn() -> &'static KitText + Copy {
    let lang = use_lang();
    move || lang.get().kit()
}

/// A word of the kit in the current language, as a signal (every word
/// renders through the same code).
fn kw(pick: fn(&KitText) -> &'static str) -> Signal<&'static str> {
    let lang = use_lang();
    Signal::derive(move || pick(lang.get().kit()))
}

/// What the open section's parts share: the documents' input, dated today
/// (passed down, not a context: `expect_context` costs code of its own).
#[derive(Clone, Copy)]
struct Kit {
    today: Option<Date>,
    input: Memo<Option<LetterInput>>,
    /// The kit's figures of the page's document (issue 13: not computed
    /// on the page's every change while the section is closed).
    figures: Memo<KitOutput>,
}

/// The lenders of the documents, `(loan id, name)`, and the one shown:
/// `chosen` while it is there, else the first with an ask, else the first.
fn lenders(kit: Kit, lang: RwSignal<crate::i18n::Lang>, chosen: RwSignal<String>) -> (Memo<Vec<(String, String)>>, Memo<String>) {
    let all = Memo::new(move |_| {
        let l = lang.get();
        kit.input.with(|i| i.iter().flat_map(|i| &i.accounts).map(|a| (a.id.clone(), a.lender_name(l), a.ask.is_some())).collect::<Vec<_>>())
    });
    let names = Memo::new(move |_| all.with(|all| all.iter().map(|(id, name, _)| (id.clone(), name.clone())).collect()));
    let shown = Memo::new(move |_| {
        all.with(|all| {
            let picked = chosen.with(|id| all.iter().find(|a| a.0 == *id));
            picked.or_else(|| all.iter().find(|a| a.2)).or(all.first()).map(|a| a.0.clone()).unwrap_or_default()
        })
    });
    (names, shown)
}

/// Whether the section is open now. Its body, once built, stays while it
/// is closed again; its figures wait until it is open (issue 13).
#[derive(Clone, Copy)]
struct KitOpen(RwSignal<bool>);

/// The section: a `<details>` whose body is built when first opened.
#[component]
pub fn KitSection() -> impl IntoView {
    let opened = RwSignal::new(false);
    let now = RwSignal::new(false);
    provide_context(KitOpen(now));
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
                    <h2 id="kit-h">{kw(|t| t.heading)}</h2>
                </summary>
                <Show when=move || opened.get()>
                    {super::lazy::lazy(load_kit, kit_body)}
                </Show>
            </details>
        </section>
    }
}

/// The kit's code is its own chunk, fetched when the section is first
/// opened (`ui::lazy`).
#[leptos::wasm_split::wasm_split(kit, wasm_split_path = ::leptos::wasm_split, preload(load_kit), fallible)]
fn kit_body() -> super::lazy::Chunk {
    Ok(mounted(view! { <KitBody /> }))
}

/// `body` built into a `<div>` of its own once that is on the page, rather
/// than returned as an `AnyView`: an `AnyView` of the whole kit brings every
/// render function of its type (rebuild, elements, …: ≈ 8 KB of code) into
/// the chunk, though the kit, once open, is never rebuilt. Its state lives
/// as long as the section's owner. Built once, when the `<div>` is first
/// there (`NodeRef::on_load` unwraps and would panic were it loaded again).
/// (The road and the share dialog, tried the same way, did not shrink.)
fn mounted<V: leptos::tachys::view::Render + 'static>(body: V) -> AnyView {
    use leptos::tachys::view::Mountable;
    let root = NodeRef::<leptos::html::Div>::new();
    let body = std::cell::Cell::new(Some(body));
    Effect::new(move |_| {
        if let (Some(el), Some(body)) = (root.get(), body.take()) {
            let mut state = untrack(|| body.build());
            state.mount(&el, None);
            StoredValue::new_local(state);
        }
    });
    view! { <div class="kit-body" node_ref=root></div> }.into_any()
}

#[component]
fn KitBody() -> impl IntoView {
    let page = use_page();
    let today = today();
    // Always "changed": the documents' own memos compare their text, and
    // comparing the whole input would cost its `PartialEq` code here.
    // The kit's figures and the documents' input follow the page's changes
    // while the section is open: `changes` counts them then, and while it
    // is closed tracks only whether it is open, so no change of the page
    // recomputes them until it opens again. (Read with `get`: a memo only
    // tracked, never read, never runs.)
    let open = use_context::<KitOpen>().map_or(Signal::stored(true), |o| o.0.into());
    let changes = Memo::new(move |n: Option<&u32>| match (open.get(), n) {
        (false, Some(n)) => *n,
        (_, n) => page.analysed(|_, _, _| n.map_or(0, |n| n.wrapping_add(1))),
    });
    let figures = Memo::new(move |_| {
        changes.get();
        untrack(|| page.analysed(|s, ev, debts| crate::scenario::evaluate::kit_on(s, debts, ev)))
    });
    let build = move |_: Option<&_>| {
        changes.get();
        untrack(|| page.analysed(|s, ev, _| figures.with(|k| crate::letter::build_with(s, ev, k, today))))
    };
    let input = Memo::new_with_compare(build, |_, _| true);
    let kit = Kit { today, input, figures };
    view! {
        <p class="explain">{kw(|t| t.intro)}</p>
        <ask::Asks kit=kit />
        <about::About />
        <documents::Documents kit=kit />
        <log::ContactLog kit=kit />
        <offer::OfferCheck kit=kit />
    }
}
