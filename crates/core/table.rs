//! Plain aligned tables for the terminal.

use oxigraph::model::Term;

/// The display text of a term: literal values as written, IRIs as `<…>`-less strings.
pub fn cell(term: &Option<Term>) -> String {
    match term {
        None => String::new(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
    }
}

/// Renders rows under a header, columns padded to their widest cell (in characters),
/// long cells cut at `max_width` characters with "…".
pub fn render(header: &[String], rows: &[Vec<String>], max_width: usize) -> String {
    let cut = |s: &str| -> String {
        let one_line = s.replace('\n', " ");
        if one_line.chars().count() > max_width {
            let mut t: String = one_line.chars().take(max_width.saturating_sub(1)).collect();
            t.push('…');
            t
        } else {
            one_line
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    let mut out = line(header);
    out.push('\n');
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    out.push('\n');
    for r in &rows {
        out.push_str(&line(r));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_characters() {
        let t = render(
            &["a".into(), "b".into()],
            &[vec!["Bí thư".into(), "x".into()]],
            40,
        );
        assert_eq!(t, "a       b\n------  -\nBí thư  x\n");
    }
}
