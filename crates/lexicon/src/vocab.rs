//! The political vocabulary: post titles, bodies, party boards, departments, document
//! types, issuer codes and family names, parsed once from the TSV files in
//! `data/lexicon/`.

use std::collections::HashSet;
use std::sync::OnceLock;

use cadre_text::fold_key;

use crate::phrases::{split_words, PhraseTable};

/// Administrative level at which a body sits, used to fill an implied place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyLevel {
    /// A province or centrally-run city (Tỉnh ủy, Đoàn ĐBQH).
    Province,
    /// A Thành ủy: a centrally-run city, or a provincial city at district level.
    City,
    /// A rural or urban district or town (Huyện ủy, Quận ủy, Thị ủy).
    District,
    /// A commune, ward or township (Đảng ủy xã).
    Commune,
    /// A national body (Bộ Chính trị, Quốc hội): never has a place.
    National,
    /// Taken from the level word that follows ("UBND huyện", "HĐND tỉnh").
    Any,
}

impl BodyLevel {
    fn parse(s: &str) -> Self {
        match s {
            "province" => Self::Province,
            "city" => Self::City,
            "district" => Self::District,
            "commune" => Self::Commune,
            "national" => Self::National,
            _ => Self::Any,
        }
    }
}

/// What kind of body an org is; the store types bodies by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyKind {
    /// Tỉnh ủy, Huyện ủy, … — the executive committee of a party organisation.
    PartyCommittee,
    /// Đảng bộ — the party organisation as a whole (terms, congresses).
    PartyOrganisation,
    /// A board or office of a party committee (Ban Tổ chức Tỉnh ủy).
    PartyBoard,
    /// UBND, HĐND.
    State,
    /// The Fatherland Front committee.
    Front,
    /// Central bodies: Bộ Chính trị, Quốc hội, Chính phủ, …
    National,
    /// A province's delegation to the National Assembly.
    Delegation,
    /// A provincial department (Sở).
    Department,
    /// Mass organisations (women's union, farmers' association, youth union, …).
    MassOrganisation,
    /// Any other body, named as written in the text.
    Other,
}

impl BodyKind {
    fn parse(s: &str) -> Self {
        match s {
            "party_committee" => Self::PartyCommittee,
            "party_org" => Self::PartyOrganisation,
            "board" => Self::PartyBoard,
            "state" => Self::State,
            "front" => Self::Front,
            "national" => Self::National,
            "delegation" => Self::Delegation,
            "department" => Self::Department,
            "mass_org" => Self::MassOrganisation,
            _ => Self::Other,
        }
    }

    /// A stable lower-case name, used in IRIs and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PartyCommittee => "party_committee",
            Self::PartyOrganisation => "party_org",
            Self::PartyBoard => "board",
            Self::State => "state",
            Self::Front => "front",
            Self::National => "national",
            Self::Delegation => "delegation",
            Self::Department => "department",
            Self::MassOrganisation => "mass_org",
            Self::Other => "other",
        }
    }
}

/// A post title: the canonical role, and the body it implies when the title fuses
/// role and body.
#[derive(Debug, Clone)]
pub struct RoleEntry {
    /// Canonical role ("Phó Bí thư Thường trực").
    pub role: String,
    /// Canonical org implied by the title itself ("Thành ủy" for "Thành ủy viên").
    pub implied_org: Option<String>,
}

/// A body as written after a post title.
#[derive(Debug, Clone)]
pub struct BodyEntry {
    /// Canonical org ("UBND", "Huyện ủy").
    pub org: String,
    /// Kind of body.
    pub kind: BodyKind,
    /// Level at which it sits.
    pub level: BodyLevel,
    /// The org a term of this body records (FORMAT.md's term orgs: "Hội Liên hiệp
    /// Phụ nữ" for "Hội LHPN", "Đoàn TNCS Hồ Chí Minh" for a "Tỉnh đoàn"); the org
    /// itself unless the fifth column says otherwise.
    pub term_org: String,
}

