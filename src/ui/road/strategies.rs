//! The strategies side by side, each a radio button to pick it: the
//! debt-free month, the interest (and how much more than the cheapest),
//! the total paid and the first month the budget falls short. Then the
//! custom order and the monthly budget.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::use_lang;
use super::use_words;
use crate::engine::PayoffKind;
use crate::form::Place;
use crate::i18n::{fill, money, RoadText};
use crate::present::road::{code, DefaultBudget, RoadMonths, StrategyFigures, KINDS};
use crate::scenario::field::Unit;
use crate::scenario::Field;
use leptos::prelude::*;

#[component]
pub fn Strategies() -> impl IntoView {
    let w = use_words();
    let page = use_page();
    let figures = Memo::new(move |_| page.evaluation.with(|e| StrategyFigures::all(&e.road)));
    let months = Memo::new(move |_| page.last_valid.with(RoadMonths::of));
    let picked = Memo::new(move |_| page.with(|f| f.document().payoff_kind()));
    view! {
        <fieldset class="strategies" data-testid="strategies">
            <legend>{move || w().strategies_legend}</legend>
            <div class="strategy-grid">
                {KINDS
                    .map(|kind| {
                        let fig = Memo::new(move |_| figures.with(|all| all.iter().find(|f| f.kind == kind).cloned()));
                        view! { <StrategyCard kind=kind fig=fig months=months picked=picked /> }
                    })
                    .collect_view()}
            </div>
        </fieldset>
        <super::order::Order picked=picked />
        <FieldInput place=Place::of(Field::StrategyBudget) />
        <DefaultBudgetLine />
    }
}

/// One strategy: its radio button and its figures.
#[component]
fn StrategyCard(kind: PayoffKind, fig: Memo<Option<StrategyFigures>>, months: Memo<RoadMonths>, picked: Memo<PayoffKind>) -> impl IntoView {
    let (w, lang, page) = (use_words(), use_lang(), use_page());
    let is_picked = move || picked.get() == kind;
    let id = format!("strategy-{}", code(kind));
    view! {
        <div class="strategy" class:picked=is_picked data-testid="strategy" data-kind=code(kind) data-picked=move || is_picked().to_string()>
            <div class="strategy-pick">
                <input
                    type="radio"
                    id=id.clone()
                    name="payoff-kind"
                    data-testid="strategy-pick"
                    prop:checked=is_picked
                    on:change=move |_| page.edit(|f| f.pick_payoff(kind))
                />
                <label for=id>{move || lang.get().payoff_kind(kind)}</label>
                <Show when=is_picked>
                    <span class="badge" data-testid="strategy-picked">{move || w().picked}</span>
                </Show>
            </div>
            {move || match fig.get() {
                Some(f) => view! { <Figures fig=f months=months.get() /> }.into_any(),
                None => view! { <p class="explain">{move || w().custom_unset}</p> }.into_any(),
            }}
        </div>
    }
}

/// A strategy's figures as a definition list.
#[component]
fn Figures(fig: StrategyFigures, months: RoadMonths) -> impl IntoView {
    let (w, lang) = (use_words(), use_lang());
    let month = fig.debt_free_month;
    let debt_free = move || match month {
        Some(m) => months.label(m).unwrap_or_else(|| fill(w().debt_free_month, &[&m.to_string()])),
        None => w().never.to_owned(),
    };
    let takes = move || month.map(|m| lang.get().count(Unit::Months, m)).unwrap_or_default();
    let over = fig.over_best;
    let over_best = move || over.map(|o| if o.is_zero() { w().cheapest.to_owned() } else { format!("+{}", money(o)) }).unwrap_or_default();
    let short = fig.first_short;
    let first_short = move || match short {
        Some(s) => fill(w().short_value, &[&s.month.to_string(), &money(s.shortfall)]),
        None => w().no_short.to_owned(),
    };
    let (interest, paid) = (money(fig.total_interest), money(fig.total_paid));
    view! {
        <dl class="strategy-figures">
            <dt>{move || w().debt_free}</dt>
            <dd data-testid="strategy-debt-free" data-month=month.map(|m| m.to_string()).unwrap_or_default()>
                {debt_free}
            </dd>
            {row(|w| w.months, "strategy-months", takes)}
            {row(|w| w.total_interest, "strategy-interest", move || interest.clone())}
            {row(|w| w.over_best, "strategy-over-best", over_best)}
            {row(|w| w.total_paid, "strategy-paid", move || paid.clone())}
            {row(|w| w.first_short, "strategy-short", first_short)}
        </dl>
    }
}

/// One figure: its label and its value (both follow the language).
fn row(label: fn(&RoadText) -> &'static str, testid: &'static str, value: impl Fn() -> String + Send + 'static) -> impl IntoView {
    let w = use_words();
    view! {
        <dt>{move || label(w())}</dt>
        <dd data-testid=testid>{value}</dd>
    }
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
