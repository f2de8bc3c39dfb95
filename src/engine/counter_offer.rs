//! The counter-offer check: what a lender's offer really costs, and
//! whether the borrower can carry it.
//!
//! The borrower types the offer as the lender states it: the number of
//! instalments; either the monthly amount, the total of the instalments, or
//! an annual rate (then level 等额本息 instalments on what remains after the
//! down payment); a fee per month as a percentage of that amount (the way
//! credit-card instalments are priced, 每期手续费), added to each
//! instalment; a one-off fee and a down payment, both paid at signing.
//!
//! Conventions, the same as the proposals' (`proposal.rs`):
//! * **Held** = amount owed now (penalties excluded) − down payment − one-off
//!   fee: what the borrower still has the use of once the plan is signed.
//! * **APR** = IRR of (held, the instalments), both forms; `None` when the
//!   instalments repay less than is held (the offer forgives part of the
//!   debt: `cost` is then negative).
//! * **Total paid** = down payment + fee + every instalment; **cost** = total
//!   paid − amount owed now.
//! * `saving_vs_contract` = contract total (arrears now + remaining schedule)
//!   − total paid; `saving_vs_nothing` = what is owed after 360 days of not
//!   paying − (what the offer pays in its first 12 months, signing included,
//!   plus what it still owes after them), the balance after month 12 being
//!   the remaining instalments discounted at the offer's own rate
//!   (undiscounted when that rate is not positive); `saving_vs_ask` = the
//!   borrower's ask's total − total paid. Positive: the offer costs less.
//! * **Fits**: instalment k against the month's budget — the forecast share
//!   of month k (entry (k − 1) mod 12, a deficit month counting as 0) when
//!   there is one, else the flat monthly amount; what is paid at signing
//!   against the cash the borrower says they can raise.

use super::apr::{apr_of_payments, Apr};
use super::proposal::{DebtAnalysis, LoanBudget};
use super::schedule::{Method, Schedule};
use super::{fen, fen_down, Date, Lender, MAX_AMOUNT, MAX_ANNUAL_PERCENT, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::Serialize;

/// Highest fee per month accepted, percent (typical offers: 0.3–1 %).
pub const MAX_MONTHLY_FEE_PERCENT: Decimal = Decimal::TEN;

/// How the offer states its instalments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instalments {
    /// The same amount every month.
    Monthly(Decimal),
    /// The sum of all instalments, split equally: each rounded down to the
    /// fen, the last absorbing the rest.
    Total(Decimal),
    /// Level instalments at this simple annual rate, percent.
    AnnualRate(Decimal),
}

/// What the lender offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CounterOffer {
    pub months: u32,
    pub instalments: Instalments,
    /// Fee per month, percent of the amount in instalments; 0 when none.
    pub monthly_fee_percent: Decimal,
    /// One-off fee paid at signing; 0 when none.
    pub upfront_fee: Decimal,
    /// Paid at signing; 0 when none.
    pub down_payment: Decimal,
    pub first_payment_date: Option<Date>,
}

/// The figures the offer is compared with, from the debt's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfferBasis {
    /// Remaining + overdue principal + overdue interest.
    pub owed_now: Decimal,
    /// Arrears paid now plus the remaining contract schedule.
    pub contract_total_paid: Decimal,
    /// Owed after 360 days of paying nothing.
    pub owed_after_year: Decimal,
    /// The contract's monthly rate, a fraction: a starting guess for the IRR.
    pub contract_monthly_rate: Decimal,
    /// Credit cards get the Article 70 items on the checklist.
    pub is_credit_card: bool,
}

impl OfferBasis {
    pub fn of(an: &DebtAnalysis, lender: Lender, contract_monthly_rate: Decimal) -> Self {
        Self {
            owed_now: an.owed_now,
            contract_total_paid: an.contract_total_paid,
            owed_after_year: an.overdue_cost.horizons.last().map_or(an.owed_now, |h| h.owed),
            contract_monthly_rate,
            is_credit_card: lender == Lender::CreditCard,
        }
    }
}

/// What the borrower can pay, to test the offer against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Means {
    /// This debt's monthly budget (flat, and the forecast share when known).
    pub budget: LoanBudget,
    /// Cash the borrower can raise at signing (the settlement lump sum), 0 if none.
    pub cash: Decimal,
    /// Total paid under the borrower's own ask, when there is one.
    pub ask_total_paid: Option<Decimal>,
}

/// The offer field at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferField {
    Months,
    Monthly,
    Total,
    AnnualRate,
    MonthlyFee,
    UpfrontFee,
    DownPayment,
    /// The debt itself (nothing is owed).
    Owed,
}

/// The rule broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferRule {
    /// Months outside 1–600, a rate or fee above its ceiling.
    OutOfRange,
    NotPositive,
    Negative,
    TooLarge,
    NotInFen,
    /// Down payment and fee cover the whole amount owed: that is a settlement.
    CoversDebt,
}

