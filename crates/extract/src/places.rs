//! Place mentions ("huyện Thanh Trì", "Huyện ủy Kiến Thụy", "TP.HCM") and their
//! resolution against the gazetteer, using the article's home district and province
//! for implied places and shared names.

use cadre_lexicon::places::{Era, Gazetteer, Level, PlaceId, PlaceKind};
use cadre_lexicon::vocab::BodyLevel;

use crate::model::PlaceRef;
use crate::tokens::{fold_tokens, Token};

/// The level word before a place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelWord {
    /// tỉnh
    Province,
    /// thành phố, TP
    City,
    /// huyện
    RuralDistrict,
    /// quận
    UrbanDistrict,
    /// thị xã
    Town,
    /// xã
    Commune,
    /// phường
    Ward,
    /// thị trấn
    Township,
    /// đặc khu
    SpecialZone,
}

/// A place as written: an optional level word and an optional proper name.
#[derive(Debug, Clone, Default)]
pub struct PlaceMention {
    /// The level word, if any.
    pub level_word: Option<LevelWord>,
    /// Gazetteer candidates for the written name (empty when no name was written).
    pub candidates: Vec<PlaceId>,
}

/// Reads a level word at `toks[i]`: the word and the number of tokens it takes.
pub fn level_word_at(toks: &[Token], i: usize) -> Option<(LevelWord, usize)> {
    let k = |j: usize| toks.get(i + j).map(|t| t.key.as_str());
    let found = match (k(0)?, k(1)) {
        ("thành", Some("phố")) => (LevelWord::City, 2),
        ("thị", Some("xã")) => (LevelWord::Town, 2),
        ("thị", Some("trấn")) => (LevelWord::Township, 2),
        ("đặc", Some("khu")) => (LevelWord::SpecialZone, 2),
        ("tp", Some(".")) => (LevelWord::City, 2),
        ("tp", _) => (LevelWord::City, 1),
        ("tỉnh", _) => (LevelWord::Province, 1),
        ("huyện", _) => (LevelWord::RuralDistrict, 1),
        ("quận", _) => (LevelWord::UrbanDistrict, 1),
        ("xã", _) => (LevelWord::Commune, 1),
        ("phường", _) => (LevelWord::Ward, 1),
        _ => return None,
    };
    Some(found)
}

/// Reads a proper place name at `toks[i]`: the longest run of up to five tokens
/// (capitalised words, digits, and "-" or "." between them) that the gazetteer knows.
pub fn name_at(toks: &[Token], i: usize) -> Option<(Vec<PlaceId>, usize)> {
    let first = toks.get(i)?;
    if !first.is_word || !first.is_capitalised {
        return None;
    }
    let gaz = Gazetteer::global();
    let mut best = None;
    let mut key = String::new();
    for len in 1..=5.min(toks.len() - i) {
        let last = &toks[i + len - 1];
        let ok = if last.is_word {
            last.is_capitalised || last.key.chars().all(|c| c.is_ascii_digit())
        } else {
            matches!(last.key.as_str(), "-" | "–" | ".")
        };
        if !ok {
            break;
        }
        if !last.is_word {
            continue;
        }
        fold_tokens(&toks[i..i + len], &mut key);
        let found = gaz.find_folded(&key);
        if !found.is_empty() {
            best = Some((found.to_vec(), len));
        }
    }
    best
}

