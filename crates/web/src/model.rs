//! The graph the pages read: every distinct triple of the store's union graph, loaded
//! once when the server (or the site writer) starts, indexed by subject and by object
//! so each page is a few look-ups rather than SPARQL queries.
//!
//! The store does not repeat what its layout already says (`cadre_kg::mapping`); the
//! loader states it again for the pages: the article of each fact (the named graph
//! that holds it) as `mentionedIn`, `citedIn`, `reportedIn` or `inArticle`, and a
//! holding's `attestedOn` (its article's date), `organisation` and `role` (its
//! post's).
//!
//! The loader streams the store's quads once (no query holds every triple at once)
//! and keeps each IRI and literal value once, as a number: numbers are given in the
//! strings' sorted order, so edges sort by number as they would by text, and a triple
//! takes a few bytes wherever it is repeated. At 100k articles the whole graph fits
//! in a laptop's memory.

use std::hash::BuildHasher;

use cadre_kg::iri::{ID, ONTOLOGY, RDFS_LABEL, RDF_TYPE};
use cadre_kg::{CadreStore, StoreError};
use hashbrown::HashTable;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::{FxBuildHasher, FxHashMap};

/// An object of a triple: another node, or a literal's lexical value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    /// A node IRI.
    Node(&'a str),
    /// A literal's value (the datatype and language are dropped: the pages show text).
    Text(&'a str),
}

impl<'a> Value<'a> {
    /// The node IRI, when the value is a node.
    pub fn node(self) -> Option<&'a str> {
        match self {
            Value::Node(iri) => Some(iri),
            Value::Text(_) => None,
        }
    }

    /// The text of the value (a literal's value, or the IRI).
    pub fn text(self) -> &'a str {
        match self {
            Value::Node(s) | Value::Text(s) => s,
        }
    }
}

/// Strings kept once each, numbered: one buffer and the end of each string in it.
#[derive(Debug, Default)]
struct Strings {
    buffer: String,
    ends: Vec<usize>,
    index: HashTable<u32>,
}

/// String number `i` of a buffer and the ends of its strings.
fn slice<'a>(buffer: &'a str, ends: &[usize], i: usize) -> &'a str {
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &buffer[start..ends[i]]
}

impl Strings {
    fn get(&self, id: u32) -> &str {
        slice(&self.buffer, &self.ends, id as usize)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn find(&self, s: &str) -> Option<u32> {
        let hash = FxBuildHasher.hash_one(s);
        self.index.find(hash, |&id| self.get(id) == s).copied()
    }

    /// The number of `s`, adding it when it is new.
    fn intern(&mut self, s: &str) -> u32 {
        let hash = FxBuildHasher.hash_one(s);
        if let Some(&id) = self.index.find(hash, |&id| self.get(id) == s) {
            return id;
        }
        let id = u32::try_from(self.ends.len()).expect("fewer than 2^32 strings");
        self.buffer.push_str(s);
        self.ends.push(self.buffer.len());
        let (buffer, ends) = (&self.buffer, &self.ends);
        self.index.insert_unique(hash, id, |&other| {
            FxBuildHasher.hash_one(slice(buffer, ends, other as usize))
        });
        id
    }

    /// The same strings numbered in sorted order, and each old number's new one.
    fn sorted(self) -> (Strings, Vec<u32>) {
        let mut order: Vec<u32> = (0..self.ends.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.get(a).cmp(self.get(b)));
        let mut renumber = vec![0; order.len()];
        let mut buffer = String::with_capacity(self.buffer.len());
        let mut ends = Vec::with_capacity(order.len());
        for (new, &old) in order.iter().enumerate() {
            renumber[old as usize] = new as u32;
            buffer.push_str(self.get(old));
            ends.push(buffer.len());
        }
        let hash = |i: usize| FxBuildHasher.hash_one(slice(&buffer, &ends, i));
        let mut index = HashTable::with_capacity(ends.len());
        for i in 0..ends.len() {
            index.insert_unique(hash(i), i as u32, |&other| hash(other as usize));
        }
        let sorted = Strings {
            buffer,
            ends,
            index,
        };
        (sorted, renumber)
    }
}

/// An outgoing edge: predicate, whether the object is a literal, object. Sorted by
/// these fields, edges come in the order of (predicate name, node before text, value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Out {
    predicate: u16,
    literal: bool,
    object: u32,
}