/// A document type: canonical name and the abbreviation used in numbers.
#[derive(Debug, Clone)]
pub struct DocTypeEntry {
    /// Canonical type ("Nghị quyết").
    pub doc_type: String,
    /// Abbreviation in numbers ("NQ").
    pub code: String,
}

/// An issuer code of a document number ("HU" → Huyện ủy, district level).
#[derive(Debug, Clone)]
pub struct IssuerEntry {
    /// Upper-case code as written after the slash.
    pub code: String,
    /// Canonical issuing org.
    pub org: String,
    /// Level of the issuing body.
    pub level: BodyLevel,
}

/// A term of a national body, whose khóa number means the same years in every article
/// (from `data/lexicon/national_terms.tsv`).
#[derive(Debug, Clone)]
pub struct NationalTerm {
    /// The body: `Quốc hội` or `Ban Chấp hành Trung ương`.
    pub org: String,
    /// The khóa number.
    pub khoa: u32,
    /// First year of the term.
    pub start: i32,
    /// Last year of the term.
    pub end: i32,
}

/// Cue phrases that the extraction rules read (from `data/lexicon/cues.tsv`).
#[derive(Debug, Default)]
pub struct Cues {
    /// Honorifics before an official's name ("đồng chí").
    pub honorific: PhraseTable<()>,
    /// Familiar honorifics ("anh", "chị", as the youth union names its officials):
    /// honorifics only when written lower-case, since "Anh" also ends names of places
    /// and people ("huyện Kỳ Anh Nguyễn Văn A").
    pub familiar: PhraseTable<()>,
    /// "nguyên": the post is a former one.
    pub former: PhraseTable<()>,
    /// "quyền": the post is held in an acting capacity.
    pub acting: PhraseTable<()>,
    /// "tân": the post is newly taken; it changes nothing of the post itself.
    pub new: PhraseTable<()>,
    /// Words before a title that make it shared by several holders ("các", "ba").
    pub plural: PhraseTable<()>,
    /// Words after a title that open the list of its holders ("gồm", "đối với").
    pub list: PhraseTable<()>,
    /// Verbs that make the persons before them chairs ("chủ trì").
    pub chair: PhraseTable<()>,
    /// Verbs that report a meeting as held ("tổ chức", "khai mạc").
    pub report: PhraseTable<()>,
    /// Words before a meeting name that make it a citation ("Nghị quyết Đại hội").
    pub cited: PhraseTable<()>,
    /// Appointment verbs whose following posts go to the subject ("giữ chức").
    pub assign: PhraseTable<()>,
    /// "thay", "thay thế": the person after it held the posts before.
    pub replace: PhraseTable<()>,
    /// What a person leaving a post does ("chuyển công tác", "nghỉ hưu"): "… giữ chức
    /// X, sau khi ông Y nghỉ hưu" says Y held X before.
    pub departure: PhraseTable<()>,
    /// Words right before a meeting that take part in it ("dự", "chủ trì", "tại").
    pub attend: PhraseTable<()>,
    /// Light words (tense, aspect) that may stand between a pronoun subject and its
    /// verb ("ông từng giữ …").
    pub light: PhraseTable<()>,
    /// Words after which a place name is already read with its level or committee
    /// ("huyện", "ủy"): a name after them is not a bare mention.
    pub placed: PhraseTable<()>,
    /// Words before a national mass organisation that name its central committee and
    /// are left out of the body ("Trung ương Hội Nông dân Việt Nam").
    pub central_of: PhraseTable<()>,
    /// Party bodies inside a national mass organisation, kept in the body's name
    /// ("Đảng đoàn Hội Nông dân Việt Nam").
    pub party_of: PhraseTable<()>,
    /// Words before the body a transferred official goes to work in ("đến nhận công
    /// tác tại Sở Tư pháp và bổ nhiệm giữ chức Phó Giám đốc"): a bare title after it
    /// is a post of that body.
    pub workplace: PhraseTable<()>,
    /// Lower-case words of a body's or unit's name that may stand inside a meeting's
    /// name before its number ("tỉnh", "chấp hành", "mở rộng"): any other word there
    /// means the number belongs to something else.
    pub meeting_name: PhraseTable<()>,
}

