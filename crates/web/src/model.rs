//! The graph the pages read: every distinct triple of the store's union graph, loaded
//! once when the server (or the site writer) starts, indexed by subject and by object
//! so each page is a few map look-ups rather than SPARQL queries.
//!
//! The store does not repeat what its layout already says (`cadre_kg::mapping`); the
//! loader states it again for the pages: the article of each fact (the named graph
//! that holds it) as `mentionedIn`, `citedIn`, `reportedIn` or `inArticle`, and a
//! holding's `attestedOn` (its article's date), `organisation` and `role` (its
//! post's).

use cadre_kg::iri::{ID, ONTOLOGY, RDFS_LABEL, RDF_TYPE};
use cadre_kg::{CadreStore, StoreError};
use oxigraph::model::Term;
use rustc_hash::FxHashMap;

/// An object of a triple: another node, or a literal's lexical value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Value {
    /// A node IRI.
    Node(String),
    /// A literal's value (the datatype and language are dropped: the pages show text).
    Text(String),
}

impl Value {
    /// The node IRI, when the value is a node.
    pub fn node(&self) -> Option<&str> {
        match self {
            Value::Node(iri) => Some(iri),
            Value::Text(_) => None,
        }
    }

    /// The text of the value (a literal's value, or the IRI).
    pub fn text(&self) -> &str {
        match self {
            Value::Node(s) | Value::Text(s) => s,
        }
    }
}

/// The loaded graph: outgoing and incoming edges by node, predicates named by their
/// local name (`holder`, `post`; `type` and `label` for rdf:type and rdfs:label).
#[derive(Debug, Default)]
pub struct Graph {
    out: FxHashMap<String, Vec<(String, Value)>>,
    into: FxHashMap<String, Vec<(String, String)>>,
}

/// Everything in the union graph, without duplicates.
const ALL: &str = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }";

/// Predicates the pages never show (hashes and folding keys).
const HIDDEN: &[&str] = &["key", "contentDigest"];

/// Each fact node of an article graph with that graph: persons (`cadre:name`),
/// holdings, person links, terms, documents, meetings and sentences, by a predicate
/// only they state.
const FACTS_IN_ARTICLES: &str = "PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT DISTINCT ?s ?g WHERE {
  VALUES ?p { cadre:name cadre:holder cadre:linksPerson cadre:termOf cadre:documentType
              cadre:meetingKind cadre:sentenceText }
  GRAPH ?g { ?s ?p ?o }
}";

/// The predicate that ties a fact node of `kind` to the article that states it.
fn article_predicate(kind: &str) -> Option<&'static str> {
    match kind {
        "person" | "holding" | "link" | "term" => Some("mentionedIn"),
        "document" => Some("citedIn"),
        "meeting" => Some("reportedIn"),
        "sentence" => Some("inArticle"),
        _ => None,
    }
}

impl Graph {
    /// Loads every triple of the store's union graph.
    pub fn load(store: &CadreStore) -> Result<Self, StoreError> {
        let output = store.select(ALL, &[])?;
        let mut graph = Graph::default();
        for row in output.rows {
            let (Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(o)) =
                (&row[0], &row[1], &row[2])
            else {
                continue;
            };
            let predicate = local(p.as_str());
            if HIDDEN.contains(&predicate.as_str()) {
                continue;
            }
            let value = match o {
                Term::NamedNode(n) => Value::Node(n.as_str().to_string()),
                Term::Literal(l) => Value::Text(l.value().to_string()),
                _ => continue,
            };
            graph.add(s.as_str(), &predicate, value);
        }
        graph.state_again(store)?;
        for edges in graph.out.values_mut() {
            edges.sort();
        }
        for edges in graph.into.values_mut() {
            edges.sort();
        }
        Ok(graph)
    }

