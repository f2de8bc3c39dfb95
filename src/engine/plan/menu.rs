//! Each debt's options for the plan search, screened without building
//! their schedules: what each asks in the 12 months and after, in fen.

use super::Goal;
use crate::engine::budget::BUDGET_MONTHS;
use crate::engine::daycount::Accrual;
use crate::engine::exact::mul_round;
use crate::engine::proposal::{extension_cap, Ask, Debt, DebtAnalysis, Holiday, HolidayMaturity, HolidayMode, CATCH_UP_CAP_MONTHS, FROZEN_CAP_MONTHS, MAX_HOLIDAY_MONTHS};
use crate::engine::schedule::annuity_payment;
use crate::engine::{fen, Row};
use rust_decimal::Decimal;

/// Fen as whole numbers: the search is sums and comparisons. Amounts
/// beyond 64 bits (impossible within the engine's limits) saturate.
pub(super) fn cents(d: Decimal) -> i64 {
    let f = fen(d);
    let m = f.mantissa() / 10i128.pow(f.scale().saturating_sub(2)) * 10i128.pow(2u32.saturating_sub(f.scale()));
    i64::try_from(m).unwrap_or(if m < 0 { i64::MIN / 4 } else { i64::MAX / 4 })
}

/// What a loan may use in each of the 12 months; index 12 is every later month.
pub(super) type Allow = [i64; BUDGET_MONTHS + 1];

/// What an option asks in each of the 12 months and at most in any later
/// month (fen), and the total the borrower pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Profile {
    pub dues: [i64; BUDGET_MONTHS],
    pub later: i64,
    pub cost: i64,
}

impl Profile {
    /// Every month within its money; a month with nothing fits only 0.
    pub fn fits(&self, allow: &Allow) -> bool {
        (0..BUDGET_MONTHS).all(|m| self.dues[m] <= allow[m].max(0)) && self.later <= allow[BUDGET_MONTHS].max(0)
    }

    pub fn shortfall(&self, allow: &Allow) -> i64 {
        let over = |due: i64, a: i64| (due - a.max(0)).max(0);
        (0..BUDGET_MONTHS).fold(over(self.later, allow[BUDGET_MONTHS]), |a, m| a.saturating_add(over(self.dues[m], allow[m])))
    }

    pub fn used(&self) -> Allow {
        let mut a = [0; BUDGET_MONTHS + 1];
        a[..BUDGET_MONTHS].copy_from_slice(&self.dues);
        a[BUDGET_MONTHS] = self.later;
        a
    }
}

/// An option, its screened profile and its place in the acceptance order:
/// (tier, then its order within the tier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Choice {
    pub ask: Ask,
    pub profile: Profile,
    pub order: (u8, u32, u32),
}

impl Choice {
    pub fn better_than(&self, other: &Choice, goal: Goal) -> bool {
        match goal {
            Goal::Acceptance => self.order < other.order,
            Goal::LowestCost => (self.profile.cost, self.order) < (other.profile.cost, other.order),
        }
    }
}

/// One kind of request (the contract, the waiver, an extension, one
/// holiday, frozen instalments after d months): its members shortest term
/// first; the last asks the least each month (its "floor").
pub(super) struct Kind {
    pub members: Vec<Choice>,
}

impl Kind {
    /// The member asking least that is not set aside.
    pub fn floor(&self, excluded: &[Ask]) -> Option<Choice> {
        self.members.iter().rev().find(|c| !excluded.contains(&c.ask)).copied()
    }

    /// The best member for `goal` that fits `allow`.
    pub fn best(&self, goal: Goal, allow: &Allow, excluded: &[Ask]) -> Option<Choice> {
        let fitting = self.members.iter().filter(|c| !excluded.contains(&c.ask) && c.profile.fits(allow));
        fitting.copied().reduce(|b, c| if c.better_than(&b, goal) { c } else { b })
    }
}

/// Level payments of a loan's options without building their schedules:
/// the annuity at 30/360 (the schedule's own formula); in actual days
/// P·Dₛ₋₁ / (Sₛ₊ₙ₋₁ − Sₛ₋₁) from one pass of discount factors
/// (Dₖ = Πⱼ≤ₖ 1/(1 + rⱼ), Sₖ = Σ Dⱼ), from period 1 exactly the schedule's
/// own computation.
enum Levels {
    Monthly(Decimal),
    Daily { discount: Vec<Decimal>, sums: Vec<Decimal> },
}

