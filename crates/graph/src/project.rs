//! The `kg` projection: typed entities and relations read from the store with SPARQL.

use std::collections::{BTreeMap, HashMap};

use cadre_kg::CadreStore;
use oxigraph::model::Term;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::GraphError;

/// A node: an entity of the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The entity IRI (stable across runs).
    pub id: String,
    /// Human label (Vietnamese).
    pub label: String,
    /// Entity type: Person, Body, Place, Meeting, Document, Term.
    pub node_type: String,
    /// Further attributes (org, kind, code, date, …), by name.
    pub attributes: BTreeMap<String, String>,
}

/// An edge: a relation between two entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Relation (`holds`, `chaired`, …).
    pub relation: String,
    /// Label: the role for `holds`, else the relation.
    pub label: String,
    /// Number of supporting articles.
    pub weight: f64,
}

/// The projected graph.
pub type KgGraph = DiGraph<Node, Edge>;

const NODES: &str = r##"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?n ?type (SAMPLE(?l) AS ?label) (SAMPLE(?k) AS ?kind) (SAMPLE(?c) AS ?code) (SAMPLE(?d) AS ?date)
WHERE {
  VALUES ?class { cadre:Person cadre:Body cadre:Place cadre:Meeting cadre:Document cadre:Term }
  ?n a ?class ; rdfs:label ?l .
  BIND (STRAFTER(STR(?class), "#") AS ?type)
  OPTIONAL { ?n cadre:bodyKind|cadre:placeKind|cadre:meetingKind|cadre:documentType ?k }
  OPTIONAL { ?n cadre:placeCode|cadre:documentNumber|cadre:khoa ?c }
  OPTIONAL { ?n cadre:date|cadre:issuedOn ?d }
}
GROUP BY ?n ?type
ORDER BY ?n
"##;

const EDGES: &str = r##"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?o ?relation ?label (COUNT(DISTINCT ?a) AS ?weight)
WHERE {
  {
    ?h cadre:holder ?s ; cadre:organisation ?o ; cadre:role ?r ; cadre:mentionedIn ?a .
    ?r rdfs:label ?label . BIND ("holds" AS ?relation)
  } UNION {
    ?o cadre:chairedBy ?s ; cadre:reportedIn ?a . BIND ("chaired" AS ?relation) BIND ("chủ trì" AS ?label)
  } UNION {
    GRAPH ?a { ?s cadre:convenedBy ?o } BIND ("convened_by" AS ?relation) BIND (?relation AS ?label)
  } UNION {
    GRAPH ?a { ?s cadre:locatedIn ?o } BIND ("located_in" AS ?relation) BIND (?relation AS ?label)
  } UNION {
    GRAPH ?a { ?s cadre:partOf ?o } BIND ("part_of" AS ?relation) BIND (?relation AS ?label)
  } UNION {
    GRAPH ?a { ?s cadre:issuedBy ?o } BIND ("issued_by" AS ?relation) BIND (?relation AS ?label)
  } UNION {
    GRAPH ?a { ?s cadre:termOf ?o } BIND ("term_of" AS ?relation) BIND (?relation AS ?label)
  }
}
GROUP BY ?s ?o ?relation ?label
ORDER BY ?s ?o ?relation ?label
"##;

fn value(term: &Option<Term>) -> Option<String> {
    match term.as_ref()? {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::Literal(l) => Some(l.value().to_string()),
        other => Some(other.to_string()),
    }
}

/// Projects the whole store onto the `kg` graph. Nodes and edges come out in IRI
/// order, so exports are deterministic.
pub fn project_kg(store: &CadreStore) -> Result<KgGraph, GraphError> {
    let mut graph = KgGraph::new();
    let mut index: HashMap<String, NodeIndex> = HashMap::new();
    let nodes = store.select(NODES, &[])?;
    for row in &nodes.rows {
        let (Some(id), Some(node_type)) = (value(&row[0]), value(&row[1])) else {
            continue;
        };
        let mut attributes = BTreeMap::new();
        for (name, cell) in ["kind", "code", "date"].iter().zip(&row[3..6]) {
            if let Some(v) = value(cell) {
                attributes.insert((*name).to_string(), v);
            }
        }
        let label = value(&row[2]).unwrap_or_else(|| id.clone());
        let idx = graph.add_node(Node {
            id: id.clone(),
            label,
            node_type,
            attributes,
        });
        index.insert(id, idx);
    }
    let edges = store.select(EDGES, &[])?;
    for row in &edges.rows {
        let (Some(s), Some(o)) = (value(&row[0]), value(&row[1])) else {
            continue;
        };
        let (Some(&a), Some(&b)) = (index.get(&s), index.get(&o)) else {
            continue;
        };
        let weight = value(&row[4]).and_then(|w| w.parse().ok()).unwrap_or(1.0);
        graph.add_edge(
            a,
            b,
            Edge {
                relation: value(&row[2]).unwrap_or_default(),
                label: value(&row[3]).unwrap_or_default(),
                weight,
            },
        );
    }
    Ok(graph)
}
