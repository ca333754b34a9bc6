//! The whole graph as one Excel workbook (`cadre export --format xlsx`), one sheet per
//! kind as FollowTheMoney's Excel export has one per schema: persons, posts held,
//! bodies, meetings, documents, terms and sources. Each row starts with the node's
//! IRI; a cell naming another node links to that node's row in its own sheet (nodes
//! without a sheet, such as posts and places, are named without a link), and an
//! article's URL links to the article.

use std::collections::BTreeSet;

use cadre_kg::CadreStore;
use rustc_hash::FxHashMap;

use crate::model::{kind, Graph};
use crate::pages::{web_url, Cell, Table};
use crate::WebError;

/// The sheets, in order, with their columns.
pub const SHEETS: &[(&str, &[&str])] = &[
    (
        "persons",
        &[
            "id",
            "name",
            "provinces",
            "linked nodes",
            "posts",
            "first attested",
            "last attested",
            "articles",
        ],
    ),
    (
        "posts held",
        &[
            "id",
            "person",
            "post",
            "role",
            "body",
            "place",
            "former/acting",
            "first attested",
            "last attested",
            "sources",
        ],
    ),
    (
        "bodies",
        &[
            "id",
            "name",
            "kind",
            "place",
            "posts",
            "holders",
            "meetings",
            "documents",
        ],
    ),
    (
        "meetings",
        &[
            "id", "meeting", "date", "kind", "body", "term", "chairs", "sources",
        ],
    ),
    (
        "documents",
        &["id", "number", "type", "issuer", "date", "citing articles"],
    ),
    (
        "terms",
        &["id", "term", "body", "khóa", "from", "to", "articles"],
    ),
    (
        "sources",
        &["article id", "url", "title", "date", "date source", "id"],
    ),
];

/// Loads the union graph of `store` and writes it as a workbook (the file's bytes).
pub fn write(store: &CadreStore) -> Result<Vec<u8>, WebError> {
    let graph = Graph::load(store)?;
    Ok(workbook(&graph)?)
}

/// The workbook of `graph`.
pub fn workbook(graph: &Graph) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let sheets = sheets(graph);
    let mut rows_of: FxHashMap<&str, (&str, usize)> = FxHashMap::default();
    for ((name, _), (iris, _)) in SHEETS.iter().zip(&sheets) {
        for (i, iri) in iris.iter().enumerate() {
            rows_of.insert(iri, (name, i + 2));
        }
    }
    let link = |href: &str| -> Option<String> {
        match rows_of.get(href) {
            Some((sheet, row)) => Some(format!("internal:'{sheet}'!A{row}")),
            None if href.starts_with(cadre_kg::iri::ID) => None,
            None => web_url(href),
        }
    };
    let named: Vec<(&str, &Table)> = SHEETS
        .iter()
        .zip(&sheets)
        .map(|((name, _), (_, table))| (*name, table))
        .collect();
    crate::xlsx::workbook(&named, &link)
}

/// The rows of every sheet, in [`SHEETS`] order: the node of each row and the table.
pub fn sheets(graph: &Graph) -> Vec<(Vec<String>, Table)> {
    let mut by_kind: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for iri in graph.nodes() {
        by_kind.entry(kind(iri)).or_default().push(iri);
    }
    let nodes = |k: &str| by_kind.get(k).cloned().unwrap_or_default();
    let rows = [
        sorted(graph, nodes("person"), |i| label_key(graph, i), person),
        sorted(graph, nodes("holding"), |i| holding_key(graph, i), holding),
        sorted(graph, nodes("body"), |i| label_key(graph, i), body),
        sorted(
            graph,
            nodes("meeting"),
            |i| date_key(graph, i, "date"),
            meeting,
        ),
        sorted(
            graph,
            nodes("document"),
            |i| date_key(graph, i, "issuedOn"),
            document,
        ),
        sorted(graph, nodes("term"), |i| label_key(graph, i), term),
        sorted(
            graph,
            nodes("article"),
            |i| date_key(graph, i, "articleDate"),
            source,
        ),
    ];
    SHEETS
        .iter()
        .zip(rows)
        .map(|((_, columns), rows)| {
            let (iris, rows): (Vec<String>, Vec<Vec<Cell>>) = rows.into_iter().unzip();
            let table = Table {
                columns: columns.iter().map(|c| c.to_string()).collect(),
                rows,
                ..Table::default()
            };
            (iris, table)
        })
        .collect()
}