/// The earliest year a text can speak in by the map it uses: a unit written with its
/// level word that exists only on the map of the 1 July 2025 reform ("phường Lang
/// Biang - Đà Lạt"), or the two-tier local government that reform made ("chính quyền
/// địa phương hai cấp"), put it in 2025 at the earliest — 2026 when its day/month
/// dates all fall before July.
pub fn reformed_map_year(text: &str, tokens: &[Vec<Token>]) -> Option<i32> {
    let gaz = Gazetteer::global();
    let two_tier = tokens.iter().any(|toks| {
        let key = |n: usize| toks.get(n).map_or("", |t| t.key.as_str());
        (0..toks.len()).any(|i| {
            let mut j = i + 2;
            if (key(j), key(j + 1)) == ("địa", "phương") {
                j += 2;
            }
            (key(i), key(i + 1)) == ("chính", "quyền")
                && matches!(key(j), "hai" | "2")
                && key(j + 1) == "cấp"
        })
    });
    let reformed_only = two_tier
        || tokens.iter().any(|toks| {
            (0..toks.len()).any(|i| {
                if level_word_at(toks, i).is_none() {
                    return false;
                }
                let (m, _) = unit_at(text, toks, i);
                !m.candidates.is_empty()
                    && m.candidates
                        .iter()
                        .all(|id| gaz.place(*id).era() == Era::Reformed)
            })
        });
    if !reformed_only {
        return None;
    }
    let months: Vec<u32> = cadre_text::find_dates(text)
        .iter()
        .filter(|d| d.year.is_none())
        .map(|d| d.month)
        .collect();
    let before_july = !months.is_empty() && months.iter().all(|&m| m < 7);
    Some(if before_july { 2026 } else { 2025 })
}

/// Reads a place after a body or in running text: `[level word] [name]`, where a
/// number after "quận"/"phường" is the name ("Quận 8"). Returns the mention and the
/// number of tokens read (0 when there is nothing).
pub fn place_at(text: &str, toks: &[Token], i: usize) -> (PlaceMention, usize) {
    let (mut mention, len) = unit_at(text, toks, i);
    // "phường 4, quận 5", "xã An Bình (huyện Phú Giáo)": a name many units share is
    // the one inside the unit written right after it.
    if mention.candidates.len() > 1 && len > 0 {
        let mut j = i + len;
        if toks
            .get(j)
            .is_some_and(|t| matches!(t.key.as_str(), "," | "("))
        {
            j += 1;
        }
        let (parent, plen) = unit_at(text, toks, j);
        if plen > 0 && !parent.candidates.is_empty() {
            let gaz = Gazetteer::global();
            let inside: Vec<PlaceId> = mention
                .candidates
                .iter()
                .copied()
                .filter(|&c| {
                    parent
                        .candidates
                        .iter()
                        .any(|&p| p != c && gaz.contains(p, c))
                })
                .collect();
            if !inside.is_empty() {
                mention.candidates = inside;
            }
        }
    }
    (mention, len)
}

