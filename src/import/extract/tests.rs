//! Each reading rule on the few lines of a real notice that called for it.

use super::extract;
use crate::import::{read::from_text, Kind};

/// The facts read from `text`, as `key value` lines.
fn facts(text: &str) -> Vec<String> {
    extract(&from_text("n.txt", Kind::Text, text)).facts().into_iter().map(|f| format!("{} {}", f.key, f.value)).collect()
}

fn values<'a>(facts: &'a [String], key: &str) -> Vec<&'a str> {
    facts.iter().filter_map(|f| f.strip_prefix(key).and_then(|v| v.strip_prefix(' '))).collect()
}

#[test]
fn a_breadcrumb_is_no_part_of_the_title() {
    let f = facts("当前位置: 首页 >> 学历教育 >> 正文\n\n2023届成人毕业生图像信息采集通知\n\n发布者:继续教育学院 [发表时间]:2022-09-22 [来源]:继续教育学院\n\n各位学员:\n");
    assert_eq!(values(&f, "title"), ["2023届成人毕业生图像信息采集通知"]);
    assert_eq!(values(&f, "office"), ["继续教育学院"]);
}

#[test]
fn no_capture_together_and_an_online_way_is_online_only() {
    let f = facts("二、采集时间\n\n2022年9月22日-2022年10月20日\n\n三、采集方式\n\n疫情期间,不安排集中采集,现提供线上采集方式,采集单位为某网络科技有限公司。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    assert!(values(&f, "online").iter().any(|o| o.contains("2022-09-22..2022-10-20")), "{f:?}");
}
