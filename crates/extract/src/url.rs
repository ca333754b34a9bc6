//! Places implied by an article's URL: a district portal (`hauloc.thanhhoa.gov.vn`)
//! or a provincial paper (`baodongnai.com.vn`) tells the reader where the text is
//! about when the text leaves it implicit.

use std::collections::HashMap;
use std::sync::OnceLock;

use cadre_lexicon::places::{Gazetteer, Level, PlaceId};
use cadre_text::ascii_slug;

/// Provinces and district-level units by their name as an ASCII run ("thanhhoa").
fn slug_index() -> &'static HashMap<String, Vec<PlaceId>> {
    static INDEX: OnceLock<HashMap<String, Vec<PlaceId>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        index_by_slug(|slug, level| {
            slug.len() >= 4 && !slug.chars().all(|c| c.is_ascii_digit()) && level != Level::Commune
        })
    })
}

/// Communes by their name as an ASCII run ("tanlap"): the host labels of communes'
/// own portals.
fn commune_slug_index() -> &'static HashMap<String, Vec<PlaceId>> {
    static INDEX: OnceLock<HashMap<String, Vec<PlaceId>>> = OnceLock::new();
    INDEX.get_or_init(|| index_by_slug(|_, level| level == Level::Commune))
}

/// The gazetteer's units by their name as an ASCII run without hyphens, those that
/// `keep` accepts given that run and the unit's level.
fn index_by_slug(keep: impl Fn(&str, Level) -> bool) -> HashMap<String, Vec<PlaceId>> {
    let gaz = Gazetteer::global();
    let mut index: HashMap<String, Vec<PlaceId>> = HashMap::new();
    for (key, ids) in gaz.names() {
        let slug: String = ascii_slug(key).chars().filter(|c| *c != '-').collect();
        for id in ids {
            if keep(&slug, gaz.place(*id).level()) {
                index.entry(slug.clone()).or_default().push(*id);
            }
        }
    }
    index
}

/// The communes whose own portal the host of `url` is: a whole label that is a
/// commune's name as an ASCII run, inside a unit another label of the host names
/// ("xuanloc.hatinh.gov.vn", "tanlap.phuxuyen.hanoi.gov.vn"). Several when the units
/// named hold more than one commune of that name (or one on each side of the 2025
/// reform); none when no other label names a unit, since a bare commune name is too
/// common to place a host by.
pub fn portal_communes(url: &str) -> Vec<PlaceId> {
    let host = host_of(url).to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let Some((first, rest)) = labels.split_first() else {
        return Vec::new();
    };
    let index = slug_index();
    let gaz = Gazetteer::global();
    let units: Vec<PlaceId> = rest
        .iter()
        .filter_map(|label| index.get(*label))
        .flatten()
        .copied()
        .collect();
    // A district's or province's own portal ("tranvanthoi.camau.dcs.vn"), even
    // when a commune (its seat) bears the name too; not a district of that name in
    // another province ("binhthanh.chauthanh.angiang.gov.vn" is a commune's).
    let district_portal = index.get(*first).is_some_and(|ids| {
        units.is_empty()
            || ids
                .iter()
                .any(|&d| units.iter().any(|&u| gaz.contains(u, d)))
    });
    if district_portal {
        return Vec::new();
    }
    let Some(communes) = commune_slug_index().get(*first) else {
        return Vec::new();
    };
    communes
        .iter()
        .copied()
        .filter(|&c| units.iter().any(|&u| gaz.contains(u, c)))
        .collect()
}

/// The host of a URL, without scheme, port, path or query.
fn host_of(url: &str) -> &str {
    url.split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
}

