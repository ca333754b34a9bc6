//! Cells of CSV files meant for spreadsheet programs. Excel, LibreOffice Calc and
//! Google Sheets read a cell that starts with `=`, `+`, `-` or `@` (or a tab or
//! carriage return before one) as a formula, so a name or label taken from an article
//! or a curation file could run as one when a journalist opens the file ("CSV
//! injection"). OWASP's guidance is a leading `'`, which makes those programs show
//! the cell as text. The web crate's CSV downloads and `cadre export --format csv`
//! both use [`spreadsheet_text`], so the rule lives in one place.

use std::borrow::Cow;

/// The first characters that make a spreadsheet program read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet program shows it as text: with a leading `'` when it
/// starts with a formula character, unchanged (and not copied) otherwise. Meant for
/// text columns: a number written by the program itself, such as a negative
/// measure, would turn into text, so numeric columns are written as they are.
pub fn spreadsheet_text(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_a_quote() {
        assert_eq!(spreadsheet_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_text("+84 24"), "'+84 24");
        assert_eq!(spreadsheet_text("-1"), "'-1");
        assert_eq!(spreadsheet_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_text("\t=1+2"), "'\t=1+2");
        assert_eq!(spreadsheet_text("\r=1+2"), "'\r=1+2");
    }

    #[test]
    fn other_cells_are_borrowed_unchanged() {
        for cell in [
            "Bí thư Huyện ủy Thanh Trì",
            "https://w3id.org/cadre/id/x",
            "<[2021, 2022]>",
            "",
            " =1",
            "1=1",
        ] {
            assert!(matches!(spreadsheet_text(cell), Cow::Borrowed(c) if c == cell));
        }
    }
}
