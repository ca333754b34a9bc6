//! The ego network of a person, body or place: the persons, posts, bodies and places
//! within one or two steps, capped, laid out by a deterministic force layout
//! (Fruchterman–Reingold style: repulsion between every pair, attraction along edges,
//! a cooling step, fixed initial circle) and drawn as SVG; the same subgraph as GEXF
//! through `cadre-graph`'s writer.

use std::collections::{BTreeMap, BTreeSet};

use cadre_graph::{Edge, Node, Projected};
use petgraph::graph::DiGraph;

use crate::model::{kind, Graph};
use crate::pages::{escape, Links};

/// Most nodes drawn; the rest are counted ("and N more").
pub const MAX_NODES: usize = 60;

/// The kinds that have a network page.
pub const CENTRES: &[&str] = &["person", "body", "place"];

/// An ego network: nodes (the centre first) and undirected edges between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Ego {
    /// Node IRIs, the centre first, then by distance and IRI.
    pub nodes: Vec<String>,
    /// Edges as index pairs (smaller first), sorted.
    pub edges: Vec<(usize, usize)>,
    /// Nodes within the radius that were left out.
    pub left_out: usize,
}

/// The neighbours of a node among persons, posts, bodies and places.
fn neighbours<'a>(graph: &'a Graph, iri: &'a str) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    match kind(iri) {
        "person" => {
            for h in graph.sources(iri, "holder") {
                out.extend(graph.targets(h, "post"));
                out.extend(graph.targets(h, "organisation"));
            }
        }
        "post" => {
            for h in graph.sources(iri, "post") {
                out.extend(graph.targets(h, "holder"));
            }
            out.extend(graph.targets(iri, "postIn"));
        }
        "body" => {
            out.extend(graph.sources(iri, "postIn"));
            for h in graph.sources(iri, "organisation") {
                out.extend(graph.targets(h, "holder"));
            }
            out.extend(graph.targets(iri, "locatedIn"));
        }
        "place" => {
            out.extend(graph.sources(iri, "locatedIn"));
            out.extend(
                graph
                    .sources(iri, "partOf")
                    .into_iter()
                    .filter(|p| *p != iri),
            );
            out.extend(graph.targets(iri, "partOf").filter(|p| *p != iri));
        }
        _ => {}
    }
    out.remove(iri);
    out
}

/// The nodes within `radius` (1 or 2) steps of `centre`, at most [`MAX_NODES`].
pub fn ego(graph: &Graph, centre: &str, radius: usize) -> Ego {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::from([(centre, 0)]);
    let mut frontier = vec![centre];
    for step in 1..=radius {
        let mut next = Vec::new();
        for node in frontier {
            for n in neighbours(graph, node) {
                if !seen.contains_key(n) {
                    seen.insert(n, step);
                    next.push(n);
                }
            }
        }
        frontier = next;
    }
    let mut ordered: Vec<(&str, usize)> = seen.into_iter().collect();
    ordered.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
    let left_out = ordered.len().saturating_sub(MAX_NODES);
    ordered.truncate(MAX_NODES);
    let nodes: Vec<String> = ordered.iter().map(|(n, _)| n.to_string()).collect();
    let index: BTreeMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut edges = BTreeSet::new();
    for (i, node) in nodes.iter().enumerate() {
        for n in neighbours(graph, node) {
            if let Some(&j) = index.get(n) {
                edges.insert((i.min(j), i.max(j)));
            }
        }
    }
    Ego {
        nodes,
        edges: edges.into_iter().collect(),
        left_out,
    }
}

