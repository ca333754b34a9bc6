//! The pages: each builds a [`Page`] (facts, tables with footnotes, an SVG chart,
//! evidence sentences) from the graph, and one template renders them all with
//! auto-escaping, so text from the store is always shown as text.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use cadre_kg::iri::ID;
use cadre_text::spreadsheet_text;
use minijinja::{context, Environment, Value as Jinja};
use serde::Serialize;

use crate::leadership::{current_holding, current_holdings, sorted_holdings, Held, Standing};
use crate::model::{kind, Graph};
use crate::{Download, Params, Reply, Site, TableFormat, DEFAULT_ORIGIN};

/// The optional as-you-type script.
pub const SCRIPT: &str = include_str!("../templates/search.js");
const CSS: &str = include_str!("../templates/style.css");
const LABELS: &str = include_str!("../../../data/web/labels.tsv");
/// Rows shown per table before "and N more".
const MAX_ROWS: usize = 200;

/// The language of the labels.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese (the default).
    #[default]
    Vi,
    /// English (`?lang=en`).
    En,
}

/// The words of the pages in `lang`, from `data/web/labels.tsv`.
pub fn labels(lang: Lang) -> &'static BTreeMap<&'static str, &'static str> {
    static VI: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
    static EN: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
    let (cell, column) = match lang {
        Lang::Vi => (&VI, 1),
        Lang::En => (&EN, 2),
    };
    cell.get_or_init(|| {
        LABELS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let parts: Vec<&str> = l.split('\t').collect();
                Some((*parts.first()?, *parts.get(column)?))
            })
            .collect()
    })
}

fn word(lang: Lang, key: &str) -> String {
    labels(lang).get(key).copied().unwrap_or(key).to_string()
}

/// How links are written: absolute for the server (`/person/…/`), relative for the
/// static site (`../../person/…/`).
#[derive(Debug, Clone)]
pub struct Links {
    base: String,
    lang: Lang,
    site: bool,
}

impl Links {
    /// Links of the server, keeping `lang`.
    pub fn server(lang: Lang) -> Self {
        Self {
            base: "/".into(),
            lang,
            site: false,
        }
    }

    /// Links of a static page `depth` folders below the site root.
    pub fn site(depth: usize) -> Self {
        Self {
            base: "../".repeat(depth),
            lang: Lang::Vi,
            site: true,
        }
    }

    fn suffix(&self) -> &'static str {
        match (self.site, self.lang) {
            (false, Lang::En) => "?lang=en",
            _ => "",
        }
    }

    /// The page of an entity IRI.
    pub fn node(&self, iri: &str) -> String {
        let rest = iri.strip_prefix(ID).unwrap_or(iri);
        format!("{}{rest}/{}", self.base, self.suffix())
    }

    fn path(&self, page: &str) -> String {
        if page.is_empty() {
            return format!("{}{}", self.base, self.suffix());
        }
        format!("{}{page}/{}", self.base, self.suffix())
    }

    /// The network page of an entity IRI.
    pub fn network(&self, iri: &str) -> String {
        let rest = iri.strip_prefix(ID).unwrap_or(iri);
        format!("{}network/{rest}/{}", self.base, self.suffix())
    }

    fn gexf(&self, radius: usize) -> String {
        if self.site {
            "network.gexf".into()
        } else {
            format!("?radius={radius}&format=gexf")
        }
    }

    fn csv(&self, table: usize) -> String {
        self.download(table, "csv")
    }

    fn xlsx(&self, table: usize) -> String {
        self.download(table, "xlsx")
    }

    /// The download of table `table` in `format`: a file beside the static page, a
    /// query string on the server.
    fn download(&self, table: usize, format: &str) -> String {
        if self.site {
            format!("table-{table}.{format}")
        } else {
            let lang = if self.lang == Lang::En {
                "lang=en&"
            } else {
                ""
            };
            format!("?{lang}format={format}&table={table}")
        }
    }

    /// The hyperlink target a spreadsheet cell gets for a page link `href`: on the
    /// server, `origin` and the absolute path; in the static site, the relative path
    /// (to the folder's `index.html`, so it opens from a file system too); web URLs
    /// as they are. Anything else gets no hyperlink.
    pub fn spreadsheet_target(&self, origin: &str, href: &str) -> Option<String> {
        if let Some(url) = web_url(href) {
            return Some(url);
        }
        if href.contains(':') || href.starts_with('#') {
            return None;
        }
        match (self.site, href.starts_with('/')) {
            (false, true) => Some(format!("{}{href}", origin.trim_end_matches('/'))),
            (true, false) => {
                let index = if href.ends_with('/') {
                    "index.html"
                } else {
                    ""
                };
                Some(format!("file://{href}{index}"))
            }
            _ => None,
        }
    }
}

/// One cell: text, an optional link, footnote numbers.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Cell {
    /// The text shown.
    pub text: String,
    /// The link (a page of the site, or an http(s) URL).
    pub href: Option<String>,
    /// Footnote numbers.
    pub notes: Vec<usize>,
}

impl Cell {
    fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }
}

