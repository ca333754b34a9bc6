//! Property tests of whole-article extraction on generated articles: a title, a page
//! stamp, and sentences assembled from officials, posts, bodies, places, meetings,
//! terms, documents and dates, with noise (decomposed letters, old tone placement,
//! non-breaking and zero-width spaces, tags and character references). The same
//! invariants are checked on arbitrary input by `fuzz/fuzz_targets/extract.rs`.

use cadre_extract::eval::to_eval_json;
use cadre_extract::{extract, ArticleInput, Evidence, Extraction};
use cadre_text::normalize_text;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

const FAMILY: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Đặng", "Bùi"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Minh", "Hữu", "Thanh"];
const GIVEN: &[&str] = &["An", "Bình", "Cường", "Hoa", "Dũng", "Tâm", "Hùng"];
const ROLES: &[&str] = &[
    "Bí thư",
    "Phó Bí thư",
    "Phó Bí thư Thường trực",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Ủy viên Ban Thường vụ",
    "Thành uỷ viên",
    "nguyên Bí thư",
    "quyền Chủ tịch",
];
const BODIES: &[&str] = &[
    "Huyện ủy",
    "Huyện uỷ",
    "Tỉnh ủy",
    "Thành ủy",
    "Quận ủy",
    "UBND huyện",
    "HĐND tỉnh",
    "Ủy ban MTTQ huyện",
    "Ban Tổ chức Tỉnh ủy",
];
const PLACES: &[&str] = &[
    "Thanh Trì",
    "Gia Lâm",
    "Nghệ An",
    "Quận 8",
    "Hà Nội",
    "Khánh Hoà",
    "TP. Hồ Chí Minh",
    "",
];
const NOISE: &[&str] = &[
    "\u{A0}", "\u{200B}", "\r", "\t", "<p>", "</p>", "<br>", "&agrave;", "&#7899;", " ", "\n", "…",
    "“", "”",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(list)
}

fn name() -> impl Strategy<Value = String> {
    (pick(FAMILY), pick(MIDDLE), pick(GIVEN)).prop_map(|(f, m, g)| format!("{f} {m} {g}"))
}

fn post() -> impl Strategy<Value = String> {
    (pick(ROLES), pick(BODIES), pick(PLACES)).prop_map(|(r, b, p)| format!("{r} {b} {p}"))
}

fn date() -> impl Strategy<Value = String> {
    (1..32u32, 1..13u32, 2015..2027i32, 0..3u8).prop_map(|(d, m, y, form)| match form {
        0 => format!("ngày {d}/{m}/{y}"),
        1 => format!("ngày {d} tháng {m} năm {y}"),
        _ => format!("Sáng {d}-{m}"),
    })
}

fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        (name(), post(), post()).prop_map(|(n, p, q)| format!("Đồng chí {n} - {p}, {q} chủ trì hội nghị.")),
        (post(), name()).prop_map(|(p, n)| format!("{p} {n} phát biểu chỉ đạo.")),
        (date(), pick(BODIES), pick(PLACES), 1..40u32, 0..5u8, name()).prop_map(|(d, b, p, n, k, c)| {
            format!("{d}, {b} {p} tổ chức Hội nghị Ban Chấp hành lần thứ {n}, khóa {}, nhiệm kỳ 2020 - 2025. Đồng chí {c} chủ trì.",
                ["XX", "XXIV", "XII", "IX", "V"][k as usize])
        }),
        (1..100u32, date(), pick(BODIES)).prop_map(|(n, d, b)| format!("Thực hiện Nghị quyết số {n}-NQ/HU {d} của {b}.")),
        (name(), post(), name()).prop_map(|(n, p, o)| format!("Ông {n} được bầu giữ chức {p}, thay ông {o}.")),
        "[A-ZĐa-zàáảãạăắằâấđèéêếìíòóôốơớùúưứỳýỷ ,.]{0,40}",
    ]
}

/// One article: title, optional stamp line, sentences with noise, in NFC or NFD.
fn article() -> impl Strategy<Value = String> {
    (
        pick(BODIES),
        pick(PLACES),
        prop::option::of((1..29u32, 1..13u32, 2015..2027i32)),
        prop::collection::vec((sentence(), prop::option::of(pick(NOISE))), 1..8),
        any::<bool>(),
    )
        .prop_map(|(body, place, stamp, sentences, nfd)| {
            let mut text = format!("{body} {place} tổ chức hội nghị\n");
            if let Some((d, m, y)) = stamp {
                text.push_str(&format!("10:34 {d:02}/{m:02}/{y}\n"));
            }
            for (s, noise) in sentences {
                text.push_str(&s);
                text.push_str(noise.unwrap_or(" "));
            }
            if nfd {
                text.nfd().collect()
            } else {
                text
            }
        })
}

fn run(text: &str, url: Option<&str>, published: Option<&str>) -> Extraction {
    extract(&ArticleInput {
        id: "prop",
        text,
        url,
        published,
    })
}

