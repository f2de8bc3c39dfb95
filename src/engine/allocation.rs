//! Several lenders, one surplus: how to split what is left each month.
//!
//! * **Pro rata ("fair share")**, the UK debt-management-plan rule: each
//!   creditor is offered its balance × surplus ÷ total debt. The whole
//!   surplus is split (these are offers replacing the contract payments).
//! * **Avalanche** (highest rate first) and **snowball** (smallest balance
//!   first): every debt keeps its minimum — the contract's next instalment
//!   plus its arrears — and only the extra, surplus − Σ minimums, goes to
//!   the targets in order, so at most one debt is paid partly beyond its
//!   minimum. An overdue debt is ranked by the penalty rate it accrues.
//!   Pooling all minimums onto one debt is a known bug of other
//!   calculators; here it cannot happen.
//! * Nothing left over: a **token payment** to each lender with a request to
//!   hold action and freeze interest, reviewed in 3–12 months.
//!
//! Every split is exact to the fen: shares sum to the surplus (when it is
//! positive and not more than all balances), remainders going to the
//! largest fractional parts.

use super::{decimal_str, fen, Budget, Debt, DebtAnalysis};
use rust_decimal::Decimal;
use serde::Serialize;

/// The nominal monthly token payment per lender when nothing is left over.
pub const TOKEN_PAYMENT: Decimal = Decimal::from_parts(10, 0, 0, false, 0);
/// Review the token arrangement after this many months (typical range 3–12).
pub const TOKEN_REVIEW_MONTHS: u32 = 3;
/// The longest hold a request asks for before its review (DOMAIN.md: 3–12).
pub const TOKEN_REVIEW_MAX_MONTHS: u32 = 12;

/// A debt as the allocation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllocationDebt {
    pub id: String,
    /// Amount owed now (remaining + overdue principal + overdue interest).
    pub balance: Decimal,
    /// Simple annual rate it accrues, percent: orders the avalanche.
    pub annual_rate_percent: Decimal,
    /// Kept on every debt by avalanche and snowball: the contract's next
    /// instalment plus any arrears.
    pub minimum: Decimal,
}

