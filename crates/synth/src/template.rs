//! The template language of `data/synth/templates.txt`: sections of one-line
//! templates with `{placeholders}`, level/era filters, and the cast of officials.
//!
//! The file is embedded with `include_str!` and parsed once; every placeholder and
//! section reference is resolved at parse time, so generation never looks up names.

use std::collections::HashMap;
use std::sync::OnceLock;

use thiserror::Error;

use crate::world::Tier;

/// The embedded template file.
const TEMPLATES: &str = include_str!("../../../data/synth/templates.txt");

/// A problem in the template file, with its 1-based line.
#[derive(Debug, Error, PartialEq, Eq)]
pub(crate) enum TemplateError {
    /// A template before the first `[section]` line.
    #[error("line {line}: template before the first [section]")]
    OutsideSection { line: usize },
    /// A `{` without its `}`.
    #[error("line {line}: unclosed placeholder")]
    Unclosed { line: usize },
    /// A placeholder the generator does not know.
    #[error("line {line}: unknown placeholder {{{name}}}")]
    UnknownPlaceholder { line: usize, name: String },
    /// `{@name}` naming no section.
    #[error("line {line}: unknown section {name:?}")]
    UnknownSection { line: usize, name: String },
    /// A `?filter` with letters other than p, d, c, l, r.
    #[error("line {line}: bad filter {filter:?}")]
    BadFilter { line: usize, filter: String },
    /// A `[cast]` line not of the form `key = post ; post`.
    #[error("line {line}: a cast line reads `key = post ; post …`")]
    BadCast { line: usize },
    /// A section the generator needs is absent or has no template.
    #[error("section [{0}] is missing or empty")]
    MissingSection(&'static str),
}

/// Which levels and eras a template applies to (empty masks allow all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Filter {
    levels: u8,
    eras: u8,
}

impl Filter {
    fn parse(letters: &str) -> Option<Filter> {
        let mut f = Filter::default();
        for c in letters.chars() {
            match c {
                'p' => f.levels |= 1,
                'd' => f.levels |= 2,
                'c' => f.levels |= 4,
                'l' => f.eras |= 1,
                'r' => f.eras |= 2,
                _ => return None,
            }
        }
        Some(f)
    }

    /// Whether a unit of this tier and era may use the template.
    pub(crate) fn allows(self, tier: Tier, reformed: bool) -> bool {
        let level = match tier {
            Tier::Province => 1,
            Tier::District => 2,
            Tier::Commune => 4,
        };
        let era = if reformed { 2 } else { 1 };
        (self.levels == 0 || self.levels & level != 0) && (self.eras == 0 || self.eras & era != 0)
    }
}

/// A person of the article's cast, as named in `{slot.form}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// One of the home committee's posts, by its cast key.
    Home(&'static str),
    /// A higher official (the committee above, or a central one).
    Up,
    /// The first chair of the main meeting.
    Chair1,
    /// The second chair.
    Chair2,
    /// The appointee of an appointment article.
    New,
    /// The official the appointee replaces.
    Old,
    /// A retired leader of the home unit.
    Retired,
}

/// The cast keys of the home committee's posts.
pub(crate) const HOME_SLOTS: [&str; 11] = [
    "sec", "std", "ubnd", "hdnd", "tc", "kt", "mt", "pubnd", "phdnd", "tg", "vp",
];

/// How a person is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// "đồng chí NAME - posts".
    Full,
    /// "main post NAME".
    Title,
    /// The bare name.
    Name,
    /// "đồng chí NAME".
    Comrade,
    /// All posts.
    Posts,
    /// The main post.
    Main,
    /// "ông" or "bà".
    Honor,
    /// The appointee's post before the appointment.
    Prior,
}

