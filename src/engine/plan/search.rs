//! The search of the module docs: fair shares, a kind of request per loan
//! tested at its floor, unused shares re-split, promotion, then each
//! loan's term shortened as far as what nobody uses allows.

use super::menu::{cents, Allow, Choice, Menu, Profile, SLOTS};
use super::{Goal, Money};
use crate::engine::proposal::{Ask, FROZEN_CAP_MONTHS};

/// `amount` split pro rata to `weights` in whole fen: floors, then the
/// remaining fen to the largest remainders (ties to the earlier); all-zero
/// weights split equally; nothing to split gives nothing.
pub(super) fn split(amount: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i128 = weights.iter().map(|w| i128::from((*w).max(0))).sum();
    let w: Vec<i128> = weights.iter().map(|x| if sum == 0 { 1 } else { i128::from((*x).max(0)) }).collect();
    let total: i128 = w.iter().sum();
    if total == 0 || amount <= 0 {
        return vec![0; weights.len()];
    }
    // i64 × i64 fits 128 bits: never `None`. Each part is at most `amount`.
    let parts = crate::engine::allocation::largest_remainder(i128::from(amount), &w, total).unwrap_or_default();
    parts.into_iter().map(|p| p as i64).collect()
}

/// Adds to `allow[i]`, for each `i` in `who`, its pro-rata part of `amounts`.
fn add_shares(allow: &mut [Allow], amounts: &Allow, who: &[usize], weights: &[i64]) {
    let w: Vec<i64> = who.iter().map(|&i| weights.get(i).copied().unwrap_or_default()).collect();
    for (m, &amount) in amounts.iter().enumerate().filter(|(_, a)| **a > 0) {
        for (share, &i) in split(amount, &w).into_iter().zip(who) {
            if let Some(to) = allow.get_mut(i) {
                to[m] += share;
            }
        }
    }
}

/// The money of every slot, nothing below zero (a deficit is nobody's
/// share): the 12 months, then the later months of each slot by the one
/// rule ([`Money::in_month`]).
fn totals(money: &Money) -> Allow {
    let mut total = [0; SLOTS];
    for (slot, t) in total.iter_mut().enumerate() {
        *t = cents(money.in_month(slot as u32 + 1)).max(0);
    }
    total
}

fn spend(slack: &mut Allow, was: &Profile, now: &Profile) {
    let (was, now) = (was.used(), now.used());
    for m in 0..SLOTS {
        slack[m] += was[m] - now[m];
    }
}

/// First pass: every loan at the floor of the first kind (in the goal's
/// order) that fits its pro-rata share; what the placed loans leave goes to
/// the others, pro rata, until nobody more can be placed. Each loan's place
/// (an index into its kinds) and the money it was allowed.
fn floors(kinds: &[Vec<(usize, Choice)>], total: &Allow, owed: &[i64]) -> (Vec<Option<usize>>, Vec<Allow>) {
    let n = kinds.len();
    let mut allow = vec![[0; SLOTS]; n];
    add_shares(&mut allow, total, &(0..n).collect::<Vec<_>>(), owed);
    let mut placed: Vec<Option<usize>> = vec![None; n];
    for _ in 0..n {
        let mut found = false;
        for ((place, kinds), allow) in placed.iter_mut().zip(kinds).zip(&allow) {
            if place.is_none() {
                *place = kinds.iter().position(|(_, f)| f.profile.fits(allow));
                found |= place.is_some();
            }
        }
        let open: Vec<usize> = placed.iter().enumerate().filter(|(_, p)| p.is_none()).map(|(i, _)| i).collect();
        if open.is_empty() || !found {
            break;
        }
        // What the placed loans leave goes to the others, pro rata.
        let mut unused = [0; SLOTS];
        for ((place, kinds), allow) in placed.iter().zip(kinds).zip(&mut allow) {
            let Some((_, floor)) = place.and_then(|k| kinds.get(k)) else { continue };
            let used = floor.profile.used();
            for m in 0..SLOTS {
                unused[m] += (allow[m] - used[m]).max(0);
                allow[m] = allow[m].min(used[m]);
            }
        }
        add_shares(&mut allow, &unused, &open, owed);
    }
    (placed, allow)
}

