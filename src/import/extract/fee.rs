//! The fee: the amount per person, who pays and how, the deadline, what it includes, refunds,
//! further amounts, and online channels.

use super::super::Origin;
use super::text::{self, after_label, clauses, clean, dates, ranges, re, sentences, strip_marker, Lines};
use super::{Draft, Found, Online, Payer};
use crate::base::money::{parts_of_totals, Money};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static MAIN_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\d+(?:\.\d{1,2})?)\s*元?\s*(?:人民币)?\s*/\s*(?:每)?(?:人|生)|(?:收费标准|费用标准)\s*(?:为|是)?\s*(?:每人|每生)\s*(\d+(?:\.\d{1,2})?)|(?:每人|每生|每位(?:学生|同学|毕业生)?)\s*(?:人民币)?\s*(\d+(?:\.\d{1,2})?)\s*元|(\d+(?:\.\d{1,2})?)\s*元\s*(?:的)?(?:图像)?(?:信息)?(?:采集|拍摄|拍照|照相|制作)(?:费|工本费)|(?:费用|收费标准|费|金额|价格)\s*(?:标准)?\s*(?:为|是|[:：])?\s*(?:每人|每生|每套)?\s*(?:人民币)?\s*(\d+(?:\.\d{1,2})?)\s*元|^\s*本次(?:采集|拍摄|拍照)\s*(\d+(?:\.\d{1,2})?)\s*元\s*$|(?:每人|每生|每位(?:学生|同学|毕业生)?)\s*(?:需|须|应)\s*(?:向[^，。,]{1,10}?)?(?:缴纳|交纳|支付)\s*(?:人民币)?\s*(\d+(?:\.\d{1,2})?)\s*元|(?:收费标准|费用标准)\s*[:：]?\s*(?:每人|每生)\s*收取\s*(?:人民币)?\s*(\d+(?:\.\d{1,2})?)\s*元",
    )
});
static ANY_AMOUNT: LazyLock<Regex> = LazyLock::new(|| re(r"[￥¥]\s*(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*元"));
/// Charges of their own beside the capture fee: retakes, checks of the ID database, postage.
const SEPARATE: &[&str] = &["重拍", "人口库", "核验", "邮寄"];
const ELSEWHERE: &[&str] = &["重拍", "名单", "材料", "领取"];

fn amount(c: &regex::Captures) -> Option<(Money, usize)> {
    let m = text::first_group(c)?;
    Some((Money::parse(m.as_str()).ok()?, m.start()))
}

/// A remark in brackets: `(缴费可以支付宝或者微信支付,请备好零钱)`.
static PAY_REMARK: LazyLock<Regex> = LazyLock::new(|| re(r"[（(]([^（）()]{2,80})[）)]"));

pub fn fee(lines: &Lines, d: &mut Draft) {
    // The main amount: the first stated per person, outside makeup and retake sentences.
    'outer: for p in lines.main() {
        for (off, s) in sentences(&p.line.text) {
            for cl in s.split(['，', ',']) {
                // Not the capture fee: a separate charge, urgent service, or an online channel's
                // price (unless the notice captures online only).
                let online_price = cl.contains("线上") && !d.online_only;
                // (Nor a clause of a sentence about the makeup: `请补拍同学穿白色上衣,…缴费(12元/人次)`.)
                let so_far = &s[..cl.as_ptr() as usize - s.as_ptr() as usize + cl.len()];
                if SEPARATE.iter().any(|k| cl.contains(k)) || cl.contains("加急") || online_price || d.about_makeup(so_far) {
                    continue;
                }
                if let Some((m, at)) = MAIN_AMOUNT.captures(cl).and_then(|c| amount(&c)) {
                    let base = off + cl.as_ptr() as usize - s.as_ptr() as usize;
                    d.fee.amount = Some(Found::new(m, p.line.at(base + at)));
                    // (`(每人15 元,含图像综合信息采集费、…等)`: after the amount in the same brackets too.)
                    if let Some(inc) = text::re(r"[（(]\s*(?:[^（）()，,]{0,12}[，,]\s*)?含([^）)]+)[）)]")
                        .captures(&s[cl.as_ptr() as usize - s.as_ptr() as usize..])
                    {
                        d.fee.includes = Some(Found::new(clean(items_only(&inc[1])), p.line.at(base + at)));
                    }
                    break 'outer;
                }
            }
        }
    }
    if d.fee.includes.is_none() {
        d.fee.includes = includes(lines);
    }
    // Who pays is a fact of its own, stated even where the amount is not (`费用自理`).
    payer(lines, d);
    labelled_deadline(lines, d);
    let Some(main) = d.fee.amount.as_ref().map(|a| a.value) else { return };
    // A refund.
    for p in lines.main() {
        // (Not a label with its text on the lines after it: `退费方式:`.)
        let says = |s: &str| (s.contains("退费") || s.contains("退款")) && !s.trim_end().ends_with([':', '：']);
        if let Some(s) = sentences(&p.line.text).into_iter().find(|(_, s)| says(s)) {
            let t = strip_marker(s.1);
            let t = after_label(t, &["退费", "退款"]).unwrap_or(t);
            d.fee.refund = Some(Found::new(clean(t), p.line.at(s.0)));
            break;
        }
    }
    // Further amounts, each named by the nearest word ending in 费 before it.
    let fee_word = re(r"([\p{Han}]{1,8}费)");
    for p in &lines.paras {
        for (off, s) in sentences(&p.line.text) {
            // The sentence's amounts, read once: where those that break `main` down in brackets right
            // after it start (`每人16元(摄像费15元,机读卡费1元)`), as `check` reads them too.
            let caps: Vec<regex::Captures> = ANY_AMOUNT.captures_iter(s).collect();
            let spans: Vec<(usize, usize, Money)> =
                caps.iter().filter_map(|c| Some((c.get(0)?.start(), c.get(0)?.end(), amount(c)?.0))).collect();
            let parts: Vec<usize> = parts_of_totals(s, &spans, |a| a == main).into_iter().map(|i| spans[i].0).collect();
            // (And they say what the fee pays for, when nothing else has: `摄像费15元,机读卡费1元`.)
            // (`每人收取35元,其中毕业证费用20元/人(…),图像信息采集费用15元/人(…)`: the clauses after 其中,
            // up to the last part's, whatever else was read as what it buys.)
            let among = parts.first().and_then(|&first| s[..first].rfind("其中").filter(|&k| !s[k..first].contains(['(', '（'])));
            if let (Some(k), Some(&last)) = (among, parts.last()) {
                let end = spans.iter().find(|x| x.0 == last).map_or(last, |x| x.1);
                let close = end + text::split_outside(&s[end..], &[',', '，', '。', '；'])[0].len();
                let from = k + "其中".len();
                d.fee.includes = Some(Found::new(clean(&s[from..close]), p.line.at(off + from)));
            } else if let (Some(&first), None) = (parts.first(), &d.fee.includes) {
                let open = s[..first].rfind(['(', '（']).unwrap_or(first);
                let inner = &s[open..];
                let inner = inner[inner.chars().next().map_or(0, char::len_utf8)..].split([')', '）']).next().unwrap_or("");
                d.fee.includes = Some(Found::new(clean(inner), p.line.at(off + open)));
            }
            for c in &caps {
                let Some((m, at)) = amount(c) else { continue };
                // `每人16元(摄像费15元,机读卡费1元)`: what the 16 is made of, not more to pay.
                if c.get(0).is_some_and(|x| parts.contains(&x.start())) {
                    continue;
                }
                if m == main || (s.contains("线上") && !SEPARATE.iter().any(|k| s.contains(k)) && !d.about_makeup(s)) {
                    continue;
                }
                let before = &s[..c.get(0).map_or(0, |x| x.start())];
                let at = p.line.at(off + at);
                // `学生如需加洗,收费5元/份`: a further service named in the clause before the amount's.
                let clause = &before[text::clause_start(before, before.len(), &['。', '；', ';'])..];
                if let Some(k) = FURTHER_SERVICE.iter().find(|k| clause.contains(*k)) {
                    if d.fee.other.iter().all(|o| o.value.1 != m) {
                        d.fee.other.push(Found::new((k.to_string(), m), at));
                    }
                    continue;
                }
                // `2.无法现场采集费用:按照…的收费标准45元/人`: the label that opens the line names it,
                // whatever rule it cites before its amount.
                let label = FURTHER_LABEL.captures(before).filter(|l| !is_main_fee_word(&l[1]));
                if let Some(l) = label {
                    if d.fee.other.iter().all(|o| o.value.1 != m) {
                        d.fee.other.push(Found::new((l[1].to_string(), m), at));
                    }
                    continue;
                }
                match fee_word.captures_iter(before).last() {
                    // Named as the main fee is (采集工本费, 采集费): not a further fee but the same
                    // one written differently, which `check` reports; never explained away here.
                    Some(w) if is_main_fee_word(&w[1]) => {
                        d.unsure.push(("fee.amount".into(), at, format!("原文另一处写 {m} 元，与 {main} 元不一致")))
                    }
                    Some(w) if d.fee.other.iter().all(|o| o.value.1 != m) => {
                        let what = w[1].trim_start_matches(['的', '及', '和', '会', '增', '加']).to_string();
                        d.fee.other.push(Found::new((what, m), at));
                    }
                    Some(_) => {}
                    None => d.unsure.push(("fee.other".into(), at, format!("{} 元：原文没有说是什么费用", m))),
                }
            }
        }
    }
}

/// What a fee includes, up to a clause that says something else of it: `电子相片制作和4张纸质照片,
/// 照相收费标准仍按2004年价格执行` includes the photos, not the price's standard.
fn items_only(s: &str) -> &str {
    static REMARK: LazyLock<Regex> = LazyLock::new(|| re(r"标准|价格|执行|按照|另行|另收|不含|自理|收取|缴纳|交纳"));
    let mut end = 0;
    for part in text::split_outside(s, &[',', '，']) {
        let start = part.as_ptr() as usize - s.as_ptr() as usize;
        if start > 0 && REMARK.is_match(part) {
            break;
        }
        end = start + part.len();
    }
    &s[..end]
}

