//! Fixtures shared by the unit tests of this crate.

use cadre_extract::{extract, ArticleInput, Extraction};

/// A one-sentence article in which `name`, Bí thư Huyện ủy Thanh Trì, chairs plenum 12.
pub fn article(id: &str, name: &str) -> Extraction {
    let text = format!(
        "Ngày 5/3/2024, đồng chí {name}, Bí thư Huyện ủy Thanh Trì chủ trì Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12."
    );
    extract(&ArticleInput {
        id,
        text: &text,
        url: None,
        published: None,
    })
}
