//! The words that tell page furniture from article content: class and id names of
//! menus, share bars and link boxes, and the headings of "related news" boxes. They
//! are data (`data/html/page_words.txt`), so a new site's naming is a line to add.

use std::sync::OnceLock;

use cadre_text::normalize_text;

/// The word lists of `data/html/page_words.txt`, by section.
#[derive(Debug, Default)]
pub(crate) struct PageWords {
    furniture_part: Vec<String>,
    furniture_word: Vec<String>,
    unlikely_word: Vec<String>,
    content: Vec<String>,
    related_heading: Vec<String>,
    site_name_start: Vec<String>,
}

/// What the class and id names of an element say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClassVerdict {
    /// Page furniture: left out with everything inside it.
    Furniture,
    /// Likely the article or a part of it.
    Content,
    /// Unlikely to be the article (a header, a side column), but kept.
    Unlikely,
    /// Nothing either way.
    Neutral,
}

impl PageWords {
    /// The lists compiled into the binary.
    pub(crate) fn global() -> &'static PageWords {
        static WORDS: OnceLock<PageWords> = OnceLock::new();
        WORDS.get_or_init(|| PageWords::parse(include_str!("../../../data/html/page_words.txt")))
    }

    fn parse(data: &str) -> PageWords {
        let mut words = PageWords::default();
        let mut section: Option<&mut Vec<String>> = None;
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "furniture-part" => Some(&mut words.furniture_part),
                    "furniture-word" => Some(&mut words.furniture_word),
                    "unlikely-word" => Some(&mut words.unlikely_word),
                    "content" => Some(&mut words.content),
                    "related-heading" => Some(&mut words.related_heading),
                    "site-name-start" => Some(&mut words.site_name_start),
                    _ => None,
                };
                continue;
            }
            if let Some(list) = section.as_deref_mut() {
                list.push(normalize_text(line).to_lowercase());
            }
        }
        words
    }

    /// The verdict on an element's `class` and `id` attribute values.
    pub(crate) fn judge(&self, names: &[&str]) -> ClassVerdict {
        let mut squashed = Vec::new();
        let mut tokens = Vec::new();
        for name in names.iter().flat_map(|n| n.split_whitespace()) {
            squashed.push(
                name.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase(),
            );
            tokens.extend(camel_words(name));
        }
        let has_token = |list: &[String]| tokens.iter().any(|t| list.contains(t));
        if squashed
            .iter()
            .any(|s| self.furniture_part.iter().any(|w| s.contains(w.as_str())))
        {
            return ClassVerdict::Furniture;
        }
        let content = has_token(&self.content);
        if has_token(&self.furniture_word) && !content {
            ClassVerdict::Furniture
        } else if content {
            ClassVerdict::Content
        } else if has_token(&self.unlikely_word) {
            ClassVerdict::Unlikely
        } else {
            ClassVerdict::Neutral
        }
    }

    /// A page's `<title>` without the site's name after its last " - " or " | ": the
    /// `og:site_name`, or a name that starts like one ("Báo …", "Cổng thông tin …").
    pub(crate) fn without_site_name(&self, title: &str, site: Option<&str>) -> String {
        let split = [" | ", " - ", " – ", " — "]
            .iter()
            .filter_map(|sep| title.rsplit_once(sep))
            .max_by_key(|(head, _)| head.len());
        if let Some((head, tail)) = split {
            let tail = normalize_text(tail.trim()).to_lowercase();
            let named = site.is_some_and(|s| normalize_text(s.trim()).to_lowercase() == tail);
            if named
                || self
                    .site_name_start
                    .iter()
                    .any(|w| tail.starts_with(w.as_str()))
            {
                return head.trim().to_string();
            }
        }
        title.to_string()
    }

    /// Whether a short block's text (normalised, see `normalize_text`) is the heading
    /// of a "related news" box ("Tin liên quan", "Các tin khác:").
    pub(crate) fn is_related_heading(&self, text: &str) -> bool {
        let key = text
            .trim()
            .trim_end_matches([':', '»', '›', '>'])
            .trim()
            .to_lowercase();
        key.chars().count() <= 40 && self.related_heading.contains(&key)
    }
}

/// The lower-case words of a class name, split at separators and at camel-case
/// humps ("NewsBody" → "news", "body").
fn camel_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names() {
        let w = PageWords::global();
        assert_eq!(w.judge(&["box tin-lien-quan"]), ClassVerdict::Furniture);
        assert_eq!(w.judge(&["main-menu"]), ClassVerdict::Furniture);
        assert_eq!(w.judge(&["share-bar"]), ClassVerdict::Furniture);
        assert_eq!(w.judge(&["print-content"]), ClassVerdict::Content);
        assert_eq!(
            w.judge(&["detail-content", "ctl00_body"]),
            ClassVerdict::Content
        );
        assert_eq!(w.judge(&["site-header"]), ClassVerdict::Unlikely);
        assert_eq!(w.judge(&["article-header"]), ClassVerdict::Content);
        assert_eq!(w.judge(&["col-md-8"]), ClassVerdict::Neutral);
        assert_eq!(w.judge(&["relatedNews"]), ClassVerdict::Furniture);
        assert_eq!(w.judge(&["NewsBody"]), ClassVerdict::Content);
        assert_eq!(
            camel_words("ctl00_PlaceHolderMain"),
            ["ctl00", "place", "holder", "main"]
        );
    }

    #[test]
    fn related_headings() {
        let w = PageWords::global();
        assert!(w.is_related_heading(" Tin liên quan: "));
        assert!(w.is_related_heading("CÁC TIN KHÁC"));
        assert!(!w.is_related_heading("Tin liên quan đến nhân sự Đại hội"));
    }

    #[test]
    fn site_names_leave_titles() {
        let w = PageWords::global();
        assert_eq!(
            w.without_site_name(
                "Hội nghị Tỉnh ủy lần thứ 12 - Cổng thông tin điện tử tỉnh Nghệ An",
                None
            ),
            "Hội nghị Tỉnh ủy lần thứ 12"
        );
        assert_eq!(
            w.without_site_name(
                "Bầu Chủ tịch UBND huyện | Đồng Nai Online",
                Some("Đồng Nai Online")
            ),
            "Bầu Chủ tịch UBND huyện"
        );
        assert_eq!(
            w.without_site_name(
                "Đại hội Đảng bộ huyện lần thứ XXV - nhiệm kỳ 2025-2030",
                None
            ),
            "Đại hội Đảng bộ huyện lần thứ XXV - nhiệm kỳ 2025-2030"
        );
    }
}