/// All vocabulary tables.
#[derive(Debug)]
pub struct Vocabulary {
    /// Post titles.
    pub roles: PhraseTable<RoleEntry>,
    /// Bodies.
    pub bodies: PhraseTable<BodyEntry>,
    /// Party boards, followed in text by their committee.
    pub boards: PhraseTable<String>,
    /// Provincial departments.
    pub departments: PhraseTable<String>,
    /// Document types.
    pub doc_types: PhraseTable<DocTypeEntry>,
    /// Document-type abbreviations → canonical type (upper-cased key).
    pub doc_codes: Vec<DocTypeEntry>,
    /// Issuer codes (a code may have several entries: TU is Tỉnh ủy or Thành ủy).
    pub issuers: Vec<IssuerEntry>,
    /// Cue phrases.
    pub cues: Cues,
    /// Terms of the National Assembly and the Central Committee.
    pub national_terms: Vec<NationalTerm>,
    /// Words that make a following person-like name the name of a thing.
    pub name_blockers: PhraseTable<()>,
    /// Words that start a body's name read as written.
    pub org_heads: PhraseTable<()>,
    /// Heads of units inside a department or ministry ("Phòng", "Vụ"): their name
    /// takes the parent written after a comma ("Phòng Giá, Sở Tài chính").
    pub unit_heads: PhraseTable<()>,
    /// Heads of the departments and ministries such a unit belongs to ("Sở", "Bộ").
    pub parent_heads: PhraseTable<()>,
    /// Words that end a body's name read as written.
    pub org_stops: HashSet<String>,
    /// "trung ương" and its abbreviations ("TW", "T.Ư"): after a party board it makes
    /// the board a central one ("Ban Tổ chức T.Ư").
    pub central: PhraseTable<()>,
    family_names: HashSet<String>,
}