impl Levels {
    fn new(acc: &Accrual, periods: u32) -> Self {
        let Accrual::Daily { .. } = acc else {
            return Self::Monthly(acc.nominal_monthly());
        };
        let mut discount = vec![Decimal::ONE];
        let mut sums = vec![Decimal::ZERO];
        for k in 1..=periods {
            let v = Decimal::ONE.checked_div(Decimal::ONE + acc.period_rate(k)).unwrap_or(Decimal::ZERO);
            let d = mul_round(discount[k as usize - 1], v, 24);
            sums.push(sums[k as usize - 1] + d);
            discount.push(d);
        }
        Self::Daily { discount, sums }
    }

    /// The level payment (fen) of `principal` over periods `start..start + n`.
    fn payment(&self, principal: Decimal, start: u32, n: u32) -> i64 {
        match self {
            Self::Monthly(i) => cents(annuity_payment(principal, *i, n)),
            Self::Daily { discount, sums } => {
                let (s, e) = (start as usize - 1, (start + n - 1) as usize);
                let denominator = sums.get(e).copied().unwrap_or_default() - sums[s];
                (principal * discount[s]).checked_div(denominator).map_or(i64::MAX / 4, cents)
            }
        }
    }
}

/// Level payment and last payment of `owed` fen at 0 % over `months`: the
/// payment to the fen, a fen less while it would repay too early, the last
/// absorbing the rest (the schedule's own rule).
fn frozen_payments(owed: i64, months: u32) -> (i64, i64) {
    let n = i64::from(months);
    let mut level = (2 * owed + n) / (2 * n);
    for _ in 0..4 {
        if level.saturating_mul(n - 1) <= owed {
            break;
        }
        level -= 1;
    }
    (level, owed - level.saturating_mul(n - 1))
}

/// Everything the search needs about one debt.
pub(super) struct Menu<'a> {
    pub debt: &'a Debt,
    pub an: &'a DebtAnalysis,
    pub owed: i64,
    /// In acceptance order.
    pub kinds: Vec<Kind>,
}

impl<'a> Menu<'a> {
    pub fn new(debt: &'a Debt, an: &'a DebtAnalysis) -> Self {
        let remaining = debt.loan.months;
        let cap = extension_cap(remaining);
        let levels = Levels::new(&debt.accrual, cap.max(remaining + MAX_HOLIDAY_MONTHS));
        let mut menu = Menu { debt, an, owed: cents(an.owed_now), kinds: Vec::with_capacity(34) };
        menu.kinds.push(menu.contract_or_waivers());
        let extensions = (remaining + 1..=cap).map(|t| {
            let level = levels.payment(an.owed_now, 1, t);
            Choice { ask: Ask::Extension { months: t }, profile: menu.level_profile(&[], 1, t, level, level), order: (2, t, 0) }
        });
        let extensions = Kind { members: extensions.collect() };
        menu.kinds.push(extensions);
        let holidays = menu.holidays(&levels);
        menu.kinds.extend(holidays);
        let frozen: Vec<Kind> = (0..=MAX_HOLIDAY_MONTHS).map(|d| menu.frozen(d)).collect();
        menu.kinds.extend(frozen);
        menu.kinds.retain(|k| !k.members.is_empty());
        menu
    }

    pub fn month_of(&self, period: u32) -> usize {
        self.an.dates.month(period) as usize
    }

    /// The profile of payments by period (those past the 12 months in `later`).
    fn profile(&self, payments: impl Iterator<Item = (u32, i64)>, cost: i64) -> Profile {
        let mut p = Profile { cost, ..Profile::default() };
        for (k, pay) in payments {
            match self.month_of(k) {
                m @ 1..=BUDGET_MONTHS => p.dues[m - 1] = p.dues[m - 1].saturating_add(pay),
                _ => p.later = p.later.max(pay),
            }
        }
        p
    }

    /// `head` explicit payments, then `n` level payments from period
    /// `start`, the last one `last`.
    fn level_profile(&self, head: &[(u32, i64)], start: u32, n: u32, level: i64, last: i64) -> Profile {
        let mut p = self.profile(head.iter().copied(), head.iter().fold(0, |a, h| a.saturating_add(h.1)));
        p.cost = p.cost.saturating_add(level.saturating_mul(i64::from(n - 1))).saturating_add(last);
        for k in start..start + n {
            let pay = if k == start + n - 1 { last } else { level };
            match self.month_of(k) {
                m @ 1..=BUDGET_MONTHS => p.dues[m - 1] = p.dues[m - 1].saturating_add(pay),
                _ => {
                    // Past the 12 months every payment is `level`, but the last.
                    p.later = p.later.max(level).max(last);
                    break;
                }
            }
        }
        p
    }