/// An incoming edge: predicate and subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct In {
    predicate: u16,
    subject: u32,
}

/// The loaded graph: outgoing and incoming edges by node, predicates named by their
/// local name (`holder`, `post`; `type` and `label` for rdf:type and rdfs:label).
#[derive(Debug, Default)]
pub struct Graph {
    strings: Strings,
    /// Predicate names, sorted; an edge's predicate is a position here.
    predicates: Vec<String>,
    /// Outgoing edges of every node, grouped by subject number.
    out: Vec<Out>,
    /// Where each string's outgoing edges start in `out` (one more entry than strings).
    out_start: Vec<usize>,
    /// Incoming edges of every node, grouped by object number.
    into: Vec<In>,
    /// Where each string's incoming edges start in `into`.
    into_start: Vec<usize>,
}

/// Predicates the pages never show (hashes and folding keys).
const HIDDEN: &[&str] = &["key", "contentDigest"];

/// Predicates that only fact nodes of an article graph state: persons (`cadre:name`),
/// holdings, person links, terms, documents, meetings and sentences.
const FACT_PREDICATES: &[&str] = &[
    "name",
    "holder",
    "linksPerson",
    "termOf",
    "documentType",
    "meetingKind",
    "sentenceText",
];

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

/// A triple while loading: subject, and the edge to its object.
type Triple = (u32, Out);

/// What the loader collects before the strings are numbered in order.
#[derive(Default)]
struct Loading {
    strings: Strings,
    predicates: FxHashMap<String, u16>,
    triples: Vec<Triple>,
    /// Each fact node of an article graph with that graph (see [`FACT_PREDICATES`]).
    facts: Vec<(u32, u32)>,
}

impl Loading {
    fn predicate(&mut self, name: &str) -> u16 {
        let next = u16::try_from(self.predicates.len()).expect("fewer than 2^16 predicates");
        *self.predicates.entry(name.to_string()).or_insert(next)
    }

    fn push(&mut self, subject: u32, predicate: &str, literal: bool, object: u32) {
        let predicate = self.predicate(predicate);
        self.triples.push((
            subject,
            Out {
                predicate,
                literal,
                object,
            },
        ));
    }

    /// Reads the quads of `graphs` (see [`Graph::load`]).
    fn read<'a>(
        store: &CadreStore,
        graphs: impl Iterator<Item = &'a Option<NamedNode>>,
    ) -> Result<Loading, StoreError> {
        let mut loading = Loading::default();
        for graph in graphs {
            for quad in store.graph_quads(graph.as_ref()) {
                loading.add(&quad?);
            }
        }
        Ok(loading)
    }

    /// Adds one quad: its triple unless hidden or about a blank node, and its subject
    /// as a fact of its graph when the predicate says it is one.
    fn add(&mut self, quad: &Quad) {
        let NamedOrBlankNode::NamedNode(s) = &quad.subject else {
            return;
        };
        let subject = self.strings.intern(s.as_str());
        let predicate = local(quad.predicate.as_str());
        if let GraphName::NamedNode(g) = &quad.graph_name {
            if FACT_PREDICATES.contains(&predicate) {
                let article = self.strings.intern(g.as_str());
                self.facts.push((subject, article));
            }
        }
        if HIDDEN.contains(&predicate) {
            return;
        }
        let (literal, object) = match &quad.object {
            Term::NamedNode(n) => (false, n.as_str()),
            Term::Literal(l) => (true, l.value()),
            _ => return,
        };
        let object = self.strings.intern(object);
        self.push(subject, predicate, literal, object);
    }

    /// Takes in what another reader loaded, renumbering its strings and predicates.
    fn absorb(&mut self, other: Loading) {
        let strings: Vec<u32> = (0..other.strings.len() as u32)
            .map(|id| self.strings.intern(other.strings.get(id)))
            .collect();
        let mut predicates = vec![0u16; other.predicates.len()];
        for (name, id) in &other.predicates {
            predicates[*id as usize] = self.predicate(name);
        }
        self.triples.extend(other.triples.iter().map(|&(s, edge)| {
            let object = strings[edge.object as usize];
            let predicate = predicates[edge.predicate as usize];
            let edge = Out {
                predicate,
                object,
                ..edge
            };
            (strings[s as usize], edge)
        }));
        self.facts.extend(
            other
                .facts
                .iter()
                .map(|&(s, g)| (strings[s as usize], strings[g as usize])),
        );
    }

    /// States the article of each fact node (see the module comment).
    fn state_articles(&mut self) {
        self.facts.sort_unstable();
        self.facts.dedup();
        for i in 0..self.facts.len() {
            let (s, article) = self.facts[i];
            if let Some(predicate) = article_predicate(kind(self.strings.get(s))) {
                self.push(s, predicate, false, article);
            }
        }
    }

    /// The graph of the collected triples, numbered in sorted order, and the fact
    /// nodes with their articles in that numbering.
    fn finish(self) -> (Graph, Vec<(u32, u32)>) {
        let (strings, renumber) = self.strings.sorted();
        let mut named: Vec<(String, u16)> = self.predicates.into_iter().collect();
        named.sort_unstable();
        let mut rank = vec![0u16; named.len()];
        for (new, (_, old)) in named.iter().enumerate() {
            rank[*old as usize] = new as u16;
        }
        let mut triples = self.triples;
        for (s, edge) in &mut triples {
            *s = renumber[*s as usize];
            edge.predicate = rank[edge.predicate as usize];
            edge.object = renumber[edge.object as usize];
        }
        let facts = self
            .facts
            .iter()
            .map(|&(s, g)| (renumber[s as usize], renumber[g as usize]))
            .collect();
        let predicates = named.into_iter().map(|(name, _)| name).collect();
        (Graph::build(strings, predicates, triples), facts)
    }
}

