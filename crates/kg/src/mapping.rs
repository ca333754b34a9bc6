//! Extraction → RDF quads: what the article says in the article's named graph, the
//! gazetteer facts of the places it names and the roles it names in the reference
//! graph.
//!
//! Shared entities (persons, bodies, posts, holdings, terms, meetings, documents,
//! places) have deterministic IRIs (see [`crate::iri`]), so the union of article graphs
//! is the knowledge graph; what each article asserts, and the sentence it asserts it
//! in, stays in that article's graph. Facts point to `cadre:Evidence` nodes that carry
//! the character span of the mention (`cadre:span`, "start-end") and point to the
//! `cadre:Sentence` node that holds the sentence's index and text once.
//!
//! Nothing the graph already says is stated twice: the article that mentions a
//! person, holding or term, cites a document or reports a meeting is the named graph
//! that holds it (`GRAPH ?article { … }`), a holding's date is
//! its article's `cadre:articleDate`, and its role and body are its post's
//! (`cadre:post/cadre:role`, `cadre:post/cadre:postIn`).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use cadre_extract::{BodyRef, Evidence, Extraction, PlaceRef, Precision};
use cadre_lexicon::places::{Gazetteer, PlaceId};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::iri::{self, entity, term, RDFS_LABEL, RDF_TYPE, XSD};
use crate::persons::{self, PersonNodes};
use crate::reform;

/// Collects quads of one graph without duplicates, in insertion order.
struct Quads {
    graph: GraphName,
    quads: Vec<Quad>,
    seen: FxHashSet<Quad>,
}

impl Quads {
    fn add(&mut self, s: &str, p: &str, o: impl Into<Term>) {
        let quad = Quad::new(
            NamedNode::new_unchecked(s),
            NamedNode::new_unchecked(p),
            o.into(),
            self.graph.clone(),
        );
        if self.seen.insert(quad.clone()) {
            self.quads.push(quad);
        }
    }

    fn link(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, NamedNode::new_unchecked(o));
    }

    fn typed(&mut self, s: &str, class: &str) {
        self.link(s, RDF_TYPE, &term(class));
    }

    fn text(&mut self, s: &str, p: &str, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    fn label(&mut self, s: &str, value: &str) {
        self.add(
            s,
            RDFS_LABEL,
            Literal::new_language_tagged_literal_unchecked(value, "vi"),
        );
    }

    /// A label and its folded lookup key (`cadre:key`), which saved queries match
    /// with an index lookup instead of comparing every label.
    fn keyed_label(&mut self, s: &str, value: &str) {
        self.label(s, value);
        self.text(s, &term("key"), &cadre_text::fold_key(value));
    }

    fn literal(&mut self, s: &str, p: &str, value: &str, datatype: &str) {
        let dt = NamedNode::new_unchecked(format!("{XSD}{datatype}"));
        self.add(s, p, Literal::new_typed_literal(value, dt));
    }
}

/// The IRI tail that identifies a body of article `article`: org plus place key
/// ([`place_key`]).
fn body_key(body: &BodyRef, article: &str) -> Vec<String> {
    let mut key = vec![body.org.clone()];
    if let Some(p) = &body.place {
        key.extend(place_key(p, article));
    }
    key
}

/// The IRI tail that identifies a place: its gazetteer code; for a unit known only
/// by its name (several units bear it), the name within the article that names it,
/// since the same name in two articles may be two units.
fn place_key(place: &PlaceRef, article: &str) -> Vec<String> {
    match &place.code {
        Some(code) => vec![code.clone()],
        None => vec!["named".into(), article.into(), place.name.clone()],
    }
}

