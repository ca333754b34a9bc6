//! Properties of `parse_page` on pages assembled from random pieces of markup and
//! text: it never panics, and what it returns is text, not markup.

use cadre_html::{parse_page, HtmlError};
use proptest::prelude::*;

/// Pieces of a page: tags of every kind the reader treats apart, furniture class
/// names, text with entities and Vietnamese.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<br>",
        "<article>",
        "</article>",
        "<div class=\"detail-content\">",
        "<div class=\"tin-lien-quan\">",
        "<nav>",
        "</nav>",
        "<ul><li><a href=\"/x\">Tin khác của huyện</a></li></ul>",
        "<h1>",
        "</h1>",
        "<h3>",
        "</h3>",
        "<table><tr><td>",
        "</td><td>",
        "</td></tr></table>",
        "<script>var a = '<p>';",
        "</script>",
        "<style>p { color: red }</style>",
        "<span style=\"display:none\">",
        "</span>",
        "<a href=\"/y\">",
        "</a>",
        "<header>",
        "</header>",
        "<footer>",
        "</footer>",
        "<time datetime=\"2024-03-12T08:00:00+07:00\">12/3</time>",
        "<meta property=\"article:published_time\" content=\"2023-13-45\">",
        "<link rel=\"canonical\" href=\"/tuong-doi\">",
        "<script type=\"application/ld+json\">{\"datePublished\": [1, {\"x\": null}]}</script>",
        "Ban Chấp hành Đảng bộ huyện Thanh Trì tổ chức Hội nghị lần thứ 15, ",
        "đồng chí Nguyễn Văn Hải, Bí thư Huyện ủy, chủ trì. ",
        "Tin liên quan",
        "Ng&agrave;y 12/3 &amp; &#7899; &#x1EDB; &bogus; &#99999999;",
        "\u{0}",
        "\u{301}",
        "\r\n",
    ])
}

/// Broken markup besides: stray brackets, open comments and attributes (which may
/// turn markup into text, as a browser shows it).
fn broken_piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        piece(),
        prop::sample::select(vec![
            "<",
            ">",
            "&",
            "<!--",
            "-->",
            "<![CDATA[",
            "<p class=\""
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pages_give_their_text_without_markup_or_furniture(pieces in prop::collection::vec(piece(), 0..80)) {
        let html: String = pieces.concat();
        match parse_page(&html) {
            Err(e) => prop_assert_eq!(e, HtmlError::NoText),
            Ok(page) => {
                prop_assert!(!page.text.contains('<') && !page.text.contains('>'), "{}", page.text);
                prop_assert!(!page.text.contains("var a"), "{}", page.text);
                prop_assert!(!page.text.contains("color: red"), "{}", page.text);
                prop_assert!(!page.text.contains("Tin khác của huyện"), "{}", page.text);
                prop_assert!(page.text.lines().all(|l| !l.is_empty() && l.trim() == l), "{:?}", page.text);
                prop_assert_eq!(page.canonical_url, None);
                if let Some(date) = &page.published {
                    prop_assert_eq!(date.as_str(), "2024-03-12");
                }
            }
        }
    }

    #[test]
    fn broken_pages_give_lines_or_a_reason(pieces in prop::collection::vec(broken_piece(), 0..80)) {
        let html: String = pieces.concat();
        match parse_page(&html) {
            Err(e) => prop_assert_eq!(e, HtmlError::NoText),
            Ok(page) => {
                prop_assert!(page.text.lines().all(|l| !l.is_empty() && l.trim() == l), "{:?}", page.text);
                prop_assert!(page.text.chars().filter(|c| c.is_alphabetic()).count() >= 20);
            }
        }
    }
}