impl Graph {
    /// Loads every triple of the store's union graph: the graphs are shared out
    /// among the machine's cores, each reading its share into its own tables, and
    /// the shares are merged.
    pub fn load(store: &CadreStore) -> Result<Self, StoreError> {
        let mut graphs: Vec<Option<NamedNode>> = vec![None];
        graphs.extend(store.graph_names()?.into_iter().map(Some));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let shares: Vec<Result<Loading, StoreError>> = std::thread::scope(|scope| {
            let readers: Vec<_> = (0..threads)
                .map(|t| {
                    let share = graphs.iter().skip(t).step_by(threads);
                    scope.spawn(move || Loading::read(store, share))
                })
                .collect();
            readers
                .into_iter()
                .map(|r| r.join().expect("a reader thread panicked"))
                .collect()
        });
        let mut loading = Loading::default();
        for share in shares {
            loading.absorb(share?);
        }
        loading.state_articles();
        let (mut graph, facts) = loading.finish();
        graph.state_holdings_again(&facts);
        Ok(graph)
    }

    /// Gathers each edge once, sorted, into the look-up tables.
    fn build(strings: Strings, predicates: Vec<String>, mut triples: Vec<Triple>) -> Graph {
        triples.sort_unstable();
        triples.dedup();
        let n = strings.len();
        let mut out_start = vec![0usize; n + 1];
        let mut into_start = vec![0usize; n + 1];
        for (s, edge) in &triples {
            out_start[*s as usize + 1] += 1;
            if !edge.literal {
                into_start[edge.object as usize + 1] += 1;
            }
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
            into_start[i + 1] += into_start[i];
        }
        let mut incoming: Vec<(u32, In)> = triples
            .iter()
            .filter(|(_, edge)| !edge.literal)
            .map(|&(subject, edge)| {
                let predicate = edge.predicate;
                (edge.object, In { predicate, subject })
            })
            .collect();
        incoming.sort_unstable();
        Graph {
            strings,
            predicates,
            out: triples.into_iter().map(|(_, edge)| edge).collect(),
            out_start,
            into: incoming.into_iter().map(|(_, edge)| edge).collect(),
            into_start,
        }
    }

