//! Proposals: every request a lender can accept, ranked, each opening its
//! details and schedule; any two side by side; and, with several lenders,
//! how to split what the borrower can pay. With several loans each loan's
//! list is one line until opened: the plan across them is in the summary.

mod allocation;
mod card;
pub(super) mod compare;

use super::page::use_page;
use super::widgets::Card;
use super::use_lang;
use crate::engine::Proposal;
use crate::present::{loan_cards, CardProposal, Compared, LoanTitle};
use card::ProposalCard;
use crate::ui::widgets::say;
use leptos::prelude::*;

#[component]
pub fn ProposalsSection() -> impl IntoView {
    let page = use_page();
    // The (at most two) proposals ticked for comparison.
    let compared = RwSignal::new(Compared::default());
    let none = Memo::new(move |_| page.evaluation.with(|e| e.proposals.is_empty()));
    let loans = Memo::new(move |_| page.evaluation.with(|e| e.loans.iter().map(|l| l.id.clone()).collect::<Vec<_>>()));
    view! {
        <Card id="proposals" heading_id="proposals-h" heading=|t| t.proposals_heading testid="proposals">
            <p class="explain">{say(|l| l.text().proposals_intro)}</p>
            <Show when=move || none.get()>
                <p data-testid="no-proposals">{say(|l| l.text().no_proposals)}</p>
            </Show>
            <For each=move || loans.get() key=|id| id.clone() let:id>
                <ProposalGroup loan_id=id compared=compared />
            </For>
            <compare::Comparison compared=compared />
            <allocation::AllocationView />
        </Card>
    }
}

/// One loan's proposals, ranked: a fold with its count and best card when
/// there are several loans, the open list for one.
#[component]
fn ProposalGroup(loan_id: String, compared: RwSignal<Compared>) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let id = loan_id.clone();
    let loan = Memo::new(move |_| page.evaluation.with(|e| LoanTitle::of(e, &id)));
    let several = Memo::new(move |_| page.evaluation.with(|e| e.loans.len() > 1));
    let title = Memo::new(move |_| loan.get().filter(|_| several.get()));
    let id = loan_id.clone();
    // Without their rows: equal when nothing a card shows changed.
    let cards = Memo::new(move |_| page.evaluation.with(|e| loan_cards(e, &id)));
    let nested = Memo::new(move |_| title.with(Option::is_some));
    let line = move || {
        let (tt, l) = (title.get()?, lang.get());
        Some(cards.with(|cs| format!("{}{}{}", l.loan_title(tt), crate::i18n::DOT, group_line(l, cs))))
    };
    let list = move |nested: bool| view! { <ProposalList cards=cards loan=loan compared=compared nested=nested /> };
    // Drawn again only when the loan becomes one of several (or the only one).
    view! {
        <div class="proposal-group" data-loan=loan_id>
            {move || if nested.get() {
                view! {
                    <details class="more group" data-testid="proposal-group">
                        <summary><h3>{line}</h3></summary>
                        {list(true)}
                    </details>
                }
                .into_any()
            } else {
                list(false).into_any()
            }}
        </div>
    }
}

/// "9 个方案，3 个在预算内 · 最好的：停息分期 · 20 个月".
fn group_line(lang: crate::i18n::Lang, cards: &[CardProposal]) -> String {
    let fit: Vec<&Proposal> = cards.iter().map(|c| &c.proposal).filter(|p| p.fits()).collect();
    let mut s = lang.proposals_count(cards.len(), fit.len());
    match fit.first() {
        Some(best) => s.push_str(&format!("{}{}{}", crate::i18n::DOT, lang.page().best_fit, lang.proposal_title(best))),
        None => s.push_str(&format!("{}{}", crate::i18n::DOT, lang.page().none_fit)),
    }
    s
}

/// The ranked cards, keyed by what each asks: a card stays while its
/// proposal is offered and updates its figures in place.
#[component]
fn ProposalList(cards: Memo<Vec<CardProposal>>, loan: Memo<Option<LoanTitle>>, compared: RwSignal<Compared>, nested: bool) -> impl IntoView {
    let keys = Memo::new(move |_| cards.with(|cs| cs.iter().map(CardProposal::key).collect::<Vec<_>>()));
    view! {
        <ol class="proposal-list">
            <For each=move || keys.get() key=|key| key.clone() let:key>
                {
                    let mine = key.clone();
                    let ticked = Signal::derive(move || compared.with(|c| c.contains(&mine)));
                    let toggle = key.clone();
                    let toggle = Callback::new(move |_| compared.update(|c| c.toggle(toggle.clone())));
                    view! { <ProposalCard id=key cards=cards loan=loan compared=ticked on_compare=toggle nested=nested /> }
                }
            </For>
        </ol>
    }
}
