//! The road to debt-free (还清路线, issue 12): the strategies side by side
//! with the pick, the custom order and the budget; the picked plan's
//! stacked balance chart; prepayments per loan; the calendar download.
//! Collapsed by default, and drawn only while open (the page stays short
//! and typing elsewhere stays fast). The "我每月能还" solver sits in each
//! loan's results ([`Solver`]). Figures come from the road's own memos,
//! computed only while the section is open (`present::road::RoadShown`,
//! which names the loans the road leaves out, `scenario::evaluate::loan_road_on`),
//! and `crate::present::road`; components only ask and show. The read-only
//! parts are HTML text ([`markup`]: a fraction of `view!`'s bundle cost).

mod markup;
mod plan;
mod prepay;
mod solver;

pub use solver::Solver;

use super::inputs::FieldInput;
use super::widgets::say;
use super::{use_lang, EachLoan};
use crate::form::Place;
use crate::scenario::Field;
use crate::i18n::RoadText;
use leptos::prelude::*;
use std::sync::Arc;
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

/// HTML text for `inner_html`, read again whenever what `text` reads
/// changes. Every such part of the road is this one closure type (what it
/// writes is behind a trait object), so the chunk holds one copy of the
/// render code for all of them instead of one per part.
fn html_text(text: impl Fn() -> String + Send + Sync + 'static) -> impl Fn() -> String + Send + Sync + 'static {
    let text: Arc<dyn Fn() -> String + Send + Sync> = Arc::new(text);
    move || text()
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
    view! {
        <details id="road" class="card road" data-testid="road" on:toggle=move |ev| open.set(is_open(&ev))>
            <summary data-testid="road-toggle"><h2>{say(|l| l.road().heading)}</h2></summary>
            {move || open.get().then(|| super::lazy::lazy(load_road, road_body))}
        </details>
    }
}

/// The open section: its own chunk, fetched when first opened (`ui::lazy`).
#[leptos::wasm_split::wasm_split(road, wasm_split_path = ::leptos::wasm_split, preload(load_road), fallible)]
fn road_body() -> super::lazy::Chunk {
    let page = super::page::use_page();
    // The road's figures, computed only while the section is open (issue 13).
    let road = Memo::new(move |_| page.analysed(crate::present::road::RoadShown::of));
    Ok(view! {
        <FieldInput place=Place::of(Field::StrategyBudget) />
        <plan::PlanPart road=road />
        <h3>{say(|l| l.road().prepay_heading)}</h3>
        <p class="explain">{say(|l| l.road().prepay_intro)}</p>
        <EachLoan each=|index| view! { <prepay::LoanPrepay index=index /> }.into_any() />
    }
    .into_any())
}
