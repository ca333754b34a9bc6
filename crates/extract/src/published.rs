//! The article's own publication date, told apart from page-header dates and event
//! dates, and the reference year used to complete day/month-only dates.

use cadre_text::chars::is_alphabetic;
use cadre_text::find_dates;

/// Lines at the top of a page where a publication stamp may stand.
const STAMP_LINES: usize = 8;

/// The publication date stamped near the title, if any.
///
/// Rules: a weekday date on the very first line is the page header (the day the page
/// was viewed) and is skipped; a full date counts as a stamp when a clock time stands
/// beside it, when its line is short (a stamp line, not a sentence), or when the line
/// says it is a posting date ("Ngày đăng", "Cập nhật"). A leading `date YYYY-MM-DD`
/// line is a stamp too.
pub fn find_published(text: &str) -> Option<String> {
    let lines = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(STAMP_LINES);
    // A month-only metadata stamp gives no day, but a page stamp of that month
    // below it (or after it on its line) does.
    let mut month: Option<&str> = None;
    for (n, line) in lines.enumerate() {
        let line = line.trim();
        if let Some(stamp) = metadata_stamp(line).filter(|_| month.is_none()) {
            if stamp.len() == 10 {
                return Some(stamp.to_string());
            }
            month = Some(stamp);
        }
        for d in find_dates(line) {
            if d.year.is_none() {
                continue;
            }
            if n == 0 && d.with_weekday && d.start < 40 {
                continue;
            }
            // A stamp line is short and has few words besides the date and time.
            let short_line = line.chars().count() <= 60
                && line
                    .split(|c: char| !is_alphabetic(c))
                    .filter(|w| !w.is_empty())
                    .count()
                    <= 5;
            // "Ngày đăng 05/10/2022", "Cập nhật lúc: 17:15 09/12/2025": the words
            // stand just before the date, not anywhere on a line of running text.
            let before = &line[line.floor_char_boundary(d.start.saturating_sub(32))..d.start];
            let before = before.to_lowercase();
            let posted = before.contains("đăng") || before.contains("cập nhật");
            if d.with_time || short_line || posted {
                let iso = d.iso(None);
                if month.is_none_or(|m| iso.as_deref().is_some_and(|iso| iso.starts_with(m))) {
                    return iso;
                }
            }
        }
    }
    None
}

/// A leading metadata stamp `date YYYY-MM-DD` (or month-only `date YYYY-MM`).
pub(crate) fn metadata_stamp(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("date ")?;
    let stamp = rest.split_whitespace().next()?;
    let b = stamp.as_bytes();
    let number = |at: usize, len: usize| -> Option<u32> {
        let digits = b.get(at..at + len)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = number(0, 4)?;
    let month = number(5, 2).filter(|m| (1..=12).contains(m))?;
    let year_month = b[4] == b'-';
    let well_formed = match stamp.len() {
        7 => year_month,
        // Only a real calendar date: the stamp becomes the article's `published`.
        10 => {
            let days = cadre_text::dates::days_in_month(Some(year as i32), month);
            year_month && b[7] == b'-' && number(8, 2).is_some_and(|d| (1..=days).contains(&d))
        }
        _ => false,
    };
    well_formed.then_some(stamp)
}

/// The article's full date: the publication date, else a full date on the first line
/// (the page header), so that units are chosen on the right side of the 2025 reform.
pub fn reference_date(text: &str, published: Option<&str>) -> Option<String> {
    if let Some(p) = published {
        return Some(p.to_string());
    }
    let first_line = text.lines().find(|l| !l.trim().is_empty())?;
    find_dates(first_line).into_iter().find_map(|d| d.iso(None))
}

/// The year day/month-only dates belong to (as [`year_and_whether_written`] gives it).
#[cfg(test)]
pub fn reference_year(text: &str, published: Option<&str>) -> Option<i32> {
    year_and_whether_written(text, published).0
}

/// The year day/month-only dates belong to: the publication year, else the page
/// header's year, else the most frequent year among the text's full dates (when all
/// are cited documents' dates, not before a national term the text names), else the
/// year the terms named imply; and whether the page stamp or a date of the text writes
/// a year (when none does, the year is inferred, or unknown).
pub fn year_and_whether_written(text: &str, published: Option<&str>) -> (Option<i32>, bool) {
    if let Some(year) = published
        .and_then(|p| p.get(..4))
        .and_then(|y| y.parse().ok())
    {
        return (Some(year), true);
    }
    let dates = find_dates(text);
    let stamped = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| metadata_stamp(l.trim()).is_some());
    let written = stamped || dates.iter().any(|d| d.year.is_some());
    (inferred_year(text, &dates), written)
}