fn body_iri(body: &BodyRef, article: &str) -> String {
    let key = body_key(body, article);
    entity("body", &key.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Every quad of an article's extraction, in the article's named graph, ending with
/// its content digest (see [`with_digest`]).
pub fn article_quads(x: &Extraction) -> Vec<Quad> {
    with_digest(&x.id, mapped_quads(x))
}

/// Appends `<article> cadre:contentDigest "…"` to an article graph's quads: 16 hex
/// digits, the wrapping sum of the 64-bit FNV-1a hash of each quad's N-Quads text.
/// The sum does not depend on quad order, and one look-up then tells a store whether
/// it already holds this exact graph, so re-ingesting an unchanged article costs no
/// write.
pub fn with_digest(id: &str, mut quads: Vec<Quad>) -> Vec<Quad> {
    let sum = quads.iter().fold(0u64, |sum, q| {
        let mut h = Fnv1a(0xcbf2_9ce4_8422_2325);
        // Writing into the hasher cannot fail.
        let _ = std::fmt::Write::write_fmt(&mut h, format_args!("{q}"));
        sum.wrapping_add(h.0)
    });
    let article = iri::article(id);
    quads.push(Quad::new(
        NamedNode::new_unchecked(&article),
        NamedNode::new_unchecked(term("contentDigest")),
        Literal::new_simple_literal(format!("{sum:016x}")),
        NamedNode::new_unchecked(&article),
    ));
    quads
}

/// A 64-bit FNV-1a hasher fed through `fmt::Write`, so a quad is hashed without
/// building its text.
struct Fnv1a(u64);

impl std::fmt::Write for Fnv1a {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for b in s.bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Ok(())
    }
}

/// The quads of an article's extraction without the digest.
pub(crate) fn mapped_quads(x: &Extraction) -> Vec<Quad> {
    let article = iri::article(&x.id);
    let mut q = Quads {
        graph: NamedNode::new_unchecked(&article).into(),
        quads: Vec::new(),
        seen: FxHashSet::default(),
    };
    q.text(&article, &term("articleId"), &x.id);
    q.text(&article, &term("title"), &x.title);
    if let Some(url) = &x.url {
        q.link(&article, &term("url"), url);
    }
    if let Some(date) = &x.published {
        q.literal(&article, &term("published"), date, "date");
    }
    if let Some(d) = &x.dated {
        q.literal(
            &article,
            &term("articleDate"),
            &d.value,
            date_type(d.precision),
        );
        q.text(&article, &term("dateSource"), d.source.as_str());
    }
    let evidence = |q: &mut Quads, e: &Evidence| -> String {
        let sentence = add_sentence(q, x, e.sentence);
        let ev = entity("evidence", &[&x.id, &format!("{}-{}", e.start, e.end)]);
        q.link(&ev, &term("inSentence"), &sentence);
        q.text(&ev, &term("span"), &format!("{}-{}", e.start, e.end));
        ev
    };
    let nodes = PersonNodes::of(x);
    for p in &x.persons {
        let mut mention_evidence = Vec::new();
        for m in &p.mentions {
            mention_evidence.push(evidence(&mut q, m));
        }
        for province in nodes.provinces(&p.name) {
            let person = persons::iri(&p.name, province.as_deref());
            q.typed(&person, "Person");
            q.keyed_label(&person, &p.name);
            q.text(&person, &term("name"), &p.name);
            for ev in &mention_evidence {
                q.link(&person, &term("evidence"), ev);
            }
        }
        for (a, b) in nodes.links(&p.name) {
            let link = entity("link", &[&p.name, &a, &b]);
            let (first, second) = (
                persons::iri(&p.name, Some(&a)),
                persons::iri(&p.name, Some(&b)),
            );
            q.link(&first, &term("sameAsPerson"), &second);
            q.link(&second, &term("sameAsPerson"), &first);
            q.link(&link, &term("linksPerson"), &first);
            q.link(&link, &term("linksPerson"), &second);
            for pos in &p.positions {
                let at = nodes.holder(&p.name, &pos.body);
                if at.as_ref() == Some(&a) || at.as_ref() == Some(&b) {
                    let ev = evidence(&mut q, &pos.evidence);
                    q.link(&link, &term("evidence"), &ev);
                }
            }
        }
        for pos in &p.positions {
            let body = add_body(&mut q, &pos.body, &x.id);
            let role = entity("role", &[&pos.role]);
            let key = body_key(&pos.body, &x.id);
            let mut post_key: Vec<&str> = vec![&pos.role];
            post_key.extend(key.iter().map(String::as_str));
            let post = entity("post", &post_key);
            q.keyed_label(&post, &post_label(&pos.role, &pos.body));
            q.link(&post, &term("role"), &role);
            q.link(&post, &term("postIn"), &body);
            let province = nodes.holder(&p.name, &pos.body);
            let person = persons::iri(&p.name, province.as_deref());
            let holding = holding_iri(&p.name, province.as_deref(), &post_key);
            q.link(&holding, &term("holder"), &person);
            q.link(&holding, &term("post"), &post);
            if pos.former {
                q.literal(&holding, &term("former"), "true", "boolean");
            }
            if pos.acting {
                q.literal(&holding, &term("acting"), "true", "boolean");
            }
            if let Some(predecessor) = &pos.replaces {
                let at = nodes.holder(predecessor, &pos.body);
                let before = holding_iri(predecessor, at.as_deref(), &post_key);
                q.link(&holding, &term("replaces"), &before);
                q.link(&before, &term("replacedBy"), &holding);
            }
            let ev = evidence(&mut q, &pos.evidence);
            q.link(&holding, &term("evidence"), &ev);
        }
    }
    for t in &x.terms {
        let body = add_body(&mut q, &t.body, &x.id);
        let key = body_key(&t.body, &x.id);
        let mut term_key: Vec<&str> = key.iter().map(String::as_str).collect();
        let years = format!("{}-{}", opt(t.start), opt(t.end));
        term_key.push(t.khoa.as_deref().unwrap_or(&years));
        let node = entity("term", &term_key);
        q.typed(&node, "Term");
        q.link(&node, &term("termOf"), &body);
        let label = match &t.khoa {
            Some(k) => format!("{} khóa {k}", body_label(&t.body)),
            None => format!("{} nhiệm kỳ {years}", body_label(&t.body)),
        };
        q.label(&node, &label);
        if let Some(k) = &t.khoa {
            q.text(&node, &term("khoa"), k);
            if let Some(n) = cadre_text::parse_roman(k) {
                q.literal(&node, &term("ordinal"), &n.to_string(), "integer");
            }
        }
        if let Some(y) = t.start {
            q.literal(&node, &term("startYear"), &y.to_string(), "gYear");
        }
        if let Some(y) = t.end {
            q.literal(&node, &term("endYear"), &y.to_string(), "gYear");
        }
        let ev = evidence(&mut q, &t.evidence);
        q.link(&node, &term("evidence"), &ev);
    }
    for d in &x.documents {
        let issuer = d.issuer.as_ref().map(|b| add_body(&mut q, b, &x.id));
        let issuer_key = d
            .issuer
            .as_ref()
            .map(|b| body_key(b, &x.id))
            .unwrap_or_default();
        let mut key: Vec<&str> = vec![d.number.as_deref().unwrap_or(&x.id)];
        key.extend(issuer_key.iter().map(String::as_str));
        let node = entity("document", &key);
        q.text(&node, &term("documentType"), &d.doc_type);
        let label = match &d.number {
            Some(n) => format!("{} {n}", d.doc_type),
            None => d.doc_type.clone(),
        };
        q.label(&node, &label);
        if let Some(n) = &d.number {
            q.text(&node, &term("documentNumber"), n);
        }
        if let Some(date) = &d.date {
            q.literal(&node, &term("issuedOn"), date, "date");
        }
        if let Some(i) = issuer {
            q.link(&node, &term("issuedBy"), &i);
        }
        let ev = evidence(&mut q, &d.evidence);
        q.link(&node, &term("evidence"), &ev);
    }
    for m in &x.meetings {
        let body = add_body(&mut q, &m.body, &x.id);
        let key = body_key(&m.body, &x.id);
        let mut mkey: Vec<&str> = key.iter().map(String::as_str).collect();
        let ordinal = m.ordinal.map_or_else(|| "x".to_string(), |o| o.to_string());
        let date = m.date.clone().unwrap_or_else(|| x.id.clone());
        mkey.extend([m.kind.as_str(), ordinal.as_str(), date.as_str()]);
        let node = entity("meeting", &mkey);
        q.typed(&node, "Meeting");
        let mut label = m.kind.clone();
        if let Some(o) = m.ordinal {
            label.push_str(&format!(" lần thứ {o}"));
        }
        label.push_str(&format!(" — {}", body_label(&m.body)));
        q.label(&node, &label);
        q.text(&node, &term("meetingKind"), &m.kind);
        if let Some(o) = m.ordinal {
            q.literal(&node, &term("ordinal"), &o.to_string(), "integer");
        }
        if let Some(d) = &m.date {
            q.literal(&node, &term("date"), d, "date");
        }
        q.link(&node, &term("convenedBy"), &body);
        for chair in &m.chairs {
            let at = nodes.holder(chair, &m.body);
            q.link(
                &node,
                &term("chairedBy"),
                &persons::iri(chair, at.as_deref()),
            );
        }
        let ev = evidence(&mut q, &m.evidence);
        q.link(&node, &term("evidence"), &ev);
    }
    q.quads
}

/// Adds the node of the article's sentence `index` (its index and text; its
/// article is the graph that holds it) and returns its IRI. Evidence nodes point
/// to it, so a sentence cited by several facts stores its text once. Neither node
/// states its class: the ontology's domains of `cadre:inSentence` and
/// `cadre:sentenceText` give it, and no reader asks for it, which saves a quad per
/// node. The sentence's own offsets in the article are not stated either: readers
/// take the mention's span from the evidence node and the sentence by its index.
fn add_sentence(q: &mut Quads, x: &Extraction, index: usize) -> String {
    let node = entity("sentence", &[&x.id, &index.to_string()]);
    q.literal(&node, &term("sentenceIndex"), &index.to_string(), "integer");
    q.text(&node, &term("sentenceText"), &x.sentences[index].text);
    node
}

/// The XML Schema datatype of a date known to a day, a month or a year.
fn date_type(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "date",
        Precision::Month => "gYearMonth",
        Precision::Year => "gYear",
    }
}

