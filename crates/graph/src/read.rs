//! Reading a projection's nodes and edges from the store: one sequential scan of the
//! predicate index per predicate ([`CadreStore::quads_with_predicate`]), joined in
//! memory inside each named graph, so reading is linear in the quads of the
//! predicates it needs.
//!
//! The results are those of the SPARQL the projection was first written in (kept in
//! the comments of each function): a node is one row per IRI and class, whose label,
//! kind, code and date are the first values met in the store's index order, as
//! `SAMPLE` gave them; an edge is one row per (source, target, relation, label) with
//! the number of distinct supporting graphs and the first and last date of those
//! graphs' articles (`cadre:articleDate`: a day, or the first and last day of the
//! month or year when that is all an article tells; none when one of them has no
//! date, as `MIN` and `MAX` over an unbound value gave).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;
use std::sync::Mutex;

use cadre_kg::CadreStore;
use oxigraph::model::{Literal, NamedNode, Term};

use crate::metrics::Metrics;
use crate::project::{Edge, EdgeRows, Node};
use crate::GraphError;

const CADRE: &str = "https://w3id.org/cadre/ontology#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";

/// The classes that are nodes, in the order the projection lists them.
const CLASSES: [&str; 6] = ["Person", "Body", "Place", "Meeting", "Document", "Term"];

/// The node attributes (`kind`, `code`, `date`) and the predicates giving each, in
/// the order they are tried.
const ATTRIBUTES: [(&str, &[&str]); 3] = [
    (
        "kind",
        &["bodyKind", "placeKind", "meetingKind", "documentType"],
    ),
    ("code", &["placeCode", "documentNumber", "khoa"]),
    ("date", &["date", "issuedOn"]),
];

/// Relations of the `kg` projection stated by one triple: (predicate, relation,
/// whether the triple runs from target to source). `chairedBy` comes first: the
/// `people` projection reads its rows again for `co_chair`.
const SIMPLE_RELATIONS: [(&str, &str, bool); 8] = [
    ("chairedBy", "chaired", true),
    ("convenedBy", "convened_by", false),
    ("locatedIn", "located_in", false),
    ("partOf", "part_of", false),
    ("issuedBy", "issued_by", false),
    ("termOf", "term_of", false),
    ("succeededBy", "succeeded_by", false),
    ("sameAsPerson", "same_person", false),
];

