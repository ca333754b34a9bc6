//! One test per construction of the grammar table in ARCHITECTURE.md ("Extraction
//! grammar"), each on the invented example given there: what the press writes, and
//! the records it must give.

use cadre_extract::eval::to_eval_json;
use cadre_extract::{extract, ArticleInput};
use serde_json::Value;

/// The eval-json record of an invented article.
fn record(text: &str) -> Value {
    to_eval_json(&extract(&ArticleInput {
        id: "t",
        text,
        url: None,
        published: None,
    }))
}

/// The posts of `name` as "role | org | place" ("-" for no place), sorted.
fn posts(rec: &Value, name: &str) -> Vec<String> {
    let person = rec["persons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} not found in {rec:#}"));
    let mut out: Vec<String> = person["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let former = if q["former"] == true { " (former)" } else { "" };
            format!(
                "{} | {} | {}{former}",
                q["role"].as_str().unwrap(),
                q["org"].as_str().unwrap(),
                q["place"].as_str().unwrap_or("-")
            )
        })
        .collect();
    out.sort();
    out
}

/// The names of the persons of a record, in order.
fn person_names(rec: &Value) -> Vec<&str> {
    rec["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect()
}

/// A record's value as a table cell: "-" for null, strings without quotes.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The meetings as "kind | ordinal | place | date | chairs".
fn meetings(rec: &Value) -> Vec<String> {
    rec["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let chairs: Vec<String> = m["chairs"].as_array().unwrap().iter().map(cell).collect();
            format!(
                "{} | {} | {} | {} | {}",
                cell(&m["kind"]),
                cell(&m["ordinal"]),
                cell(&m["place"]),
                cell(&m["date"]),
                chairs.join(", ")
            )
        })
        .collect()
}

#[test]
fn title_before_a_name_that_starts_like_a_place() {
    let rec = record(
        "Sáng 3/4, Chủ tịch HĐND tỉnh Phan Văn Tâm phát biểu tại kỳ họp. \
         Bí thư Tỉnh ủy Vương Thị Hạnh dự.",
    );
    assert_eq!(posts(&rec, "Phan Văn Tâm"), ["Chủ tịch | HĐND | -"]);
    assert_eq!(posts(&rec, "Vương Thị Hạnh"), ["Bí thư | Tỉnh ủy | -"]);
}

#[test]
fn a_title_after_a_plural_word_is_shared_by_the_names_listed() {
    let rec =
        record("Dự kỳ họp có các Phó Chủ tịch HĐND tỉnh Lào Cai Trần Văn Khải, Nguyễn Thị Mơ.");
    for name in ["Trần Văn Khải", "Nguyễn Thị Mơ"] {
        assert_eq!(
            posts(&rec, name),
            ["Phó Chủ tịch | HĐND | Lào Cai"],
            "{name}"
        );
    }
}

#[test]
fn a_title_before_a_list_opener_is_shared_by_each_item_with_its_own_chain() {
    let rec = record(
        "Tham dự có các Ủy viên Ban Thường vụ Tỉnh ủy Sơn La: Lò Văn Quý - Trưởng Ban \
         Tổ chức Tỉnh ủy; Hà Thị Nguyệt - Phó Chủ tịch UBND tỉnh; và Nguyễn Đức Toàn - \
         Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy.",
    );
    assert_eq!(
        posts(&rec, "Hà Thị Nguyệt"),
        [
            "Phó Chủ tịch | UBND | Sơn La",
            "Ủy viên Ban Thường vụ | Tỉnh ủy | Sơn La"
        ]
    );
    assert_eq!(
        posts(&rec, "Nguyễn Đức Toàn"),
        [
            "Chủ nhiệm | Ủy ban Kiểm tra Tỉnh ủy | Sơn La",
            "Ủy viên Ban Thường vụ | Tỉnh ủy | Sơn La"
        ]
    );
}

#[test]
fn names_listed_before_a_shared_chain_share_it() {
    let rec = record(
        "Thủ tướng phê chuẩn kết quả bầu Phó Chủ tịch UBND tỉnh Yên Bái nhiệm kỳ \
         2021 - 2026 đối với: ông Đỗ Văn Khang, ông Lường Văn Pá, Tỉnh ủy viên, Phó Chủ \
         tịch UBND tỉnh Yên Bái nhiệm kỳ 2016 - 2021.",
    );
    for name in ["Đỗ Văn Khang", "Lường Văn Pá"] {
        assert_eq!(
            posts(&rec, name),
            [
                "Phó Chủ tịch | UBND | Yên Bái",
                "Ủy viên Ban Chấp hành | Tỉnh ủy | Yên Bái"
            ],
            "{name}"
        );
    }
}

#[test]
fn a_name_without_a_known_family_name_before_its_post() {
    let rec = record("Dự hội nghị có Y Thanh Hà Niê Kđăm, Phó Chủ tịch UBND tỉnh Đắk Lắk.");
    assert_eq!(
        posts(&rec, "Y Thanh Hà Niê Kđăm"),
        ["Phó Chủ tịch | UBND | Đắk Lắk"]
    );
}

#[test]
fn co_chairs_listed_after_the_verb() {
    let rec = record(
        "Ngày 12/5/2023, Ban Chấp hành Đảng bộ tỉnh Hà Giang khóa XVII tổ chức Hội nghị \
         lần thứ 14. Đồng chí Đặng Quốc Khánh, Bí thư Tỉnh ủy chủ trì hội nghị cùng các \
         đồng chí: Nguyễn Văn Sơn, Phó Bí thư Tỉnh ủy; Thào Hồng Sơn, Phó Bí thư Thường \
         trực Tỉnh ủy.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 14 | Hà Giang | 2023-05-12 | Đặng Quốc Khánh, Nguyễn Văn Sơn, Thào Hồng Sơn"]
    );
}

#[test]
fn chairs_named_after_a_passive_verb_or_a_heading() {
    for text in [
        "Sáng 9/9/2025, Đảng ủy xã Tân Phú tổ chức Hội nghị Ban Chấp hành lần thứ 2. \
         Hội nghị được chủ trì bởi các đồng chí: Lê Văn Nam – Bí thư Đảng ủy xã; Trần \
         Thị Lan – Phó Bí thư Thường trực Đảng ủy xã.",
        "Sáng 9/9/2025, Đảng ủy xã Tân Phú tổ chức Hội nghị Ban Chấp hành lần thứ 2. \
         Chủ trì Hội nghị có các đồng chí: Lê Văn Nam, Bí thư Đảng ủy xã; Trần Thị Lan, \
         Phó Bí thư Thường trực Đảng ủy xã.",
        "Sáng 9/9/2025, Đảng ủy xã Tân Phú tổ chức Hội nghị Ban Chấp hành lần thứ 2. \
         Chủ trì hội nghị, đồng chí Lê Văn Nam, Bí thư Đảng ủy xã và đồng chí Trần Thị \
         Lan, Phó Bí thư Thường trực Đảng ủy xã, thay mặt Ban Thường vụ báo cáo.",
    ] {
        let rec = record(text);
        let m = meetings(&rec);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].ends_with("| Lê Văn Nam, Trần Thị Lan"), "{m:?}");
    }
}

#[test]
fn an_official_after_a_chair_verb_inside_the_sentence_reports_not_chairs() {
    let rec = record(
        "Sáng 9/9/2025, Đảng ủy xã Tân Phú tổ chức Hội nghị Ban Chấp hành lần thứ 2. \
         Đồng chí Lê Văn Nam, Bí thư Đảng ủy xã chủ trì hội nghị, đồng chí Trần Thị Lan, \
         Phó Bí thư Thường trực Đảng ủy xã báo cáo.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 2 | Tân Phú | 2025-09-09 | Lê Văn Nam"]
    );
}

#[test]
fn chairs_before_a_second_chair_verb() {
    let rec = record(
        "Sáng 13/12/2021, Tỉnh ủy Bến Tre tổ chức Hội nghị lần thứ 9. Đồng chí Lê Đức Hà, \
         Bí thư Tỉnh ủy chủ trì hội nghị; đồng chí Trần Thanh Phong, Phó Bí thư Thường \
         trực Tỉnh ủy; đồng chí Ngô Văn Tài, Phó Bí thư Tỉnh ủy cùng điều hành hội nghị.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 9 | Bến Tre | 2021-12-13 | Lê Đức Hà, Trần Thanh Phong, Ngô Văn Tài"]
    );
}

#[test]
fn a_plenum_named_by_its_number_before_the_committee() {
    let rec = record(
        "Chiều 14/9/2022, Bí thư Thành ủy Cần Thơ Đỗ Thanh Bình chủ trì Hội nghị lần thứ \
         9, Ban Chấp hành Đảng bộ thành phố Cần Thơ khóa XV (mở rộng).",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 9 | Cần Thơ | 2022-09-14 | Đỗ Thanh Bình"]
    );
}

#[test]
fn a_central_plenum_by_its_number_and_a_commission_session() {
    let rec =
        record("Sáng 11/1/2013, Hội nghị Trung ương 7, khóa XI bước vào ngày làm việc thứ ba.");
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 7 | - | 2013-01-11 | "]
    );
    let rec = record(
        "Ngày 20/3/2024, Ủy ban Kiểm tra Trung ương đã họp kỳ thứ 40 do ông Trần Văn Lâm, \
         Chủ nhiệm Ủy ban Kiểm tra Trung ương chủ trì.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị | 40 | - | 2024-03-20 | Trần Văn Lâm"]
    );
    let rec = record(
        "Ngày 20/3/2024, Ủy ban Kiểm tra Trung ương đã họp kỳ 41. Ông Trần Văn Lâm, Chủ nhiệm \
         Ủy ban Kiểm tra Trung ương chủ trì kỳ họp.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị | 41 | - | 2024-03-20 | Trần Văn Lâm"]
    );
}

#[test]
fn a_congress_reported_through_its_first_session() {
    let rec = record(
        "Chiều ngày 10/8/2025, Đảng bộ xã Bát Tràng, thành phố Hà Nội tổ chức phiên thứ nhất Đại \
         hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030.",
    );
    assert_eq!(meetings(&rec), ["Đại hội | 1 | Bát Tràng | 2025-08-10 | "]);
}