/// Units listed after a plural of their level word at `toks[i]`: "các phường: Giảng
/// Võ, Tây Hồ và Định Công", "3 xã A, B, C", "các xã, thị trấn A, B". A level word
/// may repeat before an item ("các xã A, B và thị trấn C"). Returns a mention per
/// item, each with the level word that governs it (none when the plural names
/// several levels and the item repeats none), and the number of tokens read; `None`
/// unless at least two units are listed.
pub fn listed_units_at(toks: &[Token], i: usize) -> Option<(Vec<PlaceMention>, usize)> {
    let plural = toks.get(i)?;
    if !(plural.key == "các" || plural.key.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let mut j = i + 1;
    let mut words = Vec::new();
    while let Some((word, len)) = level_word_at(toks, j) {
        words.push(word);
        j += len;
        let joined = toks
            .get(j)
            .is_some_and(|t| matches!(t.key.as_str(), "," | "và"));
        if !(joined && level_word_at(toks, j + 1).is_some()) {
            break;
        }
        j += 1;
    }
    let governing = match words.as_slice() {
        [] => return None,
        [one] => Some(*one),
        _ => None,
    };
    if toks.get(j).is_some_and(|t| t.key == ":") {
        j += 1;
    }
    let mut items = Vec::new();
    loop {
        let (word, wlen) = level_word_at(toks, j).map_or((governing, 0), |(w, l)| (Some(w), l));
        let Some((candidates, len)) = name_at(toks, j + wlen) else {
            break;
        };
        items.push(PlaceMention {
            level_word: word,
            candidates,
        });
        j += wlen + len;
        let sep = toks
            .get(j)
            .is_some_and(|t| matches!(t.key.as_str(), "," | "và" | ";"));
        if !sep {
            break;
        }
        j += 1;
    }
    if items.len() < 2 {
        return None;
    }
    // A separator read after the last item belongs to the sentence.
    let end = if toks
        .get(j - 1)
        .is_some_and(|t| matches!(t.key.as_str(), "," | "và" | ";"))
    {
        j - 1
    } else {
        j
    };
    Some((items, end - i))
}

/// The place written after a body of `level` at `toks[i]`, as [`place_at`] reads it,
/// unless it is a person's name: one that starts with a family name and names no unit
/// of the body's level ("Bí thư Huyện ủy Lê Thanh Hà": Lê Thanh is a commune, so the
/// district committee's secretary is named, not placed).
pub fn place_of_body_at(
    text: &str,
    toks: &[Token],
    i: usize,
    level: BodyLevel,
) -> (PlaceMention, usize) {
    let (mention, len) = place_at(text, toks, i);
    let person = mention.level_word.is_none()
        && !mention.candidates.is_empty()
        && family_name_of_another_level(toks, i, &mention.candidates, levels_for_body(level));
    if person {
        (PlaceMention::default(), 0)
    } else {
        (mention, len)
    }
}

/// One `[level word] [name]` at `toks[i]`, as [`place_at`] reads it before looking at
/// the unit after it.
fn unit_at(text: &str, toks: &[Token], i: usize) -> (PlaceMention, usize) {
    let mut mention = PlaceMention::default();
    let mut j = i;
    if let Some((word, len)) = level_word_at(toks, j) {
        mention.level_word = Some(word);
        j += len;
        if let Some(t) = toks.get(j) {
            let numbered = matches!(word, LevelWord::UrbanDistrict | LevelWord::Ward)
                && t.key.chars().all(|c| c.is_ascii_digit());
            if numbered {
                let name = format!("{} {}", &text[toks[j - len].start..toks[j - 1].end], t.key);
                mention.candidates = Gazetteer::global()
                    .find_folded(&cadre_text::fold_normalized(&name))
                    .to_vec();
                return (mention, j + 1 - i);
            }
        }
    }
    if let Some((cands, len)) = name_at(toks, j).filter(|(cands, len)| {
        !opens_person_name(text, toks, j, *len)
            && !mention
                .level_word
                .is_some_and(|w| family_name_of_another_level(toks, j, cands, levels_for_word(w)))
    }) {
        mention.candidates = cands;
        j += len;
    }
    (mention, j - i)
}

/// Whether a name at `toks[j]` is a person's rather than a unit's: it starts with a
/// family name and no unit it may name (`candidates`) is at one of `levels`, the
/// levels a level word or a body before it announces ("Chủ tịch UBND huyện Lê Thanh
/// Hà", "Bí thư Huyện ủy Lê Thanh Hà": Lê Thanh is a commune, not a district). A unit
/// written with its former level word is still at that level, so upgrades ("huyện"
/// for a thị xã) keep their place.
fn family_name_of_another_level(
    toks: &[Token],
    j: usize,
    candidates: &[PlaceId],
    levels: &[Level],
) -> bool {
    let gaz = Gazetteer::global();
    cadre_lexicon::vocab::Vocabulary::global().is_family_name(&toks[j].key)
        && !candidates
            .iter()
            .any(|&c| levels.contains(&gaz.place(c).level()))
}

/// Whether a place name of `len` tokens at `toks[j]` is only the start of a person's
/// name: it starts with a family name and the capitalised run goes on with words that
/// do not start another name ("Bí thư Thành ủy Vương Đình Huệ", "Chủ tịch HĐND tỉnh
/// Phan Việt Cường"; but "Tỉnh ủy Hà Giang Nguyễn Văn A" keeps "Hà Giang").
fn opens_person_name(text: &str, toks: &[Token], j: usize, len: usize) -> bool {
    let vocab = cadre_lexicon::vocab::Vocabulary::global();
    let capitalised_word = |k: usize| toks.get(k).is_some_and(|t| t.is_word && t.is_capitalised);
    capitalised_word(j + len)
        && vocab.is_family_name(&toks[j].key)
        && !vocab.is_family_name(&toks[j + len].key)
        && !matches!(toks[j + len].key.as_str(), "khóa" | "nhiệm" | "kỳ" | "lần")
        && vocab.roles.longest_at(&toks[j + len..]).is_none()
        && vocab.bodies.longest_at(&toks[j + len..]).is_none()
        && crate::tokens::adjacent(text, &toks[j + len - 1], &toks[j + len])
}

/// What the article is about, used to resolve implied and shared place names.
#[derive(Debug, Clone, Default)]
pub struct Home {
    /// The district-level unit most mentioned.
    pub district: Option<PlaceId>,
    /// Its province, or the province most mentioned.
    pub province: Option<PlaceId>,
    /// The commune most mentioned, when the article is about a commune.
    pub commune: Option<PlaceId>,
    /// Whether the commune, not its district, is what the article is about: the
    /// commune is named more than once, and more often than its district on its own.
    pub about_commune: bool,
    /// The commune the article is about when its name is all that is known: several
    /// communes bear it and nothing written tells which ("xã Tân Lập", named again
    /// and again, in an article that names no district or province).
    pub named_commune: Option<String>,
    /// Every unit mentioned inside the home province, most mentioned first: an
    /// implied "Thành ủy" or "quận" is the first of the right kind.
    pub ranked: Vec<PlaceId>,
    /// The province proper (not a centrally-run city) the article names most: what
    /// an implied "Tỉnh ủy" is when the home is a city ("Bí thư Tỉnh ủy X" in a Hà Nội
    /// article about a Quảng Ninh event).
    pub province_proper: Option<PlaceId>,
    /// Year of the article, to choose between the units before and after 2025.
    pub year: Option<i32>,
    /// Full date of the article (publication or page header), when known: decides
    /// the era exactly in 2025.
    pub date: Option<String>,
}

/// Whether a unit's kind is what a level word names ("quận" → urban district).
pub fn kind_fits_word(kind: PlaceKind, word: LevelWord) -> bool {
    use LevelWord as W;
    use PlaceKind as K;
    matches!(
        (word, kind),
        (W::Province, K::Province)
            | (W::City, K::CentralCity | K::ProvincialCity)
            | (W::RuralDistrict, K::RuralDistrict)
            | (W::UrbanDistrict, K::UrbanDistrict)
            | (W::Town, K::Town)
            | (W::Commune, K::Commune)
            | (W::Ward, K::Ward)
            | (W::Township, K::Township)
            | (W::SpecialZone, K::SpecialZone)
    )
}

/// The tiers a level word may name ("thành phố": a city of either tier).
pub fn levels_for_word(word: LevelWord) -> &'static [Level] {
    match word {
        LevelWord::Province => &[Level::Province],
        LevelWord::City => &[Level::Province, Level::District],
        LevelWord::RuralDistrict | LevelWord::UrbanDistrict | LevelWord::Town => &[Level::District],
        _ => &[Level::Commune],
    }
}

