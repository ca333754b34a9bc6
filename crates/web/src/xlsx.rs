//! Excel workbooks (`.xlsx`) of tables, for the pages' downloads and the whole-graph
//! export. Every sheet has a bold header row frozen in place, an autofilter over the
//! table and columns as wide as their text (within bounds). A cell is written as a
//! string, whatever it starts with (`=`, `+`, `-`, `@` stay text, never a formula),
//! or as a number when it is a plain whole number (counts, years); a cell with a link
//! becomes a hyperlink. The same tables give the same bytes: the creation date in the
//! file's properties is fixed (as the zip entries' dates are), so a static site
//! written twice does not change.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Url, Workbook, Worksheet, XlsxError};

use crate::pages::Table;

/// The media type of an `.xlsx` file.
pub const MEDIA: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Hyperlinks Excel keeps in one worksheet; later linked cells are written as text.
const MAX_LINKS: usize = 65_530;
/// The longest text Excel takes in a cell, in characters.
const MAX_TEXT: usize = 32_767;
/// Column widths, in characters.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// Writes one sheet per `(name, table)` (the table's title is not written) and returns
/// the workbook's bytes. `link` turns a cell's `href` into a hyperlink target as
/// rust_xlsxwriter reads it (`https://…`, `file://` + a relative path,
/// `internal:'sheet'!A2`), or `None` to write the text alone.
pub fn workbook(
    sheets: &[(&str, &Table)],
    link: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    for (name, table) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(name))?;
        write_sheet(sheet, table, &bold, link)?;
    }
    book.save_to_buffer()
}

fn write_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    bold: &Format,
    link: &dyn Fn(&str) -> Option<String>,
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = table.columns.iter().map(|c| width(c)).collect();
    for (col, column) in (0u16..).zip(&table.columns) {
        sheet.write_string_with_format(0, col, clip(column), bold)?;
    }
    let mut links = 0;
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            let text = clip(&cell.text);
            if let Some(w) = widths.get_mut(usize::from(col)) {
                *w = (*w).max(width(text));
            }
            let target = cell.href.as_deref().and_then(link);
            if let Some(target) = target.filter(|_| links < MAX_LINKS) {
                match sheet.write_url_with_text(row, col, Url::new(target), text) {
                    Ok(_) => {
                        links += 1;
                        continue;
                    }
                    Err(XlsxError::MaxUrlLengthExceeded | XlsxError::UnknownUrlType(_)) => {}
                    Err(e) => return Err(e),
                }
            }
            match whole_number(text) {
                Some(n) => sheet.write_number(row, col, n)?,
                None => sheet.write_string(row, col, text)?,
            };
        }
    }
    for (col, w) in (0u16..).zip(&widths) {
        sheet.set_column_width(col, *w as f64)?;
    }
    let last_col = u16::try_from(table.columns.len().max(1) - 1).unwrap_or(u16::MAX);
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

/// A valid sheet name from a title: Excel's forbidden characters (`[]:*?/\`) become
/// spaces, leading and trailing apostrophes go, at most 31 characters; `table` when
/// nothing is left.
pub fn sheet_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let cut: String = cleaned.trim().trim_matches('\'').chars().take(31).collect();
    let cut = cut.trim().trim_matches('\'').trim();
    if cut.is_empty() {
        "table".into()
    } else {
        cut.to_string()
    }
}

/// The value of a plain whole number written as digits only (no sign, no leading zero,
/// at most 15 digits so the value is exact); `None` for anything else.
pub fn whole_number(text: &str) -> Option<f64> {
    let digits = !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit());
    let leading_zero = text.len() > 1 && text.starts_with('0');
    (digits && !leading_zero)
        .then(|| text.parse().ok())
        .flatten()
}

/// `text` cut to the longest text a cell takes.
fn clip(text: &str) -> &str {
    match text.char_indices().nth(MAX_TEXT) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// A column width for `text`, in characters.
fn width(text: &str) -> usize {
    (text.chars().count() + 2).clamp(MIN_WIDTH, MAX_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("Người giữ chức vụ"), "Người giữ chức vụ");
        assert_eq!(
            sheet_name("Sắp xếp 2025: cũ → mới"),
            "Sắp xếp 2025  cũ → mới"
        );
        assert_eq!(sheet_name("'a/b'"), "a b");
        assert_eq!(sheet_name("[]"), "table");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn only_plain_whole_numbers_are_numbers() {
        assert_eq!(whole_number("12"), Some(12.0));
        assert_eq!(whole_number("0"), Some(0.0));
        assert_eq!(whole_number("2020"), Some(2020.0));
        for text in [
            "05",
            "-1",
            "+1",
            "1.5",
            "2020-03",
            "",
            "1234567890123456",
            "=1",
        ] {
            assert_eq!(whole_number(text), None, "{text}");
        }
    }

    #[test]
    fn cells_are_clipped_to_excels_limit() {
        let long = "ạ".repeat(MAX_TEXT + 5);
        assert_eq!(clip(&long).chars().count(), MAX_TEXT);
        assert_eq!(clip("Hà Nội"), "Hà Nội");
    }

    #[test]
    fn a_workbook_is_a_zip_with_one_worksheet_per_table() {
        let table = Table {
            columns: vec!["Tên".into(), "Số".into()],
            rows: vec![vec![
                crate::pages::Cell {
                    text: "=cmd|' /C calc'!A0".into(),
                    href: Some("/person/x/".into()),
                    notes: Vec::new(),
                },
                crate::pages::Cell {
                    text: "3".into(),
                    ..Default::default()
                },
            ]],
            ..Default::default()
        };
        let link = |href: &str| Some(format!("http://127.0.0.1:7878{href}"));
        let bytes = workbook(&[("a", &table), ("b", &table)], &link).unwrap();
        assert_eq!(
            bytes,
            workbook(&[("a", &table), ("b", &table)], &link).unwrap(),
            "reproducible"
        );
        assert_eq!(&bytes[..2], b"PK");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("xl/worksheets/sheet2.xml"));
        assert!(!text.contains("xl/worksheets/sheet3.xml"));
    }
}