/// What the fee pays for, said in a sentence about the fee or under a fee heading: `15元/人，包含
/// 现场照相、照片冲印…等服务`, `含电子图像采集、…纸质背胶照片邮寄等`, `(图片社提供8张大一寸相片和图像数据
/// 文件)`, `为我校毕业生提供电子图像采集、实名验证…等服务`, `每人15元(2寸×4张,1寸8张)`. Not who is
/// included (`包括预备补拍的学生`).
fn includes(lines: &Lines) -> Option<Found<String>> {
    static SAID: LazyLock<Regex> = LazyLock::new(|| {
        re(concat!(
            r"(?:包含|包括|含)\s*[:：]?\s*((?:[^。；;（）()]|[（(][^（）()]{1,20}[）)]){2,80}?)(?:等(?:服务|内容|项目|费用)?)?\s*(?:[。；;]|$)|提供\s*([^。；;（）()]{2,60}?)等?服务|[（(][^（）()]{0,8}提供([^（）()]{2,40})[）)]|元(?:/人)?\s*[（(]\s*(?:含|包括|包含)?\s*([^（）()]{0,20}(?:\d+|[一二两三四五六七八九十]+)\s*张[^（）()]{0,20})[）)]",
            // `每名学生收取拍摄费人民币15元(背胶相片)`: the photos it buys, in brackets after it.
            r"|元(?:/人)?\s*[（(]\s*([^（）()，,。请备]{0,10}(?:相片|照片|彩照))[）)]",
            // `拍摄单位提供规格为2寸的5张照片用于贴毕业证书…`.
            r"|提供\s*([^。；;，,（）()]{0,30}?\d+\s*张[^。；;，,（）()用]{0,20}?(?:照片|相片|彩照|毕业照))\s*用于",
        ))
    });
    for p in lines.main() {
        let heading = p.heading.map(|h| h.text.as_str()).unwrap_or("");
        for (off, s) in sentences(&p.line.text) {
            let about_fee = s.contains('元') || heading.contains('费') || s.contains("费用");
            if !about_fee {
                continue;
            }
            for c in SAID.captures_iter(s) {
                let Some(m) = text::first_group(&c) else { continue };
                let what = clean(m.as_str());
                // A list that goes on past the paragraph (`含1寸数码彩照8张、`) is not whole here.
                let cut = m.as_str().trim_end().ends_with(['、', '，', ','])
                    || m.end() == s.len() && !p.line.text.trim_end().ends_with(['。', '；', ';', '）', ')']);
                // (`上传中国高等教育学生信息网`: a website, no one included.)
                let people = what.replace("学生信息网", "");
                if cut || ["学生", "同学", "毕业生", "人员"].iter().any(|k| people.contains(k)) || what.chars().count() < 3 {
                    continue;
                }
                return Some(Found::new(what, p.line.at(off + m.start())));
            }
        }
    }
    charge_name(lines)
}

/// What the fee pays for, in the name the notice gives the charge before its amount or before who
/// bears it: `收取图像文字信息采集、图像制作费用每人15元`, `电子图像集中采集、洗印工本费共计20元/人`,
/// `照片采集、标准化及上网费用学生自理`. Only a name that says what is made or sent (制作, 冲印,
/// 上网…), never one that only means "the fee" (`采集费`, `拍照费用`).
fn charge_name(lines: &Lines) -> Option<Found<String>> {
    static CHARGE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"([\p{Han}、]{2,40}?(?:费用|费))\s*(?:为|共计|合计)?\s*(?:每人|每生|每位)?\s*(?:人民币)?\s*\d+(?:\.\d+)?\s*(?:元|/)|([\p{Han}、]{2,40}?费用)\s*(?:由)?(?:学生|个人)?自理",
        )
    });
    const SAYS_WHAT: &[&str] = &["制作", "冲印", "洗印", "上传", "上网", "工本", "成本", "标准化", "后期"];
    // (Or after what sets it: `…(教学厅[2002]5号)文件全国图像信息采集制作费用15/人`.)
    const VERBS: &[&str] = &["收取", "支付", "缴纳", "交纳", "缴费", "交费", "文件", "规定"];
    for p in lines.main() {
        for (off, s) in sentences(&p.line.text) {
            for c in CHARGE.captures_iter(s) {
                let Some(m) = c.get(1).or(c.get(2)) else { continue };
                // After the verb that pays it: `每位学生收取拍摄制作成本费` is the 拍摄制作成本费.
                let start = VERBS.iter().filter_map(|v| m.as_str().rfind(v).map(|i| i + v.len())).max().unwrap_or(0);
                // (`其中学历证书工本费20元`: one of the parts of a total, named after 其中.)
                let name = m.as_str()[start..].trim_start_matches('、').trim_start_matches("其中");
                if !SAYS_WHAT.iter().any(|k| name.contains(k)) || ["学生", "同学", "每人", "每位"].iter().any(|k| name.contains(k))
                {
                    continue;
                }
                return Some(Found::new(clean(name), p.line.at(off + m.end() - name.len())));
            }
        }
    }
    None
}

/// A fee's name as the label that opens its line: `2.无法现场采集费用:`.
static FURTHER_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:\d{1,2}\s*[.、．]\s*)?([\p{Han}]{2,12}费用?)\s*[:：]"));

/// Services beyond the capture a school may charge for on their own, as a sentence names them.
const FURTHER_SERVICE: &[&str] = &["加洗", "加印"];

/// A word for the main fee itself (图像信息采集工本费, 采集费, 摄制费), as opposed to a further
/// one (异地采集费, 重拍费, 邮寄费).
fn is_main_fee_word(w: &str) -> bool {
    const FURTHER: &[&str] =
        &["无法", "异地", "外地", "重拍", "补拍", "补采", "散拍", "邮寄", "快递", "线上", "加洗", "加印", "冲印", "另"];
    const MAIN: &[&str] = &["采集费", "工本费", "摄制费", "拍照费", "照相费", "拍摄费", "收费", "费用"];
    !FURTHER.iter().any(|k| w.contains(k)) && MAIN.iter().any(|k| w.ends_with(k))
}

/// Who pays, from the sentence that says how the fee is collected; that sentence is the method,
/// and a date before which it must be paid is the deadline.
/// Students told to bring the money (`请各位同学准备好图像采集费用`): each pays for themself.
/// `研究生自备拍照款15元现金零钞`: the money they bring, in their own words.
static BRINGS_FEE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:同学|学生|研究生|毕业生|学员)[^，。,]{0,8}(?:准备好|备好|携带|自备)[^，。,]{0,10}(?:费|款|\d+\s*元|现金|零钞|零钱)")
});

/// A class or a college that collects the fee and hands it in, as the sentence says.
fn unit_payer(text: &str) -> Option<Payer> {
    let class =
        ["班长", "以班为单位", "以班级为单位", "班为单位", "班级统一", "班委", "各班收齐", "由班级", "学习委员", "班级负责人", "班干部"];
    // (`现场以分会为单位缴费`: a graduate union's branch, one to a college.)
    let college = ["学院为单位", "学院统一", "各学院统一", "以系为单位", "院系为单位", "学院代收", "分会为单位"];
    if class.iter().any(|k| text.contains(k)) || BY_CLASS.is_match(text) {
        Some(Payer::Class)
    } else if college.iter().any(|k| text.contains(k))
        // `按学院以非现金方式交教务处`, `各院图像采集费请统一转账至研究生院指定账户`,
        // `请各学院在1217统一送交学生处`,
        // `请各学院带队老师按实际拍摄人数,将学生图像采集费用统一上交我校财务处`.
        || BY_COLLEGE.is_match(text)
    {
        Some(Payer::College)
    } else {
        None
    }
}

/// An attachment pointed to in brackets: `(详见附件1)`.
static POINTER: LazyLock<Regex> = LazyLock::new(|| re(r"[（(][^（）()]{0,20}(?:详见|见附件|请见)[^（）()]{0,20}[)）]"));
/// `各班(或专业)统一收齐图像采集费用`.
/// (`各班自行指定一人根据实际参加人数收齐费用` too.)
static BY_CLASS: LazyLock<Regex> = LazyLock::new(|| re(r"各班[^，。,]{0,20}收齐"));
static BY_COLLEGE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"按(?:二级)?学院[^，。,]{0,10}(?:交|缴|转账)|各(?:二级)?(?:学)?院[^，。,]{0,12}(?:统一)(?:转账|缴纳|交|送交|上交|上缴)",
        r"|各(?:二级)?(?:学)?院(?:带队老师|负责老师|老师)[^。]{0,30}(?:统一)?(?:上交|转账|缴纳)",
        // `请各院统一向学生收取`, `由各二级学院指定专人协助新华图片社于5月17前收取完毕`.
        r"|各(?:二级)?(?:学)?院(?:统一|指定专人)[^，。,]{0,16}收取",
        // `各研究生培养单位必须在9月25日前上报…并将图像信息采集费统一交到研究生院`.
        r"|各(?:研究生)?培养单位[^。]{0,40}统一(?:交|缴|转账)",
        // `请各学院统计参加图像采集学生数并先行收费`, `由学院负责人按照实际参加拍照的人数提前收齐费用`,
        // `学院负责人现场拍照前到工作人员处刷二维码统一付款`.
        r"|各(?:二级)?学院[^，。,]{0,16}(?:先行)?收费",
        // `各学院学生联系人按实际参加拍摄的人数,提前收齐费用`, `请各学院联络员汇总后(按实际拍摄人数)现场刷二维码进行付款`.
        r"|(?:学院|院系)(?:学生)?(?:负责人|联络员|联系人|负责老师)[^。]{0,30}(?:收齐|统一付款|进行付款|统一交|收取)",
    ))
});
/// A makeup named in brackets: `(集中采集特征码为“610967”,散拍采集特征码为“3wyydr”)`.
static MAKEUP_ASIDE: LazyLock<Regex> = LazyLock::new(|| re(r"[（(][^（）()]*(?:补拍|补采|补照|补充采集|散拍|漏拍)[^（）()]*[）)]"));
/// A step in a chain of steps that pays by a named way: `…→上传照片→微信支付→照片审核→…`.
static CHAIN_PAYS: LazyLock<Regex> = LazyLock::new(|| re(r"(?:→|—>|->)\s*((?:微信|支付宝)\s*(?:扫码)?(?:支付|缴费|付款))\s*(?:→|—>|->)"));
/// A step of capture that pays as it goes: `上传照片并缴费成功后即完成采集`, `录入学校名…并缴费后进行采集`.
static STEP_PAYS: LazyLock<Regex> = LazyLock::new(|| re(r"(?:上传|录入|提交)[^，。,；;]{0,40}?并\s*(?:缴费|交费|付费|支付)"));
static STUDENTS_PAY: LazyLock<Regex> = LazyLock::new(|| re(r"(?:学生|同学|毕业生|学员)[^，。,]{0,16}(?:缴费|交费|缴纳|支付|付款)"));
/// Each student told to pay someone named (`每人需向摄制组缴纳20元`): each pays for themself.
static PER_HEAD_PAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:每人|每生|每位(?:学生|同学|毕业生)?|每名(?:学生|同学|毕业生))\s*(?:需|须|应)\s*向[^，。,；;]{1,10}?(?:缴纳|交纳|支付)")
});
/// An amount and what it buys in brackets, and nothing more: `20 元(含1寸数码彩照8张)`.
static AMOUNT_THEN_REMARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:人民币)?\s*\d+(?:\.\d{1,2})?\s*元(?:\s*/\s*(?:人|生))?\s*(?:[（(][^（）()]*[）)])?\s*$"));
static PER_HEAD_CHARGED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:每生|每人|每位学生)[^，。,]{0,12}(?:收取|现场收)|现场(?:每生|每人|每位学生)\s*(?:交费|缴费|交纳|缴纳|支付)"));