/// A table of a page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Table {
    /// Heading.
    pub title: String,
    /// Column names.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
    /// "and N more" when rows were left out.
    pub more: Option<String>,
    /// The CSV download link.
    pub csv: Option<String>,
    /// The Excel (`.xlsx`) download link.
    pub xlsx: Option<String>,
}

/// A footnote: one evidence sentence and where it is.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// Its number on the page.
    pub n: usize,
    /// The sentence.
    pub text: String,
    /// The article's name.
    pub article: String,
    /// The link to the sentence on the article page.
    pub href: String,
}

/// One sentence of an article page.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// Its index in the article (the anchor is `s<index>`).
    pub index: usize,
    /// The text.
    pub text: String,
}

/// A labelled list of cells.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// The label.
    pub label: String,
    /// The values.
    pub cells: Vec<Cell>,
}

/// A seat of an org chart: a post (its role, linked to the post's page) and its
/// current holders, footnoted.
#[derive(Debug, Clone, Serialize)]
pub struct Seat {
    /// The role, linking to the post.
    pub post: Cell,
    /// The current holders.
    pub holders: Vec<Cell>,
}

/// A body's box in an org chart.
#[derive(Debug, Clone, Serialize)]
pub struct OrgBody {
    /// The group it belongs to (party committee, People's Council, …).
    pub group: String,
    /// The body, linked.
    pub body: Cell,
    /// Heads (top row).
    pub heads: Vec<Seat>,
    /// Deputies (second row).
    pub deputies: Vec<Seat>,
}

/// Everything a page shows.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Page {
    /// The heading and title.
    pub title: String,
    /// The kind shown above the heading.
    pub kind: String,
    /// A paragraph of text.
    pub message: Option<String>,
    /// Labelled values.
    pub facts: Vec<Fact>,
    /// Tables.
    pub tables: Vec<Table>,
    /// Evidence sentences (article pages).
    pub sentences: Vec<Sentence>,
    /// Footnotes.
    pub notes: Vec<Note>,
    /// An org chart (place pages): one box per body, heads above deputies.
    pub org: Vec<OrgBody>,
    /// Whether the static site's script fills a result list (its search page).
    pub static_results: bool,
    /// An SVG chart, built by [`crate::pages`] with every text escaped.
    #[serde(skip)]
    pub svg: Option<String>,
}

/// Builds pages: the graph, the links and the footnotes collected so far.
struct Builder<'a> {
    graph: &'a Graph,
    links: &'a Links,
    lang: Lang,
    notes: Vec<Note>,
}

impl<'a> Builder<'a> {
    fn w(&self, key: &str) -> String {
        word(self.lang, key)
    }

    fn node(&self, iri: &str) -> Cell {
        Cell {
            text: self.graph.label(iri).to_string(),
            href: self.graph.has(iri).then(|| self.links.node(iri)),
            notes: Vec::new(),
        }
    }

    /// Footnotes for the evidence of `iri` (numbers reused for the same sentence).
    fn cite(&mut self, iri: &str) -> Vec<usize> {
        let evidence: Vec<String> = self
            .graph
            .targets(iri, "evidence")
            .map(str::to_string)
            .collect();
        evidence.iter().filter_map(|e| self.note(e)).collect()
    }

    /// Footnotes for the evidence of `iris` whose sentence has the word `word`
    /// (folded), or for all the evidence of the first when none has.
    fn cite_saying(&mut self, iris: &[&str], word: &str) -> Vec<usize> {
        let evidence: Vec<String> = iris
            .iter()
            .flat_map(|iri| self.graph.targets(iri, "evidence"))
            .filter(|e| {
                let sentence = self.graph.targets(e, "inSentence").next().unwrap_or("");
                let text = self.graph.text(sentence, "sentenceText").unwrap_or("");
                let text = cadre_text::fold_key(text);
                text.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == word)
            })
            .map(str::to_string)
            .collect();
        if evidence.is_empty() {
            return iris.first().map(|iri| self.cite(iri)).unwrap_or_default();
        }
        evidence.iter().filter_map(|e| self.note(e)).collect()
    }

    fn note(&mut self, evidence: &str) -> Option<usize> {
        let sentence = self
            .graph
            .targets(evidence, "inSentence")
            .next()?
            .to_string();
        let article = self
            .graph
            .targets(&sentence, "inArticle")
            .next()?
            .to_string();
        let index = self.graph.text(&sentence, "sentenceIndex")?;
        let href = format!("{}#s{index}", self.links.node(&article));
        if let Some(n) = self.notes.iter().find(|n| n.href == href) {
            return Some(n.n);
        }
        let n = self.notes.len() + 1;
        self.notes.push(Note {
            n,
            text: self
                .graph
                .text(&sentence, "sentenceText")
                .unwrap_or("")
                .to_string(),
            article: self.graph.label(&article).to_string(),
            href,
        });
        Some(n)
    }

    fn table(&self, title: &str, columns: &[&str], mut rows: Vec<Vec<Cell>>) -> Table {
        let more = (rows.len() > MAX_ROWS).then(|| {
            self.w("and_more")
                .replace("{n}", &(rows.len() - MAX_ROWS).to_string())
        });
        rows.truncate(MAX_ROWS);
        Table {
            title: self.w(title),
            columns: columns.iter().map(|c| self.w(c)).collect(),
            rows,
            more,
            csv: None,
            xlsx: None,
        }
    }
}

