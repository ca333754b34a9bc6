//! What a page says about itself in its markup: the canonical URL and the
//! publication date, from `<link>`/`<meta>` tags, JSON-LD and `<time>` elements.

use cadre_text::dates::days_in_month;
use scraper::{ElementRef, Html, Selector};

/// Vietnam's offset from UTC in minutes: a time stamp in another zone is moved to
/// the day a Vietnamese reader saw on the page.
const VIETNAM_OFFSET: i64 = 7 * 60;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

/// The canonical URL (`<link rel="canonical">`, else `og:url`), when it is absolute.
pub(crate) fn canonical_url(doc: &Html) -> Option<String> {
    let canonical = selector("link[rel~=canonical i][href]");
    let og = selector("meta[property=\"og:url\" i][content]");
    doc.select(&canonical)
        .filter_map(|e| e.attr("href"))
        .chain(doc.select(&og).filter_map(|e| e.attr("content")))
        .find_map(absolute_url)
}

fn absolute_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        Some(url.to_string())
    } else {
        url.strip_prefix("//").map(|rest| format!("https://{rest}"))
    }
}

/// The publication date (ISO) from the page's metadata: `article:published_time`
/// (or another publication `<meta>`), JSON-LD `datePublished`, `itemprop=datePublished`,
/// in that order.
pub(crate) fn published_in_head(doc: &Html) -> Option<String> {
    let metas = doc
        .select(&selector(
            "meta[property=\"article:published_time\" i][content], \
             meta[name=\"article:published_time\" i][content], \
             meta[name=\"pubdate\" i][content], \
             meta[name=\"publishdate\" i][content], \
             meta[name=\"dc.date.issued\" i][content]",
        ))
        .filter_map(|e| e.attr("content"))
        .find_map(iso_date);
    metas
        .or_else(|| {
            doc.select(&selector("script[type=\"application/ld+json\" i]"))
                .find_map(|script| {
                    let json: serde_json::Value =
                        serde_json::from_str(&script.text().collect::<String>()).ok()?;
                    json_ld_published(&json)
                })
        })
        .or_else(|| {
            doc.select(&selector("[itemprop=\"datePublished\" i]"))
                .filter_map(|e| e.attr("content").or_else(|| e.attr("datetime")))
                .find_map(iso_date)
        })
}

/// The first `datePublished` in a JSON-LD value (an object, an array of them, or an
/// `@graph`), searched depth-first.
fn json_ld_published(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => map
            .get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(iso_date)
            .or_else(|| map.values().find_map(json_ld_published)),
        serde_json::Value::Array(items) => items.iter().find_map(json_ld_published),
        _ => None,
    }
}

/// The date of the first `<time datetime>` inside `region` (the article).
pub(crate) fn published_in_article(region: ElementRef) -> Option<String> {
    region
        .select(&selector("time[datetime]"))
        .filter_map(|e| e.attr("datetime"))
        .find_map(iso_date)
}