#[test]
fn an_honorific_right_after_a_place_that_ends_like_a_family_name() {
    // "Nông Đồng" reads as a name whose last word opens "Đồng chí": the names meet.
    let rec = record(
        "Cổng thông tin điện tử tỉnh Đắk Nông Đồng chí Lê Văn Khoa được bầu giữ chức Bí thư \
         Tỉnh ủy Đắk Nông nhiệm kỳ 2020-2025.",
    );
    assert_eq!(posts(&rec, "Lê Văn Khoa"), ["Bí thư | Tỉnh ủy | Đắk Nông"]);
}

#[test]
fn a_name_broken_by_a_hard_wrap() {
    let rec = record(
        "Sáng ngày 7/6/2021, Thường trực HĐND huyện Gia Lộc tổ chức Hội nghị liên tịch.\n\
         Tham dự họp có đ/c Trần Văn Lực, Bí thư Huyện ủy; đ/c Nguyễn\n\
         Văn Hòa, UV BTV Huyện ủy, Phó Chủ tịch HĐND huyện; đại diện lãnh đạo UBND,\n\
         UBMTTQVN huyện.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Văn Hòa"),
        [
            "Phó Chủ tịch | HĐND | Gia Lộc",
            "Ủy viên Ban Thường vụ | Huyện ủy | Gia Lộc"
        ]
    );
}

#[test]
fn a_unit_keeps_the_article_s_spelling_when_only_its_marks_differ() {
    // The gazetteer spells the district "Mù Căng Chải"; its township and the press write
    // "Mù Cang Chải".
    let rec = record(
        "Sáng 3/4/2018, Ban Chấp hành Đảng bộ huyện Mù Cang Chải khóa XVIII đã tổ chức hội \
         nghị lần 22 (mở rộng). Ông Lò Văn Páo, Bí thư Huyện ủy Mù Cang Chải chủ trì hội nghị.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 22 | Mù Cang Chải | 2018-04-03 | Lò Văn Páo"]
    );
    assert_eq!(
        posts(&rec, "Lò Văn Páo"),
        ["Bí thư | Huyện ủy | Mù Cang Chải"]
    );
}

#[test]
fn a_bare_congress_that_elects_is_the_article_s_own_wherever_first_written() {
    let rec = record(
        "Ông Lê Văn Tâm tái đắc cử Bí thư Quận ủy quận 8\n\nQuận 8 phấn đấu tăng thu ngân \
         sách. Phấn đấu đến năm 2020 hoàn thành việc di dời nhà ven kênh.\n\nĐại hội đã bầu \
         Ban Chấp hành Đảng bộ quận 8 nhiệm kỳ 2015-2020 gồm 41 người.",
    );
    assert_eq!(meetings(&rec), ["Đại hội | - | Quận 8 | - | "]);
}

#[test]
fn a_congress_prepared_for_is_not_held() {
    let rec = record(
        "Ngày 22/6, Huyện ủy Krông Pa tổ chức Hội nghị Ban Chấp hành lần thứ 21. Trong 6 \
         tháng cuối năm, Đảng bộ huyện Krông Pa tập trung chuẩn bị chu đáo nội dung, các điều \
         kiện cần thiết để tổ chức Đại hội Đại biểu Đảng bộ huyện lần thứ XVII, nhiệm kỳ \
         2020 - 2025.",
    );
    let m = meetings(&rec);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("Hội nghị Ban Chấp hành | 21 | Krông Pa"),
        "{m:?}"
    );
}

#[test]
fn a_congress_of_three_days_listed_is_dated_by_the_first() {
    let rec = record(
        "Trong 03 ngày, 3,4 và 5/8/2020, Đảng bộ huyện Long Thành đã tổ chức Đại hội Đại \
         biểu lần thứ VI, nhiệm kỳ 2020 – 2025.",
    );
    assert_eq!(meetings(&rec), ["Đại hội | 6 | Long Thành | 2020-08-03 | "]);
}

#[test]
fn a_numbered_meeting_named_again_with_its_day() {
    let rec = record(
        "Tại Đại hội Công đoàn tỉnh Quảng Bình lần thứ XV, ông Lê Văn Bảo tái đắc cử Chủ \
         tịch Liên đoàn Lao động tỉnh nhiệm kỳ 2023 – 2028. Sau 2 ngày làm việc, chiều \
         28-9-2023, Đại hội Công đoàn tỉnh Quảng Bình lần thứ XV đã kết thúc.",
    );
    let m = meetings(&rec);
    assert!(
        m.iter()
            .any(|m| m.starts_with("Đại hội | 15 | Quảng Bình | 2023-09-28")),
        "{m:?}"
    );
}

#[test]
fn state_titles_with_bodies_as_written() {
    let rec = record(
        "Ông Trần Văn Hải, Phó Giám đốc Sở LĐ-TB-XH tỉnh Bắc Giang được bổ nhiệm giữ chức \
         Giám đốc Sở. Ông Ngô Đức Minh, Vụ trưởng Vụ Kế hoạch - Tài chính, Bộ Y tế, giữ \
         chức Thứ trưởng Bộ Y tế.",
    );
    assert!(
        posts(&rec, "Trần Văn Hải").contains(&"Phó Giám đốc | Sở LĐ-TB-XH | Bắc Giang".to_string()),
        "{rec:#}"
    );
    assert_eq!(
        posts(&rec, "Ngô Đức Minh"),
        [
            "Thứ trưởng | Bộ Y tế | -",
            "Vụ trưởng | Vụ Kế hoạch - Tài chính, Bộ Y tế | -"
        ]
    );
}

#[test]
fn career_list_through_semicolons_with_units_of_departments() {
    let rec = record(
        "Ông Trần Văn Bình từng giữ các chức vụ: Phó Trưởng phòng Tổ chức, Sở Nội vụ Hà \
         Nội; Trưởng phòng Giá, Sở Tài chính Hà Nội; Phó Vụ trưởng Vụ Pháp chế, Bộ Xây dựng.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Bình"),
        [
            "Phó Trưởng phòng | Phòng Tổ chức, Sở Nội vụ | Hà Nội (former)",
            "Phó Vụ trưởng | Vụ Pháp chế, Bộ Xây dựng | - (former)",
            "Trưởng phòng | Phòng Giá, Sở Tài chính | Hà Nội (former)"
        ]
    );
}

#[test]
fn the_first_sitting_of_a_committee_just_elected_is_its_first_plenum() {
    let rec = record(
        "Tối qua (19/10), Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ \
         2020 - 2025 đã bầu Ban Chấp hành Đảng bộ tỉnh gồm 50 người. Cùng ngày, Ban Chấp \
         hành Đảng bộ tỉnh khóa XVII đã có phiên họp đầu tiên bầu Ban Thường vụ Tỉnh ủy.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Đại hội | 17 | Lạng Sơn | 2020-10-19 | ",
            "Hội nghị Ban Chấp hành | 1 | Lạng Sơn | 2020-10-19 | "
        ]
    );
    let rec = record(
        "Chiều 10/10/2020, Đại hội Đảng bộ tỉnh Sóc Trăng lần thứ XIV bế mạc. Trong phiên \
         họp lần thứ nhất vào tối 10/10, Ban Chấp hành Đảng bộ tỉnh khóa XIV bầu Bí thư.",
    );
    assert_eq!(
        meetings(&rec)[1],
        "Hội nghị Ban Chấp hành | 1 | Sóc Trăng | 2020-10-10 | "
    );
}

#[test]
fn a_council_holding_a_session_is_the_subject_that_reports_it() {
    let rec = record(
        "Gia Lai có Chủ tịch tỉnh mới. Ông Trương Hải Long được bầu giữ chức Chủ tịch \
         UBND tỉnh Gia Lai. Ông Hồ Văn Niên giữ chức Bí thư Tỉnh ủy Gia Lai. Cùng ngày, \
         HĐND tỉnh Gia Lai khóa XI (nhiệm kỳ 2016-2021) đã tổ chức Kỳ họp bất thường để \
         kiện toàn tổ chức.",
    );
    assert_eq!(meetings(&rec), ["Kỳ họp HĐND | - | Gia Lai | - | "]);
}

#[test]
fn a_speech_at_a_numbered_meeting_on_a_day_written_with_it() {
    let rec = record(
        "Trích phát biểu của đồng chí Hồ Văn Niên, Bí thư Tỉnh ủy tại Hội nghị Ban Chấp \
         hành Đảng bộ tỉnh Gia Lai lần thứ 12, khóa XV, sáng ngày 6-7-2017.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 12 | Gia Lai | 2017-07-06 | "]
    );
}

/// The terms as "org | place | khóa | start-end".
fn terms(rec: &Value) -> Vec<String> {
    rec["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            format!(
                "{} | {} | {} | {}-{}",
                cell(&t["org"]),
                cell(&t["place"]),
                cell(&t["khoa"]),
                cell(&t["start"]),
                cell(&t["end"])
            )
        })
        .collect()
}

#[test]
fn the_khoa_of_a_central_party_body_is_the_party_term() {
    let rec = record(
        "Sáng 5/10/2017, Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII \
         bế mạc. Huyện ủy Mê Linh quán triệt các nghị quyết của Bộ Chính trị (khóa XII).",
    );
    assert_eq!(terms(&rec), ["Đảng bộ | - | XII | ---"]);
}

#[test]
fn a_khoa_and_years_given_apart_are_one_term() {
    let rec = record(
        "Ngày 3/8/2018, Tỉnh ủy Sóc Trăng tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh \
         (khóa XIII). Ông Lâm Văn Mẫn được chỉ định giữ chức Bí thư Tỉnh ủy Sóc Trăng, \
         nhiệm kỳ 2015-2020.",
    );
    assert_eq!(terms(&rec), ["Đảng bộ | Sóc Trăng | XIII | 2015-2020"]);
}

#[test]
fn a_trade_union_abbreviation_names_its_body_and_a_khoa_known_with_years_is_one_term() {
    let rec = record(
        "Ngày 12/7/2023, Đại hội Công đoàn tỉnh Phú Yên lần thứ XV, nhiệm kỳ 2023 - 2028 \
         bế mạc. Ông Trần Văn Bảo tái đắc cử Chủ tịch LĐLĐ tỉnh Phú Yên. Ban Chấp hành \
         LĐLĐ tỉnh Phú Yên khóa XV gồm 31 người.",
    );
    assert_eq!(posts(&rec, "Trần Văn Bảo"), ["Chủ tịch | LĐLĐ | Phú Yên"]);
    assert_eq!(terms(&rec), ["Công đoàn | Phú Yên | XV | 2023-2028"]);
}