/// The IRI of a holding: the holder's person key, then the post's.
fn holding_iri(name: &str, province: Option<&str>, post_key: &[&str]) -> String {
    let mut key = persons::key(name, province);
    key.extend(post_key.iter().map(|k| k.to_string()));
    entity(
        "holding",
        &key.iter().map(String::as_str).collect::<Vec<_>>(),
    )
}

fn opt(y: Option<i32>) -> String {
    y.map_or_else(|| "?".to_string(), |y| y.to_string())
}

fn body_label(body: &BodyRef) -> String {
    match &body.place {
        Some(p) => format!("{} {}", body.org, p.name),
        None => body.org.clone(),
    }
}

fn post_label(role: &str, body: &BodyRef) -> String {
    format!("{role} {}", body_label(body))
}

/// Adds a body, linked to its place, and returns the body IRI. The place's gazetteer
/// facts are not the article's: they go to the reference graph ([`reference_quads`]).
/// A body states no class: its kind (`cadre:bodyKind`) names its subclass of
/// `cadre:Body`, one for one (see the ontology), and readers match `cadre:orgName`
/// or the kind. Nor do articles, posts, holdings, person links and documents state
/// their class: the ontology's domains of `cadre:articleId`, `cadre:postIn`,
/// `cadre:holder`, `cadre:linksPerson` and `cadre:documentType` give it.
///
/// A place known only by its name is the article's own: the article graph describes
/// it (its class and label), as the gazetteer cannot.
fn add_body(q: &mut Quads, body: &BodyRef, article: &str) -> String {
    let node = body_iri(body, article);
    q.keyed_label(&node, &body_label(body));
    q.text(&node, &term("orgName"), &body.org);
    q.text(&node, &term("bodyKind"), &body.kind);
    if let Some(place) = &body.place {
        let key = place_key(place, article);
        let iri = entity("place", &key.iter().map(String::as_str).collect::<Vec<_>>());
        q.link(&node, &term("locatedIn"), &iri);
        if place.code.is_none() {
            q.typed(&iri, "Place");
            q.keyed_label(&iri, &place.name);
        }
    }
    node
}

