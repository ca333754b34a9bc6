//! HTML left in article text: tags are removed (block tags become line breaks) and
//! character references (`&agrave;`, `&#7899;`, `&#x1EDB;`) are decoded, so that a
//! saved web page reads like the text a person sees.

use std::collections::HashMap;
use std::sync::OnceLock;

fn entities() -> &'static HashMap<&'static str, char> {
    static TABLE: OnceLock<HashMap<&'static str, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../../data/text/html_entities.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (name, hex) = l.split_once('\t')?;
                let c = char::from_u32(u32::from_str_radix(hex.trim(), 16).ok()?)?;
                Some((name, c))
            })
            .collect()
    })
}

/// Block-level tags whose boundaries are line breaks.
const BLOCK_TAGS: [&str; 12] = [
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
];

/// Whether the text carries HTML tags or character references.
pub fn has_markup(text: &str) -> bool {
    text.contains("</") || text.contains("<p") || text.contains("<br") || {
        let bytes = text.as_bytes();
        text.match_indices('&').any(|(i, _)| {
            let rest = &bytes[i + 1..bytes.len().min(i + 12)];
            rest.iter().position(|b| *b == b';').is_some_and(|end| {
                end > 0
                    && rest[..end]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || *b == b'#')
            })
        })
    }
}

/// Text with tags removed and character references decoded; unchanged when the text
/// has no markup. Script and style contents are dropped.
pub fn strip_markup(text: &str) -> String {
    if !has_markup(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if rest.starts_with('<') {
            let close = rest.find('>');
            let tag = close.map(|c| rest[1..c].trim_start_matches('/').to_ascii_lowercase());
            let name: String = tag
                .as_deref()
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let (Some(close), false) = (close, name.is_empty()) else {
                // A lone "<" is text.
                out.push('<');
                rest = &rest[1..];
                continue;
            };
            rest = &rest[close + 1..];
            if name == "script" || name == "style" {
                out.push(' ');
                let end_tag = format!("</{name}");
                match rest.to_ascii_lowercase().find(&end_tag) {
                    Some(end) => {
                        rest = &rest[end..];
                        let gt = rest.find('>').map_or(rest.len(), |g| g + 1);
                        rest = &rest[gt..];
                    }
                    None => rest = "",
                }
                continue;
            }
            out.push(if BLOCK_TAGS.contains(&name.as_str()) {
                '\n'
            } else {
                ' '
            });
        } else {
            let end = rest[1..].find(';').map(|e| e + 1).filter(|e| *e <= 10);
            let decoded = end.and_then(|e| decode_reference(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    entities().get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_tags() {
        let html = "<div> <p style=\"x\">Ng&agrave;y 15/9, &ocirc;ng Đo&agrave;n Dụng, Gi&aacute;m đốc</p><p>Sở N&#7897;i v&#x1EE5;</p>";
        let text = strip_markup(html);
        assert!(
            text.contains("Ngày 15/9, ông Đoàn Dụng, Giám đốc"),
            "{text}"
        );
        assert!(text.contains("\nSở Nội vụ"), "{text}");
    }

    #[test]
    fn plain_text_is_untouched() {
        let t = "Thu ngân sách đạt 8.155 tỷ đồng; R&D <3";
        assert!(!has_markup(t));
        assert_eq!(strip_markup(t), t);
    }

    #[test]
    fn scripts_are_dropped() {
        assert_eq!(
            strip_markup("a<script>var x = '&lt;';</script>b</p>").trim(),
            "a b"
        );
    }
}
