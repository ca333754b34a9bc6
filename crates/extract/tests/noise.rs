//! The noise the press prints, read end to end on an invented article: a stamp glued
//! to the lead, a word broken by a stray space, abbreviated titles, a spaced document
//! number and one official written with a typo.

use cadre_extract::{extract, ArticleInput};

const ARTICLE: &str = "Huyện ủy Nghi Lộc tổ chức hội nghị\n\
12/3/2021Chiều nay, Ban Thường vụ Huyện ủy Nghi Lộc tổ chức hội nghị triển khai \
Nghị quyết số 245/NQ – UBTVQH 14 ngày 5-3- 2021 của Ủy ban Thường vụ Quốc hội. \
Đồng chí Nguyễn Văn Hùng, UV BCH TW Đảng, Bí thư Thà nh ủy Vinh dự hội nghị. \
Đồng chí Trần Thị Lan, UVTV Huyện ủy, Chủ tị ch UBND huyện phát biểu. \
Đồng chí Nguyên Văn Hùng đề nghị các cấp ủy quán triệt nghị quyết.";

#[test]
fn a_noisy_article_reads_like_a_clean_one() {
    let x = extract(&ArticleInput {
        id: "noise",
        text: ARTICLE,
        url: None,
        published: None,
    });
    assert_eq!(x.published.as_deref(), Some("2021-03-12"));
    assert!(x.text.contains("12/3/2021\nChiều nay"));
    assert!(x.text.contains("Bí thư Thành ủy Vinh"));
    let numbers: Vec<(&str, Option<&str>)> = x
        .documents
        .iter()
        .map(|d| (d.number.as_deref().unwrap_or(""), d.date.as_deref()))
        .collect();
    assert_eq!(numbers, vec![("245/NQ-UBTVQH14", Some("2021-03-05"))]);
    let names: Vec<&str> = x.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Nguyễn Văn Hùng", "Trần Thị Lan"]);
    let posts = |i: usize| -> Vec<(String, String)> {
        x.persons[i]
            .positions
            .iter()
            .map(|p| (p.role.clone(), p.body.org.clone()))
            .collect()
    };
    assert_eq!(
        posts(0),
        vec![
            (
                "Ủy viên Ban Chấp hành Trung ương".into(),
                "Ban Chấp hành Trung ương".into()
            ),
            ("Bí thư".into(), "Thành ủy".into()),
        ]
    );
    assert_eq!(
        posts(1),
        vec![
            ("Ủy viên Ban Thường vụ".into(), "Huyện ủy".into()),
            ("Chủ tịch".into(), "UBND".into()),
        ]
    );
    // The typo's mention is the merged person's last, and its evidence slices the text.
    let last = x.persons[0].mentions.last().expect("mentions");
    let span: String = x
        .text
        .chars()
        .skip(last.start)
        .take(last.end - last.start)
        .collect();
    assert_eq!(span, "Nguyên Văn Hùng");
}