impl AllocationDebt {
    /// A debt as the allocation sees it: the amount owed now; the contract's
    /// next instalment plus the arrears as its minimum (what keeps it from
    /// falling further behind); and the rate it actually accrues — the
    /// penalty rate when it is overdue and that is higher.
    pub fn of(debt: &Debt, an: &DebtAnalysis) -> Self {
        let contract = debt.loan.rate.annual_percent();
        let accrues = match debt.overdue.is_overdue() {
            true => contract.max(super::checked::mul(contract, debt.penalty.multiplier).unwrap_or(Decimal::MAX)),
            false => contract,
        };
        Self {
            id: debt.id.clone(),
            balance: an.owed_now,
            annual_rate_percent: accrues,
            minimum: an.contract.first_payment() + debt.overdue.amount(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    ProRata,
    Avalanche,
    Snowball,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Share {
    pub id: String,
    /// The contract minimum kept (0 under pro rata, which replaces it).
    #[serde(with = "decimal_str")]
    pub minimum: Decimal,
    /// What goes beyond the minimum.
    #[serde(with = "decimal_str")]
    pub extra: Decimal,
    /// minimum + extra: the monthly payment to this lender.
    #[serde(with = "decimal_str")]
    pub payment: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation {
    pub strategy: Strategy,
    /// False when the minimums alone exceed the surplus (avalanche, snowball)
    /// or there is no surplus; `shortfall` says by how much.
    pub feasible: bool,
    #[serde(with = "decimal_str")]
    pub shortfall: Decimal,
    /// Surplus beyond every balance (nothing left to pay).
    #[serde(with = "decimal_str")]
    pub unallocated: Decimal,
    pub shares: Vec<Share>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TokenPlan {
    /// Monthly token payment to each lender.
    #[serde(with = "decimal_str")]
    pub per_lender: Decimal,
    #[serde(with = "decimal_str")]
    pub total: Decimal,
    pub review_months: u32,
}

/// All strategies for one surplus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationPlan {
    /// The monthly amount available for all debts (disposable income).
    #[serde(with = "decimal_str")]
    pub surplus: Decimal,
    #[serde(with = "decimal_str")]
    pub total_owed: Decimal,
    #[serde(with = "decimal_str")]
    pub total_minimums: Decimal,
    pub strategies: Vec<Allocation>,
    /// Present when the surplus is zero or negative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<TokenPlan>,
}

const FEN: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Splits `amount` (rounded to the fen) in proportion to `weights`, exactly
/// to the fen (largest remainder; ties to the earlier entry). Zero or
/// negative weights count as zero; all-zero weights split equally. A
/// negative amount is split as its absolute value and negated.
///
/// In whole numbers ([`pro_rata_at`]): exact at the weights' own places
/// whenever they and the products fit 128 bits, which every weight the
/// engine passes does (balances owed, fen amounts below ¥10^13: ¥10^13 ×
/// 10^15 fen is 2^83). Weights of more places than that allows are
/// truncated to the most places that fit — no rounding of 28-digit
/// decimals, and still exact to the fen of `amount`.
pub fn pro_rata(amount: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    if weights.is_empty() {
        return Vec::new();
    }
    let amount = fen(amount);
    if amount.is_sign_negative() {
        return pro_rata(-amount, weights).into_iter().map(|v| -v).collect();
    }
    let w: Vec<Decimal> = weights.iter().map(|x| (*x).max(Decimal::ZERO)).collect();
    let cents = (amount / FEN).trunc();
    let scale = w.iter().map(|x| x.scale() as i32).max().unwrap_or(0);
    // At −29 places every weight (below 10^29) is 0: an equal split, which fits.
    (-29..=scale).rev().find_map(|places| pro_rata_at(cents, &w, places)).unwrap_or_default()
}

/// [`pro_rata`] of `cents` fen in whole numbers, each weight (≥ 0) taken
/// at `places` decimals (×10^places, truncated) — each share's fen and
/// remainder exactly, so equal remainders tie exactly — when the weights
/// and products fit 128 bits. All-zero weights split equally.
fn pro_rata_at(cents: Decimal, weights: &[Decimal], places: i32) -> Option<Vec<Decimal>> {
    let whole = |x: &Decimal| match places - x.scale() as i32 {
        up @ 0.. => x.mantissa().checked_mul(10i128.checked_pow(up as u32)?),
        down => Some(10i128.checked_pow(down.unsigned_abs()).map_or(0, |p| x.mantissa() / p)),
    };
    let mut w: Vec<i128> = weights.iter().map(whole).collect::<Option<_>>()?;
    let mut total = w.iter().try_fold(0i128, |a, b| a.checked_add(*b))?;
    if total == 0 {
        w.fill(1);
        total = w.len() as i128;
    }
    let cents = cents.mantissa() / 10i128.pow(cents.scale());
    let out = largest_remainder(cents, &w, total)?;
    Some(out.into_iter().map(|c| Decimal::from_i128_with_scale(c, 2)).collect())
}

/// `amount` (≥ 0) split in proportion to `w` (each ≥ 0, summing to
/// `total` > 0): each part's floor, then what is left one by one to the
/// largest remainders (ties to the earlier). The remainders sum to fewer
/// than `w.len()` totals, so each part gets at most one more. `None` when
/// a product leaves 128 bits. One copy for the pro-rata split here and the
/// plan search's ([`super::plan`], issue 13).
pub(crate) fn largest_remainder(amount: i128, w: &[i128], total: i128) -> Option<Vec<i128>> {
    let mut out = Vec::with_capacity(w.len());
    let mut rems = Vec::with_capacity(w.len());
    for (i, wi) in w.iter().enumerate() {
        let x = amount.checked_mul(*wi)?;
        out.push(x / total);
        rems.push((x % total, i));
    }
    let left = amount - out.iter().sum::<i128>();
    super::small_sort::sort_by(&mut rems, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in rems.iter().take(usize::try_from(left).unwrap_or(0)) {
        out[*i] += 1;
    }
    Some(out)
}

fn share(id: &str, minimum: Decimal, extra: Decimal) -> Share {
    Share { id: id.to_string(), minimum, extra, payment: minimum + extra }
}

/// Pro rata to balance, capped at each balance (the excess re-split among the others).
fn fair_share(debts: &[AllocationDebt], surplus: Decimal) -> Allocation {
    let n = debts.len();
    let mut pay = vec![Decimal::ZERO; n];
    let mut open: Vec<bool> = debts.iter().map(|d| d.balance > Decimal::ZERO).collect();
    let mut left = surplus.max(Decimal::ZERO);
    for _ in 0..=n {
        let weights: Vec<Decimal> = debts.iter().zip(&open).map(|(d, &o)| if o { d.balance } else { Decimal::ZERO }).collect();
        if left <= Decimal::ZERO || !open.iter().any(|o| *o) {
            break;
        }
        let split = pro_rata(left, &weights);
        let overpays = |d: &AllocationDebt, paid: Decimal, part: Decimal, open: bool| open && paid + part > d.balance;
        if !debts.iter().zip(&pay).zip(&split).zip(&open).any(|(((d, p), s), o)| overpays(d, *p, *s, *o)) {
            for (p, s) in pay.iter_mut().zip(&split) {
                *p += *s;
            }
            left = Decimal::ZERO;
            break;
        }
        // Pay off the debts the split would overpay, then split the rest again.
        for (((d, p), s), o) in debts.iter().zip(&mut pay).zip(&split).zip(&mut open) {
            if overpays(d, *p, *s, *o) {
                left -= d.balance - *p;
                *p = d.balance;
                *o = false;
            }
        }
    }
    Allocation {
        strategy: Strategy::ProRata,
        feasible: surplus > Decimal::ZERO,
        shortfall: if surplus < Decimal::ZERO { -surplus } else { Decimal::ZERO },
        unallocated: left,
        shares: debts.iter().zip(pay).map(|(d, p)| share(&d.id, Decimal::ZERO, p)).collect(),
    }
}

/// Minimums on every debt, the extra to targets in `order`.
fn targeted(debts: &[AllocationDebt], surplus: Decimal, strategy: Strategy, order: &[usize]) -> Allocation {
    let minimums: Vec<Decimal> = debts.iter().map(|d| d.minimum.min(d.balance).max(Decimal::ZERO)).collect();
    let total_min: Decimal = minimums.iter().sum();
    let mut extra = vec![Decimal::ZERO; debts.len()];
    let mut left = fen(surplus) - total_min;
    let feasible = left >= Decimal::ZERO && surplus > Decimal::ZERO;
    if feasible {
        for &i in order {
            let (Some(d), Some(minimum), Some(extra)) = (debts.get(i), minimums.get(i), extra.get_mut(i)) else { continue };
            let room = (d.balance - *minimum).max(Decimal::ZERO);
            *extra = room.min(left);
            left -= *extra;
        }
    }
    Allocation {
        strategy,
        feasible,
        shortfall: if left < Decimal::ZERO { -left } else { Decimal::ZERO },
        unallocated: if feasible { left } else { Decimal::ZERO },
        shares: debts.iter().zip(minimums).zip(extra).map(|((d, minimum), extra)| share(&d.id, minimum, extra)).collect(),
    }
}

/// Pro rata, avalanche and snowball for `surplus` a month, and the token
/// plan when nothing is left over.
pub fn allocate(debts: &[AllocationDebt], surplus: Decimal) -> AllocationPlan {
    let surplus = fen(surplus);
    let mut by_rate: Vec<usize> = (0..debts.len()).collect();
    super::small_sort::sort_by(&mut by_rate, |&a, &b| debts[b].annual_rate_percent.cmp(&debts[a].annual_rate_percent).then(a.cmp(&b)));
    let mut by_balance: Vec<usize> = (0..debts.len()).collect();
    super::small_sort::sort_by(&mut by_balance, |&a, &b| debts[a].balance.cmp(&debts[b].balance).then(a.cmp(&b)));
    let token = (surplus <= Decimal::ZERO).then(|| TokenPlan {
        per_lender: TOKEN_PAYMENT,
        total: TOKEN_PAYMENT * Decimal::from(debts.len()),
        review_months: TOKEN_REVIEW_MONTHS,
    });
    AllocationPlan {
        surplus,
        total_owed: debts.iter().map(|d| d.balance).sum(),
        total_minimums: debts.iter().map(|d| d.minimum.min(d.balance).max(Decimal::ZERO)).sum(),
        strategies: vec![
            fair_share(debts, surplus),
            targeted(debts, surplus, Strategy::Avalanche, &by_rate),
            targeted(debts, surplus, Strategy::Snowball, &by_balance),
        ],
        token,
    }
}

/// Surplus of each forecast month: that month's net income − expenses −
/// other obligations − the safety buffer on that month's income (none on a
/// loss). Used for the cash-flow plan; a negative month needs a holiday.
pub fn forecast_surplus(budget: &Budget, incomes: &[Decimal; 12]) -> [Decimal; 12] {
    incomes.map(|income| {
        let buffer = fen(income.max(Decimal::ZERO) * budget.buffer_percent / Decimal::ONE_HUNDRED);
        income - budget.expenses - budget.other_obligations - buffer
    })
}

/// How a loan's monthly budget was derived from the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareBasis {
    /// Pro rata to the amount owed now ("fair share"; every lender alike).
    Balance,
    /// The only loan: all of it.
    Whole,
    /// Nothing is left to share: every loan sees the whole (non-positive) amount.
    NothingLeft,
}

/// One loan's part of the monthly money, and what it is: "this loan's
/// share: ¥286.64, 71.66 % of ¥400.00, by balance".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoanShare {
    pub loan_id: String,
    /// The loan's flat monthly amount.
    #[serde(with = "decimal_str")]
    pub share: Decimal,
    /// Its weight: the loan's amount owed ÷ all amounts owed, percent (2
    /// decimals); 100 for a single loan or when nothing is left.
    #[serde(with = "decimal_str")]
    pub percent: Decimal,
    /// Of what: the disposable amount of the budget.
    #[serde(with = "decimal_str")]
    pub of: Decimal,
    pub basis: ShareBasis,
    /// Its share of each forecast month's surplus, when there is a forecast.
    #[serde(with = "decimal_str::months", skip_serializing_if = "Option::is_none")]
    pub months: Option<[Decimal; 12]>,
    /// Months after the 12th repeat `months` (else they have `share`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub repeats: bool,
}

impl LoanShare {
    /// The budget its proposals are sized on.
    pub fn budget(&self) -> super::proposal::LoanBudget {
        super::proposal::LoanBudget { available: self.share, forecast: self.months, repeats: self.repeats }
    }
}

/// Each debt's monthly budget for its proposals: its fair share (pro rata
/// to the amount owed) of the disposable amount, and of each forecast
/// month's surplus. A single debt gets everything; when nothing is
/// disposable every debt sees the (non-positive) disposable amount itself.
/// `repeats`: the forecast's year repeats after the 12th month (each share
/// of a later month is then its forecast month's share).
pub fn loan_budgets(ids: &[&str], disposable: Decimal, forecast: Option<&[Decimal; 12]>, repeats: bool, owed: &[Decimal]) -> Vec<LoanShare> {
    let split = disposable > Decimal::ZERO && owed.len() > 1;
    let flat = if disposable > Decimal::ZERO { pro_rata(disposable, owed) } else { vec![disposable; owed.len()] };
    let months: Option<Vec<Vec<Decimal>>> = forecast.map(|f| f.iter().map(|s| pro_rata(*s, owed)).collect());
    let total: Decimal = owed.iter().sum();
    flat.into_iter()
        .enumerate()
        .map(|(i, share)| LoanShare {
            loan_id: ids.get(i).map_or_else(String::new, |s| s.to_string()),
            share,
            percent: if split { super::proposal::share_percent(owed[i], total) } else { Decimal::ONE_HUNDRED },
            of: disposable,
            basis: match (split, disposable > Decimal::ZERO) {
                (true, _) => ShareBasis::Balance,
                (false, true) => ShareBasis::Whole,
                (false, false) => ShareBasis::NothingLeft,
            },
            months: months.as_ref().map(|m| std::array::from_fn(|k| m[k][i])),
            repeats: repeats && forecast.is_some(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn debt(id: &str, balance: &str, rate: &str, minimum: &str) -> AllocationDebt {
        AllocationDebt { id: id.into(), balance: d(balance), annual_rate_percent: d(rate), minimum: d(minimum) }
    }

    #[test]
    fn pro_rata_is_exact_to_the_fen() {
        // 100.00 in thirds: 33.34, 33.33, 33.33 (largest remainder, ties to the first).
        assert_eq!(pro_rata(d("100"), &[d("1"), d("1"), d("1")]), vec![d("33.34"), d("33.33"), d("33.33")]);
        // 1000 split 50000 : 30000 : 20000 → 500, 300, 200.
        assert_eq!(pro_rata(d("1000"), &[d("50000"), d("30000"), d("20000")]), vec![d("500.00"), d("300.00"), d("200.00")]);
        // 0.05 over 1:1:1 — fractions .666…: 0.02, 0.02, 0.01.
        assert_eq!(pro_rata(d("0.05"), &[d("1"), d("1"), d("1")]), vec![d("0.02"), d("0.02"), d("0.01")]);
        assert_eq!(pro_rata(d("10"), &[d("0"), d("0")]), vec![d("5.00"), d("5.00")]);
        assert_eq!(pro_rata(d("-10"), &[d("1"), d("3")]), vec![d("-2.50"), d("-7.50")]);
        assert!(pro_rata(d("1"), &[]).is_empty());
    }

    proptest::proptest! {
        /// Any weights — 28 places, 96-bit mantissas, mixed — split any
        /// amount exactly to the fen, never below zero: the ones that do not
        /// fit 128 bits at their own places are taken at fewer.
        #[test]
        fn pro_rata_splits_any_weights_to_the_fen(
            amount in 0i64..1_000_000_000_000_000,
            weights in proptest::collection::vec((proptest::prelude::any::<u128>(), 0u32..=28), 1..6),
        ) {
            let amount = Decimal::new(amount, 2);
            let weights: Vec<Decimal> = weights.iter().map(|(m, s)| Decimal::from_i128_with_scale((m % (1u128 << 96)) as i128, *s)).collect();
            let parts = pro_rata(amount, &weights);
            proptest::prop_assert_eq!(parts.len(), weights.len());
            proptest::prop_assert!(parts.iter().all(|p| *p >= Decimal::ZERO));
            proptest::prop_assert_eq!(parts.iter().sum::<Decimal>(), amount);
        }
    }

    /// Balances owed (fen amounts up to ¥10^13) and budgets up to ¥10^12
    /// are split at their own places, exactly; weights of too many places
    /// for 128 bits at fewer (here the 28-place one counts as 0 beside ¥10^20).
    #[test]
    fn pro_rata_of_fen_amounts_is_exact_at_two_places() {
        let cents = d("100000000000000");
        let owed = [d("9999999999999.99"), d("0.01"), d("5000000000000")];
        let at_two = pro_rata_at(cents, &owed, 2).unwrap();
        assert_eq!(pro_rata(d("1000000000000"), &owed), at_two);
        assert_eq!(at_two.iter().sum::<Decimal>(), d("1000000000000"));
        let tiny = Decimal::from_i128_with_scale(1, 28);
        assert_eq!(pro_rata(d("10"), &[d("100000000000000000000"), tiny]), vec![d("10.00"), d("0.00")]);
        assert_eq!(pro_rata(d("10"), &[tiny, tiny]), vec![d("5.00"), d("5.00")]);
    }

    #[test]
    fn minimums_stay_on_every_debt() {
        // Surplus 3000; minimums 1000 + 500 + 300 = 1800; extra 1200.
        let debts = vec![debt("mybank", "50000", "18", "1000"), debt("jiebei", "20000", "12.6", "500"), debt("card", "8000", "18.25", "300")];
        let plan = allocate(&debts, d("3000"));
        let avalanche = &plan.strategies[1];
        assert!(avalanche.feasible);
        // Highest rate: the card (18.25 %) takes all 1200 extra.
        assert_eq!(avalanche.shares[2].payment, d("1500"));
        assert_eq!(avalanche.shares[0].payment, d("1000"));
        assert_eq!(avalanche.shares[1].payment, d("500"));
        let snowball = &plan.strategies[2];
        // Smallest balance is the card too; here check sums instead.
        let sum: Decimal = snowball.shares.iter().map(|s| s.payment).sum();
        assert_eq!(sum, d("3000"));
        let fair = &plan.strategies[0];
        // 3000 × 50000/78000 = 1923.0769… → 1923.08; 769.2307… → 769.23; 307.6923… → 307.69.
        let pays: Vec<Decimal> = fair.shares.iter().map(|s| s.payment).collect();
        assert_eq!(pays, vec![d("1923.08"), d("769.23"), d("307.69")]);
        assert!(plan.token.is_none());
    }

    #[test]
    fn extra_spills_over_a_paid_off_target() {
        let debts = vec![debt("a", "100", "30", "50"), debt("b", "10000", "10", "500")];
        let plan = allocate(&debts, d("1000"));
        let av = &plan.strategies[1];
        assert_eq!((av.shares[0].payment, av.shares[1].payment), (d("100"), d("900")));
        let fair = &plan.strategies[0];
        // a would get 9.90 of 1000; no cap needed. b gets 990.10.
        assert_eq!(fair.shares[0].payment + fair.shares[1].payment, d("1000"));
        // A surplus above every balance leaves the rest unallocated.
        let plan = allocate(&debts, d("20000"));
        assert_eq!(plan.strategies[0].unallocated, d("9900"));
        assert_eq!(plan.strategies[0].shares[0].payment, d("100"));
    }

    #[test]
    fn minimums_above_the_surplus_and_token_payments() {
        let debts = vec![debt("a", "10000", "18", "900"), debt("b", "10000", "12", "900")];
        let plan = allocate(&debts, d("1000"));
        assert!(!plan.strategies[1].feasible);
        assert_eq!(plan.strategies[1].shortfall, d("800"));
        assert!(plan.strategies[0].feasible);
        let plan = allocate(&debts, d("-500"));
        assert_eq!(plan.token, Some(TokenPlan { per_lender: d("10"), total: d("20"), review_months: 3 }));
        assert!(plan.strategies.iter().all(|s| !s.feasible));
    }

    #[test]
    fn forecast_surplus_and_budgets() {
        let b = Budget { income: d("10000"), expenses: d("4000"), other_obligations: d("500"), buffer_percent: d("10") };
        let mut incomes = [d("10000"); 12];
        incomes[1] = d("-2000");
        let s = forecast_surplus(&b, &incomes);
        assert_eq!(s[0], d("4500.00"));
        assert_eq!(s[1], d("-6500"));
        let shares = loan_budgets(&["a", "b"], d("4500"), Some(&s), false, &[d("20000"), d("10000")]);
        let budgets: Vec<_> = shares.iter().map(LoanShare::budget).collect();
        assert_eq!(budgets[0].available + budgets[1].available, d("4500"));
        assert_eq!(budgets[0].available, d("3000.00"));
        let f0 = budgets[0].forecast.unwrap();
        assert_eq!(f0[1] + budgets[1].forecast.unwrap()[1], d("-6500"));
        // What each share is: 2/3 of 4,500 by balance.
        assert_eq!((shares[0].loan_id.as_str(), shares[0].percent, shares[0].of, shares[0].basis), ("a", d("66.67"), d("4500"), ShareBasis::Balance));
        let one = loan_budgets(&["a"], d("4500"), None, false, &[d("20000")]);
        assert_eq!((one[0].share, one[0].percent, one[0].basis, one[0].months), (d("4500.00"), d("100"), ShareBasis::Whole, None));
        let none = loan_budgets(&["a", "b"], d("-10"), None, false, &[d("1"), d("2")]);
        assert!(none.iter().all(|s| s.share == d("-10") && s.basis == ShareBasis::NothingLeft));
    }
}
