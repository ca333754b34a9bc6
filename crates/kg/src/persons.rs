//! Which person node a name of one article is: person resolution.
//!
//! A person's IRI is a function of one article's extraction (after curation), never
//! of what else the store holds, so the store stays independent of ingest order. The
//! article *anchors* a person in the provinces of the bodies of their posts: the
//! level-1 unit above each body's place, counted in the provinces in force since the
//! 2025 reform (a legacy province stands for the reformed one that took it over), so
//! a career that crosses the reform stays one node.
//!
//! - No province (national posts only, or no place): `id/person/<name>`.
//! - One province P: `id/person/<name>/<P>`, holding every post of the article.
//! - Provinces P, Q, …: one node per province, each holding the posts of its
//!   province; national posts go to the *primary* province (that of the first
//!   current post with a place, else of the first post with a place). The article
//!   links the nodes (`cadre:sameAsPerson` both ways and a `cadre:PersonLink`
//!   statement node with the evidence): the text ties them, by a transfer
//!   ("nguyên Bí thư Tỉnh ủy A, nay là …") or concurrent posts.
//!
//! A name the article gives no posts (a predecessor "thay ông X", a chair only
//! named) takes the province of the post or meeting it is named with.

use std::collections::BTreeMap;

use cadre_extract::{BodyRef, Extraction, Person};
use cadre_lexicon::places::{Era, Gazetteer};
use cadre_text::ascii_slug;

use crate::iri::entity;

/// The code of the province (reformed era) a place lies in; `None` for a code the
/// gazetteer does not know.
pub fn province(code: &str) -> Option<String> {
    let gaz = Gazetteer::global();
    let top = gaz.province_of(gaz.by_code(code)?);
    let reformed = match gaz.place(top).era() {
        Era::Legacy => gaz.successors(top).first().copied().unwrap_or(top),
        _ => top,
    };
    Some(gaz.place(reformed).code.clone())
}

/// The province of a body's place, if it has one.
fn body_province(body: &BodyRef) -> Option<String> {
    body.place
        .as_ref()
        .and_then(|p| p.code.as_deref())
        .and_then(province)
}

/// The IRI key of a person node: the name, then the province when anchored.
pub fn key(name: &str, province: Option<&str>) -> Vec<String> {
    let mut key = vec![name.to_string()];
    key.extend(province.map(str::to_string));
    key
}

/// The IRI of a person node (see [`key`]).
pub fn iri(name: &str, province: Option<&str>) -> String {
    let key = key(name, province);
    entity(
        "person",
        &key.iter().map(String::as_str).collect::<Vec<_>>(),
    )
}

/// The name of the province a person node is anchored in (`id/person/<name>/<code>`);
/// `None` for a node without one.
pub fn province_name(node: &str) -> Option<String> {
    let rest = node.strip_prefix(crate::iri::ID)?.strip_prefix("person/")?;
    let (_, code) = rest.split_once('/')?;
    let gaz = Gazetteer::global();
    gaz.by_code(&code.to_uppercase())
        .map(|id| gaz.place(id).name.clone())
}

/// Where one article anchors one name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Anchor {
    /// The provinces of the name's posts, sorted.
    provinces: Vec<String>,
    /// The province that holds the posts without one.
    primary: Option<String>,
}

/// The anchor of a person: the provinces of their posts and the primary one.
fn anchor(person: &Person) -> Anchor {
    let placed: Vec<(bool, String)> = person
        .positions
        .iter()
        .filter_map(|pos| body_province(&pos.body).map(|p| (pos.former, p)))
        .collect();
    let primary = placed
        .iter()
        .find(|(former, _)| !former)
        .or_else(|| placed.first())
        .map(|(_, p)| p.clone());
    let mut provinces: Vec<String> = placed.into_iter().map(|(_, p)| p).collect();
    provinces.sort();
    provinces.dedup();
    Anchor { provinces, primary }
}

/// The person nodes of one article: each name (compared by its IRI slug) with the
/// provinces the article anchors it in.
#[derive(Debug, Clone, Default)]
pub struct PersonNodes {
    anchors: BTreeMap<String, Anchor>,
}

