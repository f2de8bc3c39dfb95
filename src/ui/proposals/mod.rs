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
use super::markup::{self, draw, Spot};
use super::widgets::escape_html as esc;
use crate::ui::widgets::say;
use leptos::either::Either;
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn ProposalsSection() -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    // The (at most two) proposals ticked for comparison.
    let compared = RwSignal::new(Compared::default());
    let loans = Memo::new(move |_| page.evaluation.with(|e| e.loans.iter().map(|l| l.id.clone()).collect::<Vec<_>>()));
    let none = NodeRef::<Div>::new();
    draw(none, move |out| {
        if page.evaluation.with(|e| e.proposals.is_empty()) {
            let _ = write!(out, r#"<p data-testid="no-proposals">{}</p>"#, esc(lang.get().below().no_proposals));
        }
    });
    // Keyed: a loan's group stays while the loan does.
    let groups = NodeRef::<Div>::new();
    markup::keyed(groups, move || loans.get(), move |id| view! { <ProposalGroup loan_id=id.clone() compared=compared /> });
    view! {
        <Card id="proposals" heading_id="proposals-h" heading=|t| t.proposals_heading testid="proposals">
            <p class="explain">{say(|l| l.below().proposals_intro)}</p>
            <div node_ref=none></div>
            <div node_ref=groups></div>
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
    let nested = Memo::new(move |_| page.evaluation.with(|e| e.loans.len() > 1));
    let id = loan_id.clone();
    // Without their rows: equal when nothing a card shows changed.
    let cards = Memo::new(move |_| page.evaluation.with(|e| loan_cards(e, &id)));
    let line = NodeRef::<Div>::new();
    draw(line, move |out| {
        let (Some(tt), true) = (loan.get(), nested.get()) else { return };
        let l = lang.get();
        let _ = write!(out, "<h3>{}</h3>", esc(&cards.with(|cs| format!("{}{}{}", l.loan_title(tt), crate::i18n::DOT, group_line(l, cs)))));
    });
    let list = move |nested: bool| view! { <ProposalList cards=cards loan=loan compared=compared nested=nested /> };
    // Drawn again only when the loan becomes one of several (or the only one).
    view! {
        <div class="proposal-group" data-loan=loan_id>
            {move || if nested.get() {
                Either::Left(view! {
                    <details class="more group" data-testid="proposal-group">
                        <summary node_ref=Spot(line)></summary>
                        {list(true)}
                    </details>
                })
            } else {
                Either::Right(list(false))
            }}
        </div>
    }
}

/// "9 个方案，3 个在预算内 · 最好的：停息分期 · 20 个月".
fn group_line(lang: crate::i18n::Lang, cards: &[CardProposal]) -> String {
    let fit: Vec<&Proposal> = cards.iter().map(|c| &c.proposal).filter(|p| p.fits()).collect();
    let mut s = lang.proposals_count(cards.len(), fit.len());
    match fit.first() {
        Some(best) => s.push_str(&format!("{}{}{}", crate::i18n::DOT, lang.below().best_fit, lang.proposal_title(best))),
        None => s.push_str(&format!("{}{}", crate::i18n::DOT, lang.below().none_fit)),
    }
    s
}

/// The ranked cards, keyed by what each asks: a card stays while its
/// proposal is offered and updates its figures in place.
#[component]
fn ProposalList(cards: Memo<Vec<CardProposal>>, loan: Memo<Option<LoanTitle>>, compared: RwSignal<Compared>, nested: bool) -> impl IntoView {
    let keys = Memo::new(move |_| cards.with(|cs| cs.iter().map(CardProposal::key).collect::<Vec<_>>()));
    let list = NodeRef::<Div>::new();
    markup::keyed(list, move || keys.get(), move |key| view! { <ProposalCard id=key.clone() cards=cards loan=loan compared=compared nested=nested /> });
    view! { <ol class="proposal-list" node_ref=Spot(list)></ol> }
}
