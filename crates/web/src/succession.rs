//! The holders of a post in order, each linked to the one before and after: a link
//! an article states ("…, thay ông X": the holding `replaces` the predecessor's), or,
//! for a post one person holds at a time, one derived from the attested dates of two
//! consecutive holders. Pure over [`Graph`].

use crate::leadership::{post_role, role_info, sorted_holdings, Held};
use crate::model::Graph;

/// Why two holders are consecutive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// An article says so: the link's holding (the successor's) cites the sentence.
    Stated,
    /// Derived from the attested dates (the earlier holder's dates end first).
    Derived,
}

/// A link from one step of a succession to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The index of the other step.
    pub step: usize,
    /// Stated or derived.
    pub basis: Basis,
}

/// One holder of the post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<'a> {
    /// The holding (dates and qualifiers).
    pub held: Held<'a>,
    /// The holder (person node), when the graph names one.
    pub holder: Option<&'a str>,
    /// The holder before.
    pub after: Option<Link>,
    /// The holder after.
    pub before: Option<Link>,
}

/// Links step `a` as the holder before step `b`, both ways.
fn join(steps: &mut [Step], a: usize, b: usize, basis: Basis) {
    steps[b].after = Some(Link { step: a, basis });
    steps[a].before = Some(Link { step: b, basis });
}

/// Whether `a` ends before `b` by their dates: `a` was first attested earlier, or on
/// the same day but last attested earlier, or on the same days and marked former
/// when `b` is not. Equal dates and marks decide nothing.
fn precedes(a: &Held, b: &Held) -> bool {
    if a.first.is_empty() || b.first.is_empty() {
        return false;
    }
    (a.first, a.last) < (b.first, b.last)
        || ((a.first, a.last) == (b.first, b.last) && a.former && !b.former)
}

/// The succession of `post`: its holdings in order (stated links respected, then
/// first and last dates, former before current, IRI), each linked to its neighbours.
pub fn succession<'a>(graph: &'a Graph, post: &'a str) -> Vec<Step<'a>> {
    let holdings = sorted_holdings(graph, graph.sources(post, "post"));
    let index = |iri: &str| holdings.iter().position(|h| h.iri == iri);
    let mut stated: Vec<(usize, usize)> = Vec::new();
    for (i, h) in holdings.iter().enumerate() {
        for before in graph.targets(h.iri, "replaces") {
            if let Some(j) = index(before).filter(|j| *j != i) {
                stated.push((j, i));
            }
        }
    }
    stated.sort_unstable();
    stated.dedup();
    let order = order(&holdings, &stated);
    let position = |i: usize| order.iter().position(|o| *o == i).expect("ordered");
    let mut steps: Vec<Step> = order
        .iter()
        .map(|&i| Step {
            held: holdings[i].clone(),
            holder: graph.targets(holdings[i].iri, "holder").next(),
            after: None,
            before: None,
        })
        .collect();
    for &(from, to) in &stated {
        let (a, b) = (position(from), position(to));
        join(&mut steps, a, b, Basis::Stated);
    }
    let single = post_role(graph, post)
        .and_then(role_info)
        .is_some_and(|r| r.single);
    if single {
        for a in 0..steps.len().saturating_sub(1) {
            let b = a + 1;
            if steps[a].before.is_none()
                && steps[b].after.is_none()
                && precedes(&steps[a].held, &steps[b].held)
            {
                join(&mut steps, a, b, Basis::Derived);
            }
        }
    }
    steps
}

/// The order of `holdings` (already sorted by date) that puts every stated
/// predecessor before its successor: at each step the earliest holding whose stated
/// predecessors are all placed (a cycle of statements is broken at its earliest
/// holding).
fn order(holdings: &[Held], stated: &[(usize, usize)]) -> Vec<usize> {
    let key = |i: usize| {
        let h = &holdings[i];
        (h.first, h.last, !h.former, h.iri)
    };
    let mut left: Vec<usize> = (0..holdings.len()).collect();
    left.sort_by_key(|&i| key(i));
    let mut out = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let ready = left
            .iter()
            .position(|&i| {
                stated
                    .iter()
                    .all(|&(from, to)| to != i || out.contains(&from) || from == to)
            })
            .unwrap_or(0);
        out.push(left.remove(ready));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h<'a>(iri: &'a str, first: &'a str, last: &'a str, former: bool) -> Held<'a> {
        Held {
            iri,
            first,
            last,
            former,
            acting: false,
        }
    }

    #[test]
    fn dates_decide_only_when_they_differ() {
        let a = h("a", "2020-07-28", "2023-07-12", false);
        let b = h("b", "2023-07-12", "2023-07-12", false);
        assert!(precedes(&a, &b));
        assert!(!precedes(&b, &a));
        let c = h("c", "2020-07-28", "2020-07-28", false);
        assert!(precedes(&c, &a), "same first day, earlier last day");
        let d = h("d", "2020-07-28", "2020-07-28", true);
        assert!(precedes(&d, &c), "former before current on the same days");
        assert!(!precedes(&c, &c.clone()));
        assert!(!precedes(&h("e", "", "", false), &a), "no dates, no order");
    }

    #[test]
    fn a_stated_predecessor_comes_first_whatever_the_dates() {
        let holdings = [
            h("later-named", "2019", "2024", true),
            h("successor", "2021", "2021", false),
            h("other", "2022", "2022", false),
        ];
        assert_eq!(order(&holdings, &[]), vec![0, 1, 2]);
        // "successor thay later-named" while the predecessor was named first in 2019:
        // unchanged; "other thay successor … " keeps them in order too.
        assert_eq!(order(&holdings, &[(0, 1), (1, 2)]), vec![0, 1, 2]);
        // "later-named thay other": other first.
        assert_eq!(order(&holdings, &[(2, 0)]), vec![1, 2, 0]);
        // A cycle is broken at its earliest holding once nothing else is ready.
        assert_eq!(order(&holdings, &[(0, 1), (1, 0)]), vec![2, 0, 1]);
    }
}
