//! A proposal as its card shows it (issue 13): what it asks and its figures
//! without the schedule's rows. A loan's cards are compared with the last
//! evaluation's in a few cheap comparisons, so a card whose figures did not
//! change is not touched and one whose figures did updates its text in
//! place; the rows are read from the evaluation only while a card's
//! schedule is open.

use super::ProposalKey;
use crate::engine::proposal::Figures;
use crate::engine::{Proposal, Row};
use crate::scenario::Evaluation;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardProposal {
    /// The proposal; its figures' schedule is left empty.
    pub proposal: Proposal,
    /// How many rows its schedule has.
    pub rows: usize,
}

impl CardProposal {
    pub fn of(p: &Proposal) -> Self {
        // Every other field is a plain value: copying them is cheap.
        let figures = p.figures.as_ref().map(|f| Figures { schedule: Vec::new(), ..*f });
        let proposal = Proposal {
            kind: p.kind,
            loan_id: p.loan_id.clone(),
            rank: p.rank,
            params: p.params,
            in_plans: p.in_plans.clone(),
            figures,
            infeasible: p.infeasible,
        };
        Self { proposal, rows: p.figures.as_ref().map_or(0, |f| f.schedule.len()) }
    }

    pub fn key(&self) -> ProposalKey {
        ProposalKey::of(&self.proposal)
    }
}

/// A loan's cards, in the evaluation's (rank) order.
pub fn loan_cards(e: &Evaluation, loan_id: &str) -> Vec<CardProposal> {
    e.proposals.iter().filter(|p| p.loan_id == loan_id).map(CardProposal::of).collect()
}

/// The schedule of the proposal `key` names, while the evaluation has it.
pub fn proposal_rows(e: &Evaluation, key: &ProposalKey) -> Vec<Row> {
    e.proposals.iter().find(|p| key.names(p)).and_then(|p| p.figures.as_ref()).map(|f| f.schedule.clone()).unwrap_or_default()
}