#[test]
fn of_two_khoa_the_years_go_with_the_latest() {
    let rec = record(
        "Ngày 20/5/2021, Thường trực HĐND huyện Kim Bảng khóa XIX tổ chức phiên họp chuẩn \
         bị kỳ họp thứ nhất HĐND huyện khóa XX. Kỳ họp sẽ bầu Chủ tịch HĐND huyện Kim Bảng nhiệm kỳ \
         2021-2026.",
    );
    assert_eq!(
        terms(&rec),
        [
            "HĐND | Kim Bảng | XIX | ---",
            "HĐND | Kim Bảng | XX | 2021-2026"
        ]
    );
}

#[test]
fn the_assembly_khoa_elected_with_the_councils_takes_their_years() {
    let rec = record(
        "Ngày 20/1/2021, Ban Thường vụ Huyện ủy Bảo Lâm triển khai công tác bầu cử đại \
         biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026.",
    );
    assert_eq!(terms(&rec), ["Quốc hội | - | XV | 2021-2026"]);
}

#[test]
fn a_post_ending_in_a_bare_city_word_before_the_name() {
    let rec = record(
        "Dự đại hội có các đồng chí: Phó Bí thư Thành ủy Đà Nẵng, Chủ tịch UBND thành \
         phố Lê Trung Chinh; Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố \
         Ngô Xuân Thắng.",
    );
    assert_eq!(
        posts(&rec, "Lê Trung Chinh"),
        [
            "Chủ tịch | UBND | Đà Nẵng",
            "Phó Bí thư | Thành ủy | Đà Nẵng"
        ]
    );
    assert_eq!(
        posts(&rec, "Ngô Xuân Thắng"),
        [
            "Chủ tịch | HĐND | Đà Nẵng",
            "Phó Bí thư Thường trực | Thành ủy | Đà Nẵng"
        ]
    );
}

#[test]
fn a_bare_party_title_before_a_unit_post_is_of_that_units_committee() {
    let rec = record(
        "Dự hội nghị có ông Nguyễn Văn Sơn, Phó Bí thư, Chủ tịch HĐND tỉnh Hà Giang và \
         ông Lê Minh Tuấn, Bí thư, Chủ tịch huyện Hướng Hóa.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Văn Sơn"),
        [
            "Chủ tịch | HĐND | Hà Giang",
            "Phó Bí thư | Tỉnh ủy | Hà Giang"
        ]
    );
    assert_eq!(
        posts(&rec, "Lê Minh Tuấn"),
        [
            "Bí thư | Huyện ủy | Hướng Hóa",
            "Chủ tịch | UBND | Hướng Hóa"
        ]
    );
}

#[test]
fn a_body_with_a_counted_title_then_its_holders_after_la() {
    let rec = record(
        "Hiện nay UBND tỉnh Hà Tĩnh có 3 Phó Chủ tịch là ông Trần Báu Hà, ông Lê Ngọc \
         Châu và ông Nguyễn Hồng Lĩnh.",
    );
    for name in ["Trần Báu Hà", "Lê Ngọc Châu", "Nguyễn Hồng Lĩnh"] {
        assert_eq!(
            posts(&rec, name),
            ["Phó Chủ tịch | UBND | Hà Tĩnh"],
            "{name}"
        );
    }
}

#[test]
fn a_free_title_then_a_comma_and_an_honorific_name() {
    let rec = record(
        "Ủy ban Kiểm tra Trung ương thi hành kỷ luật cảnh cáo Bí thư Tỉnh ủy Bình Thuận, \
         nhiệm kỳ 2015-2020, ông Nguyễn Mạnh Hùng. Trong thời gian chờ kiện toàn chức vụ \
         Chủ tịch UBND tỉnh Bình Thuận, ông Lê Văn Bình, Phó Chủ tịch UBND tỉnh điều hành.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Mạnh Hùng"),
        ["Bí thư | Tỉnh ủy | Bình Thuận"]
    );
    assert_eq!(
        posts(&rec, "Lê Văn Bình"),
        ["Phó Chủ tịch | UBND | Bình Thuận"]
    );
}

#[test]
fn a_meeting_continuing_its_programme_is_reported() {
    let rec = record(
        "Tiếp tục chương trình ngày làm việc thứ ba, Hội nghị Trung ương 8, khóa XIII, \
         sáng 4/10/2023, Ban Chấp hành Trung ương Đảng làm việc tại hội trường. Đồng chí \
         Tổng Bí thư Nguyễn Phú Trọng chủ trì phiên họp.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 8 | - | 2023-10-04 | Nguyễn Phú Trọng"]
    );
}

#[test]
fn a_numbered_meeting_opening_its_sentence_after_the_day() {
    let rec = record(
        "Chiều 14/10/2022, Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh Bến Tre lần thứ \
         XI, nhiệm kỳ 2022 - 2027 công bố Ban Chấp hành gồm 39 đồng chí.",
    );
    assert_eq!(meetings(&rec), ["Đại hội | 11 | Bến Tre | 2022-10-14 | "]);
}

#[test]
fn a_national_mass_organisation_is_named_as_written_without_a_place() {
    let rec = record(
        "Sáng 6/3/2026, tại Hà Nội, Trung ương Hội Nông dân Việt Nam tổ chức Hội nghị lần \
         thứ 10 Ban Chấp hành khóa VIII. Dự có Phó Chủ tịch Trung ương Hội Nông dân Việt \
         Nam Đinh Khắc Đính và ông Lò Văn Sơn, Bí thư Đảng đoàn Hội Nông dân Việt Nam.",
    );
    assert_eq!(
        posts(&rec, "Đinh Khắc Đính"),
        ["Phó Chủ tịch | Hội Nông dân Việt Nam | -"]
    );
    assert_eq!(
        posts(&rec, "Lò Văn Sơn"),
        ["Bí thư | Đảng đoàn Hội Nông dân Việt Nam | -"]
    );
    assert_eq!(terms(&rec), ["Hội Nông dân | - | VIII | ---"]);
}

#[test]
fn a_term_behind_a_post_does_not_end_its_chain() {
    let rec = record(
        "Ông Lò Văn Thào, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng khóa XII, Phó Bí \
         thư Tỉnh ủy khóa XIV được bầu giữ chức Bí thư Tỉnh ủy Lai Châu khóa XV.",
    );
    assert_eq!(
        posts(&rec, "Lò Văn Thào"),
        [
            "Bí thư | Tỉnh ủy | Lai Châu",
            "Phó Bí thư | Tỉnh ủy | Lai Châu",
            "Ủy viên dự khuyết Ban Chấp hành Trung ương | Ban Chấp hành Trung ương | -",
        ]
    );
}

#[test]
fn a_body_as_the_agent_of_the_passive() {
    let rec = record(
        "Ông Đinh Quang Tuyến, nguyên Bí thư Tỉnh ủy Phú Thọ, được Bộ Chính trị điều động, \
         phân công tham gia Ban Chấp hành, Ban Thường vụ và chỉ định giữ chức Bí thư Tỉnh \
         ủy Ninh Bình.",
    );
    assert_eq!(
        posts(&rec, "Đinh Quang Tuyến"),
        [
            "Bí thư | Tỉnh ủy | Ninh Bình",
            "Bí thư | Tỉnh ủy | Phú Thọ (former)",
            "Ủy viên Ban Chấp hành | Tỉnh ủy | Ninh Bình",
            "Ủy viên Ban Thường vụ | Tỉnh ủy | Ninh Bình",
        ]
    );
}

#[test]
fn a_head_word_alone_is_a_body_before_its_unit() {
    let rec = record(
        "Long An kiện toàn nhân sự\n\nÔng Lê Văn Hải, nguyên Giám đốc Công an tỉnh Long \
         An, nghỉ hưu. Ông Phạm Thành Nam, Chánh Thanh tra tỉnh, báo cáo.",
    );
    assert_eq!(
        posts(&rec, "Lê Văn Hải"),
        ["Giám đốc | Công an | Long An (former)"]
    );
    assert_eq!(
        posts(&rec, "Phạm Thành Nam"),
        ["Chánh Thanh tra | Thanh tra | Long An"]
    );
}

#[test]
fn an_abbreviation_closes_a_body_read_as_written() {
    let rec = record(
        "Ông Đỗ Minh Khang, Giám đốc Sở GTVT Nghệ An, được điều động giữ chức Tổng cục \
         trưởng Tổng cục Đường bộ Việt Nam thuộc Bộ GTVT. Giám đốc Sở TT&TT Trần Văn Lộc \
         cảm ơn sự tin tưởng của lãnh đạo tỉnh Nghệ An.",
    );
    assert_eq!(
        posts(&rec, "Đỗ Minh Khang"),
        [
            "Giám đốc | Sở GTVT | Nghệ An",
            "Tổng cục trưởng | Tổng cục Đường bộ Việt Nam | -"
        ]
    );
    assert_eq!(
        posts(&rec, "Trần Văn Lộc"),
        ["Giám đốc | Sở TT&TT | Nghệ An"]
    );
}

#[test]
fn a_month_only_stamp_before_july_2025_keeps_the_old_units() {
    let text = "date 2025-03\nĐại hội Đảng bộ xã Bình Ba\n\nNgày 12/3, Đảng bộ xã Bình Ba \
                tổ chức Đại hội lần thứ VII. Ông Trần Văn Tâm, Bí thư Đảng ủy xã, được bầu \
                lại. Xã Bình Ba có 6 ấp.";
    let rec = record(text);
    assert_eq!(posts(&rec, "Trần Văn Tâm"), ["Bí thư | Đảng ủy | Bình Ba"]);
}

#[test]
fn chairing_a_meeting_of_a_named_body_reports_it() {
    let rec = record(
        "Ninh Bình cho ý kiến nhiều nội dung quan trọng\n\nChiều ngày 6/8, đồng chí Đinh Văn \
         Hùng, Bí thư Tỉnh ủy Ninh Bình, chủ trì hội nghị Ban Thường vụ Tỉnh ủy để cho ý kiến \
         vào các nội dung mà UBND tỉnh báo cáo.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Thường vụ | - | Ninh Bình | - | Đinh Văn Hùng"]
    );
}

