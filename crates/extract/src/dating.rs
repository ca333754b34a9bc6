//! The article's best date: the day (or month, or year) it speaks of, so that every
//! post it attests has a date even when the page carries no stamp. Sources are tried
//! in a fixed order and the first that gives a date wins:
//!
//! 1. metadata (`ArticleInput::published`: a JSONL field, an HTML meta tag);
//! 2. the page stamp ([`crate::published::find_published`], or a month-only
//!    `date YYYY-MM` line);
//! 3. a date in the URL's path (`/2022/10/05/`, `-20221005`, `-ngay-5-10-2022`,
//!    `/202210/`, `thang-10-2022`);
//! 4. the date of the first dated meeting the article reports;
//! 5. the latest event date in the text (not a birth date, a cited document's date,
//!    an announced day or a deadline, nor the page header), else the latest month or
//!    year it writes ("Năm 2022, …"; not a plan's or a target's year);
//! 6. the year the terms it names imply (a congress opens its term, a first session
//!    is in the term's first year, else the latest term named started then), which
//!    also wins over an earlier month or year of step 5 (history: "vào Đảng năm
//!    1972").
//!
//! So a date later than a known publication date never wins: metadata and the stamp
//! come first.

use std::sync::OnceLock;

use cadre_lexicon::vocab::Vocabulary;
use cadre_text::{dates::days_in_month, find_dates};
use serde::Serialize;

use crate::model::Meeting;
use crate::published::{find_published, metadata_stamp, term_implied_year};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

/// Where an article's best date was read, in the order the sources are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The publication date given with the input (JSONL `published`, HTML meta).
    Metadata,
    /// The publication stamp printed on the page.
    Stamp,
    /// A date in the URL's path.
    Url,
    /// The date of the meeting the article reports.
    Meeting,
    /// The latest event date written in the text.
    Text,
    /// The year implied by the terms the text names.
    Term,
}

impl DateSource {
    /// The source's name in the graph's controlled vocabulary (`cadre:dateSource`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Stamp => "stamp",
            DateSource::Url => "url",
            DateSource::Meeting => "meeting",
            DateSource::Text => "text",
            DateSource::Term => "term",
        }
    }
}

/// An article's best date: `value` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as
/// `precision` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleDate {
    /// The date, as precise as the source allows.
    pub value: String,
    /// Day, month or year.
    pub precision: Precision,
    /// The source it came from.
    pub source: DateSource,
}

impl ArticleDate {
    fn new(value: String, source: DateSource) -> Self {
        let precision = match value.len() {
            4 => Precision::Year,
            7 => Precision::Month,
            _ => Precision::Day,
        };
        ArticleDate {
            value,
            precision,
            source,
        }
    }
}

/// What the best date is chosen from: the article's normalised text and what the
/// extraction already found in it.
#[derive(Debug, Clone, Copy)]
pub struct DateInputs<'a> {
    /// The normalised article text.
    pub text: &'a str,
    /// The publication date given with the input (ISO), if any.
    pub metadata: Option<&'a str>,
    /// The source URL, if any.
    pub url: Option<&'a str>,
    /// The meetings the article reports, in text order.
    pub meetings: &'a [Meeting],
    /// The year day/month-only dates of the text belong to.
    pub year: Option<i32>,
}