/// A label naming the fee before what is said of it: `拍照费用:`, `收费:`, `交费方式:`, `价格:`.
static FEE_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[\p{Han}]{0,10}(?:费用|费|价格|方式|标准|单价)[\p{Han}]{0,4}\s*[:：]\s*"));
/// What says how the money goes: `现场扫码支付`, `以班级为单位`, `统一交至财务处`, `由图片社现场收取`.
static HOW: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"现场(?:缴|交|收|支付|扫|付)|现金|微信|支付宝|扫码|扫描|二维码|转账|汇款|转汇|为单位|统一(?:收|交|缴|支付|转|付|上|送)",
        r"|线上|在线|网上|小程序|平台|银行|扣缴|扣除|扣费|零钞|零钱|刷卡|自行(?:支付|交|缴|付)|代收|收齐|收好",
        r"|交给|交至|交到|上交|上缴|送交|转交|由[^，,]{0,12}收取|向[^，,]{0,10}(?:缴|交|收|支付)",
    ))
});
/// What starts how, right after an amount: `由图片社现场收取`, `线上支付`.
static HOW_STARTS: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:由|通过|以|现场|线上|在线|网上)"));
/// Anything of money: `费`, `元`, `缴`, `支付`… (not `汇总表`, a form).
static MONEY: LazyLock<Regex> =
    LazyLock::new(|| re(r"费|款|元|钱|现金|零钞|零钱|支付|付|缴|交纳|收取|收齐|收好|代收|转账|汇款|转汇|汇至|汇入|扣|扫码|微信|支付宝"));
/// An amount as a clause states it: `15元/人`, `每人20`, `人民币15元`, `15/人`.
static AMOUNT_SAID: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:每人|每生|每套|每名学生|每位(?:学生|同学|毕业生)?)\s*(?:人民币)?\s*\d+(?:\.\d{1,2})?\s*元?(?:\s*/\s*(?:人|生)(?:[·.]?次)?)?",
        r"|(?:人民币)?\s*\d+(?:\.\d{1,2})?\s*(?:元(?:\s*/\s*(?:每(?:个)?)?(?:人|生|毕业生)(?:[·.]?次)?)?|/\s*(?:每)?(?:人|生))",
    ))
});
/// The rule the fee follows, before how it is paid: `根据浙教办 [2002]55号文件有关规定`, `按照有关要求`,
/// `图像采集收费仍按照…(教学厅〔2002〕5号)标准收取`, `…收费标准按照…通知》(…)规定执行`,
/// `鉴于毕(结)业生图像采集过程和后期制作的实际情况`.
static PREAMBLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:按照|根据|依据|依照|遵照|沿袭|按)[^，,]*(?:规定|要求|文件|标准|通知》?|说明函|精神)\s*(?:的规定|执行|收取)?\s*$|^\s*鉴于")
});
/// A report the college hands in, not the fee: `学院下载已审核信息`, `…将…汇总表纸制版交研究生院…`.
static REPORT: LazyLock<Regex> = LazyLock::new(|| re(r"汇总表|登记表|报名表|名单|材料|表格|信息|数据|下载|上报|审核|签字|盖章"));
/// Who pays and nothing of how: `费用自理`, `照片采集、标准化及上网费用学生自理(含纸质照片冲印费)`,
/// `本次集体图像采集所需费用由学校统一支付`, `由学生个人支付`.
static PAYER_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?:[\p{Han}、]*?(?:费用|费|款项?)\s*(?:均|全部|一律)?\s*(?:由)?\s*(?:(?:学生|个人|本人|毕业生|研究生|同学|学员)\s*(?:本人|个人)?\s*)?",
        r"(?:自理|自付|承担|负担|学校\s*(?:统一)?\s*(?:支付|承担|负担))",
        r"|(?:由)?\s*(?:学生|毕业生|研究生|同学|学员)\s*(?:本人|个人)\s*(?:支付|自理|自付|承担|负担|缴纳|交纳)",
        r"|由\s*(?:学生|毕业生|研究生|同学|学员|个人|本人)\s*(?:支付|自理|自付|承担|负担|缴纳|交纳))",
        r"\s*(?:[（(][^（）()]*[）)])?$",
    ))
});
/// Who to ask, after how to pay: `联系人:李老师`, `联系电话:86574429`.
const CONTACT: &[&str] = &["联系人", "联系电话", "咨询电话", "联系方式", "电话"];

/// The clauses of `s` at its commas, outside brackets and quotes: their spans. (A bracket never
/// closed, as in `(教学厅(20025号)规定执行`, holds no commas.)
fn clause_spans(s: &str) -> Vec<(usize, usize)> {
    const OPEN: &[char] = &['（', '(', '《', '【', '“'];
    const CLOSE: &[char] = &['）', ')', '》', '】', '”'];
    let (mut opens, mut matched) = (Vec::new(), Vec::new());
    for (i, c) in s.char_indices() {
        if OPEN.contains(&c) {
            opens.push(i);
        } else if CLOSE.contains(&c) {
            if let Some(o) = opens.pop() {
                matched.push((o, i));
            }
        }
    }
    let (mut out, mut start) = (Vec::new(), 0);
    for (i, c) in s.char_indices() {
        match c {
            '，' | ',' if !matched.iter().any(|&(o, e)| o < i && i < e) => {
                out.push((start, i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push((start, s.len()));
    out.into_iter().filter(|&(a, b)| !s[a..b].trim().is_empty()).collect()
}

/// How the fee is paid, from the sentence that says so: without the rule before it (`根据…规定`),
/// the amount (`拍照费用为15元/人`, `收费标准为每人20由图片社现场收取`), a report handed in first
/// (`学院下载已审核信息`), who to ask after it (`联系人:李老师`), or a clause the source breaks off
/// (`在拍摄现场将《收费签字表`, where the source's `line` ends on it unfinished). None when it only
/// says who pays (`2022年1月10日至23日,费用自理`).
fn how_paid<'m>(method: &'m str, line: &str) -> Option<&'m str> {
    let spans = clause_spans(method);
    let line = line.trim_end();
    let open = !line.ends_with(['。', '；', ';', '！', '!', '？', '?', ')', '）'])
        && spans.last().is_some_and(|&(a, b)| line.ends_with(method[a..b].trim()));
    let (mut first, mut last) = (0, spans.len());
    // Who to ask, and all after it.
    if let Some(k) = spans.iter().position(|&(a, b)| CONTACT.iter().any(|c| method[a..b].contains(c))) {
        last = k;
    }
    // A clause cut off where the line stops: up to a bracket it never closes (`统一收取(由各班长在发`),
    // and none at all if `将` is left with no verb after it (`请各系将拍照费用于12月1日`).
    let mut end = spans.last().map_or(0, |s| s.1);
    if open && last == spans.len() && last > 1 {
        let (a, b) = spans[last - 1];
        let c = &method[a..b];
        let opens = c.match_indices(['《', '（', '(']).map(|(i, _)| i).collect::<Vec<_>>();
        if let Some(&i) = opens.iter().rev().find(|&&i| !c[i..].contains(['》', '）', ')'])) {
            end = a + i;
        }
        let held = |c: &str| c.rfind('将').is_some_and(|i| !c[i..].contains(['交', '送', '转', '汇', '付', '缴', '给', '存', '上', '提']));
        if held(&method[a..end]) || method[a..end].trim().is_empty() {
            last -= 1;
            end = spans[last - 1].1;
        }
    }
    if last == 0 {
        return None;
    }
    let end_of = |k: usize| if k == spans.len() { end } else { spans[k - 1].1 };
    let amount_only = |c: &str| AMOUNT_SAID.is_match(c) && !HOW.is_match(&AMOUNT_SAID.replace_all(c, ""));
    let preamble = |c: &str| PREAMBLE.is_match(c) && !HOW.is_match(c);
    let report = |c: &str| REPORT.is_match(c) && !MONEY.is_match(c) && !HOW.is_match(c) && !c.trim_end().ends_with('后');
    // `每人向图像采集单位支付…费用人民币15元,请各学院联络员汇总后…现场刷二维码进行付款`: what each
    // owes, before the unit that collects it says how it is paid.
    let owed_then_unit = |k: usize| {
        let c = &method[spans[k].0..spans[k].1];
        let each = ["每人", "每生", "每位", "每名"].iter().any(|k| strip_marker(c.trim()).starts_with(k));
        each && AMOUNT_SAID.is_match(c)
            && unit_payer(c).is_none()
            && unit_payer(&method[spans[k + 1].0..end_of_spans(&spans, last)]).is_some()
    };
    while first + 1 < last {
        let c = &method[spans[first].0..spans[first].1];
        if !(preamble(c) || amount_only(c) || report(c) || owed_then_unit(first)) {
            break;
        }
        first += 1;
    }
    let a = *spans.get(first)?;
    let mut start = a.0;
    // `收费标准为每人20由图片社现场收取`, `图像集中采集15元/人线上支付`: how, after the amount.
    // (`20元/人(以班为单位提前微信收取)`: in brackets after it, that remark.)
    let c = &method[a.0..a.1];
    let mut end = end_of(last);
    if let Some(m) = AMOUNT_SAID.find(c).filter(|m| !HOW.is_match(&c[..m.start()]) && HOW.is_match(&c[m.end()..])) {
        let after = &c[m.end()..];
        if HOW_STARTS.is_match(after) {
            start = a.0 + m.end();
        } else if let Some(r) = PAY_REMARK.captures(after).filter(|r| r.get(0).is_some_and(|x| x.start() == 0 && x.end() == after.len())) {
            if first + 1 == last {
                (start, end) = (a.0 + m.end() + r.get(1).map_or(0, |x| x.start()), a.0 + m.end() + r.get(1).map_or(0, |x| x.end()));
            }
        }
    }
    let kept = method[start..end].trim();
    // Nothing said of money but who pays it.
    let says_how = clause_spans(kept)
        .iter()
        .map(|&(a, b)| kept[a..b].trim())
        .any(|c| !PAYER_ONLY.is_match(c) && (MONEY.is_match(c) || HOW.is_match(c)));
    (says_how && first < last).then_some(kept)
}

/// Where the `last` first of `spans` end.
fn end_of_spans(spans: &[(usize, usize)], last: usize) -> usize {
    spans[..last].last().map_or(0, |s| s.1)
}

/// A period's end after its last day: `下午5:30止`.
static STOPS: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:上午|下午|晚上|中午)?\s*(?:\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[点时])?\s*止"));
/// Between a window's first and last day: its first day's hour, if any, then 至 or a dash.
static WINDOW_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:[（(](?:周|星期)[一二三四五六日天][)）])?\s*(?:上午|下午)?\s*(?:\d{1,2}:\d{2})?\s*(?:至|到|—+|-+|～|~)\s*$")
});
/// The fee's deadline on a line of its own: `网上报名缴费截止时间: 2019年11月15日`.
static DEADLINE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:缴费|交费|付费)(?:的)?(?:截止时间|截止日期|截至时间|截止)\s*[:：为]?\s*$"));