    pub fn profile_of_rows(&self, rows: &[Row]) -> Profile {
        let cost = rows.iter().fold(0i64, |a, r| a.saturating_add(cents(r.payment)));
        self.profile(rows.iter().map(|r| (r.period, cents(r.payment))), cost)
    }

    /// The contract (a loan without arrears) or the waiver over k = 1…12 months.
    fn contract_or_waivers(&self) -> Kind {
        if self.debt.overdue.amount() <= Decimal::ZERO {
            let profile = self.profile_of_rows(&self.an.contract.rows);
            return Kind { members: vec![Choice { ask: Ask::Contract, profile, order: (0, 0, 0) }] };
        }
        let members = (1..=CATCH_UP_CAP_MONTHS).map(|k| {
            let ask = Ask::Waiver { catch_up: k };
            Choice { ask, profile: self.profile_of_rows(&ask.rows(self.debt, self.an)), order: (1, k, 0) }
        });
        Kind { members: members.collect() }
    }

    /// Holidays of 1–6 months, interest paid then capitalised, the maturity
    /// kept then extended: each its own kind.
    fn holidays(&self, levels: &Levels) -> Vec<Kind> {
        let (debt, an) = (self.debt, self.an);
        let mut out = Vec::with_capacity(24);
        for (tier, mode) in [(3, HolidayMode::InterestOnly), (4, HolidayMode::Capitalised)] {
            let mut balance = an.owed_now;
            let mut head = Vec::with_capacity(MAX_HOLIDAY_MONTHS as usize);
            for h in 1..=MAX_HOLIDAY_MONTHS {
                let interest = debt.accrual.interest(h, balance);
                match mode {
                    HolidayMode::InterestOnly => head.push((h, cents(interest))),
                    HolidayMode::Capitalised => {
                        balance += interest;
                        head.push((h, 0));
                    }
                }
                for (m, maturity) in [(0, HolidayMaturity::Kept), (1, HolidayMaturity::Extended)] {
                    if maturity == HolidayMaturity::Kept && h >= debt.loan.months {
                        continue;
                    }
                    let after = if m == 0 { debt.loan.months - h } else { debt.loan.months };
                    let level = levels.payment(balance, h + 1, after);
                    let profile = self.level_profile(&head, h + 1, after, level, level);
                    let ask = Ask::Holiday(Holiday { months: h, mode, maturity });
                    out.push(Kind { members: vec![Choice { ask, profile, order: (tier, h, m) }] });
                }
            }
        }
        out
    }

    /// Frozen instalments after `deferred` months, over 1…(60 − deferred) months.
    fn frozen(&self, deferred: u32) -> Kind {
        let head: Vec<(u32, i64)> = (1..=deferred).map(|k| (k, 0)).collect();
        let members = (1..=FROZEN_CAP_MONTHS - deferred).map(|months| {
            let (level, last) = frozen_payments(self.owed, months);
            let profile = self.level_profile(&head, deferred + 1, months, level, last);
            Choice { ask: Ask::Frozen { months, deferred }, profile, order: (5, deferred, months) }
        });
        Kind { members: members.collect() }
    }

    /// The kinds in the goal's order: acceptance as listed; lowest cost by
    /// the cost of each kind's floor, ties in acceptance order.
    pub fn kinds_for(&self, goal: Goal, excluded: &[Ask]) -> Vec<(usize, Choice)> {
        let mut floors: Vec<(usize, Choice)> = self.kinds.iter().enumerate().filter_map(|(i, k)| k.floor(excluded).map(|f| (i, f))).collect();
        if goal == Goal::LowestCost {
            floors.sort_by_key(|(_, f)| (f.profile.cost, f.order));
        }
        floors
    }

    /// The option with the least shortfall against `allow`, ties by goal.
    pub fn closest(&self, goal: Goal, allow: &Allow, excluded: &[Ask]) -> Option<Choice> {
        let all = self.kinds.iter().flat_map(|k| k.members.iter()).filter(|c| !excluded.contains(&c.ask));
        let scored = all.map(|c| (c.profile.shortfall(allow), *c));
        scored.reduce(|b, c| if c.0 < b.0 || (c.0 == b.0 && c.1.better_than(&b.1, goal)) { c } else { b }).map(|b| b.1)
    }
}
