//! The typed records one article yields. Offsets are in Unicode scalar values
//! (characters) of the normalised article text, so that any language can slice them.

use serde::Serialize;

use crate::dating::ArticleDate;

/// Where a fact was read: the sentence and the span of the mention inside the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Index of the sentence in [`Extraction::sentences`].
    pub sentence: usize,
    /// First character of the mention in the article text.
    pub start: usize,
    /// One past the last character of the mention.
    pub end: usize,
}

/// A sentence of the article with its character span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// First character in the article text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The sentence text.
    pub text: String,
}

/// An administrative unit as resolved against the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PlaceRef {
    /// Proper name without the level word ("Thanh Trì", "Quận 8").
    pub name: String,
    /// Gazetteer code (`L01…` before the 2025 reform, `N…` after); `None` for a unit
    /// known only by its name, which several units bear ("xã Tân Lập" in an article
    /// that tells neither its district nor its province).
    pub code: Option<String>,
}

/// A body: canonical org name plus the place it belongs to (none for national ones).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct BodyRef {
    /// Canonical org ("Huyện ủy", "UBND", "Ban Tổ chức Tỉnh ủy").
    pub org: String,
    /// Kind of body (`party_committee`, `state`, …).
    pub kind: String,
    /// Place, when stated or implied by context.
    pub place: Option<PlaceRef>,
}

/// A post held by a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Canonical role ("Bí thư").
    pub role: String,
    /// The body the post is in.
    pub body: BodyRef,
    /// "nguyên …", "(cũ)", or the post of a person being replaced.
    pub former: bool,
    /// "quyền …".
    pub acting: bool,
    /// The person this holder succeeded in the post ("…, thay đồng chí X").
    pub replaces: Option<String>,
    /// Where the post was read.
    pub evidence: Evidence,
}

/// A named official.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Full name as written (normalised).
    pub name: String,
    /// Posts, one per distinct (role, body).
    pub positions: Vec<Position>,
    /// Every mention of the name.
    pub mentions: Vec<Evidence>,
}

/// A cited document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Canonical type ("Nghị quyết").
    pub doc_type: String,
    /// Canonical number ("14-NQ/QU"), when the text gives one.
    pub number: Option<String>,
    /// ISO date of the document.
    pub date: Option<String>,
    /// Issuing body, from the text or the issuer code.
    pub issuer: Option<BodyRef>,
    /// For unnumbered congress resolutions: the congress ("Đại hội XIII").
    pub of: Option<String>,
    /// Where it was cited.
    pub evidence: Evidence,
}

/// An elected term of a body (khóa, nhiệm kỳ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The organisation whose term it is (Đảng bộ, HĐND, …) and its place.
    pub body: BodyRef,
    /// Term number as an upper-case Roman numeral.
    pub khoa: Option<String>,
    /// First year of the nhiệm kỳ.
    pub start: Option<i32>,
    /// Last year of the nhiệm kỳ.
    pub end: Option<i32>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// A meeting or congress the article reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// `Hội nghị Ban Chấp hành`, `Hội nghị Ban Thường vụ`, `Đại hội`, `Kỳ họp HĐND`,
    /// or `Hội nghị`.
    pub kind: String,
    /// Ordinal (plenum number, congress number, session number).
    pub ordinal: Option<u32>,
    /// The body that convened it.
    pub body: BodyRef,
    /// ISO date.
    pub date: Option<String>,
    /// Names of those who chaired it.
    pub chairs: Vec<String>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// Article identifier (file stem or JSONL `id`).
    pub id: String,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Title: the first line of the text.
    pub title: String,
    /// Publication date (ISO), from metadata or the page's date stamp.
    pub published: Option<String>,
    /// The article's best date, with its precision and source (see
    /// [`crate::best_date`]): the publication date when known, else what the URL or
    /// the text tells. Holdings are attested on it.
    pub dated: Option<ArticleDate>,
    /// The normalised text all offsets refer to.
    pub text: String,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// The district-level unit the article is about, if any.
    pub home_district: Option<PlaceRef>,
    /// The province the article is about, if any.
    pub home_province: Option<PlaceRef>,
    /// Named officials.
    pub persons: Vec<Person>,
    /// Cited documents.
    pub documents: Vec<Document>,
    /// Terms.
    pub terms: Vec<Term>,
    /// Meetings.
    pub meetings: Vec<Meeting>,
}

impl Extraction {
    /// Calls `f` on the place of every fact's body: posts, documents' issuers, terms and
    /// meetings (not the article's home).
    pub(crate) fn fact_places_mut(&mut self, mut f: impl FnMut(&mut PlaceRef)) {
        let bodies = self
            .persons
            .iter_mut()
            .flat_map(|p| p.positions.iter_mut().map(|q| &mut q.body))
            .chain(self.documents.iter_mut().filter_map(|d| d.issuer.as_mut()))
            .chain(self.terms.iter_mut().map(|t| &mut t.body))
            .chain(self.meetings.iter_mut().map(|m| &mut m.body));
        for body in bodies {
            if let Some(place) = body.place.as_mut() {
                f(place);
            }
        }
    }
}