/// The time to pay, labelled: `缴费时间:`.
const PAY_TIME_LABEL: &str = r"(?:缴费|交费|付费)(?:的)?时间\s*[:：为]?\s*";
static PAY_TIME: LazyLock<Regex> = LazyLock::new(|| re(&format!("{PAY_TIME_LABEL}$")));
/// The time to pay as a window from now: `缴费时间:即日起至2024年4月27日`.
static PAY_UNTIL: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"{PAY_TIME_LABEL}即日起\s*(?:至|到|—|-)\s*$")));

/// A deadline the fee's sentences left out, stated on a line of its own.
fn labelled_deadline(lines: &Lines, d: &mut Draft) {
    if d.fee.deadline.is_some() {
        return;
    }
    for p in lines.main() {
        let t = &p.line.text;
        // (`缴费时间:2019年5月19日(星期日)下午16:00截止`: the time to pay, up to that day.)
        let by = |w: &text::Written| {
            PAY_TIME.is_match(&t[..w.start]) && text::deadline_follows(&t[w.end..]) || PAY_UNTIL.is_match(&t[..w.start])
        };
        let Some(w) = dates(t).into_iter().find(|w| DEADLINE_LABEL.is_match(&t[..w.start]) || by(w)) else { continue };
        deadline(d, &w, p.line.at(w.start));
        return;
    }
}

/// The fee's deadline the date `w` gives, in the capture's year when it names none.
fn deadline(d: &mut Draft, w: &text::Written, at: Origin) {
    match (w.date(None), w.date(d.year())) {
        (Some(date), _) => d.fee.deadline = Some(Found::new(date, at)),
        (None, Some(date)) => d.fee.deadline = Some(Found::new(date, at).note("原文没有写年份，按采集日期的年份推定")),
        _ => d.unsure.push(("fee.deadline".into(), at, "缴费截止日期没有写年份".into())),
    }
}

/// `按学院为单位排序`: the order of the queue, not who hands in the money.
fn about_queue(clause: &str) -> bool {
    ["排序", "排队", "集合", "顺序"].iter().any(|k| clause.contains(k)) && !clause.contains('费') && !clause.contains('元')
}