fn qualifier(b: &Builder, h: &Held) -> Cell {
    let mut words = Vec::new();
    if h.former {
        words.push(b.w("former"));
    }
    if h.acting {
        words.push(b.w("acting"));
    }
    Cell::text(words.join(", "))
}

/// The page of any node: its kind's sections, then its properties and the nodes
/// linking to it.
pub fn node_page(site: &Site, iri: &str, params: &Params, links: &Links) -> Reply {
    let page = build_node(site, iri, params.lang, links);
    finish(page, params, links, Some(links.node(iri)))
}

/// Builds the page of `iri` (also used by the static-site writer).
pub fn build_node(site: &Site, iri: &str, lang: Lang, links: &Links) -> Page {
    let graph = &site.graph;
    let mut b = Builder {
        graph,
        links,
        lang,
        notes: Vec::new(),
    };
    let mut page = Page {
        title: graph.label(iri).to_string(),
        kind: b.w(kind(iri)),
        ..Page::default()
    };
    match kind(iri) {
        "person" => person(&mut b, iri, &mut page),
        "post" => post(&mut b, iri, &mut page),
        "body" => body(&mut b, iri, &mut page),
        "place" => place(&mut b, iri, &mut page),
        "article" => article(&mut b, iri, &mut page),
        _ => {}
    }
    if crate::network::CENTRES.contains(&kind(iri)) {
        page.facts.push(Fact {
            label: b.w("network"),
            cells: vec![Cell {
                text: b.w("network"),
                href: Some(links.network(iri)),
                notes: Vec::new(),
            }],
        });
    }
    generic(&mut b, iri, &mut page);
    for (i, table) in page.tables.iter_mut().enumerate() {
        table.csv = Some(links.csv(i));
        table.xlsx = Some(links.xlsx(i));
    }
    page.notes = b.notes;
    page
}

fn person(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    let holdings = sorted_holdings(graph, graph.sources(iri, "holder"));
    let mut rows = Vec::new();
    for h in &holdings {
        let mut post = graph
            .targets(h.iri, "post")
            .next()
            .map(|p| b.node(p))
            .unwrap_or_default();
        post.notes = b.cite(h.iri);
        let body = graph
            .targets(h.iri, "organisation")
            .next()
            .map(|o| b.node(o))
            .unwrap_or_default();
        rows.push(vec![
            post,
            body,
            Cell::text(h.first),
            Cell::text(h.last),
            qualifier(b, h),
        ]);
    }
    page.svg = Some(gantt(b, &holdings));
    page.tables
        .push(b.table("posts", &["post", "body", "from", "to", "qualifier"], rows));
    let mut meetings = Vec::new();
    for m in graph.sources(iri, "chairedBy") {
        let mut cell = b.node(m);
        cell.notes = b.cite(m);
        let date = Cell::text(graph.text(m, "date").unwrap_or(""));
        let body = graph
            .targets(m, "convenedBy")
            .next()
            .map(|o| b.node(o))
            .unwrap_or_default();
        meetings.push(vec![cell, date, body]);
    }
    page.tables
        .push(b.table("chaired", &["meeting", "date", "body"], meetings));
    let mut colleagues: BTreeMap<&str, usize> = BTreeMap::new();
    for h in &holdings {
        for body in graph.targets(h.iri, "organisation") {
            for other in graph.sources(body, "organisation") {
                for person in graph.targets(other, "holder").filter(|p| *p != iri) {
                    *colleagues.entry(person).or_default() += 1;
                }
            }
        }
    }
    for m in graph.sources(iri, "chairedBy") {
        for person in graph.targets(m, "chairedBy").filter(|p| *p != iri) {
            *colleagues.entry(person).or_default() += 1;
        }
    }
    let mut colleagues: Vec<(&str, usize)> = colleagues.into_iter().collect();
    colleagues.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let rows = colleagues
        .into_iter()
        .map(|(p, n)| vec![b.node(p), Cell::text(n.to_string())])
        .collect();
    page.tables
        .push(b.table("colleagues", &["person", "shared"], rows));
}

/// Holders of the holdings `holdings` as table rows, and the current holder (the
/// latest attested holding that is not "former").
fn holder_rows(b: &mut Builder, holdings: &[Held]) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for h in holdings {
        let mut holder = b
            .graph
            .targets(h.iri, "holder")
            .next()
            .map(|p| b.node(p))
            .unwrap_or_default();
        holder.notes = b.cite(h.iri);
        let post = b
            .graph
            .targets(h.iri, "post")
            .next()
            .map(|p| b.node(p))
            .unwrap_or_default();
        rows.push(vec![
            holder,
            post,
            Cell::text(h.first),
            Cell::text(h.last),
            qualifier(b, h),
        ]);
    }
    rows
}

/// The current holders of `post` as cells, each footnoted to its holding's sentences.
fn current_cells(b: &mut Builder, holdings: &[Held]) -> Vec<Cell> {
    let mut cells = Vec::new();
    for h in holdings {
        if let Some(person) = b.graph.targets(h.iri, "holder").next() {
            let mut cell = b.node(person);
            cell.notes = b.cite(h.iri);
            cells.push(cell);
        }
    }
    cells
}

