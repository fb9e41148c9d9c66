//! Reading typed values out of the spanned YAML tree, collecting every problem as a diagnostic.

use super::model::Session;
use super::yaml::{Node, Value};
use crate::base::money::{self, Money, MoneyError};
use crate::base::time::{parse_hhmm, Secs};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{At, Loc};
use chrono::NaiveDate;

/// Diagnostics collected while reading one file.
pub struct Reader {
    pub diags: Vec<Diagnostic>,
}

impl Reader {
    pub fn err(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn wrong_type(&mut self, node: &Node, key: &str, want: &str, example: &str) {
        self.err(
            Diagnostic::error(Code::WrongType, &node.loc, format!("「{key}」应为{want}，这里是{}", node.kind_name()))
                .help(format!("写成例如 {key}: {example}")),
        );
    }

    /// A mapping's entries, with unknown keys reported against `allowed`.
    pub fn map<'a>(&mut self, node: &'a Node, key: &str, allowed: &[&str], example: &str) -> Option<Map<'a>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, key, "键值表", example);
            return None;
        };
        let mut out: Vec<(&'a str, &'a Node, &'a Node)> = Vec::new();
        let mut typos: Vec<String> = Vec::new();
        for (k, v) in entries {
            let Some(name) = k.as_scalar() else {
                self.err(Diagnostic::error(Code::WrongType, &k.loc, "键必须是文字").help("写成「键: 值」"));
                continue;
            };
            if let Some((_, first, _)) = out.iter().find(|(n, _, _)| *n == name) {
                self.err(
                    Diagnostic::error(Code::DuplicateKey, &k.loc, format!("「{name}」写了两次"))
                        .related(&first.loc, "第一次在这里")
                        .help("删掉其中一个，或合并两处内容"),
                );
                continue;
            }
            if !allowed.contains(&name) && name != "extra" {
                let mut d = Diagnostic::error(
                    Code::UnknownKey,
                    &k.loc,
                    if key.is_empty() { format!("未知的字段「{name}」") } else { format!("「{key}」下没有字段「{name}」") },
                );
                d = match did_you_mean(name, allowed) {
                    Some(s) => {
                        typos.push(s.to_string());
                        d.help(format!("是不是想写「{s}」？"))
                    }
                    None => d.help(format!("可用的字段：{}；自定义内容请放在 extra: 下", allowed.join("、"))),
                };
                self.err(d);
                continue;
            }
            out.push((name, k, v));
        }
        Some(Map { node, entries: out, typos })
    }

    pub fn seq<'a>(&mut self, node: &'a Node, key: &str, example: &str) -> Option<&'a [Node]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            Value::Null => Some(&[]),
            _ => {
                self.wrong_type(node, key, "列表", example);
                None
            }
        }
    }

    pub fn string(&mut self, node: &Node, key: &str) -> Option<At<String>> {
        match &node.value {
            Value::Scalar { text, .. } => {
                let t = text.trim();
                if t.is_empty() {
                    self.err(Diagnostic::error(Code::MissingField, &node.loc, format!("「{key}」是空的")).help("填写内容"));
                    None
                } else {
                    Some(At::new(t.to_string(), node.loc.clone()))
                }
            }
            Value::Null => {
                self.err(Diagnostic::error(Code::MissingField, &node.loc, format!("「{key}」是空的")).help("填写内容"));
                None
            }
            _ => {
                self.wrong_type(node, key, "文字", "…");
                None
            }
        }
    }

    /// `true` or `false`.
    pub fn flag(&mut self, node: &Node, key: &str) -> Option<At<bool>> {
        let text = self.scalar_text(node, key, "true 或 false")?;
        match text.trim() {
            "true" => Some(At::new(true, node.loc.clone())),
            "false" => Some(At::new(false, node.loc.clone())),
            other => {
                self.err(
                    Diagnostic::error(Code::WrongType, &node.loc, format!("「{key}」应为 true 或 false，这里是「{other}」"))
                        .help(format!("写成 {key}: false 或 {key}: true")),
                );
                None
            }
        }
    }

    pub fn uint(&mut self, node: &Node, key: &str, min: u32, max: u32) -> Option<At<u32>> {
        let text = self.scalar_text(node, key, "整数")?;
        match text.trim().parse::<u32>() {
            Ok(v) if (min..=max).contains(&v) => Some(At::new(v, node.loc.clone())),
            Ok(v) => {
                self.err(
                    Diagnostic::error(Code::InvalidValue, &node.loc, format!("「{key}」的值 {v} 超出范围"))
                        .help(format!("应在 {min} 到 {max} 之间")),
                );
                None
            }
            Err(_) => {
                self.err(
                    Diagnostic::error(Code::WrongType, &node.loc, format!("「{key}」应为不小于 {min} 的整数，这里是「{text}」"))
                        .help(format!("写成例如 {key}: {}", min.max(1))),
                );
                None
            }
        }
    }

    pub fn amount(&mut self, node: &Node, key: &str) -> Option<At<Money>> {
        let text = self.scalar_text(node, key, "金额")?;
        let how = "金额最多两位小数，如 15 或 15.50";
        let (code, msg) = match Money::parse(&text) {
            Ok(m) => return Some(At::new(m, node.loc.clone())),
            Err(MoneyError::Negative) => (Code::InvalidValue, format!("费用不能为负数（{text}）")),
            Err(MoneyError::TooManyDecimals) => (Code::InvalidValue, format!("「{key}」的金额「{text}」超过两位小数：{how}")),
            Err(MoneyError::Exponent) => (Code::InvalidValue, format!("「{key}」的金额「{text}」用了科学计数法：{how}")),
            Err(MoneyError::TooLarge) => (Code::InvalidValue, format!("「{key}」的金额「{text}」超出范围：最多 {} 元", money::MAX)),
            Err(MoneyError::NotANumber) => (Code::WrongType, format!("「{key}」应为每人金额（元），这里是「{text}」")),
        };
        self.err(Diagnostic::error(code, &node.loc, msg).help(format!("只写数字，{how}；例如 {key}: 15")));
        None
    }

    pub fn date(&mut self, node: &Node, key: &str) -> Option<At<NaiveDate>> {
        let text = self.scalar_text(node, key, "日期")?;
        match parse_date(&text) {
            Ok(d) => Some(At::new(d, node.loc.clone())),
            Err(msg) => {
                self.err(
                    Diagnostic::error(Code::InvalidDate, &node.loc, format!("「{key}」的日期「{text}」{msg}"))
                        .help(date_help(&text, "日期写成 YYYY-MM-DD，例如 2025-04-12")),
                );
                None
            }
        }
    }

    /// A date, or a date and an hour: `2025-03-29` or `2025-03-29 17:00`.
    pub fn date_time(&mut self, node: &Node, key: &str) -> (Option<At<NaiveDate>>, Option<At<Secs>>) {
        let Some(text) = self.scalar_text(node, key, "日期") else { return (None, None) };
        let t = text.trim();
        let (d, h) = match t.split_once([' ', 'T', '\u{3000}']) {
            Some((d, h)) => (d, Some(h.trim())),
            None => (t, None),
        };
        let date = match parse_date(d) {
            Ok(d) => At::new(d, node.loc.clone()),
            Err(msg) => {
                self.err(
                    Diagnostic::error(Code::InvalidDate, &node.loc, format!("「{key}」的日期「{text}」{msg}"))
                        .help(date_help(d, "写成 YYYY-MM-DD，或带时刻的 YYYY-MM-DD HH:MM，例如 2025-03-29 17:00")),
                );
                return (None, None);
            }
        };
        let Some(h) = h else { return (Some(date), None) };
        match parse_hhmm(&h.replace('：', ":")) {
            Some(s) => (Some(date), Some(At::new(s, node.loc.clone()))),
            None => {
                self.err(
                    Diagnostic::error(Code::InvalidTime, &node.loc, format!("「{key}」的时刻「{h}」不正确"))
                        .help("时刻写成 24 小时制 HH:MM，例如 2025-03-29 17:00"),
                );
                (Some(date), None)
            }
        }
    }

    pub fn time(&mut self, node: &Node, key: &str) -> Option<At<Secs>> {
        let text = self.scalar_text(node, key, "时刻")?;
        match parse_hhmm(&text) {
            Some(s) => Some(At::new(s, node.loc.clone())),
            None => {
                self.err(
                    Diagnostic::error(Code::InvalidTime, &node.loc, format!("「{key}」的时刻「{text}」不正确"))
                        .help("时刻写成 24 小时制 HH:MM，并加引号，例如 \"08:30\""),
                );
                None
            }
        }
    }

    pub fn session(&mut self, node: &Node) -> Option<At<Session>> {
        let text = self.scalar_text(node, "sessions", "时段")?;
        let norm = text.replace(['—', '–', '－', '~', '～', '至'], "-").replace('：', ":");
        let parsed = norm.split_once('-').and_then(|(a, b)| Some((parse_hhmm(a)?, parse_hhmm(b)?)));
        match parsed {
            Some((start, end)) if start < end => Some(At::new(Session { start, end }, node.loc.clone())),
            Some(_) => {
                self.err(
                    Diagnostic::error(Code::InvalidSession, &node.loc, format!("时段「{text}」的结束时刻不晚于开始时刻"))
                        .help("写成「开始-结束」，例如 \"08:00-11:30\""),
                );
                None
            }
            None => {
                self.err(
                    Diagnostic::error(Code::InvalidSession, &node.loc, format!("时段「{text}」的格式不对"))
                        .help("写成 \"HH:MM-HH:MM\"（加引号），例如 \"08:00-11:30\""),
                );
                None
            }
        }
    }

    fn scalar_text(&mut self, node: &Node, key: &str, want: &str) -> Option<String> {
        match &node.value {
            Value::Scalar { text, .. } => Some(text.clone()),
            Value::Null => {
                self.err(Diagnostic::error(Code::MissingField, &node.loc, format!("「{key}」是空的")).help(format!("填写{want}")));
                None
            }
            _ => {
                self.wrong_type(node, key, want, "…");
                None
            }
        }
    }
}