fn levels_for_body(level: BodyLevel) -> &'static [Level] {
    match level {
        BodyLevel::Province => &[Level::Province],
        BodyLevel::City => &[Level::Province, Level::District],
        BodyLevel::District => &[Level::District],
        BodyLevel::Commune => &[Level::Commune],
        BodyLevel::National => &[],
        BodyLevel::Any => &[Level::Province, Level::District, Level::Commune],
    }
}

impl Home {
    /// Resolves a mention for a body at `level`; `None` when context does not decide.
    pub fn resolve(&self, mention: &PlaceMention, level: BodyLevel) -> Option<PlaceId> {
        if level == BodyLevel::National {
            return None;
        }
        if mention.candidates.is_empty() {
            return self.implied(mention.level_word, level);
        }
        self.choose(self.fitting(mention, level))
    }

    /// The place of a body at `level` written as `mention`, for output: the unit
    /// [`Home::resolve`] finds; else, when every unit the written name may be bears
    /// that one name, the name alone ("UBND xã Tân Lập" in an article that names
    /// neither its district nor its province: which Tân Lập is unknown, its name is
    /// not); else, for an implied commune, the commune the article is about when only
    /// its name is known.
    pub fn place_of(&self, mention: &PlaceMention, level: BodyLevel) -> Option<PlaceRef> {
        if level == BodyLevel::National {
            return None;
        }
        if mention.candidates.is_empty() {
            let named = self.named_commune.as_ref().filter(|_| {
                self.commune.is_none() && self.implies_commune(mention.level_word, level)
            });
            if let Some(name) = named {
                return Some(PlaceRef {
                    name: name.clone(),
                    code: None,
                });
            }
            return self.implied(mention.level_word, level).map(place_ref);
        }
        let cands = self.fitting(mention, level);
        if let Some(id) = self.choose(cands.clone()) {
            return Some(place_ref(id));
        }
        named_alike(&self.filter_era(cands))
    }