fn post(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    let current = current_cells(b, &current_holdings(graph, iri));
    if !current.is_empty() {
        page.facts.push(Fact {
            label: b.w("current"),
            cells: current,
        });
    }
    let steps = crate::succession::succession(graph, iri);
    // A stated link cites the "thay" sentence, the evidence of the successor's holding
    // or of the predecessor's (the holding "thay ông X" gives X).
    let neighbour = |b: &mut Builder,
                     link: Option<crate::succession::Link>,
                     here: &str,
                     towards_predecessor: bool| {
        let Some(link) = link else {
            return Cell::default();
        };
        let mut cell = steps[link.step]
            .holder
            .map(|p| b.node(p))
            .unwrap_or_default();
        match link.basis {
            crate::succession::Basis::Stated => {
                let there = steps[link.step].held.iri;
                let pair = if towards_predecessor {
                    [here, there]
                } else {
                    [there, here]
                };
                cell.notes = b.cite_saying(&pair, "thay");
            }
            crate::succession::Basis::Derived => {
                cell.text = format!("{} ({})", cell.text, b.w("derived"))
            }
        }
        cell
    };
    let mut rows = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let mut holder = step.holder.map(|p| b.node(p)).unwrap_or_default();
        holder.notes = b.cite(step.held.iri);
        let after = neighbour(b, step.after, step.held.iri, true);
        let before = neighbour(b, step.before, step.held.iri, false);
        rows.push(vec![
            Cell::text((i + 1).to_string()),
            holder,
            Cell::text(step.held.first),
            Cell::text(step.held.last),
            qualifier(b, &step.held),
            after,
            before,
        ]);
    }
    page.tables.push(b.table(
        "succession",
        &[
            "order",
            "holder",
            "from",
            "to",
            "qualifier",
            "after",
            "before",
        ],
        rows,
    ));
}

fn body(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    let parents: Vec<Cell> = crate::leadership::parent_bodies(graph, iri)
        .into_iter()
        .map(|p| b.node(p))
        .collect();
    if !parents.is_empty() {
        page.facts.push(Fact {
            label: b.w("under"),
            cells: parents,
        });
    }
    let mut posts = Vec::new();
    for p in graph.sources(iri, "postIn") {
        let holders = current_cells(b, &current_holdings(graph, p));
        if holders.is_empty() {
            posts.push(vec![b.node(p), Cell::default()]);
        }
        for holder in holders {
            posts.push(vec![b.node(p), holder]);
        }
    }
    page.tables
        .push(b.table("posts_of_body", &["post", "current"], posts));
    let subs = crate::leadership::sub_bodies(graph, iri);
    let mut rows = Vec::new();
    for sub in &subs {
        let head = graph
            .sources(sub, "postIn")
            .into_iter()
            .filter(|p| {
                crate::leadership::post_role(graph, p)
                    .and_then(crate::leadership::role_info)
                    .is_some_and(|r| r.tier == 1)
            })
            .flat_map(|p| current_holdings(graph, p))
            .next();
        let head = current_cells(b, head.as_slice())
            .into_iter()
            .next()
            .unwrap_or_default();
        let kind = graph.text(sub, "bodyKind").unwrap_or("");
        rows.push(vec![b.node(sub), Cell::text(b.w(kind)), head]);
    }
    page.tables
        .push(b.table("sub_bodies", &["body", "kind", "head"], rows));
    standing(b, iri, page);
    let holdings = sorted_holdings(graph, graph.sources(iri, "organisation"));
    let rows = holder_rows(b, &holdings);
    page.tables.push(b.table(
        "holders",
        &["holder", "post", "from", "to", "qualifier"],
        rows,
    ));
    // A party committee's terms and congresses are its Đảng bộ's.
    let owners: Vec<&str> = std::iter::once(iri)
        .chain(
            crate::leadership::parent_bodies(graph, iri)
                .into_iter()
                .filter(|p| graph.text(p, "bodyKind") == Some("party_org")),
        )
        .collect();
    let mut terms = Vec::new();
    for owner in &owners {
        for t in graph.sources(owner, "termOf") {
            let mut cell = b.node(t);
            cell.notes = b.cite(t);
            let from = Cell::text(graph.text(t, "startYear").unwrap_or(""));
            let to = Cell::text(graph.text(t, "endYear").unwrap_or(""));
            terms.push(vec![cell, from, to]);
        }
    }
    page.tables
        .push(b.table("terms", &["term", "from", "to"], terms));
    let mut meetings = Vec::new();
    for m in owners.iter().flat_map(|o| graph.sources(o, "convenedBy")) {
        let mut cell = b.node(m);
        cell.notes = b.cite(m);
        let chairs: Vec<Cell> = graph.targets(m, "chairedBy").map(|p| b.node(p)).collect();
        let chair = chairs.into_iter().next().unwrap_or_default();
        meetings.push(vec![
            cell,
            Cell::text(graph.text(m, "date").unwrap_or("")),
            chair,
        ]);
    }
    page.tables
        .push(b.table("meetings", &["meeting", "date", "person"], meetings));
    let mut documents = Vec::new();
    for d in graph.sources(iri, "issuedBy") {
        let mut cell = b.node(d);
        cell.notes = b.cite(d);
        documents.push(vec![
            cell,
            Cell::text(graph.text(d, "issuedOn").unwrap_or("")),
        ]);
    }
    page.tables
        .push(b.table("documents", &["document", "date"], documents));
    reform(b, iri, page);
}

