//! The road to debt-free (还清路线, issue 12): the strategies side by side
//! with the pick, the custom order and the budget; the picked plan's
//! stacked balance chart; prepayments per loan; the calendar download.
//! Collapsed by default, and drawn only while open (the page stays short
//! and typing elsewhere stays fast). The "我每月能还" solver sits in each
//! loan's results ([`Solver`]). Figures come from the evaluation and
//! `crate::present::road`; components only ask and show.

mod calendar;
mod chart;
mod order;
mod prepay;
mod solver;
mod strategies;

pub use solver::Solver;

use super::use_lang;
use crate::i18n::RoadText;
use leptos::prelude::*;

/// The road's words in the current language, reactively.
fn use_words() -> impl Fn() -> &'static RoadText + Copy {
    let lang = use_lang();
    move || lang.get().road()
}

#[component]
pub fn RoadSection() -> impl IntoView {
    let w = use_words();
    let open = RwSignal::new(false);
    let toggle = move |ev: leptos::ev::Event| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
    view! {
        <details id="road" class="card road" data-testid="road" on:toggle=toggle>
            <summary data-testid="road-toggle">
                <h2>{move || w().heading}</h2>
            </summary>
            <Show when=move || open.get()>
                <p class="explain">{move || w().intro}</p>
                <strategies::Strategies />
                <chart::RoadChart />
                <prepay::Prepayments />
                <calendar::Calendar />
            </Show>
        </details>
    }
}