    /// Adds the edges the store leaves to its layout (see the module comment).
    fn state_again(&mut self, store: &CadreStore) -> Result<(), StoreError> {
        let mut derived = Vec::new();
        for row in store.select(FACTS_IN_ARTICLES, &[])?.rows {
            let (Some(Term::NamedNode(s)), Some(Term::NamedNode(g))) = (&row[0], &row[1]) else {
                continue;
            };
            let (s, article, node_kind) = (s.as_str(), g.as_str(), kind(s.as_str()));
            let Some(predicate) = article_predicate(node_kind) else {
                continue;
            };
            derived.push((s.to_string(), predicate, Value::Node(article.to_string())));
            if node_kind != "holding" {
                continue;
            }
            if let Some(date) = self.text(article, "articleDate") {
                derived.push((s.to_string(), "attestedOn", Value::Text(date.to_string())));
            }
            for post in self.targets(s, "post") {
                for (from, to) in [("postIn", "organisation"), ("role", "role")] {
                    for value in self.values(post, from) {
                        derived.push((s.to_string(), to, value.clone()));
                    }
                }
            }
        }
        derived.sort();
        derived.dedup();
        for (s, predicate, value) in derived {
            self.add(&s, predicate, value);
        }
        Ok(())
    }

    fn add(&mut self, subject: &str, predicate: &str, value: Value) {
        if let Value::Node(object) = &value {
            self.into
                .entry(object.clone())
                .or_default()
                .push((predicate.to_string(), subject.to_string()));
        }
        self.out
            .entry(subject.to_string())
            .or_default()
            .push((predicate.to_string(), value));
    }

    /// Whether `iri` is the subject of any triple.
    pub fn has(&self, iri: &str) -> bool {
        self.out.contains_key(iri)
    }

    /// Every node that is a subject, in IRI order.
    pub fn nodes(&self) -> Vec<&str> {
        let mut nodes: Vec<&str> = self.out.keys().map(String::as_str).collect();
        nodes.sort_unstable();
        nodes
    }

    /// The outgoing edges of `iri` (predicate, value), sorted.
    pub fn edges(&self, iri: &str) -> &[(String, Value)] {
        self.out.get(iri).map(Vec::as_slice).unwrap_or_default()
    }

    /// The values of `predicate` on `iri`.
    pub fn values<'a>(&'a self, iri: &str, predicate: &'a str) -> impl Iterator<Item = &'a Value> {
        self.edges(iri)
            .iter()
            .filter(move |(p, _)| p == predicate)
            .map(|(_, v)| v)
    }

    /// The first text value of `predicate` on `iri`.
    pub fn text<'a>(&'a self, iri: &str, predicate: &'a str) -> Option<&'a str> {
        self.values(iri, predicate).next().map(Value::text)
    }

    /// The node values of `predicate` on `iri`.
    pub fn targets<'a>(&'a self, iri: &str, predicate: &'a str) -> impl Iterator<Item = &'a str> {
        self.values(iri, predicate).filter_map(Value::node)
    }

    /// The subjects that point to `iri` with `predicate`, sorted, without repeats.
    pub fn sources(&self, iri: &str, predicate: &str) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .incoming(iri)
            .iter()
            .filter(|(p, _)| p == predicate)
            .map(|(_, s)| s.as_str())
            .collect();
        out.dedup();
        out
    }

    /// Every incoming edge of `iri` (predicate, subject), sorted.
    pub fn incoming(&self, iri: &str) -> &[(String, String)] {
        self.into.get(iri).map(Vec::as_slice).unwrap_or_default()
    }

    /// A node's display name: its name, label, title or number, else its IRI's tail.
    pub fn label<'a>(&'a self, iri: &'a str) -> &'a str {
        ["name", "label", "title", "documentNumber", "articleId"]
            .iter()
            .find_map(|p| self.text(iri, p))
            .unwrap_or_else(|| iri.strip_prefix(ID).unwrap_or(iri))
    }

    /// The sorted, distinct text values of `predicate` on `iri` (dates sort as text).
    pub fn texts<'a>(&'a self, iri: &str, predicate: &'a str) -> Vec<&'a str> {
        let mut out: Vec<&str> = self.values(iri, predicate).map(Value::text).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The local name of a predicate IRI.
fn local(iri: &str) -> String {
    match iri {
        RDF_TYPE => "type".into(),
        RDFS_LABEL => "label".into(),
        _ => iri
            .strip_prefix(ONTOLOGY)
            .map(str::to_string)
            .unwrap_or_else(|| iri.to_string()),
    }
}

/// The kind of a node (`person`, `post`, …): the first segment after the entity
/// namespace.
pub fn kind(iri: &str) -> &str {
    cadre_kg::iri::kind(iri).unwrap_or("")
}
