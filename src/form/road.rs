//! The page model's lists of the road to debt-free (issue 12): a loan's
//! one-off prepayments (added and removed) and the custom payoff order
//! (set as a whole, moved one place at a time). Typed text follows its
//! item: removing a prepayment moves the later items' edits up one place.

use super::{Form, LoanKey};
use crate::engine::{PayoffKind, PrepayEffect, Prepayment};
use crate::scenario::field::Each;
use crate::scenario::MAX_PREPAYMENTS;
use rust_decimal::Decimal;

impl Form {
    /// Adds a one-off prepayment to `loan`: with the next instalment, a
    /// tenth of the principal rounded down to ¥100 (at least ¥100),
    /// shortening the term — a valid item the borrower then changes.
    pub fn add_prepayment(&mut self, loan: LoanKey) -> bool {
        let Some(l) = self.index(loan).and_then(|i| self.doc.loans.get_mut(i)) else { return false };
        if l.prepayments.len() >= MAX_PREPAYMENTS {
            return false;
        }
        let hundred = Decimal::ONE_HUNDRED;
        let amount = ((l.principal / Decimal::TEN / hundred).floor() * hundred).max(hundred);
        l.prepayments.push(Prepayment { month: 1, amount, effect: PrepayEffect::ShortenTerm });
        true
    }

    /// Removes prepayment `item` of `loan`.
    pub fn remove_prepayment(&mut self, loan: LoanKey, item: u16) {
        let Some(l) = self.index(loan).and_then(|i| self.doc.loans.get_mut(i)) else { return };
        if usize::from(item) >= l.prepayments.len() {
            return;
        }
        l.prepayments.remove(usize::from(item));
        let of_item = |p: &super::Place| p.loan == Some(loan) && p.field.spec().each == Each::Prepayment;
        self.edits.retain(|(p, _)| !(of_item(p) && p.item == item));
        for (p, _) in self.edits.iter_mut().filter(|(p, _)| of_item(p) && p.item > item) {
            p.item -= 1;
        }
    }

    /// The custom order as the page lists it: the order given, then the
    /// loans it does not name, in the document's order.
    pub fn payoff_order(&self) -> Vec<String> {
        let given = self.doc.payoff_strategy.as_ref().map_or(&[][..], |p| &p.order[..]);
        // A plain loop: the iterator adapters' code was ~0.5 KB of the road's chunk.
        let mut order = given.to_vec();
        for l in &self.doc.loans {
            if !given.contains(&l.id) {
                order.push(l.id.clone());
            }
        }
        order
    }

    /// Picks a strategy; picking `custom` without an order starts one from
    /// the loans' order, so the pick is valid at once.
    pub fn pick_payoff(&mut self, kind: PayoffKind) {
        let order = self.payoff_order();
        self.doc.edit_payoff(|p| {
            p.kind = kind;
            if kind == PayoffKind::Custom && p.order.is_empty() {
                p.order = order;
            }
        });
    }

    /// Moves loan `id` one place earlier (`up`) or later in the custom order.
    pub fn move_in_order(&mut self, id: &str, up: bool) {
        let mut order = self.payoff_order();
        let Some(i) = order.iter().position(|o| o == id) else { return };
        let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < order.len()) };
        let Some(j) = j else { return };
        order.swap(i, j);
        self.edits.retain(|(p, _)| p.field.spec().each != Each::Order);
        self.doc.edit_payoff(|p| p.order = order);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Place;
    use crate::scenario::{Field, Scenario};

    fn two_loans() -> Form {
        let mut form = Form::new(Scenario::example());
        form.add_loan(crate::engine::Lender::Jiebei);
        form
    }

    #[test]
    fn an_added_prepayment_is_valid_and_removing_one_moves_the_later_edits_up() {
        let mut form = two_loans();
        let a = form.loans()[0];
        assert!(form.add_prepayment(a) && form.add_prepayment(a));
        assert!(form.valid().is_some(), "a new prepayment reads and keeps every rule");
        let p = &form.document().loans[0].prepayments[0];
        assert!(p.amount >= Decimal::ONE_HUNDRED && p.month >= 1 && p.month <= form.document().loans[0].months);
        let second = Place { field: Field::PrepaymentAmount, loan: Some(a), item: 1 };
        form.type_text(second, "12x".into());
        form.remove_prepayment(a, 0);
        let first = Place { item: 0, ..second };
        assert_eq!(form.text(first), "12x", "the unread text moved with its item");
        assert_eq!(form.document().loans[0].prepayments.len(), 1);
        form.remove_prepayment(a, 5);
        assert_eq!(form.document().loans[0].prepayments.len(), 1, "no such item: nothing happens");
    }

    #[test]
    fn picking_custom_starts_an_order_and_moving_keeps_every_loan_once() {
        let mut form = two_loans();
        form.pick_payoff(PayoffKind::Custom);
        assert!(form.valid().is_some(), "custom with an order is valid at once");
        assert_eq!(form.payoff_order(), ["a", "b"]);
        form.move_in_order("b", true);
        assert_eq!(form.document().payoff_strategy.as_ref().unwrap().order, ["b", "a"]);
        form.move_in_order("b", true);
        form.move_in_order("a", false);
        assert_eq!(form.payoff_order(), ["b", "a"], "the ends do not move further");
        form.pick_payoff(PayoffKind::Avalanche);
        assert_eq!(form.document().payoff_strategy.as_ref().unwrap().order, ["b", "a"], "the order is kept for the custom column");
    }
}