/// A body located in a place that the 2025 reform changed, as the reference graph
/// needs it to state the body's change event and successors ([`reference_quads`]):
/// its IRI, organisation (`cadre:orgName`), kind (`cadre:bodyKind`) and place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ChangedBody {
    /// The body's IRI.
    pub node: String,
    /// Its organisation without the place ("Huyện ủy").
    pub org: String,
    /// Its kind (`cadre:bodyKind`).
    pub kind: String,
    /// The gazetteer unit it is located in (the object of its `cadre:locatedIn`).
    pub place: PlaceId,
}

/// What the reference graph describes for a set of article graphs: places and
/// roles by IRI, and the bodies of changed places.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Referenced {
    /// Places their bodies are located in (objects of `cadre:locatedIn`) and roles
    /// of their posts and holdings (objects of `cadre:role`).
    pub nodes: BTreeSet<String>,
    /// Their bodies located in a place with a 2025 change event.
    pub bodies: BTreeSet<ChangedBody>,
}

impl Referenced {
    /// Adds `node` located in `place`, with its organisation and kind, when the
    /// place has a 2025 change event.
    pub fn add_body(&mut self, node: &str, org: &str, kind: &str, place: &str) {
        let gaz = Gazetteer::global();
        let changed = place_ids()
            .get(place)
            .filter(|&&id| reform::change(gaz, id).is_some());
        if let Some(&place) = changed {
            self.bodies.insert(ChangedBody {
                node: node.to_string(),
                org: org.to_string(),
                kind: kind.to_string(),
                place,
            });
        }
    }
}