    /// Whether a body at `level` with no name written (`word` its level word, if
    /// any) is a commune's: "xã", "phường", "Đảng ủy", or any body in an article about
    /// a commune.
    fn implies_commune(&self, word: Option<LevelWord>, level: BodyLevel) -> bool {
        match (word, level) {
            (Some(w), _) => levels_for_word(w) == [Level::Commune],
            (None, BodyLevel::Commune) => true,
            (None, BodyLevel::Any) => self.about_commune,
            _ => false,
        }
    }

    /// The candidates of a written name at the levels its level word (or else the
    /// body) allows, of the kind the level word names when any is.
    fn fitting(&self, mention: &PlaceMention, level: BodyLevel) -> Vec<PlaceId> {
        let gaz = Gazetteer::global();
        let levels = match mention.level_word {
            Some(w) => levels_for_word(w),
            None => levels_for_body(level),
        };
        let mut cands: Vec<PlaceId> = mention
            .candidates
            .iter()
            .copied()
            .filter(|id| levels.contains(&gaz.place(*id).level()))
            .collect();
        if let Some(word) = mention.level_word {
            let fitting: Vec<_> = cands
                .iter()
                .copied()
                .filter(|id| kind_fits_word(gaz.place(*id).kind, word))
                .collect();
            if !fitting.is_empty() {
                cands = fitting;
            }
        }
        if level == BodyLevel::City {
            // A Thành ủy is a centrally-run city's or a provincial city's committee.
            cands.retain(|id| {
                matches!(
                    gaz.place(*id).kind,
                    PlaceKind::CentralCity | PlaceKind::ProvincialCity
                )
            });
        }
        cands
    }

    /// Picks one unit among candidates: by era, then the home units themselves, then
    /// inside the home province, then inside the home district; `None` if still
    /// ambiguous.
    pub fn choose(&self, mut cands: Vec<PlaceId>) -> Option<PlaceId> {
        let gaz = Gazetteer::global();
        cands = self.filter_era(cands);
        if cands.len() > 1 {
            let homes = [self.commune, self.district, self.province];
            if let Some(h) = cands.iter().find(|c| homes.contains(&Some(**c))) {
                return Some(*h);
            }
            if let Some(prov) = self.province {
                cands.retain(|c| gaz.contains(prov, *c));
            }
            // Two communes of one name in the home province: the home district's.
            if let Some(district) = self.district.filter(|_| cands.len() > 1) {
                let inside: Vec<PlaceId> = cands
                    .iter()
                    .copied()
                    .filter(|c| gaz.contains(district, *c))
                    .collect();
                if !inside.is_empty() {
                    cands = inside;
                }
            }
        }
        (cands.len() == 1).then(|| cands[0])
    }

