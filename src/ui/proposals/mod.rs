//! Proposals: every request a lender can accept, ranked, each opening its
//! schedule and balance chart; any two side by side; and, with several
//! lenders, how to split what the borrower can pay.

mod allocation;
mod card;
mod compare;

use super::page::use_page;
use super::widgets::Card;
use super::{use_lang, use_text};
use crate::present::{Compared, LoanTitle, ProposalKey};
use card::ProposalCard;
use leptos::prelude::*;

#[component]
pub fn ProposalsSection() -> impl IntoView {
    let t = use_text();
    let page = use_page();
    // The (at most two) proposals ticked for comparison.
    let compared = RwSignal::new(Compared::default());
    let none = Memo::new(move |_| page.evaluation.with(|e| e.proposals.is_empty()));
    let loans = Memo::new(move |_| page.evaluation.with(|e| e.loans.iter().map(|l| l.id.clone()).collect::<Vec<_>>()));
    view! {
        <Card heading_id="proposals-h" heading=|t| t.proposals_heading testid="proposals">
            <p class="explain">{move || t().proposals_intro}</p>
            <Show when=move || none.get()>
                <p data-testid="no-proposals">{move || t().no_proposals}</p>
            </Show>
            {move || loans.get().into_iter().map(|id| view! { <ProposalGroup loan_id=id compared=compared /> }).collect_view()}
            <compare::Comparison compared=compared />
            <allocation::AllocationView />
        </Card>
    }
}

/// One loan's proposals, ranked.
#[component]
fn ProposalGroup(loan_id: String, compared: RwSignal<Compared>) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let id = loan_id.clone();
    let title = Memo::new(move |_| page.evaluation.with(|e| LoanTitle::of(e, &id).filter(|_| e.loans.len() > 1)));
    let id = loan_id.clone();
    let proposals = Memo::new(move |_| page.evaluation.with(|e| e.proposals.iter().filter(|p| p.loan_id == id).cloned().collect::<Vec<_>>()));
    view! {
        <div class="proposal-group" data-loan=loan_id>
            {move || title.get().map(|tt| view! { <h3>{lang.get().loan_title(tt)}</h3> })}
            <ol class="proposal-list">
                {move || {
                    proposals
                        .get()
                        .into_iter()
                        .map(|p| {
                            let key = ProposalKey::of(&p);
                            let mine = key.clone();
                            let ticked = Signal::derive(move || compared.with(|c| c.contains(&mine)));
                            let toggle = Callback::new(move |_| compared.update(|c| c.toggle(key.clone())));
                            view! { <ProposalCard proposal=p compared=ticked on_compare=toggle /> }
                        })
                        .collect_view()
                }}
            </ol>
        </div>
    }
}