/// The reference nodes an article graph names ([`Referenced`]), whose descriptions
/// [`reference_quads`] states.
pub fn referenced(quads: &[Quad]) -> Referenced {
    let (located, role) = (term("locatedIn"), term("role"));
    let (org_name, body_kind) = (term("orgName"), term("bodyKind"));
    let mut out = Referenced::default();
    let mut literals: FxHashMap<(&str, &str), &str> = FxHashMap::default();
    for q in quads {
        let p = q.predicate.as_str();
        match &q.object {
            Term::NamedNode(n) if p == located || p == role => {
                out.nodes.insert(n.as_str().to_string());
            }
            Term::Literal(l) if p == org_name || p == body_kind => {
                if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                    literals.insert((s.as_str(), p), l.value());
                }
            }
            _ => {}
        }
    }
    for q in quads {
        if q.predicate.as_str() != located {
            continue;
        }
        let (NamedOrBlankNode::NamedNode(body), Term::NamedNode(place)) = (&q.subject, &q.object)
        else {
            continue;
        };
        let org = literals.get(&(body.as_str(), org_name.as_str()));
        let kind = literals.get(&(body.as_str(), body_kind.as_str()));
        if let (Some(org), Some(kind)) = (org, kind) {
            out.add_body(body.as_str(), org, kind, place.as_str());
        }
    }
    out
}