/// Each loan's choice for `goal` (see the module docs).
pub(super) fn search(goal: Goal, menus: &[Menu], money: &Money, excluded: &[(usize, Ask)]) -> Vec<Choice> {
    let n = menus.len();
    let total = totals(money);
    let owed: Vec<i64> = menus.iter().map(|m| m.owed).collect();
    let aside: Vec<Vec<Ask>> = (0..n).map(|i| excluded.iter().filter(|e| e.0 == i).map(|e| e.1).collect()).collect();
    // Each loan's kinds in the goal's order, each with its floor.
    let kinds: Vec<Vec<(usize, Choice)>> = menus.iter().zip(&aside).map(|(m, a)| m.kinds_for(goal, a)).collect();
    let (placed, allow) = floors(&kinds, &total, &owed);
    if placed.iter().any(Option::is_none) {
        // No plan fits: the placed keep their floors (asking least leaves
        // the most for the others), the rest take the closest option.
        let each = placed.iter().zip(&kinds).zip(&allow).zip(menus);
        return each
            .map(|(((place, kinds), allow), menu)| match place.and_then(|k| kinds.get(k)) {
                Some((_, floor)) => *floor,
                None => closest(goal, kinds, allow).unwrap_or_else(|| fallback(menu.owed)),
            })
            .collect();
    }
    let mut slack = total;
    let floor = |(place, kinds): (&Option<usize>, &Vec<(usize, Choice)>)| place.and_then(|k| Some((k, kinds.get(k)?.1)));
    let mut picks: Vec<(usize, Choice)> = placed.iter().zip(&kinds).map(|p| floor(p).unwrap_or((0, fallback(0)))).collect();
    for (_, c) in &picks {
        spend(&mut slack, &Profile::default(), &c.profile);
    }
    let mut largest: Vec<usize> = (0..n).collect();
    crate::engine::small_sort::sort_by(&mut largest, |&a, &b| owed[b].cmp(&owed[a]).then(a.cmp(&b)));
    // Promotion: a kind earlier in the goal's order, at its floor.
    for &i in &largest {
        let (Some(pick), Some(kinds)) = (picks.get_mut(i), kinds.get(i)) else { continue };
        let room = room(&pick.1.profile, &slack);
        if let Some((better, &(_, floor))) = kinds.iter().take(pick.0).enumerate().find(|(_, (_, f))| f.profile.fits(&room)) {
            spend(&mut slack, &pick.1.profile, &floor.profile);
            *pick = (better, floor);
        }
    }
    // Terms: the best member of each loan's kind within what it has and
    // what nobody uses.
    for &i in &largest {
        let (Some(pick), Some(kinds), Some(menu), Some(aside)) = (picks.get_mut(i), kinds.get(i), menus.get(i), aside.get(i)) else { continue };
        let room = room(&pick.1.profile, &slack);
        if let Some(best) = kinds.get(pick.0).and_then(|(kind, _)| menu.best(*kind, &room, aside)) {
            spend(&mut slack, &pick.1.profile, &best.profile);
            pick.1 = best;
        }
    }
    picks.into_iter().map(|(_, c)| c).collect()
}

/// The screened choices fit every month's money together.
pub(super) fn screened_fit(choices: &[Choice], money: &Money) -> bool {
    let mut left = totals(money);
    for c in choices {
        spend(&mut left, &Profile::default(), &c.profile);
    }
    left.iter().all(|x| *x >= 0)
}

fn room(used: &Profile, slack: &Allow) -> Allow {
    let mut room = used.used();
    for m in 0..SLOTS {
        room[m] += slack[m];
    }
    room
}

/// The kind whose floor falls least short of `allow` (summed over the
/// months), ties by the goal's order.
fn closest(goal: Goal, floors: &[(usize, Choice)], allow: &Allow) -> Option<Choice> {
    let scored = floors.iter().map(|(_, c)| (c.profile.shortfall(allow), *c));
    scored.reduce(|b, c| if c.0 < b.0 || (c.0 == b.0 && c.1.better_than(&b.1, goal)) { c } else { b }).map(|b| b.1)
}

/// Frozen instalments over the longest term: only when every option of a
/// debt was set aside (never, with at most three set aside).
fn fallback(owed: i64) -> Choice {
    let profile = Profile { cost: owed, ..Profile::default() };
    Choice { ask: Ask::Frozen { months: FROZEN_CAP_MONTHS, deferred: 0 }, profile, order: (5, 0, FROZEN_CAP_MONTHS) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_exact_to_the_fen() {
        assert_eq!(split(10000, &[1, 1, 1]), vec![3334, 3333, 3333]);
        assert_eq!(split(100000, &[5000000, 3000000, 2000000]), vec![50000, 30000, 20000]);
        assert_eq!(split(5, &[0, 0]), vec![3, 2]);
        assert_eq!(split(-5, &[1, 1]), vec![0, 0]);
        assert_eq!(split(7, &[]), Vec::<i64>::new());
    }
}