/// The article's best date (see the module documentation for the order of sources).
pub fn best_date(input: &DateInputs) -> Option<ArticleDate> {
    let metadata = || {
        input
            .metadata
            .and_then(iso_prefix)
            .map(|v| ArticleDate::new(v, DateSource::Metadata))
    };
    let stamp = || {
        find_published(input.text)
            .or_else(|| month_stamp(input.text))
            .map(|v| ArticleDate::new(v, DateSource::Stamp))
    };
    let url = || {
        input
            .url
            .and_then(date_in_url)
            .map(|v| ArticleDate::new(v, DateSource::Url))
    };
    let meeting = || {
        input
            .meetings
            .iter()
            .find_map(|m| m.date.clone())
            .map(|v| ArticleDate::new(v, DateSource::Meeting))
    };
    let text_day =
        || latest_event_date(input.text, input.year).map(|v| ArticleDate::new(v, DateSource::Text));
    // A month or year written in the text is history when the terms named imply a
    // later year ("vào Đảng năm 1972" in a text about the 2011-2016 term).
    let period_or_term = || {
        let period = latest_period(input.text);
        let term = term_implied_year(input.text);
        let year_of = |p: &str| p.get(..4).and_then(|y| y.parse::<i32>().ok());
        match (period, term) {
            (Some(p), Some(y)) if year_of(&p).is_some_and(|py| py < y) => {
                Some(ArticleDate::new(format!("{y:04}"), DateSource::Term))
            }
            (Some(p), _) => Some(ArticleDate::new(p, DateSource::Text)),
            (None, Some(y)) => Some(ArticleDate::new(format!("{y:04}"), DateSource::Term)),
            (None, None) => None,
        }
    };
    metadata()
        .or_else(stamp)
        .or_else(url)
        .or_else(meeting)
        .or_else(text_day)
        .or_else(period_or_term)
}

/// A valid `YYYY-MM-DD`, `YYYY-MM` or `YYYY` at the start of a metadata value
/// ("2023-04-12T08:00:00+07:00" gives its day).
fn iso_prefix(value: &str) -> Option<String> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let year: i32 = value.get(..4).filter(|y| digits(y))?.parse().ok()?;
    let month = value
        .get(4..7)
        .and_then(|m| m.strip_prefix('-'))
        .filter(|m| digits(m))
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|m| (1..=12).contains(m));
    let Some(month) = month else {
        return Some(format!("{year:04}"));
    };
    let day = value
        .get(7..10)
        .and_then(|d| d.strip_prefix('-'))
        .filter(|d| digits(d))
        .and_then(|d| d.parse::<u32>().ok());
    Some(match day {
        Some(d) if (1..=days_in_month(Some(year), month)).contains(&d) => {
            format!("{year:04}-{month:02}-{d:02}")
        }
        _ => format!("{year:04}-{month:02}"),
    })
}

/// A month-only stamp line at the top: `date 2023-12`.
fn month_stamp(text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    metadata_stamp(first.trim())
        .filter(|s| s.len() == 7)
        .map(str::to_string)
}

/// Years a URL date may have: news archives are no older than this.
const URL_YEARS: std::ops::RangeInclusive<i32> = 1990..=2099;

/// A date in the path of `url` (host, query and fragment left out), as precise as
/// the path gives it: `/2022/10/05/` or `-20221005` (also a longer
/// `YYYYMMDDhhmmss…` stamp) or `ngay-5-10-2022` or `-04042022-` give the day;
/// `/202210/`, `/2022/10/` or `thang-10-2022` the month; a `/2022/` segment the year.
pub fn date_in_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split_once('/')
        .map_or("", |(_, p)| p);
    let path = path.to_ascii_lowercase();
    segment_date(&path)
        .or_else(|| verbal_url_date(&path))
        .or_else(|| digit_run_date(&path))
}

/// `2022/10/05`, `2022/10`, `202210` or `2022` as whole path segments.
fn segment_date(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for (i, seg) in segments.iter().enumerate() {
        if let Some(ym) = number(seg, 6) {
            let (year, month) = ((ym / 100) as i32, ym % 100);
            if URL_YEARS.contains(&year) && (1..=12).contains(&month) {
                return Some(format!("{year:04}-{month:02}"));
            }
        }
        let Some(year) = number(seg, 4).map(|y| y as i32) else {
            continue;
        };
        if !URL_YEARS.contains(&year) {
            continue;
        }
        let month = segments
            .get(i + 1)
            .and_then(|m| number(m, 2).or_else(|| number(m, 1)))
            .filter(|m| (1..=12).contains(m));
        let Some(month) = month else {
            return Some(format!("{year:04}"));
        };
        let day = segments
            .get(i + 2)
            .and_then(|d| number(d, 2).or_else(|| number(d, 1)))
            .filter(|d| (1..=days_in_month(Some(year), month)).contains(d));
        return Some(match day {
            Some(d) => format!("{year:04}-{month:02}-{d:02}"),
            None => format!("{year:04}-{month:02}"),
        });
    }
    None
}

