//! IRIs: the ontology namespace and the deterministic scheme for entity IRIs.
//!
//! Entity IRIs are built from normalised keys only (never from file paths, run order
//! or counters), so the same input always yields the same graph:
//! `id/person/<name>[/<province code>]` (see [`crate::persons`]),
//! `id/link/<name>/<province>/<province>`, `id/body/<org>[/<place code>]`,
//! `id/post/<role>/<body>`, `id/holding/<person>/<post>`, `id/term/<body>/<khóa>`, `id/document/<number>/<issuer>`,
//! `id/meeting/<body>/<kind>/<ordinal>/<date>`, `id/place/<code>`, `id/article/<id>`,
//! `id/change/<legacy place code>/<date>`, `id/curation` (the curation graph) and
//! `id/curation/<action>/<node>[/<operand>]` (its rules).

use cadre_text::ascii_slug;

/// The cadre ontology namespace.
pub const ONTOLOGY: &str = "https://w3id.org/cadre/ontology#";
/// The namespace of entities.
pub const ID: &str = "https://w3id.org/cadre/id/";
/// RDF namespace.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// rdfs:label.
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
/// XSD namespace.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// An ontology term: `cadre:<local>`.
pub fn term(local: &str) -> String {
    format!("{ONTOLOGY}{local}")
}

/// An entity IRI under `id/<kind>/` from key parts, each slugged.
pub fn entity(kind: &str, parts: &[&str]) -> String {
    let mut iri = format!("{ID}{kind}");
    for part in parts {
        iri.push('/');
        let slug = ascii_slug(part);
        iri.push_str(if slug.is_empty() { "x" } else { &slug });
    }
    iri
}

/// The IRI of an article, which is also the name of its graph.
pub fn article(id: &str) -> String {
    entity("article", &[id])
}

/// Whether a user names a node by IRI (full, or short `id/…`) rather than by a
/// person's name.
pub fn is_iri(subject: &str) -> bool {
    subject.starts_with("http://") || subject.starts_with("https://") || subject.starts_with("id/")
}

/// The node a user names: an IRI as given, `id/…` under the entity namespace, or
/// else a person by name (the node of the name without a province).
pub fn node(subject: &str) -> String {
    if subject.starts_with("http://") || subject.starts_with("https://") {
        subject.to_string()
    } else if let Some(rest) = subject.strip_prefix("id/") {
        format!("{ID}{rest}")
    } else {
        entity("person", &[subject])
    }
}

/// The IRI of the reference graph: the gazetteer facts of the places the store's
/// articles name, stated once for the whole store.
pub fn reference_graph() -> String {
    format!("{ID}reference")
}

/// The kind of an entity IRI (`person`, `body`, …): its first path segment.
pub fn kind(iri: &str) -> Option<&str> {
    iri.strip_prefix(ID)?.split('/').next()
}

/// Why mentions share a node of this kind: the key its IRI is built from.
pub fn resolution_rule(kind: &str) -> &'static str {
    match kind {
        "person" => "same normalised name + same province of posts",
        "link" => "same name + same two provinces",
        "body" => "same organisation + place code",
        "role" => "same role name",
        "post" => "same role + body",
        "holding" => "same person + post",
        "term" => "same body + khóa (or term years)",
        "document" => "same document number + issuer",
        "meeting" => "same body + meeting kind + ordinal + date",
        "place" => "same gazetteer code",
        "change" => "same legacy place + date of change",
        "evidence" => "same article + character offsets",
        "sentence" => "same article + sentence index",
        "article" => "same article id",
        "curation" => "same curation rule",
        _ => "same IRI",
    }
}

/// Why mentions share the node `iri`: [`resolution_rule`] of its kind, told apart
/// for a person node without a province (`id/person/<name>`).
pub fn node_rule(iri: &str) -> &'static str {
    match iri
        .strip_prefix(ID)
        .map(|rest| rest.split('/').collect::<Vec<_>>())
    {
        Some(parts) if parts.len() == 2 && parts[0] == "person" => {
            "same normalised name, no province of posts in the article"
        }
        _ => resolution_rule(kind(iri).unwrap_or_default()),
    }
}

/// What a link between two person nodes means, for `cadre explain`.
pub const LINK_RULE: &str =
    "linked in the text: one article gives the person posts in both provinces (a transfer or concurrent posts)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_iris_are_slugged_and_stable() {
        assert_eq!(
            entity("person", &["Lê Tiến Nhật"]),
            "https://w3id.org/cadre/id/person/le-tien-nhat"
        );
        assert_eq!(
            entity("body", &["Huyện ủy", "L01-018"]),
            "https://w3id.org/cadre/id/body/huyen-uy/l01-018"
        );
        assert_eq!(term("Person"), "https://w3id.org/cadre/ontology#Person");
    }

    #[test]
    fn users_name_nodes_by_iri_short_iri_or_person_name() {
        let body = "https://w3id.org/cadre/id/body/huyen-uy/l020";
        assert_eq!(node(body), body);
        assert_eq!(node("id/body/huyen-uy/l020"), body);
        assert_eq!(
            node("Đỗ Thị Minh Hằng"),
            format!("{ID}person/do-thi-minh-hang")
        );
        assert_eq!(kind(body), Some("body"));
        assert_eq!(kind("http://example.org/x"), None);
        assert_eq!(resolution_rule("document"), "same document number + issuer");
        assert_eq!(
            node_rule(&format!("{ID}person/le-van-ba/n01")),
            "same normalised name + same province of posts"
        );
        assert_eq!(
            node_rule(&format!("{ID}person/le-van-ba")),
            "same normalised name, no province of posts in the article"
        );
    }
}
