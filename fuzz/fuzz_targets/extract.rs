//! Arbitrary text → `cadre_extract::extract` and `eval::to_eval_json`. The input is
//! `text[\x01url[\x01published]]`. Every character offset (sentences, evidence) must
//! lie inside the normalised text and slice it at character boundaries; evidence must
//! point into its sentence; dates the extractor produced must be real ISO dates.
#![no_main]

use cadre_extract::eval::to_eval_json;
use cadre_extract::{extract, ArticleInput, Evidence, Extraction};
use cadre_text::normalize_text;
use libfuzzer_sys::fuzz_target;

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

fn check_evidence(x: &Extraction, chars: usize, e: &Evidence) {
    assert!(e.sentence < x.sentences.len(), "{e:?}");
    assert!(e.start <= e.end && e.end <= chars, "{e:?}");
    let s = &x.sentences[e.sentence];
    assert!(s.start <= e.start && e.end <= s.end, "{e:?} outside {s:?}");
}

fuzz_target!(|data: &str| {
    let mut parts = data.splitn(3, '\u{1}');
    let text = parts.next().unwrap_or("");
    let url = parts.next();
    let published = parts.next();
    let x = extract(&ArticleInput {
        id: "fuzz",
        text,
        url,
        published,
    });
    assert_eq!(
        normalize_text(&x.text),
        x.text,
        "extraction text not normalised"
    );
    let starts: Vec<usize> = x
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain([x.text.len()])
        .collect();
    let chars = starts.len() - 1;
    let mut last = 0;
    for s in &x.sentences {
        assert!(
            last <= s.start && s.start < s.end && s.end <= chars,
            "{s:?}"
        );
        assert_eq!(&x.text[starts[s.start]..starts[s.end]], s.text);
        last = s.end;
    }
    for p in &x.persons {
        assert!(!p.name.trim().is_empty());
        for e in p
            .mentions
            .iter()
            .chain(p.positions.iter().map(|q| &q.evidence))
        {
            check_evidence(&x, chars, e);
        }
    }
    for d in &x.documents {
        check_evidence(&x, chars, &d.evidence);
        if let Some(date) = &d.date {
            assert!(valid_iso(date), "document date {date}");
        }
    }
    for t in &x.terms {
        check_evidence(&x, chars, &t.evidence);
    }
    for m in &x.meetings {
        check_evidence(&x, chars, &m.evidence);
        // A meeting "today" takes the published date, which the caller may set to
        // anything; dates read from the text must be real.
        if let (Some(date), None) = (&m.date, published) {
            assert!(valid_iso(date), "meeting date {date}");
        }
    }
    if published.is_none() {
        if let Some(p) = &x.published {
            assert!(valid_iso(p), "published {p}");
        }
    }
    let json = to_eval_json(&x);
    assert_eq!(json["id"], "fuzz");
    serde_json::to_string(&x).expect("extraction serialises");
});
