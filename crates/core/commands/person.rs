//! `cadre person`: a person's career, one post per line with its first and last
//! attestation and the articles that say so; homonyms are listed to pick from.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use cadre_kg::{queries, CadreStore};
use oxigraph::model::{Literal, Term};

use crate::cli::CurationArg;
use crate::{store, table, EXIT_SKIPPED};

/// Prints the career of `name` (or its candidates) from the store at `store_path`,
/// warning when the store was built with another curation than the one in effect.
pub(crate) fn run(
    name: &str,
    province: Option<&str>,
    store_path: &Path,
    curation: &CurationArg,
) -> Result<ExitCode> {
    let curation = curation.load(store_path)?;
    let handle = store::open_read_only(store_path)?;
    if !handle.curation_matches(&curation)? {
        eprintln!(
            "warning: the curation differs from the one {} was built with; run cadre ingest again to apply it",
            store_path.display()
        );
    }
    person(&handle, name, province, &mut std::io::stdout().lock())
}

/// The person whose folded name is `?needle` (an index lookup).
const PERSON_EXACT: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT DISTINCT ?name WHERE { GRAPH ?g { ?p cadre:key ?needle ; cadre:name ?name } }
ORDER BY ?name LIMIT 1
"#;

/// People whose folded name contains `?needle`, with their number of post holdings.
const PEOPLE_NAMED: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT ?name (COUNT(DISTINCT ?h) AS ?posts) WHERE {
  GRAPH ?g { ?p a cadre:Person ; cadre:key ?key ; cadre:name ?name }
  FILTER (CONTAINS(?key, ?needle))
  OPTIONAL { ?h cadre:holder ?p }
} GROUP BY ?name ORDER BY ?name
"#;

/// The person nodes of the folded name `?needle`, each with its number of holdings.
pub(crate) const NODES_NAMED: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT ?node (COUNT(DISTINCT ?h) AS ?posts) WHERE {
  GRAPH ?g { ?node a cadre:Person ; cadre:key ?needle }
  OPTIONAL { ?h cadre:holder ?node }
} GROUP BY ?node ORDER BY ?node
"#;

/// The links (`cadre:sameAsPerson`) between the person nodes of the folded name
/// `?needle`: every node of a linked person has the name, so one hop from each finds
/// them all.
const LINKS_NAMED: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT DISTINCT ?node ?other WHERE { GRAPH ?g { ?node cadre:key ?needle ; cadre:sameAsPerson ?other } }
"#;

/// The folded name of the person node `?node`.
const NODE_KEY: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT ?key ?name WHERE { GRAPH ?g { ?node a cadre:Person ; cadre:key ?key ; cadre:name ?name } }
ORDER BY ?key LIMIT 1
"#;

/// One person: a person node and the nodes texts link to it (all of one name).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    /// The nodes, sorted.
    nodes: Vec<String>,
    /// Post holdings over all nodes.
    posts: u64,
}

impl Candidate {
    /// The provinces of its nodes (names), or "no province".
    fn provinces(&self) -> String {
        let names: Vec<String> = self
            .nodes
            .iter()
            .filter_map(|n| cadre_kg::persons::province_name(n))
            .collect();
        if names.is_empty() {
            "no province".to_string()
        } else {
            names.join(", ")
        }
    }

    /// Whether one of its nodes is in the province the user named (folded name or
    /// code).
    fn in_province(&self, wanted: &str) -> bool {
        let wanted = cadre_text::fold_key(wanted);
        self.nodes.iter().any(|n| {
            cadre_kg::persons::province_name(n).is_some_and(|p| cadre_text::fold_key(&p) == wanted)
                || n.rsplit('/').next() == Some(cadre_text::ascii_slug(&wanted).as_str())
        })
    }
}

