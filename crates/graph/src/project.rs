//! Projections of the knowledge graph, read from the store by `crate::read`:
//!
//! - `kg`: every person, body, place, meeting, document and term, with typed edges
//!   (`holds`, `chaired`, `convened_by`, `located_in`, `part_of`, `issued_by`,
//!   `term_of`, `succeeded_by`, `same_person` between the nodes of one person in two
//!   provinces), directed;
//! - `people`: officials linked when they co-chair a meeting (`co_chair`), hold posts
//!   in the same body in the same article (`same_body`) or are one person in two
//!   provinces (`same_person`), undirected;
//! - `affiliation`: officials ↔ bodies, edges carrying the post and its attested
//!   interval, directed.
//!
//! Edge weight is the number of supporting articles; every edge carries the first and
//! last day of those articles' dates (`cadre:articleDate`; a month or a year spans
//! its days), nodes the span of their edges.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use cadre_kg::CadreStore;
use oxigraph::model::{Literal, Term};
use petgraph::graph::{DiGraph, NodeIndex};

use crate::metrics::Metrics;
use crate::read::{read, StoreGraph};
use crate::GraphError;

/// A node: an entity of the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Node {
    /// The entity IRI (stable across runs).
    pub id: String,
    /// Human label (Vietnamese).
    pub label: String,
    /// Entity type: Person, Body, Place, Meeting, Document, Term.
    pub node_type: String,
    /// Further attributes (kind, code, date), by name.
    pub attributes: BTreeMap<String, String>,
    /// First attested date (ISO), from the node's edges.
    pub start: Option<String>,
    /// Last attested date (ISO).
    pub end: Option<String>,
    /// Network measures, filled by [`crate::compute_metrics`].
    pub metrics: Metrics,
}

/// An edge: a relation between two entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edge {
    /// Relation (`holds`, `chaired`, `co_chair`, …).
    pub relation: String,
    /// Label: the role for `holds`, else the relation.
    pub label: String,
    /// Number of supporting articles.
    pub weight: f64,
    /// First day of a supporting article's date (its publication date when known).
    pub start: Option<String>,
    /// Last day of a supporting article's date (a year's date ends on 31 December).
    pub end: Option<String>,
}

/// A projected graph; `directed` says how to read the edges.
#[derive(Debug, Clone)]
pub struct Projected {
    /// Nodes and edges.
    pub graph: DiGraph<Node, Edge>,
    /// Whether edges are directed (`kg`, `affiliation`) or not (`people`).
    pub directed: bool,
}

/// Which projection to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projection {
    /// All entities and typed relations.
    Kg,
    /// Officials linked by co-chairing and serving in the same body.
    People,
    /// Officials ↔ bodies.
    Affiliation,
}

/// Restrictions applied to a projection.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep edges attested on or after this ISO date.
    pub from: Option<String>,
    /// Keep edges attested on or before this ISO date.
    pub to: Option<String>,
    /// Keep what belongs to bodies in this place or under it.
    pub place: Option<String>,
    /// Keep what belongs to bodies of this kind (`party_committee`, `state`, …).
    pub body_kind: Option<String>,
    /// Drop edges lighter than this.
    pub min_weight: f64,
}

impl Filter {
    fn is_active(&self) -> bool {
        self.from.is_some() || self.to.is_some() || self.place.is_some() || self.body_kind.is_some()
    }
}

/// Places whose folded name is `?name` (`cadre:key`), and every place under them that
/// a body is located in (`cadre:within` holds a place and its ancestors).
const PLACES_UNDER: &str = r##"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT DISTINCT ?p WHERE {
  GRAPH <https://w3id.org/cadre/id/reference> { ?root cadre:key ?name ; a cadre:Place . ?p cadre:within ?root }
}
"##;

fn value(term: &Option<Term>) -> Option<String> {
    match term.as_ref()? {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::Literal(l) => Some(l.value().to_string()),
        other => Some(other.to_string()),
    }
}

/// Edges as (source IRI, target IRI, edge).
pub(crate) type EdgeRows = Vec<(String, String, Edge)>;