/// A birth date ("sinh ngày 20/9/1960", in a title too) says nothing about when the
/// article speaks.
fn is_birth_date(text: &str, d: &cadre_text::DateMatch) -> bool {
    let from = text.floor_char_boundary(d.start.saturating_sub(12));
    text[from..d.start].to_lowercase().contains("sinh")
}

/// The year of [`reference_year`] when no page stamp gives one.
fn inferred_year(text: &str, dates: &[cadre_text::DateMatch]) -> Option<i32> {
    if let Some(first_line) = text.lines().find(|l| !l.trim().is_empty()) {
        if let Some(year) = metadata_stamp(first_line.trim()).and_then(|s| s[..4].parse().ok()) {
            return Some(year);
        }
        if let Some(d) = find_dates(first_line)
            .into_iter()
            .find(|d| d.year.is_some() && !is_birth_date(first_line, d))
        {
            return d.year;
        }
    }
    let mut counts: Vec<(i32, usize)> = Vec::new();
    let mut only_documents = true;
    for d in dates.iter().filter(|d| !is_birth_date(text, d)) {
        let Some(y) = d.year else { continue };
        only_documents &= crate::dating::cites_a_document(text, d.start);
        match counts.iter_mut().find(|(cy, _)| *cy == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    let year = counts.iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| *y);
    // Cited documents' dates ("Quyết định số 84-QĐ/TW, ngày 01/10/2003") only bound
    // the year from below, and so does a national term the text names ("Ủy ban Kiểm
    // tra Trung ương khóa XI": 2011 at the earliest): the later bound.
    if only_documents {
        if let Some(y) = year {
            let national = national_terms(text)
                .into_iter()
                .map(|(_, start, _)| start)
                .max();
            return Some(national.map_or(y, |t| t.max(y)));
        }
    }
    year.or_else(|| congress_year(text))
        .or_else(|| term_year(text, dates))
}

/// The year the terms a text names imply: its congress's ([`congress_year`]), else
/// the one [`term_year`] finds, else the first year of the latest term it names (the
/// text speaks within the term in force, at the earliest in its first year).
pub(crate) fn term_implied_year(text: &str) -> Option<i32> {
    congress_year(text)
        .or_else(|| term_year(text, &find_dates(text)))
        .or_else(|| named_terms(text).iter().map(|&(_, start, _)| start).max())
}

/// A congress is held in the first year of the term it opens: "Đại hội … lần thứ I,
/// nhiệm kỳ 2025-2030" happens in 2025.
fn congress_year(text: &str) -> Option<i32> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?i)đại hội[^.\n]{0,160}?nhiệm kỳ\s*((?:19|20)\d{2})\s*[-–]")
            .expect("valid congress regex")
    });
    re.captures(text).and_then(|c| c[1].parse().ok())
}

/// "Quốc hội khóa XV", "Trung ương Đảng khóa XIII": a national body's numbered term.
fn national_term_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?i)(quốc hội|trung ương)(?: đảng)?,?\s*khóa\s+([ivxl]+|\d+)\b")
            .expect("valid national term regex")
    })
}

/// "Kỳ họp thứ nhất": the first session of a legislature's term.
fn first_session_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?i)kỳ họp (?:thứ nhất|đầu tiên|thứ 1\b|thứ i\b)")
            .expect("valid first-session regex")
    })
}

/// The terms (first year, last year) that a text names, with their byte offsets.
fn named_terms(text: &str) -> Vec<(usize, i32, i32)> {
    let mut terms: Vec<(usize, i32, i32)> = crate::events::mandate_re()
        .captures_iter(text)
        .filter_map(|c| {
            let (y1, y2) = (c[1].parse().ok()?, c[2].parse().ok()?);
            (y1 < y2).then(|| (c.get(0).map_or(0, |m| m.start()), y1, y2))
        })
        .collect();
    terms.extend(national_terms(text));
    terms.sort_unstable();
    terms
}

