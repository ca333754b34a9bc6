//! Dates as Vietnamese news writes them: "05/10/2022", "5-10-2022", "ngày 5 tháng 10
//! năm 2022", "Thứ Năm, ngày 6 tháng 10 năm 2022", "Chiều 14-12" (no year), "(20:57
//! 17/06/2024)", "10:34 15/12/2021".

use std::sync::OnceLock;

use regex::Regex;

/// A date found in text. `year` is `None` for day/month-only dates, which the caller
/// completes from the article's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset of the first character of the date expression.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Year, when written.
    pub year: Option<i32>,
    /// Month, 1..=12.
    pub month: u32,
    /// Day, 1..=31.
    pub day: u32,
    /// A clock time ("10:34") stands right before or after it: the mark of a page stamp.
    pub with_time: bool,
    /// A weekday ("Thứ Năm,") stands right before it.
    pub with_weekday: bool,
    /// That weekday when it is named: 0 = Monday (thứ Hai) … 6 = Sunday (Chủ nhật).
    /// With a term's years it can fix the year of a day/month-only date.
    pub weekday: Option<u32>,
}

impl DateMatch {
    /// ISO `YYYY-MM-DD`, taking `fallback_year` when the text gave none; `None` when
    /// there is no year or the day does not exist in it (29 February, common year).
    pub fn iso(&self, fallback_year: Option<i32>) -> Option<String> {
        let year = self.year.or(fallback_year)?;
        (self.day <= days_in_month(Some(year), self.month))
            .then(|| format!("{year:04}-{:02}-{:02}", self.month, self.day))
    }
}

fn numeric() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\d/.,-])(\d{1,2})([/.-])(\d{1,2})(?:([/.-]) ?(\d{4}))?(?:$|[^\d/-])")
            .expect("valid date regex")
    })
}

/// "18-19/7", "5 - 8/12/2011": a run of days closing with its month (and year).
fn day_range() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\d/.,-])(\d{1,2}) ?[-–] ?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?:$|[^\d/-])")
            .expect("valid day range regex")
    })
}

fn verbal() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")
            .expect("valid date regex")
    })
}

/// The first day of a range or list written before a date: "ngày 26 và 27-3", "ngày
/// 30, 31-3", "ngày 8 đến 10/5", "trong 3 ngày, 3, 4 và 5/8/2020".
fn range_start() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:ngày|sáng|chiều|từ)\s*,?\s+(\d{1,2})(?:\s*,\s*\d{1,2})*\s*(?:,|và|đến|-|–)\s*$",
        )
            .expect("valid range regex")
    })
}

fn time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\d{1,2}[:h]\d{2}").expect("valid time regex"))
}

/// Words after which a day/month-only number pair is a date ("Chiều 14-12", "ngày 5/10").
const DAY_CUES: [&str; 9] = [
    "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "từ", "nay",
];