    fn implied(&self, word: Option<LevelWord>, level: BodyLevel) -> Option<PlaceId> {
        let gaz = Gazetteer::global();
        let province_is_city = self
            .province
            .is_some_and(|p| gaz.place(p).kind == PlaceKind::CentralCity);
        let district_is_city = self
            .district
            .is_some_and(|d| gaz.place(d).kind == PlaceKind::ProvincialCity);
        let first_of = |kind: PlaceKind| {
            self.ranked
                .iter()
                .copied()
                .find(|id| gaz.place(*id).kind == kind)
        };
        // A "Tỉnh ủy" or "tỉnh" is a province's, never a centrally-run city's: with a
        // city for home, it is the province proper the article names most, if any.
        let province = if province_is_city {
            self.province_proper
        } else {
            self.province
        };
        match word {
            Some(LevelWord::Province) => province,
            Some(LevelWord::City) => {
                if province_is_city {
                    self.province
                } else if district_is_city {
                    self.district
                } else {
                    first_of(PlaceKind::ProvincialCity)
                }
            }
            Some(w @ (LevelWord::RuralDistrict | LevelWord::UrbanDistrict | LevelWord::Town)) => {
                let kind = match w {
                    LevelWord::RuralDistrict => PlaceKind::RuralDistrict,
                    LevelWord::UrbanDistrict => PlaceKind::UrbanDistrict,
                    _ => PlaceKind::Town,
                };
                let home_fits = self.district.is_some_and(|d| gaz.place(d).kind == kind);
                if home_fits {
                    self.district
                } else {
                    first_of(kind).or(self.district)
                }
            }
            Some(_) => self.commune,
            None => match level {
                BodyLevel::Province => province,
                BodyLevel::City => self.implied(Some(LevelWord::City), level),
                BodyLevel::District => self.district,
                BodyLevel::Commune => self.commune,
                BodyLevel::National => None,
                // In an article about a commune, a bare body is the commune's.
                BodyLevel::Any if self.about_commune => {
                    self.commune.or(self.district).or(self.province)
                }
                BodyLevel::Any => self.district.or(self.commune).or(self.province),
            },
        }
    }
}

/// A gazetteer unit as an output reference.
pub fn place_ref(id: PlaceId) -> PlaceRef {
    let p = Gazetteer::global().place(id);
    PlaceRef {
        name: p.name.clone(),
        code: Some(p.code.clone()),
    }
}

/// How the text spells a unit's name when it writes it only with other tone or vowel
/// marks than the gazetteer, one of its `spellings` ([`Gazetteer::spellings`]: "Mù
/// Cang Chải" for "Mù Căng Chải", "Đak Pơ" for "Đăk Pơ"): a place's proper name is
/// written as the article writes it. `None` when the text writes the gazetteer's
/// spelling, or none of the others, or two of them.
pub(crate) fn spelling_in_text(text: &str, name: &str, spellings: &[String]) -> Option<String> {
    if spellings.is_empty() || text.contains(name) {
        return None;
    }
    let mut written = spellings.iter().filter(|s| text.contains(s.as_str()));
    match (written.next(), written.next()) {
        (Some(spelling), None) => Some(spelling.clone()),
        _ => None,
    }
}

/// The gazetteer unit of an output place; `None` for a place known only by its name.
pub(crate) fn gazetteer_id(place: &PlaceRef) -> Option<PlaceId> {
    Gazetteer::global().by_code(place.code.as_deref()?)
}

/// Units that all bear one name, as that name without a code (see
/// [`Home::place_of`]); `None` when there are none or their names differ.
pub(crate) fn named_alike(cands: &[PlaceId]) -> Option<PlaceRef> {
    let gaz = Gazetteer::global();
    let (first, rest) = cands.split_first()?;
    let name = &gaz.place(*first).name;
    rest.iter()
        .all(|id| gaz.place(*id).name == *name)
        .then(|| PlaceRef {
            name: name.clone(),
            code: None,
        })
}

impl Home {
    /// Keeps the candidates of the article's era, when that leaves any.
    /// With a full date, the units valid on it; with a year only, the era of that year
    /// (in 2025, the reformed units: the congresses and appointments of that year
    /// mostly follow the July reform); with neither, the units before the reform,
    /// which most archive articles predate. Candidates of the other era are kept only
    /// when none fits.
    pub(crate) fn filter_era(&self, cands: Vec<PlaceId>) -> Vec<PlaceId> {
        let kept = self.era_only(cands.clone());
        if kept.is_empty() {
            cands
        } else {
            kept
        }
    }

