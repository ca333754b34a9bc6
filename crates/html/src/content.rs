//! The article inside a page: page furniture (menus, headers, footers, share bars,
//! link boxes, forms, scripts) is left out by tag and by class name, each block that
//! reads like a paragraph credits its ancestors, and the block with the best credit,
//! discounted by its share of link text, is the article, together with the siblings
//! that read like its title, lead or date stamp.

use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

use crate::words::{ClassVerdict, PageWords};

/// Elements that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
    "button", "select", "textarea", "input", "option", "nav", "aside", "footer", "head", "title",
    "meta", "link", "audio", "video", "map", "dialog", "menu",
];

/// Elements whose boundaries are line breaks.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Headings below the title's.
const HEADING_TAGS: &[&str] = &["h2", "h3", "h4", "h5", "h6"];

/// Elements read as one paragraph each.
const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "h2", "h3", "h4", "h5", "h6"];

/// Blocks left out when most of their text is link text (lists of other articles).
const LIST_TAGS: &[&str] = &["ul", "ol", "dl", "table", "div", "section"];

/// Fewest non-space characters of a block that counts as a paragraph.
const MIN_PARAGRAPH: usize = 25;

/// Deepest element read; anything deeper is left out (no page nests that far).
const MAX_DEPTH: usize = 256;

/// Character counts of an element's kept text.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    /// Non-space characters.
    chars: usize,
    /// Non-space characters inside links.
    link_chars: usize,
    /// Commas, a mark of sentences.
    commas: usize,
}

impl Stats {
    fn add(&mut self, other: Stats) {
        self.chars += other.chars;
        self.link_chars += other.link_chars;
        self.commas += other.commas;
    }

    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }

    fn of_text(text: &str) -> Stats {
        Stats {
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            link_chars: 0,
            commas: text.matches(',').count(),
        }
    }
}

/// The article found in a page.
#[derive(Debug)]
pub(crate) struct Article<'a> {
    /// The title: the article's `<h1>`, else `og:title`, else the page's first
    /// `<h1>` or `<title>`.
    pub title: Option<String>,
    /// Lead and body, one paragraph a line (the title line left out).
    pub body: String,
    /// The element that holds the article (or its closest `<article>` ancestor), where
    /// its `<time>` stamp is looked for.
    pub region: ElementRef<'a>,
}

/// A page read for its article: what is left out and what each element holds.
struct Reader<'a> {
    words: &'static PageWords,
    /// Elements left out, each with everything inside it.
    removed: HashSet<NodeId>,
    /// Counts of every kept element.
    stats: HashMap<NodeId, Stats>,
    /// The element marked as the article body, and its ancestors: never left out.
    guarded: HashSet<NodeId>,
    doc: &'a Html,
}

/// The article of a parsed page; `None` when no block reads like a paragraph.
pub(crate) fn find_article(doc: &Html) -> Option<Article<'_>> {
    let mut reader = Reader {
        words: PageWords::global(),
        removed: HashSet::new(),
        stats: HashMap::new(),
        guarded: HashSet::new(),
        doc,
    };
    if let Some(marked) = marked_body(doc) {
        reader
            .guarded
            .extend(std::iter::once(marked.id()).chain(marked.ancestors().map(|a| a.id())));
    }
    reader.measure(doc.root_element(), 0, false);
    let mut scores = HashMap::new();
    reader.score(doc.root_element(), &mut scores);
    let top = doc
        .root_element()
        .descendent_elements()
        .filter_map(|e| {
            scores
                .get(&e.id())
                .map(|s| (e, s * (1.0 - reader.density(e))))
        })
        .fold(None::<(ElementRef, f64)>, |best, (e, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((e, s)),
        })?;
    let blocks = reader.article_blocks(top, &scores);
    let mut buf = TextBuf::default();
    for block in &blocks {
        reader.emit(*block, &mut buf);
    }
    let top = top.0;
    let region = std::iter::once(top)
        .chain(top.ancestors().filter_map(ElementRef::wrap))
        .find(|a| a.value().name() == "article")
        .unwrap_or_else(|| top.parent().and_then(ElementRef::wrap).unwrap_or(top));
    let title = reader.title(region, buf.first_heading.as_deref());
    let mut lines: Vec<String> = buf.finish();
    if let Some(t) = &title {
        if let Some(i) = lines.iter().position(|l| l == t) {
            lines.remove(i);
        }
    }
    Some(Article {
        title,
        body: lines.join("\n"),
        region,
    })
}

