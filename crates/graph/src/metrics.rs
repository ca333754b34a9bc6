//! Network measures written as node attributes: degree, weighted degree, betweenness
//! (Brandes, unweighted, normalised; estimated from sampled sources on large graphs), PageRank (damping 0.85) and the connected
//! component (weak, numbered by first node in IRI order).

use std::collections::VecDeque;

use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;

use crate::project::Projected;

/// Measures of one node.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    /// Number of incident edges (both directions).
    pub degree: usize,
    /// Sum of incident edge weights.
    pub weighted_degree: f64,
    /// Share of shortest paths through the node, normalised to 0..1.
    pub betweenness: f64,
    /// PageRank.
    pub pagerank: f64,
    /// Connected component (0 is the component of the first node).
    pub component: usize,
    /// Louvain community (weighted, fixed seed; 0 is the community of the first node).
    pub community: usize,
}

/// Computes every measure and stores it on the nodes.
pub fn compute_metrics(p: &mut Projected) {
    let g = &p.graph;
    let n = g.node_count();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut degree = vec![0usize; n];
    let mut weighted = vec![0f64; n];
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        degree[a] += 1;
        degree[b] += 1;
        weighted[a] += e.weight().weight;
        weighted[b] += e.weight().weight;
        if a != b {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }
    let betweenness = brandes(&neighbours);
    let pagerank = pagerank(g, p.directed);
    let component = components(&neighbours);
    let community = communities(g);
    for (i, node) in p.graph.node_weights_mut().enumerate() {
        node.metrics = Metrics {
            degree: degree[i],
            weighted_degree: weighted[i],
            betweenness: betweenness[i],
            pagerank: pagerank.get(i).copied().unwrap_or(0.0),
            component: component[i],
            community: community[i],
        };
    }
}

/// Graphs up to this many nodes get exact betweenness; larger ones an estimate.
const EXACT_BETWEENNESS_NODES: usize = 4096;

/// Number of source nodes the estimate on larger graphs starts from.
const BETWEENNESS_SOURCES: usize = 512;

/// Brandes' betweenness on the undirected view, normalised by (n-1)(n-2). Exact up to
/// [`EXACT_BETWEENNESS_NODES`] nodes; above, the estimate of Brandes and Pich (2007)
/// from [`BETWEENNESS_SOURCES`] evenly spaced sources, scaled by n/k, so a 100k-node
/// export takes seconds instead of hours. Sources run in parallel in fixed chunks
/// summed in order, so the result does not depend on the number of threads.
fn brandes(adj: &[Vec<usize>]) -> Vec<f64> {
    use rayon::prelude::*;
    let n = adj.len();
    let sources: Vec<usize> = if n <= EXACT_BETWEENNESS_NODES {
        (0..n).collect()
    } else {
        (0..BETWEENNESS_SOURCES)
            .map(|i| i * n / BETWEENNESS_SOURCES)
            .collect()
    };
    let partial: Vec<Vec<f64>> = sources
        .par_chunks(64)
        .map(|chunk| {
            let mut walk = Walk::new(n);
            let mut cb = vec![0f64; n];
            for &s in chunk {
                walk.accumulate(adj, s, &mut cb);
            }
            cb
        })
        .collect();
    let mut cb = vec![0f64; n];
    for part in &partial {
        for (total, c) in cb.iter_mut().zip(part) {
            *total += c;
        }
    }
    // Each pair was counted from both ends; a sample stands for n/k sources.
    let sampled = n as f64 / sources.len().max(1) as f64;
    let scale = if n > 2 {
        sampled / ((n - 1) * (n - 2)) as f64
    } else {
        0.0
    };
    cb.iter().map(|c| c * scale).collect()
}

/// Buffers of one breadth-first pass of Brandes' algorithm, reused across sources:
/// only the nodes a pass reached are reset, so a pass costs what it visits.
struct Walk {
    stack: Vec<usize>,
    preds: Vec<Vec<usize>>,
    sigma: Vec<f64>,
    dist: Vec<i64>,
    delta: Vec<f64>,
    queue: VecDeque<usize>,
}

impl Walk {
    fn new(n: usize) -> Self {
        Walk {
            stack: Vec::new(),
            preds: vec![Vec::new(); n],
            sigma: vec![0.0; n],
            dist: vec![-1; n],
            delta: vec![0.0; n],
            queue: VecDeque::new(),
        }
    }

    /// Adds the dependencies of source `s` to `cb`.
    fn accumulate(&mut self, adj: &[Vec<usize>], s: usize, cb: &mut [f64]) {
        for &v in &self.stack {
            self.preds[v].clear();
            self.sigma[v] = 0.0;
            self.dist[v] = -1;
            self.delta[v] = 0.0;
        }
        self.stack.clear();
        self.sigma[s] = 1.0;
        self.dist[s] = 0;
        self.queue.push_back(s);
        while let Some(v) = self.queue.pop_front() {
            self.stack.push(v);
            for &w in &adj[v] {
                if self.dist[w] < 0 {
                    self.dist[w] = self.dist[v] + 1;
                    self.queue.push_back(w);
                }
                if self.dist[w] == self.dist[v] + 1 {
                    self.sigma[w] += self.sigma[v];
                    self.preds[w].push(v);
                }
            }
        }
        for i in (0..self.stack.len()).rev() {
            let w = self.stack[i];
            for &v in &self.preds[w] {
                self.delta[v] += self.sigma[v] / self.sigma[w] * (1.0 + self.delta[w]);
            }
            if w != s {
                cb[w] += self.delta[w];
            }
        }
    }
}