fn payer(lines: &Lines, d: &mut Draft) {
    let pay = ["缴", "交", "支付", "收取", "收齐", "转账", "付款", "自理", "自付"];
    let unit_said = lines.main().any(|p| {
        sentences(&p.line.text).into_iter().any(|(_, s)| {
            let money = |t: &str| t.contains('元') || t.contains('费');
            let s = clauses(s).into_iter().filter(|c| !about_queue(c)).collect::<Vec<_>>().join("，");
            pay.iter().any(|k| s.contains(k)) && (money(&s) || money(&p.line.text)) && !d.about_makeup(&s) && unit_payer(&s).is_some()
        })
    });
    for p in lines.main() {
        for (off, s) in sentences(&p.line.text) {
            // `填写特征码(集中采集特征码为“610967”,散拍采集特征码为“3wyydr”)→…→微信支付→…`: a makeup
            // named in brackets is an aside; the sentence is the capture's.
            let aside = MAKEUP_ASIDE.replace_all(s, "");
            let s = aside.as_ref();
            // `研究生如不能参加本次…,平时可自行前往新华社…完成…采集,费用自理`: the makeup's fee.
            // (Those who miss it named after the fee's collection are an exception to it:
            // `请各班负责人提前收取本班采集费用,因特殊原因不参加图像采集的学生不须缴费`.)
            let first = |words: &[&str]| words.iter().filter_map(|k| s.find(k)).min();
            // (`请补拍同学穿白色上衣,…至…中心一楼大厅取号、缴费(12元/人次)`: the makeup's fee too.)
            let missed = first(super::MISSED).into_iter().chain(first(super::MAKEUP)).min();
            if missed.is_some_and(|m| first(&pay).is_none_or(|f| m < f)) && !d.makeup_only {
                continue;
            }
            // `(请各学院确认好…缴费的学生,一般不予退款)`: a sentence about the refund, not the payment.
            if ["退款", "退费", "退还"].iter().any(|k| s.contains(k)) {
                continue;
            }
            // Clauses about other things, or pointing to an attachment (`具体流程请见附件4`), are
            // not how to pay.
            // An attachment pointed to in brackets (`学生按《…操作流程》(详见附件1)采集流程,自行交纳`)
            // leaves the rest of its clause.
            let s = POINTER.replace_all(s, "");
            let kept: Vec<&str> = clauses(&s)
                .into_iter()
                .filter(|c| !ELSEWHERE.iter().chain(&["详见", "见附件", "请见"]).any(|k| c.contains(k)) && !d.about_makeup(c))
                // Who need not pay (`可不交费报名`, `无需重新缴费`): an exception, not how the fee is paid.
                .filter(|c| !["不交费", "不缴费", "不再缴费", "重新缴费", "重新交费"].iter().any(|k| c.contains(k)))
                .filter(|c| !(c.contains("参加") && ["不须", "不需", "无须", "无需", "不用"].iter().any(|k| c.contains(k))))
                .filter(|c| !about_queue(c))
                // `学生交费记录由二级学院自行保存，备查`: who keeps the records, not who pays.
                .filter(|c| !(c.contains("备查") || c.contains("记录") && ["保存", "存档"].iter().any(|k| c.contains(k))))
                .collect();
            // `其中毕业证费用20元/人(…)，图像信息采集费用15元/人(…)`: what the fee is made of, not how it is paid.
            let mut among = false;
            let kept: Vec<&str> = kept
                .into_iter()
                .filter(|c| {
                    among = ANY_AMOUNT.is_match(c) && (among || c.trim_start().starts_with("其中"));
                    !among
                })
                .collect();
            let text = kept.join("，");
            // `提交` hands something in: `共10次免费提交检测机会` says nothing of the fee.
            let probe = text.replace("免费提交", "").replace("提交", "");
            // About money: a sentence that hands in forms (交给现场工作人员) is not how the fee is paid.
            // (`…费为15元/人。由学习委员以学生班为单位统一收齐后…交`: the sentence after the fee's.)
            let money = probe.contains('元') || probe.contains('费') || unit_payer(&text).is_some() && p.line.text.contains('费')
                // `15元/人,包含…服务;由学生在确认采集时按照小程序提示自行支付`: the line's amount.
                || STUDENTS_PAY.is_match(&text) && p.line.text.contains('元')
                // `费用:20元/人;请使用支付宝或微信支付。`: how to pay, after the line's amount.
                || ["支付宝", "微信支付", "扫码支付", "现金支付"].iter().any(|k| text.contains(k)) && p.line.text.contains('元')
                || CHAIN_PAYS.is_match(&text);
            if !pay.iter().any(|k| probe.contains(k)) || !money {
                continue;
            }
            let step = STEP_PAYS.find(&text);
            // (`费用学生自理由某公司收取，学校不收取任何费用`: the school does not handle the money;
            // the students still pay.)
            let not_by_school = probe.replace("学校不收取", "").replace("学院不收取", "");
            let who = if ["免费", "学校承担", "学校统一支付", "无需缴费", "不收取"].iter().any(|k| not_by_school.contains(k))
            {
                Payer::School
            } else if let Some(unit) = unit_payer(&text) {
                unit
            } else if BRINGS_FEE.is_match(&text)
                // `请学生在9月28日——9月30日用支付宝缴费`: the students pay.
                || STUDENTS_PAY.is_match(&text)
                // `上传个人采集码及照片并交费`: a step each student takes in the app or on the site.
                || step.is_some()
                || ["支付宝", "微信支付"].iter().any(|k| text.contains(k))
                // A step of capture online, which each student does in the app (`支付15元制作费`).
                || d.online_only && text.contains("支付")
                // `拍摄单位按每生人民币17元费用收取`: charged per student, by whoever collects it.
                || PER_HEAD_CHARGED.is_match(&text)
                // `同时每人需向摄制组缴纳20元`: each pays the photographers.
                || PER_HEAD_PAYS.is_match(&text)
                || [
                    "本人",
                    "个人支付",
                    "自行",
                    "学生个人",
                    "扫码支付",
                    "扫码交费",
                    "扫码缴费",
                    "扫码付费",
                    "现场收费",
                    "现场收取",
                    "现场缴费",
                    "现场交费",
                    "现场支付",
                    "小程序付款",
                    "小程序缴费",
                    "小程序支付",
                    "支付平台",
                    "缴费平台",
                    "向学生收取",
                    "线上支付",
                    "线上缴费",
                    "在线缴费",
                    "在线缴纳",
                    "在线支付",
                    "银行卡中",
                    "扣缴",
                    "网上支付",
                    "自理",
                    "自付",
                    // `可使用微信或现金直接支付给公司`: each student pays the photographer.
                    "直接支付",
                    "现金支付",
                    "微信或现金",
                ]
                .iter()
                .any(|k| text.contains(k))
            {
                // `支付方式可以选择现金或者微信支付。由学习委员以学生班为单位统一收齐后…`: each
                // student pays the class, and the class hands it in.
                if unit_said {
                    continue;
                }
                Payer::Student
            } else {
                continue;
            };
            let at = p.line.at(off);
            d.fee.payer = Some(Found::new(who, at));
            let method = strip_marker(&text);
            let method = after_label(method, &["收费方式", "缴费方式", "付款方式", "收费标准", "缴费"]).unwrap_or(method);
            let method = FEE_LABEL.find(method).map_or(method, |m| &method[m.end()..]);
            // A line that ran the day, the hours and the place into the fee's (a PDF's table of
            // facts: `3月3日（周五）08:00-12:00、…采集地点…采集费用20元/人，班长统一收取`): the
            // fee's part alone.
            let hours_end = ranges(method).last().map(|r| r.3);
            // (Only where the fee is named once: a flattened table of several fees is left whole.)
            let once = method.matches("费用").count() == 1;
            let method = match (hours_end, method.rfind("费用")) {
                (Some(h), Some(i)) if once && i > h && method[..i].contains("地点") => &method[i..],
                _ => method,
            };
            // A table run onto one line (`… | 费用:20元/人(微信支付或现金) | 9月6日…`): the cell that
            // speaks of the fee.
            let method = match method.split('|').map(str::trim).filter(|c| c.contains('元') || c.contains('费')).collect::<Vec<_>>()[..] {
                [cell] if method.contains('|') => cell,
                [first, ..] if method.contains('|') => first,
                _ => method,
            };
            // `…请各院负责老师通知…(缴费可以支付宝或者微信支付…请备好零钱)按照附表一的时间安排…`: the
            // remark in brackets, where alone the sentence speaks of paying.
            const PAYS: &[&str] = &["缴费", "交费", "支付", "付款", "收费", "缴纳", "交纳"];
            let bracket = PAY_REMARK.captures_iter(method).find(|c| PAYS.iter().any(|k| c[1].contains(k)));
            let outside = PAY_REMARK.replace_all(method, "");
            // (Not when the rest says who collects it: `以班级为单位收齐后由采集单位直接收取(微信、支付宝扫码支付)`.)
            const COLLECTS: &[&str] = &["收取", "收齐", "交给", "上交", "交至", "交到", "代收", "收好"];
            let method = match bracket {
                Some(c) if !PAYS.iter().chain(COLLECTS).any(|k| outside.contains(k)) => c.get(1).map_or(method, |m| m.as_str()),
                _ => method,
            };
            // (`…由新华社现场收费…,保持拍摄现场安静,提前换好服装`: how to wait and dress, not to pay.)
            let kept: Vec<&str> =
                method.split(['，', ',']).filter(|c| !["安静", "喧哗", "换好服装", "着装"].iter().any(|k| c.contains(k))).collect();
            let method = kept.join("，");
            // (`审查身份证和研究生证—登记图像采集顺序—采集学生信息—现场交费—…`: the steps of capture, of
            // which paying is one, say who pays but not how.)
            let method = how_paid(&method, &p.line.text);
            if let Some(method) = method.filter(|m| m.matches('—').count() < 3) {
                d.fee.method = Some(Found::new(clean(method), at));
            }
            // (The step alone, of a sentence that goes through the others: `…点击线上散排按提示操作,
            // 上传个人采集码及照片并交费,即可完成全部采集程序`.)
            // `…→上传照片→微信支付→照片审核→…`: of the steps, the one that pays.
            if let Some(c) = CHAIN_PAYS.captures(&text) {
                d.fee.method = Some(Found::new(c[1].to_string(), at));
            }
            // (Not a stage of a schedule with its days, `阶段2:2023年2月23日-2023年2月28日,上传…并缴费`:
            // when, not how.)
            if let (Some(_), Payer::Student, false) = (step, who, dates(&text).is_empty()) {
                d.fee.method = None;
            } else if let (Some(m), Payer::Student) = (step, who) {
                let clause = &text[text::clause_start(&text, m.start(), &['，', ',', '。', '；', ';'])..];
                let clause = clause.split(['，', ',', '。', '；', ';']).next().unwrap_or(clause);
                // (`4)采集交费:`: the item's number, then its label.)
                let clause = strip_marker(clause);
                let clause = clause.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches([')', '）']);
                let clause = FEE_LABEL.find(clause).map_or(clause, |l| &clause[l.end()..]);
                let clause = clause.trim_start_matches(['再', '并', '先']).trim_start_matches("然后");
                d.fee.method = Some(Found::new(clean(clause), at));
            } else if let (Some(m), Payer::Student) = (PER_HEAD_PAYS.find(&text), who) {
                // `同时每人需向摄制组缴纳20 元(含1寸数码彩照8张)`: to whom each pays; the amount and what
                // it buys are facts of their own.
                let from = text::clause_start(&text, m.start(), &['，', ',', '。', '；', ';']);
                if AMOUNT_THEN_REMARK.is_match(&text[m.end()..]) {
                    let clause = strip_marker(&text[from..m.end()]);
                    let clause = ["同时", "另外", "此外"].iter().fold(clause, |c, k| c.trim_start_matches(k));
                    d.fee.method = Some(Found::new(clean(clause), at));
                }
            }
            // The deadline: a date followed by 前 in that sentence.
            // Not days the fee is only mentioned in (`1月10日至23日,费用自理`: the capture's).
            let paid_in = ["缴", "交", "支付", "付款", "转账"].iter().any(|k| text.contains(k));
            let ws = dates(&text);
            for (k, w) in ws.iter().enumerate() {
                let w = *w;
                // `于10月31日上午11:30之前将…汇总表纸制版交…`: a date for handing in forms.
                let own = &text[text::clause_start(&text, w.start, &['，', ','])..];
                let own = own.split(['，', ',']).next().unwrap_or(own);
                if ["汇总表", "登记表", "报名表", "名单", "材料", "表格"].iter().any(|k| own.contains(k)) {
                    continue;
                }
                // `3月14-16日通过…缴费`: paid within those days, so by the last of them.
                let through = text::day_run(&text, &w).last().copied().filter(|&n| n > w.day && paid_in);
                if let Some(n) = through {
                    let last = text::Written { day: n, ..w };
                    match last.date(None).or_else(|| last.date(d.year())) {
                        Some(date) => d.fee.deadline = Some(Found::new(date, at).note("原文写的是缴费的几天，截止日期取最后一天")),
                        None => d.unsure.push(("fee.deadline".into(), at, "缴费截止日期没有写年份".into())),
                    }
                    break;
                }
                // `缴费时间为10月10日08:00至10月20日17:00`, `请学生在2020年9月28日——9月30日用支付宝缴费`:
                // paid within that window, so by its last day.
                let end = ws.get(k + 1).filter(|n| paid_in && WINDOW_BETWEEN.is_match(&text[w.end..n.start]));
                if let Some(n) = end {
                    let last = text::Written { year: n.year.or(w.year), ..*n };
                    match last.date(None).or_else(|| last.date(d.year())) {
                        Some(date) => d.fee.deadline = Some(Found::new(date, at).note("原文写的是缴费的一段时间，截止日期取最后一天")),
                        None => d.unsure.push(("fee.deadline".into(), at, "缴费截止日期没有写年份".into())),
                    }
                    break;
                }
                // `务必于2024年5月7日下午下班前,按学院…交`: by then.
                // `于2021年12月1日起至2021年12月22日下午5:30止…微信支付`: by the day it stops.
                if text[w.end..].trim_start().starts_with(['前', '之'])
                    || text::deadline_follows(&text[w.end..])
                    || text[..w.start].ends_with("截止")
                    || STOPS.is_match(&text[w.end..])
                {
                    deadline(d, &w, at);
                    break;
                }
                // `以班为单位在3月15日(星期五)以实际拍摄人数通过…统一交来校拍摄组工作人员`: the one day
                // it is paid on, in the clause that pays it.
                let rest = &text[w.end..];
                let rest = rest.split(['，', ',', '。', '；', ';']).next().unwrap_or(rest);
                if ws.len() == 1
                    && (text[..w.start].ends_with('在') || text[..w.start].ends_with('于'))
                    && ["缴", "交", "支付", "付款", "转账"].iter().any(|k| rest.contains(k))
                    // (Not the capture's day, paid on site: `在2020年3月11日图像采集时现场支付给…`.)
                    && !["采集时", "拍摄时", "拍照时", "现场"].iter().any(|k| rest.contains(k))
                {
                    deadline(d, &w, at);
                    if let Some(f) = d.fee.deadline.as_mut().filter(|f| f.note.is_none()) {
                        f.note = Some("原文写的是缴费的那一天".into());
                    }
                    break;
                }
            }
            // `…于5月17前收取完毕`: a day whose 日 the writer left out, then 前.
            if d.fee.deadline.is_none() && ws.is_empty() {
                if let Some(c) = DAY_BEFORE.captures(&text) {
                    let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
                    let (Some(month), Some(day), Some(m)) = (num(2), num(3), c.get(0)) else { return };
                    let own = &text[text::clause_start(&text, m.start(), &['，', ','])..];
                    let own = own.split(['，', ',']).next().unwrap_or(own);
                    if !["汇总表", "登记表", "报名表", "名单", "材料", "表格"].iter().any(|k| own.contains(k)) {
                        let year = c.get(1).and_then(|y| y.as_str().parse().ok());
                        let w = text::Written { year, month, day, start: m.start(), end: m.end(), last: None };
                        deadline(d, &w, at);
                    }
                }
            }
            // `于520号前将此表送至教务处`, `请各学院在1217统一送交学生处`: a day whose 月 and 日 the
            // source lost, read only where its digits split one way into a month and a day.
            if d.fee.deadline.is_none() && ws.is_empty() {
                if let Some(c) = RUN_DAY.captures(&text) {
                    let Some((month, day)) = run_day(&c[1]) else { return };
                    let m = c.get(0).map_or(0..0, |m| m.range());
                    let own = &text[text::clause_start(&text, m.start, &['，', ','])..];
                    let own = own.split(['，', ',']).next().unwrap_or(own);
                    if !["汇总表", "登记表", "报名表", "名单", "材料", "表格", "现场"].iter().any(|k| own.contains(k)) {
                        let w = text::Written { year: None, month, day, start: m.start, end: m.end, last: None };
                        deadline(d, &w, at);
                        if let Some(f) = d.fee.deadline.as_mut() {
                            let read = format!("原文写作「{}」，缺了月、日两字，按{}月{}日读", &c[1], month, day);
                            f.note = Some(f.note.take().map_or(read.clone(), |n| format!("{read}；{n}")));
                        }
                    }
                }
            }
            return;
        }
    }
}

