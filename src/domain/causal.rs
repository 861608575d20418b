//! Causal links between incidents form a directed graph without cycles: whether a new link
//! "cause → effect" would close one, and through which incidents. Pure graph work.

use std::collections::{BTreeMap, BTreeSet};

/// Why a link cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// An incident cannot cause itself.
    SelfLink,
    /// The same cause → effect link exists.
    Duplicate,
    /// The effect already leads to the cause: the path from effect to cause, both included.
    Cycle(Vec<i32>),
}

/// Checks the link `cause → effect` against the existing `links` (cause, effect).
pub fn check_link(links: &[(i32, i32)], cause: i32, effect: i32) -> Result<(), LinkProblem> {
    if cause == effect {
        return Err(LinkProblem::SelfLink);
    }
    if links.contains(&(cause, effect)) {
        return Err(LinkProblem::Duplicate);
    }
    match path(links, effect, cause) {
        Some(p) => Err(LinkProblem::Cycle(p)),
        None => Ok(()),
    }
}

/// A path of links from `from` to `to` (breadth first, so a shortest one), if any.
fn path(links: &[(i32, i32)], from: i32, to: i32) -> Option<Vec<i32>> {
    let mut next: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for (c, e) in links {
        next.entry(*c).or_default().push(*e);
    }
    let mut came_from: BTreeMap<i32, i32> = BTreeMap::new();
    let mut seen = BTreeSet::from([from]);
    let mut queue = std::collections::VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            let mut p = vec![to];
            let mut cur = to;
            while let Some(prev) = came_from.get(&cur) {
                p.push(*prev);
                cur = *prev;
            }
            p.reverse();
            return Some(p);
        }
        for n in next.get(&at).into_iter().flatten() {
            if seen.insert(*n) {
                came_from.insert(*n, at);
                queue.push_back(*n);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_links_duplicates_and_cycles_are_refused() {
        let links = [(1, 2), (2, 3)];
        assert_eq!(check_link(&links, 4, 4), Err(LinkProblem::SelfLink));
        assert_eq!(check_link(&links, 1, 2), Err(LinkProblem::Duplicate));
        assert_eq!(
            check_link(&links, 3, 1),
            Err(LinkProblem::Cycle(vec![1, 2, 3]))
        );
        assert_eq!(
            check_link(&links, 2, 1),
            Err(LinkProblem::Cycle(vec![1, 2]))
        );
        assert_eq!(check_link(&links, 1, 3), Ok(()));
        assert_eq!(check_link(&links, 3, 4), Ok(()));
    }
}
