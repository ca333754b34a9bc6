//! The curation file: a journalist's corrections to what the resolver did, applied
//! to every article as it is mapped to RDF.
//!
//! `curation.csv` has the header `action,subject,object,value,note` and one rule per
//! line (CSV quoting lets a value hold commas, not line breaks; `#` starts a comment
//! line; a byte-order mark is ignored):
//!
//! - `merge,FROM,INTO,,note`: the person named FROM is the person named INTO (names
//!   compare by their IRI key, the slug of the normalised name); chains are followed.
//! - `split,NAME,ARTICLE,QUALIFIER,note`: in the article ARTICLE (its id), NAME is
//!   another person, named `NAME (QUALIFIER)`.
//! - `rename,SUBJECT,,LABEL,note`: the node's `rdfs:label` (and a person's
//!   `cadre:name`) becomes LABEL; its IRI stays.
//! - `set,SUBJECT,PROPERTY,VALUE,note`: the datatype property `cadre:PROPERTY`
//!   (declared in `ontology/cadre.ttl`) of the node is VALUE, replacing what articles
//!   say; the value lives in the curation graph.
//!
//! SUBJECT is an entity IRI (`https://w3id.org/cadre/id/…` or the short `id/…`) or a
//! person's name. Merges and splits rename persons in the extraction before mapping,
//! so every IRI built from the name (person, holdings, successions, chairs) follows;
//! renames and sets rewrite the mapped quads. Each article graph a rule changed says
//! so (`cadre:curatedBy` on the article and on the node, `cadre:writtenName` for the
//! name as the article wrote it), and the rules themselves are quads of their own
//! named graph `id/curation` ([`Curation::graph_quads`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use cadre_extract::Extraction;
use cadre_text::{ascii_slug, normalize_text};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use thiserror::Error;

use crate::iri::{self, entity, term, RDFS_LABEL, RDF_TYPE, XSD};
use crate::mapping::article_quads;
use crate::persons::{self, PersonNodes};

/// The file name a store picks up by itself: `<store>/curation.csv`.
pub const FILE_NAME: &str = "curation.csv";

/// The header every curation file starts with.
pub const COLUMNS: [&str; 5] = ["action", "subject", "object", "value", "note"];

/// The ontology, for checking the properties `set` names.
const ONTOLOGY: &str = include_str!("../../../ontology/cadre.ttl");

/// Errors reading a curation file; each names the line at fault.
#[derive(Debug, Error)]
pub enum CurationError {
    /// The file could not be read.
    #[error("reading {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not a valid rule.
    #[error("line {line}: {message}")]
    Line {
        /// 1-based line number in the file.
        line: usize,
        /// What is wrong, and what was expected.
        message: String,
    },
}

/// What a rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Two person names are one person.
    Merge,
    /// One name in one article is another person.
    Split,
    /// A node's label changes.
    Rename,
    /// A node's attribute is set.
    Set,
}

impl Action {
    /// The word used in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Merge => "merge",
            Action::Split => "split",
            Action::Rename => "rename",
            Action::Set => "set",
        }
    }

    /// The action a word of the file names.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_lowercase().as_str() {
            "merge" => Some(Action::Merge),
            "split" => Some(Action::Split),
            "rename" => Some(Action::Rename),
            "set" => Some(Action::Set),
            _ => None,
        }
    }
}

/// One line of the curation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// 1-based line number in the file.
    pub line: usize,
    /// What the rule does.
    pub action: Action,
    /// The name or IRI the rule is about (normalised text).
    pub subject: String,
    /// The second operand: merge target, split article, set property.
    pub object: String,
    /// The value: split qualifier, new label, attribute value.
    pub value: String,
    /// The journalist's note (why).
    pub note: String,
}