/// A value computed by the generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Var {
    /// A name of the current unit (`up` = the unit above it).
    Unit {
        up: bool,
        what: UnitVar,
    },
    Khoa,
    PrevKhoa,
    Term,
    PrevTerm,
    NextTerm,
    Congress,
    PrevCongress,
    Plenum,
    Hkhoa,
    Hterm,
    Session,
    DateOpen,
    Date,
    Dshort,
    Dshort2,
    Ddate,
    Year,
    PrevYear,
    NextYear,
    Doc,
    Updoc,
    Maindoc,
    Doctitle,
    Docnum,
    Plannum,
    Sdoc,
    Hdoc,
    Tw,
    N2,
    N2b,
    N3,
    Pct,
    Pctk,
    Big,
    Delegates,
    Bch,
    Btv,
    Votes,
    Pctv,
    Views,
    /// Day, month and year of the current date, as numbers or two digits.
    D,
    M,
    Y,
    Dd,
    Mm,
    Hh,
    Mi,
    Weekday,
    Today,
    Meeting,
    /// The document being cited: type, number, issuer.
    DType,
    DNum,
    DIssuer,
    /// The secretary's election at a congress.
    ElectSec,
    Post,
    Main,
    Sub,
}

/// The names of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitVar {
    /// "huyện Thanh Trì".
    Unit,
    /// "huyện".
    Word,
    /// "Thanh Trì".
    Place,
    /// "Huyện ủy".
    Cmte,
    /// "Huyện ủy Thanh Trì".
    CmteFull,
    /// "Đảng bộ huyện Thanh Trì".
    Org,
    /// "Huyện ủy viên".
    Member,
    /// "HU".
    Issuer,
    /// Sometimes " Thanh Trì" (" xã Thanh Trì" for communes) after a committee.
    At,
    /// Sometimes " Thanh Trì" after a level word.
    AtUnit,
}

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Lit(&'static str),
    Alt(Vec<&'static str>),
    Section(usize),
    Person(Slot, Form),
    Var(Var),
}

/// One template: its filter and pieces.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    pub(crate) filter: Filter,
    pub(crate) parts: Vec<Part>,
}

/// A section: its templates.
#[derive(Debug)]
pub(crate) struct Section {
    pub(crate) templates: Vec<Template>,
}

/// One post of a cast line.
#[derive(Debug)]
pub(crate) struct CastPost {
    /// The post named in the "title" form.
    pub(crate) main: bool,
    /// Joined to the previous post by "kiêm" or a comma.
    pub(crate) joined: bool,
    pub(crate) template: Template,
}

/// A variant of the posts held by one official of a committee.
#[derive(Debug)]
pub(crate) struct CastLine {
    pub(crate) key: &'static str,
    /// The secretary also chairs the People's Council.
    pub(crate) also_hdnd: bool,
    pub(crate) filter: Filter,
    pub(crate) posts: Vec<CastPost>,
}

/// Sections the generator uses by name; resolved once.
#[derive(Debug)]
pub(crate) struct Ids {
    pub(crate) headline: [usize; 5],
    pub(crate) lead: [usize; 5],
    pub(crate) body: [usize; 5],
    pub(crate) meeting: [usize; 5],
    pub(crate) body_appoint_state: usize,
    pub(crate) elected: usize,
    pub(crate) chair: usize,
    pub(crate) chair_council: usize,
    pub(crate) attend: usize,
    pub(crate) concurrent: usize,
    pub(crate) former: usize,
    pub(crate) citation: usize,
    pub(crate) economy: usize,
    pub(crate) weather: usize,
    pub(crate) filler: usize,
    pub(crate) conclusion: usize,
    pub(crate) stamp: usize,
    pub(crate) boiler_top: usize,
    pub(crate) boiler_bottom: usize,
    pub(crate) byline: usize,
    pub(crate) prior: usize,
    pub(crate) date_open: usize,
    pub(crate) date_full: usize,
    pub(crate) date_short: usize,
    pub(crate) date_doc: usize,
    pub(crate) date_view: usize,
    pub(crate) weekday: usize,
    pub(crate) ordinal: usize,
    pub(crate) hamlet: usize,
    pub(crate) reelected: usize,
    pub(crate) elected_new: usize,
    pub(crate) doc_cite: usize,
    pub(crate) doc_title: usize,
    pub(crate) doc_issuer: usize,
}

/// The parsed template file.
#[derive(Debug)]
pub(crate) struct Templates {
    pub(crate) sections: Vec<Section>,
    pub(crate) cast: Vec<CastLine>,
    pub(crate) ids: Ids,
}

