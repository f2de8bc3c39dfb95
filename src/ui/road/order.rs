//! The custom order: the loans as a list, each with buttons to move it up
//! or down (keyboard: Tab to a button, Enter or Space; focus stays on the
//! moved loan's button). Shown when custom is picked or an order is kept.

use super::super::page::use_page;
use super::super::use_lang;
use super::use_words;
use crate::engine::PayoffKind;
use crate::present::LoanTitle;
use leptos::prelude::*;

#[component]
pub fn Order(picked: Memo<PayoffKind>) -> impl IntoView {
    let w = use_words();
    let page = use_page();
    let order = Memo::new(move |_| page.with(|f| f.payoff_order()));
    let kept = Memo::new(move |_| page.with(|f| f.document().payoff_strategy.as_ref().is_some_and(|p| !p.order.is_empty())));
    let shown = move || picked.get() == PayoffKind::Custom || kept.get();
    view! {
        <Show when=shown>
            <div class="order" data-testid="payoff-order">
                <h3 id="order-h">{move || w().order_heading}</h3>
                <p class="hint">{move || w().order_hint}</p>
                <ol aria-labelledby="order-h">
                    {move || {
                        let ids = order.get();
                        let last = ids.len().saturating_sub(1);
                        ids.into_iter().enumerate().map(|(i, id)| view! { <OrderItem id=id first=i == 0 last=i == last /> }).collect_view()
                    }}
                </ol>
            </div>
        </Show>
    }
}

/// One loan of the order with its two buttons.
#[component]
fn OrderItem(id: String, first: bool, last: bool) -> impl IntoView {
    let (w, lang, page) = (use_words(), use_lang(), use_page());
    let (key, item) = (id.clone(), id.clone());
    let title = Memo::new(move |_| page.evaluation.with(|e| LoanTitle::of(e, &key)).map(|t| lang.get().loan_title(t)).unwrap_or_else(|| key.clone()));
    let button = move |up: bool| {
        let id = id.clone();
        let element = format!("order-{id}-{}", if up { "up" } else { "down" });
        let label = move || fill_title(if up { w().move_up } else { w().move_down }, &title.get());
        let text = move || if up { w().move_up_short } else { w().move_down_short };
        let move_it = move |_| {
            page.edit(|f| f.move_in_order(&id, up));
            refocus(&id, up);
        };
        view! {
            <button type="button" id=element data-testid=if up { "order-up" } else { "order-down" } aria-label=label disabled=if up { first } else { last } on:click=move_it>
                {text}
            </button>
        }
    };
    view! {
        <li data-testid="order-item" data-loan=item>
            <span class="order-name">{move || title.get()}</span>
            {button(true)}
            {button(false)}
        </li>
    }
}

fn fill_title(template: &str, title: &str) -> String {
    crate::i18n::fill(template, &[title])
}

/// After the list is drawn again, focus the moved loan's button (the other
/// one when it reached an end).
fn refocus(id: &str, up: bool) {
    let ids = [format!("order-{id}-{}", if up { "up" } else { "down" }), format!("order-{id}-{}", if up { "down" } else { "up" })];
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let usable = ids.iter().filter_map(|i| doc.get_element_by_id(i)).find(|e| !e.has_attribute("disabled"));
        if let Some(el) = usable.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
}
