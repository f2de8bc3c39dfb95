//! Each debt's options for the plan search, screened without building
//! their schedules: what each asks in the 12 months and after, in fen.

use super::Goal;
use crate::engine::budget::BUDGET_MONTHS;
use crate::engine::daycount::Accrual;
use crate::engine::exact::mul_round;
use crate::engine::proposal::{extension_cap, Ask, Debt, DebtAnalysis, Holiday, HolidayMaturity, HolidayMode, LoanBudget, CATCH_UP_CAP_MONTHS, FROZEN_CAP_MONTHS, MAX_HOLIDAY_MONTHS};
use crate::engine::Row;
use rust_decimal::Decimal;

/// Fen as whole numbers: the search is sums and comparisons. Amounts
/// beyond 64 bits (impossible within the engine's limits) saturate.
pub(super) fn cents(d: Decimal) -> i64 {
    // fen(d) in whole fen with one 128-bit division (half away from zero):
    // rounding a 28-digit quotient with `fen` takes one division per digit.
    let (m, scale) = (d.mantissa(), d.scale());
    let f = if scale <= 2 {
        m * [100, 10, 1][scale as usize]
    } else {
        let unit = 10i128.pow(scale - 2);
        let (q, r) = (m / unit, m % unit);
        q + if 2 * r.abs() >= unit { m.signum() } else { 0 }
    };
    i64::try_from(f).unwrap_or(if f < 0 { i64::MIN / 4 } else { i64::MAX / 4 })
}

/// Slots of money: the 12 months, then the months after them by the
/// forecast month they fall on (month m > 12 in slot 12 + (m − 1) mod 12).
/// Without a repeating forecast the 12 later slots have the same money.
pub(super) const SLOTS: usize = 2 * BUDGET_MONTHS;

/// What a loan may use in each slot ([`SLOTS`]).
pub(super) type Allow = [i64; SLOTS];

/// The later slot (0-based within the later 12) of budget month `month` > 12.
pub(super) fn later_slot(month: usize) -> usize {
    (month.max(1) - 1) % BUDGET_MONTHS
}

/// What an option asks in each of the 12 months and at most in any later
/// month of each later slot (fen), how many later months each slot has,
/// and the total the borrower pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Profile {
    pub dues: [i64; BUDGET_MONTHS],
    pub later: [i64; BUDGET_MONTHS],
    /// How many instalments fall after the 12 months, by later slot.
    pub later_months: [i64; BUDGET_MONTHS],
    pub cost: i64,
}

impl Profile {
    /// Every month within its money; a month with nothing fits only 0.
    pub fn fits(&self, allow: &Allow) -> bool {
        self.used().iter().zip(allow).all(|(due, a)| *due <= (*a).max(0))
    }

    /// What the option asks beyond `allow` over its whole term: each of
    /// the 12 months, and the later months as many times as they come.
    pub fn shortfall(&self, allow: &Allow) -> i64 {
        let over = |due: i64, a: i64| (due - a.max(0)).max(0);
        let first = (0..BUDGET_MONTHS).fold(0i64, |a, m| a.saturating_add(over(self.dues[m], allow[m])));
        (0..BUDGET_MONTHS).fold(first, |a, s| a.saturating_add(over(self.later[s], allow[BUDGET_MONTHS + s]).saturating_mul(self.later_months[s])))
    }

    pub fn used(&self) -> Allow {
        let mut a = [0; SLOTS];
        a[..BUDGET_MONTHS].copy_from_slice(&self.dues);
        a[BUDGET_MONTHS..].copy_from_slice(&self.later);
        a
    }

    /// A payment in budget month `month` > 12.
    fn add_later(&mut self, month: usize, pay: i64) {
        let s = later_slot(month);
        self.later[s] = self.later[s].max(pay);
        self.later_months[s] += 1;
    }