/// Positions in the unit square for `n` nodes joined by `edges`: a fixed circle moved
/// by 300 rounds of repulsion (k²/d) and attraction (d²/k) with a cooling step, so the
/// same network always gets the same picture.
pub fn layout(n: usize, edges: &[(usize, usize)]) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    let k = (1.0 / n as f64).sqrt();
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = i as f64 * 2.399_963; // the golden angle: an even, fixed spread
            let r = 0.45 * ((i as f64 + 0.5) / n as f64).sqrt();
            (0.5 + r * a.cos(), 0.5 + r * a.sin())
        })
        .collect();
    let mut temperature = 0.1;
    for _ in 0..300 {
        let mut shift = vec![(0.0_f64, 0.0_f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(1e-4);
                let f = k * k / d;
                shift[i].0 += dx / d * f;
                shift[i].1 += dy / d * f;
                shift[j].0 -= dx / d * f;
                shift[j].1 -= dy / d * f;
            }
        }
        for &(i, j) in edges {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-4);
            let f = d * d / k;
            shift[i].0 -= dx / d * f;
            shift[i].1 -= dy / d * f;
            shift[j].0 += dx / d * f;
            shift[j].1 += dy / d * f;
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            let len = (s.0 * s.0 + s.1 * s.1).sqrt().max(1e-9);
            let step = len.min(temperature);
            p.0 += s.0 / len * step;
            p.1 += s.1 / len * step;
        }
        temperature *= 0.985;
    }
    let (min_x, max_x) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (min_y, max_y) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let span = |lo: f64, hi: f64, v: f64| {
        if hi - lo < 1e-9 {
            0.5
        } else {
            (v - lo) / (hi - lo)
        }
    };
    pos.iter()
        .map(|p| (span(min_x, max_x, p.0), span(min_y, max_y, p.1)))
        .collect()
}

/// The network drawn as SVG: lines, then a linked circle and label per node.
pub fn svg(graph: &Graph, ego: &Ego, links: &Links) -> String {
    let (w, h, pad) = (860.0, 560.0, 60.0);
    let pos: Vec<(f64, f64)> = layout(ego.nodes.len(), &ego.edges)
        .into_iter()
        .map(|(x, y)| (pad / 2.0 + x * (w - 4.0 * pad), pad / 2.0 + y * (h - pad)))
        .collect();
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="network" width="{w}" height="{h}" role="img">"#
    );
    for &(i, j) in &ego.edges {
        out.push_str(&format!(
            r#"<line class="edge" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
            pos[i].0, pos[i].1, pos[j].0, pos[j].1
        ));
    }
    for (i, node) in ego.nodes.iter().enumerate() {
        let (x, y) = pos[i];
        let r = if i == 0 { 9.0 } else { 6.0 };
        out.push_str(&format!(
            r#"<a href="{}"><circle class="node {}" cx="{x:.1}" cy="{y:.1}" r="{r}"/><text class="nodelabel" x="{:.1}" y="{:.1}">{}</text></a>"#,
            escape(&links.node(node)),
            kind(node),
            x + r + 2.0,
            y + 4.0,
            escape(graph.label(node))
        ));
    }
    out.push_str("</svg>");
    out
}

/// The network as GEXF (undirected, no dates), written by `cadre-graph`.
pub fn gexf(graph: &Graph, ego: &Ego) -> String {
    let mut g: DiGraph<Node, Edge> = DiGraph::new();
    let ids: Vec<_> = ego
        .nodes
        .iter()
        .map(|iri| {
            g.add_node(Node {
                id: iri.clone(),
                label: graph.label(iri).to_string(),
                node_type: kind(iri).to_string(),
                ..Node::default()
            })
        })
        .collect();
    for &(i, j) in &ego.edges {
        g.add_edge(
            ids[i],
            ids[j],
            Edge {
                relation: "linked".into(),
                label: "linked".into(),
                weight: 1.0,
                ..Edge::default()
            },
        );
    }
    let mut out = Vec::new();
    cadre_graph::write_gexf(
        &Projected {
            graph: g,
            directed: false,
        },
        &mut out,
    )
    .expect("writing to memory");
    String::from_utf8(out).expect("the GEXF is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_deterministic_and_fills_the_square() {
        let edges = [(0, 1), (0, 2), (0, 3), (3, 4)];
        let a = layout(5, &edges);
        assert_eq!(a, layout(5, &edges));
        assert!(a
            .iter()
            .all(|(x, y)| (0.0..=1.0).contains(x) && (0.0..=1.0).contains(y)));
        assert!(a.iter().any(|(x, _)| *x == 0.0) && a.iter().any(|(x, _)| *x == 1.0));
        let d = |i: usize, j: usize| ((a[i].0 - a[j].0).powi(2) + (a[i].1 - a[j].1).powi(2)).sqrt();
        assert!(d(3, 4) < d(1, 4), "joined nodes lie closer than others");
    }
}
