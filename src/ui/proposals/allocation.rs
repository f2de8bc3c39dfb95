//! Several lenders: fair share, avalanche and snowball splits of the surplus.

use super::super::page::use_page;
use super::super::{use_lang, use_text};
use crate::engine::allocation::{Allocation, Strategy};
use crate::i18n::{money, SPACE};
use crate::present::{Code, LoanTitle};
use leptos::prelude::*;

#[component]
pub fn AllocationView() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let page = use_page();
    let plan = Memo::new(move |_| page.evaluation.with(|e| e.allocation.clone()));
    move || {
        let plan = plan.get()?;
        let surplus = plan.surplus;
        let (fair, others): (Vec<Allocation>, Vec<Allocation>) = plan.strategies.into_iter().partition(|a| a.strategy == Strategy::ProRata);
        // A split that only repeats the contract minimums adds nothing.
        let others: Vec<Allocation> = others.into_iter().filter(|a| !a.feasible || a.shares.iter().any(|s| !s.extra.is_zero())).collect();
        let shares = page.evaluation.with(|e| e.loan_budgets.clone());
        Some(view! {
            <div class="allocation" data-testid="allocation">
                <h3>{move || t().allocation_heading}</h3>
                <p class="explain">{move || t().allocation_intro}</p>
                <p>{move || t().disposable}{SPACE}<strong>{money(surplus)}</strong></p>
                {plan.token.map(|tok| view! {
                    <div class="note" data-testid="token-plan">
                        <h4>{move || t().token_heading}</h4>
                        <p>{move || lang.get().token_line(tok.per_lender, tok.review_months)}</p>
                    </div>
                })}
                {fair.into_iter().map(|a| view! { <Split allocation=a /> }).collect_view()}
                <ul class="shares" data-testid="loan-shares">
                    {shares
                        .into_iter()
                        .map(|s| view! { <li data-loan=s.loan_id.clone()>{move || lang.get().loan_share(s.share, s.of, s.percent)}</li> })
                        .collect_view()}
                </ul>
                {(!others.is_empty()).then(|| view! {
                    <details class="more">
                        <summary>{move || lang.get().page().more_strategies}</summary>
                        <p class="explain">{move || lang.get().page().share_minimum}</p>
                        {others.into_iter().map(|a| view! { <Split allocation=a /> }).collect_view()}
                    </details>
                })}
            </div>
        })
    }
}

/// One strategy's split: each lender's monthly payment.
#[component]
fn Split(allocation: Allocation) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let a = allocation;
    let shortfall = (!a.feasible).then_some(a.shortfall);
    let strategy = a.strategy;
    view! {
        <div class="table-wrap short">
            <table data-testid="allocation-table" data-strategy=a.strategy.code()>
                <caption>{move || lang.get().allocation_caption(strategy, shortfall)}</caption>
                <tbody>
                    {a.shares
                        .into_iter()
                        .map(|s| {
                            let id = s.id.clone();
                            let title = Memo::new(move |_| page.evaluation.with(|e| LoanTitle::of(e, &id)));
                            view! {
                                <tr>
                                    <th scope="row">{move || title.get().map(|tt| lang.get().loan_title(tt)).unwrap_or_else(|| s.id.clone())}</th>
                                    <td>{money(s.payment)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