/// A day to pay by whose 月 and 日 were both lost, its digits run together: `于520号前`, `在1217统一送交`.
static RUN_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:于|在)\s*(\d{3,4})\s*[日号]?\s*(?:(?:之|以)?前|(?:统一)?(?:送交|交至|交到|缴|转账))"));

/// The month and day of digits run together, when they split into one only: `520` is 5月20日,
/// `1217` 12月17日; `126` (1月26日 or 12月6日) none.
fn run_day(digits: &str) -> Option<(u32, u32)> {
    let splits: Vec<(u32, u32)> = (1..=2)
        .filter(|&k| k < digits.len() && digits.len() - k <= 2 && !digits.starts_with('0'))
        .filter_map(|k| Some((digits[..k].parse().ok()?, digits[k..].parse().ok()?)))
        .filter(|&(m, d)| (1..=12).contains(&m) && (1..=31).contains(&d))
        .collect();
    match splits[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// A day to pay by whose 日 was left out: `于5月17前`, `在2023年5月17之前`.
static DAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:于|在)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*(?:之|以)?前"));

/// Whether the notice captures online only: it says so (`采用“线上”方式进行`, `不安排线下现场`,
/// `在网上图像采集系统开展`) and names no capture on site.
pub fn online_only(lines: &Lines, d: &Draft) -> bool {
    let says = re(
        r"(?:采用|采取|通过|以|提供)[^。，,]{0,6}(?:线上|网上)[^。，,]{0,10}(?:方式|形式)|不安排线下|不(?:安排|组织)(?:现场)?集中(?:采集|拍摄)|不组织现场|不再组织现场|在网上[^。，,]{0,10}(?:开展|进行)|(?:图像)?线上采集工作|(?:采集|拍摄)(?:工作)?(?:为|是|采用|采取)\s*(?:线上|网上)|在线报送|(?:采集|拍摄)(?:模式|方式|形式)\s*[:：]?[^。，,]{0,8}(?:线上|网上)|(?:使用|通过|登录|搜索)[^。]{0,20}小程序[^。]{0,20}(?:开启|进行|完成)[^。]{0,6}(?:采集|拍照|拍摄)|(?:登录|搜索|进入)[^。，,]{0,12}小程序[^。]{0,60}(?:“图像采集”|图像采集项目|照片采集|上传照片)|^(?:[一二三四五六七八九十]+[、.．])?\s*(?:网上|线上)(?:采集|拍摄)(?:流程|步骤|操作)|^(?:[一二三四五六七八九十]+[、.．])?\s*(?:集中|网上|线上)?(?:图像|照片)?上传(?:流程|步骤)$|发布线上采集流程|(?:进行|开展|实行|实现)(?:线上|网上|远程)(?:集中)?(?:毕业生)?(?:图像)?(?:采集|拍摄)|远程采集系统|(?:现场采集|现场拍摄)?改为(?:网络|线上|网上)(?:采集|拍摄)|(?:图像|照片)(?:信息)?(?:线上|网上)采集(?:的|通知|工作|要求)",
    );
    // Anything said of a room or the day there, unless denied (`不安排线下现场集中采集`) or
    // about a makeup (`线下散拍：…`).
    let on_site = re(
        r"现场(?:采集|拍摄|拍照|缴费|交费|收费|排队|须|工作人员)|线下|集合|指定地点|拍摄当天|教室|(?:采集|拍摄|拍照)地点\s*[:：]\s*[^待见无另]",
    );
    // (`…无法取得采集码,需自行线下拍照`: whoever goes to a studio on their own, no capture on site;
    // `未参加学校统一组织线下集中采集(11月24日)的学生`: one held before, which they missed.)
    let denied = re(r"(?:不安排|不组织|不再组织|无需|不需|无|自行)\s*(?:线下)?$|未参加[^，。,；;]{0,12}$");
    // (`线上上传30/人;也可线下集采,人数须达300人以上`: an offline capture offered on terms, none set.)
    let offered = re(r"也可(?:以|选择)?\s*$");
    // (`本次报名拍摄及缴费采取网上形式`: signing up and paying online, not capture.)
    let paying = |t: &str, at: usize| {
        let clause = &t[super::text::clause_start(t, at, &['，', ',', '。', '；'])..at];
        ["缴费", "交费", "报名", "支付", "付费"].iter().any(|k| clause.contains(k))
    };
    let declared = lines.main().any(|p| says.find_iter(&p.line.text).any(|m| !paying(&p.line.text, m.start())));
    declared
        && !lines.main().any(|p| {
            sentences(&p.line.text)
                .into_iter()
                // (`由现场采集改为网络采集`: the capture on site that is no more.)
                .any(|(_, s)| {
                    !d.about_makeup(s)
                        && on_site.find_iter(s).any(|m| {
                            let before = &s[..m.start()];
                            let offered_only = m.as_str() == "线下" && offered.is_match(before);
                            !(denied.is_match(before) || offered_only || s[m.end()..].starts_with("改为"))
                        })
                })
        })
}

/// Capture or payment outside the rooms: a named platform, who uses it, what it costs; for a
/// notice that captures online only, its window (the dates it gives for capture) too.
pub fn online(lines: &Lines, d: &mut Draft) {
    // `“毕业证照”小程序`, and `打开小程序“江苏图采”` the other way round.
    let platform_re = re(
        r"“(?P<a>[^”“]{1,16})”\s*(?P<k>微信公众号|微信小程序|公众号|小程序|APP|App)|(?P<k2>微信小程序|小程序|微信公众号|公众号)\s*“(?P<b>[^”“]{1,16})”",
    );
    let bare_re = re(r"(微信小程序|微信公众号|小程序)");
    let named_re = re(r"(?:利用|使用|通过|登录|打开)\s*([\p{Han}A-Za-z]{2,6}?)(小程序|公众号)");
    // (`特征码(学校代码)F62D3D86`: what it is, in brackets, before it.)
    let code_re =
        re(r"特征码\s*(?:[（(][\p{Han}]{1,6}[）)])?\s*(?:请填写|请输入|填写|输入)?\s*(?:是|为|[:：])?\s*[“\x22]?([A-Za-z0-9]{4,10})");
    let mentions: Vec<_> = lines.main().filter(|p| ["线上", "网上", "网络采集"].iter().any(|k| p.line.text.contains(k))).collect();
    // A notice that captures online only may never say 线上: where it names its channel.
    let named = || lines.main().find(|p| bare_re.is_match(&p.line.text) || platform_re.is_match(&p.line.text));
    // `三、采集方式:` / `通过“江苏图采”微信小程序,按照提示拍摄`: the app the capture is done with, as
    // the section on how it is done names it, online or in a room.
    let way_of = |p: &text::Para| {
        let t = &p.line.text;
        let label = WAY_LABEL.find(t).map(|m| m.end());
        // (`二、拍摄方式(任选一项)`: with a remark in brackets.)
        let under = p.heading.is_some_and(|h| WAY_LABEL.find(&h.text).is_some_and(|m| WAY_REMARK.is_match(&h.text[m.end()..])));
        let rest = &t[label.unwrap_or(0)..];
        (label.is_some_and(|e| e < t.len()) || under)
            && platform_re.find(rest).is_some_and(|m| WAY_USE.is_match(&rest[..m.start()]) && does_capture(&rest[m.end()..]))
            && !d.about_makeup(t)
    };
    let way = lines.main().find(|p| way_of(p));
    let Some(first) = mentions.first().copied().or_else(|| d.online_only.then(named).flatten()).or(way) else {
        // No word of capture online: a site some are told to upload to, by its address.
        if let Some(site) = site_for_group(lines, d) {
            d.online.push(site);
        }
        return;
    };
    // The channel the capture itself goes through, not a makeup one (`线上散拍`).
    let main_channel = |t: &str| !d.about_makeup(t);
    // What the sentence says up to `at`: `…小程序→…(集中采集特征码为“610967”,散拍采集特征码为…)`
    // names the main channel's code first, whatever comes after it.
    let main_before = |t: &str, at: usize| main_channel(&t[text::clause_start(t, at, &['。', '；', ';', ',', '，'])..at]);
    // (`“ 图像信息采集服务”小程序`: not the space typed after the opening quote.)
    let name_of = |c: &regex::Captures| {
        Some(format!("“{}”{}", c.name("a").or(c.name("b"))?.as_str().trim_start(), c.name("k").or(c.name("k2"))?.as_str()))
    };
    let (platform, other) = lines
        .paras
        .iter()
        .find_map(|p| {
            platform_re
                .captures(&p.line.text)
                .filter(|c| {
                    let t = &p.line.text;
                    let by_way = way.is_some_and(|w| std::ptr::eq(w.line, p.line));
                    (t.contains("线上")
                        || t.contains("网上采集")
                        || t.contains("网上拍摄")
                        || d.online_only && t.contains("采集")
                        || by_way)
                        && c.get(0).is_some_and(|m| main_before(t, m.end()))
                })
                .and_then(|c| {
                    let m = c.get(0)?;
                    // `搜索小程序“江苏图采”,或关注“江苏省招就中心”公众号`: the other way in, as good.
                    let t = &p.line.text;
                    let rest = &t[m.end()..t[m.end()..].find(['。', '；', ';']).map_or(t.len(), |e| m.end() + e)];
                    let other = platform_re
                        .captures(rest)
                        .filter(|o| o.get(0).is_some_and(|om| ALTERNATIVE.is_match(&rest[..om.start()]) && main_before(rest, om.end())));
                    Some((name_of(&c)?, other.as_ref().and_then(name_of)))
                })
        })
        .or_else(|| {
            d.online_only
                .then(|| {
                    lines.main().filter(|p| main_channel(&p.line.text)).find_map(|p| {
                        // `利用青聪拍小程序`: the app named without quotes.
                        let t = &p.line.text;
                        named_re
                            .captures(t)
                            .map(|c| format!("{}{}", &c[1], &c[2]))
                            .or_else(|| bare_re.captures(t).map(|c| c[1].to_string()))
                    })
                })
                .flatten()
                .map(|p| (p, None))
        })
        .unzip();
    // `网址:http://www.xinhuacu.com/www/#/login`: a site to capture on, by its address.
    let site = || {
        d.online_only
            // (学信网's own address is where the code is fetched, not where the photo is taken.)
            .then(|| {
                lines.main().find_map(|p| {
                    let c = SITE.captures(&p.line.text)?;
                    (!c[1].contains("chsi.com.cn")).then(|| c[1].to_string())
                })
            })
            .flatten()
    };
    // `登录大学生图像信息采集官方网站(网站地址为http://www.xinhuacu.com/#/home),…线上散拍`: a site
    // named with its address in brackets, in a line that speaks of capture online.
    let named_site = || {
        mentions.iter().find_map(|p| {
            let t = &p.line.text;
            let c = NAMED_SITE.captures(t)?;
            let ok = !c[2].contains("chsi.com.cn") && c.get(0).is_some_and(|m| main_before(t, m.end()));
            ok.then(|| format!("{}({})", &c[1], &c[2]))
        })
    };
    // `本次采集确定通过中国图片社特定网址实现网上集中采集`: the site or system the capture online is
    // said to go through, unquoted.
    let through =
        || mentions.iter().filter(|p| main_channel(&p.line.text)).find_map(|p| THROUGH.captures(&p.line.text).map(|c| c[1].to_string()));
    let Some(mut platform) =
        platform.or_else(site).or_else(named_site).or_else(through).or_else(|| d.online_only.then(|| "线上采集".to_string()))
    else {
        d.unsure.push(("online".into(), first.line.origin(), "原文提到线上采集，但没有写明平台".into()));
        return;
    };
    if let Some(c) =
        lines.main().find_map(|p| code_re.captures(&p.line.text).filter(|c| c.get(0).is_some_and(|m| main_before(&p.line.text, m.end()))))
    {
        platform.push_str(&format!("（特征码 {}）", &c[1]));
    }
    let who = mentions.iter().find_map(|p| {
        re(r"([\p{Han}]{2,10}学生)[^。，]{0,10}线上")
            .captures(&p.line.text)
            .map(|c| c[1].trim_start_matches(['，', '、']).to_string())
            // Who, not what the sentence does (`图像信息采集工作采用学生…线上`).
            .filter(|w| !["采集", "工作", "采用", "采取", "通过", "方式", "决定", "上述", "对"].iter().any(|k| w.contains(k)))
    });
    let mut amount = mentions
        .iter()
        .filter(|p| main_channel(&p.line.text))
        .find_map(|p| re(r"线上[^。]{0,20}?(\d+(?:\.\d{1,2})?)\s*元").captures(&p.line.text).and_then(|c| Money::parse(&c[1]).ok()));
    let (mut from, mut until) = (None, None);
    let (mut at, mut note) = (first.line.origin(), None);
    if d.online_only {
        amount = amount.or(d.fee.amount.as_ref().map(|a| a.value));
        // The capture dates are the window; no day is spent in a room.
        // (`1.2025年1月毕业生:2024年10月10日-10月22日` / `2.2025年7月毕业生:2024年11月10日-…`: a
        // window for each group, each its own entry, never one from the first day to the last.)
        let per_group = group_windows(lines, d);
        if per_group.len() >= 2 {
            for (group, from, until, said) in per_group {
                d.online.push(Found::new(
                    Online { platform: platform.clone(), who: Some(group), from: Some(from), until: Some(until), amount },
                    said,
                ));
            }
            d.days.clear();
            return;
        }
        if let Some((first, last, said)) = own_window(lines, d) {
            (from, until, at) = (Some(first), Some(last), said);
        } else if d.days.len() >= 2 {
            from = d.days.iter().map(|x| x.value.0).min();
            until = d.days.iter().map(|x| x.value.0).max();
        } else if let Some((end, said)) = last_day_only(lines, d) {
            // `即日起—2024年11月30日`: the notice names its last day only. (Its first is the day the
            // notice was read, not a date the school wrote: a page's posting date is not put there.)
            until = Some(end);
            at = said;
            note = Some("原文只写了截止日期");
        } else if let Some(per_group) = who.is_none().then(|| group_last_days(lines)).filter(|g| g.len() >= 2) {
            // `2021级高本学生采集截止时间为2025年10月31日;2024级…考生采集截止时间为2026年4月30日`:
            // a window for each group, each its own entry.
            for (group, end, said) in per_group {
                let f = Found::new(Online { platform: platform.clone(), who: Some(group), from: None, until: Some(end), amount }, said)
                    .note("原文只写了截止日期");
                d.online.push(f);
            }
            d.days.clear();
            return;
        } else if let Some(x) = d.days.first() {
            d.unsure.push(("online.until".into(), x.at, "线上采集只读到一个日期：起止日期请对照原文填写".into()));
        }
        d.days.clear();
    } else if let (Some(_), true, false) = (way, mentions.is_empty(), d.days.is_empty()) {
        // The app the capture is done with in the rooms: on the capture's days.
        from = d.days.iter().map(|x| x.value.0).min();
        until = d.days.iter().map(|x| x.value.0).max();
    } else if let ([], [period]) = (d.days.as_slice(), d.periods.as_slice()) {
        // `一、采集时间` / `2020年9月16日至2020年9月30日`, then `本次图像采集为线上采集`: with no day in
        // a room, the time to capture is the channel's.
        (from, until) = (Some(period.value.0), Some(period.value.1));
        // (What the period left unsure, days in a room, is answered: there are none.)
        let said = period.at;
        d.unsure.retain(|(key, at, _)| !(key == "capture.days" && *at == said));
    }
    // `其中10月29日-11月1日线上采集(免费),其它时间到…门店采集`: the dates right before 线上采集 are its
    // window, in a notice that captures elsewhere too; free when it says so in brackets after it.
    if let (None, None, Some((first, last, said, free))) = (from, until, range_online(lines, d)) {
        (from, until, at) = (Some(first), Some(last), said);
        // (Free, whatever amount the sentence goes on to give somewhere else: `(免费),其它时间到…门店采集(30元/位)`.)
        if free {
            amount = Some(Money::ZERO);
        }
    }
    let mut found = Found::new(Online { platform, who, from, until, amount }, at);
    found.note = note.map(str::to_string);
    let alt = other.flatten().map(|platform| {
        let mut alt = found.clone();
        alt.value.platform = platform;
        alt
    });
    d.online.push(found);
    d.online.extend(alt);
}

/// A label or heading of how the capture is done: `三、采集方式:`, `拍摄方式:`.
static WAY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[.、．])?\s*(?:图像)?(?:采集|拍摄|拍照)(?:方式|形式)\s*[:：]?\s*",
    )
});
/// Right before the app named as the way: `通过`, `使用`, `登录`… and nothing more.
/// (`1.关注“青聪拍”微信公众号上传照片`: one of the ways the section lists.)
static WAY_USE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:\d{1,2}\s*[.、．)）]\s*)?(?:学生|同学|毕业生)?\s*(?:统一)?\s*(?:通过|使用|利用|登录|采用|关注|搜索|打开)\s*(?:微信)?\s*$")
});
/// What may follow the heading's label: nothing, or a remark in brackets (`(任选一项)`).
static WAY_REMARK: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:[（(][^（）()]{1,8}[）)])?\s*[:：]?\s*$"));
/// What the app named as the way does, in the sentence after it: takes or uploads the photo, not
/// fetches the code (`获取图像采集码`) or books a place in the queue (`登记排序`).
fn does_capture(after: &str) -> bool {
    static DOES: LazyLock<Regex> = LazyLock::new(|| re(r"拍摄|拍照|采集|上传"));
    static ELSE: LazyLock<Regex> = LazyLock::new(|| re(r"获取|领取|查询|排序|排队|预约|登记|缴费|支付"));
    let sentence = after.split(['。', '；', ';']).next().unwrap_or(after);
    DOES.is_match(sentence) && !ELSE.is_match(sentence)
}