/// Every date expression in `s`, in order. Day/month pairs without a year count only
/// after a cue word (ngày, sáng, chiều, …) so that fractions and scores are not dates.
pub fn find_dates(s: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for caps in verbal().captures_iter(s) {
        let whole = caps.get(0).expect("match");
        let day = caps[1].parse().unwrap_or(0);
        let month = caps[2].parse().unwrap_or(0);
        let year = caps.get(3).and_then(|y| y.as_str().parse().ok());
        push_valid(&mut out, s, whole.start(), whole.end(), year, month, day);
    }
    // A range of days within a week, written with the month once, is dated by its
    // first day ("Sau 2 ngày (18-19/7) làm việc", "Từ ngày 5-8/12").
    for caps in day_range().captures_iter(s) {
        let (first, last) = (caps.get(1).expect("day"), caps.get(4).or(caps.get(3)));
        let (d1, d2): (u32, u32) = (caps[1].parse().unwrap_or(0), caps[2].parse().unwrap_or(0));
        if d1 < d2 && d2 - d1 <= 7 {
            let year = caps.get(4).and_then(|y| y.as_str().parse().ok());
            let month = caps[3].parse().unwrap_or(0);
            let end = last.expect("month").end();
            push_valid(&mut out, s, first.start(), end, year, month, d1);
        }
    }
    let mut pos = 0;
    while let Some(caps) = numeric().captures_at(s, pos) {
        let first = caps.get(1).expect("day");
        let last = caps.get(5).or(caps.get(3)).expect("month");
        pos = last.end();
        if out
            .iter()
            .any(|d: &DateMatch| d.start <= first.start() && first.start() < d.end)
        {
            continue;
        }
        let sep = &caps[2];
        let year = caps.get(5).and_then(|y| y.as_str().parse().ok());
        if year.is_some() && caps.get(4).map(|m| m.as_str()) != Some(sep) {
            continue;
        }
        let month = caps[3].parse().unwrap_or(0);
        // A multi-day range is dated by its first day.
        let head = &s[floor_char(s, first.start().saturating_sub(24))..first.start()];
        if let Some(range) = range_start().captures(head) {
            let d1 = range.get(1).expect("day");
            let at = first.start() - (head.len() - d1.start());
            let day = d1.as_str().parse().unwrap_or(0);
            push_valid(&mut out, s, at, last.end(), year, month, day);
            continue;
        }
        let after_weekday = || weekday_re().is_match(&head.to_lowercase());
        if year.is_none() && !has_day_cue(&s[..first.start()], &s[last.end()..]) && !after_weekday()
        {
            continue;
        }
        let day = caps[1].parse().unwrap_or(0);
        push_valid(&mut out, s, first.start(), last.end(), year, month, day);
    }
    out.sort_by_key(|d| d.start);
    out
}

/// Whether the word before a day/month pair is a cue; the pair may stand alone in
/// parentheses after a relative day ("Sáng nay (28/9)", "tối qua (23/9)").
fn has_day_cue(before: &str, after: &str) -> bool {
    let trimmed = before.trim_end();
    let closed = after.trim_start().starts_with(')');
    if let Some(open) = trimmed.strip_suffix('(').filter(|_| closed) {
        let word = open
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if matches!(word.as_str(), "nay" | "qua") {
            return true;
        }
    }
    let last_word = trimmed
        .rsplit(|c: char| !crate::chars::is_alphabetic(c))
        .next()
        .unwrap_or("")
        .to_lowercase();
    DAY_CUES.contains(&last_word.as_str())
}

fn push_valid(
    out: &mut Vec<DateMatch>,
    s: &str,
    start: usize,
    end: usize,
    year: Option<i32>,
    month: u32,
    day: u32,
) {
    let valid_year = year.is_none_or(|y| (1930..=2100).contains(&y));
    if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) || !valid_year
    {
        return;
    }
    let window_start = floor_char(s, start.saturating_sub(10));
    let window_end = ceil_char(s, (end + 10).min(s.len()));
    let with_time =
        time_re().is_match(&s[window_start..start]) || time_re().is_match(&s[end..window_end]);
    let head = s[floor_char(s, start.saturating_sub(24))..start].to_lowercase();
    let with_weekday = head.contains("thứ ") || head.contains("chủ nhật");
    let weekday = weekday_re()
        .captures(&head)
        .and_then(|c| WEEKDAYS.iter().position(|w| w.contains(&&c[1])))
        .map(|w| w as u32);
    out.push(DateMatch {
        start,
        end,
        year,
        month,
        day,
        with_time,
        with_weekday,
        weekday,
    });
}

/// Names of the weekdays from Monday, in words and in digits ("thứ Năm", "thứ 5").
const WEEKDAYS: [[&str; 2]; 7] = [
    ["thứ hai", "thứ 2"],
    ["thứ ba", "thứ 3"],
    ["thứ tư", "thứ 4"],
    ["thứ năm", "thứ 5"],
    ["thứ sáu", "thứ 6"],
    ["thứ bảy", "thứ 7"],
    ["chủ nhật", "cn"],
];

/// A weekday right before a date: "Thứ Năm, ngày 6 …", "sáng thứ Hai (19/7)".
fn weekday_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)[\s,(]*(?:ngày\s*)?$")
            .expect("valid weekday regex")
    })
}