/// The reference graph's quads for `referenced` (as [`referenced`] gives it), in
/// order. A place comes with its ancestors, its gazetteer facts (name, code, kind,
/// validity, `partOf`, `within` itself and every ancestor) and its 2025 change
/// event with the reformed places that took it over; a role with its class, label
/// and key (`roles.tsv`); a body of a changed place with its link to that change
/// event and the same organisation of each successor place. These facts depend on
/// the gazetteer and the lexicon alone, so the store states them once, not in every
/// article that names the place, role or body. An IRI neither knows gives nothing.
pub fn reference_quads(referenced: &Referenced) -> Vec<Quad> {
    let mut q = Quads {
        graph: NamedNode::new_unchecked(iri::reference_graph()).into(),
        quads: Vec::new(),
        seen: FxHashSet::default(),
    };
    let (places, roles) = (place_ids(), role_names());
    for node in &referenced.nodes {
        if let Some(&id) = places.get(node.as_str()) {
            add_place(&mut q, id);
        } else if let Some(name) = roles.get(node.as_str()) {
            q.typed(node, "Role");
            q.keyed_label(node, name);
        }
    }
    for body in &referenced.bodies {
        add_body_change(&mut q, body);
    }
    q.quads
}

/// Every canonical role (`roles.tsv`) by its IRI, built once.
fn role_names() -> &'static FxHashMap<String, &'static str> {
    static NAMES: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        cadre_lexicon::vocab::role_names()
            .into_iter()
            .map(|name| (entity("role", &[name]), name))
            .collect()
    })
}

/// Every gazetteer place by its IRI, built once.
fn place_ids() -> &'static FxHashMap<String, PlaceId> {
    static IDS: OnceLock<FxHashMap<String, PlaceId>> = OnceLock::new();
    IDS.get_or_init(|| {
        let gaz = Gazetteer::global();
        (0..gaz.len() as PlaceId)
            .map(|id| (entity("place", &[&gaz.place(id).code]), id))
            .collect()
    })
}

/// Adds a place and its ancestors. Besides the direct `partOf` chain, the place is
/// `within` itself and every ancestor, so a query scoped to a province or district
/// reaches everything under it by one indexed pattern instead of a property path.
fn add_place(q: &mut Quads, place: PlaceId) -> String {
    let gaz = Gazetteer::global();
    let node = entity("place", &[&gaz.place(place).code]);
    let mut current = Some(place);
    let mut child = node.clone();
    while let Some(id) = current {
        let p = gaz.place(id);
        let iri = entity("place", &[&p.code]);
        if iri != child {
            q.link(&child, &term("partOf"), &iri);
        }
        q.link(&node, &term("within"), &iri);
        q.typed(&iri, "Place");
        q.keyed_label(&iri, &p.name);
        q.text(&iri, &term("placeCode"), &p.code);
        q.text(&iri, &term("placeKind"), p.kind.as_str());
        if let Some(d) = &p.valid_from {
            q.literal(&iri, &term("validFrom"), d, "date");
        }
        if let Some(d) = &p.valid_to {
            q.literal(&iri, &term("validTo"), d, "date");
        }
        add_place_change(q, &iri, id);
        child = iri;
        current = p.parent;
    }
    node
}

/// A place as a reference, for a body located in it.
fn place_ref(id: PlaceId) -> PlaceRef {
    let p = Gazetteer::global().place(id);
    PlaceRef {
        name: p.name.clone(),
        code: Some(p.code.clone()),
    }
}

/// The 2025 reform's change event of a legacy place (see [`crate::reform`]), with
/// the reformed places that took it over.
fn add_place_change(q: &mut Quads, place: &str, id: PlaceId) {
    let gaz = Gazetteer::global();
    let Some(change) = reform::change(gaz, id) else {
        return;
    };
    let event = &change.iri;
    q.typed(event, "ChangeEvent");
    let label = format!(
        "{} {} ({})",
        change.kind.label_vi(),
        gaz.place(id).name,
        reform::REFORM_DATE
    );
    q.label(event, &label);
    q.literal(event, &term("changeDate"), reform::REFORM_DATE, "date");
    q.text(event, &term("changeKind"), change.kind.as_str());
    q.link(event, &term("changeFrom"), place);
    q.link(place, &term("changedIn"), event);
    for &s in &change.successors {
        let next = add_place(q, s);
        q.link(event, &term("changeTo"), &next);
        q.link(place, &term("succeededBy"), &next);
    }
}

