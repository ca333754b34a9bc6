//! Network measures written as node attributes: degree, weighted degree, betweenness
//! (Brandes, unweighted, normalised), PageRank (damping 0.85) and the connected
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

/// Brandes' betweenness on the undirected view, normalised by (n-1)(n-2)/2.
fn brandes(adj: &[Vec<usize>]) -> Vec<f64> {
    let n = adj.len();
    let mut cb = vec![0f64; n];
    for s in 0..n {
        let mut stack = Vec::new();
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0f64; n];
        let mut dist = vec![-1i64; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &adj[v] {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        let mut delta = vec![0f64; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
    }
    // Each pair was counted from both ends.
    let scale = if n > 2 {
        1.0 / ((n - 1) * (n - 2)) as f64
    } else {
        0.0
    };
    cb.iter().map(|c| c * scale).collect()
}

fn pagerank(g: &DiGraph<crate::Node, crate::Edge>, directed: bool) -> Vec<f64> {
    if g.node_count() == 0 {
        return Vec::new();
    }
    let mut h: DiGraph<(), ()> = DiGraph::with_capacity(g.node_count(), g.edge_count() * 2);
    for _ in g.node_indices() {
        h.add_node(());
    }
    for e in g.edge_references() {
        h.add_edge(e.source(), e.target(), ());
        if !directed {
            h.add_edge(e.target(), e.source(), ());
        }
    }
    petgraph::algo::page_rank(&h, 0.85_f64, 50)
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
    fn components_are_numbered_in_order() {
        let adj = vec![vec![1], vec![0], vec![], vec![4], vec![3]];
        assert_eq!(components(&adj), vec![0, 0, 1, 2, 2]);
    }
}