impl Vocabulary {
    /// The vocabulary, parsed on first use.
    pub fn global() -> &'static Vocabulary {
        static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
        VOCAB.get_or_init(Vocabulary::load)
    }

    fn load() -> Self {
        let abbreviations = abbreviations(include_str!("../../../data/lexicon/abbreviations.tsv"));
        let mut roles = PhraseTable::default();
        for cols in rows(ROLES_TSV) {
            let implied_org = cols.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string());
            let entry = RoleEntry {
                role: cols[1].to_string(),
                implied_org,
            };
            insert_abbreviated(&mut roles, &abbreviations, cols[0], &entry);
        }
        let mut bodies = PhraseTable::default();
        for cols in rows(include_str!("../../../data/lexicon/bodies.tsv")) {
            let entry = BodyEntry {
                org: cols[1].to_string(),
                kind: BodyKind::parse(cols[2]),
                level: BodyLevel::parse(cols[3]),
                term_org: cols.get(4).unwrap_or(&cols[1]).to_string(),
            };
            insert_abbreviated(&mut bodies, &abbreviations, cols[0], &entry);
        }
        let mut boards = PhraseTable::default();
        for cols in rows(include_str!("../../../data/lexicon/boards.tsv")) {
            insert_abbreviated(&mut boards, &abbreviations, cols[0], &cols[1].to_string());
        }
        let mut departments = PhraseTable::default();
        for cols in rows(include_str!("../../../data/lexicon/departments.tsv")) {
            insert_abbreviated(
                &mut departments,
                &abbreviations,
                cols[0],
                &cols[1].to_string(),
            );
        }
        let mut central = PhraseTable::default();
        insert_abbreviated(&mut central, &abbreviations, "trung ương", &());
        let mut doc_types = PhraseTable::default();
        let mut doc_codes = Vec::new();
        for cols in rows(include_str!("../../../data/lexicon/document_types.tsv")) {
            let entry = DocTypeEntry {
                doc_type: cols[1].to_string(),
                code: cols[2].to_string(),
            };
            doc_types.insert(cols[0], entry.clone());
            doc_codes.push(entry);
        }
        let issuers = rows(include_str!("../../../data/lexicon/issuers.tsv"))
            .map(|cols| IssuerEntry {
                code: cols[0].to_string(),
                org: cols[1].to_string(),
                level: BodyLevel::parse(cols[2]),
            })
            .collect();
        let mut cues = Cues::default();
        for cols in rows(include_str!("../../../data/lexicon/cues.tsv")) {
            let table = match cols[0] {
                "honorific" => &mut cues.honorific,
                "familiar" => &mut cues.familiar,
                "former" => &mut cues.former,
                "acting" => &mut cues.acting,
                "chair" => &mut cues.chair,
                "report" => &mut cues.report,
                "assign" => &mut cues.assign,
                "replace" => &mut cues.replace,
                "departure" => &mut cues.departure,
                "attend" => &mut cues.attend,
                "light" => &mut cues.light,
                "placed" => &mut cues.placed,
                "new" => &mut cues.new,
                "plural" => &mut cues.plural,
                "list" => &mut cues.list,
                "cited" => &mut cues.cited,
                "central_of" => &mut cues.central_of,
                "party_of" => &mut cues.party_of,
                "workplace" => &mut cues.workplace,
                "meeting_name" => &mut cues.meeting_name,
                other => panic!("cues.tsv: unknown kind {other}"),
            };
            table.insert(cols[1], ());
        }
        let national_terms = rows(include_str!("../../../data/lexicon/national_terms.tsv"))
            .map(|cols| NationalTerm {
                org: cols[0].to_string(),
                khoa: cols[1].parse().expect("national_terms.tsv: khóa"),
                start: cols[2].parse().expect("national_terms.tsv: first year"),
                end: cols[3].parse().expect("national_terms.tsv: last year"),
            })
            .collect();
        let mut name_blockers = PhraseTable::default();
        for line in include_str!("../../../data/lexicon/name_blockers.tsv").lines() {
            if !line.trim().is_empty() && !line.starts_with('#') {
                name_blockers.insert(line, ());
            }
        }
        let mut org_heads = PhraseTable::default();
        let mut unit_heads = PhraseTable::default();
        let mut parent_heads = PhraseTable::default();
        let mut org_stops = HashSet::new();
        for cols in rows(include_str!("../../../data/lexicon/org_heads.tsv")) {
            match cols[0] {
                "head" => org_heads.insert(cols[1], ()),
                "unit" => {
                    org_heads.insert(cols[1], ());
                    unit_heads.insert(cols[1], ());
                }
                "parent" => {
                    org_heads.insert(cols[1], ());
                    parent_heads.insert(cols[1], ());
                }
                "stop" => {
                    org_stops.insert(fold_key(cols[1]));
                }
                other => panic!("org_heads.tsv: unknown kind {other:?}"),
            }
        }
        let family_names = include_str!("../../../data/lexicon/family_names.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(fold_key)
            .collect();
        Vocabulary {
            roles,
            bodies,
            boards,
            departments,
            doc_types,
            doc_codes,
            issuers,
            cues,
            national_terms,
            name_blockers,
            org_heads,
            unit_heads,
            parent_heads,
            org_stops,
            central,
            family_names,
        }
    }

    /// Whether a folded word is a known family name, or the "H'" that opens the names of
    /// Ê Đê and Jrai women ("H'Hen Niê"), which stands where a family name would.
    pub fn is_family_name(&self, folded_word: &str) -> bool {
        self.family_names.contains(folded_word)
            || folded_word.strip_prefix("h'").is_some_and(|rest| {
                rest.chars().count() >= 2 && rest.chars().all(char::is_alphabetic)
            })
    }

    /// The document type whose number abbreviation is `code` ("NQ", "QĐ"), compared
    /// case-insensitively.
    pub fn doc_type_by_code(&self, code: &str) -> Option<&DocTypeEntry> {
        let key = fold_key(code);
        self.doc_codes.iter().find(|d| fold_key(&d.code) == key)
    }

    /// Whether folded text contains a document type word ("nghị quyết", "quyết định").
    pub fn doc_types_in(&self, folded: &str) -> bool {
        let words = crate::phrases::split_words(folded);
        (0..words.len()).any(|i| self.doc_types.longest_at(&words[i..]).is_some())
    }

    /// The issuer entries for a code ("HU", "TU").
    pub fn issuers_by_code(&self, code: &str) -> impl Iterator<Item = &IssuerEntry> {
        let key = fold_key(code);
        self.issuers
            .iter()
            .filter(move |i| fold_key(&i.code) == key)
    }
}

