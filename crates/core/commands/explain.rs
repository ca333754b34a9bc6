//! `cadre explain`: why a node is one node — the mentions merged into it and the
//! rule that merged each one.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use cadre_kg::CadreStore;
use oxigraph::model::{Literal, Term};

use crate::commands::person::{short, NODES_NAMED};
use crate::{store, table, EXIT_SKIPPED};

/// Explains `node` (an IRI, its short form or a person's name) from the store at
/// `store_path`.
pub(crate) fn run(node: &str, store_path: &Path) -> Result<ExitCode> {
    let handle = store::open_read_only(store_path)?;
    explain(&handle, node, &mut std::io::stdout().lock())
}

/// Prints why a node is one node: its kind's rule, curation rules, and each mention
/// with the rule that merged it.
fn explain(store: &CadreStore, node: &str, out: &mut impl Write) -> Result<ExitCode> {
    let iri = if cadre_kg::iri::is_iri(node) {
        cadre_kg::iri::node(node)
    } else {
        let needle = [(
            "needle".to_string(),
            Term::from(Literal::new_simple_literal(cadre_text::fold_key(node))),
        )];
        let nodes: Vec<String> = store
            .select(NODES_NAMED, &needle)?
            .rows
            .iter()
            .map(|r| table::cell(&r[0]))
            .collect();
        match nodes.as_slice() {
            [] => bail!("no person named {node:?} in the store"),
            [one] => one.clone(),
            many => {
                writeln!(
                    out,
                    "{} person nodes are named {node:?}; explain one of them:",
                    many.len()
                )?;
                for n in many {
                    writeln!(out, "  {}", short(n))?;
                }
                return Ok(ExitCode::from(EXIT_SKIPPED));
            }
        }
    };
    let Some(e) = cadre_kg::explain::explain(store, &iri)? else {
        bail!("no node {iri} in the store");
    };
    writeln!(out, "{}", e.iri)?;
    writeln!(out, "  kind: {} (one node per {})", e.kind, e.rule)?;
    if !e.labels.is_empty() {
        writeln!(out, "  labels: {}", e.labels.join(" | "))?;
    }
    for rule in &e.curation {
        writeln!(out, "  {rule}")?;
    }
    let mut articles: Vec<&str> = e.mentions.iter().map(|m| m.article.as_str()).collect();
    articles.dedup();
    writeln!(
        out,
        "  {} mentions in {} articles:",
        e.mentions.len(),
        articles.len()
    )?;
    for m in &e.mentions {
        let published = m
            .published
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let written = m
            .written
            .as_deref()
            .map(|w| format!(" as {w:?}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  - {}{published}, sentence {}, characters {}–{}{written}: {}",
            m.article, m.sentence, m.start, m.end, m.rule
        )?;
        if let Some(via) = &m.via {
            writeln!(out, "      via {via}")?;
        }
        writeln!(out, "      “{}”", m.text)?;
    }
    if !e.links.is_empty() {
        writeln!(
            out,
            "  linked to other nodes of the same person ({}):",
            cadre_kg::iri::LINK_RULE
        )?;
    }
    for l in &e.links {
        writeln!(
            out,
            "  - {} in {}, sentence {}, characters {}–{}",
            l.via.as_deref().unwrap_or_default(),
            l.article,
            l.sentence,
            l.start,
            l.end
        )?;
        writeln!(out, "      “{}”", l.text)?;
    }
    Ok(ExitCode::SUCCESS)
}
