//! Transitive consumers counted for every concentration row at once: the strongly connected
//! components of "a consumer uses this vendor's product", then bitsets over a block of vendors.

use super::graph::{BlastGraph, DependencyLink, Node};
use std::collections::HashMap;

/// Bits per block of vendors a pass covers: memory is this many bits per component (512
/// bytes), whatever the size of the base; a base of 10,000 vendors takes three passes.
pub const BLOCK_WORDS: usize = 64;

/// Where a row's walk starts: the consumers it reaches in one hop, and the vendor it leaves
/// out (a product's own supplier, or the vendor itself).
#[derive(Debug, Clone)]
pub struct Start {
    pub consumers: Vec<Node>,
    pub except: Option<i32>,
}

/// What a row reaches: every consumer counted, the first `named` in node order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    pub count: usize,
    pub named: Vec<Node>,
}

/// The consumers as a graph: vendors in id order, then our organisation (the order of
/// `Node`), each with the consumers of its products in use.
struct ConsumerGraph {
    vendors: Vec<i32>,
    index: HashMap<i32, usize>,
    next: Vec<Vec<usize>>,
}

impl ConsumerGraph {
    fn new(graph: &BlastGraph, active: &[&DependencyLink]) -> ConsumerGraph {
        let mut vendors: Vec<i32> = graph
            .products
            .values()
            .copied()
            .chain(active.iter().filter_map(|d| d.consumer))
            .collect();
        vendors.sort_unstable();
        vendors.dedup();
        let index: HashMap<i32, usize> = vendors.iter().enumerate().map(|(i, v)| (*v, i)).collect();
        let mut next = vec![Vec::new(); vendors.len() + 1];
        for d in active {
            let supplier = graph.products.get(&d.product).and_then(|v| index.get(v));
            let consumer = d
                .consumer
                .map_or(Some(vendors.len()), |v| index.get(&v).copied());
            if let (Some(from), Some(to)) = (supplier, consumer) {
                next[*from].push(to);
            }
        }
        for list in &mut next {
            list.sort_unstable();
            list.dedup();
        }
        ConsumerGraph {
            vendors,
            index,
            next,
        }
    }

    fn len(&self) -> usize {
        self.next.len()
    }

    fn position(&self, node: Node) -> Option<usize> {
        match node {
            Node::Vendor(v) => self.index.get(&v).copied(),
            Node::Organisation => Some(self.vendors.len()),
            Node::Product(_) | Node::Incident(_) => None,
        }
    }

    fn node(&self, position: usize) -> Node {
        self.vendors
            .get(position)
            .map_or(Node::Organisation, |v| Node::Vendor(*v))
    }
}

/// Strongly connected components (Tarjan's algorithm, without recursion): each node's
/// component, numbered so that a component only reaches components numbered before it.
fn components(next: &[Vec<usize>]) -> (Vec<usize>, usize) {
    const UNSEEN: usize = usize::MAX;
    let n = next.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut counter = 0;
    let mut found = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut edge)) = calls.last_mut() {
            if let Some(&to) = next[node].get(*edge) {
                *edge += 1;
                if order[to] == UNSEEN {
                    order[to] = counter;
                    low[to] = counter;
                    counter += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    calls.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(order[to]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = found;
                    if member == node {
                        break;
                    }
                }
                found += 1;
            }
        }
    }
    (component, found)
}

/// Sets the bit of `position` in a block of vendors beginning at `start`, if it falls there.
fn mark(bits: &mut [u64], start: usize, position: usize) {
    if let Some(offset) = position.checked_sub(start)
        && let Some(word) = bits.get_mut(offset / 64)
    {
        *word |= 1 << (offset % 64);
    }
}

/// `into |= from`, word by word.
fn merge(into: &mut [u64], from: &[u64]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a |= b;
    }
}

/// What each start reaches through the dependencies in use, any number of hops: `named`
/// consumers named per start. `block_words` sets the memory a pass takes (see `BLOCK_WORDS`).
pub fn reach(
    graph: &BlastGraph,
    active: &[&DependencyLink],
    starts: &[Start],
    named: usize,
    block_words: usize,
) -> Vec<Reach> {
    let consumers = ConsumerGraph::new(graph, active);
    let (component, count) = components(&consumers.next);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (node, c) in component.iter().enumerate() {
        members[*c].push(node);
    }
    let starts: Vec<(Vec<usize>, Option<usize>)> = starts
        .iter()
        .map(|s| {
            let mut from: Vec<usize> = s
                .consumers
                .iter()
                .filter_map(|c| consumers.position(*c))
                .collect();
            from.sort_unstable();
            from.dedup();
            (
                from,
                s.except.and_then(|v| consumers.position(Node::Vendor(v))),
            )
        })
        .collect();
    let mut out = vec![Reach::default(); starts.len()];
    let words = block_words.max(1);
    let width = words * 64;
    let mut union = vec![0u64; words];
    for start in (0..consumers.len()).step_by(width) {
        // The consumers in this block each component reaches in one hop or more.
        let mut block = vec![0u64; count * words];
        // Components come sinks first: everything a component reaches is already filled in.
        // Within a component of several nodes (or one using its own product) every member
        // is some member's consumer, so the members mark themselves.
        for c in 0..count {
            union.fill(0);
            for &node in &members[c] {
                for &to in &consumers.next[node] {
                    mark(&mut union, start, to);
                    if component[to] != c {
                        merge(&mut union, &block[component[to] * words..][..words]);
                    }
                }
            }
            block[c * words..][..words].copy_from_slice(&union);
        }
        for ((from, except), reached) in starts.iter().zip(out.iter_mut()) {
            union.fill(0);
            for &node in from {
                merge(&mut union, &block[component[node] * words..][..words]);
                mark(&mut union, start, node);
            }
            if let Some(offset) = except.and_then(|e| e.checked_sub(start))
                && let Some(word) = union.get_mut(offset / 64)
            {
                *word &= !(1 << (offset % 64));
            }
            reached.count += union.iter().map(|w| w.count_ones() as usize).sum::<usize>();
            for (w, word) in union.iter().enumerate() {
                let mut rest = *word;
                while rest != 0 && reached.named.len() < named {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    reached.named.push(consumers.node(start + w * 64 + bit));
                }
            }
        }
    }
    out
}