/// What stands between one channel and another offered as well (`,或关注`, `或者登录`).
static ALTERNATIVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*[,，、]?\s*(?:或者?|也可(?:以)?)\s*(?:关注|登录|搜索|打开|使用|通过|进入|扫码进入)?\s*$"));

/// Each group's own window on a line of its own (`1.2025年1月毕业生:2024年10月10日-10月22日`), in
/// the order written.
fn group_windows(lines: &Lines, d: &Draft) -> Vec<(String, NaiveDate, NaiveDate, Origin)> {
    static GROUP_WINDOW: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:\d{1,2}\s*[.、．]\s*)?([^:：，,。]{2,24}?(?:毕业生|学生|考生|学员))\s*[:：]\s*$"));
    let mut out = Vec::new();
    for p in lines.main() {
        let t = strip_marker(&p.line.text);
        let ws = dates(t);
        let (Some(a), Some(b)) = (ws.first(), ws.get(1)) else { continue };
        let between = t[a.end..b.start].trim();
        let Some(c) = GROUP_WINDOW.captures(&t[..a.start]) else { continue };
        if !["-", "—", "至", "到", "~", "～", "——"].contains(&between) || ws.len() > 2 {
            continue;
        }
        let (Some(from), Some(until)) = (a.date(d.year()), b.date(a.year.or(d.year()))) else { continue };
        out.push((clean(&c[1]), from, until, p.line.at(a.start)));
    }
    out
}