/// The rows of `nodes` built by `row`, in the order of `key` (then IRI).
fn sorted<'a>(
    graph: &'a Graph,
    nodes: Vec<&'a str>,
    key: impl Fn(&str) -> String,
    row: fn(&Graph, &str) -> Vec<Cell>,
) -> Vec<(String, Vec<Cell>)> {
    let mut keyed: Vec<(String, &str)> = nodes.into_iter().map(|n| (key(n), n)).collect();
    keyed.sort();
    keyed
        .into_iter()
        .map(|(_, n)| (n.to_string(), row(graph, n)))
        .collect()
}

/// Labels sort as folded text ("Đỗ" beside "Do", not after "Z").
fn label_key(graph: &Graph, iri: &str) -> String {
    cadre_text::fold_key(graph.label(iri))
}

fn date_key(graph: &Graph, iri: &str, predicate: &str) -> String {
    graph.text(iri, predicate).unwrap_or("").to_string()
}

/// Posts held sort by holder, then first date.
fn holding_key(graph: &Graph, iri: &str) -> String {
    let holder = graph.targets(iri, "holder").next().unwrap_or("");
    let first = graph
        .texts(iri, "attestedOn")
        .first()
        .copied()
        .unwrap_or("");
    format!("{}\u{0}{first}", label_key(graph, holder))
}

fn text(value: impl Into<String>) -> Cell {
    Cell {
        text: value.into(),
        ..Cell::default()
    }
}

/// The first node `predicate` points to from `iri`, as its label linked to its row.
fn node(graph: &Graph, iri: &str, predicate: &str) -> Cell {
    match graph.targets(iri, predicate).next() {
        Some(target) => Cell {
            text: graph.label(target).to_string(),
            href: Some(target.to_string()),
            notes: Vec::new(),
        },
        None => Cell::default(),
    }
}

fn count(n: usize) -> Cell {
    text(n.to_string())
}

/// Distinct values of `predicate` on `iri`.
fn distinct(graph: &Graph, iri: &str, predicate: &str) -> usize {
    graph.texts(iri, predicate).len()
}

/// The province a person node is anchored in (`id/person/<name>/<code>`), by label.
fn province(graph: &Graph, person: &str) -> Option<String> {
    let rest = person.strip_prefix(cadre_kg::iri::ID)?;
    let mut parts = rest.split('/');
    let (_, _, code) = (parts.next()?, parts.next()?, parts.next()?);
    let place = format!("{}place/{code}", cadre_kg::iri::ID);
    Some(if graph.has(&place) {
        graph.label(&place).to_string()
    } else {
        code.to_string()
    })
}

/// The first and last attestation dates of `holdings`.
fn span<'a>(graph: &'a Graph, holdings: &[&str]) -> (&'a str, &'a str) {
    let dates: BTreeSet<&str> = holdings
        .iter()
        .flat_map(|h| graph.texts(h, "attestedOn"))
        .collect();
    (
        dates.first().copied().unwrap_or(""),
        dates.last().copied().unwrap_or(""),
    )
}

fn person(graph: &Graph, iri: &str) -> Vec<Cell> {
    let holdings = graph.sources(iri, "holder");
    let linked: Vec<&str> = graph
        .targets(iri, "sameAsPerson")
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let provinces: BTreeSet<String> = std::iter::once(iri)
        .chain(linked.iter().copied())
        .filter_map(|p| province(graph, p))
        .collect();
    let (first, last) = span(graph, &holdings);
    vec![
        text(iri),
        text(graph.label(iri)),
        text(provinces.into_iter().collect::<Vec<_>>().join("; ")),
        text(linked.join("; ")),
        count(holdings.len()),
        text(first),
        text(last),
        count(distinct(graph, iri, "mentionedIn")),
    ]
}

fn holding(graph: &Graph, iri: &str) -> Vec<Cell> {
    let (first, last) = span(graph, &[iri]);
    let mut qualifiers = Vec::new();
    if graph.text(iri, "former") == Some("true") {
        qualifiers.push("former");
    }
    if graph.text(iri, "acting") == Some("true") {
        qualifiers.push("acting");
    }
    let place = graph
        .targets(iri, "organisation")
        .next()
        .map(|b| node(graph, b, "locatedIn"))
        .unwrap_or_default();
    vec![
        text(iri),
        node(graph, iri, "holder"),
        node(graph, iri, "post"),
        node(graph, iri, "role"),
        node(graph, iri, "organisation"),
        place,
        text(qualifiers.join(", ")),
        text(first),
        text(last),
        count(distinct(graph, iri, "mentionedIn")),
    ]
}