/// An abbreviation: the folded words of the long form and of one short form.
type Abbreviation = (Vec<String>, Vec<String>);

/// The abbreviations of `data/lexicon/abbreviations.tsv` (long form, short form).
fn abbreviations(text: &str) -> Vec<Abbreviation> {
    rows(text)
        .map(|cols| {
            (
                split_words(&fold_key(cols[0])),
                split_words(&fold_key(cols[1])),
            )
        })
        .collect()
}

/// Inserts a phrase and every spelling of it with long forms replaced by their
/// abbreviations.
fn insert_abbreviated<T: Clone>(
    table: &mut PhraseTable<T>,
    abbreviations: &[Abbreviation],
    phrase: &str,
    payload: &T,
) {
    for spelling in abbreviated(&split_words(&fold_key(phrase)), abbreviations) {
        table.insert(&spelling.join(" "), payload.clone());
    }
}

/// Every spelling of a phrase (folded words) in which each long form may be written
/// as any of its short forms; the phrase as given comes first.
fn abbreviated(words: &[String], abbreviations: &[Abbreviation]) -> Vec<Vec<String>> {
    let Some(first) = words.first() else {
        return vec![Vec::new()];
    };
    let mut out: Vec<Vec<String>> = abbreviated(&words[1..], abbreviations)
        .into_iter()
        .map(|rest| std::iter::once(first.clone()).chain(rest).collect())
        .collect();
    for (long, short) in abbreviations {
        if words.starts_with(long) {
            for rest in abbreviated(&words[long.len()..], abbreviations) {
                out.push(short.iter().cloned().chain(rest).collect());
            }
        }
    }
    out
}

/// The roles table (`roles.tsv`): a post title as written → its canonical role.
pub const ROLES_TSV: &str = include_str!("../../../data/lexicon/roles.tsv");

/// The canonical roles of [`ROLES_TSV`] (its second column), distinct, in file
/// order: every role an extraction can name, so a role node's IRI tells its name.
pub fn role_names() -> Vec<&'static str> {
    let mut seen = HashSet::new();
    rows(ROLES_TSV)
        .map(|cols| cols[1])
        .filter(|role| seen.insert(*role))
        .collect()
}

