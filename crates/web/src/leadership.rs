//! Who leads what, read from the loaded graph: the current holders of a post, a
//! place's org chart (its bodies' heads and deputies, grouped by body), and the
//! sub-bodies of a body (the boards of a committee). Pure functions over
//! [`Graph`]; the pages turn their answers into cells. Which roles lead and how
//! bodies are grouped is data: `data/web/leadership.tsv`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use cadre_text::fold_key;

use crate::model::Graph;

const TABLE: &str = include_str!("../../../data/web/leadership.tsv");

/// Deputies (posts several people hold at once) still attested this many years
/// before the post's latest attestation count as current.
const DEPUTY_YEARS: i32 = 2;

/// Where a role sits in a party committee's standing bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// In neither.
    No,
    /// In the Thường trực (standing office), and so in the Ban Thường vụ.
    Office,
    /// In the Ban Thường vụ (standing committee) only.
    Committee,
}

/// What `data/web/leadership.tsv` says about a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleInfo {
    /// 1 heads a body, 2 deputises, 3 is a member (not drawn in the org chart).
    pub tier: u8,
    /// One holder at a time.
    pub single: bool,
    /// Its place in a party committee's standing bodies.
    pub standing: Standing,
}

struct Tables {
    roles: BTreeMap<&'static str, RoleInfo>,
    /// Role order: the line of the role in the file.
    order: BTreeMap<&'static str, usize>,
    /// Org or kind → (rank, group label key).
    bodies: BTreeMap<&'static str, (usize, &'static str)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            roles: BTreeMap::new(),
            order: BTreeMap::new(),
            bodies: BTreeMap::new(),
        };
        let lines = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for (n, line) in lines.enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["role", role, tier, single, standing] => {
                    let info = RoleInfo {
                        tier: tier.parse().expect("a tier number in leadership.tsv"),
                        single: *single == "1",
                        standing: match *standing {
                            "1" => Standing::Office,
                            "2" => Standing::Committee,
                            _ => Standing::No,
                        },
                    };
                    t.roles.insert(role, info);
                    t.order.insert(role, n);
                }
                ["body", key, rank, group] => {
                    let rank = rank.parse().expect("a rank number in leadership.tsv");
                    t.bodies.insert(key, (rank, group));
                }
                _ => panic!("bad line in data/web/leadership.tsv: {line}"),
            }
        }
        t
    })
}

/// What the leadership table says about `role`, when it is a leading role.
pub fn role_info(role: &str) -> Option<RoleInfo> {
    tables().roles.get(role).copied()
}

/// The role of a post (its `role` node's label), when known.
pub fn post_role<'a>(graph: &'a Graph, post: &str) -> Option<&'a str> {
    graph.targets(post, "role").next().map(|r| graph.label(r))
}

/// A holding's dates and qualifiers, as the pages show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held<'a> {
    /// The holding node.
    pub iri: &'a str,
    /// The first attested date (empty when none).
    pub first: &'a str,
    /// The last attested date.
    pub last: &'a str,
    /// Marked "nguyên" (or replaced in the text).
    pub former: bool,
    /// Marked "quyền".
    pub acting: bool,
}

/// The dates and qualifiers of `holding`.
pub fn held<'a>(graph: &'a Graph, holding: &'a str) -> Held<'a> {
    let dates = graph.texts(holding, "attestedOn");
    Held {
        iri: holding,
        first: dates.first().copied().unwrap_or(""),
        last: dates.last().copied().unwrap_or(""),
        former: graph.text(holding, "former") == Some("true"),
        acting: graph.text(holding, "acting") == Some("true"),
    }
}

/// Holdings sorted by first date, then IRI.
pub fn sorted_holdings<'a>(graph: &'a Graph, holdings: Vec<&'a str>) -> Vec<Held<'a>> {
    let mut out: Vec<Held> = holdings.into_iter().map(|h| held(graph, h)).collect();
    out.sort_by(|a, b| (a.first, a.iri).cmp(&(b.first, b.iri)));
    out
}

/// The current holding among `holdings`: the latest attested one that is neither
/// marked former nor replaced by another holding ("thay" in a text).
pub fn current_holding<'a, 'h>(graph: &Graph, holdings: &'h [Held<'a>]) -> Option<&'h Held<'a>> {
    holdings
        .iter()
        .filter(|h| !h.former && graph.targets(h.iri, "replacedBy").next().is_none())
        .max_by(|a, b| (a.last, a.iri).cmp(&(b.last, b.iri)))
}

/// The current holdings of a post: the current one for a post one person holds at a
/// time; for deputies, every holding not marked former or replaced whose last
/// attestation is within [`DEPUTY_YEARS`] of the post's latest attestation.
pub fn current_holdings<'a>(graph: &'a Graph, post: &'a str) -> Vec<Held<'a>> {
    let holdings = sorted_holdings(graph, graph.sources(post, "post"));
    let single = post_role(graph, post)
        .and_then(role_info)
        .is_none_or(|r| r.single);
    if single {
        return current_holding(graph, &holdings)
            .into_iter()
            .cloned()
            .collect();
    }
    let year = |d: &str| d.get(0..4).and_then(|y| y.parse::<i32>().ok());
    let latest = holdings.iter().filter_map(|h| year(h.last)).max();
    holdings
        .iter()
        .filter(|h| !h.former && graph.targets(h.iri, "replacedBy").next().is_none())
        .filter(|h| match (year(h.last), latest) {
            (Some(y), Some(l)) => y + DEPUTY_YEARS >= l,
            _ => true,
        })
        .cloned()
        .collect()
}

