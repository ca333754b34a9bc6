//! `cadre export`: the graph for Gephi (CSV tables, GraphML, GEXF) or as RDF. The
//! formats, the graph options and the writer of each format are all here.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use cadre_kg::CadreStore;
use clap::ValueEnum;
use oxigraph::io::RdfFormat;

use crate::cli::CurationArg;
use crate::store;

/// What `cadre export` writes.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Csv,
    Graphml,
    Gexf,
    Nquads,
    Trig,
    Turtle,
    Xlsx,
}

/// Which network to export, and how to cut it (graph formats only).
#[derive(clap::Args, Clone, Default)]
pub(crate) struct GraphOptions {
    /// Projection: kg (all entities), people (officials linked by co-chairing and
    /// shared bodies), affiliation (officials ↔ bodies).
    #[arg(long = "graph", value_enum, default_value_t = GraphKind::Kg)]
    pub(crate) kind: GraphKind,
    /// Keep what is attested on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub(crate) from: Option<String>,
    /// Keep what is attested on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub(crate) to: Option<String>,
    /// Keep what belongs to bodies in this place or under it ("Hà Nội").
    #[arg(long)]
    pub(crate) place: Option<String>,
    /// Keep what belongs to bodies of this kind (party_committee, state, front, …).
    #[arg(long)]
    pub(crate) body_kind: Option<String>,
    /// Drop edges supported by fewer articles.
    #[arg(long, default_value_t = 0.0)]
    pub(crate) min_weight: f64,
    /// Start CSV files with a UTF-8 byte-order mark (for spreadsheet programs).
    #[arg(long)]
    pub(crate) bom: bool,
}

/// The projection `--graph` picks (`cadre_graph::Projection`).
#[derive(Clone, Copy, ValueEnum, Default)]
pub(crate) enum GraphKind {
    #[default]
    Kg,
    People,
    Affiliation,
}

/// Exports the store at `store_path` to `out`, refusing a store built with another
/// curation than the one in effect (the export would not show it).
pub(crate) fn run(
    store_path: &Path,
    format: ExportFormat,
    out: &Path,
    graph: &GraphOptions,
    curation: &CurationArg,
) -> Result<ExitCode> {
    let curation = curation.load(store_path)?;
    let handle = store::open_read_only(store_path)?;
    if !handle.curation_matches(&curation)? {
        bail!(
            "the curation differs from the one {} was built with; run cadre ingest again to apply it",
            store_path.display()
        );
    }
    export(&handle, format, out, graph)?;
    println!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// Writes `store` to `out` in `format`: graph formats project and measure the
/// network first (`options`), RDF formats dump the quads.
pub(crate) fn export(
    store: &CadreStore,
    format: ExportFormat,
    out: &Path,
    options: &GraphOptions,
) -> Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    let file = || -> Result<std::io::BufWriter<std::fs::File>> {
        Ok(std::io::BufWriter::new(
            std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?,
        ))
    };
    let network = || -> Result<cadre_graph::Projected> {
        let projection = match options.kind {
            GraphKind::Kg => cadre_graph::Projection::Kg,
            GraphKind::People => cadre_graph::Projection::People,
            GraphKind::Affiliation => cadre_graph::Projection::Affiliation,
        };
        let filter = cadre_graph::Filter {
            from: options.from.clone(),
            to: options.to.clone(),
            place: options.place.clone(),
            body_kind: options.body_kind.clone(),
            min_weight: options.min_weight,
        };
        let mut p = cadre_graph::project(store, projection, &filter)?;
        cadre_graph::compute_metrics(&mut p);
        Ok(p)
    };
    match format {
        ExportFormat::Csv => cadre_graph::write_csv(&network()?, out, options.bom)?,
        ExportFormat::Graphml => cadre_graph::write_graphml(&network()?, file()?)?,
        ExportFormat::Gexf => cadre_graph::write_gexf(&network()?, file()?)?,
        ExportFormat::Nquads => file()?.write_all(store.sorted_nquads()?.as_bytes())?,
        ExportFormat::Trig => store.dump(RdfFormat::TriG, file()?)?,
        ExportFormat::Turtle => store.dump_union_turtle(file()?)?,
        ExportFormat::Xlsx => file()?.write_all(&cadre_web::workbook::write(store)?)?,
    }
    Ok(())
}