    /// Adds each holding's date (its article's) and its post's organisation and role
    /// (see the module comment), then rebuilds the tables.
    fn state_holdings_again(&mut self, facts: &[(u32, u32)]) {
        let names = ["attestedOn", "organisation", "role"];
        let mut predicates = self.predicates.clone();
        predicates.extend(names.iter().map(|n| n.to_string()));
        predicates.sort_unstable();
        predicates.dedup();
        let rank = |name: &str| {
            predicates
                .binary_search_by(|p| p.as_str().cmp(name))
                .expect("every name is in the list") as u16
        };
        let renumber: Vec<u16> = self.predicates.iter().map(|p| rank(p)).collect();
        let [attested, organisation, role] = names.map(rank);
        let (date, post, post_in, post_role) = (
            self.predicate_id("articleDate"),
            self.predicate_id("post"),
            self.predicate_id("postIn"),
            self.predicate_id("role"),
        );
        let mut triples: Vec<Triple> = Vec::with_capacity(self.out.len());
        for &(s, article) in facts {
            if kind(self.strings.get(s)) != "holding" {
                continue;
            }
            if let Some(edge) = self.out_of(Some(article), date).find(|e| e.literal) {
                triples.push((
                    s,
                    Out {
                        predicate: attested,
                        ..*edge
                    },
                ));
            }
            for p in self.out_of(Some(s), post).filter(|e| !e.literal) {
                for (from, to) in [(post_in, organisation), (post_role, role)] {
                    for edge in self.out_of(Some(p.object), from) {
                        triples.push((
                            s,
                            Out {
                                predicate: to,
                                ..*edge
                            },
                        ));
                    }
                }
            }
        }
        for id in 0..self.strings.len() as u32 {
            for edge in &self.out[self.out_range(id)] {
                let predicate = renumber[edge.predicate as usize];
                triples.push((id, Out { predicate, ..*edge }));
            }
        }
        let strings = std::mem::take(&mut self.strings);
        *self = Graph::build(strings, predicates, triples);
    }

    /// The outgoing edges of the string numbered `id` with predicate `predicate`
    /// (none when either is unknown).
    fn out_of(&self, id: Option<u32>, predicate: Option<u16>) -> impl Iterator<Item = &Out> {
        let range = match (id, predicate) {
            (Some(id), Some(_)) => self.out_range(id),
            _ => 0..0,
        };
        self.out[range]
            .iter()
            .filter(move |edge| Some(edge.predicate) == predicate)
    }

    fn out_range(&self, id: u32) -> std::ops::Range<usize> {
        self.out_start[id as usize]..self.out_start[id as usize + 1]
    }

