//! Lender presets: the *typical* terms of each kind of lender.
//!
//! They only pre-fill fields the borrower can see and change; the page labels
//! them "typical — check your contract". Sources: DOMAIN.md.

use super::overdue::{PenaltyBase, PenaltyRule};
use super::{Method, RateUnit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The longest personalised instalments a card issuer may agree: five
/// years (DOMAIN.md: Art. 70 of the commercial-bank credit-card rules).
pub const CARD_INSTALMENTS_MAX_MONTHS: u32 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lender {
    /// 网商贷 (MYbank)
    Mybank,
    /// 借呗 (Ant Group)
    Jiebei,
    /// 微粒贷 (WeBank)
    Weilidai,
    /// 银行信用贷 (bank consumer loan)
    BankCredit,
    /// 信用卡 (credit card)
    CreditCard,
    /// 其他
    #[default]
    Other,
}

/// Typical terms that a preset fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LenderPreset {
    pub rate_unit: RateUnit,
    /// A typical quoted rate, in `rate_unit`.
    pub typical_rate: Decimal,
    pub method: Method,
    /// Typical penalty-interest rule on overdue amounts (check the contract).
    pub penalty: PenaltyRule,
}

impl Lender {
    pub const ALL: [Lender; 6] =
        [Self::Mybank, Self::Jiebei, Self::Weilidai, Self::BankCredit, Self::CreditCard, Self::Other];

    pub fn preset(self) -> LenderPreset {
        use Method::*;
        use RateUnit::*;
        let (rate_unit, typical_rate, method) = match self {
            // Online lenders quote a daily rate; 0.02 %–0.05 % is the usual range.
            Self::Mybank => (DailyPercent, Decimal::new(4, 2), EqualInstallment),
            Self::Jiebei => (DailyPercent, Decimal::new(4, 2), EqualInstallment),
            Self::Weilidai => (DailyPercent, Decimal::new(5, 2), EqualPrincipal),
            Self::BankCredit => (AnnualPercent, Decimal::new(6, 0), EqualInstallment),
            // Cards: 0.05 % a day on revolving balances.
            Self::CreditCard => (DailyPercent, Decimal::new(5, 2), EqualInstallment),
            Self::Other => (AnnualPercent, Decimal::new(12, 0), EqualInstallment),
        };
        LenderPreset { rate_unit, typical_rate, method, penalty: self.penalty() }
    }

    /// The typical penalty rule (DOMAIN.md "Overdue costs"), all *typical*:
    /// * 网商贷, 借呗: 1.5 × the daily rate on the overdue amounts
    ///   (principal and interest), no compounding.
    /// * 微粒贷: an extra 50 % on overdue principal.
    /// * Bank loans: contract rate + 50 % (the PBoC's long-standing 30 %–50 %
    ///   band, upper end) on overdue principal, with compound interest on
    ///   unpaid interest at the penalty rate.
    /// * Credit cards: the card's own 0.05 %/day (multiplier 1) on the unpaid
    ///   balance including interest, compounding monthly. The late fee
    ///   (违约金, 5 % of the unpaid minimum) is not modelled.
    /// * Other: 1.5 × on overdue principal.
    pub fn penalty(self) -> PenaltyRule {
        let one_and_a_half = Decimal::new(15, 1);
        let (multiplier, compound, base) = match self {
            Self::Mybank | Self::Jiebei => (one_and_a_half, false, PenaltyBase::PrincipalAndInterest),
            Self::Weilidai => (one_and_a_half, false, PenaltyBase::Principal),
            Self::BankCredit => (one_and_a_half, true, PenaltyBase::Principal),
            Self::CreditCard => (Decimal::ONE, true, PenaltyBase::PrincipalAndInterest),
            Self::Other => (one_and_a_half, false, PenaltyBase::Principal),
        };
        PenaltyRule { multiplier, compound, base }
    }
}