impl Rule {
    /// The IRI of the rule in the curation graph, from what it applies to (not its
    /// line, so moving a line changes no article graph).
    pub fn iri(&self) -> String {
        let node = self.node();
        let key = node.strip_prefix(iri::ID).unwrap_or(&node);
        match self.action {
            Action::Merge => entity("curation", &["merge", key]),
            Action::Split => entity("curation", &["split", key, &self.object]),
            Action::Rename => entity("curation", &["rename", key]),
            Action::Set => entity("curation", &["set", key, &self.object]),
        }
    }

    /// The IRI of the node the rule is about.
    pub fn node(&self) -> String {
        iri::node(&self.subject)
    }

    /// Whether the rule is about a person named by name (not by IRI): it then
    /// concerns every node of that name, whatever province anchors it.
    pub fn names_a_person(&self) -> bool {
        !iri::is_iri(&self.subject)
    }

    /// Whether the rule concerns the node `iri`: the node it names, or, for a person
    /// named by name, any node of that name (`id/person/<name>/<province>`).
    pub fn applies_to(&self, iri: &str) -> bool {
        let node = self.node();
        iri == node
            || (self.names_a_person()
                && iri
                    .strip_prefix(node.as_str())
                    .is_some_and(|rest| rest.starts_with('/')))
    }

    /// The rule in words, for `cadre explain`: `curation line 3: merge "A" into "B"`.
    pub fn describe(&self) -> String {
        let what = match self.action {
            Action::Merge => format!("merge {:?} into {:?}", self.subject, self.object),
            Action::Split => format!(
                "split {:?} in article {} as {:?}",
                self.subject,
                self.object,
                split_name(&self.subject, &self.value)
            ),
            Action::Rename => format!("rename {} to {:?}", self.subject, self.value),
            Action::Set => format!("set {} {} = {:?}", self.subject, self.object, self.value),
        };
        format!("curation line {}: {what}", self.line)
    }
}

fn split_name(name: &str, qualifier: &str) -> String {
    format!("{name} ({qualifier})")
}

/// The datatype properties of the ontology with their ranges (XSD local names).
fn datatype_properties() -> &'static BTreeMap<String, String> {
    static PROPS: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    PROPS.get_or_init(|| {
        let mut types: HashSet<String> = HashSet::new();
        let mut ranges: HashMap<String, String> = HashMap::new();
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(ONTOLOGY.as_bytes()) {
            let Ok(quad) = quad else { continue };
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                continue;
            };
            let Some(local) = subject.as_str().strip_prefix(iri::ONTOLOGY) else {
                continue;
            };
            let local = local.to_string();
            match (quad.predicate.as_str(), &quad.object) {
                (RDF_TYPE, Term::NamedNode(o))
                    if o.as_str() == "http://www.w3.org/2002/07/owl#DatatypeProperty" =>
                {
                    types.insert(local);
                }
                ("http://www.w3.org/2000/01/rdf-schema#range", Term::NamedNode(o)) => {
                    if let Some(x) = o.as_str().strip_prefix(XSD) {
                        ranges.insert(local, x.to_string());
                    }
                }
                _ => {}
            }
        }
        types
            .into_iter()
            .map(|p| {
                let range = ranges.get(&p).cloned().unwrap_or_else(|| "string".into());
                (p, range)
            })
            .collect()
    })
}

/// The literal a `set` value becomes, typed by the property's range; `None` when
/// the value does not fit it.
fn typed_value(value: &str, range: &str) -> Option<Literal> {
    let valid = match range {
        "string" => true,
        "date" => {
            let b = value.as_bytes();
            value.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && value
                    .split('-')
                    .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        }
        "integer" | "gYear" => value.parse::<i64>().is_ok(),
        "boolean" => value == "true" || value == "false",
        _ => true,
    };
    valid.then(|| {
        if range == "string" {
            Literal::new_simple_literal(value)
        } else {
            Literal::new_typed_literal(value, NamedNode::new_unchecked(format!("{XSD}{range}")))
        }
    })
}