#[test]
fn a_number_outside_the_meeting_name_is_not_its_ordinal() {
    let rec = record(
        "Ngày 28/2/2020, Ban Thường vụ Huyện ủy Định Hóa tổ chức phiên họp thường kỳ tháng \
         2 nhằm cho ý kiến lần thứ 3 vào dự thảo báo cáo chính trị.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Thường vụ | - | Định Hóa | 2020-02-28 | "]
    );
}

#[test]
fn a_sitting_is_the_standing_boards_own_but_not_a_standing_councils() {
    let rec = record(
        "Tin\n\nNgày 14/3/2023, Ban Thường vụ Huyện ủy Kim Bảng tổ chức phiên họp thường kỳ \
         tháng 3.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Thường vụ | - | Kim Bảng | 2023-03-14 | "]
    );
    let rec = record(
        "Tin\n\nNgày 14/3/2023, Thường trực HĐND huyện Kim Bảng tổ chức phiên họp thường kỳ \
         lần thứ 12.",
    );
    assert_eq!(meetings(&rec), ["Hội nghị | 12 | Kim Bảng | 2023-03-14 | "]);
}

#[test]
fn a_bare_session_held_on_a_day_dates_the_numbered_one_named_in_passing() {
    let rec = record(
        "Tin\n\nNgày 15-7, HĐND tỉnh Hà Nam đã có giấy triệu tập kỳ họp thứ tám, HĐND tỉnh \
         khóa XVI (kỳ họp chuyên đề).\n\nCăn cứ Luật Tổ chức chính quyền địa phương, kỳ họp \
         diễn ra vào chiều 22-7-2022, để bầu chức danh Chủ tịch UBND tỉnh.\n\nChiều 15-7, \
         tại trụ sở Tỉnh ủy Hà Nam diễn ra hội nghị công bố quyết định về công tác cán bộ.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Kỳ họp HĐND | 8 | Hà Nam | 2022-07-22 | ",
            "Hội nghị | - | Hà Nam | 2022-07-15 | "
        ]
    );
    let rec = record(
        "Tin\n\nSáng ngày 27/5/2021, Thường trực HĐND huyện Kim Bảng tổ chức phiên họp dự \
         kiến chương trình kỳ họp thứ nhất HĐND huyện khóa XX. Theo đó, dự kiến kỳ họp sẽ tổ \
         chức vào sáng ngày 11/6/2021.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Hội nghị | - | Kim Bảng | 2021-05-27 | ",
            "Kỳ họp HĐND | 1 | Kim Bảng | 2021-06-11 | "
        ]
    );
}

#[test]
fn a_unit_of_the_reformed_map_only_dates_a_text_that_writes_no_year() {
    let rec = record(
        "Tin\n\nChiều 10/7, Đảng ủy phường Lang Biang - Đà Lạt tổ chức Hội nghị công bố \
         quyết định thành lập các tổ chức đảng trực thuộc.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị | - | Lang Biang - Đà Lạt | 2025-07-10 | "]
    );
    // The unit exists from 1 July 2025: a day in March is in 2026 at the earliest.
    let rec = record(
        "Tin\n\nSáng 12/3, Đảng ủy phường Lang Biang - Đà Lạt tổ chức Hội nghị sơ kết \
         công tác quý I.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị | - | Lang Biang - Đà Lạt | 2026-03-12 | "]
    );
}

#[test]
fn the_two_tier_government_puts_a_first_session_in_2025() {
    let text = "Tin\n\nNgày 01/7, phường Hồng Gai tổ chức Kỳ họp thứ nhất HĐND phường khóa X, \
                nhiệm kỳ 2021-2026. Kỳ họp mở đầu mô hình chính quyền địa phương hai cấp.";
    assert_eq!(
        meetings(&record(text)),
        ["Kỳ họp HĐND | 1 | Hồng Gai | 2025-07-01 | "]
    );
    // Without the reform, a first session is in its term's first year.
    let text = text.replace(" Kỳ họp mở đầu mô hình chính quyền địa phương hai cấp.", "");
    assert_eq!(
        meetings(&record(&text)),
        ["Kỳ họp HĐND | 1 | Hồng Gai | 2021-07-01 | "]
    );
}

#[test]
fn a_committee_conference_that_elects_its_officers_is_the_executive_committees() {
    let rec = record(
        "Tin\n\nNgày 12/4/2018, Huyện ủy Kim Bảng tổ chức hội nghị bất thường (khóa XX) để \
         bầu bổ sung chức danh Phó Bí thư Huyện ủy nhiệm kỳ 2015-2020.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | - | Kim Bảng | 2018-04-12 | "]
    );
    let rec = record(
        "Tin\n\nNgày 12/4/2018, Huyện ủy Kim Bảng tổ chức hội nghị để bầu Chủ tịch Hội \
         Nông dân huyện.",
    );
    assert_eq!(meetings(&rec), ["Hội nghị | - | Kim Bảng | 2018-04-12 | "]);
}

#[test]
fn a_day_written_after_another_meetings_name_is_that_meetings() {
    let rec = record(
        "Huyện ủy Kim Bảng quán triệt Nghị quyết\n\nHuyện ủy Kim Bảng tổ chức hội nghị \
         quán triệt nghị quyết. Tại Hội nghị, đồng chí Trần Văn An, Bí thư Huyện ủy thông tin \
         kết quả của Hội nghị Trung ương 7 (khoá XI), họp từ ngày 02/5 đến ngày 11/5/2013.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Hội nghị | - | Kim Bảng | - | ",
            "Hội nghị Ban Chấp hành | 7 | - | 2013-05-02 | "
        ]
    );
}

#[test]
fn a_meeting_a_cited_document_is_about_is_not_reported() {
    let rec = record(
        "Tin\n\nThực hiện Kế hoạch số 221-KH/HU ngày 12/11/2019 của Ban Thường vụ Huyện ủy \
         Kim Bảng về tổ chức Đại hội Đảng bộ huyện lần thứ XXII, Đảng ủy xã Lê Hồ đã xây dựng \
         kế hoạch.",
    );
    assert!(meetings(&rec).is_empty(), "{:?}", meetings(&rec));
}

#[test]
fn a_transfer_to_a_commune_keeps_the_subject_of_the_posts_that_follow() {
    let rec = record(
        "Tin\n\nNgày 5/9/2023, đồng chí Lê Văn Hòa, Bí thư Đảng ủy xã Liêm Phong được luân chuyển \
         đến công tác tại xã Liêm Cần, chỉ định tham gia Ban Chấp hành Đảng bộ, Ban Thường \
         vụ Đảng ủy, giữ chức vụ Bí thư Đảng ủy xã Liêm Cần.",
    );
    assert_eq!(
        posts(&rec, "Lê Văn Hòa"),
        [
            "Bí thư | Đảng ủy | Liêm Cần",
            "Bí thư | Đảng ủy | Liêm Phong",
            "Ủy viên Ban Chấp hành | Đảng ủy | Liêm Cần",
            "Ủy viên Ban Thường vụ | Đảng ủy | Liêm Cần"
        ]
    );
}

#[test]
fn the_party_affairs_committee_of_a_state_body_is_a_body() {
    let rec = record(
        "Tin\n\nNgày 5/9/2023, ông Trần Văn An, Tỉnh ủy viên, Ủy viên Ban Cán sự đảng, Phó \
         Chủ tịch UBND tỉnh Hà Nam dự hội nghị.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn An"),
        [
            "Phó Chủ tịch | UBND | Hà Nam",
            "Ủy viên Ban Chấp hành | Tỉnh ủy | Hà Nam",
            "Ủy viên | Ban cán sự đảng | Hà Nam"
        ]
    );
}

#[test]
fn a_body_without_a_place_holds_its_meeting_when_the_article_names_none() {
    let rec = record(
        "Họp thường kỳ tháng 2\n\nTruy cập nội dung\n\n02-03-2020 10:50\n\nNgày 28/2, Ban \
         Thường vụ Huyện ủy tổ chức phiên họp thường kỳ tháng 2. Đồng chí Lương Văn Tài - Bí \
         thư Huyện ủy chủ trì hội nghị.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Thường vụ | - | - | 2020-02-28 | Lương Văn Tài"]
    );
}

#[test]
fn a_bare_re_mention_names_the_meeting_attended_before() {
    let rec = record(
        "Đây là phát biểu chỉ đạo của Bí thư Thành ủy Nguyễn Văn Long tại Hội nghị lần thứ 8 \
         Ban Chấp hành Đảng bộ thành phố Đà Nẵng diễn ra sáng 28-6. Phó Bí thư Thành ủy Lê \
         Minh Chung chủ trì Hội nghị.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 8 | Đà Nẵng | - | Lê Minh Chung"]
    );
}

#[test]
fn a_bare_party_group_title_takes_the_mass_organisation_named_next() {
    let rec = record(
        "Dự Đại hội có ông Lương Văn Tiến, Bí thư Đảng đoàn, Chủ tịch Ban Chấp hành Trung \
         ương Hội Nông dân Việt Nam và ông Đào Quang Hưng - Ủy viên Đảng đoàn, Phó Chủ tịch \
         Trung ương Hội Cựu chiến binh Việt Nam.",
    );
    assert_eq!(
        posts(&rec, "Lương Văn Tiến"),
        [
            "Bí thư | Đảng đoàn Hội Nông dân Việt Nam | -",
            "Chủ tịch | Hội Nông dân Việt Nam | -"
        ]
    );
    assert_eq!(
        posts(&rec, "Đào Quang Hưng"),
        [
            "Phó Chủ tịch | Hội Cựu chiến binh Việt Nam | -",
            "Ủy viên | Đảng đoàn Hội Cựu chiến binh Việt Nam | -"
        ]
    );
}

#[test]
fn a_military_rank_stands_before_a_name_like_an_honorific() {
    let rec = record(
        "Dự Đại hội có Thiếu tướng Hà Văn Lực, Phó Tư lệnh Quân khu 2 và Trung tướng Vũ \
         Đình Khải - Phó Chủ tịch Hội Cựu chiến binh Việt Nam.",
    );
    assert_eq!(posts(&rec, "Hà Văn Lực"), ["Phó Tư lệnh | Quân khu 2 | -"]);
    assert_eq!(
        posts(&rec, "Vũ Đình Khải"),
        ["Phó Chủ tịch | Hội Cựu chiến binh Việt Nam | -"]
    );
}

