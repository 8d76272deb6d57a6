//! The rule for "add what is missing" from a backup to a list of numbered
//! items (goals, appointments, things to talk about): shared, so every
//! list merges the same way.

/// Adds to `mine` every item of `theirs` it does not already have, and
/// moves `next_id` past every id either side has used.
///
/// - An item with the same id as one of mine, and `same` as it, is already
///   here: mine is kept (the phone wins).
/// - An item whose id is free is added with that id.
/// - An item whose id is taken by a different item is added with a fresh
///   id, as ids are never reused. If one of mine is `same` as it under
///   another id, it is a copy an earlier restore added, so it is not added
///   again: merging twice changes nothing.
///
/// Only the items `mine` had at the start are searched, so two items of
/// `theirs` that look alike are both kept.
pub(crate) fn add_missing<T: Clone>(
    mine: &mut Vec<T>,
    next_id: &mut u32,
    theirs: &[T],
    their_next_id: u32,
    id: impl Fn(&T) -> u32,
    set_id: impl Fn(&mut T, u32),
    same: impl Fn(&T, &T) -> bool,
) {
    let had = mine.len();
    // Past every id used on either side, even if a stored `next_id` was
    // wrong, so a fresh id can never clash.
    let mut next = mine
        .iter()
        .chain(theirs)
        .map(|x| id(x).saturating_add(1))
        .fold((*next_id).max(their_next_id).max(1), u32::max);
    for item in theirs {
        let before = &mine[..had];
        match before.iter().find(|m| id(m) == id(item)) {
            Some(m) if same(m, item) => {}
            Some(_) => {
                if !before.iter().any(|m| same(m, item)) {
                    let mut copy = item.clone();
                    set_id(&mut copy, next);
                    next = next.saturating_add(1);
                    mine.push(copy);
                }
            }
            None => mine.push(item.clone()),
        }
    }
    *next_id = next;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Item(u32, &'static str);

    fn merge(mine: &[Item], next: u32, theirs: &[Item], their_next: u32) -> (Vec<Item>, u32) {
        let mut mine = mine.to_vec();
        let mut next = next;
        add_missing(
            &mut mine,
            &mut next,
            theirs,
            their_next,
            |i| i.0,
            |i, id| i.0 = id,
            |a, b| a.1 == b.1,
        );
        (mine, next)
    }

    #[test]
    fn same_items_are_kept_once_and_clashing_ids_get_fresh_ones() {
        let mine = [Item(1, "walk"), Item(2, "swim")];
        let theirs = [Item(1, "walk"), Item(2, "choir"), Item(5, "cook")];
        let (merged, next) = merge(&mine, 3, &theirs, 6);
        assert_eq!(
            merged,
            vec![
                Item(1, "walk"),
                Item(2, "swim"),
                Item(6, "choir"),
                Item(5, "cook")
            ]
        );
        assert_eq!(next, 7);
        // Merging again finds the copy under its new id.
        assert_eq!(merge(&merged, next, &theirs, 6), (merged.clone(), 7));
    }

    #[test]
    fn look_alike_items_from_the_backup_are_all_kept() {
        let mine = [Item(1, "walk"), Item(2, "swim")];
        let theirs = [Item(1, "cook"), Item(2, "cook")];
        let (merged, next) = merge(&mine, 3, &theirs, 3);
        assert_eq!(merged.len(), 4);
        assert_eq!(next, 5);
    }
}