impl PersonNodes {
    /// Anchors every person of the extraction (a name listed twice joins its posts).
    pub fn of(x: &Extraction) -> Self {
        let mut anchors: BTreeMap<String, Anchor> = BTreeMap::new();
        for p in &x.persons {
            let found = anchor(p);
            let entry = anchors.entry(ascii_slug(&p.name)).or_default();
            entry.provinces.extend(found.provinces);
            entry.provinces.sort();
            entry.provinces.dedup();
            entry.primary = entry.primary.take().or(found.primary);
        }
        PersonNodes { anchors }
    }

    /// The provinces of the person nodes of `name` in the article: one `None` for an
    /// unanchored name (or one the article does not list).
    pub fn provinces(&self, name: &str) -> Vec<Option<String>> {
        match self.anchors.get(&ascii_slug(name)) {
            Some(a) if !a.provinces.is_empty() => a.provinces.iter().cloned().map(Some).collect(),
            _ => vec![None],
        }
    }

    /// The province of the node of `name` that holds a post of `body` (or chairs a
    /// meeting it convenes): the body's province when the name is anchored there,
    /// else the name's primary province; for a name without posts in the article,
    /// the body's province.
    pub fn holder(&self, name: &str, body: &BodyRef) -> Option<String> {
        let at = body_province(body);
        match self.anchors.get(&ascii_slug(name)) {
            Some(a) if at.as_ref().is_some_and(|p| a.provinces.contains(p)) => at,
            Some(a) if !a.provinces.is_empty() => a.primary.clone(),
            Some(_) => None,
            None => at,
        }
    }

    /// The pairs of provinces the article links `name` across (each pair once,
    /// sorted): every pair of its provinces.
    pub fn links(&self, name: &str) -> Vec<(String, String)> {
        let provinces = self
            .anchors
            .get(&ascii_slug(name))
            .map(|a| a.provinces.as_slice())
            .unwrap_or_default();
        let mut pairs = Vec::new();
        for (i, a) in provinces.iter().enumerate() {
            for b in &provinces[i + 1..] {
                pairs.push((a.clone(), b.clone()));
            }
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_extract::{extract, ArticleInput};

    fn nodes(text: &str) -> PersonNodes {
        PersonNodes::of(&extract(&ArticleInput {
            id: "t",
            text,
            url: None,
            published: None,
        }))
    }

    #[test]
    fn a_legacy_province_stands_for_the_reformed_one() {
        let gaz = Gazetteer::global();
        let thanh_tri = &gaz.place(gaz.find("Thanh Trì")[0]).code;
        assert_eq!(province(thanh_tri).as_deref(), Some("N01"));
        assert_eq!(province("L01").as_deref(), Some("N01"));
        assert_eq!(province("N01").as_deref(), Some("N01"));
        assert_eq!(province("nowhere"), None);
    }

    #[test]
    fn one_province_anchors_a_name_and_a_transfer_links_two() {
        let one = nodes(
            "Ngày 5/3/2024, đồng chí Nguyễn Văn Hùng, Bí thư Huyện ủy Thanh Trì chủ trì hội nghị.",
        );
        assert_eq!(one.provinces("Nguyễn Văn Hùng"), [Some("N01".to_string())]);
        assert!(one.links("Nguyễn Văn Hùng").is_empty());
        assert_eq!(one.provinces("Lê Văn Ba"), [None]);

        let moved = nodes(
            "Ngày 2/4/2024, Ban Bí thư điều động đồng chí Nguyễn Văn Hùng, Bí thư Huyện ủy Thanh Trì, giữ chức Phó Bí thư Tỉnh ủy Nghệ An.",
        );
        let provinces = moved.provinces("Nguyễn Văn Hùng");
        assert_eq!(provinces.len(), 2, "{provinces:?}");
        assert_eq!(moved.links("Nguyễn Văn Hùng").len(), 1);
    }

    #[test]
    fn a_name_without_posts_takes_the_province_of_its_statement() {
        let none = PersonNodes::default();
        let body = BodyRef {
            org: "Huyện ủy".into(),
            kind: "party_committee".into(),
            place: Some(cadre_extract::PlaceRef {
                name: "Hà Nội".into(),
                code: Some("L01".into()),
            }),
        };
        assert_eq!(none.holder("Lê Văn Ba", &body).as_deref(), Some("N01"));
        assert_eq!(
            iri("Lê Văn Ba", Some("N01")),
            format!("{}person/le-van-ba/n01", crate::iri::ID)
        );
        assert_eq!(
            iri("Lê Văn Ba", None),
            format!("{}person/le-van-ba", crate::iri::ID)
        );
    }
}