#[test]
fn a_congress_secretariat_is_not_a_person() {
    let rec = record(
        "Phiên thứ nhất, Đại hội đã bầu Đoàn Chủ tịch gồm 7 đồng chí; Đoàn Thư ký Đại hội \
         gồm 2 đồng chí. Ông Lê Văn Thành, Bí thư Huyện ủy Krông Pắc, phát biểu.",
    );
    assert_eq!(person_names(&rec), ["Lê Văn Thành"]);
}

#[test]
fn a_term_opening_its_sentence_is_the_subject_s() {
    let rec = record(
        "Đại hội Đảng bộ xã Mường Phăng\n\nNgày 20/5/2025, Đảng bộ xã Mường Phăng tổ chức \
         Đại hội lần thứ XXV. Đây là xã được Ban Thường vụ Huyện ủy Điện Biên chọn tổ chức \
         đại hội điểm. Nhiệm kỳ 2020 - 2025, Đảng bộ, chính quyền và Nhân dân xã Mường Phăng \
         nỗ lực vượt khó.",
    );
    assert_eq!(terms(&rec), ["Đảng bộ | Mường Phăng | - | 2020-2025"]);
}

#[test]
fn the_predecessor_after_thay_cho_held_the_post() {
    let rec = record(
        "Ngày 12/3, Ban Thường vụ Tỉnh ủy trao quyết định điều động ông Lê Văn Tám, Trưởng \
         ban Dân vận Tỉnh ủy Sóc Trăng giữ chức Bí thư Huyện ủy Mỹ Tú thay cho ông Trần \
         Minh Khôi nghỉ hưu.",
    );
    assert_eq!(
        posts(&rec, "Trần Minh Khôi"),
        ["Bí thư | Huyện ủy | Mỹ Tú (former)"]
    );
}

#[test]
fn a_district_dissolved_before_the_reform_is_still_a_place() {
    let rec = record(
        "date 2019-04-02\nHuyện ủy Nam Đông tổ chức hội nghị. Ông Hồ Văn Lâm, Phó Bí thư \
         Huyện ủy Nam Đông, phát biểu.",
    );
    assert_eq!(
        posts(&rec, "Hồ Văn Lâm"),
        ["Phó Bí thư | Huyện ủy | Nam Đông"]
    );
}

#[test]
fn a_bare_unit_is_the_sentence_subject_s_unit() {
    let rec = record(
        "date 2014-09-29\nHai huyện có Chủ tịch mới\n\nNgày 28-9, HĐND huyện Ba Vì tổ chức \
         kỳ họp bất thường. Ông Đỗ Văn Tư, Phó Bí thư Huyện ủy, được bầu giữ chức Chủ tịch \
         UBND huyện Ba Vì. Cũng trong ngày 28-9, HĐND huyện Phúc Thọ khóa XVIII đã tổ chức \
         kỳ họp thứ 12 để miễn nhiệm chức danh Chủ tịch UBND huyện đối với ông Lê Văn Hải.",
    );
    assert_eq!(posts(&rec, "Đỗ Văn Tư")[0], "Chủ tịch | UBND | Ba Vì");
    assert_eq!(posts(&rec, "Lê Văn Hải"), ["Chủ tịch | UBND | Phúc Thọ"]);
    assert_eq!(
        meetings(&rec),
        [
            "Kỳ họp HĐND | - | Ba Vì | 2014-09-28 | ",
            "Kỳ họp HĐND | 12 | Phúc Thọ | 2014-09-28 | "
        ]
    );
}

#[test]
fn a_title_s_own_unit_is_no_subject() {
    let rec = record(
        "date 2016-05-26\nHuyện ủy Phụng Hiệp kiện toàn nhân sự\n\nSáng 25/5, Huyện ủy Phụng \
         Hiệp tổ chức hội nghị. Dự có ông Lê Văn Năm, Phó Bí thư Huyện ủy Vị Thủy; ông Trần \
         Văn Sáu, Ủy viên Ban Thường vụ Huyện ủy.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Sáu"),
        ["Ủy viên Ban Thường vụ | Huyện ủy | Phụng Hiệp"]
    );
}

#[test]
fn a_range_of_days_dates_the_meeting_by_its_first_day() {
    let rec = record(
        "date 2024-03-20\nSau 2 ngày (18-19/3) làm việc khẩn trương, Hội nghị lần thứ 9 Ban \
         Chấp hành Đảng bộ tỉnh Bắc Giang khóa XIX đã hoàn thành chương trình và bế mạc \
         chiều 19/3.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 9 | Bắc Giang | 2024-03-18 | "]
    );
}

#[test]
fn a_congress_numbered_by_a_roman_numeral_after_its_name() {
    let rec = record("date 2020-10-14\nSáng 14/10, Đại hội XVI Đảng bộ tỉnh Bến Tre khai mạc.");
    assert_eq!(meetings(&rec), ["Đại hội | 16 | Bến Tre | 2020-10-14 | "]);
}

#[test]
fn a_congress_reported_bare_takes_the_number_the_article_gives_it() {
    let rec = record(
        "date 2020-10-14\nSáng 14/10, Đảng bộ tỉnh Bến Tre khai mạc Đại hội. Các tổ thảo \
         luận văn kiện trình Đại hội XIII của Đảng và Đại hội XVI Đảng bộ tỉnh; đánh giá \
         Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV.",
    );
    assert_eq!(meetings(&rec), ["Đại hội | 16 | Bến Tre | 2020-10-14 | "]);
}

#[test]
fn a_bare_congress_in_an_article_about_a_commune_is_the_commune_s() {
    let rec = record(
        "date 2020-05-16\nĐại hội Đảng bộ xã Tân Long lần thứ XXV, nhiệm kỳ 2020 - 2025\n\n\
         Ngày 15/5, Đảng bộ xã Tân Long, huyện Phú Giáo tổ chức Đại hội đại biểu lần thứ \
         XXV, nhiệm kỳ 2020 - 2025. Dự Đại hội có đồng chí Nguyễn Văn Lộc, Phó Bí thư \
         Thường trực Huyện ủy Phú Giáo. Đồng chí Trần Văn Nam, Bí thư Đảng ủy, Chủ tịch \
         UBND xã chủ trì Đại hội. Đại hội đã bầu Ban Chấp hành Đảng bộ xã khóa XXV gồm 15 \
         đồng chí.",
    );
    assert_eq!(
        meetings(&rec),
        ["Đại hội | 25 | Tân Long | 2020-05-15 | Trần Văn Nam"]
    );
}

#[test]
fn a_department_written_freely_is_the_province_s() {
    let rec = record(
        "Kỳ họp HĐND huyện Cẩm Mỹ, tỉnh Đồng Nai. Dự kỳ họp có bà Lê Thị Hương - Tỉnh ủy \
         viên - Giám đốc Sở Khoa học Công nghệ - nguyên Bí thư huyện ủy.",
    );
    assert_eq!(
        posts(&rec, "Lê Thị Hương"),
        [
            "Bí thư | Huyện ủy | Cẩm Mỹ (former)",
            "Giám đốc | Sở Khoa học Công nghệ | Đồng Nai",
            "Ủy viên Ban Chấp hành | Tỉnh ủy | Đồng Nai"
        ]
    );
}

#[test]
fn a_transfer_s_workplace_gives_the_bare_title_its_body() {
    let rec = record(
        "Ngày 3/4, UBND tỉnh Quảng Ngãi điều động ông Phạm Văn Bình, Phó Giám đốc Sở Nội \
         vụ đến nhận công tác tại Sở Tư pháp và bổ nhiệm giữ chức Phó Giám đốc.",
    );
    assert_eq!(
        posts(&rec, "Phạm Văn Bình"),
        [
            "Phó Giám đốc | Sở Nội vụ | Quảng Ngãi",
            "Phó Giám đốc | Sở Tư pháp | Quảng Ngãi"
        ]
    );
}

#[test]
fn a_meeting_whose_results_are_reported_with_its_own_date_was_held() {
    let rec = record(
        "date 2017-03-20\nThực hiện Nghị quyết 02 của Ban Thường vụ Tỉnh ủy ngày 15/3/2016 \
         và kết quả Hội nghị Ban Thường vụ Huyện ủy Yên Thành ngày 14/3/2017, Huyện ủy Yên \
         Thành đã quyết định luân chuyển 5 cán bộ. Đây là kết quả của Đại hội Đảng bộ huyện \
         lần thứ XXIX.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Thường vụ | - | Yên Thành | 2017-03-14 | "]
    );
}

#[test]
fn a_shared_unit_name_is_the_one_inside_the_unit_written_after_it() {
    let rec = record(
        "date 2020-08-06\nSáng 5/8, Đảng bộ phường 4, quận 5 tổ chức Đại hội đại biểu lần thứ \
         XIII, nhiệm kỳ 2020-2025. Đồng chí Võ Văn Em, Bí thư Đảng ủy phường chủ trì Đại hội.",
    );
    assert_eq!(posts(&rec, "Võ Văn Em"), ["Bí thư | Đảng ủy | Phường 4"]);
    assert_eq!(
        meetings(&rec),
        ["Đại hội | 13 | Phường 4 | 2020-08-05 | Võ Văn Em"]
    );
}

#[test]
fn the_party_committee_of_a_body_named_after_it() {
    let rec = record(
        "Ông Phạm Văn Hùng, Bí thư Đảng ủy Ủy ban nhân dân tỉnh Gia Lai; ông Ngô Văn Tân, Bí \
         thư Đảng ủy Sở Xây dựng Thanh Hóa; bà Lê Thị Hoa, Bí thư Đảng ủy xã Tân Long, \
         huyện Phú Giáo.",
    );
    assert_eq!(
        posts(&rec, "Phạm Văn Hùng"),
        ["Bí thư | Đảng ủy UBND | Gia Lai"]
    );
    assert_eq!(
        posts(&rec, "Ngô Văn Tân"),
        ["Bí thư | Đảng ủy Sở Xây dựng | Thanh Hóa"]
    );
    assert_eq!(posts(&rec, "Lê Thị Hoa"), ["Bí thư | Đảng ủy | Tân Long"]);
}