impl Templates {
    /// The embedded templates, parsed on first use.
    pub(crate) fn global() -> &'static Templates {
        static GLOBAL: OnceLock<Templates> = OnceLock::new();
        GLOBAL.get_or_init(|| {
            Templates::parse(TEMPLATES)
                .unwrap_or_else(|e| panic!("embedded data/synth/templates.txt is invalid: {e}"))
        })
    }

    /// Parses a template file.
    pub(crate) fn parse(text: &'static str) -> Result<Templates, TemplateError> {
        // First pass: section names, so that {@name} resolves in any order.
        let mut by_name: HashMap<&'static str, usize> = HashMap::new();
        let mut sections = Vec::new();
        for line in text.lines() {
            if let Some(name) = section_header(line) {
                if name != "cast" && !by_name.contains_key(name) {
                    by_name.insert(name, sections.len());
                    sections.push(Section {
                        templates: Vec::new(),
                    });
                }
            }
        }
        let mut cast = Vec::new();
        let mut current: Option<&'static str> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(name) = section_header(trimmed) {
                current = Some(name);
                continue;
            }
            let Some(section) = current else {
                return Err(TemplateError::OutsideSection { line });
            };
            let (filter, body) = split_filter(trimmed, line)?;
            if section == "cast" {
                cast.push(parse_cast(body, filter, line, &by_name)?);
            } else {
                let parts = parse_parts(body, line, &by_name)?;
                sections[by_name[section]]
                    .templates
                    .push(Template { filter, parts });
            }
        }
        let id = |name: &'static str| -> Result<usize, TemplateError> {
            by_name
                .get(name)
                .copied()
                .filter(|&i| !sections[i].templates.is_empty())
                .ok_or(TemplateError::MissingSection(name))
        };
        let per_kind = |prefix: [&'static str; 5]| -> Result<[usize; 5], TemplateError> {
            Ok([
                id(prefix[0])?,
                id(prefix[1])?,
                id(prefix[2])?,
                id(prefix[3])?,
                id(prefix[4])?,
            ])
        };
        let ids = Ids {
            headline: per_kind([
                "headline_plenum",
                "headline_congress",
                "headline_appoint",
                "headline_council",
                "headline_document",
            ])?,
            lead: per_kind([
                "lead_plenum",
                "lead_congress",
                "lead_appoint",
                "lead_council",
                "lead_document",
            ])?,
            body: per_kind([
                "body_plenum",
                "body_congress",
                "body_appoint",
                "body_council",
                "body_document",
            ])?,
            meeting: per_kind([
                "meeting_plenum",
                "meeting_congress",
                "meeting_appoint",
                "meeting_council",
                "meeting_document",
            ])?,
            body_appoint_state: id("body_appoint_state")?,
            elected: id("elected")?,
            chair: id("chair")?,
            chair_council: id("chair_council")?,
            attend: id("attend")?,
            concurrent: id("concurrent")?,
            former: id("former")?,
            citation: id("citation")?,
            economy: id("economy")?,
            weather: id("weather")?,
            filler: id("filler")?,
            conclusion: id("conclusion")?,
            stamp: id("stamp")?,
            boiler_top: id("boiler_top")?,
            boiler_bottom: id("boiler_bottom")?,
            byline: id("byline")?,
            prior: id("prior")?,
            date_open: id("date_open")?,
            date_full: id("date_full")?,
            date_short: id("date_short")?,
            date_doc: id("date_doc")?,
            date_view: id("date_view")?,
            weekday: id("weekday")?,
            ordinal: id("ordinal")?,
            hamlet: id("hamlet")?,
            reelected: id("reelected")?,
            elected_new: id("elected_new")?,
            doc_cite: id("doc_cite")?,
            doc_title: id("doc_title")?,
            doc_issuer: id("doc_issuer")?,
        };
        Ok(Templates {
            sections,
            cast,
            ids,
        })
    }
}