/// PageRank by power iteration in O(edges) per step, as networkx defines it:
/// damping 0.85, uniform teleport, the rank of nodes without out-edges spread over all
/// nodes; an undirected projection counts each edge both ways. 100 steps at most,
/// stopping when the ranks change by less than 1e-10 in total.
fn pagerank(g: &DiGraph<crate::Node, crate::Edge>, directed: bool) -> Vec<f64> {
    const DAMPING: f64 = 0.85;
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let mut links: Vec<(usize, usize)> = Vec::with_capacity(g.edge_count() * 2);
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        links.push((a, b));
        if !directed {
            links.push((b, a));
        }
    }
    let mut out_degree = vec![0usize; n];
    for &(a, _) in &links {
        out_degree[a] += 1;
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    for _ in 0..100 {
        let dangling: f64 = (0..n)
            .filter(|&v| out_degree[v] == 0)
            .map(|v| rank[v])
            .sum();
        let base = (1.0 - DAMPING) * uniform + DAMPING * dangling * uniform;
        let mut next = vec![base; n];
        for &(a, b) in &links {
            next[b] += DAMPING * rank[a] / out_degree[a] as f64;
        }
        let change: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        rank = next;
        if change < 1e-10 {
            break;
        }
    }
    rank
}

/// Weakly connected components, numbered in order of their first node.
fn components(adj: &[Vec<usize>]) -> Vec<usize> {
    let mut comp = vec![usize::MAX; adj.len()];
    let mut next = 0;
    for start in 0..adj.len() {
        if comp[start] != usize::MAX {
            continue;
        }
        let mut stack = vec![start];
        comp[start] = next;
        while let Some(v) = stack.pop() {
            for &w in &adj[v] {
                if comp[w] == usize::MAX {
                    comp[w] = next;
                    stack.push(w);
                }
            }
        }
        next += 1;
    }
    comp
}

/// Louvain communities (graphrs, weighted, deterministic seed) on the undirected
/// view, numbered in order of their first node; every node is its own community when
/// the graph has no edge.
fn communities(g: &DiGraph<crate::Node, crate::Edge>) -> Vec<usize> {
    use std::collections::BTreeMap;
    let n = g.node_count();
    let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a != b {
            *pairs.entry((a.min(b), a.max(b))).or_default() += e.weight().weight;
        }
    }
    let mut community: Vec<usize> = (0..n).collect();
    if pairs.is_empty() {
        return community;
    }
    let nodes = (0..n).map(graphrs::Node::<usize, ()>::from_name).collect();
    let edges = pairs
        .iter()
        .map(|(&(a, b), &w)| graphrs::Edge::<usize, ()>::with_weight(a, b, w))
        .collect();
    let Ok(graph) =
        graphrs::Graph::new_from_nodes_and_edges(nodes, edges, graphrs::GraphSpecs::undirected())
    else {
        return community;
    };
    let Ok(mut found) = graphrs::algorithms::community::louvain::louvain_communities(
        &graph,
        true,
        None,
        None,
        Some(7),
    ) else {
        return community;
    };
    found.sort_by_key(|c| c.iter().min().copied());
    for (id, members) in found.iter().enumerate() {
        for &m in members {
            community[m] = id;
        }
    }
    community
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn betweenness_of_a_path() {
        // 0 - 1 - 2: the middle node lies on the one path between the ends.
        let adj = vec![vec![1], vec![0, 2], vec![1]];
        let b = brandes(&adj);
        assert!((b[1] - 1.0).abs() < 1e-9, "{b:?}");
        assert_eq!(b[0], 0.0);
    }

    #[test]
    fn betweenness_estimate_on_a_large_star_finds_the_centre() {
        // A star of 5000 leaves: every path between two leaves runs through the centre.
        let n = 5001;
        let mut adj = vec![Vec::new(); n];
        for leaf in 1..n {
            adj[0].push(leaf);
            adj[leaf].push(0);
        }
        let b = brandes(&adj);
        assert!((b[0] - 1.0).abs() < 0.01, "centre {}", b[0]);
        assert!(b[1..].iter().all(|&x| x == 0.0));
    }

    #[test]
    fn pagerank_of_a_cycle_is_uniform_and_a_hub_ranks_first() {
        use crate::{Edge, Node};
        let mut g: DiGraph<Node, Edge> = DiGraph::new();
        let ids: Vec<_> = (0..4).map(|_| g.add_node(Node::default())).collect();
        for i in 0..4 {
            g.add_edge(ids[i], ids[(i + 1) % 4], Edge::default());
        }
        let cycle = pagerank(&g, true);
        assert!(cycle.iter().all(|r| (r - 0.25).abs() < 1e-9), "{cycle:?}");
        let hub = g.add_node(Node::default());
        for &i in &ids {
            g.add_edge(i, hub, Edge::default());
        }
        let ranks = pagerank(&g, false);
        assert!((ranks.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(ranks[4] > ranks[0], "{ranks:?}");
    }

    #[test]
    fn components_are_numbered_in_order() {
        let adj = vec![vec![1], vec![0], vec![], vec![4], vec![3]];
        assert_eq!(components(&adj), vec![0, 0, 1, 2, 2]);
    }
}