/// The window on a line of its own under a heading of the time (`二、线上采集时间:` /
/// `2024年12月1日起至2024年12月30日`), or after such a label: where the notice states it, rather
/// than the first and last of all the days it names (a capture held before, which some missed).
fn own_window(lines: &Lines, d: &Draft) -> Option<(NaiveDate, NaiveDate, Origin)> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^[\p{Han}]{0,8}时间\s*[:：]\s*"));
    let mut found = lines.main().filter_map(|p| {
        let t = strip_marker(&p.line.text).trim_end();
        let label = LABEL.find(t).map_or(0, |m| m.end());
        let timed = label > 0 || p.heading.is_some_and(|h| h.text.contains("时间"));
        let t = &t[label..];
        let [a, b] = dates(t)[..] else { return None };
        let after = t[b.end..].trim();
        if !timed || a.start != 0 || !BETWEEN.is_match(t[a.end..b.start].trim()) || !["", "止", "。", "止。"].contains(&after) {
            return None;
        }
        let first = a.date(None).or_else(|| a.date(d.year()))?;
        let last = b.date(None).or_else(|| b.date(a.year.or(d.year())))?;
        (first < last).then(|| (first, last, p.line.at(label + a.start)))
    });
    // (One such line only: several are each a group's, read apart.)
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// What stands between a window's first and last dates: `至`, `-`, `起至`.
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:起|开始)?\s*(?:至|到|—+|-+|～|~)$"));

/// Two dates and 线上采集 right after them (`10月29日-11月1日线上采集(免费)`): the online window, where
/// it is said, and whether it is free. Only where one line says so.
fn range_online(lines: &Lines, d: &Draft) -> Option<(NaiveDate, NaiveDate, Origin, bool)> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:进行|为|开展)?\s*线上(?:采集|拍摄|拍照)(\s*[（(]\s*免费\s*[）)])?"));
    let mut found = lines.main().filter(|p| !d.about_makeup(&p.line.text)).filter_map(|p| {
        let t = &p.line.text;
        let ws = dates(t);
        ws.windows(2).find_map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let after = AFTER.captures(t[b.end..].trim_start())?;
            if !BETWEEN.is_match(t[a.end..b.start].trim()) {
                return None;
            }
            // (The year the line writes elsewhere, else the notice's.)
            let year = a.year.or(ws.iter().find_map(|w| w.year)).or(d.year());
            let first = a.date(year)?;
            let last = b.date(b.year.or(year))?;
            (first < last).then(|| (first, last, p.line.at(a.start), after.get(1).is_some()))
        })
    });
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// Each group's own last day (`2021级高本学生采集截止时间为2025年10月31日`), in the order written.
fn group_last_days(lines: &Lines) -> Vec<(String, NaiveDate, Origin)> {
    static GROUP_CLOSES: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:^|[；;。，,])\s*([^；;。，,:：]{2,30}?(?:学生|考生|学员|毕业生))\s*(?:的)?(?:图像)?采集(?:截止|截至)(?:时间|日期)\s*(?:为|是|[:：])?\s*$",
        )
    });
    let mut out = Vec::new();
    for p in lines.main() {
        let t = &p.line.text;
        for w in dates(t) {
            let Some(c) = GROUP_CLOSES.captures(&t[..w.start]) else { continue };
            if let Some(date) = w.date(None) {
                out.push((clean(&c[1]), date, p.line.at(w.start)));
            }
        }
    }
    out
}

/// A site to capture on, by its name and its address in brackets: `登录大学生图像信息采集网
/// (http://www.xinhuacu.com/#/home)`, `上传至…官方网站(网站地址为http://…)`.
static NAMED_SITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:登录|登陆|进入|上传至|上传到)\s*([\p{Han}]{2,20}?(?:网站|网))\s*[（(]\s*(?:(?:网址|网站地址|地址)\s*(?:为|是|[:：])?\s*)?(https?://[^\s（）()，,。；;]+)\s*[）)]",
    )
});

/// What the capture online goes through, named before it: `通过中国图片社特定网址实现网上集中采集`,
/// `利用学校教务管理系统进行线上采集`. (Not an app, read by its own rules.)
static THROUGH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:通过|使用|利用)\s*([^，。,；;：:“”\s]{2,20}?(?:网址|网站|平台|系统))\s*(?:实现|进行|开展)\s*(?:网上|线上)\s*(?:集中)?\s*(?:图像)?(?:采集|拍摄)",
    )
});

/// Who is told to log in to or upload to a site, named with its address in brackets or in the
/// sentence after (`1.2022届毕业生可自行去照相馆拍照,并将电子照片上传至大学生图像信息采集网(http://…)`,
/// `尚未拍摄的同学请尽快登录大学生图像信息采集网提交照片。网址http://…`). (学信网, where the photo is
/// checked, is none.)
static SITE_FOR: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^\s*(?:\d{1,2}\s*[.、．]\s*)?(?P<who>[^，,。；;:：]{2,24}?(?:毕业生|同学|学生))\s*(?:可|请|须|需|应|均)[^。；;]{0,30}?",
        r"(?:登录|登陆|上传至|上传到)\s*(?P<site>[\p{Han}]{2,20}?网)",
        r"(?:\s*[（(]\s*(?:网址\s*[:：]?\s*)?(?P<url>https?://[^\s（）()，,。；;]+)\s*[）)])?",
    ))
});
/// An address given after the site's name: `网址http://…`, `网址:http://…`.
static SITE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*网址\s*[:：]?\s*(https?://[^\s，,。；;）)」”]+)"));

/// A site those named are told to upload to, with its address: an online channel for them, in a
/// notice that never says 线上.
fn site_for_group(lines: &Lines, d: &Draft) -> Option<Found<Online>> {
    lines.main().find_map(|p| {
        let t = &p.line.text;
        let said = sentences(t);
        said.iter().enumerate().find_map(|(k, &(off, s))| {
            let c = SITE_FOR.captures(s)?;
            let site = &c["site"];
            if d.about_makeup(s) || site.contains("学信网") || site.contains("学生信息网") {
                return None;
            }
            let url = c.name("url").map(|u| u.as_str().to_string()).or_else(|| {
                // (The address in the rest of the sentence, or the one right after it.)
                let rest = &s[c.get(0)?.end()..];
                let next = said.get(k + 1).map_or("", |x| x.1);
                rest.find("网址")
                    .and_then(|i| SITE_AFTER.captures(&rest[i..]))
                    .or_else(|| SITE_AFTER.captures(next))
                    .map(|u| u[1].to_string())
            })?;
            if url.contains("chsi.com.cn") {
                return None;
            }
            let who = clean(&c["who"]);
            let online = Online { platform: format!("{site}({url})"), who: Some(who), from: None, until: None, amount: None };
            Some(Found::new(online, p.line.at(off + c.name("site")?.start())))
        })
    })
}

/// `网址:http://…`: a site given by its address.
static SITE: LazyLock<Regex> = LazyLock::new(|| re(r"网址\s*[:：]\s*(https?://[^\s,，。；;】）)」”\]]+)"));

/// The last day of an online window whose first the notice does not write: one that opens now
/// (`即日起—2024年11月30日`, `即日起至20241215`, `本通知公布之日开始至2023年4月10日止`), else the
/// one day capture must be done by (`毕业照片采集截止时间为2024年5月10日`).
fn last_day_only(lines: &Lines, d: &Draft) -> Option<(NaiveDate, Origin)> {
    // (`本通知公布之日开始至2023年4月10日止` too.)
    static FROM_NOW: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:即日起|(?:本)?通知(?:公布|发布|下发|印发)之日(?:起|开始))\s*(?:至|到|—+|-|～|~|－)\s*"));
    static DIGITS: LazyLock<Regex> = LazyLock::new(|| re(r"^(20\d{2})(\d{2})(\d{2})(?:\D|$)"));
    // `毕业照片采集截止时间为2024年5月10日`, `采集工作必须于 2023 年4月1日之前完成`: the last day.
    static CLOSES: LazyLock<Regex> = LazyLock::new(|| re(r"(?:采集|上传)[^。，,]{0,6}截止(?:时间|日期)\s*(?:为|是|[:：])?\s*$"));
    static DONE_BY: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:之|以)?前\s*完成"));
    static YEAR_SAID: LazyLock<Regex> = LazyLock::new(|| re(r"(20\d{2})\s*年"));
    let from_now = lines.main().find_map(|p| {
        let t = &p.line.text;
        let m = FROM_NOW.find(t)?;
        let rest = &t[m.end()..];
        let written = dates(rest).into_iter().find(|w| w.start == 0).and_then(|w| w.date(None).or_else(|| w.date(d.year())));
        let date = written.or_else(|| {
            let c = DIGITS.captures(rest)?;
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        })?;
        Some((date, p.line.at(m.end())))
    });
    from_now.or_else(|| {
        // (One last day for all: a notice giving each cohort its own has no one window.)
        let closings: Vec<(NaiveDate, Origin)> = lines
            .main()
            .flat_map(|p| {
                let t = &p.line.text;
                dates(t)
                    .into_iter()
                    .filter(|w| {
                        let after = &t[w.end..];
                        // (Capture named before the date, or right after it: `2025年夏季毕业生于4月1日前完成采集工作`.)
                        let of_capture = || {
                            t[..w.start].contains("采集") || after.split(['。', '；', '，', ',']).next().is_some_and(|c| c.contains("采集"))
                        };
                        CLOSES.is_match(&t[..w.start]) || DONE_BY.is_match(after) && of_capture()
                    })
                    .filter_map(|w| {
                        // The year written first in the line when the date has none (`2025年夏季毕业生于4月1日前`).
                        let said = YEAR_SAID.captures(&t[..w.start]).and_then(|c| c[1].parse().ok());
                        Some((w.date(None).or_else(|| w.date(said))?, p.line.at(w.start)))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        closings.first().copied().filter(|(first, _)| closings.iter().all(|(x, _)| x == first))
    })
}
