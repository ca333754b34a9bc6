//! The invented pages of `tests/fixtures/html/`, in the shapes of Vietnamese news
//! sites, read into article text, canonical URL and publication date.

use std::path::PathBuf;

use cadre_html::{read_page, HtmlError, Page};

fn page(name: &str) -> Page {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/html")
        .join(name);
    let bytes = std::fs::read(&path).expect("the fixture exists");
    let page = read_page(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    println!("{name}:\n{page:#?}\n{}", page.text);
    page
}

/// Asserts that every phrase is in the text, and none of the absent ones.
fn check(page: &Page, present: &[&str], absent: &[&str]) {
    for p in present {
        assert!(page.text.contains(p), "missing {p:?} in\n{}", page.text);
    }
    for a in absent {
        assert!(!page.text.contains(a), "unexpected {a:?} in\n{}", page.text);
    }
}

#[test]
fn district_portal_with_big_menus() {
    let p = page("thanhtri-portal.html");
    assert_eq!(
        p.canonical_url.as_deref(),
        Some("https://thanhtri.hanoi.gov.vn/tin-tuc-su-kien/-/asset_publisher/Ttri/content/hoi-nghi-ban-chap-hanh-dang-bo-huyen-lan-thu-15")
    );
    assert_eq!(p.published.as_deref(), Some("2024-03-12"));
    assert_eq!(
        p.title.as_deref(),
        Some("Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 15: Đánh giá kết quả thực hiện nhiệm vụ quý I năm 2024")
    );
    assert!(p
        .text
        .starts_with("Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 15:"));
    check(
        &p,
        &[
            "\nSáng 12/3, Ban Chấp hành Đảng bộ huyện khóa XXIV, nhiệm kỳ 2020-2025 tổ chức Hội nghị lần thứ 15",
            "\nĐồng chí Trần Minh Khôi - Thành ủy viên, Bí thư Huyện ủy;",
            "Kế hoạch số 126-KH/HU ngày 15/1/2024",
            "\nHồng Nhung",
        ],
        &[
            "Thanh Trì",
            "Trang chủ",
            "Giới thiệu",
            "Tin khác",
            "Ngũ Hiệp",
            "Facebook",
            "Liên kết",
            "Cơ quan chủ quản",
            "Đang tải",
            "Liferay",
        ],
    );
}

#[test]
fn provincial_paper_with_entities_and_a_related_box() {
    let p = page("baonghean-tinh-uy.html");
    assert_eq!(
        p.canonical_url.as_deref(),
        Some("https://baonghean.vn/ban-thuong-vu-tinh-uy-cho-y-kien-ve-cong-tac-can-bo-10256781.html")
    );
    assert_eq!(p.published.as_deref(), Some("2023-06-20"));
    assert_eq!(
        p.title.as_deref(),
        Some("Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ")
    );
    check(
        &p,
        &[
            "\n(Baonghean.vn) - Chiều 20/6, Ban Thường vụ Tỉnh ủy họp",
            "\nĐồng chí Nguyễn Đức Thành - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy",
            "cho ý kiến về dự thảo Kế hoạch số 215-KH/TU ngày 16/6/2023",
            "nhiệm kỳ 2020 - 2025.",
            "yêu cầu các cơ quan liên quan hoàn thiện hồ sơ",
        ],
        &[
            "Tin liên quan",
            "Quỳnh Lưu",
            "Lần thứ 14",
            "Chia sẻ",
            "Từ khóa",
            "Bình luận",
            "Họ và tên",
            "Đọc nhiều",
            "Nghi Lộc",
            "cookie",
            "Nghệ An",
            "Đăng nhập",
            "gtag",
        ],
    );
}

#[test]
fn national_paper_with_json_ld() {
    let p = page("nhandan-jsonld.html");
    assert_eq!(
        p.canonical_url.as_deref(),
        Some("https://nhandan.vn/quang-ninh-co-tan-pho-bi-thu-tinh-uy-post771234.html")
    );
    // 23:30 UTC on 4 October is 06:30 on 5 October in Hà Nội.
    assert_eq!(p.published.as_deref(), Some("2023-10-05"));
    assert_eq!(
        p.title.as_deref(),
        Some("Quảng Ninh có tân Phó Bí thư Tỉnh ủy")
    );
    check(
        &p,
        &[
            "\nNgày 4/10, Bộ Chính trị đã điều động, chỉ định đồng chí Vũ Quang Huy",
            "\nThay mặt Bộ Chính trị, đồng chí Lê Minh Tân",
            "\nPhát biểu nhận nhiệm vụ, đồng chí Vũ Quang Huy",
        ],
        &[
            "Tin liên quan",
            "phân công nhân sự tham gia",
            "tăng cường cán bộ cho cơ sở",
            "Hội nghị Tỉnh ủy Quảng Ninh lần thứ 12",
            "Sao chép",
            "Xem nhiều",
            "Tin khác",
            "Thủ tướng",
            "cookie",
            "Cơ quan Trung ương",
            "nhân sự\n",
        ],
    );
}

#[test]
fn og_url_without_canonical_and_a_time_in_the_article() {
    let p = page("baodongnai-ogurl.html");
    assert_eq!(
        p.canonical_url.as_deref(),
        Some("https://baodongnai.com.vn/chinh-tri/202406/bau-bo-sung-pho-chu-tich-ubnd-huyen-3175123/")
    );
    assert_eq!(p.published.as_deref(), Some("2024-06-18"));
    assert_eq!(
        p.title.as_deref(),
        Some("Bầu bổ sung Phó Chủ tịch UBND huyện")
    );
    check(
        &p,
        &[
            "\nNgày 17/6, HĐND huyện Long Thành khóa XII",
            "\nĐồng chí Lê Văn Cường, Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì kỳ họp.",
            "ông Ngô Quang Thái, Trưởng phòng Tài chính - Kế hoạch huyện",
        ],
        &[
            "Các tin khác",
            "Kỳ họp thứ 17",
            "Thể thao",
            "RSS",
            "VIEWSTATE",
        ],
    );
}

#[test]
fn windows_1258_page_with_text_between_line_breaks() {
    let p = page("windows-1258.html");
    assert_eq!(
        p.canonical_url.as_deref(),
        Some("http://hauloc.thanhhoa.gov.vn/portal/Pages/2019-12-27/Huyen-uy-tong-ket-cong-tac-nam-2019.aspx")
    );
    // No date in the markup: the stamp line stays in the text for the extractor.
    assert_eq!(p.published, None);
    assert_eq!(
        p.title.as_deref(),
        Some("Huyện ủy Hậu Lộc tổng kết công tác năm 2019")
    );
    check(
        &p,
        &[
            "\nCập nhật: 27/12/2019\n",
            "\nNgày 26/12, Ban Chấp hành Đảng bộ huyện tổ chức Hội nghị lần thứ 22",
            "\nĐồng chí Lê Thanh Bình, Tỉnh ủy viên, Bí thư Huyện ủy và đồng chí Vũ Thị Lan",
            "Đại hội Đảng bộ huyện lần thứ XXVII – nhiệm kỳ 2020–2025.",
        ],
        &[
            "Trang chủ",
            "Các tin đã đưa",
            "giao thông nông thôn",
            "Bản quyền",
        ],
    );
}

#[test]
fn pages_without_article_text_are_refused() {
    let menus_only = "<html><head><title>Trang chủ</title><script>var x = 'Ban Chấp hành Đảng bộ huyện tổ chức hội nghị';</script></head>\
        <body><nav><ul><li><a href='/a'>Tin tức sự kiện của huyện</a></li><li><a href='/b'>Văn bản chỉ đạo điều hành</a></li></ul></nav>";
    assert_eq!(read_page(menus_only.as_bytes()), Err(HtmlError::NoText));
    assert_eq!(read_page(b""), Err(HtmlError::NoText));
}