/// An ISO date from a machine-readable stamp: `2024-03-12`, `2024-03-12T08:15:00+07:00`
/// (a time in another zone is moved to Vietnam's day), `2024-03-12 08:15`,
/// `2024/03/12`, or `12/03/2024`.
pub fn iso_date(stamp: &str) -> Option<String> {
    let s = stamp.trim();
    let (year, month, day, rest) = match ymd(s) {
        Some(parts) => parts,
        None => dmy(s)?,
    };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(Some(year), month) {
        return None;
    }
    let shift = day_shift(rest).unwrap_or(0);
    let (year, month, day) = add_days(year, month, day, shift);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn number<T: std::str::FromStr>(s: &str, digits: std::ops::RangeInclusive<usize>) -> Option<T> {
    (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD` (or with `/` or `.`) and what follows it.
fn ymd(s: &str) -> Option<(i32, u32, u32, &str)> {
    let date = s.get(..10)?;
    let separator = date
        .chars()
        .nth(4)
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = date.split(separator);
    let year = number(parts.next()?, 4..=4)?;
    let month = number(parts.next()?, 2..=2)?;
    let day = number(parts.next()?, 2..=2)?;
    Some((year, month, day, &s[10..]))
}

/// `DD/MM/YYYY` (one- or two-digit day and month) and what follows it.
fn dmy(s: &str) -> Option<(i32, u32, u32, &str)> {
    let end = s.find(|c: char| c.is_whitespace()).unwrap_or(s.len());
    let mut parts = s[..end].split('/');
    let day = number(parts.next()?, 1..=2)?;
    let month = number(parts.next()?, 1..=2)?;
    let year = number(parts.next()?, 4..=4)?;
    parts
        .next()
        .is_none()
        .then_some((year, month, day, &s[end..]))
}

/// Days to add to a stamp's date to get Vietnam's date: the time `THH:MM…` and zone
/// (`Z`, `+HH:MM`, `+HHMM`) after it, when both are written.
fn day_shift(rest: &str) -> Option<i64> {
    let time = rest.strip_prefix(['T', ' '])?;
    let hours: i64 = number(time.get(..2)?, 2..=2)?;
    let minutes: i64 = number(time.get(3..5)?, 2..=2)?;
    let zone_at = time.find(['Z', 'z', '+', '-'])?;
    let zone = &time[zone_at..];
    let offset = if zone.eq_ignore_ascii_case("z") {
        0
    } else {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
        let h: i64 = number(digits.get(..2)?, 2..=2)?;
        let m: i64 = number(digits.get(2..)?, 2..=2)?;
        sign * (h * 60 + m)
    };
    Some((hours * 60 + minutes - offset + VIETNAM_OFFSET).div_euclid(24 * 60))
}

fn add_days(year: i32, month: u32, day: u32, shift: i64) -> (i32, u32, u32) {
    match shift {
        1 if day == days_in_month(Some(year), month) => match month {
            12 => (year + 1, 1, 1),
            _ => (year, month + 1, 1),
        },
        1 => (year, month, day + 1),
        -1 if day == 1 => match month {
            1 => (year - 1, 12, 31),
            _ => (year, month - 1, days_in_month(Some(year), month - 1)),
        },
        -1 => (year, month, day - 1),
        _ => (year, month, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        assert_eq!(iso_date("2024-03-12").as_deref(), Some("2024-03-12"));
        assert_eq!(
            iso_date("2024-03-12T08:15:00+07:00").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(
            iso_date(" 2024-03-12 08:15:00 ").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(iso_date("12/3/2024 08:15").as_deref(), Some("2024-03-12"));
        assert_eq!(iso_date("2024/03/12 08:15").as_deref(), Some("2024-03-12"));
        assert_eq!(iso_date("2024-13-01"), None);
        assert_eq!(iso_date("2023-02-29"), None);
        assert_eq!(iso_date("hôm qua"), None);
    }

    #[test]
    fn zones_move_to_vietnam_days() {
        // 20:30 UTC on 11 March is 03:30 on 12 March in Hà Nội.
        assert_eq!(
            iso_date("2024-03-11T20:30:00Z").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(
            iso_date("2023-12-31T18:00:00.000+0000").as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(
            iso_date("2024-03-01T01:00:00+09:00").as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn json_ld_arrays_and_graphs() {
        let graph: serde_json::Value = serde_json::from_str(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Báo"},
                {"@type":"NewsArticle","headline":"x","datePublished":"2023-06-20T09:00:00+07:00"}]}"#,
        )
        .unwrap();
        assert_eq!(json_ld_published(&graph).as_deref(), Some("2023-06-20"));
        let array: serde_json::Value =
            serde_json::from_str(r#"[{"@type":"BreadcrumbList"},{"datePublished":"2022-10-05"}]"#)
                .unwrap();
        assert_eq!(json_ld_published(&array).as_deref(), Some("2022-10-05"));
    }
}