fn section_header(line: &'static str) -> Option<&'static str> {
    let line = line.trim();
    line.strip_prefix('[')?.strip_suffix(']')
}

fn split_filter(line: &'static str, n: usize) -> Result<(Filter, &'static str), TemplateError> {
    let Some(rest) = line.strip_prefix('?') else {
        return Ok((Filter::default(), line));
    };
    let (letters, body) = rest.split_once(' ').unwrap_or((rest, ""));
    let filter = Filter::parse(letters).ok_or_else(|| TemplateError::BadFilter {
        line: n,
        filter: letters.to_string(),
    })?;
    Ok((filter, body.trim_start()))
}

fn parse_cast(
    body: &'static str,
    filter: Filter,
    line: usize,
    sections: &HashMap<&'static str, usize>,
) -> Result<CastLine, TemplateError> {
    let (key, posts) = body
        .split_once(" = ")
        .ok_or(TemplateError::BadCast { line })?;
    let (key, also_hdnd) = match key.trim().strip_suffix("+hdnd") {
        Some(k) => (k, true),
        None => (key.trim(), false),
    };
    if key.is_empty() {
        return Err(TemplateError::BadCast { line });
    }
    let mut out = Vec::new();
    for post in posts.split(" ; ") {
        let post = post.trim();
        let (joined, post) = match post.strip_prefix('+') {
            Some(p) => (true, p),
            None => (false, post),
        };
        let (main, post) = match post.strip_prefix('*') {
            Some(p) => (true, p),
            None => (false, post),
        };
        out.push(CastPost {
            main,
            joined,
            template: Template {
                filter: Filter::default(),
                parts: parse_parts(post, line, sections)?,
            },
        });
    }
    if out.iter().filter(|p| p.main).count() != 1 {
        return Err(TemplateError::BadCast { line });
    }
    Ok(CastLine {
        key,
        also_hdnd,
        filter,
        posts: out,
    })
}

fn parse_parts(
    text: &'static str,
    line: usize,
    sections: &HashMap<&'static str, usize>,
) -> Result<Vec<Part>, TemplateError> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(Part::Lit(&rest[..open]));
        }
        let close = rest[open..]
            .find('}')
            .ok_or(TemplateError::Unclosed { line })?
            + open;
        let name = &rest[open + 1..close];
        parts.push(placeholder(name, line, sections)?);
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Lit(rest));
    }
    Ok(parts)
}