/// Data rows of a TSV lexicon file: comments and blank lines skipped, cells trimmed.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
        .filter(|cols| cols.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_are_the_distinct_canonical_roles() {
        let names = role_names();
        assert_eq!(names[0], "Tổng Bí thư");
        assert_eq!(names.iter().filter(|r| **r == "Thủ tướng").count(), 1);
        assert!(names.contains(&"Ủy viên Ban Thường vụ"));
    }

    #[test]
    fn fused_title_implies_its_body() {
        let v = Vocabulary::global();
        let keys = split_words(&fold_key("Thành uỷ viên, Bí thư"));
        let (len, entry) = v.roles.longest_at(&keys).unwrap();
        assert_eq!(len, 3);
        assert_eq!(entry.role, "Ủy viên Ban Chấp hành");
        assert_eq!(entry.implied_org.as_deref(), Some("Thành ủy"));
    }

    #[test]
    fn long_forms_are_also_read_abbreviated() {
        let abbreviations = abbreviations("trung ương\ttw\ntrung ương\tt.ư\nủy viên\tuv\n");
        let spellings: Vec<String> =
            abbreviated(&split_words("ủy viên trung ương đảng"), &abbreviations)
                .iter()
                .map(|w| w.join(" "))
                .collect();
        assert_eq!(
            spellings,
            vec![
                "ủy viên trung ương đảng",
                "ủy viên tw đảng",
                "ủy viên t . ư đảng",
                "uv trung ương đảng",
                "uv tw đảng",
                "uv t . ư đảng",
            ]
        );
    }

    #[test]
    fn abbreviated_titles_and_bodies() {
        let v = Vocabulary::global();
        let role = |text: &str| {
            let keys = split_words(&fold_key(text));
            v.roles
                .longest_at(&keys)
                .map(|(len, e)| (len, e.role.clone(), e.implied_org.clone()))
        };
        let central = Some("Ban Chấp hành Trung ương".to_string());
        let member = "Ủy viên Ban Chấp hành Trung ương".to_string();
        assert_eq!(
            role("UV BCH TW Đảng,"),
            Some((4, member.clone(), central.clone()))
        );
        assert_eq!(
            role("ủy viên BCH TƯ Đảng"),
            Some((5, member.clone(), central.clone()))
        );
        assert_eq!(
            role("UVT.Ư Đảng"),
            Some((4, member.clone(), central.clone()))
        );
        assert_eq!(role("UVTW, Bí thư"), Some((1, member, central)));
        let standing = "Ủy viên Ban Thường vụ".to_string();
        assert_eq!(role("UV.BTV Huyện ủy"), Some((3, standing.clone(), None)));
        assert_eq!(
            role("Ủy viên BTV Tỉnh ủy"),
            Some((3, standing.clone(), None))
        );
        assert_eq!(role("UVTV, Phó"), Some((1, standing.clone(), None)));
        assert_eq!(role("UVTVTU"), Some((1, standing, Some("Tỉnh ủy".into()))));
        let body = |text: &str| {
            let keys = split_words(&fold_key(text));
            v.bodies
                .longest_at(&keys)
                .map(|(len, e)| (len, e.org.clone()))
        };
        assert_eq!(body("UBMTTQ VN tỉnh"), Some((2, "UBMTTQ".into())));
        assert_eq!(body("Ủy ban MTTQ Việt Nam"), Some((5, "UBMTTQ".into())));
        assert_eq!(
            body("BCH TW Đảng"),
            Some((3, "Ban Chấp hành Trung ương".into()))
        );
        assert_eq!(
            body("UBKTTW"),
            Some((1, "Ủy ban Kiểm tra Trung ương".into()))
        );
        let dept = |text: &str| {
            let keys = split_words(&fold_key(text));
            v.departments
                .longest_at(&keys)
                .map(|(len, d)| (len, d.clone()))
        };
        assert_eq!(dept("Sở GD-ĐT tỉnh"), Some((4, "Sở GD-ĐT".into())));
        assert_eq!(dept("Sở VH-TT-DL"), Some((6, "Sở VH-TT-DL".into())));
        assert_eq!(
            v.central
                .longest_at(&split_words("t.ư đảng"))
                .map(|(l, _)| l),
            Some(3)
        );
    }

    #[test]
    fn standing_deputy_is_longer_than_deputy() {
        let v = Vocabulary::global();
        let keys = split_words("phó bí thư thường trực huyện ủy");
        assert_eq!(
            v.roles.longest_at(&keys).unwrap().1.role,
            "Phó Bí thư Thường trực"
        );
    }

    #[test]
    fn bodies_have_kind_and_level() {
        let v = Vocabulary::global();
        let keys = split_words("ủy ban nhân dân huyện");
        let (len, body) = v.bodies.longest_at(&keys).unwrap();
        assert_eq!((len, body.org.as_str()), (4, "UBND"));
        assert_eq!(body.level, BodyLevel::Any);
        assert_eq!(body.kind, BodyKind::State);
    }

    #[test]
    fn family_names_and_codes() {
        let v = Vocabulary::global();
        assert!(v.is_family_name("nguyễn"));
        assert!(!v.is_family_name("thanh"));
        assert!(v.is_family_name("tòng") && v.is_family_name("chá"));
        assert!(v.is_family_name("h'hen") && !v.is_family_name("h'") && !v.is_family_name("h'1"));
        assert_eq!(v.doc_type_by_code("nq").unwrap().doc_type, "Nghị quyết");
        assert_eq!(v.doc_type_by_code("QĐ").unwrap().doc_type, "Quyết định");
        let tu: Vec<_> = v.issuers_by_code("TU").map(|i| i.org.as_str()).collect();
        assert_eq!(tu, vec!["Tỉnh ủy", "Thành ủy"]);
    }
}