    /// The value an edge points to.
    fn value(&self, edge: &Out) -> Value<'_> {
        let object = self.strings.get(edge.object);
        if edge.literal {
            Value::Text(object)
        } else {
            Value::Node(object)
        }
    }

    fn predicate_id(&self, name: &str) -> Option<u16> {
        self.predicates
            .binary_search_by(|p| p.as_str().cmp(name))
            .ok()
            .map(|i| i as u16)
    }

    /// Whether `iri` is the subject of any triple.
    pub fn has(&self, iri: &str) -> bool {
        self.strings
            .find(iri)
            .is_some_and(|id| !self.out_range(id).is_empty())
    }

    /// Every node that is a subject, in IRI order.
    pub fn nodes(&self) -> Vec<&str> {
        (0..self.strings.len() as u32)
            .filter(|&id| !self.out_range(id).is_empty())
            .map(|id| self.strings.get(id))
            .collect()
    }

    /// The outgoing edges of `iri` (predicate, value), sorted.
    pub fn edges(&self, iri: &str) -> impl Iterator<Item = (&str, Value<'_>)> {
        let range = match self.strings.find(iri) {
            Some(id) => self.out_range(id),
            None => 0..0,
        };
        self.out[range].iter().map(|edge| {
            let predicate = self.predicates[edge.predicate as usize].as_str();
            (predicate, self.value(edge))
        })
    }

    /// The values of `predicate` on `iri`.
    pub fn values<'a>(&'a self, iri: &str, predicate: &str) -> impl Iterator<Item = Value<'a>> {
        self.out_of(self.strings.find(iri), self.predicate_id(predicate))
            .map(|edge| self.value(edge))
    }

    /// The first text value of `predicate` on `iri`.
    pub fn text<'a>(&'a self, iri: &str, predicate: &str) -> Option<&'a str> {
        self.values(iri, predicate).next().map(Value::text)
    }

    /// The node values of `predicate` on `iri`.
    pub fn targets<'a>(&'a self, iri: &str, predicate: &str) -> impl Iterator<Item = &'a str> {
        self.values(iri, predicate).filter_map(Value::node)
    }

    /// The subjects that point to `iri` with `predicate`, sorted, without repeats.
    pub fn sources(&self, iri: &str, predicate: &str) -> Vec<&str> {
        let Some(wanted) = self.predicate_id(predicate) else {
            return Vec::new();
        };
        self.incoming_of(iri)
            .iter()
            .filter(|edge| edge.predicate == wanted)
            .map(|edge| self.strings.get(edge.subject))
            .collect()
    }

    fn incoming_of(&self, iri: &str) -> &[In] {
        match self.strings.find(iri) {
            Some(id) => &self.into[self.into_start[id as usize]..self.into_start[id as usize + 1]],
            None => &[],
        }
    }

    /// Every incoming edge of `iri` (predicate, subject), sorted.
    pub fn incoming(&self, iri: &str) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.incoming_of(iri).iter().map(|edge| {
            (
                self.predicates[edge.predicate as usize].as_str(),
                self.strings.get(edge.subject),
            )
        })
    }

    /// A node's display name: its name, label, title or number, else its IRI's tail.
    pub fn label<'a>(&'a self, iri: &'a str) -> &'a str {
        ["name", "label", "title", "documentNumber", "articleId"]
            .iter()
            .find_map(|p| self.text(iri, p))
            .unwrap_or_else(|| iri.strip_prefix(ID).unwrap_or(iri))
    }

    /// The sorted, distinct text values of `predicate` on `iri` (dates sort as text).
    pub fn texts<'a>(&'a self, iri: &str, predicate: &str) -> Vec<&'a str> {
        let mut out: Vec<&str> = self.values(iri, predicate).map(Value::text).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The local name of a predicate IRI.
fn local(iri: &str) -> &str {
    match iri {
        RDF_TYPE => "type",
        RDFS_LABEL => "label",
        _ => iri.strip_prefix(ONTOLOGY).unwrap_or(iri),
    }
}

/// The kind of a node (`person`, `post`, …): the first segment after the entity
/// namespace.
pub fn kind(iri: &str) -> &str {
    cadre_kg::iri::kind(iri).unwrap_or("")
}

/// Writes and reads a loaded [`Graph`] as bytes (the cache of `cadre serve`: see
/// `Site::load_cached`): the string buffer, the ends of its strings, the predicate
/// names and the two edge tables, each a little-endian count and its items, then a
/// checksum of all of it (SipHash-1-3, std's `DefaultHasher` with its fixed keys).
mod bytes {
    use std::io::{self, Read, Write};

    use hashbrown::HashTable;

    use super::{slice, Graph, In, Out, Strings};
    use rustc_hash::FxBuildHasher;
    use std::hash::{BuildHasher, DefaultHasher, Hasher};

    /// A reader or writer that sums the bytes passing through it.
    struct Summed<T> {
        inner: T,
        sum: DefaultHasher,
    }

    impl<T> Summed<T> {
        fn new(inner: T) -> Self {
            Self {
                inner,
                sum: DefaultHasher::new(),
            }
        }
    }

