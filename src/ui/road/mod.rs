//! The road to debt-free (还清路线, issue 12): the strategies side by side
//! with the pick, the custom order and the budget; the picked plan's
//! stacked balance chart; prepayments per loan; the calendar download.
//! Collapsed by default, and drawn only while open (the page stays short
//! and typing elsewhere stays fast). The "我每月能还" solver sits in each
//! loan's results ([`Solver`]). Figures come from the road's own memos,
//! computed only while the section is open (`scenario::evaluate::road_on`,
//! `loan_road_on`), and `crate::present::road`; components only ask and show. The read-only
//! parts are HTML text ([`markup`]: a fraction of `view!`'s bundle cost).

mod markup;
mod plan;
mod prepay;
mod solver;

pub use solver::Solver;

use super::inputs::FieldInput;
use super::{use_lang, EachLoan};
use crate::form::Place;
use crate::scenario::Field;
use crate::i18n::RoadText;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The road's words in the current language, reactively.
fn use_words() -> impl Fn() -> &'static RoadText + Copy {
    let lang = use_lang();
    move || lang.get().road()
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
fn clicked(ev: &leptos::ev::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

#[component]
pub fn RoadSection() -> impl IntoView {
    let w = use_words();
    let open = RwSignal::new(false);
    view! {
        <details id="road" class="card road" data-testid="road" on:toggle=move |ev| open.set(is_open(&ev))>
            <summary data-testid="road-toggle" inner_html=move || markup::heading(w())></summary>
            {move || open.get().then(|| super::lazy::lazy(load_road, road_body))}
        </details>
    }
}

/// The open section: its own chunk, fetched when first opened (`ui::lazy`).
#[leptos::wasm_split::wasm_split(road, wasm_split_path = ::leptos::wasm_split, preload(load_road), fallible)]
fn road_body() -> super::lazy::Chunk {
    let (w, page) = (use_words(), super::page::use_page());
    // The road's figures, computed only while the section is open (issue 13).
    let road = Memo::new(move |_| page.analysed(|s, _, debts| crate::scenario::evaluate::road_on(s, debts).0));
    Ok(view! {
        <FieldInput place=Place::of(Field::StrategyBudget) />
        <plan::PlanPart road=road />
        <div inner_html=move || markup::prepay_heading(w())></div>
        <EachLoan each=|index| view! { <prepay::LoanPrepay index=index /> }.into_any() />
    }
    .into_any())
}
