//! The strategies side by side, each a radio button to pick it (one
//! delegated handler), the custom order with its move buttons (another),
//! and the monthly budget with what it is when left empty.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::use_lang;
use super::{markup, refocus, use_words};
use crate::engine::PayoffKind;
use crate::form::Place;
use crate::i18n::{fill, money};
use crate::present::road::{code, DefaultBudget, RoadMonths, StrategyFigures, KINDS};
use crate::present::LoanTitle;
use crate::scenario::Field;
use leptos::ev::Event;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Strategies() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let html = Memo::new(move |_| {
        let figures = page.evaluation.with(|e| StrategyFigures::all(&e.road));
        let months = page.last_valid.with(RoadMonths::of);
        markup::strategies(lang.get(), &figures, months, page.with(|f| f.document().payoff_kind()))
    });
    let pick = move |ev: Event| {
        let value = event_target_value(&ev);
        if let Some(kind) = KINDS.into_iter().find(|k| code(*k) == value) {
            page.edit(|f| f.pick_payoff(kind));
            refocus(vec![format!("strategy-{value}")]);
        }
    };
    view! {
        <fieldset class="strategies" data-testid="strategies" on:change=pick inner_html=move || html.get()></fieldset>
        <Order />
        <FieldInput place=Place::of(Field::StrategyBudget) />
        <DefaultBudgetLine />
    }
}

/// The custom order, shown when custom is picked or an order is kept.
#[component]
fn Order() -> impl IntoView {
    let (w, lang, page) = (use_words(), use_lang(), use_page());
    let html = Memo::new(move |_| {
        let kept = page.with(|f| f.document().payoff_strategy.as_ref().is_some_and(|p| !p.order.is_empty()));
        if !kept && page.with(|f| f.document().payoff_kind()) != PayoffKind::Custom {
            return String::new();
        }
        let titled = page.evaluation.with(|e| {
            let title = |id: &String| LoanTitle::of(e, id).map_or_else(|| id.clone(), |t| lang.get().loan_title(t));
            page.with(|f| f.payoff_order()).into_iter().map(|id| (id.clone(), title(&id))).collect::<Vec<_>>()
        });
        markup::order(w(), &titled)
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let button = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("button").ok().flatten());
        let Some((id, up)) = button.and_then(|b| Some((b.get_attribute("data-loan")?, b.get_attribute("data-up")? == "true"))) else { return };
        page.edit(|f| f.move_in_order(&id, up));
        let dir = |up: bool| format!("order-{id}-{}", if up { "up" } else { "down" });
        refocus(vec![dir(up), dir(!up)]);
    };
    view! { <div class="order" data-testid="payoff-order" on:click=click inner_html=move || html.get()></div> }
}

/// What the budget is when the field is left empty.
#[component]
fn DefaultBudgetLine() -> impl IntoView {
    let (w, page) = (use_words(), use_page());
    let default = Memo::new(move |_| page.last_valid.with(DefaultBudget::of));
    let text = move || match default.get() {
        DefaultBudget::Flat(d) => fill(w().budget_default_flat, &[&money(d)]),
        DefaultBudget::Range(lo, hi) => fill(w().budget_default_range, &[&money(lo), &money(hi)]),
    };
    view! { <p class="hint" data-testid="budget-default">{text}</p> }
}