    impl<W: Write> Write for Summed<W> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.sum.write(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    impl<R: Read> Read for Summed<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.sum.write(&buf[..n]);
            Ok(n)
        }
    }

    fn count(w: &mut impl Write, n: usize) -> io::Result<()> {
        w.write_all(&(n as u64).to_le_bytes())
    }

    fn numbers(w: &mut impl Write, items: &[usize]) -> io::Result<()> {
        count(w, items.len())?;
        items
            .iter()
            .try_for_each(|&n| w.write_all(&(n as u64).to_le_bytes()))
    }

    fn text(w: &mut impl Write, s: &str) -> io::Result<()> {
        count(w, s.len())?;
        w.write_all(s.as_bytes())
    }

    /// Writes `graph` to `w`.
    pub fn write(graph: &Graph, w: &mut impl Write) -> io::Result<()> {
        let mut summed = Summed::new(&mut *w);
        body(graph, &mut summed)?;
        let sum = summed.sum.finish();
        w.write_all(&sum.to_le_bytes())
    }

    fn body(graph: &Graph, w: &mut impl Write) -> io::Result<()> {
        text(w, &graph.strings.buffer)?;
        numbers(w, &graph.strings.ends)?;
        count(w, graph.predicates.len())?;
        for p in &graph.predicates {
            text(w, p)?;
        }
        count(w, graph.out.len())?;
        for e in &graph.out {
            w.write_all(&e.predicate.to_le_bytes())?;
            w.write_all(&[u8::from(e.literal)])?;
            w.write_all(&e.object.to_le_bytes())?;
        }
        numbers(w, &graph.out_start)?;
        count(w, graph.into.len())?;
        for e in &graph.into {
            w.write_all(&e.predicate.to_le_bytes())?;
            w.write_all(&e.subject.to_le_bytes())?;
        }
        numbers(w, &graph.into_start)
    }

    fn array<const N: usize>(r: &mut impl Read) -> io::Result<[u8; N]> {
        let mut b = [0u8; N];
        r.read_exact(&mut b)?;
        Ok(b)
    }

    fn read_count(r: &mut impl Read, limit: usize) -> io::Result<usize> {
        let n = u64::from_le_bytes(array(r)?);
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= limit)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "a count out of range"))
    }

    fn read_numbers(r: &mut impl Read, limit: usize) -> io::Result<Vec<usize>> {
        let n = read_count(r, 1 << 40)?;
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(read_count(r, limit)?);
        }
        Ok(out)
    }

    fn read_text(r: &mut impl Read) -> io::Result<String> {
        let n = read_count(r, 1 << 40)?;
        let mut bytes = Vec::new();
        r.take(n as u64).read_to_end(&mut bytes)?;
        if bytes.len() != n {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }

    fn invalid(what: &str) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, what.to_string())
    }

    /// Reads a graph [`write`] wrote: a file whose checksum differs, or one with a
    /// number outside the table it points into, is an error.
    pub fn read(r: &mut impl Read) -> io::Result<Graph> {
        let mut summed = Summed::new(&mut *r);
        let graph = read_body(&mut summed)?;
        let sum = summed.sum.finish();
        if u64::from_le_bytes(array(r)?) != sum {
            return Err(invalid("the checksum differs"));
        }
        Ok(graph)
    }

    fn read_body(r: &mut impl Read) -> io::Result<Graph> {
        let buffer = read_text(r)?;
        let ends = read_numbers(r, buffer.len())?;
        let ordered = ends.windows(2).all(|w| w[0] <= w[1]);
        let boundaries = ends.iter().all(|&e| buffer.is_char_boundary(e));
        if !ordered || !boundaries || ends.last().is_some_and(|&e| e != buffer.len()) {
            return Err(invalid("string ends out of order"));
        }
        let strings = ends.len();
        let sorted = (1..strings).all(|i| slice(&buffer, &ends, i - 1) < slice(&buffer, &ends, i));
        if !sorted || strings > u32::MAX as usize {
            return Err(invalid("strings out of order"));
        }
        let mut predicates: Vec<String> = Vec::new();
        for _ in 0..read_count(r, 1 << 16)? {
            predicates.push(read_text(r)?);
        }
        if !predicates.windows(2).all(|w| w[0] < w[1]) {
            return Err(invalid("predicates out of order"));
        }
        let mut out = Vec::new();
        for _ in 0..read_count(r, 1 << 40)? {
            let predicate = u16::from_le_bytes(array(r)?);
            let [literal] = array(r)?;
            let object = u32::from_le_bytes(array(r)?);
            if usize::from(predicate) >= predicates.len()
                || object as usize >= strings
                || literal > 1
            {
                return Err(invalid("an edge out of range"));
            }
            out.push(Out {
                predicate,
                literal: literal == 1,
                object,
            });
        }
        let out_start = read_numbers(r, out.len())?;
        let mut into = Vec::new();
        for _ in 0..read_count(r, 1 << 40)? {
            let predicate = u16::from_le_bytes(array(r)?);
            let subject = u32::from_le_bytes(array(r)?);
            if usize::from(predicate) >= predicates.len() || subject as usize >= strings {
                return Err(invalid("an edge out of range"));
            }
            into.push(In { predicate, subject });
        }
        let into_start = read_numbers(r, into.len())?;
        for starts in [&out_start, &into_start] {
            if starts.len() != strings + 1 || !starts.windows(2).all(|w| w[0] <= w[1]) {
                return Err(invalid("edge runs out of order"));
            }
        }
        if out_start[strings] != out.len() || into_start[strings] != into.len() {
            return Err(invalid("edge runs out of order"));
        }
        let hash = |i: usize| FxBuildHasher.hash_one(slice(&buffer, &ends, i));
        let mut index = HashTable::with_capacity(strings);
        for i in 0..strings {
            index.insert_unique(hash(i), i as u32, |&other| hash(other as usize));
        }
        Ok(Graph {
            strings: Strings {
                buffer,
                ends,
                index,
            },
            predicates,
            out,
            out_start,
            into,
            into_start,
        })
    }
}

