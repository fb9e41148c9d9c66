//! The money facts beyond the main fee, worded once for every output: further amounts
//! (`fee.other`: 异地采集 45 元) and online channels (`online`: 学信网线上采集), each only as the
//! notice gives it.

use super::i18n::{fill, lang, Labels};
use crate::config::Language;
use crate::notice::model::{Notice, Online, OtherFee};

/// One fact row: its label and its text.
pub struct Row {
    pub label: &'static str,
    pub value: String,
}

/// The rows after the main fee: one per further amount, one per online channel.
pub fn extra_rows(n: &Notice, t: &Labels, l: Language) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(f) = &n.fee {
        rows.extend(f.other.iter().map(|o| Row { label: t["fact_other_fee"], value: other(o, t) }));
    }
    rows.extend(n.online.iter().map(|o| Row { label: t["fact_online"], value: online(o, t, l) }));
    rows
}

fn other(o: &OtherFee, t: &Labels) -> String {
    let mut s = format!("{}：{}", o.purpose.value, fill(t, "fee_each", &o.amount.value.to_string()));
    if let Some(note) = &o.note {
        s.push_str(&format!("（{}）", note.value));
    }
    s
}

fn online(o: &Online, t: &Labels, l: Language) -> String {
    let mut parts = vec![o.platform.value.clone()];
    if let Some(who) = &o.who {
        parts.push(who.value.clone());
    }
    if let Some(when) = lang::span(o.from.as_ref().map(|d| d.value), o.until.as_ref().map(|d| d.value), l) {
        parts.push(when);
    }
    if let Some(a) = &o.amount {
        parts.push(fill(t, "fee_each", &a.value.to_string()));
    }
    parts.join("；")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::i18n::labels;

    #[test]
    fn further_amounts_and_channels_are_worded_from_their_fields_only() {
        let text = "---\ntitle: 通知\nschool: 示例大学\ncohort: 2026\naudience: 本科毕业生\n\
                    fee:\n  amount: 25\n  payer: student\n  method: 现场缴费\n  other:\n    - { for: 异地采集, amount: 45, note: 含邮寄 }\n\
                    online:\n  - { platform: 学信网, who: 不能返校的毕业生, until: 2026-03-31, amount: 30 }\n  - { platform: 学校微信公众号 }\n\
                    capture:\n  days:\n    - date: 2026-03-20\n---\n正文\n";
        let file = crate::source::SourceFile::new("content/n.md", text);
        let (n, diags) = crate::notice::load_source(std::path::Path::new("."), file);
        let n = n.unwrap_or_else(|| panic!("parses: {diags:?}"));
        let t = labels(Language::ZhCn);
        let rows: Vec<(&str, String)> = extra_rows(&n, &t, Language::ZhCn).into_iter().map(|r| (r.label, r.value)).collect();
        assert_eq!(
            rows,
            vec![
                ("其他费用", "异地采集：每人 45 元（含邮寄）".to_string()),
                ("线上渠道", "学信网；不能返校的毕业生；2026年3月31日之前；每人 30 元".to_string()),
                ("线上渠道", "学校微信公众号".to_string()),
            ]
        );
    }
}