fn body(graph: &Graph, iri: &str) -> Vec<Cell> {
    let holders: BTreeSet<&str> = graph
        .sources(iri, "organisation")
        .into_iter()
        .flat_map(|h| graph.targets(h, "holder"))
        .collect();
    vec![
        text(iri),
        text(graph.label(iri)),
        text(graph.text(iri, "bodyKind").unwrap_or("")),
        node(graph, iri, "locatedIn"),
        count(graph.sources(iri, "postIn").len()),
        count(holders.len()),
        count(graph.sources(iri, "convenedBy").len()),
        count(graph.sources(iri, "issuedBy").len()),
    ]
}

/// The term of the convening body whose years hold the meeting's year (the latest
/// starting one when several do).
fn meeting_term<'a>(graph: &'a Graph, meeting: &str, body: &str) -> Option<&'a str> {
    let year: u32 = graph.text(meeting, "date")?.get(0..4)?.parse().ok()?;
    let years = |t: &str, p: &str| graph.text(t, p).and_then(|y| y.parse::<u32>().ok());
    graph
        .sources(body, "termOf")
        .into_iter()
        .filter(|t| {
            years(t, "startYear").is_some_and(|s| s <= year)
                && years(t, "endYear").is_none_or(|e| year <= e)
        })
        .max_by_key(|t| (years(t, "startYear"), *t))
}

fn meeting(graph: &Graph, iri: &str) -> Vec<Cell> {
    let body = graph.targets(iri, "convenedBy").next();
    let term = body
        .and_then(|b| meeting_term(graph, iri, b))
        .map(|t| Cell {
            text: graph.label(t).to_string(),
            href: Some(t.to_string()),
            notes: Vec::new(),
        })
        .unwrap_or_default();
    let chairs: BTreeSet<&str> = graph
        .targets(iri, "chairedBy")
        .map(|p| graph.label(p))
        .collect();
    vec![
        text(iri),
        text(graph.label(iri)),
        text(graph.text(iri, "date").unwrap_or("")),
        text(graph.text(iri, "meetingKind").unwrap_or("")),
        node(graph, iri, "convenedBy"),
        term,
        text(chairs.into_iter().collect::<Vec<_>>().join("; ")),
        count(distinct(graph, iri, "reportedIn")),
    ]
}

fn document(graph: &Graph, iri: &str) -> Vec<Cell> {
    vec![
        text(iri),
        text(graph.text(iri, "documentNumber").unwrap_or("")),
        text(graph.text(iri, "documentType").unwrap_or("")),
        node(graph, iri, "issuedBy"),
        text(graph.text(iri, "issuedOn").unwrap_or("")),
        count(distinct(graph, iri, "citedIn")),
    ]
}

fn term(graph: &Graph, iri: &str) -> Vec<Cell> {
    vec![
        text(iri),
        text(graph.label(iri)),
        node(graph, iri, "termOf"),
        text(graph.text(iri, "khoa").unwrap_or("")),
        text(graph.text(iri, "startYear").unwrap_or("")),
        text(graph.text(iri, "endYear").unwrap_or("")),
        count(distinct(graph, iri, "mentionedIn")),
    ]
}

fn source(graph: &Graph, iri: &str) -> Vec<Cell> {
    let url = graph.text(iri, "url").unwrap_or("");
    vec![
        text(graph.text(iri, "articleId").unwrap_or("")),
        Cell {
            text: url.to_string(),
            href: web_url(url),
            notes: Vec::new(),
        },
        text(graph.text(iri, "title").unwrap_or("")),
        text(graph.text(iri, "articleDate").unwrap_or("")),
        text(graph.text(iri, "dateSource").unwrap_or("")),
        text(iri),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sheet_has_its_columns_and_a_valid_name() {
        let names: Vec<&str> = SHEETS.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "persons",
                "posts held",
                "bodies",
                "meetings",
                "documents",
                "terms",
                "sources"
            ]
        );
        for (name, columns) in SHEETS {
            assert_eq!(crate::xlsx::sheet_name(name), *name);
            assert!(columns.contains(&"id"), "{name}");
        }
        let sheets = sheets(&Graph::default());
        assert_eq!(sheets.len(), SHEETS.len());
        assert_eq!(sheets[1].1.columns[1], "person");
        assert!(sheets
            .iter()
            .all(|(iris, t)| iris.is_empty() && t.rows.is_empty()));
    }
}