pub use bytes::{read as read_graph, write as write_graph};

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(triples: &[(&str, &str, Value)]) -> Graph {
        let mut loading = Loading::default();
        for &(s, p, o) in triples {
            let subject = loading.strings.intern(s);
            let (literal, object) = match o {
                Value::Node(n) => (false, loading.strings.intern(n)),
                Value::Text(t) => (true, loading.strings.intern(t)),
            };
            loading.push(subject, p, literal, object);
        }
        loading.finish().0
    }

    #[test]
    fn strings_are_kept_once_and_numbered_in_sorted_order() {
        let mut strings = Strings::default();
        let (b, a, b_again) = (
            strings.intern("Bí thư"),
            strings.intern("Ấp"),
            strings.intern("Bí thư"),
        );
        assert_eq!((b, a, b_again), (0, 1, 0));
        assert_eq!(strings.len(), 2);
        let (sorted, renumber) = strings.sorted();
        assert_eq!(
            renumber,
            vec![0, 1],
            "\"Bí thư\" sorts before \"Ấp\" (bytes)"
        );
        assert_eq!(sorted.get(1), "Ấp");
        assert_eq!(sorted.find("Ấp"), Some(1));
        assert_eq!(sorted.find("Bí"), None);
    }

    #[test]
    fn edges_sort_by_predicate_then_nodes_before_texts_then_value() {
        let g = graph(&[
            ("id:h", "post", Value::Node("id:post/b")),
            ("id:h", "holder", Value::Node("id:person/x")),
            ("id:h", "post", Value::Text("a text")),
            ("id:h", "post", Value::Node("id:post/a")),
            ("id:h", "post", Value::Node("id:post/a")),
        ]);
        let edges: Vec<(&str, Value)> = g.edges("id:h").collect();
        assert_eq!(
            edges,
            vec![
                ("holder", Value::Node("id:person/x")),
                ("post", Value::Node("id:post/a")),
                ("post", Value::Node("id:post/b")),
                ("post", Value::Text("a text")),
            ]
        );
        assert_eq!(g.text("id:h", "post"), Some("id:post/a"));
        assert_eq!(
            g.targets("id:h", "post").collect::<Vec<_>>(),
            ["id:post/a", "id:post/b"]
        );
        assert_eq!(g.values("id:h", "nothing").count(), 0);
    }

    #[test]
    fn incoming_edges_and_subjects() {
        let g = graph(&[
            ("id:h2", "post", Value::Node("id:post/a")),
            ("id:h1", "post", Value::Node("id:post/a")),
            ("id:m", "chairedBy", Value::Node("id:post/a")),
            ("id:post/a", "label", Value::Text("Bí thư Huyện ủy")),
        ]);
        assert_eq!(g.sources("id:post/a", "post"), ["id:h1", "id:h2"]);
        assert_eq!(
            g.incoming("id:post/a").collect::<Vec<_>>(),
            [("chairedBy", "id:m"), ("post", "id:h1"), ("post", "id:h2")]
        );
        assert_eq!(g.nodes(), ["id:h1", "id:h2", "id:m", "id:post/a"]);
        assert!(g.has("id:post/a"));
        assert!(!g.has("Bí thư Huyện ủy"), "a literal is not a node");
        assert_eq!(g.label("id:post/a"), "Bí thư Huyện ủy");
    }
}