#[test]
fn a_council_delegate_is_a_post_in_a_chain() {
    let rec = record(
        "Kết quả bầu cử bổ sung, ông Lê Văn Sáu, Phó Bí thư Thường trực Tỉnh ủy, đại biểu \
         Hội đồng nhân dân tỉnh Phú Yên khóa VI giữ chức Chủ tịch UBND tỉnh.",
    );
    assert_eq!(
        posts(&rec, "Lê Văn Sáu"),
        [
            "Chủ tịch | UBND | Phú Yên",
            "Phó Bí thư Thường trực | Tỉnh ủy | Phú Yên",
            "Đại biểu HĐND | HĐND | Phú Yên"
        ]
    );
}

#[test]
fn a_post_ending_in_its_level_word_keeps_its_level() {
    let rec = record(
        "HĐND tỉnh Đồng Tháp miễn nhiệm đại biểu HĐND tỉnh đối với ông Trần Văn Mười, \
         nguyên Phó Giám đốc Công an tỉnh, đại biểu HĐND đơn vị số 20 huyện Châu Thành.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Mười")[0],
        "Phó Giám đốc | Công an | Đồng Tháp (former)"
    );
}

#[test]
fn a_birthplace_does_not_vote_for_the_article_s_place() {
    let rec = record(
        "Bí thư Tỉnh ủy Vĩnh Phúc Hoàng Văn An sinh ngày 6/5/1966; quê quán: Phường Ngô \
         Quyền, thành phố Vĩnh Yên, tỉnh Vĩnh Phúc. Trong Ban Chấp hành Đảng bộ nhiệm kỳ \
         2020-2025 có 11 nữ.",
    );
    assert_eq!(terms(&rec), ["Đảng bộ | Vĩnh Phúc | - | 2020-2025"]);
}

#[test]
fn a_department_of_a_centrally_run_city_is_the_city_s() {
    let rec = record(
        "Ban Thường vụ Thành ủy Hải Phòng điều động ông Trịnh Văn Bảy, Trưởng phòng Quản lý \
         di sản văn hóa giữ chức Phó Giám đốc Sở Văn hóa và Thể thao.",
    );
    assert_eq!(
        posts(&rec, "Trịnh Văn Bảy"),
        [
            "Phó Giám đốc | Sở Văn hóa và Thể thao | Hải Phòng",
            "Trưởng phòng | Phòng Quản lý di sản văn hóa | Hải Phòng"
        ]
    );
}

#[test]
fn a_plenum_numbered_without_thu() {
    let rec = record(
        "Sáng 5/7/2022, Ban Chấp hành Đảng bộ huyện Tân Kỳ tổ chức hội nghị lần 22 (mở rộng). \
         Đồng chí Võ Văn Hào, Bí thư Huyện ủy chủ trì hội nghị.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 22 | Tân Kỳ | 2022-07-05 | Võ Văn Hào"]
    );
}

#[test]
fn a_central_plenum_named_after_its_number_in_a_district_report() {
    let rec = record(
        "Sáng 20/6/2022, Huyện ủy Tân Kỳ tổ chức hội nghị sơ kết. Hội nghị lần thứ năm Ban Chấp \
         hành Trung ương Đảng khóa XIII diễn ra từ ngày 4 đến 10/5/2022.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Hội nghị | - | Tân Kỳ | 2022-06-20 | ",
            "Hội nghị Ban Chấp hành | 5 | - | 2022-05-04 | "
        ]
    );
}

#[test]
fn a_plenum_whose_results_are_passed_on_was_held() {
    let rec = record(
        "Sáng ngày 23/10/2018, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị thông báo nhanh \
         kết quả Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XII. Đồng chí Thái \
         Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Hội nghị | - | Nghệ An | 2018-10-23 | Thái Văn Minh",
            "Hội nghị Ban Chấp hành | 8 | - | - | "
        ]
    );
}

#[test]
fn a_name_that_starts_like_a_unit_of_another_level() {
    let rec = record(
        "Sáng 12/1/2022, Huyện ủy Thạch Hà tổ chức hội nghị tổng kết. Chủ tịch UBND huyện Lê \
         Thanh Hà phát biểu. Bí thư Huyện ủy Lê Hồng Sơn kết luận hội nghị.",
    );
    assert_eq!(posts(&rec, "Lê Thanh Hà"), ["Chủ tịch | UBND | Thạch Hà"]);
    assert_eq!(posts(&rec, "Lê Hồng Sơn"), ["Bí thư | Huyện ủy | Thạch Hà"]);
}

#[test]
fn re_elected_with_tai_cu() {
    let rec = record(
        "Đại hội đã bầu Ban Chấp hành Đảng bộ phường Hưng Dũng, thành phố Vinh. Đồng chí Nguyễn \
         Thị Thanh Hương được bầu tái cử Bí thư Đảng ủy phường.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Thị Thanh Hương"),
        ["Bí thư | Đảng ủy | Hưng Dũng"]
    );
}

#[test]
fn listed_subjects_with_chains_of_their_own_share_the_verbs_post() {
    let rec = record(
        "Ông Nguyễn Văn Đệ, Chủ tịch UBND huyện Nam Đàn, bà Trần Thị Mai, Trưởng Ban Tổ chức \
         Huyện ủy Nam Đàn và ông Lê Văn Hùng được chỉ định giữ chức Phó Bí thư Huyện ủy Nam Đàn.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Văn Đệ"),
        [
            "Chủ tịch | UBND | Nam Đàn",
            "Phó Bí thư | Huyện ủy | Nam Đàn"
        ]
    );
    assert_eq!(
        posts(&rec, "Lê Văn Hùng"),
        ["Phó Bí thư | Huyện ủy | Nam Đàn"]
    );
    let rec = record(
        "Ông Trần Văn Khải, Chủ tịch UBND tỉnh Lào Cai; ông Đỗ Minh Tâm, Chủ tịch UBND tỉnh Yên \
         Bái vừa được bầu giữ chức Bí thư Tỉnh ủy.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Khải"),
        ["Bí thư | Tỉnh ủy | Lào Cai", "Chủ tịch | UBND | Lào Cai"]
    );
    assert_eq!(
        posts(&rec, "Đỗ Minh Tâm"),
        ["Bí thư | Tỉnh ủy | Yên Bái", "Chủ tịch | UBND | Yên Bái"]
    );
    // Each with a verb of its own: the second verb's post is not the first subject's.
    let rec = record(
        "Theo đó, ông Phan Văn Hòa, Phó Bí thư Huyện ủy Nam Đàn giữ chức Chủ tịch HĐND huyện; \
         ông Lê Quốc Bảo, Trưởng Ban Dân vận Huyện ủy Nam Đàn giữ chức Chủ tịch UBND huyện.",
    );
    assert_eq!(
        posts(&rec, "Phan Văn Hòa"),
        [
            "Chủ tịch | HĐND | Nam Đàn",
            "Phó Bí thư | Huyện ủy | Nam Đàn"
        ]
    );
}

#[test]
fn a_council_sitting_in_a_numbered_session_is_a_council_session() {
    let rec = record("Ngày 12/7/2023, HĐND xã Phú Lộc, huyện Krông Năng họp kỳ thứ 7.");
    assert_eq!(
        meetings(&rec),
        ["Kỳ họp HĐND | 7 | Phú Lộc | 2023-07-12 | "]
    );
}

#[test]
fn a_headline_meeting_is_the_one_the_text_dates() {
    let rec = record(
        "HĐND xã Phú Lộc tổ chức kỳ họp thứ 7\n13/07/2023 09:15\nNgày 12/7, HĐND xã Phú Lộc, \
         huyện Krông Năng tổ chức kỳ họp thứ 7. Bà Nguyễn Thị Mai, Chủ tịch HĐND xã chủ trì kỳ \
         họp.",
    );
    assert_eq!(rec["published"], "2023-07-13");
    assert_eq!(
        meetings(&rec),
        ["Kỳ họp HĐND | 7 | Phú Lộc | 2023-07-12 | Nguyễn Thị Mai"]
    );
}

#[test]
fn minority_names_after_their_title() {
    let rec = record(
        "Ngày 12/7/2023, HĐND xã Phú Lộc, huyện Krông Năng tổ chức kỳ họp thứ 7. Phó Chủ tịch \
         HĐND xã H'Hen Niê và Phó Chủ tịch HĐND xã Tòng Thị Phóng điều hành kỳ họp.",
    );
    for name in ["H'Hen Niê", "Tòng Thị Phóng"] {
        assert_eq!(
            posts(&rec, name),
            ["Phó Chủ tịch | HĐND | Phú Lộc"],
            "{name}"
        );
    }
}

#[test]
fn a_meeting_a_plan_is_about_is_not_reported() {
    let rec = record(
        "Ngày 12/7/2023, Ban Chấp hành Đảng bộ huyện Krông Năng khóa XIV tổ chức hội nghị lần \
         thứ 15, thông qua kế hoạch tổ chức Đại hội Đảng bộ huyện lần thứ XV, nhiệm kỳ 2025 - 2030.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 15 | Krông Năng | 2023-07-12 | "]
    );
}

#[test]
fn a_meeting_planned_without_a_day_is_not_held() {
    let rec = record(
        "Ngày 5/12/2023, Huyện ủy Krông Năng tổ chức hội nghị. Đại hội Đảng bộ huyện lần thứ XV \
         dự kiến tổ chức trong tháng 6/2025.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị | - | Krông Năng | 2023-12-05 | "]
    );
    let rec = record(
        "Ngày 5/12/2023, Huyện ủy Krông Năng tổ chức hội nghị. Kỳ họp thứ 12 HĐND huyện Krông \
         Năng dự kiến khai mạc ngày 18/12/2023.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Hội nghị | - | Krông Năng | 2023-12-05 | ",
            "Kỳ họp HĐND | 12 | Krông Năng | 2023-12-18 | "
        ]
    );
}