fn placeholder(
    name: &'static str,
    line: usize,
    sections: &HashMap<&'static str, usize>,
) -> Result<Part, TemplateError> {
    if name.contains('|') {
        return Ok(Part::Alt(name.split('|').collect()));
    }
    if let Some(section) = name.strip_prefix('@') {
        return sections
            .get(section)
            .map(|&i| Part::Section(i))
            .ok_or_else(|| TemplateError::UnknownSection {
                line,
                name: section.to_string(),
            });
    }
    let unknown = || TemplateError::UnknownPlaceholder {
        line,
        name: name.to_string(),
    };
    if let Some((slot, form)) = name.split_once('.') {
        let slot = match slot {
            "up" => Slot::Up,
            "ch1" => Slot::Chair1,
            "ch2" => Slot::Chair2,
            "new" => Slot::New,
            "old" => Slot::Old,
            "ret" => Slot::Retired,
            other => Slot::Home(
                HOME_SLOTS
                    .iter()
                    .find(|&&k| k == other)
                    .copied()
                    .ok_or_else(unknown)?,
            ),
        };
        let form = match form {
            "full" => Form::Full,
            "title" => Form::Title,
            "name" => Form::Name,
            "dc" => Form::Comrade,
            "posts" => Form::Posts,
            "main" => Form::Main,
            "honor" => Form::Honor,
            "prior" => Form::Prior,
            _ => return Err(unknown()),
        };
        return Ok(Part::Person(slot, form));
    }
    let unit = |up: bool, what: UnitVar| Var::Unit { up, what };
    let var = match name {
        "unit" => unit(false, UnitVar::Unit),
        "uw" => unit(false, UnitVar::Word),
        "place" => unit(false, UnitVar::Place),
        "cmte" => unit(false, UnitVar::Cmte),
        "cmte_full" => unit(false, UnitVar::CmteFull),
        "org" => unit(false, UnitVar::Org),
        "member" => unit(false, UnitVar::Member),
        "issuer" => unit(false, UnitVar::Issuer),
        "at" => unit(false, UnitVar::At),
        "atu" => unit(false, UnitVar::AtUnit),
        "up_unit" => unit(true, UnitVar::Unit),
        "up_cmte" => unit(true, UnitVar::Cmte),
        "up_cmte_full" => unit(true, UnitVar::CmteFull),
        "up_member" => unit(true, UnitVar::Member),
        "up_issuer" => unit(true, UnitVar::Issuer),
        "khoa" => Var::Khoa,
        "prev_khoa" => Var::PrevKhoa,
        "term" => Var::Term,
        "prev_term" => Var::PrevTerm,
        "next_term" => Var::NextTerm,
        "congress" => Var::Congress,
        "prev_congress" => Var::PrevCongress,
        "plenum" => Var::Plenum,
        "hkhoa" => Var::Hkhoa,
        "hterm" => Var::Hterm,
        "session" => Var::Session,
        "Date" => Var::DateOpen,
        "date" => Var::Date,
        "dshort" => Var::Dshort,
        "dshort2" => Var::Dshort2,
        "ddate" => Var::Ddate,
        "year" => Var::Year,
        "prev_year" => Var::PrevYear,
        "next_year" => Var::NextYear,
        "doc" => Var::Doc,
        "updoc" => Var::Updoc,
        "maindoc" => Var::Maindoc,
        "doctitle" => Var::Doctitle,
        "docnum" => Var::Docnum,
        "plannum" => Var::Plannum,
        "sdoc" => Var::Sdoc,
        "hdoc" => Var::Hdoc,
        "tw" => Var::Tw,
        "n2" => Var::N2,
        "n2b" => Var::N2b,
        "n3" => Var::N3,
        "pct" => Var::Pct,
        "pctk" => Var::Pctk,
        "big" => Var::Big,
        "delegates" => Var::Delegates,
        "bch" => Var::Bch,
        "btv" => Var::Btv,
        "votes" => Var::Votes,
        "pctv" => Var::Pctv,
        "views" => Var::Views,
        "d" => Var::D,
        "m" => Var::M,
        "y" => Var::Y,
        "dd" => Var::Dd,
        "mm" => Var::Mm,
        "hh" => Var::Hh,
        "mi" => Var::Mi,
        "weekday" => Var::Weekday,
        "today" => Var::Today,
        "meeting" => Var::Meeting,
        "dtype" => Var::DType,
        "dnum" => Var::DNum,
        "dissuer" => Var::DIssuer,
        "elect_sec" => Var::ElectSec,
        "post" => Var::Post,
        "main" => Var::Main,
        "sub" => Var::Sub,
        _ => return Err(unknown()),
    };
    Ok(Part::Var(var))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_templates_parse() {
        let t = Templates::global();
        assert!(t.sections.len() > 40);
        // Rendered sections are recorded as bits of a u128.
        assert!(t.sections.len() <= 128);
        assert!(t.cast.iter().any(|c| c.key == "sec" && c.also_hdnd));
        for key in HOME_SLOTS.iter().chain(&["central"]) {
            assert!(
                t.cast.iter().any(|c| c.key == *key),
                "no cast line for {key}"
            );
        }
    }

    #[test]
    fn parts_filters_and_errors() {
        let text = "[a]\n?dl Hội nghị {khoa|X} {@a} {sec.full}\n";
        let t = Templates::parse(text).map(|t| t.sections[0].templates.clone());
        // The sections the generator needs are missing from this file.
        assert!(matches!(t, Err(TemplateError::MissingSection(_))));
        let names = HashMap::from([("a", 0)]);
        let parts = parse_parts("Hội nghị {khoa|X} {@a} {sec.full}", 2, &names).unwrap();
        assert_eq!(
            parts,
            vec![
                Part::Lit("Hội nghị "),
                Part::Alt(vec!["khoa", "X"]),
                Part::Lit(" "),
                Part::Section(0),
                Part::Lit(" "),
                Part::Person(Slot::Home("sec"), Form::Full),
            ]
        );
        assert_eq!(
            parse_parts("x {nope}", 3, &names),
            Err(TemplateError::UnknownPlaceholder {
                line: 3,
                name: "nope".into()
            })
        );
        assert_eq!(
            parse_parts("x {@b}", 4, &names),
            Err(TemplateError::UnknownSection {
                line: 4,
                name: "b".into()
            })
        );
        assert_eq!(
            parse_parts("x {khoa", 5, &names),
            Err(TemplateError::Unclosed { line: 5 })
        );
        assert!(matches!(
            split_filter("?dx text", 6),
            Err(TemplateError::BadFilter { line: 6, .. })
        ));
        let (f, body) = split_filter("?dl text", 7).unwrap();
        assert_eq!(body, "text");
        assert!(f.allows(Tier::District, false));
        assert!(!f.allows(Tier::District, true));
        assert!(!f.allows(Tier::Province, false));
    }
}
