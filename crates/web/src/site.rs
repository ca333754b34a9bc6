//! `cadre site`: the pages written as a static site, with relative links, an
//! `index.html` per page folder, CSV and Excel (`.xlsx`) files beside each page, a
//! prebuilt JSON search index and the script that reads it.

use std::path::{Path, PathBuf};

use cadre_kg::iri::ID;

use crate::pages::{self, Chrome, Lang, Links, Page};
use crate::{Site, WebError};

/// What [`write`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// HTML pages.
    pub pages: usize,
    /// Tables, each written as a CSV file and as an `.xlsx` workbook.
    pub tables: usize,
}

/// Writes every page of `site` under `out`.
pub fn write(site: &Site, out: &Path) -> Result<Written, WebError> {
    let mut written = Written {
        pages: 0,
        tables: 0,
    };
    let home = pages::build_home(site, Lang::Vi, &Links::site(0));
    emit(out, 0, &home, &mut written)?;
    let search = Page {
        title: pages::labels(Lang::Vi)["search"].to_string(),
        kind: pages::labels(Lang::Vi)["search"].to_string(),
        static_results: true,
        ..Page::default()
    };
    emit(&out.join("search"), 1, &search, &mut written)?;
    for iri in site.graph.nodes() {
        let Some(rest) = iri.strip_prefix(ID) else {
            continue;
        };
        let segments: Vec<&str> = rest.split('/').collect();
        if segments
            .iter()
            .any(|s| s.is_empty() || *s == "." || *s == "..")
        {
            continue;
        }
        let page = pages::build_node(site, iri, Lang::Vi, &Links::site(segments.len()));
        let dir = segments.iter().fold(out.to_path_buf(), |d, s| d.join(s));
        emit(&dir, segments.len(), &page, &mut written)?;
        if crate::network::CENTRES.contains(&crate::model::kind(iri)) {
            let depth = segments.len() + 1;
            let page = pages::build_network(site, iri, 1, Lang::Vi, &Links::site(depth));
            let dir = segments.iter().fold(out.join("network"), |d, s| d.join(s));
            emit(&dir, depth, &page, &mut written)?;
            let ego = crate::network::ego(&site.graph, iri, 1);
            save(
                &dir.join("network.gexf"),
                crate::network::gexf(&site.graph, &ego),
            )?;
        }
    }
    let links = Links::site(0);
    let index: Vec<serde_json::Value> = site
        .index
        .entries()
        .iter()
        .map(|e| {
            serde_json::json!({
                "label": e.label, "kind": e.kind, "key": e.key, "href": links.node(&e.iri),
            })
        })
        .collect();
    save(
        &out.join("search-index.json"),
        serde_json::Value::Array(index).to_string(),
    )?;
    save(&out.join("search.js"), pages::SCRIPT)?;
    Ok(written)
}

fn emit(dir: &Path, depth: usize, page: &Page, written: &mut Written) -> Result<(), WebError> {
    let base = "../".repeat(depth);
    let root = if base.is_empty() {
        "./".to_string()
    } else {
        base.clone()
    };
    let chrome = Chrome {
        home: root,
        search_action: format!("{base}search/"),
        suggest: format!("{base}search-index.json"),
        script: format!("{base}search.js"),
        other_lang: None,
    };
    save(
        &dir.join("index.html"),
        pages::html(page, Lang::Vi, &chrome, ""),
    )?;
    written.pages += 1;
    let links = Links::site(depth);
    let link = |href: &str| links.spreadsheet_target("", href);
    for (i, table) in page.tables.iter().enumerate() {
        save(&dir.join(format!("table-{i}.csv")), pages::csv(table))?;
        let workbook = crate::xlsx::workbook(&[(&table.title, table)], &link)?;
        save(&dir.join(format!("table-{i}.xlsx")), workbook)?;
        written.tables += 1;
    }
    Ok(())
}

fn save(path: &Path, text: impl AsRef<[u8]>) -> Result<(), WebError> {
    let fail = |source| WebError::Write {
        path: PathBuf::from(path),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    std::fs::write(path, text).map_err(fail)
}
