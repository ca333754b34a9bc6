//! `cadre demo`: ingest the bundled sample corpus into the embedded default store and
//! show the graph: counts, the leadership table, saved-query answers, exports.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use cadre_kg::{queries, CadreStore, QueryLimits};

use crate::cli::{CurationArg, InputLimits};
use crate::commands::export::{export, ExportFormat, GraphKind, GraphOptions};
use crate::commands::ingest::{ingest, Compact};
use crate::commands::query::{print_query, QueryFormat};
use crate::{store, table};

const COUNTS: &str = r##"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
SELECT ?type (COUNT(DISTINCT ?x) AS ?count) WHERE {
  {
    VALUES ?class { cadre:Person cadre:Term cadre:Meeting cadre:Place }
    ?x a ?class .
  } UNION {
    # Articles, bodies, posts, holdings, documents and evidence nodes state no
    # class: a property of their class tells them.
    VALUES (?property ?class) {
      (cadre:articleId cadre:Article) (cadre:orgName cadre:Body) (cadre:postIn cadre:Post)
      (cadre:holder cadre:PostHolding) (cadre:documentType cadre:Document)
      (cadre:inSentence cadre:Evidence)
    }
    ?x ?property ?value .
  }
  BIND (STRAFTER(STR(?class), "#") AS ?type)
} GROUP BY ?type ORDER BY DESC(?count)
"##;

/// The person with the most posts, and a (role, place) pair with several holders: the
/// parameters the demo shows the saved queries with.
const EXAMPLES: &str = r#"
PREFIX cadre: <https://w3id.org/cadre/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name (COUNT(DISTINCT ?h) AS ?n) WHERE { ?h cadre:holder ?p . ?p cadre:name ?name }
GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1
"#;

/// Ingests the sample corpus at `corpus` into `store_path`, prints what the graph
/// holds and some saved-query answers, and writes the exports into `out`.
pub(crate) fn run(store_path: &Path, out: &Path, corpus: &Path) -> Result<ExitCode> {
    if !corpus.is_dir() {
        bail!(
            "sample corpus not found at {} (pass --corpus DIR)",
            corpus.display()
        );
    }
    println!(
        "== cadre demo: {} → {}",
        corpus.display(),
        store_path.display()
    );
    let curation = CurationArg::default().load(store_path)?;
    let store = store::open(store_path)?;
    let (summary, skipped) = ingest(
        &store,
        &[corpus.to_path_buf()],
        &InputLimits::default(),
        &curation,
        Compact::Auto,
    )?;
    println!("{summary}\n");
    let mut stdout = std::io::stdout().lock();
    println!("== What the graph holds");
    print_query(
        &store,
        COUNTS,
        &[],
        &QueryLimits::default(),
        QueryFormat::Table,
        &mut stdout,
    )?;
    println!("\n== cadre query --saved leadership --param place=\"Hà Nội\"");
    let hanoi = [("place".to_string(), "Hà Nội".to_string())];
    print_saved(&store, "leadership", &hanoi, &mut stdout)?;
    let example = store.select(EXAMPLES, &[])?;
    if let Some(name) = example.rows.first().map(|r| table::cell(&r[0])) {
        println!("\n== cadre query --saved person-posts --param name=\"{name}\"");
        print_saved(
            &store,
            "person-posts",
            &[("name".into(), name)],
            &mut stdout,
        )?;
    }
    println!(
        "\n== cadre query --saved post-holders --param role=\"Bí thư\" --param place=\"Thanh Trì\""
    );
    let params = [
        ("role".to_string(), "Bí thư".to_string()),
        ("place".to_string(), "Thanh Trì".to_string()),
    ];
    print_saved(&store, "post-holders", &params, &mut stdout)?;
    println!("\n== cadre query --saved meeting-chairs --param place=\"Hà Nội\"");
    print_saved(&store, "meeting-chairs", &hanoi, &mut stdout)?;
    std::fs::create_dir_all(out)?;
    let graphml = out.join("cadre.graphml");
    let kg = GraphOptions::default();
    export(&store, ExportFormat::Graphml, &graphml, &kg)?;
    let gexf = out.join("cadre.gexf");
    export(&store, ExportFormat::Gexf, &gexf, &kg)?;
    let people = out.join("people.gexf");
    let people_options = GraphOptions {
        kind: GraphKind::People,
        ..GraphOptions::default()
    };
    export(&store, ExportFormat::Gexf, &people, &people_options)?;
    let csv = out.join("csv");
    export(&store, ExportFormat::Csv, &csv, &kg)?;
    let nquads = out.join("cadre.nq");
    export(&store, ExportFormat::Nquads, &nquads, &kg)?;
    println!("\n== Exports");
    println!(
        "GraphML (open in Gephi: File → Open): {}",
        graphml.display()
    );
    println!(
        "GEXF with time (Gephi's timeline replays careers): {}",
        gexf.display()
    );
    println!(
        "People network, co-chairs and shared bodies (GEXF): {}",
        people.display()
    );
    println!("CSV node and edge tables (Gephi: Data Laboratory → Import Spreadsheet): {}/nodes.csv, {}/edges.csv", csv.display(), csv.display());
    println!(
        "N-Quads (sorted, one named graph per article): {}",
        nquads.display()
    );
    println!("\nNext: cadre query --list, cadre query --saved person-posts --param name=\"…\"");
    Ok(if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_SKIPPED)
    })
}

/// Prints a saved query's answer as a table, as `cadre query --saved NAME` does.
fn print_saved(
    store: &CadreStore,
    name: &str,
    params: &[(String, String)],
    out: &mut impl std::io::Write,
) -> Result<()> {
    let q = queries::saved(name).expect("the demo names saved queries");
    print_query(
        store,
        q.sparql,
        &q.bind(params),
        &QueryLimits::default(),
        QueryFormat::Table,
        out,
    )
}