/// Groups person nodes `(node, posts)` into candidates: the connected components of
/// the links `(node, node)`, in the order of their smallest node.
fn candidates(nodes: &[(String, u64)], links: &[(String, String)]) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for (node, posts) in nodes {
        let linked: Vec<usize> = found
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                links.iter().any(|(a, b)| {
                    (a == node && c.nodes.contains(b)) || (b == node && c.nodes.contains(a))
                })
            })
            .map(|(i, _)| i)
            .collect();
        let mut joined = Candidate {
            nodes: vec![node.clone()],
            posts: *posts,
        };
        for i in linked.into_iter().rev() {
            let c = found.remove(i);
            joined.nodes.extend(c.nodes);
            joined.posts += c.posts;
        }
        joined.nodes.sort();
        found.push(joined);
    }
    found.sort_by(|a, b| a.nodes.cmp(&b.nodes));
    found
}

/// One line of a career: a post with its first and last current attestation (each
/// a date and the source of the article's date), whether a later article calls it
/// former, and the source articles.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CareerLine {
    post: String,
    first: (String, String),
    last: (String, String),
    later_former: bool,
    sources: std::collections::BTreeSet<String>,
}

/// The rows of the saved query `career` (columns named in `variables`) for the nodes
/// of one person, one line per post (a post held as two nodes joins), in time order.
fn career_lines(
    rows: &[Vec<Option<Term>>],
    variables: &[String],
    nodes: &[String],
) -> Vec<CareerLine> {
    let column = |name: &str| {
        variables
            .iter()
            .position(|v| v == name)
            .expect("career names its columns")
    };
    let [post, first, last, later_former, sources, node, first_source, last_source] = [
        "post",
        "first",
        "last",
        "later_former",
        "sources",
        "node",
        "first_source",
        "last_source",
    ]
    .map(column);
    let mut lines: Vec<CareerLine> = Vec::new();
    for r in rows
        .iter()
        .filter(|r| nodes.contains(&table::cell(&r[node])))
    {
        let line = CareerLine {
            post: table::cell(&r[post]),
            first: (table::cell(&r[first]), table::cell(&r[first_source])),
            last: (table::cell(&r[last]), table::cell(&r[last_source])),
            later_former: table::cell(&r[later_former]) == "1",
            sources: table::cell(&r[sources])
                .split(", ")
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
        };
        match lines.iter_mut().find(|l| l.post == line.post) {
            Some(l) => {
                l.first = l.first.clone().min(line.first);
                l.last = l.last.clone().max(line.last);
                l.later_former |= line.later_former;
                l.sources.extend(line.sources);
            }
            None => lines.push(line),
        }
    }
    lines.sort_by(|a, b| (&a.first, &a.post).cmp(&(&b.first, &b.post)));
    lines
}

/// A career date as `cadre person` prints it: the day, month or year the article's
/// date gives, marked with its source unless it is the publication date ("2020
/// (term)").
fn career_date((date, source): &(String, String)) -> String {
    match source.as_str() {
        "" | "metadata" | "stamp" => date.clone(),
        other => format!("{date} ({other})"),
    }
}

/// The legend of the source markers that [`career_date`] writes.
const DATE_LEGEND: &str = "dates: a day, or the month or year when that is all an article tells; \
(url) from its address, (meeting) the meeting it reports, (text) the latest date it \
writes, (term) the year of the terms it names; unmarked: its publication date";

/// An IRI in its short form `id/…`.
pub(crate) fn short(iri: &str) -> String {
    iri.strip_prefix(cadre_kg::iri::ID)
        .map_or_else(|| iri.to_string(), |rest| format!("id/{rest}"))
}

