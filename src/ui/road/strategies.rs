//! The strategies side by side, each a radio button to pick it, and the
//! custom order with its move buttons (both read by delegated handlers),
//! then the monthly budget.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::use_lang;
use super::{clicked, markup, refocus};
use crate::engine::PayoffKind;
use crate::form::Place;
use crate::present::road::{code, RoadMonths, StrategyFigures, KINDS};
use crate::present::LoanTitle;
use crate::scenario::Field;
use leptos::ev::{Event, MouseEvent};
use leptos::prelude::*;

#[component]
pub fn Strategies() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let html = Memo::new(move |_| {
        let lang = lang.get();
        let figures = page.evaluation.with(|e| StrategyFigures::all(&e.road));
        let months = page.last_valid.with(RoadMonths::of);
        let (picked, kept) = page.with(|f| (f.document().payoff_kind(), f.document().payoff_strategy.as_ref().is_some_and(|p| !p.order.is_empty())));
        // The custom order: shown when custom is picked or an order is kept.
        let order = (picked == PayoffKind::Custom || kept).then(|| {
            page.evaluation.with(|e| {
                let title = |id: &String| LoanTitle::of(e, id).map_or_else(|| id.clone(), |t| lang.loan_title(t));
                page.with(|f| f.payoff_order()).into_iter().map(|id| (id.clone(), title(&id))).collect::<Vec<_>>()
            })
        });
        markup::strategies(lang, &figures, months, picked, order.as_deref())
    });
    let pick = move |ev: Event| {
        let value = event_target_value(&ev);
        if let Some(kind) = KINDS.into_iter().find(|k| code(*k) == value) {
            page.edit(|f| f.pick_payoff(kind));
            refocus(vec![format!("strategy-{value}")]);
        }
    };
    let reorder = move |ev: MouseEvent| {
        let button = clicked(&ev, "button[data-up]");
        let Some((id, up)) = button.and_then(|b| Some((b.get_attribute("data-loan")?, b.get_attribute("data-up")? == "true"))) else { return };
        page.edit(|f| f.move_in_order(&id, up));
        let dir = |up: bool| format!("order-{id}-{}", if up { "up" } else { "down" });
        refocus(vec![dir(up), dir(!up)]);
    };
    view! {
        <div on:change=pick on:click=reorder inner_html=move || html.get()></div>
        <FieldInput place=Place::of(Field::StrategyBudget) />
    }
}