fn valid_iso(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        date[..4].parse::<i32>(),
        date[5..7].parse::<u32>(),
        date[8..].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The text of a character span.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn evidence_ok(x: &Extraction, e: &Evidence) -> Result<(), TestCaseError> {
    prop_assert!(e.sentence < x.sentences.len(), "{:?}", e);
    let s = &x.sentences[e.sentence];
    prop_assert!(
        s.start <= e.start && e.start < e.end && e.end <= s.end,
        "{:?} outside {:?}",
        e,
        s
    );
    Ok(())
}

proptest! {
    #[test]
    fn offsets_slice_the_normalised_text(text in article()) {
        let x = run(&text, None, None);
        prop_assert_eq!(normalize_text(&x.text), x.text.clone());
        let n = x.text.chars().count();
        let mut last = 0;
        for s in &x.sentences {
            prop_assert!(last <= s.start && s.start < s.end && s.end <= n, "{:?}", s);
            prop_assert_eq!(chars(&x.text, s.start, s.end), s.text.clone());
            last = s.end;
        }
        for p in &x.persons {
            prop_assert!(!p.name.trim().is_empty());
            for e in &p.mentions {
                evidence_ok(&x, e)?;
                prop_assert_eq!(chars(&x.text, e.start, e.end), p.name.clone());
            }
            for q in &p.positions {
                evidence_ok(&x, &q.evidence)?;
            }
        }
        for d in &x.documents {
            evidence_ok(&x, &d.evidence)?;
        }
        for t in &x.terms {
            evidence_ok(&x, &t.evidence)?;
            if let (Some(a), Some(b)) = (t.start, t.end) {
                prop_assert!(a <= b, "{:?}", t);
            }
        }
        for m in &x.meetings {
            evidence_ok(&x, &m.evidence)?;
        }
    }

    #[test]
    fn extracted_dates_are_calendar_dates(text in article()) {
        let x = run(&text, None, None);
        let dates = x.published.iter()
            .chain(x.documents.iter().filter_map(|d| d.date.as_ref()))
            .chain(x.meetings.iter().filter_map(|m| m.date.as_ref()));
        for date in dates {
            prop_assert!(valid_iso(date), "{} in {:?}", date, x.text);
        }
    }

    #[test]
    fn normal_form_and_invisible_characters_do_not_matter(text in article()) {
        let nfc = run(&text.nfc().collect::<String>(), None, None);
        let nfd = run(&text.nfd().collect::<String>(), None, None);
        prop_assert_eq!(&nfc, &nfd);
        // A non-breaking space reads as a space; a zero-width space as nothing.
        let spaced = run(&text.replace(' ', "\u{A0}"), None, None);
        prop_assert_eq!(&spaced.text, &nfc.text);
        prop_assert_eq!(&spaced.persons, &nfc.persons);
    }

    #[test]
    fn metadata_is_carried_and_eval_json_matches(
        text in article(),
        published in prop::option::of((2015..2027i32, 1..13u32, 1..29u32)),
        url in prop::option::of("https://[a-z]{3,10}\\.gov\\.vn/[a-z0-9/-]{0,20}"),
    ) {
        let published = published.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
        let x = run(&text, url.as_deref(), published.as_deref());
        prop_assert_eq!(x.url.as_deref(), url.as_deref());
        if published.is_some() {
            prop_assert_eq!(&x.published, &published);
        }
        let json = to_eval_json(&x);
        prop_assert_eq!(&json["id"], "prop");
        prop_assert_eq!(json["persons"].as_array().map(Vec::len), Some(x.persons.len()));
        prop_assert_eq!(json["documents"].as_array().map(Vec::len), Some(x.documents.len()));
        prop_assert_eq!(json["meetings"].as_array().map(Vec::len), Some(x.meetings.len()));
        serde_json::to_string(&x).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Extraction is a pure function.
        prop_assert_eq!(run(&text, url.as_deref(), published.as_deref()), x);
    }

    #[test]
    fn apposition_names_the_official_and_the_post(
        n in name(),
        (role, body, place) in prop_oneof![
            (pick(&["Bí thư", "Phó Bí thư"]), Just("Huyện ủy"), pick(&["Thanh Trì", "Gia Lâm"])),
            (pick(&["Bí thư", "Phó Bí thư"]), Just("Tỉnh ủy"), Just("Nghệ An")),
            (Just("Chủ tịch"), Just("UBND huyện"), pick(&["Thanh Trì", "Gia Lâm"])),
        ],
        nfd in any::<bool>(),
    ) {
        let text = format!("Tin\n10:34 05/10/2022\n\nĐồng chí {n} - {role} {body} {place} chủ trì hội nghị.");
        let text: String = if nfd { text.nfd().collect() } else { text };
        let x = run(&text, None, None);
        let person = x.persons.iter().find(|p| p.name == n);
        prop_assert!(person.is_some(), "{} not in {:?}", n, x.persons);
        let posts: Vec<_> = person.unwrap().positions.iter()
            .map(|q| (q.role.as_str(), q.body.place.as_ref().map(|p| p.name.as_str())))
            .collect();
        prop_assert!(posts.contains(&(role, Some(place))), "{:?}", posts);
    }
}