/// A party committee's Thường trực (the current holders of its standing posts: Bí
/// thư, Phó Bí thư) and Ban Thường vụ (those and the current Ủy viên Ban Thường vụ),
/// as one table; other bodies get none.
fn standing(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    if graph.text(iri, "bodyKind") != Some("party_committee") {
        return;
    }
    let mut rows = Vec::new();
    for (group, office_only) in [("standing_office", true), ("standing_committee", false)] {
        for p in graph.sources(iri, "postIn") {
            let standing = crate::leadership::post_role(graph, p)
                .and_then(crate::leadership::role_info)
                .map_or(Standing::No, |r| r.standing);
            let member = match standing {
                Standing::Office => true,
                Standing::Committee => !office_only,
                Standing::No => false,
            };
            if !member {
                continue;
            }
            for person in current_cells(b, &current_holdings(graph, p)) {
                rows.push(vec![Cell::text(b.w(group)), person, b.node(p)]);
            }
        }
    }
    page.tables
        .push(b.table("standing", &["group", "person", "post"], rows));
}

fn place(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    let chart = crate::leadership::org_chart(graph, iri);
    let mut org = Vec::new();
    for group in &chart {
        let mut seats = |posts: &[crate::leadership::ChartPost]| -> Vec<Seat> {
            posts
                .iter()
                .map(|p| Seat {
                    post: Cell {
                        text: p.role.to_string(),
                        href: Some(b.links.node(p.post)),
                        notes: Vec::new(),
                    },
                    holders: current_cells(b, &p.holdings),
                })
                .collect()
        };
        let heads = seats(&group.heads);
        let deputies = seats(&group.deputies);
        org.push(OrgBody {
            group: b.w(group.group),
            body: b.node(group.body),
            heads,
            deputies,
        });
    }
    page.org = org;
    let bodies = graph.sources(iri, "locatedIn");
    let mut leaders = Vec::new();
    for body in &bodies {
        for p in graph.sources(body, "postIn") {
            let holdings = sorted_holdings(graph, graph.sources(p, "post"));
            if let Some(h) = current_holding(graph, &holdings) {
                let holder = current_cells(b, std::slice::from_ref(h));
                let last = holdings.iter().map(|h| h.last).max().unwrap_or("");
                for person in holder {
                    leaders.push(vec![b.node(p), person, Cell::text(last)]);
                }
            }
        }
    }
    page.tables
        .push(b.table("leadership", &["post", "holder", "to"], leaders));
    let units = graph
        .sources(iri, "partOf")
        .into_iter()
        .filter(|u| *u != iri)
        .map(|u| vec![b.node(u)])
        .collect();
    page.tables.push(b.table("units", &["place"], units));
    let rows = bodies
        .iter()
        .map(|body| {
            let kind = graph.text(body, "bodyKind").unwrap_or("");
            vec![b.node(body), Cell::text(b.w(kind))]
        })
        .collect();
    page.tables.push(b.table("bodies", &["body", "kind"], rows));
    reform(b, iri, page);
}

/// The 2025 old → new mapping of a place or body, both ways: change events that
/// start or end at the node, and `succeededBy` links.
fn reform(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    let mut pairs: Vec<(String, String, String)> = Vec::new();
    let changes = graph
        .sources(iri, "changeFrom")
        .into_iter()
        .chain(graph.sources(iri, "changeTo"));
    for change in changes {
        let date = graph.text(change, "changeDate").unwrap_or("").to_string();
        for from in graph.targets(change, "changeFrom") {
            for to in graph.targets(change, "changeTo") {
                let org = |n: &str| graph.text(n, "orgName");
                let alike = kind(from) == kind(to) && org(from) == org(to);
                if alike && (from == iri || to == iri) {
                    pairs.push((from.to_string(), to.to_string(), date.clone()));
                }
            }
        }
    }
    for to in graph.targets(iri, "succeededBy") {
        pairs.push((iri.to_string(), to.to_string(), String::new()));
    }
    for from in graph.sources(iri, "succeededBy") {
        pairs.push((from.to_string(), iri.to_string(), String::new()));
    }
    pairs.sort();
    pairs.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let rows = pairs
        .iter()
        .map(|(from, to, date)| vec![b.node(from), b.node(to), Cell::text(date)])
        .collect();
    page.tables
        .push(b.table("reform", &["old", "new", "date"], rows));
}