/// A parsed curation file. The default is the empty curation, which changes nothing.
#[derive(Debug, Clone, Default)]
pub struct Curation {
    rules: Vec<Rule>,
    /// Slug of a merged name → index of its merge rule.
    merges: HashMap<String, usize>,
    /// (slug of the name, article id) → index of the split rule.
    splits: HashMap<(String, String), usize>,
    /// [`Self::reference_digest`], computed on first use.
    digest: OnceLock<String>,
}

impl Curation {
    /// Reads and checks a curation file.
    pub fn load(path: &Path) -> Result<Self, CurationError> {
        let text = std::fs::read_to_string(path).map_err(|source| CurationError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text)
    }

    /// Parses and checks the text of a curation file: a bad line is an error naming
    /// its line number.
    pub fn parse(text: &str) -> Result<Self, CurationError> {
        let mut curation = Curation::default();
        let mut header = true;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, text_line) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = text_line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let record = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .trim(csv::Trim::All)
                .from_reader(trimmed.as_bytes())
                .records()
                .next()
                .unwrap_or_else(|| Ok(csv::StringRecord::new()))
                .map_err(|e| CurationError::Line {
                    line,
                    message: e.to_string(),
                })?;
            let bad = |message: String| CurationError::Line { line, message };
            let cells: Vec<String> = record.iter().map(normalize_text).collect();
            if header {
                header = false;
                let got: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
                if got != COLUMNS {
                    return Err(bad(format!(
                        "the header must be {:?}, got {:?}",
                        COLUMNS.join(","),
                        cells.join(",")
                    )));
                }
                continue;
            }
            if cells.len() > COLUMNS.len() {
                return Err(bad(format!(
                    "{} columns, expected at most {} ({}); quote a value that holds a comma",
                    cells.len(),
                    COLUMNS.len(),
                    COLUMNS.join(",")
                )));
            }
            let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
            let action = Action::parse(&cell(0)).ok_or_else(|| {
                bad(format!(
                    "unknown action {:?} (expected merge, split, rename or set)",
                    cell(0)
                ))
            })?;
            let rule = Rule {
                line,
                action,
                subject: cell(1),
                object: cell(2),
                value: cell(3),
                note: cell(4),
            };
            let need = |column: &str, what: &str| -> Result<(), CurationError> {
                let value = match column {
                    "subject" => &rule.subject,
                    "object" => &rule.object,
                    _ => &rule.value,
                };
                if value.is_empty() {
                    Err(bad(format!(
                        "{} needs a {column} ({what})",
                        action.as_str()
                    )))
                } else {
                    Ok(())
                }
            };
            match action {
                Action::Merge => {
                    need("subject", "the name to merge")?;
                    need("object", "the name it is merged into")?;
                    if ascii_slug(&rule.subject) == ascii_slug(&rule.object) {
                        return Err(bad(format!(
                            "merging {:?} into {:?}: the names are already one person",
                            rule.subject, rule.object
                        )));
                    }
                }
                Action::Split => {
                    need("subject", "the name to split")?;
                    need("object", "the article id where it is another person")?;
                    need("value", "a qualifier that tells the two apart")?;
                }
                Action::Rename => {
                    need("subject", "an IRI or a person's name")?;
                    need("value", "the new label")?;
                }
                Action::Set => {
                    need("subject", "an IRI or a person's name")?;
                    need("object", "a property of the cadre ontology")?;
                    need("value", "the value")?;
                    let props = datatype_properties();
                    let range = props.get(&rule.object).ok_or_else(|| {
                        bad(format!(
                            "{:?} is not a datatype property of ontology/cadre.ttl (e.g. validTo, placeKind)",
                            rule.object
                        ))
                    })?;
                    if typed_value(&rule.value, range).is_none() {
                        return Err(bad(format!(
                            "{:?} is not a valid xsd:{range} for {}",
                            rule.value, rule.object
                        )));
                    }
                }
            }
            if NamedNode::new(rule.node()).is_err() {
                return Err(bad(format!("{:?} is not a valid IRI", rule.subject)));
            }
            if let Some(first) = seen.insert(rule.iri(), line) {
                return Err(bad(format!("repeats the rule of line {first}")));
            }
            let index = curation.rules.len();
            match action {
                Action::Merge => {
                    curation.merges.insert(ascii_slug(&rule.subject), index);
                }
                Action::Split => {
                    curation
                        .splits
                        .insert((ascii_slug(&rule.subject), rule.object.clone()), index);
                }
                Action::Rename | Action::Set => {}
            }
            curation.rules.push(rule);
        }
        for rule in &curation.rules {
            if rule.action == Action::Merge {
                let mut name = rule.subject.clone();
                for _ in 0..=curation.rules.len() {
                    match curation.merges.get(&ascii_slug(&name)) {
                        Some(&i) => name = curation.rules[i].object.clone(),
                        None => break,
                    }
                }
                if curation.merges.contains_key(&ascii_slug(&name)) {
                    return Err(CurationError::Line {
                        line: rule.line,
                        message: format!(
                            "merges form a cycle through {:?} and {:?}",
                            rule.subject, rule.object
                        ),
                    });
                }
            }
        }
        Ok(curation)
    }

    /// The rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The person a name in an article resolves to after splits and merges, with the
    /// rules that moved it.
    fn resolve(&self, article: &str, name: &str) -> (String, Vec<usize>) {
        let mut used = Vec::new();
        let mut name = name.to_string();
        if let Some(&i) = self.splits.get(&(ascii_slug(&name), article.to_string())) {
            name = split_name(&name, &self.rules[i].value);
            used.push(i);
        }
        while let Some(&i) = self.merges.get(&ascii_slug(&name)) {
            name = self.rules[i].object.clone();
            used.push(i);
        }
        (name, used)
    }

    /// The quads of one article's graph with the curation applied: what
    /// [`article_quads`] gives when no rule concerns the article.
    pub fn article_quads(&self, x: &Extraction) -> Vec<Quad> {
        if self.rules.is_empty() {
            return article_quads(x);
        }
        crate::mapping::with_digest(&x.id, self.curated_quads(x))
    }

    /// The curated quads of one article's graph, without the content digest.
    fn curated_quads(&self, x: &Extraction) -> Vec<Quad> {
        let mut curated = x.clone();
        // Canonical name → (name as written, rules), for every person a rule moved.
        let mut moved: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
        let mut rename = |name: &mut String| {
            let (canonical, used) = self.resolve(&x.id, name);
            if !used.is_empty() {
                let entry = moved.entry(canonical.clone()).or_default();
                for i in used {
                    entry.push((name.clone(), i));
                }
                *name = canonical;
            }
        };
        for p in &mut curated.persons {
            rename(&mut p.name);
            for pos in &mut p.positions {
                if let Some(r) = &mut pos.replaces {
                    rename(r);
                }
            }
        }
        for m in &mut curated.meetings {
            for chair in &mut m.chairs {
                rename(chair);
            }
        }
        let article = iri::article(&x.id);
        let graph: GraphName = NamedNode::new_unchecked(&article).into();
        let quad = |s: &str, p: &str, o: Term| {
            Quad::new(
                NamedNode::new_unchecked(s),
                NamedNode::new_unchecked(p),
                o,
                graph.clone(),
            )
        };
        let curated_by = term("curatedBy");
        let mut extra = Vec::new();
        let nodes = PersonNodes::of(&curated);
        for (canonical, sources) in &moved {
            for province in nodes.provinces(canonical) {
                let person = persons::iri(canonical, province.as_deref());
                for (written, i) in sources {
                    let rule: Term = NamedNode::new_unchecked(self.rules[*i].iri()).into();
                    extra.push(quad(
                        &person,
                        &term("writtenName"),
                        Literal::new_simple_literal(written).into(),
                    ));
                    extra.push(quad(&person, &curated_by, rule.clone()));
                    extra.push(quad(&article, &curated_by, rule));
                }
            }
        }
        let mut quads = crate::mapping::mapped_quads(&curated);
        for (node, rule) in self.edit(&mut quads) {
            let r: Term = NamedNode::new_unchecked(rule).into();
            extra.push(quad(&node, &curated_by, r.clone()));
            extra.push(quad(&article, &curated_by, r));
        }
        quads.extend(extra);
        let mut seen = HashSet::new();
        quads.retain(|q| seen.insert(q.clone()));
        quads
    }

    /// Applies the `rename` and `set` rules to `quads` (a rename replaces the label,
    /// name and key of its node; a set drops the property's values) and returns each
    /// (node, rule IRI) it changed, for the graph to cite the rule.
    fn edit(&self, quads: &mut Vec<Quad>) -> Vec<(String, String)> {
        let mut edited = Vec::new();
        for rule in &self.rules {
            if !matches!(rule.action, Action::Rename | Action::Set) {
                continue;
            }
            let name = term("name");
            let key = term("key");
            let property = term(&rule.object);
            let mut touched = BTreeSet::new();
            quads.retain_mut(|q| {
                let subject = match &q.subject {
                    NamedOrBlankNode::NamedNode(n) if rule.applies_to(n.as_str()) => {
                        n.as_str().to_string()
                    }
                    _ => return true,
                };
                let p = q.predicate.as_str();
                match rule.action {
                    Action::Rename if p == RDFS_LABEL => {
                        q.object =
                            Literal::new_language_tagged_literal_unchecked(&rule.value, "vi")
                                .into();
                        touched.insert(subject.clone());
                        true
                    }
                    Action::Rename if p == name => {
                        q.object = Literal::new_simple_literal(&rule.value).into();
                        touched.insert(subject.clone());
                        true
                    }
                    Action::Rename if p == key => {
                        q.object =
                            Literal::new_simple_literal(cadre_text::fold_key(&rule.value)).into();
                        true
                    }
                    Action::Set if p == property => {
                        touched.insert(subject.clone());
                        false
                    }
                    _ => true,
                }
            });
            edited.extend(touched.into_iter().map(|node| (node, rule.iri())));
        }
        edited
    }

    /// The reference graph's quads for the places and roles `referenced`
    /// ([`crate::mapping::reference_quads`]) with the `rename` and `set` rules applied
    /// (the rule cited on the node, in that graph), then the graph's digest
    /// ([`Self::reference_digest`]).
    pub fn reference_quads(&self, referenced: &crate::mapping::Referenced) -> Vec<Quad> {
        let graph = iri::reference_graph();
        let mut quads = crate::mapping::reference_quads(referenced);
        let cited: Vec<Quad> = self
            .edit(&mut quads)
            .into_iter()
            .map(|(node, rule)| {
                Quad::new(
                    NamedNode::new_unchecked(node),
                    NamedNode::new_unchecked(term("curatedBy")),
                    NamedNode::new_unchecked(rule),
                    NamedNode::new_unchecked(&graph),
                )
            })
            .collect();
        quads.extend(cited);
        quads.push(Quad::new(
            NamedNode::new_unchecked(&graph),
            NamedNode::new_unchecked(term("contentDigest")),
            Literal::new_simple_literal(self.reference_digest().to_string()),
            NamedNode::new_unchecked(&graph),
        ));
        quads
    }

    /// What the reference graph is a function of, besides the places and roles: the
    /// gazetteer's data files, the roles table (`roles.tsv`) and this curation's
    /// rules, as 16 hex digits (FNV-1a). A store whose
    /// reference graph carries another digest rebuilds it
    /// ([`crate::CadreStore::refresh_reference`]).
    pub fn reference_digest(&self) -> &str {
        self.digest.get_or_init(|| self.compute_reference_digest())
    }

    fn compute_reference_digest(&self) -> String {
        static LEXICON: OnceLock<u64> = OnceLock::new();
        let lexicon = *LEXICON.get_or_init(|| {
            cadre_lexicon::places::Gazetteer::data()
                .iter()
                .chain([&cadre_lexicon::vocab::ROLES_TSV])
                .fold(FNV_OFFSET, |h, data| fnv1a(h, data.as_bytes()))
        });
        let mut rules: Vec<String> = self.graph_quads().iter().map(Quad::to_string).collect();
        rules.sort();
        let sum = rules
            .iter()
            .fold(lexicon, |h, line| fnv1a(h, line.as_bytes()));
        format!("{sum:016x}")
    }

    /// The IRI of the curation graph.
    pub fn graph_iri() -> String {
        entity("curation", &[])
    }

    /// The curation graph: one `cadre:CurationRule` node per line (action, operands,
    /// line, note), and the attributes `set` gives. Empty for the empty curation.
    pub fn graph_quads(&self) -> Vec<Quad> {
        let graph: GraphName = NamedNode::new_unchecked(Self::graph_iri()).into();
        let mut quads = Vec::new();
        let mut add = |s: &str, p: &str, o: Term| {
            quads.push(Quad::new(
                NamedNode::new_unchecked(s),
                NamedNode::new_unchecked(p),
                o,
                graph.clone(),
            ));
        };
        let props = datatype_properties();
        for rule in &self.rules {
            let r = rule.iri();
            add(
                &r,
                RDF_TYPE,
                NamedNode::new_unchecked(term("CurationRule")).into(),
            );
            add(
                &r,
                &term("curationLine"),
                Literal::new_typed_literal(
                    rule.line.to_string(),
                    NamedNode::new_unchecked(format!("{XSD}integer")),
                )
                .into(),
            );
            add(
                &r,
                &term("curationAction"),
                Literal::new_simple_literal(rule.action.as_str()).into(),
            );
            add(
                &r,
                &term("curates"),
                NamedNode::new_unchecked(rule.node()).into(),
            );
            for (p, v) in [
                ("curationSubject", &rule.subject),
                ("curationObject", &rule.object),
                ("curationValue", &rule.value),
                ("curationNote", &rule.note),
            ] {
                if !v.is_empty() {
                    add(&r, &term(p), Literal::new_simple_literal(v).into());
                }
            }
            if rule.action == Action::Set {
                if let Some(v) = props
                    .get(&rule.object)
                    .and_then(|range| typed_value(&rule.value, range))
                {
                    add(&rule.node(), &term(&rule.object), v.into());
                }
            }
        }
        quads
    }

    /// What changed against the curation graph a store holds (`stored`): the IRIs
    /// of stored rules that are gone or say something else now, and the rules that
    /// are new or changed. Line numbers and notes are not changes.
    pub fn diff(&self, stored: &[Quad]) -> CurationDiff {
        let ignored = [term("curationLine"), term("curationNote")];
        let content = |quads: &[Quad]| -> BTreeMap<String, Vec<String>> {
            let mut rules: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let rule_type = term("CurationRule");
            let is_rule: HashSet<String> = quads
                .iter()
                .filter(|q| {
                    q.predicate.as_str() == RDF_TYPE
                        && matches!(&q.object, Term::NamedNode(o) if o.as_str() == rule_type)
                })
                .map(|q| q.subject.to_string())
                .collect();
            for q in quads {
                let s = q.subject.to_string();
                if is_rule.contains(&s) && !ignored.iter().any(|p| p == q.predicate.as_str()) {
                    rules
                        .entry(s.trim_matches(['<', '>']).to_string())
                        .or_default()
                        .push(format!("{} {}", q.predicate, q.object));
                }
            }
            for v in rules.values_mut() {
                v.sort();
            }
            rules
        };
        let old = content(stored);
        let new = content(&self.graph_quads());
        CurationDiff {
            removed: old
                .iter()
                .filter(|(iri, c)| new.get(*iri) != Some(c))
                .map(|(iri, _)| iri.clone())
                .collect(),
            added: self
                .rules
                .iter()
                .filter(|r| {
                    let iri = r.iri();
                    old.get(&iri) != new.get(&iri)
                })
                .cloned()
                .collect(),
        }
    }
}

