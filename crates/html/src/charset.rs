//! The bytes of a saved page into text: the character set the page declares
//! (`<meta charset>` or `http-equiv="Content-Type"`) decides, as it does in a browser,
//! unless the bytes are valid UTF-8 (a page saved again as UTF-8 keeps its old
//! declaration); a page without a declaration is decoded like any input file.

use cadre_text::decode;
use encoding_rs::Encoding;

use crate::HtmlError;

/// How far into the page the declaration is looked for, as browsers do.
const SNIFF_BYTES: usize = 4096;

/// The page's text: decoded as its `<meta>` declares, or as `cadre_text::decode` does.
pub fn decode_page(bytes: &[u8]) -> Result<String, HtmlError> {
    let has_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF]);
    let label = match declared_charset(bytes) {
        Some(label) if !has_bom && std::str::from_utf8(bytes).is_err() => label,
        _ => return Ok(decode(bytes)?),
    };
    let encoding = Encoding::for_label(label.as_bytes())
        .ok_or_else(|| HtmlError::UnknownCharset(label.clone()))?;
    if encoding == encoding_rs::UTF_8
        || encoding == encoding_rs::UTF_16LE
        || encoding == encoding_rs::UTF_16BE
    {
        return Ok(decode(bytes)?);
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        return Err(HtmlError::BadBytes(label));
    }
    Ok(text.into_owned())
}

/// The character set a `<meta>` tag in the first bytes declares, lower case.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes[..bytes.len().min(SNIFF_BYTES)].to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|b| *b == b'>').unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(at) = find(tag, b"charset") {
            let value: Vec<u8> = tag[at + b"charset".len()..]
                .iter()
                .copied()
                .skip_while(|b| b.is_ascii_whitespace() || *b == b'=')
                .skip_while(|b| *b == b'"' || *b == b'\'')
                .take_while(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
                .collect();
            if !value.is_empty() {
                return Some(String::from_utf8_lossy(&value).into_owned());
            }
        }
        rest = &rest[start + end..];
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations() {
        assert_eq!(
            declared_charset(b"<html><head><META CHARSET=\"Windows-1258\"></head>").as_deref(),
            Some("windows-1258")
        );
        assert_eq!(
            declared_charset(
                b"<meta name=\"x\" content=\"y\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            )
            .as_deref(),
            Some("utf-8")
        );
        assert_eq!(declared_charset(b"<p>charset=koi8-r</p>"), None);
    }

    #[test]
    fn windows_1258_page() {
        // "Huyện ủy" with the tone marks as combining bytes (0xF2 = dot below, 0xD2 = hook).
        let bytes = b"<meta charset=\"windows-1258\"><p>Huy\xEA\xF2n u\xD2y</p>";
        let text = cadre_text::normalize_text(&decode_page(bytes).unwrap());
        assert_eq!(text, "<meta charset=\"windows-1258\"><p>Huyện ủy</p>");
    }

    #[test]
    fn utf8_bytes_win_over_a_stale_declaration() {
        let page = "<meta charset=\"windows-1258\"><p>Huyện ủy</p>";
        assert_eq!(decode_page(page.as_bytes()).unwrap(), page);
    }

    #[test]
    fn unknown_declarations_are_refused() {
        assert_eq!(
            decode_page(b"<meta charset=\"tcvn3\"><p>Huy\xD6n \xf1y</p>"),
            Err(HtmlError::UnknownCharset("tcvn3".into()))
        );
    }
}