#[test]
fn a_new_post_ending_in_its_level_word_is_not_placed_in_the_subjects_commune() {
    let rec = record(
        "Ngày 12/7/2023, Ban Thường vụ Huyện ủy Krông Năng công bố quyết định. Đồng chí Lê Văn \
         Tâm, Chủ tịch UBND xã Ea Tam được điều động, bổ nhiệm giữ chức Trưởng phòng Nội vụ \
         huyện.",
    );
    assert_eq!(
        posts(&rec, "Lê Văn Tâm"),
        [
            "Chủ tịch | UBND | Ea Tam",
            "Trưởng phòng | Phòng Nội vụ | Krông Năng"
        ]
    );
}

#[test]
fn member_and_deputy_abbreviations_head_a_chain() {
    let rec = record(
        "Ngày 12/7/2023, Huyện ủy Krông Năng, tỉnh Đắk Lắk tổ chức hội nghị. Đồng chí Lê Văn Tâm - \
         TUV, Bí thư Huyện ủy chủ trì hội nghị; đồng chí Trần Văn Hải - HUV, PCT UBND huyện và \
         đồng chí Võ Thị Lan - PBT Huyện ủy dự.",
    );
    assert_eq!(
        posts(&rec, "Lê Văn Tâm"),
        [
            "Bí thư | Huyện ủy | Krông Năng",
            "Ủy viên Ban Chấp hành | Tỉnh ủy | Đắk Lắk"
        ]
    );
    assert_eq!(
        posts(&rec, "Trần Văn Hải"),
        [
            "Phó Chủ tịch | UBND | Krông Năng",
            "Ủy viên Ban Chấp hành | Huyện ủy | Krông Năng"
        ]
    );
    assert_eq!(
        posts(&rec, "Võ Thị Lan"),
        ["Phó Bí thư | Huyện ủy | Krông Năng"]
    );
    // A seat on the standing board stays the committee's across a dash.
    let rec = record("Đ/c Võ Văn Chánh - UVTV - PCT UBND tỉnh Đồng Nai tặng hoa chúc mừng.");
    assert_eq!(
        posts(&rec, "Võ Văn Chánh"),
        [
            "Phó Chủ tịch | UBND | Đồng Nai",
            "Ủy viên Ban Thường vụ | Tỉnh ủy | Đồng Nai"
        ]
    );
}

#[test]
fn the_head_of_a_police_unit_below_a_province() {
    let rec = record(
        "Ông Trần Văn Hải, Trưởng Công an xã Ea Tam, huyện Krông Năng và ông Lê Văn Tâm, Phó \
         Trưởng Công an huyện Krông Năng dự kỳ họp.",
    );
    assert_eq!(posts(&rec, "Trần Văn Hải"), ["Trưởng | Công an | Ea Tam"]);
    assert_eq!(
        posts(&rec, "Lê Văn Tâm"),
        ["Phó Trưởng | Công an | Krông Năng"]
    );
}

#[test]
fn a_title_of_an_unlisted_body_before_a_name() {
    let rec = record(
        "Ngày 9/3/2022, Thứ trưởng Bộ Tài chính Nguyễn Đức Chi làm việc với tỉnh. Cục trưởng \
         Cục Thuế Mai Xuân Thành dự. Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh Nguyễn \
         Xuân Thắng phát biểu.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Đức Chi"),
        ["Thứ trưởng | Bộ Tài chính | -"]
    );
    assert_eq!(posts(&rec, "Mai Xuân Thành"), ["Cục trưởng | Cục Thuế | -"]);
    // A place's name that looks like a person's stays in the body's name.
    let thang = posts(&rec, "Nguyễn Xuân Thắng");
    assert!(
        thang[0].starts_with("Giám đốc | Học viện Chính trị quốc gia"),
        "{thang:?}"
    );
}

#[test]
fn a_plenum_numbered_in_words_above_ten() {
    let rec = record(
        "Thành ủy Tam Điệp họp Hội nghị Ban Chấp hành lần thứ 20\n\nSáng 5/7/2023, Ban Chấp \
         hành Đảng bộ thành phố Tam Điệp khóa XXII đã khai mạc hội nghị lần thứ hai mươi. \
         Đồng chí Đỗ Quang Vinh, Bí thư Thành ủy chủ trì hội nghị.",
    );
    assert_eq!(
        meetings(&rec),
        ["Hội nghị Ban Chấp hành | 20 | Tam Điệp | 2023-07-05 | Đỗ Quang Vinh"]
    );
}

#[test]
fn a_post_approved_for_a_holder_named_after_it() {
    let rec = record(
        "Chiều 6/6/2023, Ban Thường vụ Tỉnh ủy Lâm Đồng trao quyết định chuẩn y chức danh Phó \
         Bí thư Huyện ủy Đức Trọng nhiệm kỳ 2020-2025 cho ông Nguyễn Văn Sơn. Cùng ngày, Ban \
         Thường vụ trao quyết định chuẩn y Bí thư Huyện ủy Lạc Dương đối với ông Lê Minh Tâm, \
         thay ông Trần Quốc Bảo được điều động giữ chức Giám đốc Sở Nội vụ.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Văn Sơn"),
        ["Phó Bí thư | Huyện ủy | Đức Trọng"]
    );
    assert_eq!(
        posts(&rec, "Lê Minh Tâm"),
        ["Bí thư | Huyện ủy | Lạc Dương"]
    );
    assert_eq!(
        posts(&rec, "Trần Quốc Bảo"),
        [
            "Bí thư | Huyện ủy | Lạc Dương (former)",
            "Giám đốc | Sở Nội vụ | Lâm Đồng"
        ]
    );
}

#[test]
fn the_predecessor_who_left_the_post() {
    let rec = record(
        "Ngày 5/6/2023, ông Trịnh Văn Hùng được bầu giữ chức Bí thư Tỉnh ủy Thái Nguyên nhiệm \
         kỳ 2020-2025 (sau khi bà Nguyễn Thị Hải chuyển công tác làm Phó Trưởng Ban Tổ chức \
         Trung ương). Ngày 7/6/2023, ông Lê Văn Tâm được bổ nhiệm giữ chức Giám đốc Sở Y tế \
         tỉnh Thái Nguyên, sau khi ông Phạm Văn Hòa nghỉ hưu. Ông Đỗ Minh Quang được bầu giữ \
         chức Chủ tịch HĐND tỉnh sau khi ông Vũ Văn Khoa phát biểu.",
    );
    assert_eq!(
        posts(&rec, "Nguyễn Thị Hải"),
        [
            "Bí thư | Tỉnh ủy | Thái Nguyên (former)",
            "Phó Trưởng ban | Ban Tổ chức Trung ương | -"
        ]
    );
    assert_eq!(
        posts(&rec, "Phạm Văn Hòa"),
        ["Giám đốc | Sở Y tế | Thái Nguyên (former)"]
    );
    // Only a person who leaves is the predecessor.
    assert!(rec["persons"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["name"] != "Vũ Văn Khoa" || p["positions"].as_array().unwrap().is_empty()));
}

#[test]
fn a_name_cut_off_by_the_end_of_the_text_is_no_person() {
    let rec = record(
        "Ngày 5/6/2023, ông Lê Văn Tâm được bầu giữ chức Bí thư Tỉnh ủy Bắc Giang; trước đó \
         ông Tâm là Phó Bí thư Tỉnh ủy - Chủ tịch UBND tỉnh Thái Ng",
    );
    assert_eq!(person_names(&rec), ["Lê Văn Tâm"]);
}

#[test]
fn a_plenum_number_before_the_term_is_no_khoa() {
    let rec = record(
        "Tin\n10:00 12/05/2021\n\nNgày 11/5, Ban Chấp hành Đảng bộ huyện Yên Lạc tổ chức hội \
         nghị lần thứ 7, nhiệm kỳ 2020-2025.",
    );
    assert_eq!(
        terms(&rec),
        ["Đảng bộ | Yên Lạc | - | 2020-2025"],
        "{rec:#}"
    );
    // A congress in a conference centre is still a congress: its number is the khóa.
    let rec = record(
        "Tin\n10:00 26/07/2022\n\nTại Trung tâm Hội nghị tỉnh, Hội Cựu chiến binh tỉnh Phú Thọ \
         tổ chức Đại hội đại biểu lần thứ VII, nhiệm kỳ 2022 - 2027.",
    );
    assert_eq!(
        terms(&rec),
        ["Hội Cựu chiến binh | Phú Thọ | VII | 2022-2027"],
        "{rec:#}"
    );
}

#[test]
fn the_standing_committee_khoa_is_the_party_organisation_term() {
    let rec = record(
        "Tin\n10:00 10/03/2022\n\nNgày 9/3, Huyện ủy Lập Thạch công bố quyết định chỉ định \
         đồng chí Nguyễn Văn Hòa tham gia Ban Chấp hành Đảng bộ huyện, Ban Thường vụ Huyện ủy \
         khóa XIX. Đồng chí Lê Văn Nam giữ chức Trưởng Ban Tổ chức Huyện ủy khóa XIX.",
    );
    assert_eq!(terms(&rec), ["Đảng bộ | Lập Thạch | XIX | ---"], "{rec:#}");
}

#[test]
fn a_post_noun_between_the_verb_and_the_post() {
    let rec = record(
        "Tin\n10:00 25/06/2021\n\nTại kỳ họp thứ nhất HĐND tỉnh Hà Nam khóa XIX, ông Trần Văn \
         Lộc tái đắc cử chức chủ tịch UBND tỉnh. Trước đó, bà Lê Thị Hoa tiếp tục đảm nhận chức \
         vụ Chủ tịch HĐND tỉnh.",
    );
    assert_eq!(posts(&rec, "Trần Văn Lộc"), ["Chủ tịch | UBND | Hà Nam"]);
    assert_eq!(posts(&rec, "Lê Thị Hoa"), ["Chủ tịch | HĐND | Hà Nam"]);
}

#[test]
fn a_khoa_after_a_national_party_meeting_is_the_partys() {
    // In a district's article, the Central Committee's plenum and the national
    // congress name the party's term, not the district's; a commission's does not.
    let rec = record(
        "Tin\n10:00 20/05/2013\n\nĐồng chí Lê Văn Tâm, Bí thư Huyện ủy Tuy Phong đã thông tin \
         kết quả Hội nghị Trung ương 7 (khoá XI). Đại hội đã bầu đoàn đại biểu đi dự Đại hội \
         Đảng toàn quốc khóa 12. Ủy ban Kiểm tra Trung ương khóa X đã họp.",
    );
    assert_eq!(
        terms(&rec),
        ["Đảng bộ | - | XI | ---", "Đảng bộ | - | XII | ---"],
        "{rec:#}"
    );
}