/// Values interned as numbers, in first-seen order.
struct Interner<T> {
    ids: HashMap<T, u32>,
    items: Vec<T>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self {
            ids: HashMap::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Clone + Eq + Hash> Interner<T> {
    fn id(&mut self, item: T) -> u32 {
        if let Some(&id) = self.ids.get(&item) {
            return id;
        }
        let id = self.items.len() as u32;
        self.ids.insert(item.clone(), id);
        self.items.push(item);
        id
    }
}

/// IRIs of nodes and graphs, and other strings, interned.
type Names = Interner<String>;

impl Names {
    fn name(&self, id: u32) -> &str {
        &self.items[id as usize]
    }
}

/// Labels interned as literals (lexical form, datatype and language tell them apart).
type Labels = Interner<Literal>;

/// A term as the projection writes it: an IRI, a literal's lexical form, or a blank
/// node in N-Triples form.
fn term_value(term: Term) -> String {
    match term {
        Term::NamedNode(n) => n.into_string(),
        Term::Literal(l) => l.destruct().0,
        other => other.to_string(),
    }
}

/// Quads of one predicate as interned (subject, object, graph), in index order.
type Rows = Vec<[u32; 3]>;

/// One scan: the predicate (`cadre:` local name or full IRI), the object when fixed
/// (then the object column is 0), and whether objects are labels (interned as
/// literals in `Labels`) rather than strings (in `Names`).
struct Scan {
    predicate: &'static str,
    object: Option<NamedNode>,
    labels: bool,
}

impl Scan {
    fn of(predicate: &'static str) -> Self {
        Scan {
            predicate,
            object: None,
            labels: false,
        }
    }

    /// Reads the quads, interning their terms.
    fn run(
        &self,
        store: &CadreStore,
        names: &Mutex<Names>,
        labels: &Mutex<Labels>,
    ) -> Result<Rows, GraphError> {
        let iri = if self.predicate.contains(':') {
            NamedNode::new_unchecked(self.predicate)
        } else {
            NamedNode::new_unchecked(format!("{CADRE}{}", self.predicate))
        };
        let mut rows = Rows::new();
        let quads = store
            .quads_with_predicate(iri.as_ref(), self.object.as_ref().map(NamedNode::as_ref))?;
        for quad in quads {
            let [subject, object, graph] = quad?;
            let (subject, graph) = (term_value(subject), term_value(graph));
            let object = match (&self.object, self.labels) {
                (Some(_), _) => 0,
                (None, true) => lock(labels).id(match object {
                    Term::Literal(l) => l,
                    other => Literal::new_simple_literal(term_value(other)),
                }),
                (None, false) => lock(names).id(term_value(object)),
            };
            let mut names = lock(names);
            rows.push([names.id(subject), object, names.id(graph)]);
        }
        Ok(rows)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Everything a projection reads from the store.
pub(crate) struct StoreGraph {
    /// The nodes, in IRI order.
    pub nodes: Vec<Node>,
    /// The `kg` edges, in (source, target, relation, label) order.
    pub kg_edges: EdgeRows,
    /// The `people` edges, when asked for, in the same order.
    pub people_edges: Option<EdgeRows>,
}

/// Accumulates edge rows: the graphs supporting each (source, target, relation,
/// label).
#[derive(Default)]
struct EdgeTable {
    rows: HashMap<(u32, u32, &'static str, u32), Vec<u32>>,
}

impl EdgeTable {
    fn add(&mut self, s: u32, o: u32, relation: &'static str, label: u32, graph: u32) {
        self.rows
            .entry((s, o, relation, label))
            .or_default()
            .push(graph);
    }

    /// The rows with weight and dates, sorted as `ORDER BY ?s ?o ?relation ?label`
    /// sorts them (labels by lexical form, then datatype, then language).
    fn finish(
        self,
        names: &Names,
        labels: &[Literal],
        dated: &HashMap<u32, Vec<(String, String)>>,
    ) -> EdgeRows {
        let mut rows: Vec<_> = self
            .rows
            .into_iter()
            .map(|((s, o, relation, label), mut graphs)| {
                graphs.sort_unstable();
                graphs.dedup();
                let dates: Option<Vec<&(String, String)>> = graphs
                    .iter()
                    .map(|g| dated.get(g).filter(|d| !d.is_empty()))
                    .collect::<Option<Vec<_>>>()
                    .map(|ds| ds.into_iter().flatten().collect());
                let label = &labels[label as usize];
                let edge = Edge {
                    relation: relation.to_string(),
                    label: label.value().to_string(),
                    weight: graphs.len() as f64,
                    start: dates
                        .as_ref()
                        .and_then(|d| d.iter().map(|(first, _)| first).min().cloned()),
                    end: dates
                        .as_ref()
                        .and_then(|d| d.iter().map(|(_, last)| last).max().cloned()),
                };
                (s, o, label, edge)
            })
            .collect();
        fn key<'a>(
            names: &'a Names,
            row: &'a (u32, u32, &Literal, Edge),
        ) -> (&'a str, &'a str, &'a str, &'a str, &'a str, Option<&'a str>) {
            let (s, o, label, edge) = row;
            (
                names.name(*s),
                names.name(*o),
                edge.relation.as_str(),
                label.value(),
                label.datatype().as_str(),
                label.language(),
            )
        }
        rows.sort_by(|a, b| key(names, a).cmp(&key(names, b)));
        rows.into_iter()
            .map(|(s, o, _, e)| (names.name(s).to_string(), names.name(o).to_string(), e))
            .collect()
    }
}

/// The first and last day of an article date: a day is itself; a month
/// (`2020-05`) or year (`2020`) runs from its first to its last day, so a spell or
/// a date filter covers the whole period.
fn period(date: &str) -> (String, String) {
    let year: Option<i32> = date.get(..4).and_then(|y| y.parse().ok());
    let month: Option<u32> = date.get(5..7).and_then(|m| m.parse().ok());
    match (date.len(), year, month) {
        (4, Some(_), _) => (format!("{date}-01-01"), format!("{date}-12-31")),
        (7, Some(y), Some(m)) => (
            format!("{date}-01"),
            format!("{date}-{:02}", cadre_text::dates::days_in_month(Some(y), m)),
        ),
        _ => (date.to_string(), date.to_string()),
    }
}

/// For each place, body and role of the reference graph, the article graphs that
/// name it: their bodies and the places those are located in (`cadre:locatedIn`),
/// those places' ancestors (`cadre:partOf`), the places and bodies that succeeded
/// them in 2025 (`cadre:succeededBy`), and so on; the roles of their posts
/// (`cadre:role`). Each of those article graphs stated the place's gazetteer facts,
/// the body's successors and the role's label before the reference graph held them
/// once, so the projection counts them as before: an edge `part_of`
/// weighs the articles that name the place, a `holds` edge is labelled with its
/// role in its own graph.
fn reference_graphs(
    located: &Rows,
    part_of: &Rows,
    succeeded_by: &Rows,
    roles: &Rows,
    reference: u32,
) -> HashMap<u32, Vec<u32>> {
    let mut next: HashMap<u32, Vec<u32>> = HashMap::new();
    for &[s, o, g] in part_of.iter().chain(succeeded_by) {
        if g == reference {
            next.entry(s).or_default().push(o);
        }
    }
    let mut places: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut roots: HashMap<u32, Vec<u32>> = HashMap::new();
    for &[body, place, g] in located {
        if g != reference {
            roots.entry(g).or_default().extend([body, place]);
        }
    }
    for (graph, mut todo) in roots {
        let mut seen = HashSet::new();
        while let Some(place) = todo.pop() {
            if seen.insert(place) {
                places.entry(place).or_default().push(graph);
                todo.extend(next.get(&place).into_iter().flatten());
            }
        }
    }
    for &[_, role, g] in roles {
        if g != reference {
            places.entry(role).or_default().push(g);
        }
    }
    for graphs in places.values_mut() {
        graphs.sort_unstable();
        graphs.dedup();
    }
    places
}

/// Replaces each row of the reference graph by one row per article graph that names
/// its subject ([`reference_graphs`]); a subject no article names (a change event)
/// is dropped, as no projection reads it.
fn spread(rows: &mut Rows, graphs: &HashMap<u32, Vec<u32>>, reference: u32) {
    if !rows.iter().any(|&[_, _, g]| g == reference) {
        return;
    }
    *rows = rows
        .iter()
        .flat_map(|&[s, o, g]| {
            let article: &[u32] = if g == reference {
                graphs.get(&s).map_or(&[], Vec::as_slice)
            } else {
                &[]
            };
            let own = (g != reference).then_some([s, o, g]);
            own.into_iter()
                .chain(article.iter().map(move |&a| [s, o, a]))
        })
        .collect();
}

/// A node's label and attribute values (interned), by (node, class).
type NodeRow = (u32, [Option<u32>; 3]);

/// Values grouped by (subject, graph), in scan order.
type PerGraph = HashMap<(u32, u32), Vec<u32>>;

fn per_graph(rows: &Rows) -> PerGraph {
    let mut map = PerGraph::new();
    for &[s, o, g] in rows {
        map.entry((s, g)).or_default().push(o);
    }
    map
}

/// Reads the nodes and the `kg` edges, and the `people` edges when `people` is set.
/// The scans run in parallel; the joins follow in memory.
///
/// Nodes are those of
/// `GRAPH ?g { ?n a ?class ; rdfs:label ?l . OPTIONAL { ?n <kind> ?k } … }` with
/// `?class` one of [`CLASSES`] (a body: `?n cadre:orgName ?org`, a document:
/// `?n cadre:documentType ?type`, as they state no class), grouped by `?n ?class`
/// with `SAMPLE`: the label is
/// the first in the label index whose graph types the node so; kind, code and date
/// come from the first of those graphs that has one, the first predicate of
/// [`ATTRIBUTES`] that has a value there, its first value in index order.
pub(crate) fn read(store: &CadreStore, people: bool) -> Result<StoreGraph, GraphError> {
    use rayon::prelude::*;
    let mut scans: Vec<Scan> = CLASSES
        .iter()
        .map(|class| match *class {
            // A body and a document state no class (a body's kind is
            // `cadre:bodyKind`): the body's name, the document's type tell them.
            "Body" => Scan::of("orgName"),
            "Document" => Scan::of("documentType"),
            class => Scan {
                predicate: RDF_TYPE,
                object: Some(NamedNode::new_unchecked(format!("{CADRE}{class}"))),
                labels: false,
            },
        })
        .collect();
    scans.extend(
        ATTRIBUTES
            .iter()
            .flat_map(|(_, ps)| ps.iter().map(|p| Scan::of(p))),
    );
    let first_relation = scans.len();
    scans.extend(SIMPLE_RELATIONS.iter().map(|(p, _, _)| Scan::of(p)));
    for p in ["holder", "post", "postIn", "role", "articleDate"] {
        scans.push(Scan::of(p));
    }
    scans.push(Scan {
        predicate: RDFS_LABEL,
        object: None,
        labels: true,
    });
    let (names, labels) = (Mutex::new(Names::default()), Mutex::new(Labels::default()));
    let mut read: Vec<Rows> = scans
        .par_iter()
        .map(|scan| scan.run(store, &names, &labels))
        .collect::<Result<_, _>>()?;
    let (names, mut labels) = (
        names
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
        labels
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    if let Some(&reference) = names.ids.get(&cadre_kg::iri::reference_graph()) {
        let relation = |p: &str| {
            let i = SIMPLE_RELATIONS.iter().position(|(q, _, _)| *q == p);
            &read[first_relation + i.expect("a relation the projection scans")]
        };
        let roles = &read[first_relation + SIMPLE_RELATIONS.len() + 3];
        let graphs = reference_graphs(
            relation("locatedIn"),
            relation("partOf"),
            relation("succeededBy"),
            roles,
            reference,
        );
        for rows in &mut read {
            spread(rows, &graphs, reference);
        }
    }
    let label_rows = read.pop().unwrap_or_default();
    let dated_rows = read.pop().unwrap_or_default();
    let post_role = per_graph(&read.pop().unwrap_or_default());
    let post_body = per_graph(&read.pop().unwrap_or_default());
    let post = per_graph(&read.pop().unwrap_or_default());
    let holder = per_graph(&read.pop().unwrap_or_default());
    // A holding's body and role are its post's: GRAPH ?a { ?h cadre:post ?p .
    // ?p cadre:postIn ?o ; cadre:role ?r }.
    let through_post = |of_post: &PerGraph| -> PerGraph {
        post.iter()
            .map(|(&(h, a), posts)| {
                let values = posts
                    .iter()
                    .flat_map(|&p| of_post.get(&(p, a)).into_iter().flatten().copied())
                    .collect();
                ((h, a), values)
            })
            .collect()
    };
    let (organisation, role) = (through_post(&post_body), through_post(&post_role));
    let relations = read.split_off(first_relation);

    // Node classes per (node, graph), one bit per class.
    let mut classes: HashMap<(u32, u32), u8> = HashMap::new();
    for (bit, rows) in read.iter().take(CLASSES.len()).enumerate() {
        for &[n, _, g] in rows {
            *classes.entry((n, g)).or_default() |= 1 << bit;
        }
    }
    // The first value of each attribute per (node, graph).
    let mut attributes: HashMap<(u32, u32), [Option<u32>; 3]> = HashMap::new();
    let mut attribute_rows = read.iter().skip(CLASSES.len());
    for (slot, (_, predicates)) in ATTRIBUTES.iter().enumerate() {
        for rows in attribute_rows.by_ref().take(predicates.len()) {
            for &[n, value, g] in rows {
                if classes.contains_key(&(n, g)) {
                    attributes.entry((n, g)).or_default()[slot].get_or_insert(value);
                }
            }
        }
    }

    // Labels needed per (node, graph): roles for `holds`, bodies for `same_body`.
    let mut wanted: HashSet<(u32, u32)> = role
        .iter()
        .flat_map(|(&(_, g), rs)| rs.iter().map(move |&r| (r, g)))
        .collect();
    if people {
        wanted.extend(
            organisation
                .iter()
                .flat_map(|(&(_, g), bs)| bs.iter().map(move |&b| (b, g))),
        );
    }
    let mut label_of: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
    let mut found: BTreeMap<(u32, u8), NodeRow> = BTreeMap::new();
    for &[n, label, g] in &label_rows {
        if let Some(&bits) = classes.get(&(n, g)) {
            for class in (0..CLASSES.len() as u8).filter(|c| bits & (1 << c) != 0) {
                let node = found.entry((n, class)).or_insert((label, [None; 3]));
                if let Some(values) = attributes.get(&(n, g)) {
                    for (have, value) in node.1.iter_mut().zip(values) {
                        if have.is_none() {
                            *have = *value;
                        }
                    }
                }
            }
        }
        if wanted.contains(&(n, g)) {
            label_of.entry((n, g)).or_default().push(label);
        }
    }
    drop((attributes, classes, label_rows));

    let mut dated: HashMap<u32, Vec<(String, String)>> = HashMap::new();
    for &[a, date, g] in &dated_rows {
        if a == g {
            dated.entry(g).or_default().push(period(names.name(date)));
        }
    }

    let mut kg = EdgeTable::default();
    // holds: GRAPH ?a { ?h cadre:holder ?s ; cadre:post ?p . ?p cadre:postIn ?o ;
    //                   cadre:role ?r . ?r rdfs:label ?label }
    for (&(h, a), holders) in &holder {
        let (Some(orgs), Some(roles)) = (organisation.get(&(h, a)), role.get(&(h, a))) else {
            continue;
        };
        for &s in holders {
            for &o in orgs {
                for &r in roles {
                    for &label in label_of.get(&(r, a)).into_iter().flatten() {
                        kg.add(s, o, "holds", label, a);
                    }
                }
            }
        }
    }
    // The other relations: GRAPH ?a { ?s <predicate> ?o } (chaired: ?o cadre:chairedBy
    // ?s), labelled with the relation; same_person once per pair (STR(?s) < STR(?o)).
    for ((_, relation, reversed), rows) in SIMPLE_RELATIONS.iter().zip(&relations) {
        let label = labels.id(Literal::new_simple_literal(match *relation {
            "chaired" => "chủ trì",
            "same_person" => "cùng một người",
            other => other,
        }));
        for &[x, y, a] in rows {
            let (s, o) = if *reversed { (y, x) } else { (x, y) };
            if *relation != "same_person" || names.name(s) < names.name(o) {
                kg.add(s, o, relation, label, a);
            }
        }
    }

    let people_edges = if people {
        let mut table = EdgeTable::default();
        let mut pairs = |group: &[u32], relation: &'static str, label: u32, a: u32| {
            for &s in group {
                for &o in group {
                    if names.name(s) < names.name(o) {
                        table.add(s, o, relation, label, a);
                    }
                }
            }
        };
        // co_chair: GRAPH ?a { ?m cadre:chairedBy ?s , ?o }
        let co_chair = labels.id(Literal::new_simple_literal("đồng chủ trì"));
        for (&(_, a), chairs) in &per_graph(&relations[0]) {
            pairs(chairs, "co_chair", co_chair, a);
        }
        // same_body: GRAPH ?a { ?h1 cadre:holder ?s ; cadre:post/cadre:postIn ?b .
        //   ?h2 cadre:holder ?o ; cadre:post/cadre:postIn ?b . ?b rdfs:label ?label }
        let mut members: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
        for (&(h, a), holders) in &holder {
            for &b in organisation.get(&(h, a)).into_iter().flatten() {
                members.entry((b, a)).or_default().extend(holders);
            }
        }
        for (&(b, a), group) in &members {
            for &label in label_of.get(&(b, a)).into_iter().flatten() {
                pairs(group, "same_body", label, a);
            }
        }
        // same_person: GRAPH ?a { ?s cadre:sameAsPerson ?o }, once per pair.
        let same = labels.id(Literal::new_simple_literal("cùng một người"));
        for ((s, o, relation, _), graphs) in &kg.rows {
            if *relation == "same_person" {
                for &a in graphs {
                    table.add(*s, *o, "same_person", same, a);
                }
            }
        }
        Some(table.finish(&names, &labels.items, &dated))
    } else {
        None
    };
    let kg_edges = kg.finish(&names, &labels.items, &dated);

    let mut nodes: Vec<Node> = found
        .into_iter()
        .map(|((n, class), (label, values))| {
            let attributes = ATTRIBUTES
                .iter()
                .zip(values)
                .filter_map(|((name, _), v)| Some((name.to_string(), names.name(v?).to_string())))
                .collect();
            Node {
                id: names.name(n).to_string(),
                label: labels.items[label as usize].value().to_string(),
                node_type: CLASSES[class as usize].to_string(),
                attributes,
                start: None,
                end: None,
                metrics: Metrics::default(),
            }
        })
        .collect();
    nodes.sort_by(|a, b| (&a.id, &a.node_type).cmp(&(&b.id, &b.node_type)));
    Ok(StoreGraph {
        nodes,
        kg_edges,
        people_edges,
    })
}

#[cfg(test)]
mod tests {
    use super::period;

    #[test]
    fn a_month_or_year_spans_its_days() {
        let p = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(period("2022-10-05"), p("2022-10-05", "2022-10-05"));
        assert_eq!(period("2024-02"), p("2024-02-01", "2024-02-29"));
        assert_eq!(period("2023-02"), p("2023-02-01", "2023-02-28"));
        assert_eq!(period("2020"), p("2020-01-01", "2020-12-31"));
    }
}