fn article(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    let mut facts = Vec::new();
    for (key, predicate) in [("date", "articleDate"), ("source_link", "url")] {
        if let Some(value) = graph.text(iri, predicate) {
            facts.push(Fact {
                label: b.w(key),
                cells: vec![Cell {
                    text: value.to_string(),
                    href: web_url(value),
                    notes: Vec::new(),
                }],
            });
        }
    }
    page.facts = facts;
    let mut sentences: BTreeMap<usize, String> = BTreeMap::new();
    for sentence in graph.sources(iri, "inArticle") {
        let index = graph
            .text(sentence, "sentenceIndex")
            .and_then(|i| i.parse().ok());
        if let (Some(index), Some(text)) = (index, graph.text(sentence, "sentenceText")) {
            sentences.entry(index).or_insert_with(|| text.to_string());
        }
    }
    page.sentences = sentences
        .into_iter()
        .map(|(index, text)| Sentence { index, text })
        .collect();
}

/// `url` when it is an http or https URL (anything else is shown as text, never
/// linked: `javascript:` and `data:` URLs stay inert).
pub fn web_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.trim().to_string())
}

/// The ego network page of a person, body or place (or its GEXF).
pub fn network_page(site: &Site, iri: &str, params: &Params, links: &Links) -> Reply {
    let radius = params.radius.unwrap_or(1);
    if params.gexf {
        let ego = crate::network::ego(&site.graph, iri, radius);
        return Reply::new(
            200,
            "application/gexf+xml",
            crate::network::gexf(&site.graph, &ego),
        );
    }
    let page = build_network(site, iri, radius, params.lang, links);
    finish(page, params, links, Some(links.network(iri)))
}

/// Builds the network page of `iri` (also used by the static-site writer).
pub fn build_network(site: &Site, iri: &str, radius: usize, lang: Lang, links: &Links) -> Page {
    let graph = &site.graph;
    let b = Builder {
        graph,
        links,
        lang,
        notes: Vec::new(),
    };
    let ego = crate::network::ego(graph, iri, radius);
    let rows = ego
        .nodes
        .iter()
        .map(|n| vec![b.node(n), Cell::text(b.w(kind(n)))])
        .collect();
    let mut table = b.table("name", &["name", "kind"], rows);
    table.title = b.w("network");
    table.csv = Some(links.csv(0));
    table.xlsx = Some(links.xlsx(0));
    let mut facts = vec![Fact {
        label: b.w(kind(iri)),
        cells: vec![b.node(iri)],
    }];
    if !links.site {
        facts.push(Fact {
            label: "radius".into(),
            cells: [1, 2]
                .iter()
                .map(|r| Cell {
                    text: r.to_string(),
                    href: (*r != radius).then(|| {
                        let page = links.network(iri);
                        let sep = if page.contains('?') { '&' } else { '?' };
                        format!("{page}{sep}radius={r}")
                    }),
                    notes: Vec::new(),
                })
                .collect(),
        });
    }
    facts.push(Fact {
        label: "GEXF".into(),
        cells: vec![Cell {
            text: b.w("download_gexf"),
            href: Some(links.gexf(radius)),
            notes: Vec::new(),
        }],
    });
    Page {
        title: format!("{}: {}", b.w("network"), graph.label(iri)),
        kind: b.w("network"),
        message: (ego.left_out > 0)
            .then(|| b.w("and_more").replace("{n}", &ego.left_out.to_string())),
        facts,
        svg: Some(crate::network::svg(graph, &ego, links)),
        tables: vec![table],
        ..Page::default()
    }
}

/// Every property of the node and the nodes that link to it.
fn generic(b: &mut Builder, iri: &str, page: &mut Page) {
    let graph = b.graph;
    let rows = graph
        .edges(iri)
        .filter(|(p, _)| *p != "evidence")
        .map(|(p, v)| {
            let value = match v.node() {
                Some(n) => b.node(n),
                None => Cell::text(v.text()),
            };
            vec![Cell::text(p), value]
        })
        .collect();
    page.tables
        .push(b.table("properties", &["property", "value"], rows));
    let rows = graph
        .incoming(iri)
        .filter(|(p, s)| *p != "inArticle" && *p != "mentionedIn" || kind(s) != "sentence")
        .map(|(p, s)| vec![b.node(s), Cell::text(p)])
        .collect();
    page.tables
        .push(b.table("linked_from", &["name", "property"], rows));
}

