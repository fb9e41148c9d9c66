//! What copying out of a PDF and typing in Word do to numbers, undone: full-width digits and
//! colons, spaces inside dates (`2024 年 4 月 22 日`), clock times written `8: 30—10: 00` or
//! `17:30---17：45`. Words are left as written: a source's own errors stay for `check` to flag.

use regex::Regex;
use std::sync::LazyLock;

static OCLOCK_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})[ ]*点[ ]*(?:(\d{1,2})[ ]*分|(半))?[ ]*(?:至|到|[—–－―\-]+|～|~)[ ]*(\d{1,2})[ ]*点[ ]*(?:(\d{1,2})[ ]*分|(半))?")
        .expect("regex")
});
static TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{1,2})[ ]*[:：][ ]*(\d{2})").expect("regex"));
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2}:\d{2})[ ]*(?:[—–－―\-]+|～|~|〜|至|到)[ ]*((?:上午|下午|中午|晚上)?\d{1,2}:\d{2})").expect("regex")
});
static FUSED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(^|[^\d:])(\d{1,2}:\d{2})(\d{1,2}:\d{2})").expect("regex"));
/// `上午830——1150`: a part of the day, then two clock times whose colons were lost.
static COLONLESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(上午|下午|中午|晚上)[ ]*(\d{1,2})(\d{2})[ ]*(?:[—–－―\-]+|～|~|至|到)[ ]*(\d{1,2})(\d{2})(\D|$)").expect("regex")
});
/// `12:00-1600`: a range whose end lost its colon.
static COLONLESS_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\d:])(\d{1,2}):(\d{2})[ ]*(?:[—–－―\-]+|～|~|至|到)[ ]*(\d{1,2})(\d{2})(\D|$)").expect("regex"));
/// `联 系 人:`, `地 址：`: a label spaced out to line up in Word.
static SPACED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[ ])(\p{Han})[ ]+(\p{Han})(?:[ ]+(\p{Han}))?(?:[ ]+(\p{Han}))?[ ]*([:：])").expect("regex"));
static DIGIT_HAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d)[ ]+([\p{Han}（(【])").expect("regex"));
static HAN_DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([\p{Han}）)】])[ ]+(\d+)").expect("regex"));

/// A clock time with a semicolon for its colon, in a range whose other end has one:
/// `上午:8;00-12:00`.
static SEMI_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\D)(\d{1,2})[;；](\d{2})([ ]*(?:[—–－―\-]+|～|~|至|到)[ ]*\d{1,2}[:：]\d{2})").expect("regex"));
static SEMI_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2}[:：]\d{2}[ ]*(?:[—–－―\-]+|～|~|至|到)[ ]*)(\d{1,2})[;；](\d{2})(\D|$)").expect("regex"));

/// Commas a copying site left beside other marks: `一,、采集范围`, `在籍学生,,名单`, `并缴费,。`.
static STRAY_COMMA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[,，]+([、,，。；])").expect("regex"));

/// A match of [`COLONLESS`] or [`COLONLESS_END`] (what came before, the two times' hours and
/// minutes, what comes after) written as clock times, when they are a range of the day.
fn two_clocks(c: &regex::Captures) -> String {
    let n = |i: usize| c[i].parse::<u32>().unwrap_or(99);
    let (a, b) = ((n(2), n(3)), (n(4), n(5)));
    if a.0 < 24 && b.0 < 24 && a.1 < 60 && b.1 < 60 && a < b {
        format!("{}{}:{}-{}:{}{}", &c[1], &c[2], &c[3], &c[4], &c[5], &c[6])
    } else {
        c[0].to_string()
    }
}