/// Why an offer cannot be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OfferError {
    pub field: OfferField,
    pub rule: OfferRule,
}

fn fault(field: OfferField, rule: OfferRule) -> OfferError {
    OfferError { field, rule }
}

/// What a field of the offer must be.
#[derive(Clone, Copy)]
enum Kind {
    /// An amount of money: ≥ 0 (> 0 when `positive`), ≤ ¥1 trillion, whole fen.
    Amount { positive: bool },
    /// A percentage between 0 and this ceiling.
    Percent(Decimal),
}

/// The rule `v` breaks as a value of `kind`, if any. One function for
/// every field (read by reference: a `Decimal` by value is a 16-byte copy
/// at each call).
fn broken(v: &Decimal, kind: &Kind) -> Option<OfferRule> {
    let v = *v;
    match *kind {
        Kind::Amount { positive: true } if v <= Decimal::ZERO => Some(OfferRule::NotPositive),
        _ if v < Decimal::ZERO => Some(OfferRule::Negative),
        Kind::Amount { .. } if v > MAX_AMOUNT => Some(OfferRule::TooLarge),
        Kind::Amount { .. } if fen(v) != v => Some(OfferRule::NotInFen),
        Kind::Percent(max) if v > max => Some(OfferRule::OutOfRange),
        _ => None,
    }
}

impl CounterOffer {
    /// Checks every field against the amount owed now, in the form's
    /// order: the first field at fault is named.
    pub fn validate(&self, owed_now: Decimal) -> Result<(), OfferError> {
        if owed_now <= Decimal::ZERO {
            return Err(fault(OfferField::Owed, OfferRule::NotPositive));
        }
        if self.months == 0 || self.months > MAX_MONTHS {
            return Err(fault(OfferField::Months, OfferRule::OutOfRange));
        }
        const AMOUNT: Kind = Kind::Amount { positive: false };
        let stated = match &self.instalments {
            Instalments::Monthly(m) => (OfferField::Monthly, m, Kind::Amount { positive: true }),
            // Every instalment must be at least a fen (`Total`'s own check below).
            Instalments::Total(t) => (OfferField::Total, t, Kind::Amount { positive: true }),
            Instalments::AnnualRate(r) => (OfferField::AnnualRate, r, Kind::Percent(MAX_ANNUAL_PERCENT)),
        };
        let rows = [
            stated,
            (OfferField::MonthlyFee, &self.monthly_fee_percent, Kind::Percent(MAX_MONTHLY_FEE_PERCENT)),
            (OfferField::UpfrontFee, &self.upfront_fee, AMOUNT),
            (OfferField::DownPayment, &self.down_payment, AMOUNT),
        ];
        for (field, v, kind) in &rows {
            let rule = match broken(v, kind) {
                None if *field == OfferField::Total && **v < Decimal::new(i64::from(self.months), 2) => Some(OfferRule::NotPositive),
                rule => rule,
            };
            if let Some(rule) = rule {
                return Err(fault(*field, rule));
            }
        }
        if self.down_payment + self.upfront_fee >= owed_now {
            return Err(fault(OfferField::DownPayment, OfferRule::CoversDebt));
        }
        Ok(())
    }

    /// The instalments, month 1 first, fees included.
    fn payments(&self, owed_now: Decimal) -> Vec<Decimal> {
        let n = self.months;
        let financed = owed_now - self.down_payment;
        let fee = fen(financed * self.monthly_fee_percent / Decimal::ONE_HUNDRED);
        // The same amount each month, the last absorbing the fen. The part
        // is rounded down: rounded to nearest, 599 parts of ¥0.02 would
        // exceed a ¥9.00 total over 600 months and leave the last negative.
        let level = |total: Decimal| {
            let part = fen_down(total / Decimal::from(n));
            let mut all = vec![part; n as usize];
            if let Some(last) = all.last_mut() {
                *last = total - part * Decimal::from(n - 1);
            }
            all
        };
        let mut all = match self.instalments {
            Instalments::Monthly(m) => vec![m; n as usize],
            Instalments::Total(t) => level(t),
            Instalments::AnnualRate(r) => Schedule::build(financed, r / Decimal::from(1200), n, Method::EqualInstallment)
                .map(|s| s.payments())
                .unwrap_or_else(|_| level(financed)),
        };
        for p in &mut all {
            *p += fee;
        }
        all
    }
}

/// One instalment of the offer against the month's budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OfferMonth {
    pub period: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(with = "super::decimal_str")]
    pub payment: Decimal,
    #[serde(with = "super::decimal_str")]
    pub available: Decimal,
    pub fits: bool,
}