    /// `n` payments of `pay` in consecutive later months from `month` on:
    /// each slot once per round of 12, without a loop over the months.
    fn add_later_run(&mut self, month: usize, n: i64, pay: i64) {
        let first = later_slot(month);
        let (rounds, rest) = (n.max(0) / 12, n.max(0) % 12);
        for j in 0..BUDGET_MONTHS {
            let times = rounds + i64::from((j as i64) < rest);
            if times > 0 {
                let s = (first + j) % BUDGET_MONTHS;
                self.later[s] = self.later[s].max(pay);
                self.later_months[s] += times;
            }
        }
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

/// One kind of request: the contract or the waiver, an extension, one
/// holiday, or frozen instalments after `deferred` months. Members are in
/// acceptance order, shortest term first; the last asks the least each
/// month (its "floor"). Frozen instalments are generated when asked for
/// (60 terms for each of 7 deferrals would be most of a menu's memory).
pub(super) enum Kind {
    Listed(Vec<Choice>),
    Frozen { deferred: u32 },
}

/// Level payments of a loan's options without building their schedules.
/// At 30/360 the annuity P·i / (1 − vⁿ), v = 1/(1 + i), with the powers vⁿ
/// the options need (n from `from` on) stepped one month at a time rather
/// than raised anew for every option. In actual days
/// P·Dₛ₋₁ / (Sₛ₊ₙ₋₁ − Sₛ₋₁) from one pass of discount factors
/// (Dₖ = Πⱼ≤ₖ 1/(1 + rⱼ), Sₖ = Σ Dⱼ) — from period 1 exactly the
/// schedule's own computation.
enum Levels {
    Monthly { i: Decimal, from: u32, powers: Vec<Decimal> },
    Daily { discount: Vec<Decimal>, sums: Vec<Decimal> },
}

impl Levels {
    /// For terms `from..=to` (30/360) or periods up to `to` (actual days).
    fn new(acc: &Accrual, from: u32, to: u32) -> Self {
        let Accrual::Daily { .. } = acc else {
            let i = acc.nominal_monthly();
            let v = Decimal::ONE.checked_div(Decimal::ONE + i).unwrap_or(Decimal::ZERO);
            let mut powers = Vec::with_capacity((to + 1 - from) as usize);
            powers.push(crate::engine::schedule::pow(v, from).unwrap_or(Decimal::ZERO));
            for k in from + 1..=to {
                let last = powers[(k - 1 - from) as usize];
                powers.push(mul_round(last, v, 24));
            }
            return Self::Monthly { i, from, powers };
        };
        let mut discount = vec![Decimal::ONE];
        let mut sums = vec![Decimal::ZERO];
        // Periods of 28–31 days share four discount factors.
        let factor = |days: u32| Decimal::ONE.checked_div(Decimal::ONE + acc.ratio_for_days(days).approx()).unwrap_or(Decimal::ZERO);
        let common = [28, 29, 30, 31].map(factor);
        for k in 1..=to {
            let v = match acc.days(k) {
                days @ 28..=31 => common[(days - 28) as usize],
                days => factor(days),
            };
            let d = mul_round(discount[k as usize - 1], v, 24);
            sums.push(sums[k as usize - 1] + d);
            discount.push(d);
        }
        Self::Daily { discount, sums }
    }

    /// The level payment (fen) of `principal` over periods `start..start + n`.
    /// One period pays the principal and its interest to the fen, exactly
    /// as the schedule does (the formula lands on half fen there).
    fn payment(&self, principal: Decimal, start: u32, n: u32, acc: &Accrual) -> i64 {
        let beyond = i64::MAX / 4;
        if n == 1 {
            return cents(principal).saturating_add(cents(acc.interest(start, principal)));
        }
        match self {
            Self::Monthly { i, .. } if i.is_zero() => cents(principal / Decimal::from(n)),
            Self::Monthly { i, from, powers } => {
                let vn = n.checked_sub(*from).and_then(|k| powers.get(k as usize)).copied().unwrap_or(Decimal::ZERO);
                (principal * *i).checked_div(Decimal::ONE - vn).map_or(beyond, cents)
            }
            Self::Daily { discount, sums } => {
                let (s, e) = (start as usize - 1, (start + n - 1) as usize);
                let denominator = sums.get(e).copied().unwrap_or_default() - sums[s];
                (principal * discount[s]).checked_div(denominator).map_or(beyond, cents)
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
    /// Its fair share of each month's money (the cash-flow kind's payments).
    pub budget: &'a LoanBudget,
    pub owed: i64,
    /// In acceptance order.
    pub kinds: Vec<Kind>,
    /// Frozen instalments over 1…60 months: (level payment, last payment).
    frozen: Vec<(i64, i64)>,
}

impl<'a> Menu<'a> {
    pub fn new(debt: &'a Debt, an: &'a DebtAnalysis, budget: &'a LoanBudget) -> Self {
        let remaining = debt.loan.months;
        let cap = extension_cap(remaining);
        // Holidays repay over remaining − 6 … remaining months, extensions up to the cap.
        let levels = Levels::new(&debt.accrual, remaining.saturating_sub(MAX_HOLIDAY_MONTHS).max(1), cap.max(remaining + MAX_HOLIDAY_MONTHS));
        let owed = cents(an.owed_now);
        let frozen = (1..=FROZEN_CAP_MONTHS).map(|t| frozen_payments(owed, t)).collect();
        let mut menu = Menu { debt, an, budget, owed, kinds: Vec::with_capacity(35), frozen };
        menu.kinds.push(menu.contract_or_waivers());
        let extensions = (remaining + 1..=cap).map(|t| (t, levels.payment(an.owed_now, 1, t, &debt.accrual))).map(|(t, level)| {
            Choice { ask: Ask::Extension { months: t }, profile: menu.level_profile(&[], 1, t, level, level), order: (2, t, 0) }
        });
        let extensions = Kind::Listed(extensions.collect());
        menu.kinds.push(extensions);
        let holidays = menu.holidays(&levels);
        menu.kinds.extend(holidays);
        menu.kinds.extend((0..=MAX_HOLIDAY_MONTHS).map(|deferred| Kind::Frozen { deferred }));
        let cash_flow = menu.cash_flow();
        menu.kinds.push(cash_flow);
        menu.kinds.retain(|k| !matches!(k, Kind::Listed(m) if m.is_empty()));
        menu
    }

    /// The cash-flow plan, with a forecast: the loan's share of each
    /// month's money at the contract rate, nothing in a month without, so
    /// it fits its share by construction; after the level kinds (a case
    /// officer grants a level instalment more readily than a varying one),
    /// and its balance may rise (`balance_rises` says so). Its profile is
    /// its exact rows'.
    fn cash_flow(&self) -> Kind {
        if self.budget.forecast.is_none() {
            return Kind::Listed(Vec::new());
        }
        let rows = Ask::CashFlow.rows(self.debt, self.an, self.budget);
        if rows.is_empty() {
            return Kind::Listed(Vec::new());
        }
        let profile = self.profile_of_rows(&rows);
        Kind::Listed(vec![Choice { ask: Ask::CashFlow, profile, order: (6, 0, rows.len() as u32) }])
    }

    pub fn month_of(&self, period: u32) -> usize {
        self.an.dates.month(period) as usize
    }

    /// The profile of payments by period (those past the 12 months in
    /// `later`). One copy for every caller's iterator (`dyn`), not one
    /// generic instance each (issue 13).
    fn profile(&self, payments: &mut dyn Iterator<Item = (u32, i64)>, cost: i64) -> Profile {
        let mut p = Profile { cost, ..Profile::default() };
        for (k, pay) in payments {
            match self.month_of(k) {
                m @ 1..=BUDGET_MONTHS => p.dues[m - 1] = p.dues[m - 1].saturating_add(pay),
                m => p.add_later(m, pay),
            }
        }
        p
    }

    /// `head` explicit payments, then `n` level payments from period
    /// `start`, the last one `last`.
    fn level_profile(&self, head: &[(u32, i64)], start: u32, n: u32, level: i64, last: i64) -> Profile {
        let mut p = self.profile(&mut head.iter().copied(), head.iter().fold(0, |a, h| a.saturating_add(h.1)));
        p.cost = p.cost.saturating_add(level.saturating_mul(i64::from(n - 1))).saturating_add(last);
        for k in start..start + n {
            let pay = if k == start + n - 1 { last } else { level };
            match self.month_of(k) {
                m @ 1..=BUDGET_MONTHS => p.dues[m - 1] = p.dues[m - 1].saturating_add(pay),
                m => {
                    // Past the 12 months each period is its own month, every
                    // payment `level` but the last.
                    let end = start + n - 1;
                    p.add_later_run(m, i64::from(end - k), level);
                    p.add_later(self.month_of(end), last);
                    break;
                }
            }
        }
        p
    }

    pub fn profile_of_rows(&self, rows: &[Row]) -> Profile {
        let cost = rows.iter().fold(0i64, |a, r| a.saturating_add(cents(r.payment)));
        self.profile(&mut rows.iter().map(|r| (r.period, cents(r.payment))), cost)
    }

    /// The contract (a loan without arrears) or the waiver over k = 1…12
    /// months: the contract's payments, plus the arrears in k parts of
    /// fen(arrears / k), the last absorbing (the waiver's own rule) — exact.
    fn contract_or_waivers(&self) -> Kind {
        let rows = &self.an.contract.rows;
        let total = rows.iter().fold(0i64, |a, r| a.saturating_add(cents(r.payment)));
        // The contract's months after the 12th are the same for every
        // member: profiled once.
        let after = (self.an.dates.first_after(BUDGET_MONTHS as u32) as usize).min(rows.len() + 1);
        let tail = self.profile(&mut rows[after - 1..].iter().map(|r| (r.period, cents(r.payment))), 0);
        let contract: Vec<i64> = rows[..after - 1].iter().map(|r| cents(r.payment)).collect();
        let with_later = |mut p: Profile| {
            for s in 0..BUDGET_MONTHS {
                p.later[s] = p.later[s].max(tail.later[s]);
                p.later_months[s] = p.later_months[s].max(tail.later_months[s]);
            }
            p
        };
        let arrears = cents(self.debt.overdue.amount());
        if arrears <= 0 {
            let profile = with_later(self.profile(&mut contract.iter().zip(1..).map(|(p, k)| (k, *p)), total));
            return Kind::Listed(vec![Choice { ask: Ask::Contract, profile, order: (0, 0, 0) }]);
        }
        let members = (1..=CATCH_UP_CAP_MONTHS).map(|k| {
            let n = i64::from(k);
            let part = (2 * arrears + n) / (2 * n);
            let extra = |m: u32| match m.cmp(&k) {
                std::cmp::Ordering::Less => part,
                std::cmp::Ordering::Equal => arrears - part * (n - 1),
                std::cmp::Ordering::Greater => 0,
            };
            // The parts fall in periods 1…k; beyond the contract's end they are all that is due.
            let periods = (contract.len() as u32).max(k);
            let mut payments = (1..=periods).map(|m| {
                let c = contract.get(m as usize - 1).copied().unwrap_or(if m as usize <= rows.len() { cents(rows[m as usize - 1].payment) } else { 0 });
                (m, c + extra(m))
            });
            let profile = with_later(self.profile(&mut payments, total.saturating_add(arrears)));
            Choice { ask: Ask::Waiver { catch_up: k }, profile, order: (1, k, 0) }
        });
        Kind::Listed(members.collect())
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
                    let level = levels.payment(balance, h + 1, after, &debt.accrual);
                    let profile = self.level_profile(&head, h + 1, after, level, level);
                    let ask = Ask::Holiday(Holiday { months: h, mode, maturity });
                    out.push(Kind::Listed(vec![Choice { ask, profile, order: (tier, h, m) }]));
                }
            }
        }
        out
    }

    /// Frozen instalments over `months` after `deferred` months.
    fn frozen_choice(&self, deferred: u32, months: u32) -> Choice {
        let (level, last) = self.frozen[months as usize - 1];
        let head: Vec<(u32, i64)> = (1..=deferred).map(|k| (k, 0)).collect();
        let profile = self.level_profile(&head, deferred + 1, months, level, last);
        Choice { ask: Ask::Frozen { months, deferred }, profile, order: (5, deferred, months) }
    }

    /// The members of kind `k` in acceptance order.
    fn members(&self, k: usize) -> Box<dyn DoubleEndedIterator<Item = Choice> + '_> {
        match &self.kinds[k] {
            Kind::Listed(members) => Box::new(members.iter().copied()),
            Kind::Frozen { deferred } => {
                let d = *deferred;
                Box::new((1..=FROZEN_CAP_MONTHS - d).map(move |t| self.frozen_choice(d, t)))
            }
        }
    }

    /// The member of kind `k` asking least that is not set aside.
    fn floor(&self, k: usize, excluded: &[Ask]) -> Option<Choice> {
        self.members(k).rev().find(|c| !excluded.contains(&c.ask))
    }

    /// The best member of kind `k` that fits `allow`: within a kind the
    /// shortest term that fits is also the cheapest (a longer term pays
    /// more interest; at 0 % every term costs the same), so both goals
    /// take the first that fits.
    pub fn best(&self, k: usize, allow: &Allow, excluded: &[Ask]) -> Option<Choice> {
        self.members(k).find(|c| !excluded.contains(&c.ask) && c.profile.fits(allow))
    }

    /// The kinds in the goal's order: acceptance as listed; lowest cost by
    /// the cost of each kind's floor, ties in acceptance order.
    pub fn kinds_for(&self, goal: Goal, excluded: &[Ask]) -> Vec<(usize, Choice)> {
        let mut floors: Vec<(usize, Choice)> = (0..self.kinds.len()).filter_map(|k| self.floor(k, excluded).map(|f| (k, f))).collect();
        if goal == Goal::LowestCost {
            crate::engine::small_sort::sort_by_key(&mut floors, |(_, f)| (f.profile.cost, f.order));
        }
        floors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn cents_round_half_away_from_zero() {
        for (x, want) in [("1.005", 101), ("-1.005", -101), ("1.0049999999999999999999999", 100), ("12", 1200), ("0.1", 10), ("-0.004", 0), ("0", 0)] {
            assert_eq!(cents(Decimal::from_str(x).unwrap()), want, "{x}");
        }
        let third = Decimal::from(100) / Decimal::from(3);
        assert_eq!(cents(third), 3333);
        assert_eq!(cents(Decimal::MAX), i64::MAX / 4);
    }
}