#[test]
fn a_subject_listing_units_holds_a_meeting_and_a_term_in_each() {
    // A plural level word and a list make one subject of several units: each holds
    // the congress and the term. A list with no number and no day of its own makes no
    // meeting.
    let rec = record(
        "Ngày 6/8/2025, Đảng bộ các xã: Hoành Mô, Lục Hồn và Điền Xá (tỉnh Quảng Ninh) đã \
         tổ chức đại hội đại biểu lần thứ I, nhiệm kỳ 2025 - 2030. Trước đó, Đảng bộ các \
         xã Quảng Tân, Quảng Hà đã tổ chức đại hội điểm.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Đại hội | 1 | Hoành Mô | 2025-08-06 | ",
            "Đại hội | 1 | Lục Hồn | 2025-08-06 | ",
            "Đại hội | 1 | Điền Xá | 2025-08-06 | ",
        ],
        "{rec:#}"
    );
    assert_eq!(
        terms(&rec),
        [
            "Đảng bộ | Hoành Mô | I | 2025-2030",
            "Đảng bộ | Lục Hồn | I | 2025-2030",
            "Đảng bộ | Điền Xá | I | 2025-2030",
        ],
        "{rec:#}"
    );
    // Listed after the congress's name, with their province, the units still number
    // it.
    let rec = record(
        "Sáng 9/8/2025, Đại hội đại biểu Đảng bộ các xã Quảng Tân, Quảng Hà và Đầm Hà \
         (tỉnh Quảng Ninh) lần thứ I đã khai mạc.",
    );
    assert_eq!(
        meetings(&rec),
        [
            "Đại hội | 1 | Quảng Tân | 2025-08-09 | ",
            "Đại hội | 1 | Quảng Hà | 2025-08-09 | ",
            "Đại hội | 1 | Đầm Hà | 2025-08-09 | ",
        ],
        "{rec:#}"
    );
}

#[test]
fn an_abbreviation_in_parentheses_after_a_body_keeps_the_place_after_it() {
    // The council is the province's though the article is about a district of it.
    let rec = record(
        "Tin\n10:00 09/10/2019\n\nSáng 8/10, Hội đồng nhân dân (HĐND) tỉnh khóa IX tổ chức kỳ \
         họp thứ 12. Kỳ họp miễn nhiệm ông Nguyễn Văn An, đại biểu HĐND đơn vị huyện Châu \
         Thành, tỉnh Đồng Tháp. Ông An là Bí thư Huyện ủy Châu Thành.",
    );
    assert_eq!(
        meetings(&rec),
        ["Kỳ họp HĐND | 12 | Đồng Tháp | 2019-10-08 | "],
        "{rec:#}"
    );
    assert_eq!(terms(&rec), ["HĐND | Đồng Tháp | IX | ---"], "{rec:#}");
}

#[test]
fn familiar_honorifics_name_youth_union_officials_when_lower_case() {
    // "anh", "chị" before a name as the youth union writes them; a capitalised "Anh"
    // ends a place's name, and the name after it keeps the post.
    let rec = record(
        "Đại hội Đoàn tỉnh Hà Tĩnh. Hai phó bí thư Tỉnh Đoàn gồm: anh Vũ Minh Khôi và \
         chị Đặng Thu Hà. Dự có Chủ tịch UBND thị xã Kỳ Anh Trần Văn Hòa.",
    );
    assert_eq!(
        posts(&rec, "Vũ Minh Khôi"),
        ["Phó Bí thư | Tỉnh đoàn | Hà Tĩnh"]
    );
    assert_eq!(
        posts(&rec, "Đặng Thu Hà"),
        ["Phó Bí thư | Tỉnh đoàn | Hà Tĩnh"]
    );
    assert_eq!(posts(&rec, "Trần Văn Hòa"), ["Chủ tịch | UBND | Kỳ Anh"]);
}

#[test]
fn a_sentence_opening_with_another_province_sets_the_place_of_its_paragraph() {
    let rec = record(
        "Hai tỉnh có Chủ tịch HĐND mới\n\nNgày 28/6/2021, HĐND các tỉnh tổ chức kỳ họp thứ \
         nhất.\n\nTại kỳ họp thứ nhất HĐND tỉnh Phú Yên khóa VIII, ông Trần Văn Bình, Phó \
         Bí thư Tỉnh ủy, được bầu làm Chủ tịch HĐND tỉnh. Ông Lê Văn An tái đắc cử Chủ tịch \
         UBND tỉnh.\n\nCụ thể: Tại Bình Định, ông Phạm Văn Cường, Phó Bí thư Tỉnh ủy, được \
         bầu làm Chủ tịch HĐND tỉnh.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Bình"),
        [
            "Chủ tịch | HĐND | Phú Yên",
            "Phó Bí thư | Tỉnh ủy | Phú Yên"
        ]
    );
    assert_eq!(posts(&rec, "Lê Văn An"), ["Chủ tịch | UBND | Phú Yên"]);
    assert_eq!(
        posts(&rec, "Phạm Văn Cường"),
        [
            "Chủ tịch | HĐND | Bình Định",
            "Phó Bí thư | Tỉnh ủy | Bình Định"
        ]
    );
}

#[test]
fn a_scene_ends_with_its_paragraph() {
    let rec = record(
        "Bình Định có Chủ tịch HĐND mới\n\nNgày 28/6/2021, HĐND tỉnh Bình Định tổ chức kỳ \
         họp thứ nhất. HĐND tỉnh Bình Định bầu các chức danh.\n\nTại Phú Yên, ông Trần Văn \
         Bình được bầu làm Chủ tịch HĐND tỉnh.\n\nÔng Lê Văn An, Phó Bí thư Tỉnh ủy, được \
         bầu làm Chủ tịch HĐND tỉnh.",
    );
    assert_eq!(posts(&rec, "Trần Văn Bình"), ["Chủ tịch | HĐND | Phú Yên"]);
    assert_eq!(
        posts(&rec, "Lê Văn An"),
        [
            "Chủ tịch | HĐND | Bình Định",
            "Phó Bí thư | Tỉnh ủy | Bình Định"
        ]
    );
}

#[test]
fn a_working_session_with_another_province_sets_no_scene() {
    let rec = record(
        "Tỉnh ủy Tuyên Quang làm việc với tỉnh Hà Giang\n\nNgày 5/10/2023, Ban Thường vụ \
         Tỉnh ủy Tuyên Quang làm việc với Ban Thường vụ Tỉnh ủy Hà Giang. HĐND tỉnh Tuyên \
         Quang và UBND tỉnh Tuyên Quang báo cáo.\n\nTại buổi làm việc với tỉnh Hà Giang, \
         ông Trần Văn Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh phát biểu.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Bình"),
        [
            "Chủ tịch | UBND | Tuyên Quang",
            "Phó Bí thư | Tỉnh ủy | Tuyên Quang"
        ]
    );
}

#[test]
fn a_locative_listing_several_provinces_sets_no_scene() {
    let rec = record(
        "Tỉnh ủy Tuyên Quang có Bí thư mới\n\nNgày 5/10/2023, Ban Chấp hành Đảng bộ tỉnh \
         Tuyên Quang bầu Bí thư Tỉnh ủy Tuyên Quang. HĐND tỉnh Tuyên Quang họp.\n\nTại các \
         tỉnh Yên Bái, Hà Giang, Lào Cai, ông Trần Văn Bình, Phó Bí thư Tỉnh ủy, dự họp.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Bình"),
        ["Phó Bí thư | Tỉnh ủy | Tuyên Quang"]
    );
}

#[test]
fn a_venue_in_a_centrally_run_city_leaves_the_province_of_an_implied_tinh_uy() {
    let rec = record(
        "Tỉnh ủy Nghệ An làm việc với Bộ Nội vụ\n\nNgày 5/10/2023, Ban Thường vụ Tỉnh ủy \
         Nghệ An làm việc với Bộ Nội vụ.\n\nTại Hà Nội, ông Trần Văn Bình, Phó Bí thư Tỉnh \
         ủy, Chủ tịch UBND tỉnh báo cáo.",
    );
    assert_eq!(
        posts(&rec, "Trần Văn Bình"),
        [
            "Chủ tịch | UBND | Nghệ An",
            "Phó Bí thư | Tỉnh ủy | Nghệ An"
        ]
    );
}

#[test]
fn a_middle_name_written_in_lower_case_belongs_to_the_name() {
    let rec = record(
        "Kỳ họp HĐND huyện Bình Đại\n\nNgày 10/3/2020, HĐND huyện Bình Đại tổ chức kỳ họp \
         thứ 12. Tham dự kỳ họp có ông Lê văn Bé Năm - Phó Chủ tịch HĐND huyện và bà Trần \
         thị Mai - Phó Chủ tịch UBND huyện.",
    );
    assert_eq!(
        posts(&rec, "Lê Văn Bé Năm"),
        ["Phó Chủ tịch | HĐND | Bình Đại"]
    );
    assert_eq!(
        posts(&rec, "Trần Thị Mai"),
        ["Phó Chủ tịch | UBND | Bình Đại"]
    );
}

#[test]
fn the_womens_union_is_named_as_written() {
    let rec = record(
        "Huyện Mỹ Lộc có Phó Chủ tịch UBND mới\n\nNgày 8/7/2021, HĐND huyện Mỹ Lộc bầu bà \
         Lê Thị Hoa, Chủ tịch Hội Liên hiệp Phụ nữ huyện Mỹ Lộc giữ chức Phó Chủ tịch UBND \
         huyện. Dự kỳ họp có bà Trần Thị Hạnh, Chủ tịch Hội LHPN tỉnh Nam Định.",
    );
    assert!(
        posts(&rec, "Lê Thị Hoa").contains(&"Chủ tịch | Hội Liên hiệp Phụ nữ | Mỹ Lộc".to_string())
    );
    assert_eq!(
        posts(&rec, "Trần Thị Hạnh"),
        ["Chủ tịch | Hội LHPN | Nam Định"]
    );
}