/// The element a page marks as its article: `itemprop="articleBody"`, else its one
/// `<article>`.
fn marked_body(doc: &Html) -> Option<ElementRef<'_>> {
    let elements = || doc.root_element().descendent_elements();
    elements()
        .find(|e| {
            e.attr("itemprop").is_some_and(|v| {
                v.split_whitespace()
                    .any(|p| p.eq_ignore_ascii_case("articleBody"))
            })
        })
        .or_else(|| {
            let mut articles = elements().filter(|e| e.value().name() == "article");
            let first = articles.next()?;
            articles.next().is_none().then_some(first)
        })
}

fn is_cell(tag: &str) -> bool {
    tag == "td" || tag == "th"
}

fn is_hidden(e: ElementRef) -> bool {
    let style = e
        .attr("style")
        .map(|s| s.to_ascii_lowercase().replace(' ', ""))
        .unwrap_or_default();
    e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// Text with its runs of white space collapsed to single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'a> Reader<'a> {
    /// The first line of an element's text as the article would give it.
    fn first_line(&self, e: ElementRef<'a>) -> Option<String> {
        let mut buf = TextBuf::default();
        self.emit_children(*e, &mut buf);
        buf.finish().into_iter().next()
    }

    /// Collapsed kept text of an element (for short headings and stamps).
    fn plain_text(&self, e: ElementRef) -> String {
        fn collect(reader: &Reader, node: NodeRef<Node>, out: &mut String) {
            for child in node.children() {
                match child.value() {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(_) if !reader.removed.contains(&child.id()) => {
                        collect(reader, child, out)
                    }
                    _ => {}
                }
            }
        }
        let mut text = String::new();
        collect(self, *e, &mut text);
        collapse(&text)
    }

    fn verdict(&self, e: ElementRef) -> ClassVerdict {
        let names: Vec<&str> = [e.attr("class"), e.attr("id")]
            .into_iter()
            .flatten()
            .collect();
        self.words.judge(&names)
    }

    fn stats(&self, e: ElementRef) -> Stats {
        self.stats.get(&e.id()).copied().unwrap_or_default()
    }

    fn density(&self, e: ElementRef) -> f64 {
        self.stats(e).link_density()
    }

    /// Whether `e` is left out with its contents: a furniture tag (a `<header>` only
    /// outside an `<article>`), a hidden element, or a furniture class name.
    fn leaves_out(&self, e: ElementRef, depth: usize, in_article: bool) -> bool {
        let tag = e.value().name();
        if depth > MAX_DEPTH || SKIP_TAGS.contains(&tag) || (tag == "header" && !in_article) {
            return true;
        }
        if self.guarded.contains(&e.id()) || tag == "body" || tag == "html" {
            return false;
        }
        is_hidden(e) || self.verdict(e) == ClassVerdict::Furniture
    }

    /// Records the counts of `e` and everything in it; returns them.
    fn measure(&mut self, e: ElementRef, depth: usize, in_article: bool) -> Stats {
        if self.leaves_out(e, depth, in_article) {
            self.removed.insert(e.id());
            return Stats::default();
        }
        let in_article = in_article || e.value().name() == "article";
        let mut total = Stats::default();
        for child in e.children() {
            match child.value() {
                Node::Text(t) => total.add(Stats::of_text(t)),
                Node::Element(_) => {
                    let child = ElementRef::wrap(child).expect("an element node");
                    let mut s = self.measure(child, depth + 1, in_article);
                    if child.value().name() == "a" {
                        s.link_chars = s.chars;
                    }
                    total.add(s);
                }
                _ => {}
            }
        }
        self.stats.insert(e.id(), total);
        total
    }

    fn kept_children(&self, e: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> + '_ {
        e.child_elements()
            .filter(|c| !self.removed.contains(&c.id()))
    }

    /// Credits paragraphs to their ancestors: a paragraph's parent gets its score, the
    /// grandparent half and the next one a third. A paragraph tag and a `<div>` of
    /// text alone are paragraphs; text written straight into a block beside other
    /// blocks is a paragraph of that block.
    fn score(&self, e: ElementRef<'a>, scores: &mut HashMap<NodeId, f64>) {
        let tag = e.value().name();
        let text_only = (tag == "div" || tag == "section")
            && !self
                .kept_children(e)
                .any(|c| BLOCK_TAGS.contains(&c.value().name()) || is_cell(c.value().name()));
        if PARAGRAPH_TAGS.contains(&tag) || text_only {
            if let Some(parent) = e.parent().and_then(ElementRef::wrap) {
                self.credit(parent, self.stats(e), scores);
            }
            return;
        }
        let mut inline = Stats::default();
        for child in e.children() {
            match child.value() {
                Node::Text(t) => inline.add(Stats::of_text(t)),
                Node::Element(c) if !BLOCK_TAGS.contains(&c.name()) && !is_cell(c.name()) => {
                    inline.add(self.stats.get(&child.id()).copied().unwrap_or_default());
                }
                _ => {}
            }
        }
        self.credit(e, inline, scores);
        for child in self.kept_children(e) {
            self.score(child, scores);
        }
    }

    fn credit(&self, first: ElementRef, paragraph: Stats, scores: &mut HashMap<NodeId, f64>) {
        if paragraph.chars < MIN_PARAGRAPH {
            return;
        }
        let points = 1.0 + paragraph.commas as f64 + (paragraph.chars as f64 / 100.0).min(3.0);
        let chain = std::iter::once(first).chain(first.ancestors().filter_map(ElementRef::wrap));
        for (level, ancestor) in chain.take(3).enumerate() {
            let score = scores
                .entry(ancestor.id())
                .or_insert_with(|| self.initial_score(ancestor));
            *score += points / (level + 1) as f64;
        }
    }

    /// A block's score before its paragraphs: by tag and by class name.
    fn initial_score(&self, e: ElementRef) -> f64 {
        let by_tag = match e.value().name() {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "ul" | "ol" | "dl" | "form" | "address" => -3.0,
            "th" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => -5.0,
            _ => 0.0,
        };
        let by_class = match self.verdict(e) {
            ClassVerdict::Content => 25.0,
            ClassVerdict::Unlikely => -25.0,
            _ => 0.0,
        };
        let marked = if self.guarded.contains(&e.id()) {
            25.0
        } else {
            0.0
        };
        by_tag + by_class + marked
    }

    /// The article's block and those of its siblings that belong with it: blocks that
    /// score near it, text blocks with few links (lead), headings before it (title),
    /// date stamps.
    fn article_blocks(
        &self,
        top: (ElementRef<'a>, f64),
        scores: &HashMap<NodeId, f64>,
    ) -> Vec<ElementRef<'a>> {
        let (top, top_score) = top;
        let Some(parent) = top
            .parent()
            .and_then(ElementRef::wrap)
            .filter(|p| p.value().name() != "html")
        else {
            return vec![top];
        };
        let threshold = (top_score * 0.2).max(10.0);
        let mut before_top = true;
        self.kept_children(parent)
            .filter(|s| {
                if *s == top {
                    before_top = false;
                    return true;
                }
                let stats = self.stats(*s);
                let score = scores
                    .get(&s.id())
                    .map_or(0.0, |v| v * (1.0 - stats.link_density()));
                let textual = stats.chars > 80
                    && stats.link_density() < 0.25
                    && !["ul", "ol", "dl", "table", "form"].contains(&s.value().name());
                let heading = before_top
                    && (s.value().name() == "h1" || HEADING_TAGS.contains(&s.value().name()))
                    && stats.link_density() < 0.5;
                score >= threshold || textual || heading || self.is_stamp(*s, stats)
            })
            .collect()
    }

    /// A short block with a full date: the article's date stamp.
    fn is_stamp(&self, e: ElementRef, stats: Stats) -> bool {
        stats.chars > 0
            && stats.chars < 100
            && stats.link_density() < 0.5
            && cadre_text::find_dates(&self.plain_text(e))
                .iter()
                .any(|d| d.year.is_some())
    }

    /// Writes the kept text of `node`'s children into `buf`, a line per block. After a
    /// "related news" heading, the blocks that are mostly links (or empty) are its box
    /// and go; the first other block ends the box.
    fn emit_children(&self, node: NodeRef<'a, Node>, buf: &mut TextBuf) {
        let mut in_box = false;
        for child in node.children() {
            match child.value() {
                Node::Text(t) => buf.text(t),
                Node::Element(_) => {
                    let e = ElementRef::wrap(child).expect("an element node");
                    let stats = self.stats(e);
                    if in_box && (stats.chars == 0 || stats.link_density() > 0.5) {
                        continue;
                    }
                    in_box = self.is_related_heading(e, stats);
                    if !in_box {
                        self.emit(e, buf);
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether `e` is a block whose text is a "related news" heading.
    fn is_related_heading(&self, e: ElementRef, stats: Stats) -> bool {
        BLOCK_TAGS.contains(&e.value().name())
            && stats.chars <= 40
            && self.words.is_related_heading(&self.plain_text(e))
    }

    /// Writes the kept text of `e` into `buf`.
    fn emit(&self, e: ElementRef<'a>, buf: &mut TextBuf) {
        if self.removed.contains(&e.id()) {
            return;
        }
        let tag = e.value().name();
        let stats = self.stats(e);
        if tag == "br" {
            buf.newline();
        } else if is_cell(tag) {
            buf.space();
            self.emit_children(*e, buf);
            buf.space();
        } else if !BLOCK_TAGS.contains(&tag) {
            self.emit_children(*e, buf);
        } else if !self.link_list(tag, stats) && !self.is_related_heading(e, stats) {
            let opening = buf.out.is_empty() && HEADING_TAGS.contains(&tag);
            buf.newline();
            self.emit_children(*e, buf);
            buf.newline();
            if opening {
                buf.first_heading = buf.out.lines().next().map(str::to_string);
            }
        }
    }

    /// A block that is mostly links: a list of other articles, a "read more" line.
    fn link_list(&self, tag: &str, stats: Stats) -> bool {
        let density = stats.link_density();
        (LIST_TAGS.contains(&tag) && density > 0.5) || density > 0.75
    }

    /// The title: the first kept `<h1>` of the region, else the heading the article
    /// opens with, else `og:title`, else the page's first kept `<h1>` that is not a
    /// link, else `<title>` without the site's name.
    fn title(&self, region: ElementRef<'a>, first_heading: Option<&str>) -> Option<String> {
        let h1 = |root: ElementRef<'a>, allow_link: bool| {
            root.descendent_elements()
                .filter(|e| e.value().name() == "h1")
                .filter(|e| !e.ancestors().any(|a| self.removed.contains(&a.id())))
                .filter(|e| !self.removed.contains(&e.id()))
                .filter(|e| allow_link || self.density(*e) < 0.5)
                .filter_map(|e| self.first_line(e))
                .find(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 5)
        };
        let first = |css: &str, read: fn(ElementRef) -> Option<String>| {
            let sel = scraper::Selector::parse(css).expect("valid selector");
            self.doc
                .select(&sel)
                .filter_map(read)
                .map(|t| collapse(&t))
                .find(|t| !t.is_empty())
        };
        let content = |e: ElementRef| e.attr("content").map(str::to_string);
        h1(region, true)
            .or_else(|| first_heading.map(str::to_string))
            .or_else(|| first("meta[property=\"og:title\" i][content]", content))
            .or_else(|| h1(self.doc.root_element(), false))
            .or_else(|| {
                let site = first("meta[property=\"og:site_name\" i][content]", content);
                first("title", |e| Some(e.text().collect()))
                    .map(|t| self.words.without_site_name(&t, site.as_deref()))
            })
    }
}

/// Text with HTML's white-space rules: runs of spaces collapse, blocks and `<br>`
/// break lines, blank lines go.
#[derive(Debug, Default)]
struct TextBuf {
    out: String,
    pending_space: bool,
    /// The text of the heading the text opens with, if it does.
    first_heading: Option<String>,
}

impl TextBuf {
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push(c);
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn newline(&mut self) {
        self.pending_space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn finish(self) -> Vec<String> {
        self.out
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        find_article(&Html::parse_document(html))
            .expect("an article")
            .body
    }

    #[test]
    fn divs_of_text_are_paragraphs_of_their_block() {
        let html = "<body><div class='menu-left'><a href='/a'>Trang chủ</a> <a href='/b'>Tin tức</a></div>\
            <div id='noi-dung'><div>Chiều 5/4, Ban Thường vụ Huyện ủy Gia Lâm họp cho ý kiến về công tác cán bộ.</div>\
            <div>Đồng chí Nguyễn Văn Hải, Bí thư Huyện ủy, chủ trì cuộc họp, các đồng chí Ủy viên Ban Thường vụ dự.</div>\
            <div><span>Ông Hải đề nghị</span> <b>hoàn thiện hồ sơ</b> trước ngày 15/4,<br>bảo đảm đúng quy trình.</div></div></body>";
        assert_eq!(
            body(html),
            "Chiều 5/4, Ban Thường vụ Huyện ủy Gia Lâm họp cho ý kiến về công tác cán bộ.\n\
             Đồng chí Nguyễn Văn Hải, Bí thư Huyện ủy, chủ trì cuộc họp, các đồng chí Ủy viên Ban Thường vụ dự.\n\
             Ông Hải đề nghị hoàn thiện hồ sơ trước ngày 15/4,\nbảo đảm đúng quy trình."
        );
    }

    #[test]
    fn hidden_blocks_and_link_lines_are_left_out() {
        let html = "<body><div class='detail'>\
            <p>Sáng 12/3, Hội đồng nhân dân quận Hoàn Kiếm khai mạc Kỳ họp thứ 14, khóa XX, nhiệm kỳ 2021-2026.</p>\
            <p style='display: none'>Bản in: Hội đồng nhân dân quận Hoàn Kiếm khai mạc Kỳ họp thứ 14</p>\
            <p><strong>Xem thêm:</strong> <a href='/x'>Hoàn Kiếm chuẩn bị kỳ họp thường lệ cuối năm 2023</a></p>\
            <p>Bà Nguyễn Thị Mai, Chủ tịch HĐND quận, điều hành kỳ họp, với các đại biểu tham dự đông đủ.</p>\
            </div></body>";
        assert_eq!(
            body(html),
            "Sáng 12/3, Hội đồng nhân dân quận Hoàn Kiếm khai mạc Kỳ họp thứ 14, khóa XX, nhiệm kỳ 2021-2026.\n\
             Bà Nguyễn Thị Mai, Chủ tịch HĐND quận, điều hành kỳ họp, với các đại biểu tham dự đông đủ."
        );
    }

    #[test]
    fn a_related_box_ends_at_the_next_text() {
        let html = "<body><div class='noidung'>\
            <p>Sáng 3/7, Đảng ủy phường Hoàn Kiếm tổ chức Hội nghị Ban Chấp hành lần thứ nhất, nhiệm kỳ 2025-2030.</p>\
            <p><strong>Tin liên quan:</strong></p>\
            <p><a href='/a'>Công bố quyết định thành lập Đảng bộ phường Hoàn Kiếm</a></p>\
            <p><a href='/b'>Phường Hoàn Kiếm ra mắt bộ máy chính quyền mới</a></p>\
            <p>Đồng chí Nguyễn Văn Hải, Bí thư Đảng ủy phường, chủ trì hội nghị, các đại biểu dự đông đủ.</p>\
            </div></body>";
        assert_eq!(
            body(html),
            "Sáng 3/7, Đảng ủy phường Hoàn Kiếm tổ chức Hội nghị Ban Chấp hành lần thứ nhất, nhiệm kỳ 2025-2030.\n\
             Đồng chí Nguyễn Văn Hải, Bí thư Đảng ủy phường, chủ trì hội nghị, các đại biểu dự đông đủ."
        );
    }

    #[test]
    fn deep_nesting_is_cut_not_overflowed() {
        let html = format!(
            "<body><div class='content'><p>Chiều 5/4, Ban Thường vụ Huyện ủy Gia Lâm họp cho ý kiến về công tác cán bộ.</p>{}Sâu</div></body>",
            "<div>".repeat(2_000)
        );
        assert_eq!(
            body(&html),
            "Chiều 5/4, Ban Thường vụ Huyện ủy Gia Lâm họp cho ý kiến về công tác cán bộ."
        );
    }

    #[test]
    fn table_cells_are_spaced_and_rows_are_lines() {
        let html = "<body><div class='content'>\
            <p>Hội nghị đã bầu Ban Thường vụ Huyện ủy Sóc Sơn khóa XXV, nhiệm kỳ 2025-2030, gồm các đồng chí sau đây.</p>\
            <table><tr><td>1</td><td>Nguyễn Văn Hải</td><td>Bí thư Huyện ủy</td></tr>\
            <tr><td>2</td><td>Trần Thị Lan</td><td>Phó Bí thư Thường trực Huyện ủy</td></tr></table></div></body>";
        assert!(
            body(html).ends_with("\n1 Nguyễn Văn Hải Bí thư Huyện ủy\n2 Trần Thị Lan Phó Bí thư Thường trực Huyện ủy"),
            "{}",
            body(html)
        );
    }
}