    /// The candidates of the article's era only (possibly none): what the article is
    /// about is a unit of its own time, even when it recalls the ones before.
    pub(crate) fn era_only(&self, cands: Vec<PlaceId>) -> Vec<PlaceId> {
        let gaz = Gazetteer::global();
        cands
            .iter()
            .copied()
            .filter(|id| {
                let place = gaz.place(*id);
                let legacy = place.valid_to.is_some();
                match (&self.date, self.year) {
                    (Some(date), _) => place.is_valid_on(date),
                    (None, Some(2025)) => !legacy,
                    (None, Some(year)) => (year < 2025) == legacy,
                    (None, None) => legacy,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::tokens::tokenize;

    #[test]
    fn a_unit_is_spelled_as_the_text_spells_it_when_only_its_marks_differ() {
        let text = "Ban Chấp hành Đảng bộ huyện Mù Cang Chải khóa XVIII. MÙ CANG CHẢI";
        let spellings = ["Mù Cang Chải".to_string()];
        assert_eq!(
            spelling_in_text(text, "Mù Căng Chải", &spellings).as_deref(),
            Some("Mù Cang Chải")
        );
        // The gazetteer's own spelling, no other spelling, or two of them: unchanged.
        let both = "huyện Mù Căng Chải";
        assert_eq!(spelling_in_text(both, "Mù Căng Chải", &spellings), None);
        assert_eq!(spelling_in_text("cảng Hà Nội", "Cang", &[]), None);
        let two = ["Đak Pơ".to_string(), "Đăk Pở".to_string()];
        assert_eq!(spelling_in_text("Đak Pơ và Đăk Pở", "Đắk Pơ", &two), None);
    }

    /// An item of a list: its level word and the name of its first candidate.
    type Item = (Option<LevelWord>, String);

    /// The units `listed_units_at` reads at the first token, and the tokens read.
    fn listed(text: &str) -> Option<(Vec<Item>, usize)> {
        let gaz = Gazetteer::global();
        let toks = tokenize(text, 0, text.len());
        let (items, len) = listed_units_at(&toks, 0)?;
        let items = items
            .into_iter()
            .map(|m| {
                let name = m.candidates.first().map(|&c| gaz.place(c).name.clone());
                (m.level_word, name.unwrap_or_default())
            })
            .collect();
        Some((items, len))
    }

    #[test]
    fn a_plural_level_word_lists_units() {
        use LevelWord::{Commune, Township};
        let (items, len) = listed("các xã: Hoành Mô, Lục Hồn và Điền Xá đã tổ chức").unwrap();
        assert_eq!(
            items,
            [
                (Some(Commune), "Hoành Mô".to_string()),
                (Some(Commune), "Lục Hồn".to_string()),
                (Some(Commune), "Điền Xá".to_string()),
            ]
        );
        // "các xã : Hoành Mô , Lục Hồn và Điền Xá": 11 tokens, the verb left out.
        assert_eq!(len, 11);
        // A number for "các"; a level word repeated before an item governs it alone.
        let (items, _) = listed("3 xã Hoành Mô, Lục Hồn và thị trấn Đầm Hà").unwrap();
        assert_eq!(items[2], (Some(Township), "Đầm Hà".to_string()));
        // Several level words govern no item.
        let (items, _) = listed("các xã, thị trấn Hoành Mô, Đầm Hà").unwrap();
        assert!(items.iter().all(|(w, _)| w.is_none()), "{items:?}");
        // A separator after the last item belongs to the sentence: "các xã Hoành Mô ,
        // Lục Hồn" is 7 tokens.
        let (_, len) = listed("các xã Hoành Mô, Lục Hồn, đã tổ chức").unwrap();
        assert_eq!(len, 7);
    }

    #[test]
    fn one_unit_or_no_plural_is_no_list() {
        assert!(listed("các xã Hoành Mô đã tổ chức").is_none());
        assert!(listed("xã Hoành Mô, Lục Hồn").is_none());
        assert!(listed("các đồng chí Hoành Mô, Lục Hồn").is_none());
    }
}