/// Builds a projection of the store, filtered. Nodes and edges come out in IRI order,
/// so exports are deterministic.
pub fn project(
    store: &CadreStore,
    projection: Projection,
    filter: &Filter,
) -> Result<Projected, GraphError> {
    let StoreGraph {
        nodes: all_nodes,
        kg_edges,
        people_edges,
    } = read(store, projection == Projection::People)?;
    let (edges, directed, types): (EdgeRows, bool, &[&str]) = match projection {
        Projection::Kg => (kg_edges.clone(), true, &[]),
        Projection::Affiliation => (
            kg_edges
                .iter()
                .filter(|(_, _, e)| e.relation == "holds")
                .cloned()
                .collect(),
            true,
            &["Person", "Body"],
        ),
        Projection::People => (people_edges.unwrap_or_default(), false, &["Person"]),
    };
    let mut nodes: Vec<Node> = all_nodes
        .into_iter()
        .filter(|n| types.is_empty() || types.contains(&n.node_type.as_str()))
        .collect();
    let kept = allowed_nodes(store, &nodes, &kg_edges, filter)?;
    let in_time = |e: &Edge| {
        let after = filter
            .from
            .as_ref()
            .is_none_or(|f| e.end.as_ref().is_some_and(|d| d >= f));
        let before = filter
            .to
            .as_ref()
            .is_none_or(|t| e.start.as_ref().is_some_and(|d| d <= t));
        let timeless = e.start.is_none() && matches!(e.relation.as_str(), "located_in" | "part_of");
        timeless || (after && before)
    };
    let edges: EdgeRows = edges
        .into_iter()
        .filter(|(s, o, e)| {
            e.weight >= filter.min_weight
                && in_time(e)
                && kept.as_ref().is_none_or(|k| k.contains(s) && k.contains(o))
        })
        .collect();
    if filter.is_active() {
        let touched: BTreeSet<&String> = edges.iter().flat_map(|(s, o, _)| [s, o]).collect();
        nodes.retain(|n| touched.contains(&n.id));
    }
    let mut graph = DiGraph::new();
    let mut index: HashMap<String, NodeIndex> = HashMap::new();
    for node in nodes {
        let id = node.id.clone();
        index.insert(id, graph.add_node(node));
    }
    for (s, o, e) in edges {
        if let (Some(&a), Some(&b)) = (index.get(&s), index.get(&o)) {
            for end in [a, b] {
                let n = &mut graph[end];
                if let Some(d) = &e.start {
                    if n.start.as_ref().is_none_or(|x| d < x) {
                        n.start = Some(d.clone());
                    }
                }
                if let Some(d) = &e.end {
                    if n.end.as_ref().is_none_or(|x| d > x) {
                        n.end = Some(d.clone());
                    }
                }
            }
            graph.add_edge(a, b, e);
        }
    }
    Ok(Projected { graph, directed })
}

/// With a place or body-kind filter: the bodies that pass it, the places under the
/// named place, and everything one step from those bodies (officials, meetings,
/// documents, terms), plus the chairs of their meetings. `None` when no such filter.
fn allowed_nodes(
    store: &CadreStore,
    nodes: &[Node],
    kg_edges: &EdgeRows,
    filter: &Filter,
) -> Result<Option<BTreeSet<String>>, GraphError> {
    if filter.place.is_none() && filter.body_kind.is_none() {
        return Ok(None);
    }
    let places: Option<BTreeSet<String>> = match &filter.place {
        Some(name) => {
            let bound = [(
                "name".to_string(),
                Term::from(Literal::new_simple_literal(cadre_text::fold_key(name))),
            )];
            let rows = store.select(PLACES_UNDER, &bound)?;
            Some(rows.rows.iter().filter_map(|r| value(&r[0])).collect())
        }
        None => None,
    };
    let kinds: HashMap<&str, &str> = nodes
        .iter()
        .filter_map(|n| Some((n.id.as_str(), n.attributes.get("kind")?.as_str())))
        .collect();
    let body_place: HashMap<&str, &str> = kg_edges
        .iter()
        .filter(|(_, _, e)| e.relation == "located_in")
        .map(|(s, o, _)| (s.as_str(), o.as_str()))
        .collect();
    let bodies: BTreeSet<String> = kinds
        .keys()
        .filter(|b| b.contains("/id/body/"))
        .filter(|b| {
            filter
                .body_kind
                .as_deref()
                .is_none_or(|k| kinds.get(*b) == Some(&k))
        })
        .filter(|b| {
            places
                .as_ref()
                .is_none_or(|ps| body_place.get(*b).is_some_and(|p| ps.contains(*p)))
        })
        .map(|b| b.to_string())
        .collect();
    let mut kept: BTreeSet<String> = bodies.clone();
    kept.extend(places.into_iter().flatten());
    for (s, o, _) in kg_edges {
        if bodies.contains(o) {
            kept.insert(s.clone());
        }
    }
    let meetings: Vec<String> = kept
        .iter()
        .filter(|k| k.contains("/id/meeting/"))
        .cloned()
        .collect();
    for (s, o, e) in kg_edges {
        if e.relation == "chaired" && meetings.contains(o) {
            kept.insert(s.clone());
        }
    }
    Ok(Some(kept))
}