/// An item the written agreement should state (DOMAIN.md "What the written
/// agreement should state"; the Article 70 items for credit cards).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementItem {
    /// The balance owed and its structure (principal, interest, fees, penalty).
    BalanceAndStructure,
    /// The repayment period and method.
    PeriodAndMethod,
    /// Every payment's date and amount.
    DatesAndAmounts,
    /// Whether interest, annual fees and other charges continue during the plan.
    InterestAndFees,
    /// What happens to the penalty interest already charged.
    PenaltyAlreadyCharged,
    /// How the account is reported to the credit bureau, during and after.
    CreditReporting,
    /// Both sides' duties and what happens on default.
    DutiesAndDefault,
    /// Credit cards: the holder applies for no new card until it is settled.
    NoNewCards,
    /// Credit cards: collection stops once the agreement is signed.
    CollectionStops,
}

/// The checklist for an agreement with this kind of lender.
pub fn agreement_checklist(is_credit_card: bool) -> Vec<AgreementItem> {
    use AgreementItem::*;
    let mut items = vec![BalanceAndStructure, PeriodAndMethod, DatesAndAmounts, InterestAndFees, PenaltyAlreadyCharged, CreditReporting, DutiesAndDefault];
    if is_credit_card {
        items.extend([NoNewCards, CollectionStops]);
    }
    items
}

/// Everything the check shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfferCheck {
    /// Paid at signing: down payment + one-off fee.
    #[serde(with = "super::decimal_str")]
    pub at_signing: Decimal,
    #[serde(with = "super::decimal_str")]
    pub total_paid: Decimal,
    /// Total paid − amount owed now: interest and fees (negative: a discount).
    #[serde(with = "super::decimal_str")]
    pub cost: Decimal,
    pub apr: Option<Apr>,
    #[serde(with = "super::decimal_str")]
    pub saving_vs_contract: Decimal,
    #[serde(with = "super::decimal_str")]
    pub saving_vs_nothing: Decimal,
    #[serde(with = "super::decimal_str::option")]
    pub saving_vs_ask: Option<Decimal>,
    pub months: Vec<OfferMonth>,
    /// Every instalment and the signing payment fit.
    pub fits: bool,
    /// The first month that does not fit.
    pub first_unfit: Option<u32>,
    pub signing_fits: bool,
    pub checklist: Vec<AgreementItem>,
}

/// The remaining payments after month 12 discounted at `irr` (not at all
/// when it is not positive).
fn balance_after_year(payments: &[Decimal], irr: Option<Decimal>) -> Decimal {
    let rest = payments.get(12..).unwrap_or(&[]);
    let v = match irr {
        Some(r) if r > Decimal::ZERO => Decimal::ONE / (Decimal::ONE + r),
        _ => return rest.iter().sum(),
    };
    fen(rest.iter().rev().fold(Decimal::ZERO, |acc, p| (acc + p) * v))
}

fn months_against(payments: &[Decimal], offer: &CounterOffer, budget: &LoanBudget) -> Vec<OfferMonth> {
    payments
        .iter()
        .zip(1u32..)
        .map(|(&payment, period)| {
            let available = match &budget.forecast {
                Some(f) => f[(period as usize - 1) % 12].max(Decimal::ZERO),
                None => budget.available,
            };
            let date = offer.first_payment_date.and_then(|d| d.add_months(period as i32 - 1));
            OfferMonth { period, date, payment, available, fits: payment <= available }
        })
        .collect()
}

/// Checks `offer` against the debt (`basis`) and the borrower's `means`.
pub fn check_offer(offer: &CounterOffer, basis: &OfferBasis, means: &Means) -> Result<OfferCheck, OfferError> {
    offer.validate(basis.owed_now)?;
    let payments = offer.payments(basis.owed_now);
    let at_signing = offer.down_payment + offer.upfront_fee;
    let held = basis.owed_now - at_signing;
    let instalments: Decimal = payments.iter().sum();
    let apr = if instalments >= held { apr_of_payments(held, &payments, basis.contract_monthly_rate).ok() } else { None };
    let total_paid = at_signing + instalments;
    let first_year: Decimal = payments.iter().take(12).sum();
    let after_year = balance_after_year(&payments, apr.map(|a| a.monthly_irr));
    let months = months_against(&payments, offer, &means.budget);
    let first_unfit = months.iter().find(|m| !m.fits).map(|m| m.period);
    let signing_fits = at_signing <= means.cash;
    Ok(OfferCheck {
        at_signing,
        total_paid,
        cost: total_paid - basis.owed_now,
        apr,
        saving_vs_contract: basis.contract_total_paid - total_paid,
        saving_vs_nothing: basis.owed_after_year - (at_signing + first_year + after_year),
        saving_vs_ask: means.ask_total_paid.map(|t| t - total_paid),
        fits: first_unfit.is_none() && signing_fits,
        first_unfit,
        signing_fits,
        months,
        checklist: agreement_checklist(basis.is_credit_card),
    })
}

#[cfg(test)]
mod tests;