/// Units named by the host labels of `url` (whole labels, or a label ending with a
/// name: "baodongnai" → Đồng Nai). Names shared by several units ("phuninh": Phù Ninh,
/// Phú Ninh) are narrowed to the province another label names, and kept whole when
/// none does.
pub fn places_in_url(url: &str) -> Vec<Vec<PlaceId>> {
    let host = host_of(url);
    let index = slug_index();
    let gaz = Gazetteer::global();
    let mut found: Vec<Vec<PlaceId>> = Vec::new();
    for label in host.to_ascii_lowercase().split('.') {
        let hit = (0..label.len())
            .filter(|&k| label.is_char_boundary(k))
            .find_map(|k| index.get(&label[k..]));
        if let Some(ids) = hit {
            // A host names a province's portal or paper, not the city of that name.
            let provinces: Vec<_> = ids
                .iter()
                .copied()
                .filter(|id| gaz.place(*id).level() == Level::Province)
                .collect();
            found.push(if provinces.is_empty() {
                ids.clone()
            } else {
                provinces
            });
        }
    }
    // The labels of a host are nested units: one that names no unit inside the
    // province another label names is a commune's name ("binhthanh.chauthanh.angiang":
    // not the Bình Thạnh district of Hồ Chí Minh City).
    let host_provinces: Vec<PlaceId> = found
        .iter()
        .flatten()
        .copied()
        .filter(|&id| gaz.place(id).level() == Level::Province)
        .collect();
    if !host_provinces.is_empty() {
        found.retain(|ids| {
            ids.iter()
                .any(|&id| host_provinces.iter().any(|&p| gaz.contains(p, id)))
        });
    }
    found.extend(places_in_path(url));
    found.extend(province_opening_headline(url));
    // One unit, possibly on both sides of the 2025 reform (the era is chosen later).
    let single = |ids: &[PlaceId]| {
        ids.iter().all(|id| {
            gaz.place(*id).name == gaz.place(ids[0]).name
                && gaz.place(*id).level() == gaz.place(ids[0]).level()
        })
    };
    let provinces: Vec<PlaceId> = found
        .iter()
        .filter(|ids| single(ids))
        .flat_map(|ids| ids.iter().map(|id| gaz.province_of(*id)))
        .collect();
    found
        .into_iter()
        .map(|ids| {
            if single(&ids) {
                return ids;
            }
            let inside: Vec<_> = ids
                .iter()
                .copied()
                .filter(|id| provinces.iter().any(|p| gaz.contains(*p, *id)))
                .collect();
            // No label names the province: every unit of that ASCII name stays, for
            // the text to choose from.
            if inside.is_empty() && provinces.is_empty() {
                ids
            } else {
                inside
            }
        })
        .filter(|ids| !ids.is_empty())
        .collect()
}

/// The communes a headline slug in the path of `url` names with their level word
/// (`/dai-hoi-dang-bo-xa-an-nghia-lan-thu-i`, `/phuong-hong-gai-to-chuc-ky-hop`),
/// inside one of `units`, those the host or the path names ([`places_in_url`]): the
/// commune the article is about, even when its text names only the commune's posts.
/// None when no unit of the URL holds it, since a bare commune name is too common to
/// place an article by.
pub fn headline_communes(url: &str, units: &[Vec<PlaceId>]) -> Vec<PlaceId> {
    const LEVELS: [(&str, Level); 3] = [
        ("xa", Level::Commune),
        ("phuong", Level::Commune),
        ("thi-tran", Level::Commune),
    ];
    let gaz = Gazetteer::global();
    let mut found: Vec<PlaceId> = Vec::new();
    for c in units_in_path(url, &LEVELS, commune_slug_index, 2)
        .into_iter()
        .flatten()
    {
        if units.iter().flatten().any(|&u| gaz.contains(u, c)) && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// Units named in the path with their level word: `/dang-bo-huyen-dinh-hoa/`.
fn places_in_path(url: &str) -> Vec<Vec<PlaceId>> {
    const LEVELS: [(&str, Level); 5] = [
        ("huyen", Level::District),
        ("quan", Level::District),
        ("thi-xa", Level::District),
        ("thanh-pho", Level::District),
        ("tinh", Level::Province),
    ];
    units_in_path(url, &LEVELS, slug_index, 1)
}

/// Units of `index` named in the path of `url` after one of the level words of
/// `levels` (hyphenated as in a slug), each a name of at least `min_words` words.
/// "xa" after "thi" is "thị xã", a district's level word, not a commune's. The index
/// is built only when a path holds a level word.
fn units_in_path(
    url: &str,
    levels: &[(&str, Level)],
    index: fn() -> &'static HashMap<String, Vec<PlaceId>>,
    min_words: usize,
) -> Vec<Vec<PlaceId>> {
    let gaz = Gazetteer::global();
    let path = url.split("://").nth(1).unwrap_or(url);
    let path = percent_decode(path.split_once('/').map_or("", |(_, p)| p));
    let mut found = Vec::new();
    let level_parts: Vec<(Vec<&str>, &str, Level)> = levels
        .iter()
        .map(|&(w, level)| (w.split('-').collect(), w, level))
        .collect();
    for segment in path.split(['/', '?', '&', '=', '.']) {
        // Vietnamese slugs may keep their letters ("đảng-bộ-huyện-thanh-hà").
        let segment = cadre_text::ascii_slug(segment);
        let words: Vec<&str> = segment.split('-').collect();
        for k in 0..words.len() {
            let level = level_parts.iter().find(|(parts, w, _)| {
                words[k..].starts_with(parts) && !(k > 0 && words[k - 1] == "thi" && *w == "xa")
            });
            let Some((parts, word, level)) = level else {
                continue;
            };
            let skip = parts.len();
            for len in (min_words..=4).rev() {
                let Some(name) = words.get(k + skip..k + skip + len) else {
                    continue;
                };
                // A numbered district keeps its level word in its name ("quan-11").
                let key = if name.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit())) {
                    format!("{}{}", word.replace('-', ""), name.concat())
                } else {
                    name.concat()
                };
                let ids: Vec<_> = index()
                    .get(&key)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|id| gaz.place(*id).level() == *level)
                    .collect();
                if !ids.is_empty() {
                    found.push(ids);
                    break;
                }
            }
        }
    }
    found
}

