//! A stable sort for the short lists the engine and the drafts store order
//! (loans, proposals, remainders, storage keys): insertion sort.
//!
//! Why not `sort_by`: each `sort_by` instance is its own copy of the standard
//! library's driftsort, about 3 KB of wasm; this is about a hundred bytes an
//! instance. Both are stable, so the order is the same for every comparison.
//! Quadratic in the worst case: keep it to lists of tens or a few hundred.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` by `key`, keeping items with equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// [`sort_by_key`] for large items (a proposal is hundreds of bytes): each
/// key computed once, the keys sorted with their positions, then every
/// item moved into place by one swap, not swapped at each step of the sort.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let mut order: Vec<(K, usize)> = items.iter().map(key).zip(0..).collect();
    sort_by(&mut order, |a, b| a.0.cmp(&b.0));
    // Position i takes the item first at `order[i].1`. If that position is
    // already done (< i), its item was swapped out to where the item that
    // position took came from: follow the chain to where it is now.
    for i in 0..items.len() {
        let mut from = order[i].1;
        while from < i {
            from = order[from].1;
        }
        items.swap(i, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn orders_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut std = items;
            // Ties on the key keep their order in both.
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn cached_key_orders_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut std = items;
            sort_by_cached_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