/// The weekday of a calendar date, 0 = Monday … 6 = Sunday (proleptic Gregorian).
pub fn weekday_of(year: i32, month: u32, day: u32) -> u32 {
    // Sakamoto's method, shifted so that Monday is 0.
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_based =
        (y + y / 4 - y / 100 + y / 400 + OFFSETS[(month - 1) as usize] + day as i32).rem_euclid(7);
    ((sunday_based + 6) % 7) as u32
}

fn glued_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\d/.-])\d{1,2}([/.-])\d{1,2}([/.-])\d{4}\p{Lu}\p{Ll}")
            .expect("valid glued date regex")
    })
}

/// Splits a full date glued to the capitalised word after it ("28/9/2020Sáng nay"),
/// so that both the date and the sentence are read. A date that opens its line is a
/// page stamp run into the lead when markup was stripped: a line break puts it on a
/// line of its own. Elsewhere (a list of related links, "- 05-01-2019Tỉnh ủy …") a
/// space separates the two. Text without such a date is returned as it is.
pub fn unglue_dates(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut copied = 0;
    for m in glued_date().find_iter(s) {
        let text = m.as_str();
        let digits = text.trim_end_matches(|c: char| !c.is_ascii_digit());
        let seps: Vec<char> = text
            .chars()
            .filter(|c| matches!(c, '/' | '.' | '-'))
            .collect();
        if seps.first() != seps.last() {
            continue;
        }
        let at = m.start() + digits.len();
        let first_digit = m.start() + text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        let line_start = s[..first_digit].rfind('\n').map_or(0, |n| n + 1);
        let opens_line = s[line_start..first_digit].trim().is_empty();
        out.push_str(&s[copied..at]);
        out.push(if opens_line { '\n' } else { ' ' });
        copied = at;
    }
    out.push_str(&s[copied..]);
    out
}