/// The province a headline slug opens with, as a dateline ("Đồng Tháp: bổ nhiệm …" →
/// `/dong-thap-bo-nhiem-nhan-su-….htm`): national papers name the province first.
fn province_opening_headline(url: &str) -> Option<Vec<PlaceId>> {
    let gaz = Gazetteer::global();
    let path = url.split("://").nth(1).unwrap_or(url);
    let path = percent_decode(path.split_once('/').map_or("", |(_, p)| p));
    let last = path
        .split(['?', '#'])
        .next()?
        .rsplit('/')
        .find(|s| !s.is_empty())?;
    let slug = cadre_text::ascii_slug(last);
    let words: Vec<&str> = slug.split('-').collect();
    (1..=4.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|len| {
            let ids: Vec<PlaceId> = slug_index()
                .get(&words[..len].concat())?
                .iter()
                .copied()
                .filter(|id| gaz.place(*id).level() == Level::Province)
                .collect();
            (!ids.is_empty()).then_some(ids)
        })
}

/// Decodes `%XX` escapes (UTF-8) in a URL part; malformed escapes stay as written.
fn percent_decode(part: &str) -> String {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(url: &str) -> Vec<Vec<String>> {
        let gaz = Gazetteer::global();
        places_in_url(url)
            .iter()
            .map(|ids| ids.iter().map(|id| gaz.place(*id).name.clone()).collect())
            .collect()
    }

    #[test]
    fn district_portal_and_province() {
        let n = names("http://hauloc.thanhhoa.gov.vn/portal/pages/print.aspx?p=7372");
        assert!(n[0].iter().all(|x| x == "Hậu Lộc"), "{n:?}");
        assert!(n[1].iter().all(|x| x == "Thanh Hóa"), "{n:?}");
    }

    #[test]
    fn provincial_paper() {
        let n = names("https://baodongnai.com.vn/tintuc/201503/x.html");
        assert!(n.iter().flatten().any(|x| x == "Đồng Nai"), "{n:?}");
    }

    #[test]
    fn path_with_level_word() {
        let n = names("https://thainguyen.dcs.vn/hoat-dong/dang-bo-huyen-dinh-hoa/x-319.html");
        assert!(n.iter().flatten().any(|x| x == "Thái Nguyên"), "{n:?}");
        assert!(n.iter().flatten().any(|x| x == "Định Hóa"), "{n:?}");
    }

    #[test]
    fn path_with_letters_or_escapes() {
        let n =
            names("https://x.org.vn/Article/a/đại-hội-đảng-bộ-huyện-lạng-giang-lần-thứ-xx.html");
        assert!(n.iter().flatten().any(|x| x == "Lạng Giang"), "{n:?}");
        let n = names("https://x.com/tin/%C4%91h-qu%E1%BA%ADn-5-l%E1%BA%A7n-xii");
        assert!(n.iter().flatten().any(|x| x == "Quận 5"), "{n:?}");
        assert_eq!(percent_decode("a%2"), "a%2");
    }

    #[test]
    fn a_headline_opening_with_a_province() {
        // One unit on both sides of the 2025 reform.
        let n = names("https://cafef.vn/dong-thap-bo-nhiem-nhan-su-2019100910.chn");
        assert!(
            n.len() == 1 && n[0].iter().all(|x| x == "Đồng Tháp"),
            "{n:?}"
        );
        let n = names("https://m.x.vn/kon-tum-co-chu-tich-tinh-moi-post3813.html");
        assert!(n.len() == 1 && n[0].iter().all(|x| x == "Kon Tum"), "{n:?}");
        assert!(names("https://x.vn/bau-chu-tich-dong-thap-moi.html").is_empty());
    }

    #[test]
    fn an_ascii_name_of_several_units_keeps_them_all_without_a_province() {
        let mut n = names("http://phuninh.gov.vn/index.php/tin-tuc");
        n[0].sort();
        assert_eq!(n, [["Phù Ninh", "Phú Ninh"]]);
    }

    #[test]
    fn a_commune_portal_names_its_commune_inside_the_units_the_host_names() {
        let gaz = Gazetteer::global();
        let communes = |url: &str| -> Vec<(String, String)> {
            portal_communes(url)
                .into_iter()
                .map(|id| {
                    let district = gaz.place(id).parent.map(|d| gaz.place(d).name.clone());
                    (gaz.place(id).name.clone(), district.unwrap_or_default())
                })
                .collect()
        };
        // Tân Lập is a commune of many districts; one of them is Đan Phượng (Hà Nội).
        let n = communes("https://tanlap.danphuong.hanoi.gov.vn/tin-tuc/x.html");
        assert!(!n.is_empty(), "{n:?}");
        assert!(
            n.iter().all(|(c, d)| c == "Tân Lập" && d == "Đan Phượng"),
            "{n:?}"
        );
        assert!(communes("https://tanlap.gov.vn/x").is_empty());
        // A district's portal, though its township bears its name.
        assert!(communes("https://tranvanthoi.camau.dcs.vn/x").is_empty());
        assert!(communes("https://hanoi.gov.vn/x").is_empty());
    }

    #[test]
    fn a_headline_slug_names_a_commune_inside_the_units_the_url_names() {
        let gaz = Gazetteer::global();
        let communes = |url: &str| -> Vec<String> {
            headline_communes(url, &places_in_url(url))
                .into_iter()
                .map(|id| gaz.place(id).name.clone())
                .collect()
        };
        assert_eq!(
            communes("https://hauloc.thanhhoa.gov.vn/tin/dai-hoi-dang-bo-xa-tien-loc-lan-thu-i"),
            ["Tiến Lộc"]
        );
        // No unit of the URL holds it, or it is no commune's level word.
        assert!(communes("https://tienphong.vn/dang-bo-xa-tien-loc-post1.tpo").is_empty());
        assert!(communes("https://hauloc.thanhhoa.gov.vn/xa-hoi/tin-tuc").is_empty());
        assert!(communes("https://hauloc.thanhhoa.gov.vn/thi-xa-tien-loc").is_empty());
    }

    #[test]
    fn a_host_label_naming_a_district_of_another_province_is_a_commune() {
        let url = "https://binhthanh.chauthanh.angiang.gov.vn/index.php/tin-tuc";
        let units: Vec<String> = names(url).iter().flatten().cloned().collect();
        assert!(!units.contains(&"Bình Thạnh".to_string()), "{units:?}");
        let gaz = Gazetteer::global();
        let communes: Vec<String> = portal_communes(url)
            .into_iter()
            .map(|id| gaz.place(gaz.province_of(id)).name.clone())
            .collect();
        assert!(
            !communes.is_empty() && communes.iter().all(|p| p == "An Giang"),
            "{communes:?}"
        );
    }

    #[test]
    fn national_outlets_name_no_place() {
        assert!(names("https://tienphong.vn/post1779412.tpo").is_empty());
        assert!(names("https://www.vietnamplus.vn/x.vnp").is_empty());
    }
}