/// How a curation differs from the one a store was built with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CurationDiff {
    /// IRIs of stored rules that are gone or changed: article graphs that cite them
    /// (`cadre:curatedBy`) were mapped under the old rule.
    pub removed: Vec<String>,
    /// Rules that are new or changed: article graphs holding their node were mapped
    /// without them.
    pub added: Vec<Rule>,
}

impl CurationDiff {
    /// Whether the curations agree on every rule.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }
}

/// The FNV-1a offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Feeds `bytes` into the 64-bit FNV-1a hash `h`.
fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::article;

    const HEADER: &str = "action,subject,object,value,note\n";

    fn error(body: &str) -> String {
        Curation::parse(&format!("{HEADER}{body}"))
            .expect_err(body)
            .to_string()
    }

    fn lines(quads: &[Quad]) -> Vec<String> {
        quads.iter().map(Quad::to_string).collect()
    }

    #[test]
    fn bad_lines_are_errors_with_their_line_number() {
        assert_eq!(
            error("# a comment\nmerge,A B,C D\nmerg,X,Y,,\n"),
            "line 4: unknown action \"merg\" (expected merge, split, rename or set)"
        );
        assert_eq!(
            error("merge,Nguyễn Văn An,,,\n"),
            "line 2: merge needs a object (the name it is merged into)"
        );
        assert!(error("set,id/place/l01,colour,red,\n")
            .starts_with("line 2: \"colour\" is not a datatype property"));
        assert!(error("set,id/place/l01,validTo,30/6/2025,\n").contains("not a valid xsd:date"));
        assert_eq!(
            error("merge,A B,C D,,\nmerge,A B,E F,,\n"),
            "line 3: repeats the rule of line 2"
        );
        assert!(error("merge,A B,C D,,\nmerge,C D,A B,,\n").contains("cycle"));
        assert!(error("merge,Lê Văn A,Le Van A,,\n").contains("already one person"));
        assert!(error("merge,a,b,c,d,e\n").starts_with("line 2: 6 columns"));
        assert!(error("merge,\"A, B\",C D,,\n\n\nrename,X,,,\n")
            .starts_with("line 5: rename needs a value"));
        assert!(Curation::parse(&format!("\u{feff}{HEADER}merge,\"A, B\",C D,,\n")).is_ok());
        let header = Curation::parse("kind,name\n").unwrap_err().to_string();
        assert!(header.starts_with("line 1: the header must be"), "{header}");
    }

    #[test]
    fn a_merge_renames_the_person_everywhere_and_says_so() {
        let c = Curation::parse(&format!(
            "{HEADER}merge,Đỗ Thị Hằng,Đỗ Thị Minh Hằng,,middle name left out\n"
        ))
        .unwrap();
        let quads = lines(&c.article_quads(&article("a", "Đỗ Thị Hằng")));
        let text = quads.join("\n");
        assert!(!text.contains("id/person/do-thi-hang/"), "{text}");
        assert!(
            text.contains("id/holding/do-thi-minh-hang/n01/bi-thu/"),
            "{text}"
        );
        assert!(text.contains("<https://w3id.org/cadre/ontology#name> \"Đỗ Thị Minh Hằng\""));
        assert!(text.contains(
            "<https://w3id.org/cadre/id/person/do-thi-minh-hang/n01> <https://w3id.org/cadre/ontology#writtenName> \"Đỗ Thị Hằng\""
        ));
        assert!(text.contains(
            "<https://w3id.org/cadre/id/article/a> <https://w3id.org/cadre/ontology#curatedBy> <https://w3id.org/cadre/id/curation/merge/person-do-thi-hang>"
        ));
        // An article that does not name the merged person is mapped as without curation.
        let other = article("b", "Nguyễn Văn An");
        assert_eq!(c.article_quads(&other), article_quads(&other));
        let graph = lines(&c.graph_quads()).join("\n");
        assert!(graph.contains("curationLine> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"));
        assert!(graph.contains("curationNote> \"middle name left out\""));
    }

    #[test]
    fn a_split_names_the_other_person_in_one_article_only() {
        let c = Curation::parse(&format!("{HEADER}split,Nguyễn Văn An,b,Nghệ An,\n")).unwrap();
        let a = lines(&c.article_quads(&article("a", "Nguyễn Văn An"))).join("\n");
        let b = lines(&c.article_quads(&article("b", "Nguyễn Văn An"))).join("\n");
        assert!(a.contains("id/person/nguyen-van-an/n01>") && !a.contains("nghe-an"));
        assert!(b.contains("id/person/nguyen-van-an-nghe-an/n01>"), "{b}");
        assert!(b.contains("\"Nguyễn Văn An (Nghệ An)\""));
    }

    #[test]
    fn rename_replaces_labels_and_set_moves_values_to_the_curation_graph() {
        let c = Curation::parse(&format!(
            "{HEADER}rename,Nguyễn Văn An,,Nguyễn Văn Ân,\nset,id/place/l01,validTo,2025-06-30,\nrename,id/body/huyen-uy/l020,,Huyện ủy Thanh Trì (cũ),\n"
        ))
        .unwrap();
        let text = lines(&c.article_quads(&article("a", "Nguyễn Văn An"))).join("\n");
        assert!(text.contains("<https://w3id.org/cadre/id/person/nguyen-van-an/n01> <https://w3id.org/cadre/ontology#name> \"Nguyễn Văn Ân\""));
        assert!(
            text.contains("<https://w3id.org/cadre/id/person/nguyen-van-an/n01> <https://w3id.org/cadre/ontology#curatedBy>"),
            "a rule naming a person reaches the node of every province: {text}"
        );
        assert!(!text.contains("\"Nguyễn Văn An\""), "{text}");
        assert!(
            text.contains("<https://w3id.org/cadre/ontology#key> \"nguyễn văn ân\""),
            "saved queries find the new name: {text}"
        );
        assert!(text.contains("\"Huyện ủy Thanh Trì (cũ)\"@vi"), "{text}");
        assert!(!text.contains(
            "<https://w3id.org/cadre/id/place/l01> <https://w3id.org/cadre/ontology#validTo>"
        ));
        let graph = lines(&c.graph_quads()).join("\n");
        assert!(graph.contains("<https://w3id.org/cadre/id/place/l01> <https://w3id.org/cadre/ontology#validTo> \"2025-06-30\"^^<http://www.w3.org/2001/XMLSchema#date> <https://w3id.org/cadre/id/curation>"));
    }

    #[test]
    fn diff_ignores_lines_and_notes_but_not_values() {
        let old = Curation::parse(&format!("{HEADER}merge,A B,C D,,x\nrename,A B,,E,\n")).unwrap();
        let moved = Curation::parse(&format!(
            "{HEADER}# moved\nrename,A B,,E,\nmerge,A B,C D,,y\n"
        ))
        .unwrap();
        assert!(moved.diff(&old.graph_quads()).is_empty());
        let changed = Curation::parse(&format!("{HEADER}merge,A B,C E,,x\n")).unwrap();
        let diff = changed.diff(&old.graph_quads());
        assert_eq!(diff.added.len(), 1);
        assert_eq!(diff.removed.len(), 2, "{diff:?}");
        assert!(Curation::default().diff(&[]).is_empty());
    }
}
