//! One sort for the whole crate: every sort goes through [`by_key`], so the
//! browser build carries a single instantiation of the standard library's
//! sort (each element type and comparison would otherwise bring its own
//! copy, several kilobytes each).

/// Sorts `items` stably by `key`: equal keys keep their order.
pub(crate) fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, usize)> = items.iter().map(key).zip(0..).collect();
    if keyed.is_sorted() {
        return;
    }
    sort_keys(&mut keyed);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keyed
            .iter()
            .filter_map(|&(_, at)| slots.get_mut(at).and_then(Option::take)),
    );
}

/// The one instantiation: the position in each pair makes every pair
/// distinct, so the unstable sort gives the stable order.
#[inline(never)]
fn sort_keys(keyed: &mut [(u64, usize)]) {
    keyed.sort_unstable();
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