/// A mapping whose keys have been checked against the allowed names.
pub struct Map<'a> {
    pub node: &'a Node,
    entries: Vec<(&'a str, &'a Node, &'a Node)>,
    /// Keys that a mistyped key was taken for (already reported as `unknown-key`).
    typos: Vec<String>,
}

impl<'a> Map<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries.iter().find(|(k, _, _)| *k == key).map(|(_, _, v)| *v).filter(|v| !matches!(v.value, Value::Null))
    }

    /// Where the key itself stands (for "this key's value is wrong" pointing at the line).
    pub fn key_loc(&self, key: &str) -> Option<&'a Loc> {
        self.entries.iter().find(|(k, _, _)| *k == key).map(|(_, k, _)| &k.loc)
    }

    /// A required value: reports `missing-field` at the mapping when absent.
    pub fn require(&self, r: &mut Reader, key: &str, what: &str, example: &str) -> Option<&'a Node> {
        let v = self.get(key);
        if v.is_none() && !self.typos.iter().any(|t| t == key) {
            let loc = self.key_loc(key).or(self.node.key_loc.as_ref()).unwrap_or(&self.node.loc);
            r.err(
                Diagnostic::error(Code::MissingField, loc, format!("缺少「{key}」（{what}）")).help(format!("加上一行 {key}: {example}")),
            );
        }
        v
    }
}

