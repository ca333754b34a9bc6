//! One person written two ways in one article: a name that differs from another by a
//! single diacritic ("Nguyên Văn Hùng" beside "Nguyễn Văn Hùng") is a typo of it, and
//! the two are merged into one person after extraction.

use unicode_normalization::UnicodeNormalization;

use crate::model::Person;
use crate::persons::add_position;

/// A letter without its marks, lower case ("ễ" → 'e', "Đ" → 'd').
fn base_letter(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower == 'đ' {
        return 'd';
    }
    std::iter::once(lower).nfd().next().unwrap_or(lower)
}

/// Whether two names are one spelling apart: the same letters, case aside, but for
/// one letter that differs only in its diacritics.
pub(crate) fn one_diacritic_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a.chars().count() != b.chars().count() {
        return false;
    }
    let mut differing = a.chars().zip(b.chars()).filter(|(x, y)| x != y);
    match (differing.next(), differing.next()) {
        (Some((x, y)), None) => base_letter(x) == base_letter(y),
        _ => false,
    }
}

/// Merges the persons whose names are one diacritic apart into one, named by the
/// spelling mentioned most often, then by the one that starts with a family name
/// (`is_family_name` takes a folded word), then by the one met first. The merged
/// person keeps the place of the first of them, every mention (in text order) and
/// every post; posts that named the other spelling as the replaced holder name the
/// kept one.
pub(crate) fn merge_spelling_variants(
    persons: Vec<Person>,
    is_family_name: impl Fn(&str) -> bool,
) -> Vec<Person> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, p) in persons.iter().enumerate() {
        let group = groups.iter_mut().find(|g| {
            g.iter()
                .any(|&k| one_diacritic_apart(&persons[k].name, &p.name))
        });
        match group {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    if groups.len() == persons.len() {
        return persons;
    }
    let starts_with_family = |p: &Person| {
        p.name
            .split_whitespace()
            .next()
            .is_some_and(|w| is_family_name(&cadre_text::fold_key(w)))
    };
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut slots: Vec<Option<Person>> = persons.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let winner = *group
            .iter()
            .max_by_key(|&&k| {
                let p = slots[k].as_ref().expect("each person is in one group");
                (
                    p.mentions.len(),
                    starts_with_family(p),
                    std::cmp::Reverse(k),
                )
            })
            .expect("groups are not empty");
        let mut merged = slots[winner].take().expect("each person is in one group");
        for &k in group.iter().filter(|&&k| k != winner) {
            let other = slots[k].take().expect("each person is in one group");
            renames.push((other.name, merged.name.clone()));
            merged.mentions.extend(other.mentions);
            for pos in other.positions {
                add_position(&mut merged, pos);
            }
        }
        merged.mentions.sort_by_key(|e| (e.sentence, e.start));
        merged.mentions.dedup();
        out.push(merged);
    }
    for pos in out.iter_mut().flat_map(|p| p.positions.iter_mut()) {
        if let Some((_, kept)) = renames
            .iter()
            .find(|(old, _)| pos.replaces.as_ref() == Some(old))
        {
            pos.replaces = Some(kept.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BodyRef, Evidence, Position};

    fn person(name: &str, mentions: &[usize], roles: &[&str]) -> Person {
        let evidence = |start: usize| Evidence {
            sentence: start / 100,
            start,
            end: start + name.chars().count(),
        };
        Person {
            name: name.to_string(),
            positions: roles
                .iter()
                .map(|role| Position {
                    role: role.to_string(),
                    body: BodyRef {
                        org: "Tỉnh ủy".into(),
                        kind: "party_committee".into(),
                        place: None,
                    },
                    former: false,
                    acting: false,
                    replaces: None,
                    evidence: evidence(mentions[0]),
                })
                .collect(),
            mentions: mentions.iter().map(|&m| evidence(m)).collect(),
        }
    }

    fn family(word: &str) -> bool {
        ["nguyễn", "trần", "lê"].contains(&word)
    }

    #[test]
    fn one_diacritic_apart_only() {
        assert!(one_diacritic_apart("Nguyên Văn Hùng", "Nguyễn Văn Hùng"));
        assert!(one_diacritic_apart("Trần Thị Lan", "TRẦN THỊ LÀN"));
        assert!(!one_diacritic_apart("Nguyễn Văn Hùng", "Nguyễn Văn Hùng"));
        assert!(!one_diacritic_apart("Nguyên Văn Hưng", "Nguyễn Văn Hùng"));
        assert!(!one_diacritic_apart("Lê Văn Tám", "Lê Văn Tâm Anh"));
        assert!(!one_diacritic_apart("Lê Văn Nam", "Lê Văn Lam"));
    }

    #[test]
    fn the_typo_joins_the_frequent_spelling() {
        let persons = vec![
            person("Nguyên Văn Hùng", &[10], &["Bí thư"]),
            person("Trần Thị Lan", &[120], &["Phó Bí thư"]),
            person("Nguyễn Văn Hùng", &[230, 350], &["Chủ tịch"]),
        ];
        let merged = merge_spelling_variants(persons, family);
        let names: Vec<&str> = merged.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Nguyễn Văn Hùng", "Trần Thị Lan"]);
        let starts: Vec<usize> = merged[0].mentions.iter().map(|e| e.start).collect();
        assert_eq!(starts, vec![10, 230, 350]);
        let roles: Vec<&str> = merged[0]
            .positions
            .iter()
            .map(|p| p.role.as_str())
            .collect();
        assert_eq!(roles, vec!["Chủ tịch", "Bí thư"]);
    }

    #[test]
    fn a_tie_goes_to_the_family_name_and_replaced_holders_follow() {
        let mut successor = person("Lê Văn Tâm", &[500], &["Bí thư"]);
        successor.positions[0].replaces = Some("Nguyên Thị Hoa".into());
        let persons = vec![
            person("Nguyên Thị Hoa", &[10], &[]),
            successor,
            person("Nguyễn Thị Hoa", &[220], &[]),
        ];
        let merged = merge_spelling_variants(persons, family);
        assert_eq!(merged[0].name, "Nguyễn Thị Hoa");
        assert_eq!(
            merged[1].positions[0].replaces.as_deref(),
            Some("Nguyễn Thị Hoa")
        );
    }
}
