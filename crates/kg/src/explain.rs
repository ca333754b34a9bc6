//! Why a node is one node: the mentions merged into it (article, sentence, offsets,
//! the name or label as the article wrote it) and the rule that merged each one,
//! either the key of its IRI ([`iri::resolution_rule`]) or a curation rule.

use std::collections::BTreeMap;

use oxigraph::model::{NamedNode, Term};

use crate::curation::{Action, Rule};
use crate::iri;
use crate::store::{CadreStore, StoreError};

/// One mention of the node: a sentence of an article that supports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The article id.
    pub article: String,
    /// The article's publication date, when known.
    pub published: Option<String>,
    /// The statement node whose evidence this is, when it is not the node's own
    /// (a holding of a post, a meeting a body convened).
    pub via: Option<String>,
    /// Index of the sentence in the article.
    pub sentence: u64,
    /// Start offset (characters of the normalised article text).
    pub start: u64,
    /// End offset (exclusive).
    pub end: u64,
    /// The sentence.
    pub text: String,
    /// The name or label of the node as this article wrote it.
    pub written: Option<String>,
    /// Why this mention is the node: the IRI key rule or a curation rule.
    pub rule: String,
}

/// What `cadre explain` shows about a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The node.
    pub iri: String,
    /// Its kind (`person`, `body`, …).
    pub kind: String,
    /// Its labels and names, sorted.
    pub labels: Vec<String>,
    /// The rule that makes mentions one node of this kind.
    pub rule: &'static str,
    /// Curation rules that concern the node, in words, by line.
    pub curation: Vec<String>,
    /// Its mentions, by article and offset.
    pub mentions: Vec<Mention>,
    /// For a person node: the sentences that link it to another node of the same
    /// person (`cadre:PersonLink`), by linked node, article and offset; `via` is the
    /// linked node and `rule` is [`iri::LINK_RULE`].
    pub links: Vec<Mention>,
}

const PREFIXES: &str = "PREFIX cadre: <https://w3id.org/cadre/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
";

/// How a node reaches its evidence, nearest first: its own, that of a statement
/// pointing to it (a holding's, a meeting's), that of a statement one node further
/// (for a place: a holding of a body located in it). A holding points to its body
/// and role through its post (`cadre:post/cadre:postIn`, `cadre:post/cadre:role`),
/// which counts as one step, as when the holding stated them itself.
const HOPS: [&str; 3] = [
    "?node cadre:evidence ?ev .",
    "{ ?via ?p ?node FILTER (?p != cadre:evidence) }
    UNION { ?via cadre:post/(cadre:postIn|cadre:role) ?node }
    ?via cadre:evidence ?ev .",
    "{ ?via ?p ?mid FILTER (?p != cadre:evidence) }
    UNION { ?via cadre:post/(cadre:postIn|cadre:role) ?mid }
    ?via cadre:evidence ?ev . ?mid ?q ?node . FILTER (?q != cadre:evidence)",
];