/// Parses an ISO date, saying what is wrong in Chinese.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let nums: Option<Vec<u32>> = if parts.len() == 3 && parts[0].len() == 4 {
        parts.iter().map(|p| if p.is_empty() || p.len() > 2 && p.len() != 4 { None } else { p.parse().ok() }).collect()
    } else {
        None
    };
    let Some(n) = nums else {
        return Err("不是 YYYY-MM-DD 格式".into());
    };
    match NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2]) {
        Some(d) => Ok(d),
        None if !(1..=12).contains(&n[1]) => Err(format!("不存在：没有 {} 月", n[1])),
        None => {
            let days = days_in_month(n[0] as i32, n[1]);
            Err(format!("不存在：{}年{}月只有 {} 天", n[0], n[1], days))
        }
    }
}

/// The fix for a date that does not read, from the date as written: `2025/4/12` or
/// `2025年4月12日` → 写成 2025-04-12; `2025-04-31` → that month's last day, to check against the
/// source. `general` when the text gives nothing to go on.
fn date_help(text: &str, general: &str) -> String {
    static LOOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$").expect("regex")
    });
    let Some(c) = LOOSE.captures(text) else { return general.to_string() };
    let (y, m, d): (i32, u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => format!("写成 {}", date.format("%Y-%m-%d")),
        None if (1..=12).contains(&m) => {
            format!("{y}年{m}月的最后一天是 {y}-{m:02}-{:02}：请对照原文核对这一天", days_in_month(y, m))
        }
        None => general.to_string(),
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    match (next, NaiveDate::from_ymd_opt(year, month, 1)) {
        (Some(n), Some(f)) => (n - f).num_days() as u32,
        _ => 31,
    }
}