/// The career timeline: one bar per post, from its first to its last attested date;
/// former posts grey, acting ones orange.
fn gantt(b: &Builder, holdings: &[Held]) -> String {
    let year = |d: &str| -> f64 {
        let y: f64 = d.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(2000.0);
        let m: f64 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1.0);
        y + (m - 1.0) / 12.0
    };
    let dated: Vec<&Held> = holdings.iter().filter(|h| !h.first.is_empty()).collect();
    let lo = dated
        .iter()
        .map(|h| year(h.first))
        .fold(f64::MAX, f64::min)
        .floor();
    let hi = dated
        .iter()
        .map(|h| year(h.last))
        .fold(f64::MIN, f64::max)
        .ceil()
        + 1.0;
    let (lo, hi) = if dated.is_empty() {
        (2000.0, 2001.0)
    } else {
        (lo, hi)
    };
    let (left, width, row) = (300.0, 560.0, 22.0);
    let scale = |y: f64| left + (y - lo) / (hi - lo) * width;
    let height = 30.0 + row * dated.len() as f64;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="gantt" width="{}" height="{height}" role="img" aria-label="{}">"#,
        left + width + 40.0,
        escape(&b.w("timeline"))
    );
    let mut y = lo as i64;
    while (y as f64) <= hi {
        let x = scale(y as f64);
        svg.push_str(&format!(
            r#"<line class="axis" x1="{x:.1}" y1="0" x2="{x:.1}" y2="{height}"/><text class="tick" x="{x:.1}" y="{:.1}">{y}</text>"#,
            height - 4.0
        ));
        y += 1;
    }
    for (i, h) in dated.iter().enumerate() {
        let top = 4.0 + row * i as f64;
        let x = scale(year(h.first));
        let w = (scale(year(h.last) + 1.0 / 12.0) - x).max(4.0);
        let class = if h.former {
            "bar former"
        } else if h.acting {
            "bar acting"
        } else {
            "bar"
        };
        let post = b
            .graph
            .targets(h.iri, "post")
            .next()
            .map(|p| b.graph.label(p))
            .unwrap_or("");
        let mut name = post.to_string();
        if h.former || h.acting {
            name = format!("{name} ({})", qualifier(b, h).text);
        }
        let name = escape(&name);
        svg.push_str(&format!(
            r#"<text class="barlabel" x="4" y="{:.1}">{name}</text><rect class="{class}" x="{x:.1}" y="{top:.1}" width="{w:.1}" height="14"><title>{name}: {} – {}</title></rect>"#,
            top + 12.0,
            escape(h.first),
            escape(h.last)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Text escaped for HTML and SVG.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The home page: counts, the search box, the most mentioned persons and places, the
/// articles.
pub fn home(site: &Site, params: &Params) -> Reply {
    let links = Links::server(params.lang);
    let page = build_home(site, params.lang, &links);
    finish(page, params, &links, None)
}

/// Builds the home page (also used by the static-site writer).
pub fn build_home(site: &Site, lang: Lang, links: &Links) -> Page {
    let graph = &site.graph;
    let b = Builder {
        graph,
        links,
        lang,
        notes: Vec::new(),
    };
    let facts: Vec<Fact> = [
        "article", "person", "post", "body", "place", "meeting", "document", "term",
    ]
    .iter()
    .map(|k| Fact {
        label: b.w(k),
        cells: vec![Cell::text(
            site.counts.get(*k).copied().unwrap_or(0).to_string(),
        )],
    })
    .collect();
    let top = |k: &str| -> Vec<Vec<Cell>> {
        site.index
            .entries()
            .iter()
            .filter(|e| e.kind == k)
            .take(20)
            .map(|e| vec![b.node(&e.iri), Cell::text(e.weight.to_string())])
            .collect()
    };
    let articles: Vec<Vec<Cell>> = site
        .articles
        .iter()
        .take(MAX_ROWS)
        .map(|a| {
            vec![
                b.node(a),
                Cell::text(graph.text(a, "articleDate").unwrap_or("")),
            ]
        })
        .collect();
    let mut articles = b.table("articles", &["article", "date"], articles);
    articles.more = (site.articles.len() > MAX_ROWS).then(|| {
        b.w("and_more")
            .replace("{n}", &(site.articles.len() - MAX_ROWS).to_string())
    });
    let mut tables = vec![
        b.table("top_persons", &["person", "mentions"], top("person")),
        b.table("top_places", &["place", "mentions"], top("place")),
        articles,
    ];
    for (i, table) in tables.iter_mut().enumerate() {
        table.csv = Some(links.csv(i));
        table.xlsx = Some(links.xlsx(i));
    }
    Page {
        title: b.w("site"),
        kind: b.w("home"),
        facts: vec![Fact {
            label: b.w("counts"),
            cells: Vec::new(),
        }]
        .into_iter()
        .chain(facts)
        .collect(),
        tables,
        ..Page::default()
    }
}

/// The search results page.
pub fn search_page(site: &Site, params: &Params) -> Reply {
    let links = Links::server(params.lang);
    let query = params.query.clone().unwrap_or_default();
    let b = Builder {
        graph: &site.graph,
        links: &links,
        lang: params.lang,
        notes: Vec::new(),
    };
    let rows: Vec<Vec<Cell>> = site
        .index
        .find(&query, 100)
        .into_iter()
        .map(|e| vec![b.node(&e.iri), Cell::text(b.w(&e.kind))])
        .collect();
    let mut page = Page {
        title: format!("{}: {query}", b.w("search")),
        kind: b.w("search"),
        message: rows.is_empty().then(|| b.w("no_results")),
        ..Page::default()
    };
    let mut table = b.table("results", &["name", "kind"], rows);
    table.csv = Some(format!("{}&format=csv", search_href(&links, &query)));
    table.xlsx = Some(format!("{}&format=xlsx", search_href(&links, &query)));
    page.tables.push(table);
    finish(page, params, &links, None)
}

fn search_href(links: &Links, query: &str) -> String {
    let q: String = url::form_urlencoded::byte_serialize(query.as_bytes()).collect();
    let lang = if links.lang == Lang::En {
        "lang=en&"
    } else {
        ""
    };
    format!("/search?{lang}q={q}")
}

/// An error page (404 for an unknown node, 400 for a bad query string) with the
/// search box.
pub fn error_page(status: u16, detail: &str, params: &Params) -> Reply {
    let links = Links::server(params.lang);
    let lang = params.lang;
    let (title, message) = if status == 404 {
        (
            word(lang, "not_found"),
            format!("/{detail} — {}", word(lang, "not_found_text")),
        )
    } else {
        (word(lang, "bad_request"), detail.to_string())
    };
    let page = Page {
        title,
        kind: status.to_string(),
        message: Some(message),
        ..Page::default()
    };
    let mut reply = finish(
        page,
        &Params {
            download: None,
            ..params.clone()
        },
        &links,
        None,
    );
    reply.status = status;
    reply
}

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in [
            ("base.html", include_str!("../templates/base.html")),
            ("page.html", include_str!("../templates/page.html")),
            ("cell.html", include_str!("../templates/cell.html")),
        ] {
            env.add_template(name, source).expect("the templates parse");
        }
        env
    })
}