/// One post in an org chart with its current holdings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartPost<'a> {
    /// The post node.
    pub post: &'a str,
    /// Its role's label.
    pub role: &'a str,
    /// Current holdings (one for a single post, possibly several deputies).
    pub holdings: Vec<Held<'a>>,
}

/// One body's box in an org chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartBody<'a> {
    /// The body node.
    pub body: &'a str,
    /// The label key of its group (`group_party`, `group_council`, …).
    pub group: &'static str,
    /// Heads (tier 1), in the table's role order.
    pub heads: Vec<ChartPost<'a>>,
    /// Deputies (tier 2), in the table's role order.
    pub deputies: Vec<ChartPost<'a>>,
}

/// The rank and group of a body: its org first, then its kind, from the table.
fn body_rank(graph: &Graph, body: &str) -> (usize, &'static str) {
    let t = tables();
    let org = graph.text(body, "orgName").unwrap_or("");
    let kind = graph.text(body, "bodyKind").unwrap_or("");
    t.bodies
        .get(org)
        .or_else(|| t.bodies.get(kind))
        .copied()
        .unwrap_or((usize::MAX, "other_bodies"))
}

/// The org chart of a place: for each body located in it that has a leading post with
/// a current holder, the heads and deputies, bodies ordered by the table (party
/// committee, HĐND, UBND, front, boards, then the rest by label).
pub fn org_chart<'a>(graph: &'a Graph, place: &'a str) -> Vec<ChartBody<'a>> {
    let order = &tables().order;
    let mut chart = Vec::new();
    for body in graph.sources(place, "locatedIn") {
        let mut posts: Vec<(usize, u8, ChartPost)> = Vec::new();
        for post in graph.sources(body, "postIn") {
            let Some(role) = post_role(graph, post) else {
                continue;
            };
            let Some(info) = role_info(role).filter(|r| r.tier <= 2) else {
                continue;
            };
            let holdings = current_holdings(graph, post);
            if holdings.is_empty() {
                continue;
            }
            let rank = order.get(role).copied().unwrap_or(usize::MAX);
            posts.push((
                rank,
                info.tier,
                ChartPost {
                    post,
                    role,
                    holdings,
                },
            ));
        }
        if posts.is_empty() {
            continue;
        }
        posts.sort_by(|a, b| (a.0, a.2.post).cmp(&(b.0, b.2.post)));
        let (heads, deputies): (Vec<_>, Vec<_>) = posts.into_iter().partition(|p| p.1 <= 1);
        chart.push(ChartBody {
            body,
            group: body_rank(graph, body).1,
            heads: heads.into_iter().map(|p| p.2).collect(),
            deputies: deputies.into_iter().map(|p| p.2).collect(),
        });
    }
    chart.sort_by(|a, b| {
        (body_rank(graph, a.body).0, graph.label(a.body), a.body).cmp(&(
            body_rank(graph, b.body).0,
            graph.label(b.body),
            b.body,
        ))
    });
    chart
}

/// Whether `child` is a sub-body of `parent`: both in the same place, and the child's
/// org is a board or office written with the parent's org ("Ban Tổ chức Tỉnh ủy",
/// "Ủy ban Kiểm tra Huyện ủy", "Ban Thường vụ Thành ủy" under "Tỉnh ủy", …), or the
/// parent is the Đảng bộ whose executive committee the child is.
fn is_sub_body(graph: &Graph, parent: &str, child: &str) -> bool {
    if parent == child {
        return false;
    }
    let org = |b: &str| fold_key(graph.text(b, "orgName").unwrap_or(""));
    let (p, c) = (org(parent), org(child));
    if p.is_empty() || c.is_empty() {
        return false;
    }
    let party_org = graph.text(parent, "bodyKind") == Some("party_org")
        && graph.text(child, "bodyKind") == Some("party_committee");
    party_org || c.ends_with(&format!(" {p}"))
}

/// The nodes located in the place(s) `body` is located in (itself included).
fn same_place<'a>(graph: &'a Graph, body: &'a str) -> impl Iterator<Item = &'a str> {
    graph
        .targets(body, "locatedIn")
        .flat_map(|place| graph.sources(place, "locatedIn"))
}

/// The bodies directly under `body`: its boards and offices (and, for a Đảng bộ, its
/// committee), in the same place, sorted by label. A body without a place has none.
pub fn sub_bodies<'a>(graph: &'a Graph, body: &'a str) -> Vec<&'a str> {
    let mut out: Vec<&str> = same_place(graph, body)
        .filter(|b| is_sub_body(graph, body, b))
        .collect();
    out.sort_by(|a, b| (graph.label(a), *a).cmp(&(graph.label(b), *b)));
    out.dedup();
    out
}

/// The bodies `body` is directly under (the inverse of [`sub_bodies`]).
pub fn parent_bodies<'a>(graph: &'a Graph, body: &'a str) -> Vec<&'a str> {
    let mut out: Vec<&str> = same_place(graph, body)
        .filter(|p| is_sub_body(graph, p, body))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_roles_and_bodies() {
        let bi_thu = role_info("Bí thư").unwrap();
        let standing = (bi_thu.tier, bi_thu.single, bi_thu.standing);
        assert_eq!(standing, (1, true, Standing::Office));
        let member = role_info("Ủy viên Ban Thường vụ").unwrap();
        assert_eq!((member.tier, member.standing), (3, Standing::Committee));
        let deputy = role_info("Phó Chủ tịch").unwrap();
        assert_eq!((deputy.tier, deputy.single), (2, false));
        assert_eq!(role_info("Ủy viên Ban Chấp hành"), None);
        assert_eq!(tables().bodies.get("HĐND"), Some(&(1, "group_council")));
    }
}