/// `5-10-2022` (a slug's "ngày 5-10-2022") gives the day, `thang-10-2022` the month.
fn verbal_url_date(path: &str) -> Option<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?:^|[^0-9])(thang-)?(\d{1,2})-(\d{1,4})(?:-(\d{4}))?(?:$|[^0-9])")
            .expect("valid URL date regex")
    });
    let mut at = 0;
    while let Some(c) = re.captures_at(path, at) {
        at = c.get(2).map_or(path.len(), |m| m.end());
        let (a, b): (u32, u32) = (c[2].parse().ok()?, c[3].parse().ok()?);
        match (c.get(1).is_some(), c.get(4)) {
            // "thang-10-2022": month and year, the second number being no year.
            (true, None) => {
                let year = b as i32;
                if c[3].len() == 4 && URL_YEARS.contains(&year) && (1..=12).contains(&a) {
                    return Some(format!("{year:04}-{a:02}"));
                }
            }
            (_, Some(y)) if c[3].len() <= 2 => {
                let year: i32 = y.as_str().parse().ok()?;
                let valid = URL_YEARS.contains(&year)
                    && (1..=12).contains(&b)
                    && (1..=days_in_month(Some(year), b)).contains(&a);
                if valid {
                    return Some(format!("{year:04}-{b:02}-{a:02}"));
                }
            }
            _ => {}
        }
    }
    None
}

/// A run of digits that starts with a date: `20221005` (also `YYYYMMDDhhmmss…`, a
/// publishing system's time stamp) or `05102022`.
fn digit_run_date(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let run = &path[start..i];
        if let Some(d) = run_date(run) {
            return Some(d);
        }
    }
    None
}

/// The date a digit run stands for: exactly eight digits (year first, else day
/// first), or fourteen or more whose first fourteen are a valid `YYYYMMDDhhmmss`.
fn run_date(run: &str) -> Option<String> {
    let n = |r: std::ops::Range<usize>| -> u32 { run[r].parse().unwrap_or(99) };
    let valid = |y: i32, m: u32, d: u32| {
        URL_YEARS.contains(&y)
            && (1..=12).contains(&m)
            && (1..=days_in_month(Some(y), m)).contains(&d)
    };
    let clock = run.len() >= 14 && n(8..10) < 24 && n(10..12) < 60 && n(12..14) < 60;
    if run.len() == 8 || clock {
        let (y, m, d) = (n(0..4) as i32, n(4..6), n(6..8));
        if valid(y, m, d) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    if run.len() == 8 {
        let (d, m, y) = (n(0..2), n(2..4), n(4..8) as i32);
        if valid(y, m, d) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// The birth and look-ahead cue phrases (`data/lexicon/date_cues.tsv`).
struct Cues {
    birth: Vec<String>,
    ahead: Vec<String>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut cues = Cues {
            birth: Vec::new(),
            ahead: Vec::new(),
        };
        for line in include_str!("../../../data/lexicon/date_cues.tsv").lines() {
            let Some((kind, phrase)) = line.split_once('\t') else {
                continue;
            };
            match kind {
                "birth" => cues.birth.push(phrase.trim().to_string()),
                "ahead" => cues.ahead.push(phrase.trim().to_string()),
                _ => {}
            }
        }
        cues
    })
}

/// Characters before a date in which a cue phrase speaks of it.
const CUE_WINDOW: usize = 20;

/// Characters before a date in which a document type or "số" makes it the date of a
/// cited document.
const DOCUMENT_WINDOW: usize = 40;

/// Whether the text right before byte `at` makes what stands there no event the
/// article reports: a birth, an announced day, a deadline or a plan's year; or a
/// cited document ("Nghị quyết số … ngày …", "Nghị định 26 năm 2015").
fn not_an_event(text: &str, at: usize) -> bool {
    let cues = cues();
    let near = lower_before(text, at, CUE_WINDOW);
    cues.birth
        .iter()
        .chain(&cues.ahead)
        .any(|c| near.contains(c.as_str()))
        || cites_a_document(text, at)
}

/// Whether the date at byte `at` is a cited document's ("Quyết định số 84-QĐ/TW, ngày
/// 01/10/2003", "Nghị định 26 năm 2015"): a document type or "số" just before it.
pub(crate) fn cites_a_document(text: &str, at: usize) -> bool {
    let document = lower_before(text, at, DOCUMENT_WINDOW);
    document.contains(" số") || Vocabulary::global().doc_types_in(&document)
}

/// The `chars` characters of `text` before byte `at`, lower-cased.
fn lower_before(text: &str, at: usize, chars: usize) -> String {
    let head = &text[..at];
    let from = head
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    head[from..].to_lowercase()
}

/// The latest month ("tháng 9/2024", "tháng 9.2024", "tháng 9 năm 2024") or year
/// ("năm 2022") the text writes that is no birth, plan, target or document date, as
/// `YYYY-MM` or `YYYY`: a text that gives no full date may still say when it reports
/// ("Năm 2022, Ban Chấp hành …").
fn latest_period(text: &str) -> Option<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b(?:tháng\s+(\d{1,2})\s*(?:[./-]|\s+năm\s+)|năm\s+)((?:19|20)\d{2})\b",
        )
        .expect("valid period regex")
    });
    re.captures_iter(text)
        .filter(|c| !not_an_event(text, c.get(2).map_or(0, |m| m.start())))
        .filter_map(|c| {
            let year = &c[2];
            match c.get(1).and_then(|m| m.as_str().parse::<u32>().ok()) {
                Some(m) if (1..=12).contains(&m) => Some(format!("{year}-{m:02}")),
                Some(_) => None,
                None => Some(year.to_string()),
            }
        })
        .max()
}