/// Where a page's chrome points: the home page, the search form, the suggestions and
/// the script.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// The home page.
    pub home: String,
    /// The search form's action.
    pub search_action: String,
    /// The suggestions endpoint or the prebuilt index.
    pub suggest: String,
    /// The script.
    pub script: String,
    /// The same page in the other language, when there is one.
    pub other_lang: Option<(String, String)>,
}

/// The HTML of `page` (or one of its tables as a file, when asked).
fn finish(page: Page, params: &Params, links: &Links, here: Option<String>) -> Reply {
    if let Some(download) = params.download {
        return table_file(&page, download, params, links);
    }
    let here = here.unwrap_or_else(|| "/".into());
    let here = here.split('?').next().unwrap_or("/").to_string();
    let other = match params.lang {
        Lang::Vi => (format!("{here}?lang=en"), "English".to_string()),
        Lang::En => (here, "Tiếng Việt".to_string()),
    };
    let chrome = Chrome {
        home: links.path(""),
        search_action: "/search".into(),
        suggest: "/suggest".into(),
        script: "/search.js".into(),
        other_lang: Some(other),
    };
    Reply::new(
        200,
        "text/html; charset=utf-8",
        html(
            &page,
            params.lang,
            &chrome,
            params.query.as_deref().unwrap_or(""),
        ),
    )
}

/// Table `download.table` of `page` as CSV or as a workbook of one sheet whose page
/// links are hyperlinks (from `params.origin`); 400 when the page has no such table.
fn table_file(page: &Page, download: Download, params: &Params, links: &Links) -> Reply {
    let n = download.table;
    let Some(table) = page.tables.get(n) else {
        return Reply::new(
            400,
            "text/plain; charset=utf-8",
            format!("this page has no table {n}\n"),
        );
    };
    let (media, extension, body) = match download.format {
        TableFormat::Csv => ("text/csv; charset=utf-8", "csv", csv(table).into_bytes()),
        TableFormat::Xlsx => {
            let origin = params.origin.as_deref().unwrap_or(DEFAULT_ORIGIN);
            let link = |href: &str| links.spreadsheet_target(origin, href);
            match crate::xlsx::workbook(&[(&table.title, table)], &link) {
                Ok(bytes) => (crate::xlsx::MEDIA, "xlsx", bytes),
                Err(e) => {
                    return Reply::new(
                        500,
                        "text/plain; charset=utf-8",
                        format!("the workbook could not be written: {e}\n"),
                    )
                }
            }
        }
    };
    Reply {
        attachment: Some(format!("table-{n}.{extension}")),
        ..Reply::new(200, media, body)
    }
}

/// Renders `page` with the template.
pub fn html(page: &Page, lang: Lang, chrome: &Chrome, query: &str) -> String {
    let template = environment()
        .get_template("page.html")
        .expect("page.html is loaded");
    let t: BTreeMap<&str, &str> = labels(lang).clone();
    template
        .render(context! {
            lang => if lang == Lang::En { "en" } else { "vi" },
            title => &page.title,
            kind => &page.kind,
            message => &page.message,
            facts => &page.facts,
            tables => &page.tables,
            sentences => &page.sentences,
            notes => &page.notes,
            org => &page.org,
            svg => page.svg.clone().map(Jinja::from_safe_string),
            css => Jinja::from_safe_string(CSS.to_string()),
            t => t,
            query => query,
            home => &chrome.home,
            search_action => &chrome.search_action,
            suggest => &chrome.suggest,
            script => &chrome.script,
            other_lang => chrome.other_lang.as_ref().map(|(href, name)| context! { href => href, name => name }),
            static_results => page.static_results,
        })
        .expect("the page template renders")
}

/// A table as CSV; cells that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading `'` so they show as
/// text ([`spreadsheet_text`]).
pub fn csv(table: &Table) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = |cells: Vec<Cow<'_, str>>| {
        writer
            .write_record(cells.iter().map(|c| c.as_bytes()))
            .expect("writing to memory");
    };
    write(table.columns.iter().map(|c| spreadsheet_text(c)).collect());
    for row in &table.rows {
        write(row.iter().map(|c| spreadsheet_text(&c.text)).collect());
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 cells")
}
