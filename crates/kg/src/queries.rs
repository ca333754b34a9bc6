//! Saved queries: SPARQL files under `queries/`, embedded in the binary. Each starts
//! with `# title:` and `# params:` comment lines that `cadre query --list` shows.
//!
//! Parameters name people, posts, bodies and places as a reader writes them; they are
//! folded (`cadre_text::fold_key`) and matched against `cadre:key`, so "bí thư" finds
//! "Bí thư" and "Thành uỷ" finds "Thành ủy", by an index lookup.

use oxigraph::model::{Literal, Term};

/// A saved query.
#[derive(Debug, Clone, Copy)]
pub struct SavedQuery {
    /// Name used with `--saved`.
    pub name: &'static str,
    /// SPARQL text.
    pub sparql: &'static str,
}

impl SavedQuery {
    /// The `# title:` line.
    pub fn title(&self) -> &'static str {
        self.header("title").unwrap_or("")
    }

    /// Parameters declared on the `# params:` line (bound as variables).
    pub fn params(&self) -> Vec<&'static str> {
        self.header("params")
            .map(|p| p.split_whitespace().collect())
            .unwrap_or_default()
    }

    /// The given `(name, value)` parameters as bound variables, values folded to the
    /// form of `cadre:key`. Parameters the query does not declare are left out.
    pub fn bind(&self, params: &[(String, String)]) -> Vec<(String, Term)> {
        let declared = self.params();
        params
            .iter()
            .filter(|(k, _)| declared.contains(&k.as_str()))
            .map(|(k, v)| {
                let folded = cadre_text::fold_key(v);
                (k.clone(), Literal::new_simple_literal(folded).into())
            })
            .collect()
    }

    fn header(&self, key: &str) -> Option<&'static str> {
        self.sparql.lines().find_map(|l| {
            l.strip_prefix("# ")
                .and_then(|rest| rest.strip_prefix(key))
                .and_then(|rest| rest.strip_prefix(':'))
                .map(str::trim)
        })
    }
}

/// Every saved query.
pub const SAVED: &[SavedQuery] = &[
    SavedQuery {
        name: "person-posts",
        sparql: include_str!("../../../queries/person-posts.rq"),
    },
    SavedQuery {
        name: "post-holders",
        sparql: include_str!("../../../queries/post-holders.rq"),
    },
    SavedQuery {
        name: "meeting-chairs",
        sparql: include_str!("../../../queries/meeting-chairs.rq"),
    },
    SavedQuery {
        name: "career",
        sparql: include_str!("../../../queries/career.rq"),
    },
    SavedQuery {
        name: "co-chairs",
        sparql: include_str!("../../../queries/co-chairs.rq"),
    },
    SavedQuery {
        name: "concurrent-posts",
        sparql: include_str!("../../../queries/concurrent-posts.rq"),
    },
    SavedQuery {
        name: "transfers",
        sparql: include_str!("../../../queries/transfers.rq"),
    },
    SavedQuery {
        name: "body-documents",
        sparql: include_str!("../../../queries/body-documents.rq"),
    },
    SavedQuery {
        name: "body-terms",
        sparql: include_str!("../../../queries/body-terms.rq"),
    },
    SavedQuery {
        name: "meetings-per-year",
        sparql: include_str!("../../../queries/meetings-per-year.rq"),
    },
    SavedQuery {
        name: "claim-evidence",
        sparql: include_str!("../../../queries/claim-evidence.rq"),
    },
    SavedQuery {
        name: "higher-officials",
        sparql: include_str!("../../../queries/higher-officials.rq"),
    },
    SavedQuery {
        name: "successions",
        sparql: include_str!("../../../queries/successions.rq"),
    },
    SavedQuery {
        name: "leadership",
        sparql: include_str!("../../../queries/leadership.rq"),
    },
];

/// The saved query called `name`.
pub fn saved(name: &str) -> Option<&'static SavedQuery> {
    SAVED.iter().find(|q| q.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_saved_query_has_a_title_and_parses() {
        for q in SAVED {
            assert!(!q.title().is_empty(), "{} has no title", q.name);
            let _prepared = oxigraph::sparql::SparqlEvaluator::new()
                .parse_query(q.sparql)
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
        }
        assert_eq!(saved("person-posts").unwrap().params(), vec!["name"]);
    }

    #[test]
    fn the_leadership_roles_are_named_as_the_reference_graph_names_them() {
        // `leadership` tests roles by IRI and names them itself: each IRI it writes
        // must be the one `roles.tsv` gives the label it writes beside it.
        let text = saved("leadership").unwrap().sparql;
        let mut pairs = 0;
        for line in text.lines() {
            let Some((_, rest)) = line.split_once("IF(?r = <") else {
                continue;
            };
            let (iri, rest) = rest.split_once('>').unwrap();
            let label = rest.split('"').nth(1).unwrap();
            assert_eq!(iri, crate::iri::entity("role", &[label]), "{line}");
            assert!(
                cadre_lexicon::vocab::role_names().contains(&label),
                "{label}"
            );
            assert!(text.contains(&format!("<{iri}>,")) || text.contains(&format!("<{iri}>)")));
            pairs += 1;
        }
        assert_eq!(pairs, 3, "three tested, the fourth is the else branch");
        let last = crate::iri::entity("role", &["Phó Bí thư Thường trực"]);
        assert!(text.contains(&format!("<{last}>")));
    }

    #[test]
    fn parameters_are_folded_and_undeclared_ones_dropped() {
        let q = saved("person-posts").unwrap();
        let bound = q.bind(&[
            ("name".into(), "Nguyễn  Văn HOÀ".into()),
            ("other".into(), "x".into()),
        ]);
        assert_eq!(bound.len(), 1);
        assert_eq!(bound[0].0, "name");
        assert_eq!(
            bound[0].1,
            Term::from(Literal::new_simple_literal("nguyễn văn hòa"))
        );
    }
}
