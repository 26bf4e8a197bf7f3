//! One sort for the whole crate: every sort goes through [`by_key`], so the
//! browser build carries a single sort, of `(u64, usize)` pairs: a merge
//! sort of a few lines, where the standard library's (a quicksort with its
//! small-sort networks, pivot choice and heapsort fallback) is some 4 KB of
//! wasm, each element type and comparison bringing a copy of its own.

/// Sorts `items` stably by `key`: equal keys keep their order.
pub(crate) fn by_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    let keys: Vec<u64> = items.iter().map(key).collect();
    for (a, b) in swaps(keys) {
        items.swap(a, b);
    }
}

/// The swaps, in turn, that put items with these keys in order (stably):
/// none when they are in order already. The items' own type plays no part,
/// so the browser build carries this once for every element type sorted.
#[inline(never)]
fn swaps(keys: Vec<u64>) -> Vec<(usize, usize)> {
    let mut keyed: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
    if keyed.is_sorted() {
        return Vec::new();
    }
    sort_keys(&mut keyed);
    // Where the item that goes at each position is now.
    let from: Vec<usize> = keyed.into_iter().map(|(_, at)| at).collect();
    // Each cycle of that permutation, from its first position `start`: the
    // item that goes at `at` is swapped in, and `start`'s item, carried
    // along, lands where the cycle closes.
    let mut done = vec![false; from.len()];
    let mut swaps = Vec::new();
    for start in 0..from.len() {
        let mut at = start;
        while let Some(flag) = done.get_mut(at).filter(|flag| !**flag) {
            *flag = true;
            let Some(&next) = from.get(at) else {
                break;
            };
            if next != start {
                swaps.push((at, next));
            }
            at = next;
        }
    }
    swaps
}

/// The one sort: bottom-up merges of runs of 1, 2, 4… pairs, from one
/// buffer into the other (n log n steps whatever the input).
#[inline(never)]
fn sort_keys(keyed: &mut Vec<(u64, usize)>) {
    let mut from = std::mem::take(keyed);
    let mut into = Vec::with_capacity(from.len());
    let mut run = 1;
    while run < from.len() {
        into.clear();
        for pair in from.chunks(run.saturating_mul(2)) {
            let (left, right) = pair.split_at_checked(run).unwrap_or((pair, &[]));
            merge(left, right, &mut into);
        }
        std::mem::swap(&mut from, &mut into);
        run = run.saturating_mul(2);
    }
    *keyed = from;
}

/// Appends the sorted runs `left` and `right` to `out`, merged (of equal
/// pairs, `left`'s first).
fn merge(left: &[(u64, usize)], right: &[(u64, usize)], out: &mut Vec<(u64, usize)>) {
    let (mut l, mut r) = (0, 0);
    while let (Some(&a), Some(&b)) = (left.get(l), right.get(r)) {
        if b < a {
            out.push(b);
            r += 1;
        } else {
            out.push(a);
            l += 1;
        }
    }
    out.extend_from_slice(left.get(l..).unwrap_or_default());
    out.extend_from_slice(right.get(r..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::by_key;

    #[test]
    fn sorts_stably_by_key() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (3, 'f')];
        by_key(&mut items, |&(k, _)| k);
        assert_eq!(
            items,
            [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c'), (3, 'f')]
        );
    }

    #[test]
    fn leaves_sorted_and_empty_input_alone() {
        let mut empty: Vec<u8> = Vec::new();
        by_key(&mut empty, |&b| u64::from(b));
        assert!(empty.is_empty());
        let mut sorted = vec![1u8, 1, 2, 5];
        by_key(&mut sorted, |&b| u64::from(b));
        assert_eq!(sorted, [1, 1, 2, 5]);
    }

    proptest::proptest! {
        /// Agrees with the standard library's stable sort.
        #[test]
        fn agrees_with_std(items: Vec<(u8, u16)>) {
            let mut ours = items.clone();
            by_key(&mut ours, |&(k, _)| u64::from(k));
            let mut std = items;
            std.sort_by_key(|&(k, _)| k);
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