/// Days in `month` (1..=12, else 31); February has 29 when the year is not known (the
/// caller's year may be a leap year).
pub fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(s: &str) -> Vec<String> {
        find_dates(s)
            .iter()
            .filter_map(|d| d.iso(Some(1999)))
            .collect()
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(isos("Ngày đăng 05/10/2022 | 14:36"), vec!["2022-10-05"]);
        assert_eq!(isos("ngày 5-10-2022 tại"), vec!["2022-10-05"]);
        assert_eq!(isos("(20:57 17/06/2024)"), vec!["2024-06-17"]);
    }

    #[test]
    fn a_range_of_days_is_dated_by_its_first_day() {
        assert_eq!(isos("Sau 2 ngày (18-19/7) làm việc"), vec!["1999-07-18"]);
        assert_eq!(isos("Từ ngày 5-8/12/2011, tại Hà Nội"), vec!["2011-12-05"]);
        assert!(isos("đạt 3-20/12 chỉ tiêu").is_empty());
    }

    #[test]
    fn day_month_in_parentheses_after_a_relative_day() {
        assert_eq!(isos("Tối qua (14/3), Đại hội"), vec!["1999-03-14"]);
        assert_eq!(isos("Sáng nay ( 2/7), Hội nghị"), vec!["1999-07-02"]);
        assert!(isos("đi qua (3/4 số xã)").is_empty());
        assert!(isos("tỷ lệ (3/4)").is_empty());
    }

    #[test]
    fn verbal_form_and_weekday() {
        let d = find_dates("Thứ Năm, ngày 6 tháng 10 năm 2022");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].iso(None).as_deref(), Some("2022-10-06"));
        assert!(d[0].with_weekday);
        assert_eq!(d[0].weekday, Some(3));
        // A weekday is a cue for a day/month pair.
        let d = find_dates("Sáng thứ 2 (19/7), Đoàn họp");
        assert_eq!(d[0].weekday, Some(0));
        assert_eq!(find_dates("lần thứ hai vào ngày 5/3")[0].weekday, None);
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(weekday_of(2022, 10, 6), 3);
        assert_eq!(weekday_of(2024, 2, 29), 3);
        assert_eq!(weekday_of(2021, 7, 19), 0);
        assert_eq!(weekday_of(2000, 1, 1), 5);
        assert_eq!(weekday_of(2023, 12, 31), 6);
    }

    #[test]
    fn day_month_needs_a_cue() {
        assert_eq!(isos("Chiều 14-12, Huyện ủy"), vec!["1999-12-14"]);
        assert_eq!(isos("Ngày 5/10, Ban Chấp hành"), vec!["1999-10-05"]);
        assert!(isos("giải quyết 4.523/7.500 người, đạt 1/3").is_empty());
    }

    #[test]
    fn dotted_and_today_cues() {
        assert_eq!(isos("Sáng 15.11, Tỉnh ủy"), vec!["1999-11-15"]);
        assert_eq!(isos("Sáng nay 18/12, Huyện ủy"), vec!["1999-12-18"]);
        assert!(isos("đạt 8.155 tỷ đồng").is_empty());
    }

    #[test]
    fn ranges_take_their_first_day() {
        assert_eq!(
            isos("dự kiến ngày 8 và 9-4-2016 tiến hành"),
            vec!["2016-04-08"]
        );
        assert_eq!(isos("và ngày 20, 21-5, Đại hội"), vec!["1999-05-20"]);
        assert_eq!(isos("từ ngày 3 đến 5/6/2020"), vec!["2020-06-03"]);
        assert_eq!(
            isos("Trong 03 ngày, 3,4 và 5/8/2020, Đảng bộ"),
            vec!["2020-08-03"]
        );
        assert_eq!(isos("ngày 7, 8 và 9-12, Đại hội"), vec!["1999-12-07"]);
        assert_eq!(isos("có 12, 13-5 người"), Vec::<String>::new());
    }

    #[test]
    fn glued_stamps_are_split_from_the_sentence() {
        assert_eq!(
            unglue_dates("Thời sự\n12/3/2021Chiều nay (12/3), Huyện ủy"),
            "Thời sự\n12/3/2021\nChiều nay (12/3), Huyện ủy"
        );
        assert_eq!(unglue_dates("12/3/2021Chiều nay"), "12/3/2021\nChiều nay");
        assert_eq!(
            unglue_dates("- 05-01-2019Tỉnh ủy Nghệ An\n"),
            "- 05-01-2019 Tỉnh ủy Nghệ An\n"
        );
        // Not a date (mixed separators, a longer number), or not a word after it.
        for s in [
            "số 12/3-2021Chiều",
            "112/3/2021Chiều",
            "12/3/2021 Chiều",
            "12/3/2021UBND",
        ] {
            assert_eq!(unglue_dates(s), s);
        }
    }

    #[test]
    fn a_space_after_the_separator_before_the_year() {
        assert_eq!(isos("Quyết định ngày 15-11- 2017 của"), vec!["2017-11-15"]);
        assert_eq!(isos("ngày 3/4/ 2019"), vec!["2019-04-03"]);
        // A year range is no date.
        assert!(isos("nhiệm kỳ 2015- 2020").is_empty());
    }

    #[test]
    fn stamp_has_time() {
        let d = find_dates("10:34 15/12/2021");
        assert!(d[0].with_time);
        assert!(!find_dates("ngày 25/4/2022 của Quận ủy")[0].with_time);
    }

    #[test]
    fn invalid_dates_are_dropped() {
        assert!(isos("ngày 35/13/2022").is_empty());
        assert!(isos("ngày 5/10/1800").is_empty());
        // Found by the `dates` fuzz target: day 31 was accepted in every month.
        assert!(isos("ngày 31/4/2023").is_empty());
        assert!(isos("ngày 30 tháng 2 năm 2024").is_empty());
        assert!(isos("ngày 29/2/2023").is_empty());
        assert_eq!(isos("ngày 29/2/2024"), vec!["2024-02-29"]);
        // Without a year 29 February is kept, but it is no date in a common year.
        let leap_day = find_dates("Sáng 29/2, Tỉnh ủy");
        assert_eq!(leap_day.len(), 1);
        assert_eq!(leap_day[0].iso(Some(2024)).as_deref(), Some("2024-02-29"));
        assert_eq!(leap_day[0].iso(Some(1999)), None);
        assert!(isos("Sáng 30/2, Tỉnh ủy").is_empty());
    }
}