/// The folded name and the name a person is looked up by: the name of a node given
/// as an IRI, else the exact name, else the one name containing the text; `Err` with
/// the exit code after listing the names when several contain it.
fn person_name(
    store: &CadreStore,
    query: &str,
    out: &mut impl Write,
) -> Result<std::result::Result<String, ExitCode>> {
    if cadre_kg::iri::is_iri(query) {
        let node = [(
            "node".to_string(),
            Term::from(oxigraph::model::NamedNode::new(cadre_kg::iri::node(query))?),
        )];
        let found = store.select(NODE_KEY, &node)?;
        return match found.rows.first() {
            Some(r) => Ok(Ok(table::cell(&r[1]))),
            None => bail!("no person node {query} in the store"),
        };
    }
    let needle = [(
        "needle".to_string(),
        Term::from(Literal::new_simple_literal(cadre_text::fold_key(query))),
    )];
    if let Some(r) = store.select(PERSON_EXACT, &needle)?.rows.first() {
        return Ok(Ok(table::cell(&r[0])));
    }
    let found = store.select(PEOPLE_NAMED, &needle)?;
    match found.rows.as_slice() {
        [] => bail!("no person named {query:?} in the store"),
        [only] => Ok(Ok(table::cell(&only[0]))),
        rows => {
            writeln!(
                out,
                "{} people match {query:?}; give the full name:",
                rows.len()
            )?;
            for r in rows {
                writeln!(
                    out,
                    "  {}  ({} posts)",
                    table::cell(&r[0]),
                    table::cell(&r[1])
                )?;
            }
            Ok(Err(ExitCode::from(EXIT_SKIPPED)))
        }
    }
}

/// Prints a career timeline, or the candidates when the name is ambiguous: several
/// names contain the text, or several persons (unlinked nodes) share the name. A
/// node IRI or `province` picks one.
fn person(
    store: &CadreStore,
    query: &str,
    province: Option<&str>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let name = match person_name(store, query, out)? {
        Ok(name) => name,
        Err(code) => return Ok(code),
    };
    let needle = [(
        "needle".to_string(),
        Term::from(Literal::new_simple_literal(cadre_text::fold_key(&name))),
    )];
    let nodes: Vec<(String, u64)> = store
        .select(NODES_NAMED, &needle)?
        .rows
        .iter()
        .map(|r| {
            let posts = table::cell(&r[1]).parse().unwrap_or_default();
            (table::cell(&r[0]), posts)
        })
        .collect();
    let links: Vec<(String, String)> = store
        .select(LINKS_NAMED, &needle)?
        .rows
        .iter()
        .map(|r| (table::cell(&r[0]), table::cell(&r[1])))
        .collect();
    let all = candidates(&nodes, &links);
    let picked: Vec<&Candidate> = all
        .iter()
        .filter(|c| !cadre_kg::iri::is_iri(query) || c.nodes.contains(&cadre_kg::iri::node(query)))
        .filter(|c| province.is_none_or(|p| c.in_province(p)))
        .collect();
    let chosen = match picked.as_slice() {
        [one] => *one,
        [] => bail!(
            "no person named {name:?} in {}",
            province.unwrap_or("the store")
        ),
        many => {
            writeln!(
                out,
                "{} people are named {name:?}; pick one by its node or --province:",
                many.len()
            )?;
            for c in many {
                let nodes: Vec<String> = c.nodes.iter().map(|n| short(n)).collect();
                writeln!(
                    out,
                    "  {}  {}  ({} posts)",
                    nodes.join(" = "),
                    c.provinces(),
                    c.posts
                )?;
            }
            return Ok(ExitCode::from(EXIT_SKIPPED));
        }
    };
    let q = queries::saved("career").expect("saved query");
    let career = store.select(q.sparql, &q.bind(&[("name".into(), name.clone())]))?;
    writeln!(out, "{name}")?;
    let nodes: Vec<String> = chosen.nodes.iter().map(|n| short(n)).collect();
    writeln!(out, "  {} ({})", nodes.join(" = "), chosen.provinces())?;
    let mut marked = false;
    for line in career_lines(&career.rows, &career.variables, &chosen.nodes) {
        let first = Some(career_date(&line.first))
            .filter(|d| d != "~")
            .unwrap_or_default();
        let last = career_date(&line.last);
        marked |= first.ends_with(')') || last.ends_with(')');
        let span = if first == last {
            first
        } else {
            format!("{first} → {last}")
        };
        let former = if line.later_former {
            " (later: nguyên)"
        } else {
            ""
        };
        let sources: Vec<String> = line.sources.into_iter().collect();
        writeln!(
            out,
            "  {span:<25} {}{former}   [{}]",
            line.post,
            sources.join(", ")
        )?;
    }
    if marked {
        writeln!(out, "  ({DATE_LEGEND})")?;
    }
    Ok(ExitCode::SUCCESS)
}
