//! "I only know the total the app shows" (剩余应还, issue 9): a loan's
//! remaining total — principal and interest — typed instead of its
//! principal. The principal is derived from it by the loan's own method,
//! rate, term and day count (`crate::engine::principal_from_total`) and
//! written into the document; the total itself is not kept in the
//! document (a file holds the principal, as before).
//!
//! While the principal is the one the total gave, a change of rate,
//! method or term derives it again, so the fields can be filled in any
//! order; typing a principal of one's own ends that.

use super::{Form, LoanKey};
use crate::engine::{principal_from_total, FromTotal};
use crate::input;
use crate::scenario::field::Value;
use crate::scenario::{Field, Rule};
use rust_decimal::Decimal;

/// A remaining total typed for a loan.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TotalEdit {
    pub(super) loan: LoanKey,
    text: String,
    /// The total, once the text reads.
    total: Result<Decimal, Rule>,
    /// The principal it gave and its split, while the loan's terms allow one.
    split: Option<FromTotal>,
}

/// How a typed total splits, for the words under its input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TotalSplit {
    pub principal: Decimal,
    pub interest: Decimal,
    /// When no principal gives exactly the total typed: the total the
    /// nearest one gives, and how far it is from the one typed.
    pub off: Option<(Decimal, Decimal)>,
}

impl Form {
    /// The user typed the remaining total the app shows for `loan`; empty
    /// text leaves the principal as it is.
    pub fn type_total(&mut self, loan: LoanKey, text: String) {
        self.session = None;
        self.totals.retain(|t| t.loan != loan);
        if input::is_blank(&text) || self.index(loan).is_none() {
            return;
        }
        let total = input::parse_amount(&text).map_err(Rule::from).and_then(|t| if t > Decimal::ZERO { Ok(t) } else { Err(Rule::NotPositive) });
        self.totals.push(TotalEdit { loan, text, total, split: None });
        self.derive_principals();
    }

    /// What the total input shows: what was typed, while the principal is
    /// the one it gave.
    pub fn total_text(&self, loan: LoanKey) -> String {
        self.live_total(loan).map(|t| t.text.clone()).unwrap_or_default()
    }

    /// Why the typed total does not read.
    pub fn total_problem(&self, loan: LoanKey) -> Option<Rule> {
        self.live_total(loan)?.total.err()
    }

    /// The typed total split into the principal it gave and interest.
    pub fn total_split(&self, loan: LoanKey) -> Option<TotalSplit> {
        let t = self.live_total(loan)?;
        let (total, split) = (t.total.ok()?, t.split?);
        let off = (split.total != total).then(|| (split.total, (split.total - total).abs()));
        Some(TotalSplit { principal: split.principal, interest: split.interest, off })
    }

    fn live_total(&self, loan: LoanKey) -> Option<&TotalEdit> {
        self.totals.iter().find(|t| t.loan == loan && self.is_live_total(t))
    }

    /// The total still gives the loan's principal (it was not typed over).
    fn is_live_total(&self, t: &TotalEdit) -> bool {
        let Some(i) = self.index(t.loan) else { return false };
        t.split.is_none_or(|s| s.principal == self.doc.loans[i].principal)
    }

    fn solve(&self, i: usize, total: Decimal) -> Option<FromTotal> {
        let entry = self.doc.loans.get(i)?;
        let debt = entry.debt(self.doc.day_count, self.doc.as_of);
        principal_from_total(total, &debt.accrual, entry.months, entry.method).ok()
    }

    /// Derives each principal a total still gives from the loan's terms as
    /// they are now; forgets the totals whose principal was typed over.
    pub(super) fn derive_principals(&mut self) {
        let mut totals = std::mem::take(&mut self.totals);
        totals.retain(|t| self.is_live_total(t));
        for t in &mut totals {
            let (Ok(total), Some(i)) = (t.total, self.index(t.loan)) else { continue };
            t.split = self.solve(i, total);
            if let Some(split) = t.split {
                Field::Principal.at(i).set(&mut self.doc, Value::Number(Some(split.principal.normalize())));
            }
        }
        self.totals = totals;
    }
}

#[cfg(test)]
mod tests;