/// The latest date in the text that is an event the article reports: day/month-only
/// dates take `year`; birth dates, dates of cited documents ("Nghị quyết số … ngày
/// …"), announced days and deadlines ("dự kiến", "đến ngày") and a weekday header
/// on the first line are left out.
fn latest_event_date(text: &str, year: Option<i32>) -> Option<String> {
    let lead = text.len() - text.trim_start().len();
    let first_line_end = text[lead..].find('\n').map_or(text.len(), |n| lead + n);
    find_dates(text)
        .into_iter()
        .filter(|d| !(d.with_weekday && d.start < first_line_end))
        .filter(|d| !not_an_event(text, d.start))
        .filter_map(|d| d.iso(year))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BodyRef, Evidence};

    fn inputs<'a>(text: &'a str, url: Option<&'a str>, meetings: &'a [Meeting]) -> DateInputs<'a> {
        DateInputs {
            text,
            metadata: None,
            url,
            meetings,
            year: crate::published::reference_year(text, None),
        }
    }

    fn date(value: &str, precision: Precision, source: DateSource) -> Option<ArticleDate> {
        Some(ArticleDate {
            value: value.to_string(),
            precision,
            source,
        })
    }

    fn meeting(date: &str) -> Meeting {
        Meeting {
            kind: "Hội nghị Ban Chấp hành".into(),
            ordinal: Some(11),
            body: BodyRef {
                org: "Đảng bộ".into(),
                kind: "party_org".into(),
                place: None,
            },
            date: Some(date.into()),
            chairs: Vec::new(),
            evidence: Evidence {
                sentence: 1,
                start: 0,
                end: 1,
            },
        }
    }

    #[test]
    fn metadata_comes_first() {
        let text = "Huyện ủy Thanh Trì họp\n\n10:34 15/12/2021\n\nChiều 14-12, Huyện ủy họp.";
        let with_meta = DateInputs {
            metadata: Some("2021-12-16T08:00:00+07:00"),
            ..inputs(text, Some("https://x.vn/2021/12/14/tin.html"), &[])
        };
        assert_eq!(
            best_date(&with_meta),
            date("2021-12-16", Precision::Day, DateSource::Metadata)
        );
        let month_only = DateInputs {
            metadata: Some("2021-12"),
            ..inputs(text, None, &[])
        };
        assert_eq!(
            best_date(&month_only),
            date("2021-12", Precision::Month, DateSource::Metadata)
        );
    }

    #[test]
    fn the_page_stamp_comes_before_the_url_and_the_text() {
        let text = "Huyện ủy Kiến Thụy họp\n\n10:34 15/12/2021\n\nChiều 14-12, Huyện ủy họp.";
        let i = inputs(text, Some("https://x.vn/2021/12/14/tin.html"), &[]);
        assert_eq!(
            best_date(&i),
            date("2021-12-15", Precision::Day, DateSource::Stamp)
        );
        let month = "date 2023-12 Sáng nay 18/12, Huyện ủy Gia Lâm họp.";
        assert_eq!(
            best_date(&inputs(month, None, &[])),
            date("2023-12", Precision::Month, DateSource::Stamp)
        );
    }

    #[test]
    fn a_later_text_date_never_beats_a_known_publication_date() {
        let text =
            "Tỉnh ủy Nghệ An họp\n\nNgày đăng 05/10/2022 | 14:36\n\nNgày 5/10, Tỉnh ủy họp. \
                    Hội nghị lần thứ 12 dự kiến tổ chức ngày 20/12/2022. Ngày 30/11/2022, Ban \
                    Thường vụ Tỉnh ủy đã làm việc.";
        let meetings = [meeting("2022-12-20")];
        let i = inputs(
            text,
            Some("https://baonghean.vn/2022/11/30/tin.html"),
            &meetings,
        );
        assert_eq!(
            best_date(&i),
            date("2022-10-05", Precision::Day, DateSource::Stamp)
        );
        let with_meta = DateInputs {
            metadata: Some("2022-10-06"),
            ..i
        };
        assert_eq!(
            best_date(&with_meta),
            date("2022-10-06", Precision::Day, DateSource::Metadata)
        );
    }

    #[test]
    fn url_dates_by_precision() {
        let cases = [
            (
                "https://baoquangninh.vn/2022/10/05/hoi-nghi.html",
                "2022-10-05",
            ),
            (
                "https://tintuc.vn/hoi-nghi-tinh-uy-20221005.htm",
                "2022-10-05",
            ),
            (
                "https://phunuvietnam.vn/bi-thu-tinh-uy-vinh-phuc-20201014231543084.htm",
                "2020-10-14",
            ),
            (
                "https://baocantho.vn/hoi-nghi-ngay-5-10-2022-cua-thanh-uy-a1234.html",
                "2022-10-05",
            ),
            (
                "https://baodongkhoi.vn/hoi-nghi-lan-thu-8-04042022-a98703.html",
                "2022-04-04",
            ),
            (
                "https://baodongnai.com.vn/tintuc/201503/dai-hoi-dang-2375459",
                "2015-03",
            ),
            ("https://baothanhhoa.vn/2022/10/hoi-nghi.html", "2022-10"),
            (
                "http://dinhhoa.thainguyen.gov.vn/content/hop-thuong-ky-thang-2-2020?x=1",
                "2020-02",
            ),
            ("https://ninhbinh.vn/tin/2021/bau-chu-tich.html", "2021"),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url).as_deref(), Some(want), "{url}");
        }
        for none in [
            "https://baophutho.vn/dai-hoi-xa-an-nghia-nhiem-ky-2025--2030-237008.htm",
            "https://baonghean.vn/dai-hoi-nhiem-ky-2025-2030-10300223.html",
            "https://honggai.vn/ngay-01-7-phuong-hong-gai-to-chuc-ky-hop-p13n54162.html",
            "https://hcmcpv.org.vn/nhom-tin/covid-19-1425350928",
            "https://baoquangninh.vn/?date=2022/10/05",
        ] {
            assert_eq!(date_in_url(none), None, "{none}");
        }
        let i = inputs(
            "Tin\n\nChiều 14-12, Huyện ủy Thanh Trì họp.",
            Some("https://baodongnai.com.vn/tintuc/201503/dai-hoi-dang-2375459"),
            &[],
        );
        assert_eq!(
            best_date(&i),
            date("2015-03", Precision::Month, DateSource::Url)
        );
    }

    #[test]
    fn the_reported_meeting_dates_an_unstamped_article() {
        let text = "Hội nghị Huyện ủy Thanh Trì\n\nNgày 5/10/2022, Huyện ủy họp. Ngày 9/10/2022, \
                    đoàn công tác làm việc.";
        let meetings = [meeting("2022-10-05"), meeting("2022-09-20")];
        assert_eq!(
            best_date(&inputs(text, None, &meetings)),
            date("2022-10-05", Precision::Day, DateSource::Meeting)
        );
    }

    #[test]
    fn the_latest_event_date_skips_births_documents_and_announcements() {
        let text = "Thứ Hai, ngày 5 tháng 12 năm 2022\n\nBầu Chủ tịch UBND huyện Nghi Lộc\n\n\
                    Chiều 21/7/2021, HĐND huyện họp. Sáng 23/7/2021, ông nhận nhiệm vụ. \
                    Ông Nguyễn Văn An sinh ngày 20/9/1980. Thực hiện Nghị quyết số 14-NQ/TU \
                    ngày 25/8/2021 của Tỉnh ủy. Kỳ họp tiếp theo dự kiến ngày 15/12/2021, \
                    hoàn thành đến ngày 31/12/2021.";
        assert_eq!(
            best_date(&inputs(text, None, &[])),
            date("2021-07-23", Precision::Day, DateSource::Text)
        );
        let short = "Tin\n\nChiều 14-12, Huyện ủy Thanh Trì họp (nhiệm kỳ 2020 - 2025).";
        let i = DateInputs {
            year: Some(2021),
            ..inputs(short, None, &[])
        };
        assert_eq!(
            best_date(&i),
            date("2021-12-14", Precision::Day, DateSource::Text)
        );
    }

    #[test]
    fn without_a_full_date_the_latest_month_or_year_written() {
        let month = "Tin\n\nÔng Nguyễn Văn An sinh năm 1979, giữ chức Bí thư Tỉnh ủy Bắc Ninh từ \
                     tháng 3.2022, rồi làm Phó Bí thư Tỉnh ủy Cà Mau vào tháng 9/2024.";
        assert_eq!(
            best_date(&inputs(month, None, &[])),
            date("2024-09", Precision::Month, DateSource::Text)
        );
        let year = "Tin\n\nNăm 2022, Ban Chấp hành Đảng bộ huyện Định Hóa lãnh đạo hoàn thành \
                    các chỉ tiêu; phấn đấu đến năm 2030 trở thành thị xã.";
        assert_eq!(
            best_date(&inputs(year, None, &[])),
            date("2022", Precision::Year, DateSource::Text)
        );
    }

    #[test]
    fn the_terms_named_give_the_year() {
        let text = "Tin\n\nĐảng bộ xã Đồng Yên tổ chức Đại hội lần thứ I, nhiệm kỳ 2025-2030.";
        assert_eq!(
            best_date(&inputs(text, None, &[])),
            date("2025", Precision::Year, DateSource::Term)
        );
        // An earlier year written in the text is history.
        let text = "Tin\n\nÔng Trần Văn Bình, vào Đảng năm 1972, được bầu làm Chủ tịch UBND tỉnh \
                    Đắk Lắk nhiệm kỳ 2011-2016.";
        assert_eq!(
            best_date(&inputs(text, None, &[])),
            date("2011", Precision::Year, DateSource::Term)
        );
        let undated = "Tin\n\nĐồng chí Nguyễn Văn An, Bí thư Huyện ủy Nghi Lộc.";
        assert_eq!(best_date(&inputs(undated, None, &[])), None);
    }
}