/// The national terms ("Quốc hội khóa XV", "Trung ương Đảng khóa XIII") that a text
/// names, as (byte offset, first year, last year).
fn national_terms(text: &str) -> Vec<(usize, i32, i32)> {
    let mut terms = Vec::new();
    let national = &cadre_lexicon::vocab::Vocabulary::global().national_terms;
    for c in national_term_re().captures_iter(text) {
        let org = if c[1].to_lowercase() == "quốc hội" {
            "Quốc hội"
        } else {
            "Ban Chấp hành Trung ương"
        };
        let Some(khoa) = cadre_text::parse_ordinal(&c[2]) else {
            continue;
        };
        if let Some(t) = national.iter().find(|t| t.org == org && t.khoa == khoa) {
            terms.push((c.get(0).map_or(0, |m| m.start()), t.start, t.end));
        }
    }
    terms
}

/// The year that the terms a text names fix for its day/month-only dates, when no
/// dated line gives one:
/// - the first session of a legislature is held in its term's first year ("Kỳ họp thứ
///   nhất, Quốc hội khóa XV" → 2021);
/// - a day/month date with its weekday, or on 29 February, that exists in only one year
///   of the terms named ("Sáng 29/02 … nhiệm kỳ 2021 – 2026" → 2024).
fn term_year(text: &str, dates: &[cadre_text::DateMatch]) -> Option<i32> {
    let terms = named_terms(text);
    if let Some(first) = first_session_re().find(text) {
        // The term written with the session: the nearest one after it, within its clause.
        let of_session = terms
            .iter()
            .find(|(at, _, _)| *at >= first.end() && *at - first.end() <= 80);
        if let Some((_, start, _)) = of_session {
            return Some(*start);
        }
    }
    let constraints: Vec<&cadre_text::DateMatch> = dates
        .iter()
        .filter(|d| d.year.is_none() && (d.weekday.is_some() || (d.day, d.month) == (29, 2)))
        .collect();
    if constraints.is_empty() {
        return None;
    }
    let mut fitting = terms
        .iter()
        .flat_map(|&(_, y1, y2)| y1..=y2)
        .filter(|&y| {
            constraints.iter().all(|d| {
                d.day <= cadre_text::dates::days_in_month(Some(y), d.month)
                    && d.weekday
                        .is_none_or(|w| cadre_text::dates::weekday_of(y, d.month, d.day) == w)
            })
        })
        .collect::<Vec<_>>();
    fitting.sort_unstable();
    fitting.dedup();
    match fitting.as_slice() {
        [year] => Some(*year),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_forms() {
        let t = "Tiêu đề bài\nNgày đăng 05/10/2022 | 14:36 | Lượt xem: 683\n\nNgày 5/10, ...";
        assert_eq!(find_published(t).as_deref(), Some("2022-10-05"));
        let t = "Thanh Xuân: Nỗ lực phấn đấu (20:57 17/06/2024)\n\nChiều 17/6, ...";
        assert_eq!(find_published(t).as_deref(), Some("2024-06-17"));
        let t = "Huyện ủy Kiến Thụy: Tập trung\n\n10:34 15/12/2021\n\nChiều 14-12, ...";
        assert_eq!(find_published(t).as_deref(), Some("2021-12-15"));
    }

    #[test]
    fn metadata_stamp_line() {
        let t = " date 2025-09-24 Sáng 24/9, Đại hội khai mạc.";
        assert_eq!(find_published(t).as_deref(), Some("2025-09-24"));
        let t = " date 2023-12 Sáng nay 18/12, Huyện ủy họp.";
        assert_eq!(find_published(t), None);
        assert_eq!(reference_year(t, None), Some(2023));
        // Found by the `extract` fuzz target: malformed stamps were taken verbatim.
        for bad in [
            "2021-11-\u{10}2",
            "2021-13-01",
            "2023-02-29",
            "2021-1x-05",
            "2021-11-+2",
        ] {
            let t = format!("date {bad}\nTin");
            assert_eq!(find_published(&t), None, "{bad}");
        }
        assert_eq!(
            find_published("date 2024-02-29\nTin").as_deref(),
            Some("2024-02-29")
        );
        // A month-only stamp, and the page's stamp of that month after the title.
        let t = " date 2025-06 Bí thư tỉnh ủy các tỉnh mới 30/06/2025 08:54\n\nBộ Chính trị …";
        assert_eq!(find_published(t).as_deref(), Some("2025-06-30"));
        let t = " date 2025-06 Bí thư tỉnh ủy các tỉnh mới 30/07/2025 08:54\n\nBộ Chính trị …";
        assert_eq!(find_published(t), None);
    }

    #[test]
    fn a_posting_word_stands_just_before_its_date() {
        let t = "Quy định số 97-QĐ/TW\n\n(Mặt trận) - Tại Quy định số 97-QĐ/TW ngày 7/2/2023 \
                 của Bộ Chính trị về chức năng của đảng đoàn. Ban Biên tập trân trọng đăng toàn \
                 văn nội dung.";
        assert_eq!(find_published(t), None);
        let t = "Tin\nCập nhật lúc : 17:15 09/12/2025\n\nSáng 9/12, …";
        assert_eq!(find_published(t).as_deref(), Some("2025-12-09"));
    }

    #[test]
    fn cited_documents_and_a_national_term_bound_the_year_from_below() {
        // Only a cited document is dated: the commission's term says 2011 at the
        // earliest.
        let t = "Tin\n\nTừ ngày 5-8/12, Ủy ban Kiểm tra Trung ương khóa XI đã họp, kiểm tra việc \
                 thực hiện Quyết định số 84-QĐ/TW, ngày 01/10/2003 của Ban Bí thư.";
        assert_eq!(reference_year(t, None), Some(2011));
        // A date of the text's own counts as before.
        let t = "Tin\n\nNgày 5/12/2012, Ủy ban Kiểm tra Trung ương khóa XI đã họp, kiểm tra \
                 việc thực hiện Quyết định số 84-QĐ/TW, ngày 01/10/2003 của Ban Bí thư.";
        assert_eq!(reference_year(t, None), Some(2012));
        // With no term named, the document's year is all there is.
        let t = "Tin\n\nNgày 5/12, Huyện ủy kiểm tra việc thực hiện Quyết định số 84-QĐ/TW, \
                 ngày 01/10/2003.";
        assert_eq!(reference_year(t, None), Some(2003));
    }

    #[test]
    fn congress_term_gives_the_year() {
        let t = "Tin\n\nNgày 11/8, Đảng bộ xã tổ chức Đại hội lần thứ I, nhiệm kỳ 2025-2030.";
        assert_eq!(reference_year(t, None), Some(2025));
    }

    #[test]
    fn first_session_is_in_the_first_year_of_its_term() {
        let t = "Tin\n\nĐoàn sẽ dự Kỳ họp thứ nhất, Quốc hội khóa XV khai mạc sáng 20/7.";
        assert_eq!(reference_year(t, None), Some(2021));
        let t =
            "Tin\n\nSáng 24/6, kỳ họp thứ nhất HĐND tỉnh khóa XI, nhiệm kỳ 2021 - 2026 khai mạc.";
        assert_eq!(reference_year(t, None), Some(2021));
    }

    #[test]
    fn leap_day_or_weekday_picks_the_year_of_the_term() {
        let t = "Tin\n\nSáng ngày 29/02, Thường trực HĐND huyện khóa XX, nhiệm kỳ 2021 – 2026 họp.";
        assert_eq!(reference_year(t, None), Some(2024));
        // 19 July fell on a Monday in 2021 only, among 2020 to 2025.
        let t = "Tin\n\nSáng thứ Hai (19/7), Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025 họp.";
        assert_eq!(reference_year(t, None), Some(2021));
        // Without a weekday a term leaves the year open.
        let t = "Tin\n\nSáng 19/7, Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025 họp.";
        assert_eq!(reference_year(t, None), None);
    }

    #[test]
    fn birth_dates_give_no_year() {
        let t = "Tin\n\nNgày 21/7, HĐND tỉnh họp. Ông sinh ngày 20/9/1960.";
        assert_eq!(reference_year(t, None), None);
        let t = "Ông A (sinh ngày 2/9/1972) làm Chủ tịch\n\nChiều 20/7, HĐND huyện họp.";
        assert_eq!(reference_year(t, None), None);
    }

    #[test]
    fn page_header_is_not_publication() {
        let t = "Thứ Năm, ngày 6 tháng 10 năm 2022\n\nTăng tốc triển khai\n\nNgày 12/7, Quận ủy...";
        assert_eq!(find_published(t), None);
        assert_eq!(reference_year(t, None), Some(2022));
    }

    #[test]
    fn event_date_in_a_sentence_is_not_publication() {
        let t = "Tiêu đề\n\nSáng ngày 08/7/2020, Huyện ủy đã tổ chức Hội nghị Ban chấp hành Đảng bộ huyện khóa XXIII mở rộng nhằm đánh giá.";
        assert_eq!(find_published(t), None);
        assert_eq!(reference_year(t, None), Some(2020));
    }
}