/// A body of a legacy place ends with it; the same organisation of each successor
/// place takes it over.
fn add_body_change(q: &mut Quads, body: &ChangedBody) {
    let Some(change) = reform::change(Gazetteer::global(), body.place) else {
        return;
    };
    q.link(&change.iri, &term("changeFrom"), &body.node);
    q.link(&body.node, &term("changedIn"), &change.iri);
    for &s in &change.successors {
        let next = add_body(
            q,
            &BodyRef {
                org: body.org.clone(),
                kind: body.kind.clone(),
                place: Some(place_ref(s)),
            },
            // A gazetteer place: its key needs no article.
            "",
        );
        q.link(&change.iri, &term("changeTo"), &next);
        q.link(&body.node, &term("succeededBy"), &next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_extract::{extract, ArticleDate, ArticleInput, DateSource};

    /// The typed objects of `predicate` in the quads, as (value, datatype IRI).
    fn typed(quads: &[Quad], predicate: &str) -> Vec<(String, String)> {
        quads
            .iter()
            .filter(|q| q.predicate.as_str() == term(predicate))
            .filter_map(|q| match &q.object {
                Term::Literal(l) => {
                    Some((l.value().to_string(), l.datatype().as_str().to_string()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_sentence_cited_by_several_facts_stores_its_text_once() {
        let x = crate::test_support::article("a-cau", "Nguyễn Văn An");
        let quads = mapped_quads(&x);
        let with = |p: &str| -> Vec<&Quad> {
            quads
                .iter()
                .filter(|q| q.predicate.as_str() == term(p))
                .collect()
        };
        let sentence = NamedNode::new_unchecked(entity("sentence", &["a-cau", "0"]));
        let texts = with("sentenceText");
        assert_eq!(texts.len(), 1);
        assert_eq!(texts[0].subject, sentence.clone().into());
        assert_eq!(
            texts[0].object,
            Literal::new_simple_literal(&x.sentences[0].text).into()
        );
        let spans = with("inSentence");
        let evidence: FxHashSet<_> = with("evidence").iter().map(|q| &q.object).collect();
        assert_eq!(spans.len(), evidence.len());
        assert!(spans.len() >= 3, "person, holding and meeting: {spans:?}");
        assert!(spans.iter().all(|q| q.object == sentence.clone().into()));
    }

    #[test]
    fn a_year_precision_date_is_a_g_year_on_the_article_that_dates_its_holdings() {
        let mut x = crate::test_support::article("a-nam", "Nguyễn Văn An");
        x.dated = Some(ArticleDate {
            value: "2020".into(),
            precision: Precision::Year,
            source: DateSource::Term,
        });
        let quads = mapped_quads(&x);
        let year = ("2020".to_string(), format!("{XSD}gYear"));
        assert_eq!(typed(&quads, "articleDate"), [year]);
        assert_eq!(
            typed(&quads, "dateSource"),
            [(
                "term".to_string(),
                "http://www.w3.org/2001/XMLSchema#string".to_string()
            )]
        );
        x.dated = Some(ArticleDate {
            value: "2024-03".into(),
            precision: Precision::Month,
            source: DateSource::Url,
        });
        assert_eq!(
            typed(&mapped_quads(&x), "articleDate"),
            [("2024-03".to_string(), format!("{XSD}gYearMonth"))]
        );
    }

    #[test]
    fn a_holding_states_its_holder_post_and_evidence_only() {
        let x = crate::test_support::article("a-giu", "Nguyễn Văn An");
        let quads = mapped_quads(&x);
        let holding = quads
            .iter()
            .find(|q| q.predicate.as_str() == term("holder"))
            .map(|q| q.subject.clone())
            .expect("a holding");
        let mut said: Vec<String> = quads
            .iter()
            .filter(|q| q.subject == holding)
            .map(|q| {
                q.predicate
                    .as_str()
                    .trim_start_matches(&term(""))
                    .to_string()
            })
            .collect();
        said.sort();
        assert_eq!(said, ["evidence", "holder", "post"]);
        let article = entity("article", &["a-giu"]);
        assert!(
            !quads.iter().any(|q| match &q.object {
                Term::NamedNode(o) => o.as_str() == article,
                _ => false,
            }),
            "the graph names the article; no fact points to it"
        );
    }

    /// (subject, predicate local name, object IRI) of the quads linking nodes.
    fn links(quads: &[Quad]) -> Vec<(String, String, String)> {
        quads
            .iter()
            .filter_map(|q| match &q.object {
                Term::NamedNode(o) => Some((
                    q.subject.to_string().trim_matches(['<', '>']).to_string(),
                    q.predicate
                        .as_str()
                        .trim_start_matches(&term(""))
                        .to_string(),
                    o.as_str().to_string(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_place_known_only_by_its_name_is_the_articles_own() {
        let text = "Ngày 5/3/2023, ông Nguyễn Văn An, Chủ tịch UBND xã Tân Lập, phát biểu.";
        let x = extract(&ArticleInput {
            id: "tan-lap",
            text,
            url: None,
            published: None,
        });
        let quads = mapped_quads(&x);
        let place = entity("place", &["named", "tan-lap", "Tân Lập"]);
        let body = entity("body", &["UBND", "named", "tan-lap", "Tân Lập"]);
        let links = links(&quads);
        assert!(
            links.contains(&(body.clone(), "locatedIn".into(), place.clone())),
            "{links:?}"
        );
        let rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
        assert!(
            links.contains(&(place.clone(), rdf_type.into(), term("Place"))),
            "{links:?}"
        );
        let label_found = quads
            .iter()
            .find(|q| {
                q.subject.to_string() == format!("<{place}>")
                    && q.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#label"
            })
            .map(|q| q.object.clone());
        let label = Literal::new_language_tagged_literal_unchecked("Tân Lập", "vi");
        assert_eq!(label_found, Some(label.into()));
        // Nothing for the reference graph: the gazetteer does not know the place.
        assert!(reference_quads(&referenced(&quads))
            .iter()
            .all(|q| q.subject.to_string() != format!("<{place}>")));
    }

    #[test]
    fn a_body_of_a_reformed_province_has_its_successor_in_the_reference_graph_only() {
        let x = extract(&ArticleInput {
            id: "hai-duong",
            text: "Ngày 5/3/2024, ông Nguyễn Văn An, Bí thư Tỉnh ủy Hải Dương, phát biểu.",
            url: None,
            published: None,
        });
        let quads = mapped_quads(&x);
        let body = entity("body", &["Tỉnh ủy", "L30"]);
        assert!(!links(&quads)
            .iter()
            .any(|(_, p, _)| p == "changedIn" || p == "succeededBy"));

        let referenced = referenced(&quads);
        assert_eq!(
            referenced.bodies.iter().collect::<Vec<_>>(),
            [&ChangedBody {
                node: body.clone(),
                org: "Tỉnh ủy".into(),
                kind: "party_committee".into(),
                place: Gazetteer::global().by_code("L30").expect("Hải Dương"),
            }]
        );
        let reference = links(&reference_quads(&referenced));
        let change = entity("change", &["L30", reform::REFORM_DATE]);
        let successor = entity("body", &["Tỉnh ủy", "N31"]);
        for (s, p, o) in [
            (&body, "changedIn", &change),
            (&change, "changeFrom", &body),
            (&change, "changeTo", &successor),
            (&body, "succeededBy", &successor),
            (&successor, "locatedIn", &entity("place", &["N31"])),
        ] {
            assert!(
                reference.contains(&(s.clone(), p.to_string(), o.clone())),
                "{s} {p} {o}"
            );
        }
    }
}
