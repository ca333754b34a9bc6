//! Saved web pages ("Save page as…, HTML only") as articles: the main text (title,
//! lead, body paragraphs, one a line; not menus, breadcrumbs, headers and footers,
//! "tin liên quan" boxes, share bars, comment forms or scripts), the canonical URL
//! and the publication date. Pure functions over the page's bytes or text; the
//! caller reads the file.

mod charset;
mod content;
mod meta;
mod words;

use cadre_text::{normalize_text, DecodeError};
use scraper::Html;
use thiserror::Error;

pub use charset::{declared_charset, decode_page};
pub use meta::iso_date;

/// What a page holds for cadre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The article's headline, when the page has one.
    pub title: Option<String>,
    /// The title, then the lead and body, one paragraph a line (normalised, see
    /// `cadre_text::normalize_text`).
    pub text: String,
    /// The canonical URL (`<link rel="canonical">`, else `og:url`), when absolute: it
    /// names the outlet, which tells the article's home place.
    pub canonical_url: Option<String>,
    /// The publication date (ISO `YYYY-MM-DD`) from the page's metadata or the
    /// article's `<time>`, in Vietnam's time zone.
    pub published: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum HtmlError {
    /// The bytes could not be decoded (see `cadre_text::decode`).
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The page declares a character set no decoder knows.
    #[error("the page declares the character set {0:?}, which cadre cannot read (convert it to UTF-8 first)")]
    UnknownCharset(String),
    /// The bytes are not valid in the character set the page declares.
    #[error("the page is not valid {0} text (is its <meta charset> right?)")]
    BadBytes(String),
    /// Elements nested deeper than any page does (parsing it would take minutes).
    #[error("elements nested over {MAX_NESTING} deep: not a saved news page")]
    TooDeep,
    /// Nothing but furniture: no block of the page reads like article text.
    #[error("no article text in the page (only menus, link lists or scripts)")]
    NoText,
}

/// Fewest letters of a page's body (besides its title) that make an article.
const MIN_BODY_LETTERS: usize = 20;

/// Reads a saved page from its bytes: decodes it (see `decode_page`), then `parse_page`.
pub fn read_page(bytes: &[u8]) -> Result<Page, HtmlError> {
    parse_page(&decode_page(bytes)?)
}

/// Deepest nesting of elements a page may have; real pages stay under a hundred,
/// and the parser's time grows with the square of the depth.
pub const MAX_NESTING: usize = 4096;

/// Reads a page's article, canonical URL and publication date from its HTML.
pub fn parse_page(html: &str) -> Result<Page, HtmlError> {
    if nesting(html) > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    let doc = Html::parse_document(&normalize_text(html));
    let article = content::find_article(&doc).ok_or(HtmlError::NoText)?;
    let letters = article.body.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_BODY_LETTERS {
        return Err(HtmlError::NoText);
    }
    let published =
        meta::published_in_head(&doc).or_else(|| meta::published_in_article(article.region));
    let text = match &article.title {
        Some(title) => format!("{title}\n{}", article.body),
        None => article.body.clone(),
    };
    Ok(Page {
        title: article.title,
        text,
        canonical_url: meta::canonical_url(&doc),
        published,
    })
}

/// Elements that have no end tag or whose end tag is usually left out: they do not
/// deepen the nesting.
const UNNESTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "tbody", "td", "th", "thead", "tr", "track", "wbr",
];

/// The deepest nesting of start tags over end tags in `html`, counted on the raw
/// text (a bound, not the parsed tree's depth).
fn nesting(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        if rest.starts_with('/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let self_closing = rest.find('>').is_some_and(|end| rest[..end].ends_with('/'));
        if !name.is_empty() && !self_closing && !UNNESTED_TAGS.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_start_over_end_tags() {
        assert_eq!(nesting("<div><p>a<br>b<div><img src=x/></div></div>"), 2);
        assert_eq!(nesting("<ul><li>a<li>b</ul><span/>"), 1);
    }

    #[test]
    fn absurd_nesting_is_refused_before_parsing() {
        let html = format!(
            "<p>Ban Chấp hành Đảng bộ huyện họp.</p>{}",
            "<div>".repeat(100_000)
        );
        assert_eq!(parse_page(&html), Err(HtmlError::TooDeep));
    }
}