/// One line, normalised. Characters other than digits, colons, dashes and spaces are kept.
pub fn line(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => Some(char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)),
            '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200a}' => Some(' '),
            // Emoji a copying site strewed through the text (`14🎠:00-16:00`, `著装整洁🧪`): no
            // part of the notice.
            '\u{1f000}'..='\u{1faff}' | '\u{fe0f}' | '\u{200d}' => None,
            _ => Some(c),
        })
        .collect();
    out = SEMI_START.replace_all(&out, "$1$2:$3$4").into_owned();
    out = SEMI_END.replace_all(&out, "$1$2:$3$4").into_owned();
    // `下午2点至4点`, `8点半—11点`: the hours as a clock writes them.
    out = OCLOCK_RANGE
        .replace_all(&out, |c: &regex::Captures| {
            let at = |h: usize, m: usize, half: usize| {
                let mins = c.get(m).map_or(if c.get(half).is_some() { "30" } else { "00" }, |x| x.as_str());
                format!("{}:{:0>2}", &c[h], mins)
            };
            format!("{}-{}", at(1, 2, 3), at(4, 5, 6))
        })
        .into_owned();
    out = COLONLESS.replace_all(&out, two_clocks).into_owned();
    out = STRAY_COMMA.replace_all(&out, "$1").into_owned();
    out = TIME.replace_all(&out, "$1:$2").into_owned();
    out = SPACED_LABEL.replace_all(&out, "$1$2$3$4$5$6").into_owned();
    out = COLONLESS_END.replace_all(&out, two_clocks).into_owned();
    out = RANGE.replace_all(&out, "$1-$2").into_owned();
    // `8:009:10`: two clock times with the dash between them lost.
    out = FUSED.replace_all(&out, "$1$2-$3").into_owned();
    out = DIGIT_HAN.replace_all(&out, "$1$2").into_owned();
    // `电商 1211` is one name; `1班 2022级学硕1班` two (a year with 级 or 届 begins a new one).
    let joined = HAN_DIGIT.replace_all(&out, |c: &regex::Captures| {
        let digits = c.get(2).map_or("", |m| m.as_str());
        let next = c.get(2).map_or("", |m| &out[m.end()..]);
        let new_name = &c[1] == "班" && digits.len() == 4 && next.starts_with(['级', '届']);
        format!("{}{}{digits}", &c[1], if new_name { " " } else { "" })
    });
    joined.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::line;

    #[test]
    fn numbers_lose_their_gaps() {
        assert_eq!(line("2024年 4 月 22 日"), "2024年4月22日");
        assert_eq!(line("２０２４年４月２２日"), "2024年4月22日");
        assert_eq!(line("8: 30—10: 00"), "8:30-10:00");
        assert_eq!(line("17:30---17：45"), "17:30-17:45");
        assert_eq!(line("上午 8:00—9:00"), "上午8:00-9:00");
        assert_eq!(line("下午 14:30—16：00"), "下午14:30-16:00");
        assert_eq!(line("电商 1211、电商 1212"), "电商1211、电商1212");
        assert_eq!(line("8:30～下午2:00"), "8:30-下午2:00");
        assert_eq!(line("8:009:10"), "8:00-9:10");
        assert_eq!(line("上午09:0011:30,下午13:0015:30"), "上午09:00-11:30,下午13:00-15:30");
        assert_eq!(line("博士3班 2022级学硕1班"), "博士3班 2022级学硕1班");
        assert_eq!(line("我院 2024届"), "我院2024届");
        assert_eq!(line("上午830——1150 下午1330——1730"), "上午8:30-11:50下午13:30-17:30");
        assert_eq!(line("12:00-1600"), "12:00-16:00");
        assert_eq!(line("一,、采集范围"), "一、采集范围");
        assert_eq!(line("在籍学生,,名单见附件1,。"), "在籍学生,名单见附件1。");
        assert_eq!(line("联 系 人:张彭霞     联系电话:010-62626682"), "联系人:张彭霞     联系电话:010-62626682");
        assert_eq!(line("地  址： 长沙市"), "地址： 长沙市");
        // A phone, or an end before the start: left alone.
        assert_eq!(line("12:00-0930"), "12:00-0930");
        // Not a part of the day, or not two clock times: left alone.
        assert_eq!(line("2021——2022学年"), "2021——2022学年");
        assert_eq!(line("上午1250——0930"), "上午1250——0930");
    }

    #[test]
    fn hours_in_words_become_a_clocks() {
        assert_eq!(line("下午2点至4点"), "下午2:00-4:00");
        assert_eq!(line("上午8点半—11点"), "上午8:30-11:00");
        assert_eq!(line("9点30分到11点"), "9:30-11:00");
        // One hour alone is no range.
        assert_eq!(line("下午3点集合"), "下午3点集合");
    }

    #[test]
    fn emoji_strewn_through_a_time_and_a_semicolon_for_a_colon_are_undone() {
        assert_eq!(line("下午14🎠:00-16:00"), "下午14:00-16:00");
        assert_eq!(line("著装整洁🧪、梳理干净🎅🏿"), "著装整洁、梳理干净");
        assert_eq!(line("上午:8;00-12:00"), "上午:8:00-12:00");
        assert_eq!(line("8:00-12;00"), "8:00-12:00");
        // A semicolon between two items stays one.
        assert_eq!(line("12月6日;8:00-9:00"), "12月6日;8:00-9:00");
    }

    #[test]
    fn words_stay_as_written() {
        assert_eq!(line("学历证书 电子图像"), "学历证书 电子图像");
        assert_eq!(line("phone 0797--8393627"), "phone 0797--8393627");
    }
}
