//! No personal data is published: ID-card numbers, mobile numbers outside `contacts`, name lists.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use crate::source::SourceFile;
use regex::Regex;
use std::sync::{Arc, LazyLock};

static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]").expect("regex")
});
static MOBILE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"1[3-9][0-9]{9}").expect("regex"));
static NAME_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*\|.*(姓\s*名|学\s*号|身份证).*\|[ \t]*\r?$").expect("regex"));

/// GB 11643 check digit of an 18-character ID number.
pub fn id_check_digit_ok(id: &str) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const C: &[u8; 11] = b"10X98765432";
    let b = id.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let mut sum = 0;
    for i in 0..17 {
        if !b[i].is_ascii_digit() {
            return false;
        }
        sum += u32::from(b[i] - b'0') * W[i];
    }
    C[(sum % 11) as usize] == b[17].to_ascii_uppercase()
}

fn digit_at(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    !(digit_at(text, end) || start > 0 && digit_at(text, start - 1))
}

/// Scans one file's text (a notice or a roster).
fn scan(file: &Arc<SourceFile>, allowed_phones: &[String], out: &mut Vec<Diagnostic>) {
    let text = &file.text;
    for m in ID.find_iter(text) {
        if bounded(text, m.start(), m.end()) && id_check_digit_ok(m.as_str()) {
            out.push(
                Diagnostic::error(Code::PersonalId, &file.loc_at_byte(m.start(), m.len()), "这里像是一个身份证号码，不能发布")
                    .help("删除身份证号；通知只公布班级和人数，学生信息不上网"),
            );
        }
    }
    for m in MOBILE.find_iter(text) {
        if bounded(text, m.start(), m.end()) && !allowed_phones.iter().any(|p| p.contains(m.as_str())) {
            out.push(
                Diagnostic::error(
                    Code::PersonalPhone,
                    &file.loc_at_byte(m.start(), m.len()),
                    format!("手机号 {} 不在联系人（contacts）里，不能发布", m.as_str()),
                )
                .help("个人手机号不要写进正文或名单；需要公布的联系电话写在 contacts 里"),
            );
        }
    }
}

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    let mut phones: Vec<String> = n.contacts.iter().filter_map(|c| c.phone.as_ref().map(|p| p.value.clone())).collect();
    phones.extend(n.makeup.iter().filter_map(|m| m.phone.as_ref().map(|p| p.value.clone())));
    scan(&n.file, &phones, out);
    if let Some(g) = n.capture.groups.first() {
        if !Arc::ptr_eq(&g.loc.file, &n.file) {
            scan(&g.loc.file, &[], out);
        }
    }
    for m in NAME_HEADER.find_iter(&n.body) {
        out.push(
            Diagnostic::error(
                Code::PersonalNames,
                &n.body_loc(m.start(), m.len()),
                "正文里的表格含有姓名、学号或身份证号列，不能发布学生名单",
            )
            .help("只公布学院、班级、时间和人数；名单请通过学院内部发放"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers_need_a_valid_check_digit() {
        assert!(id_check_digit_ok("11010519491231002X"));
        assert!(id_check_digit_ok("440524188001010014"));
        assert!(!id_check_digit_ok("110105194912310021"));
        assert!(!id_check_digit_ok("1101051949123100"));
    }

    #[test]
    fn finds_ids_and_mobiles_but_not_office_phones_or_class_numbers() {
        let f = SourceFile::new("a.md", "张三 11010519491231002X 电话 13812345678，办公室 0731-82250811，班级 电商1211");
        let mut out = Vec::new();
        scan(&f, &[], &mut out);
        let codes: Vec<_> = out.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["personal-id", "personal-phone"]);
        let mut out = Vec::new();
        scan(&f, &["13812345678".to_string()], &mut out);
        assert_eq!(out.len(), 1);
    }
}