/// The closest allowed name to a mistyped key, if any is close enough.
pub fn did_you_mean<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    allowed
        .iter()
        .map(|a| (strsim::jaro_winkler(&lower, a), *a))
        .filter(|(s, a)| *s >= 0.8 || strsim::levenshtein(&lower, a) <= 2)
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, a)| a)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_date_that_does_not_read_is_fixed_from_what_was_written() {
        let general = "日期写成 YYYY-MM-DD";
        assert_eq!(date_help("2025/4/12", general), "写成 2025-04-12");
        assert_eq!(date_help("2025年4月12日", general), "写成 2025-04-12");
        assert_eq!(date_help("2025.04.12", general), "写成 2025-04-12");
        assert!(date_help("2025-04-31", general).contains("2025-04-30"));
        assert!(date_help("2024-02-30", general).contains("2024-02-29"), "the year's own February");
        assert_eq!(date_help("4月12日", general), general, "no year to go on: no invented one");
    }

    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        for (text, ok) in [
            ("2025-04-12", true),
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2024-06-31", false),
            ("2024-13-01", false),
            ("2024/06/01", false),
            ("24-06-01", false),
            ("", false),
        ] {
            assert_eq!(parse_date(text).is_ok(), ok, "{text}");
        }
        assert_eq!(parse_date("2024-06-31").unwrap_err(), "不存在：2024年6月只有 30 天");
    }

    #[test]
    fn amounts_are_money_with_two_decimals_at_most() {
        let text = "a: 15\nb: 15.50\nc: \"15.5\"\nd: 15.001\ne: -3\nf: 1e3\ng: .nan\n";
        let f = SourceFile::new("t.md", format!("---\n{text}---\n"));
        let tree = super::super::yaml::parse(&f, text, 2).expect("parses").expect("not empty");
        let Value::Map(entries) = &tree.value else { panic!("map") };
        let mut r = Reader { diags: Vec::new() };
        let got: Vec<Option<u64>> = entries.iter().map(|(_, v)| r.amount(v, "amount").map(|m| m.value.fen())).collect();
        assert_eq!(got, [Some(1500), Some(1550), Some(1550), None, None, None, None]);
        let seen: Vec<(&str, u32, u32)> = r.diags.iter().map(|d| (d.code.as_str(), d.loc.line, d.loc.col)).collect();
        assert_eq!(seen, [("invalid-value", 5, 4), ("invalid-value", 6, 4), ("invalid-value", 7, 4), ("wrong-type", 8, 4)]);
        assert!(r.diags[0].message.contains("金额最多两位小数，如 15 或 15.50"), "{}", r.diags[0].message);
        assert!(r.diags.iter().all(|d| d.help.as_deref().is_some_and(|h| h.contains("15.50"))));
    }

    #[test]
    fn typos_get_a_suggestion() {
        let allowed = ["seconds_per_student", "changeover_minutes", "days", "rooms", "groups", "timetable"];
        assert_eq!(did_you_mean("roms", &allowed), Some("rooms"));
        assert_eq!(did_you_mean("second_per_student", &allowed), Some("seconds_per_student"));
        assert_eq!(did_you_mean("timetabel", &allowed), Some("timetable"));
        assert_eq!(did_you_mean("zzz", &allowed), None);
    }
}