fn mentions_query(hop: &str) -> String {
    let reference = iri::reference_graph();
    format!(
        "{PREFIXES}SELECT DISTINCT ?article ?published ?via ?sentence ?start ?end ?text ?written ?rule WHERE {{
  GRAPH ?g {{
    {hop}
    ?ev cadre:span ?span ; cadre:inSentence ?s .
    ?s cadre:sentenceIndex ?sentence ; cadre:sentenceText ?text .
    ?g cadre:articleId ?article .
    OPTIONAL {{ ?g cadre:published ?published }}
    OPTIONAL {{ ?node cadre:writtenName ?w0 }}
    OPTIONAL {{ ?node cadre:name ?w1 }}
    OPTIONAL {{ ?node rdfs:label ?w2 }}
    OPTIONAL {{ ?node cadre:curatedBy ?rule }}
  }}
  # A place's name is the gazetteer's, in the reference graph.
  OPTIONAL {{ GRAPH <{reference}> {{ ?node rdfs:label ?w3 }} }}
  BIND (COALESCE(?w0, ?w1, ?w2, ?w3) AS ?written)
  # The span \"start-end\" split last: a BIND between the patterns splits them.
  BIND (xsd:integer(STRBEFORE(?span, \"-\")) AS ?start)
  BIND (xsd:integer(STRAFTER(?span, \"-\")) AS ?end)
}}
ORDER BY ?article ?start ?end ?via"
    )
}

/// The nodes a person node is linked to (itself among them), with the sentences of
/// the link.
const LINKS: &str =
    "SELECT DISTINCT ?article ?published ?other ?sentence ?start ?end ?text ?written WHERE {
  GRAPH ?g {
    ?link cadre:linksPerson ?node , ?other ; cadre:evidence ?ev .
    ?ev cadre:span ?span ; cadre:inSentence ?s .
    ?s cadre:sentenceIndex ?sentence ; cadre:sentenceText ?text .
    ?g cadre:articleId ?article .
    OPTIONAL { ?g cadre:published ?published }
    OPTIONAL { ?node cadre:name ?written }
  }
  BIND (xsd:integer(STRBEFORE(?span, \"-\")) AS ?start)
  BIND (xsd:integer(STRAFTER(?span, \"-\")) AS ?end)
} ORDER BY ?other ?article ?start ?end";

const LABELS: &str = "SELECT DISTINCT ?l WHERE { { ?node rdfs:label ?l } UNION { ?node cadre:name ?l } } ORDER BY ?l";

const EXISTS: &str = "ASK { { ?node ?p ?o } UNION { ?s ?p ?node } }";

const RULES: &str = "SELECT DISTINCT ?rule ?line ?action ?subject ?object ?value ?note WHERE {
  { ?rule cadre:curates ?node } UNION { ?node cadre:curatedBy ?rule }
  ?rule cadre:curationLine ?line ; cadre:curationAction ?action ; cadre:curationSubject ?subject .
  OPTIONAL { ?rule cadre:curationObject ?object }
  OPTIONAL { ?rule cadre:curationValue ?value }
  OPTIONAL { ?rule cadre:curationNote ?note }
} ORDER BY ?line";

fn text(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn number(t: &Option<Term>) -> u64 {
    text(t).and_then(|v| v.parse().ok()).unwrap_or_default()
}

/// A mention from a row of the mention or link query (article, published, via,
/// sentence, start, end, text, written), merged by `rule`.
fn mention(r: &[Option<Term>], rule: String) -> Mention {
    Mention {
        article: text(&r[0]).unwrap_or_default(),
        published: text(&r[1]),
        via: text(&r[2]),
        sentence: number(&r[3]),
        start: number(&r[4]),
        end: number(&r[5]),
        text: text(&r[6]).unwrap_or_default(),
        written: text(&r[7]),
        rule,
    }
}

/// Explains `iri` (a full entity IRI); `None` when the store has no such node.
pub fn explain(store: &CadreStore, iri: &str) -> Result<Option<Explanation>, StoreError> {
    let node = [(
        "node".to_string(),
        Term::from(NamedNode::new_unchecked(iri)),
    )];
    let exists = store.select(EXISTS, &node)?;
    if !matches!(&exists.rows[0][0], Some(Term::Literal(l)) if l.value() == "true") {
        return Ok(None);
    }
    let kind = iri::kind(iri).unwrap_or("entity").to_string();
    let rule = iri::node_rule(iri);
    let mut labels: Vec<String> = store
        .select(&format!("{PREFIXES}{LABELS}"), &node)?
        .rows
        .iter()
        .filter_map(|r| text(&r[0]))
        .collect();
    labels.dedup();
    let mut rules: BTreeMap<String, Rule> = BTreeMap::new();
    for r in store.select(&format!("{PREFIXES}{RULES}"), &node)?.rows {
        let (Some(rule_iri), Some(action)) =
            (text(&r[0]), text(&r[2]).and_then(|a| Action::parse(&a)))
        else {
            continue;
        };
        rules.insert(
            rule_iri,
            Rule {
                line: number(&r[1]) as usize,
                action,
                subject: text(&r[3]).unwrap_or_default(),
                object: text(&r[4]).unwrap_or_default(),
                value: text(&r[5]).unwrap_or_default(),
                note: text(&r[6]).unwrap_or_default(),
            },
        );
    }
    let mut mentions: Vec<Mention> = Vec::new();
    for hop in HOPS {
        let rows = store.select(&mentions_query(hop), &node)?.rows;
        for r in &rows {
            let curated = text(&r[8])
                .and_then(|i| rules.get(&i))
                .filter(|rule| matches!(rule.action, Action::Merge | Action::Split));
            let mention = mention(r, curated.map_or_else(|| rule.to_string(), Rule::describe));
            // A curated row supersedes the plain one of the same mention.
            match mentions.iter_mut().find(|m| {
                (&m.article, m.start, m.end, &m.via)
                    == (&mention.article, mention.start, mention.end, &mention.via)
            }) {
                Some(m) if curated.is_some() => *m = mention,
                Some(_) => {}
                None => mentions.push(mention),
            }
        }
        if !mentions.is_empty() {
            break;
        }
    }
    let links = store
        .select(&format!("{PREFIXES}{LINKS}"), &node)?
        .rows
        .iter()
        .filter(|r| text(&r[2]).as_deref() != Some(iri))
        .map(|r| mention(r, iri::LINK_RULE.to_string()))
        .collect();
    let mut curation: Vec<&Rule> = rules.values().collect();
    curation.sort_by_key(|r| r.line);
    Ok(Some(Explanation {
        iri: iri.to_string(),
        kind,
        labels,
        rule,
        curation: curation.into_iter().map(Rule::describe).collect(),
        mentions,
        links,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curation::Curation;
    use crate::test_support::article;

    #[test]
    fn mentions_carry_the_rule_that_merged_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = CadreStore::open(dir.path()).unwrap();
        let curation = Curation::parse(
            "action,subject,object,value,note\nmerge,Đỗ Thị Hằng,Đỗ Thị Minh Hằng,,\n",
        )
        .unwrap();
        let batch = [
            article("a", "Đỗ Thị Minh Hằng"),
            article("b", "Đỗ Thị Hằng"),
        ];
        store.ingest(&batch, &curation).unwrap();
        store.record_curation(&curation).unwrap();
        let person = crate::persons::iri("Đỗ Thị Minh Hằng", Some("N01"));
        let e = explain(&store, &person).unwrap().expect("the node exists");
        assert_eq!(e.kind, "person");
        assert_eq!(e.rule, "same normalised name + same province of posts");
        let by_article: Vec<(&str, &str, Option<&str>)> = e
            .mentions
            .iter()
            .map(|m| (m.article.as_str(), m.rule.as_str(), m.written.as_deref()))
            .collect();
        assert_eq!(
            by_article,
            [
                (
                    "a",
                    "same normalised name + same province of posts",
                    Some("Đỗ Thị Minh Hằng")
                ),
                (
                    "b",
                    "curation line 2: merge \"Đỗ Thị Hằng\" into \"Đỗ Thị Minh Hằng\"",
                    Some("Đỗ Thị Hằng")
                ),
            ]
        );
        assert_eq!(e.curation.len(), 1);
        assert_eq!(e.labels, ["Đỗ Thị Minh Hằng"]);
        // A body has no evidence of its own: its mentions are its statements'.
        let body = explain(&store, &iri::node("id/body/huyen-uy/l020"))
            .unwrap()
            .unwrap();
        assert_eq!(body.rule, "same organisation + place code");
        assert!(body.mentions.iter().all(|m| m.via.is_some()));
        assert!(body.mentions.len() >= 2, "{:?}", body.mentions);
        assert!(explain(&store, &iri::node("id/person/nobody"))
            .unwrap()
            .is_none());
    }
}
