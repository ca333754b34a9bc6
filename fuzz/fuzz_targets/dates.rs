//! Arbitrary text → `cadre_text::find_dates`: spans are ordered, disjoint and on char
//! boundaries, every date is a real calendar date, and `iso` spells it.
#![no_main]

use cadre_text::find_dates;
use libfuzzer_sys::fuzz_target;

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // Without a year, 29 February may still be right.
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fuzz_target!(|s: &str| {
    let mut last_end = 0;
    for d in find_dates(s) {
        assert!(d.start < d.end && d.end <= s.len(), "{d:?}");
        assert!(
            s.is_char_boundary(d.start) && s.is_char_boundary(d.end),
            "{d:?}"
        );
        assert!(d.start >= last_end, "overlapping dates {d:?}");
        last_end = d.end;
        assert!((1..=12).contains(&d.month), "{d:?}");
        assert!(
            d.day >= 1 && d.day <= days_in_month(d.year, d.month),
            "{d:?} in {s:?}"
        );
        if let Some(y) = d.year {
            assert!((1930..=2100).contains(&y), "{d:?}");
        }
        let iso = d.iso(Some(2024)).expect("fallback year given");
        let expected = format!("{:04}-{:02}-{:02}", d.year.unwrap_or(2024), d.month, d.day);
        assert_eq!(iso, expected);
        assert_eq!(d.iso(None).is_some(), d.year.is_some());
        // A year-less 29 February has no date in a common year.
        let common = d.year.is_none() && d.month == 2 && d.day == 29;
        assert_eq!(d.iso(Some(2023)).is_none(), common, "{d:?}");
    }
});
