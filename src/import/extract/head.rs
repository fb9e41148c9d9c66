//! The notice's head and foot: letterhead (school and office), document number, title, the
//! signature and its date; the cohort and the audience.

use super::text::{self, after_label, cited, clean, dates, level, ranges, re, strip_marker, Lines};
use super::{Draft, Found};
use regex::Regex;
use std::sync::LazyLock;

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\p{Han}A-Za-z]{1,14}(?:[（(]\p{Han}{2,4}[）)][\p{Han}A-Za-z]{1,8})?\s*([〔\[【(（„“‘「\x22]?)\s*(\d{4})\s*([〕\]】)）‟”’」\x22]?)\s*第?\s*(\d{1,4})\s*号$",
    )
});
/// (A school's place in brackets inside its abbreviation: `某某(中国)教发〔2022〕124号`.)
/// A document number in its proper brackets but without its 号: `校教函〔2022〕50`.
static DOC_NUMBER_BARE: LazyLock<Regex> = LazyLock::new(|| re(r"^[\p{Han}A-Za-z]{1,14}\s*〔\d{4}〕\s*\d{1,4}$"));
/// A tag in brackets before a title: `【教务科】`, `(2022教109)`.
static TITLE_TAG: LazyLock<Regex> = LazyLock::new(|| re(r"^[【\[（(]([^】\]）)]{2,24})[】\]）)]\s*(\S.*)$"));
/// A document number without its 号 or brackets: `2022教109`; or its year and number run together after its
/// prefix: `学工201324`.
static FUSED_DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Han}{2,6}(?:19|20)\d{2}\d{1,3}$"));
/// A document number in proper form on the title's line, between the title and its office: `…的通知 教字〔2022〕108号
/// 教务处 | 2022-09-26`.
static DOC_NUMBER_IN_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\s)([\p{Han}A-Za-z]{1,14}〔\d{4}〕\s*第?\d{1,4}号)(?:\s|$)"));
static BARE_DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{4}\s*\p{Han}{1,4}\s*\d{1,4}$"));
static ISSUED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(?:发布|发文|印发)(?:日期|时间)\s*[:：]\s*)?(\d{4})\s*[年-]\s*(\d{1,2})\s*[月-]\s*(\d{1,2})\s*日?"));
static COHORT: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{4})\s*(?:届|屆)"));
/// `预计2024年6月毕业`, `2025年夏季毕业生`, `2018年毕业研究生`, `2019年普通本科毕业生`, `拟于2021年申请毕业`,
/// `2020年7月函授毕业生`, `2025年春季高等学历继续教育毕业生`: the year they graduate. (Or 毕(结)业: `拟于2025年毕(结)业`;
/// a year whose 年 a page lost before its month, `拟于20246月份及9月份毕业`, `202212月拟毕业`; whoever will graduate
/// then, `准备在2017年12月及2018年6月毕业`, `拟于2026年6月办理毕业手续`; a province's self-study examinees,
/// `2022年上半年天津自考毕业证书`.)
static GRADUATES_IN: LazyLock<Regex> = LazyLock::new(|| {
    const MONTH: &str = r"(?:1[0-2]|0?[1-9])\s*月份?";
    const SEASON: &str = r"(?:夏季|春季|秋季|冬季|上半年|下半年)";
    const GRADUATE: &str = r"毕\s*(?:[（(]\s*结\s*[)）]|/\s*结)?\s*业";
    re(&format!(
        concat!(
            r"预计\s*(?:于|在)?\s*((?:19|20)\d{{2}})(?:\s*年|\s*{m}).{{0,12}}{g}",
            r"|(?:拟|准备)\s*(?:于|在)\s*((?:19|20)\d{{2}})(?:\s*年\s*(?:{m}|{s})?|\s+{m}|{m})",
            r"(?:\s*(?:及|和|、|至|或|与)\s*(?:(?:19|20)\d{{2}}\s*年?)?\s*(?:{m}|{s}))*\s*的?\s*(?:办理)?{g}",
            r"|((?:19|20)\d{{2}})(?:\s*年\s*(?:{s}|{m})?|{m})\s*(?:预计|拟|申请)?\s*",
            r"(?:普通|全日制|成人|本科|专科|高职|研究生|硕士|博士|函授|业余|在籍|高等学历继续教育|学历继续教育|继续教育|成人高等教育|网络教育|夜大|\p{{Han}}{{2}}自考)*\s*{g}",
        ),
        m = MONTH,
        s = SEASON,
        g = GRADUATE
    ))
});
/// A year listed before another one they graduate in: `2018年12月及` before `2019年6月毕业` (or `201812月及`, its 年 lost).
static YEAR_LISTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"((?:19|20)\d{2})\s*(?:年\s*(?:\d{1,2}\s*月份?|夏季|春季|秋季|冬季|上半年|下半年)?|(?:1[0-2]|0?[1-9])\s*月份?)\s*(?:[（(]\p{Han}{2}[）)])?\s*(?:及|和|与|、|至|或)\s*$",
    )
});
/// A year, or a year whose 年 a page lost before its month (`20186月`).
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"((?:19|20)\d{2})\s*(?:年|(?:1[0-2]|0?[1-9])\s*月)"));
/// What joins another year they graduate in to the one before: `2023年预计毕业研究生和202212月拟毕业研究生`.
static AND_ANOTHER: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Han}{0,6}?(?:和|及|以及|与)\s*$"));
static OFFICE_END: &[&str] = &["处", "院", "办公室", "中心", "部", "室", "委员会", "办", "科", "所"];

/// A school named at a title's start, after 关于 or the cohort it concerns.
static SCHOOL_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:关于)?\s*(?:20\d{2}\s*[届级年]\s*)?(\p{Han}{2,12}?(?:大学|学院))(?:\d{4}|高等|成人|成考|成教|继续|继教|网络|研究生|本科|专科|专升本|毕业|函授|夜大|自考|全日制|非全日制)",
    )
});

/// `全体2025届预计毕业生必须参加此次图像采集`: who must come, said of them.
/// (Or all of them, no year said: `1.全体在籍研究生均要参加图像信息采集`, `所有研究生必须参加…拍摄`,
/// `全体2023级新生必须参与采集`.)
static MUST_COME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[。；，,])\s*((?:全体|所有)?\s*(?:20\d{2}|\d{2})\s*[届级年][^。；，,]{0,20}?(?:毕业生|研究生|本科生|专科生|学生|学员|新生))(?:均|都)?(?:必须|务必|均须|须|需|应)(?:参加|参与)(?:此次|本次|这次)?|(?:(?:^|[。；，,])\s*|\d{1,2}\s*[.、．]\s*)((?:全体|所有)\s*(?:20\d{2}\s*[届级])?[^。；，,\s]{0,10}?(?:毕业生|研究生|本科生|专科生|学生|学员|新生))(?:均|都)?(?:要|必须|务必|均须|须|需|应)(?:参加|参与)(?:此次|本次|这次)?(?:图像|照片|学历|研究生院|学校)?[^。；，,]{0,12}?(?:采集|拍摄|拍照)",
    )
});
/// `需要参加信息采集的学生有:…。`: the list of who comes.
static LISTED_COME: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:需要|需|应)参加(?:此次|本次)?(?:图像)?(?:信息)?采集的(?:学生|同学|毕业生)(?:有|包括|为)\s*[:：]\s*([^。]+)"));
/// `本次拍摄针对2018年6月及2018年12月毕业研究生,…`: whom the capture is for (or the makeup: `本次补拍仅面向…学生`).
static AIMED_AT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"本次(?:图像)?(?:信息)?(?:拍摄|采集|补拍|补采|补采集)(?:工作)?(?:仅|只)?(?:针对|面向|的对象为|对象为|对象是)\s*([^。；，,]{2,40}?(?:毕业生|研究生|本科生|专科生|学生|学员))",
    )
});
/// `请各二级学院通知本院2023届毕业生(含2021级2年制学生)按规定时间完成拍摄`: whom the colleges
/// are to tell to come.
static NOTIFIED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"通知\s*((?:本院|本学院|全体)?\s*20\d{2}\s*[届级][^。；，,]{0,20}?(?:毕业生|研究生|本科生|专科生|学生|学员)(?:[（(][^）)]*[）)])?)\s*(?:按|准时|务必|参加|前往)",
    )
});
/// `2020届预计毕业生图像信息采集时间定于`, `对我校2021年预毕业全日制本科学生图片采集工作`: whose capture it is
/// (the year alone before 毕业生: `我校2024毕业生学历电子图像采集工作`).
static WHOSE_CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|对|[，,。]|我校|我院|关于(?:做好|开展|组织)?|(?:现将|为做好|做好)\p{Han}{0,12}?)\s*((?:20\d{2})\s*[届年](?:[（(][^）)]{1,24}[)）])?[^。；，,、]{0,12}?(?:毕业生|毕\s*[（(]\s*结\s*[)）]\s*业生|毕业研究生|研究生|本科生|本科学生|专科生|学生)|20\d{2}\s*毕业生)(?:的)?(?:学历)?(?:证书)?(?:电子)?(?:注册)?(?:图像|图片|照片|相片|信息)(?:信息)?(?:[（(][^）)]{0,8}[)）])?(?:采集|拍摄)",
    )
});

/// `委托…统一采集2021届毕业生电子图像`: the students whose photos are taken, after the verb; or
/// before it (`对2021届本科毕业生(含2017级本科留学生…)集中进行电子注册图像采集`); or in brackets after the year
/// it is done in (`统一采集2021年(2022届毕业生)电子图像`).
static CAPTURED_WHOM: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:采集|拍摄)\s*((?:20\d{2})\s*[届年][^。；，,、]{0,12}?(?:毕业生|毕业研究生|研究生|本科生|学生))(?:的)?(?:学历)?(?:电子)?(?:图像|图片|照片|相片)",
        r"|对\s*((?:20\d{2})\s*[届年][^。；，,、（(]{0,12}?(?:毕业生|毕业研究生|研究生|本科生|学生)(?:[（(][^）)]{1,40}[)）])?)\s*(?:集中|统一)?(?:进行|开展)[^。，,；]{0,10}(?:采集|拍摄)",
        r"|(?:采集|拍摄)\s*20\d{2}\s*年\s*[（(]\s*(20\d{2}\s*届[^。；，,、（()）]{0,12}?(?:毕业生|毕业研究生|研究生|本科生|学生))\s*[)）]\s*(?:的)?(?:学历)?(?:电子)?(?:图像|图片|照片|相片)",
    ))
});

/// Whether a phrase names students: a cohort or intake and who they are, not what is done
/// (`2020年继续开展毕业生…`).
fn names_students(t: &str) -> bool {
    // (What some of them have or have not done, said before them, names them: `还未进行电子图像信息采集的毕业生`,
    // `凡已参加图像采集的毕业生`.)
    let head = match t.rfind('的') {
        Some(i) if t[..i].contains('未') || t.starts_with('凡') => &t[i..],
        _ => t,
    };
    // (继续教育 is a kind of study, not going on with something.)
    let head = head.replace("继续教育", "");
    let doing = ["开展", "继续", "进行", "组织", "做好", "安排", "采集"].iter().any(|k| head.contains(k));
    t.chars().count() >= 4 && ["生", "学员", "同学"].iter().any(|k| t.contains(k)) && dates(t).is_empty() && !doing
}

/// A remark in brackets: `(已在校集中采集的毕业生…,切勿参加本次补采集)`.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| re(r"[（(][^）)]*[)）]"));
/// An item of a list, marked `(一)`.
static SUB_ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[（(][一二三四五六七八九十]+[)）]"));
/// How a topic's heading ends: `…核对要求`, `…注意事项`.
const TOPIC_END: &[&str] = &["要求", "注意事项", "事项", "流程", "安排", "说明", "办法"];

fn topic_heading(t: &str) -> bool {
    TOPIC_END.iter().any(|e| t.trim_end_matches(['：', ':']).ends_with(e))
}

/// What begins the next item under an audience heading: another topic's label.
static NEXT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:统一|集中|具体|现场)?(?:数码|电子)?(?:图像|信息)*(?:采集|拍摄|拍照)?(?:时间|地点|方式|办法|流程|费用|要求)\s*(?:[:：]|$)|^(?:\d+\s*[.、．]\s*)?(?:图像)?采集(?:时间|地点|方式|办法)",
    )
});

/// `一、图像采集对象预计于2025年毕业的成人高等教育学生(…)`: the heading and its text on one line.
static RUN_ON_AUDIENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:图像)?(?:信息)?(?:采集|拍摄|拍照)对象\s*(?:为|是)?\s*([^:：\s][^。]{3,80}?(?:学生|毕业生|研究生|学员)(?:[（(][^）)]*[）)])?)")
});

/// `1.已成功办理2022年上半年…毕业申请的考生须在8月15日…上传照片`: whoever must act by a date.
static MUST_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[。；])\s*(?:(?:\d{1,2}|[一二三四五六七八九十]+)\s*[.、．]\s*)?(?:请)?([^。；，,:：]{4,50}?(?:考生|学生|毕业生|本科生|研究生|学员))(?:均|都)?(?:必须|务必|均须|须|需)(?:在|于)",
    )
});

/// `本次参与图像采集的对象为在校内学习生活的2023届本科毕业生,…`: who comes, said in a sentence.
static AUDIENCE_IS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:采集|拍摄|拍照)的?对象(?:为|是)\s*([^，,。；;:：]{2,60}?(?:学生|毕业生|研究生|学员)(?:[（(][^）)]*[）)])?)"));

/// `预计于2020年1月(春季)和7月(夏季)毕业/结业的研究生在校生(双证),务必参加本次图像采集`, `预计2024年1月、7月毕/结业,
/// 未参加…采集的研究生(双证),请注意:`: whoever will graduate by then, at a line's start, then asked to come.
static GRADUATING_ASKED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(预计\s*(?:于|在)?\s*\d{4}\s*年[^。；]{0,40}?毕\s*(?:[（(]\s*结\s*[)）]|/\s*结)?\s*业[^。；]{0,30}?(?:研究生|毕业生|学生|本科生|在校生|学员)(?:[（(][^）)]*[）)])*)\s*[，,]?\s*(?:请注意|请务必|务必|必须)",
    )
});
/// `请各院负责老师通知预计于2021年12月、2022年6月毕业的应届学历教育研究生(即…)携带本人身份证件`: whom
/// the colleges are to tell, by when they graduate.
static NOTIFIED_GRADUATING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"通知\s*(预计\s*(?:于|在)?\s*\d{4}\s*年[^。；，,]{0,40}?毕业的[^。；，,]{0,16}?(?:毕业生|研究生|本科生|学生)(?:[（(][^）)]*[）)])?)\s*(?:携带|按|准时|务必|参加|前往)",
    )
});
/// `2020级全体研究生及…未拍摄的研究生(含留学生…)按规定时间参加拍摄`, `2019级及以前未拍摄照片的本科生(…)以及
/// 2021级第二学士学位学生,请根据以下时间表的安排,前往指定地点拍照`: who, then told to come as scheduled.
static COME_AS_SCHEDULED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[。；，,])\s*(20\d{2}\s*[级届、](?:[^。；，,（(]|[（(][^）)]*[）)]){0,60}?(?:研究生|本科生|学生|毕业生)(?:[（(][^）)]*[）)])?)\s*[，,]?\s*(?:请)?(?:按规定时间|按时|根据以下|按照以下|按以下)[^。]{0,16}?(?:参加|前往)[^。]{0,12}?(?:拍摄|拍照|采集)",
    )
});
/// `2025年夏季毕业生于4月1日前完成采集工作`: who, then by when they are done.
static DONE_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(20\d{2}\s*[届级年][^。；，,]{0,20}?(?:毕业生|研究生|本科生|学生|学员))\s*(?:须|需|应|务必)?\s*(?:于|在)\s*[^。；，,]{2,20}?(?:前|之前)完成[^。；，,]{0,6}?(?:采集|拍摄|拍照|上传)",
    )
});
/// `为做好我校本科毕业生学历电子注册图像采集工作`, `我校高等学历继续教育毕业生图像信息不再进行集中采集`:
/// the school's own students, no year said, whose capture it is.
static OUR_STUDENTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|为做好|做好|对|关于)\s*(我校[^。；，,、的和及与]{0,20}?(?:毕业生|研究生|本科生|学生|学员))(?:的)?(?:进行)?(?:学历|学位)?(?:证书)?(?:电子)?(?:注册)?(?:图像|图片|照片|相片)(?:信息)?[^。，,；]{0,10}?(?:采集|拍摄)",
    )
});
/// `关于组织2018级学生采集毕业照片的通知`: who, then what they do.
static WHO_THEN_CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|关于)(?:组织|做好|开展)?\s*(20\d{2}\s*[届级][^。；，,、]{0,8}?(?:学生|毕业生|毕业研究生|研究生|本科生))\s*(?:采集|拍摄)(?:毕业)?(?:照片|相片|图像)",
    )
});
/// `2012届(2008级)本科毕业生学历证书电子注册图像信息网上校对现已开始`, `关于2017届毕业研究生核对电子图像…的通知`:
/// whose photos are checked.
static CHECKED: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:^|对|[，,。]|我校|我院|关于(?:做好|开展|组织)?)\s*(20\d{2}\s*届(?:[（(][^）)]{1,24}[)）])?[^。；，,、]{0,12}?(?:毕业生|毕业研究生|研究生|本科生))",
        r"(?:的)?(?:学历)?(?:证书)?(?:电子)?(?:注册)?(?:图像|图片|照片|相片)(?:信息)?(?:网上|在线)?(?:校对|核对)",
        r"|(?:^|关于)\s*(20\d{2}\s*届[^。；，,、]{0,8}?(?:毕业生|毕业研究生|研究生|本科生))\s*(?:核对|校对)(?:电子)?(?:图像|照片|相片)",
    ))
});
/// `凡参加过学历电子注册照相的应届毕业生,请抓紧时间…进行校对`: whoever did something, then asked.
static ANYONE_WHO: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(凡[^。；，,]{2,30}?的[^。；，,]{0,10}?(?:毕业生|学生|研究生|本科生))\s*[，,]\s*请"));
/// `决定对去年因故未能参加电子注册图像采集的2025届预计毕业生统一进行补拍`: some of a cohort, captured.
static SOME_CAPTURED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"对\s*([^。；，,（(]{0,24}?的\s*20\d{2}\s*届[^。；，,、（(]{0,12}?(?:毕业生|毕业研究生|研究生|本科生|学生))\s*(?:集中|统一)?(?:进行|开展)?\s*(?:补拍|补采|(?:图像)?(?:采集|拍摄))",
    )
});

/// `学校决定对我校2022级新生进行图像信息采集`, `我院2024级新生的图像信息采集工作定于…`, `特对学院2020级、2021级(学信网显示
/// 入学时间)学生的电子图像信息采集有关事项通知如下`: the students of an intake, whose capture it is, with the school
/// that names them as its own.
static INTAKE_CAPTURED: LazyLock<Regex> = LazyLock::new(|| {
    // (After 对, or with the school's word for its own: `…,2024级新生入学图像采集不收费` says what is free, not for whom.)
    const WHO: &str =
        r"20\d{2}\s*级(?:\s*[、和及]\s*20\d{2}\s*级)*(?:[（(][^）)]{1,20}[)）])?[^。；，,、（(]{0,8}?(?:新生|学生|本科生|研究生|专科生)";
    re(&format!(
        concat!(
            r"(?:对\s*((?:我校|我院|本校|本院|学院)?\s*{w})|(?:^|[，,。：:])\s*((?:我校|我院|本校|本院|学院)\s*{w}))",
            r"\s*(?:的)?(?:进行)?(?:入学)?(?:学籍)?(?:电子)?(?:图像|图片|照片|相片)(?:信息)?[^。，,；]{{0,6}}?(?:采集|拍摄)",
        ),
        w = WHO
    ))
});

/// `请今年夏季毕业生携带护照和学生证去…拍摄证件照`, `请2024届毕业生持身份证到…拍照`: whoever is asked to bring
/// something to the capture.
static ASKED_TO_BRING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^请\s*([^。；，,请]{2,20}?(?:毕业生|研究生|本科生|专科生|学生|新生|学员))\s*(?:携带|持|带上|带好)[^。]{0,40}?(?:拍摄|拍照|照相|采集)",
    )
});
/// `甘肃医学院2023级全体学生现在需要采集毕业照片`, `2025届全体毕业生须拍摄学历照片`: who, then that they need their
/// photos taken (with the school that names them, when it does).
static NEED_CAPTURING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[，,。：:])\s*((?:\p{Han}{2,12}?(?:大学|学院))?\s*20\d{2}\s*[届级][^。；，,]{0,12}?(?:毕业生|研究生|本科生|专科生|学生|新生|学员))\s*(?:现在|现)?\s*(?:需要|需|须|必须|均须|均需)\s*(?:采集|拍摄)(?:毕业|学历)?(?:照片|相片|图像)",
    )
});
/// `请通知你所已参加…图像采集的全部2010届毕业生,于…登录…核对本人电子照片`: whom an office is to tell, then when they
/// check or have their photos taken.
static NOTIFIED_BY_WHEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"通知\s*(?:你所|你院|你单位|本单位|本院|所在单位)?\s*([^。；，,]{0,30}?20\d{2}\s*[届级][^。；，,]{0,12}?(?:毕业生|研究生|本科生|学生))\s*[，,]?\s*(?:于|在)[^。]{0,60}?(?:核对|校对|拍摄|拍照|采集)",
    )
});

/// `为保证2023届拟毕(结)业生学历信息电子注册的顺利进行`: whose diplomas are to be registered, whose photos the notice is about.
static WHOSE_REGISTRATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:为保证|为确保|保证|确保)\s*(20\d{2}\s*届[^。；，,]{0,12}?(?:毕业生|毕\s*[（(]\s*结\s*[)）]\s*业生|研究生|本科生))\s*(?:的)?学历(?:信息|证书)?(?:电子)?注册",
    )
});

/// An office a site's banner names alone.
static BANNER_OFFICE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:教务处|教务部|研究生院|研究生处|学生处|学生工作处|学工部|本科生院|继续教育学院|成人教育学院|网络教育学院)$"));

/// A date as a web system writes it: `2025-03-19`, `2012年04月16日 11:10`.
static SYSTEM_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{4}-\d{1,2}-\d{1,2}|^\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}"));
/// A page's posting time alone on its line, perhaps with its editor's label or its counters: `2024-04-28 15:55
/// 审核人:`, `2011.11.09`, `2023-01-09 3人评论 已浏览`.
static POSTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\d{4}\.\d{1,2}\.\d{1,2}$|^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:审核人|作者|来源|编辑|发布人|责任编辑|浏览次数|点击|字号)\s*[:：].{0,20}|\s*\d*\s*人?(?:评论|浏览|阅读)\S{0,3}(?:\s+\S{0,6}(?:浏览|阅读)\S{0,3})?)?$|^\d{4}年\d{1,2}月\d{1,2}日\s*(?:信息来源|来源|浏览次数|点击)\s*[:：].{0,30}$",
    )
});

/// A page's posting date after its label anywhere in its header line: `[发表时间]:2021-10-21`.
static POSTED_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"[\[【]?(?:发表|发布)(?:时间|日期)[\]】]?\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2})"));

/// Who published a web page, after its label: `发布者:研究生院`, `部门:招生就业处`, `来源:教务处(教师发展中心)`.
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:发布者|发布人|发布单位|发布部门|部门|来源|作者)\s*[:：]\s*([\p{Han}A-Za-z]{2,16}?(?:[（(]\p{Han}{2,12}[）)])?)\s*(?:[\[【(（]?(?:发布|发表)(?:时间|日期)|时间|日期|作者|浏览|点击|访问|阅读|$)",
    )
});
/// A site's title, its school and the office (`北京开放大学_教务处_新版`), or a page's header, the
/// office and when it posted (`教务处2021/04/25 01:30`).
static PAGE_OF_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\p{Han}{2,20}(?:大学|学院)\s*[_｜|]\s*(\p{Han}{2,10}(?:处|院|部|办公室|中心))\s*(?:[_｜|]|$)|^(\p{Han}{2,10}(?:处|院|部|办公室|中心))\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}(?:\s+\d{1,2}:\d{2})?$",
    )
});
/// Where a page names its school: its banner, or its footer's copyright.
static SITE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^欢迎(?:访问|来到)\s*(\p{Han}{4,30})|^(?:Copyright\s*)?(?:©\s*)?(\p{Han}{4,30}?)\s*(?:[\[【(（][^\]】)）]{0,30}[\]】)）])?\s*版权所有",
    )
});
/// A system's date with slashes or dots: `2022/4/7 18:09:33`, `2023.11.07`.
static SLASHED: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\s|$)"));

/// How a breadcrumb begins when the page's text runs it into the next line.
static CRUMB_HEAD: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:您?当前(?:所在)?位置|您?现在的位置|您的位置|你的位置)\s*[:：]?"));

/// A salutation on its own line: `各学院:`, `各相关学院、2024届毕业生:`.
static GREETING: LazyLock<Regex> = LazyLock::new(|| text::re(r"^各[^。，,:：]{0,40}[:：]$"));

pub fn letterhead(lines: &Lines, d: &mut Draft) {
    let paras = &lines.paras;
    // The title: among the first lines (after a web page's menus and breadcrumb), one that names
    // a notice (`…的通知`, `关于…的安排`, `…图像采集工作安排`) and is not prose.
    let start = paras.iter().take(40).rposition(|p| text::breadcrumb(&p.line.text)).map_or(0, |i| i + 1);
    // (Not below the salutation `各学院:`, where the notice has begun: `各学院拍摄时间安排` there is a
    // table's heading.)
    let greeted = paras.iter().skip(start).take(10).position(|p| GREETING.is_match(p.line.text.trim())).unwrap_or(10);
    let title_i = paras.iter().skip(start).take(greeted).position(|p| text::names_a_notice(&p.line.text));
    let title_i = title_i.map(|i| i + start);
    if let Some(i) = title_i {
        let l = paras[i].line;
        // A PDF's line break inside a title leaves a space between two hanzi.
        // (A web page's list bullet before it, `• 关于…的通知`, is none of it.)
        let t = text::re(r"(\p{Han})\s+(\p{Han})").replace_all(l.text.trim_start_matches(['•', '·', '●', '■', ' ']), "$1$2").into_owned();
        // A breadcrumb run into the title (`您当前所在位置首页网络教育通知公告关于…的通知`): the
        // title is what follows the last step, or begins at 关于.
        let t = match CRUMB_HEAD.find(&t) {
            Some(m) => {
                let rest = &t[m.end()..];
                let last_step = rest.rfind(['>', '»', '＞', '→']).map(|i| rest[i..].chars().skip(1).collect::<String>());
                last_step.or_else(|| rest.find("关于").map(|i| rest[i..].to_string())).map_or(t.clone(), |x| x.trim().to_string())
            }
            None => t,
        };
        // `河南师范大学——关于…的通知`: a page that prints who before the title, joined by a dash.
        let t = match re(r"^(\p{Han}{4,20}?(?:大学|学院|学校))\s*(?:——|—|－|―|:|：|\|)\s*(\S.+)$").captures(&t) {
            Some(c) if text::names_a_notice(&c[2]) => {
                if d.school.is_none() {
                    d.school = Some(Found::new(c[1].to_string(), l.origin()));
                }
                c[2].to_string()
            }
            _ => t,
        };
        // `【江大教〔2020〕30号】 关于…`, `(2022教109)关于…`, `【教务科】关于…`: a tag before the
        // title: its document number, its office, or a page's category.
        let t = match TITLE_TAG.captures(&t).filter(|c| text::names_a_notice(&c[2])) {
            Some(c) => {
                let tag = c[1].trim();
                if DOC_NUMBER.is_match(tag) || BARE_DOC_NUMBER.is_match(tag) {
                    d.doc_number = Some(Found::new(tag.to_string(), l.origin()));
                } else if d.office.is_none() && tag.chars().count() <= 8 && OFFICE_END.iter().any(|e| tag.ends_with(e)) {
                    d.office = Some(Found::new(tag.to_string(), l.origin()));
                }
                c[2].trim().to_string()
            }
            None => t,
        };
        // (`…的通知 2020-12-17`: the page's date is no part of it.)
        let t = text::without_page_date(&t).to_string();
        d.title = Some(Found::new(t, l.origin()));
        d.used.push(l.origin());
    }
    // A web page's heading that names no notice (`研究生毕业图像采集相关`), right above the line the page posts it under
    // (`发布于:2016-10-14 10:58:25 | 作者:…`): the title, when it speaks of the photos and is no sentence.
    if title_i.is_none() {
        static POSTED_UNDER: LazyLock<Regex> =
            LazyLock::new(|| re(r"^(?:发布于|发布时间|发布日期|发表时间|时间|日期)\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}"));
        let heading = paras.windows(2).take(12).find_map(|w| {
            let t = w[0].line.text.trim();
            let photos = ["图像采集", "照片采集", "相片采集", "图像信息采集", "拍摄", "拍照"].iter().any(|k| t.contains(k));
            let sentence = t.ends_with(['。', '：', ':', '，', ',', '；', ';']) || t.contains(['。', '，', ',']);
            (POSTED_UNDER.is_match(w[1].line.text.trim())
                && photos
                && !sentence
                && (6..=30).contains(&t.chars().count())
                && level(t).is_none())
            .then_some((t, w[0].line.origin()))
        });
        if let Some((t, at)) = heading {
            d.title = Some(Found::new(t.to_string(), at));
            d.used.push(at);
        }
    }
    let head_end = title_i.unwrap_or(4).min(paras.len());
    // The document number, before or just after the title (and a web page's header under it).
    for p in paras.iter().take(head_end + 6) {
        let t = p.line.text.trim();
        if let Some(c) = DOC_NUMBER.captures(t) {
            let (open, close) = (c.get(1).map_or("", |m| m.as_str()), c.get(3).map_or("", |m| m.as_str()));
            let mut f = Found::new(t.to_string(), p.line.origin());
            if (open, close) != ("〔", "〕") {
                let nth = if t[c.get(3).map_or(0, |m| m.end())..].trim_start().starts_with('第') { "第" } else { "" };
                let fixed = format!("{}〔{}〕{nth}{}号", t[..c.get(1).map_or(0, |m| m.start())].trim(), &c[2], &c[4]);
                f = Found::new(fixed, p.line.origin()).note(format!("原文写作「{t}」，年份的括号按公文格式写作〔〕"));
            }
            d.doc_number = Some(f);
            d.used.push(p.line.origin());
            break;
        }
        if DOC_NUMBER_BARE.is_match(t) || FUSED_DOC_NUMBER.is_match(t) {
            d.doc_number = Some(Found::new(t.to_string(), p.line.origin()));
            d.used.push(p.line.origin());
            break;
        }
    }
    if let (None, Some(i)) = (&d.doc_number, title_i) {
        let l = paras[i].line;
        if let Some(m) = DOC_NUMBER_IN_LINE.captures(&l.text).and_then(|c| c.get(1)) {
            d.doc_number = Some(Found::new(m.as_str().to_string(), l.at(m.start())));
        }
    }
    // The letterhead: a short line before the title naming a school.
    for p in paras.iter().take(head_end) {
        let t = p.line.text.trim();
        // Without a title, the head ends where the notice begins: its greeting or its first sentence.
        if title_i.is_none() && t.ends_with(['：', ':', '。']) {
            break;
        }
        if t.chars().count() > 30 || DOC_NUMBER.is_match(t) || t.ends_with(['：', ':', '。']) {
            continue;
        }
        if let Some((school, office)) = split_school(t) {
            d.school = Some(Found::new(school, p.line.origin()));
            if let Some(o) = office {
                d.office = Some(Found::new(o, p.line.origin()));
            }
            d.used.push(p.line.origin());
            break;
        }
    }
    // A web page's banner greeting its reader (`欢迎访问合肥师范学院教务处~`), or its footer
    // naming who holds its copyright (`版权所有© 福州英华职业学院`): the school whose site it is.
    if d.school.is_none() {
        let site = paras.iter().find_map(|p| {
            let c = SITE_OWNER.captures(&p.line.text)?;
            let name = c.get(1).or(c.get(2))?.as_str();
            Some((split_school(name)?, p.line.origin()))
        });
        if let Some(((school, office), at)) = site {
            d.school = Some(Found::new(school, at));
            if d.office.is_none() {
                d.office = office.map(|o| Found::new(o, at));
            }
        }
    }
    // A web page that prints the school alone on a line of its own between the title and the
    // notice, or repeats the title after it (`来源:公告通知` / `吉林工程技术师范学院` / the title).
    // (Only under a title: without one, those lines may be anything, a timetable's college too.)
    if d.school.is_none() && title_i.is_some() {
        for p in paras.iter().take(head_end + 4).skip(head_end) {
            let t = p.line.text.trim();
            if let Some(school) = school_alone(t) {
                d.school = Some(Found::new(school, p.line.origin()));
                d.used.push(p.line.origin());
                break;
            }
        }
    }
    // A web page that opens with its office's name alone (`教务处`, the site's banner).
    if d.office.is_none() && title_i.is_some() {
        let first = paras.iter().take(head_end).find(|p| !p.line.text.trim().is_empty());
        if let Some(p) = first.filter(|p| BANNER_OFFICE.is_match(p.line.text.trim())) {
            d.office = Some(Found::new(p.line.text.trim().to_string(), p.line.origin()));
        }
    }
    // `教务处关于2024级本科新生数码证照图像采集通知`: the office the title opens with issued it, whoever
    // the page's header says posted it (`作者: 学籍办公室`).
    if d.office.is_none() {
        static TITLE_OFFICE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\p{Han}{2,10}?(?:处|部|研究生院|中心|办公室))关于"));
        d.office = d.title.as_ref().and_then(|t| {
            let c = TITLE_OFFICE.captures(&t.value)?;
            named_office(&c[1]).then(|| Found::new(c[1].to_string(), t.at))
        });
    }
    // A web page's header names who published it: `发布者:研究生院发布时间:2024-11-05`.
    for p in paras.iter().take(head_end + 3) {
        // `教务处 2018-11-05`: the publisher, then the date.
        let bare = re(r"^([\p{Han}]{2,12}?)\s*\d{4}-\d{1,2}-\d{1,2}$").captures(p.line.text.trim());
        // (`作者:张雪沁    部门:招生就业处`: the person, then the office.)
        let labelled = PUBLISHER.captures_iter(&p.line.text).find(|c| named_office(&c[1]) || school_alone(&c[1]).is_some());
        if let Some(c) = labelled.or_else(|| PUBLISHER.captures(&p.line.text)).or(bare) {
            let who = c[1].to_string();
            // `发布者:湖州开放大学`: the school itself published it (a 学院 may be one of its colleges).
            if let Some(school) = school_alone(&who).filter(|s| s.ends_with("大学") && d.school.is_none()) {
                d.school = Some(Found::new(school, p.line.origin()));
            } else if d.office.is_none() && named_office(&who) {
                d.office = Some(Found::new(who, p.line.origin()));
            }
        }
    }
    // A web page's header: 发布日期:2025-03-19.
    for p in paras.iter().take(head_end + 3) {
        // (`发布于:2016-10-14 10:58:25`, `创建日期:2016/8/19 11:32:04`, `pubdate:2021-10-27`.)
        let labelled =
            after_label(&p.line.text, &["发布日期", "发布时间", "发文日期", "发布于", "创建日期", "创建时间", "pubdate", "update"])
                // `作者:  时间:2024-05-15`, `日期:2025-10-16`: a web page's date, written as its system
                // writes dates (a capture time in the notice is written 2024年4月24日).
                .or_else(|| {
                    let t = &p.line.text;
                    // (Or a longer header of a page's labels naming the office that posted it: `作者:…    来源:教务处
                    // 日期:2021-09-19   点击:`.)
                    let office_posted = || PUBLISHER.captures_iter(t).any(|c| named_office(&c[1]));
                    (t.chars().count() <= 40 && level(t).is_none() || office_posted())
                        .then(|| after_label(t, &["日期", "时间"]))
                        .flatten()
                        // (`日期:2012年04月16日 11:10  发布人:…`: a system's date has its time beside it.)
                        .filter(|r| SYSTEM_DATE.is_match(r))
                })
                // `2023-09-27 10:19:06` alone on a line under the title, `2024-04-28 15:55   审核人:` or
                // `2023年11月07日 信息来源: 浏览次数:6506`:
                // when the page was posted.
                .or_else(|| {
                    let t = p.line.text.trim();
                    POSTED.is_match(t).then_some(t)
                })
                // `发布者: [发表时间]:2021-10-21 [来源]: [浏览次数]:`: the page's header, its labels bracketed.
                .or_else(|| POSTED_LABEL.captures(&p.line.text).and_then(|c| c.get(1)).map(|m| &p.line.text[m.start()..]));
        if let Some(rest) = labelled {
            let slashed = SLASHED
                .captures(rest)
                .and_then(|c| chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?));
            if let Some(w) = dates(rest).first().filter(|w| w.year.is_some()).and_then(|w| w.date(None)).or(slashed) {
                d.issued = Some(Found::new(w, p.line.origin()));
                d.used.push(p.line.origin());
            }
        }
    }
    // The signature: an office on a short line, then the date alone on the next.
    let main: Vec<_> = lines.main().collect();
    for (i, w) in main.windows(2).enumerate().rev() {
        let (a, b) = (w[0].line, w[1].line);
        let written = ISSUED
            .captures(b.text.trim())
            .filter(|c| c.get(0).is_some_and(|m| m.end() == b.text.trim().len()))
            .and_then(|c| chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?));
        // `20211125`, `2024114`: a signed date that lost its 年月日, read when its digits split one way
        // (or one way is the page's own date).
        let page = d.issued.as_ref().map(|i| i.value);
        let Some(date) = written.or_else(|| fused_signature(b.text.trim(), page)).or_else(|| hanzi_date(b.text.trim())) else {
            continue;
        };
        // The notice's own date, under its signature, rather than the web page's publishing time.
        if d.issued.as_ref().is_none_or(|i| i.at != b.origin()) {
            d.issued = Some(Found::new(date, b.origin()));
        }
        d.used.push(b.origin());
        // (The signature's own line, when the line above it ran into it: `技术客服电话:…(工作日
        // 9:00-21:00)` / `吉林师范大学继续教育学院`.)
        let (sig_at, sig) = match a.parts.last() {
            Some(&(from, at)) if from > 0 => (at, a.text[from..].trim()),
            _ => (a.origin(), a.text.trim()),
        };
        if sig.chars().count() <= 24 && OFFICE_END.iter().any(|e| sig.ends_with(e)) && !sig.contains(['，', '。', '：']) {
            d.used.push(sig_at);
            // (The school it names counts even when a page's banner named the office.)
            match split_school(sig) {
                Some((school, Some(office))) => {
                    if d.office.is_none() {
                        d.office = Some(Found::new(office, sig_at));
                    }
                    if d.school.is_none() {
                        d.school = Some(Found::new(school, sig_at));
                    }
                }
                _ if d.office.is_none() => d.office = Some(Found::new(sig.to_string(), sig_at)),
                _ => {}
            }
            // The school on the line above the office (`重庆师范大学涉外商贸学院` / `成人教育办公室` /
            // the date).
            let above = i.checked_sub(1).map(|j| main[j].line);
            if let Some(s) = above.filter(|_| d.school.is_none()) {
                let t = s.text.trim();
                if let Some(school) = school_alone(t) {
                    d.school = Some(Found::new(school, s.origin()));
                    d.used.push(s.origin());
                }
            }
        }
        break;
    }
    // `湖南女子学院继续教育学院关于…的通知`, `南开大学2022届毕业研究生图像信息采集通知`: a title that
    // opens with who issues it.
    if let Some(t) = d.title.as_ref().filter(|_| d.school.is_none() || d.office.is_none()) {
        let head = match t.value.find("关于") {
            Some(i) => &t.value[..i],
            None => t.value.split(|c: char| c.is_ascii_digit()).next().unwrap_or(""),
        };
        // `河南师范大学——关于…`: the dash between who and what is no part of either; `转发沈阳师范
        // 大学关于…`: a college relaying its school's notice, the school named after 转发.
        let head = head.trim().trim_end_matches(['—', '-', '－', '―', ':', '：', '|', ' ']);
        let head = head.strip_prefix("转发").unwrap_or(head);
        if let Some((school, office)) = (!head.is_empty()).then(|| split_school(head)).flatten() {
            let at = t.at;
            if d.school.is_none() {
                d.school = Some(Found::new(school, at));
            }
            if let (None, Some(o)) = (&d.office, office) {
                d.office = Some(Found::new(o, at));
            }
        }
    }
    // `关于韶关学院高等学历继续教育…的通知`, `2024届湖北经济学院专升本毕业生…通知`: the school
    // named right after 关于 or the cohort.
    if let Some(t) = d.title.as_ref().filter(|_| d.school.is_none()) {
        if let Some(c) = SCHOOL_IN_TITLE.captures(&t.value) {
            let acts = ["开展", "做好", "组织", "进行", "举办", "安排", "公布", "印发"].iter().any(|k| c[1].contains(k));
            if let (Some(school), false) = (school_alone(&c[1]), acts) {
                d.school = Some(Found::new(school, t.at));
            }
        }
    }
    // `(学校名称:兰州大学,学校代码:10730)`: the school as 学信网 knows it.
    if d.school.is_none() {
        // (`输入的学校名称为:深圳大学学历类型为:…` too.)
        let named = re(r"学校名称\s*(?:[:：]|(?:为|是)\s*[:：]?)\s*([\p{Han}()（）]{2,24}?(?:大学|学院|学校))");
        // `录入学校名“哈尔滨工业大学(研究生)”`, `在搜索框中输入“西安航空学院”`: the name to type into the
        // capture app, without the kind of study after it.
        let typed = re(
            r"(?:输入|录入|搜索|填写)(?:的)?(?:学校名称?|校名|学校)?\s*(?:为|是)?\s*[:：]?\s*[“\x22]([\p{Han}]{2,16}?(?:大学|学院|学校))(?:[（(][^）)]{0,12}[）)])?[”\x22]",
        );
        d.school = lines.main().find_map(|p| {
            let c = named.captures(&p.line.text).or_else(|| typed.captures(&p.line.text))?;
            Some(Found::new(c[1].to_string(), p.line.at(c.get(1).map_or(0, |m| m.start()))))
        });
    }
    if d.school.is_none() {
        d.school = school_in_attachment_titles(lines);
    }
    // `通过关注“湖南科技大学财务处”微信公众号…缴费`: the school whose finance office takes the fee.
    if d.school.is_none() {
        static FINANCE_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
            re(r"关注\s*[“\x22]([\p{Han}]{2,16}?(?:大学|学院))(?:计划财务处|财务处|财务部|财务)[”\x22]\s*(?:微信)?(?:公众号|服务号)")
        });
        d.school = lines.main().find_map(|p| {
            let c = FINANCE_ACCOUNT.captures(&p.line.text)?;
            let school = school_alone(&c[1])?;
            Some(Found::new(school, p.line.at(c.get(1).map_or(0, |m| m.start()))))
        });
    }
    // `地点:湖南师范大学景德楼201教室`, `采集地点:广州大学(大学城校区)图书馆`: the school whose
    // building the room is in.
    if d.school.is_none() {
        static PLACE_IN_SCHOOL: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"地点\s*[:：]\s*(\p{Han}{2,12}?(?:大学|学院))(?:[（(]\p{Han}{2,8}校区[）)]|\p{Han}{1,8}?(?:校区|楼|馆|中心|教室|大厅|礼堂))",
            )
        });
        d.school = lines.main().find_map(|p| {
            let c = PLACE_IN_SCHOOL.captures(&p.line.text)?;
            let school = school_alone(&c[1])?;
            Some(Found::new(school, p.line.at(c.get(1).map_or(0, |m| m.start()))))
        });
    }
    // `新华社…工作人员定于…来南昌大学为双证研究生采集图像` (a university: `到所在学院为…` is none), `采集对象:黄山学院
    // 校本部、…函授站…`, `请登陆青岛科技大学教务处主页…查询`, `详见“山东青年政治学院2022届毕业生图像信息采集时间安排表”
    // (见附件1)`, `向工作人员说明为“北京大学研究生毕业电子图像采集”`: the school spoken of as where the photographers come, its
    // main campus, its office's site, the title of its attached schedule, or the capture to name to the photographer.
    if d.school.is_none() {
        static SCHOOL_SPOKEN_OF: LazyLock<Regex> = LazyLock::new(|| {
            re(concat!(
                r"(?:来|到)(?:到)?(\p{Han}{2,12}?大学)为[^。；，,]{0,12}?(?:采集|拍摄|拍照)",
                r"|(?:^|[^\p{Han}])(\p{Han}{2,12}?(?:大学|学院))校本部",
                r"|登[录陆](?:到)?(\p{Han}{2,12}?(?:大学|学院))\p{Han}{1,8}?(?:处|院|部)(?:主页|网站|官网)",
                r"|“(?:\d{4}\s*[届级年]?)?(\p{Han}{2,12}?(?:大学|学院))(?:\d{4}|毕业生|研究生|本科生)[^”]{0,40}”\s*[（(]\s*(?:详)?见附件",
                r"|(?:说明|告知|告诉|注明)(?:工作人员|摄影师|店员)?(?:为|是)?\s*“(\p{Han}{2,12}?大学)(?:研究生|本科生|本科|毕业生|成人教育|继续教育)[^”]{0,16}?(?:图像|照片|相片)(?:信息)?采集”",
            ))
        });
        d.school = lines.main().find_map(|p| {
            let t = &p.line.text;
            SCHOOL_SPOKEN_OF.captures_iter(t).find_map(|c| {
                let m = text::first_group(&c)?;
                let school = school_alone(m.as_str()).filter(|_| !cited(t, m.start()))?;
                Some(Found::new(school, p.line.at(m.start())))
            })
        });
    }
    // `校对起止时间为:即日(2019年12月10日。第15周星期二)起至…`: today, dated in brackets, is the notice's own day.
    if d.issued.is_none() {
        static TODAY_DATED: LazyLock<Regex> = LazyLock::new(|| re(r"即日\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"));
        d.issued = lines.main().find_map(|p| {
            let c = TODAY_DATED.captures(&p.line.text)?;
            let date = chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
            Some(Found::new(date, p.line.at(c.get(1).map_or(0, |m| m.start()))))
        });
    }
    // `转教务处《关于做好2025届预毕业生图像采集工作的通知》`: the office whose notice is passed on.
    if d.office.is_none() {
        d.office = d.title.as_ref().and_then(|t| {
            let c = re(r"^转(?:发)?(\p{Han}{2,10}?(?:处|部|中心|办公室|研究生院))\s*《").captures(&t.value)?;
            Some(Found::new(c[1].to_string(), t.at))
        });
    }
    // `教育在线分享华南师范大学继续教育学院发布的关于…的通知`: a page passing the notice on names the office of the
    // school that posted it.
    if let (None, Some(school)) = (&d.office, &d.school) {
        static POSTED_BY: LazyLock<Regex> = LazyLock::new(|| {
            re(r"(\p{Han}{2,30}?(?:大学|学院))(\p{Han}{2,10}?(?:处|院|部|中心|办公室))\s*(?:发布|印发|下发)的\s*(?:关于|《)")
        });
        d.office = lines.main().take(6).find_map(|p| {
            let c = POSTED_BY.captures(&p.line.text)?;
            let office = c.get(2)?;
            c[1].ends_with(school.value.as_str()).then(|| Found::new(office.as_str().to_string(), p.line.at(office.start())))
        });
    }
    // A signature without its date (`山东工商学院继续教育学院` under the last item, then the page's
    // links): the school already known, then its office, alone on a line of the body.
    if let (None, Some(school)) = (&d.office, &d.school) {
        let signed = lines.main().skip(3).filter_map(|p| {
            let (s, office) = split_school(p.line.text.trim())?;
            office.filter(|_| s == school.value).map(|o| Found::new(o, p.line.origin()))
        });
        d.office = signed.last();
    }
    // A site's title (`北京开放大学_教务处_新版`) or a page's header (`教务处2021/04/25 01:30`): the
    // office whose page it is.
    if d.office.is_none() {
        d.office = lines.paras.iter().take(6).find_map(|p| {
            let c = PAGE_OF_OFFICE.captures(p.line.text.trim())?;
            let m = c.get(1).or(c.get(2))?;
            Some(Found::new(m.as_str().to_string(), p.line.origin()))
        });
    }
    // A breadcrumb through the office's pages to its notices (`您现在的位置: 首页 >> 育人与教学处 >> 通知公告 >>
    // 正文`): the office whose notice it is.
    if d.office.is_none() {
        static NOTICES: &[&str] = &["通知公告", "通知通告", "公告通知", "通知", "公告"];
        d.office = lines.paras.iter().take(12).filter(|p| text::breadcrumb(&p.line.text)).find_map(|p| {
            let steps: Vec<&str> = p.line.text.split(['>', '»', '＞', '→']).map(str::trim).filter(|s| !s.is_empty()).collect();
            let i = steps.windows(2).position(|w| {
                let office = w[0].chars().count() <= 10 && w[0].chars().all(text::is_han) && OFFICE_END.iter().any(|e| w[0].ends_with(e));
                office && NOTICES.contains(&w[1])
            })?;
            Some(Found::new(steps[i].to_string(), p.line.origin()))
        });
    }
    // `教务处函〔2025〕19号`: the office whose document it is.
    if d.office.is_none() {
        d.office = d.doc_number.as_ref().and_then(|n| {
            let c = re(r"^(\p{Han}{2,10}?(?:处|院|部|办公室|中心|委员会))(?:函|字|发|文)?\s*[〔\[(（【]").captures(&n.value)?;
            Some(Found::new(c[1].to_string(), n.at))
        });
    }
    super::english::letterhead(lines, d);
}

/// A signed date written in characters, as official letters date themselves: `二〇〇七年一月八日`,
/// `二〇二三年十二月二十日`.
/// Whether a publisher's name is an office's, perhaps with its other name in brackets
/// (`教务处(教师发展中心)`).
fn named_office(who: &str) -> bool {
    let name = who.split(['(', '（']).next().unwrap_or(who);
    OFFICE_END.iter().any(|e| name.ends_with(e))
}

/// A signature's date written in characters: `二〇〇七年一月八日`.
fn hanzi_date(t: &str) -> Option<chrono::NaiveDate> {
    static HANZI_DATE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$")
    });
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).or_else(|| "○零".contains(c).then_some(0));
    // 十 = 10, 十二 = 12, 二十 = 20, 二十八 = 28.
    let number = |s: &str| -> Option<u32> {
        let c: Vec<char> = s.chars().collect();
        let n = match c[..] {
            [a] if a != '十' => digit(a)?,
            ['十'] => 10,
            ['十', b] => 10 + digit(b)?,
            [a, '十'] => 10 * digit(a)?,
            [a, '十', b] => 10 * digit(a)? + digit(b)?,
            _ => return None,
        };
        u32::try_from(n).ok()
    };
    let c = HANZI_DATE.captures(t)?;
    let year = c[1].chars().map(digit).try_fold(0usize, |y, d| Some(y * 10 + d?))?;
    chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, number(&c[2])?, number(&c[3])?)
}

/// A signed date written as digits alone (`20211125`): the one date they can be, or of several
/// the one the web page gives.
fn fused_signature(t: &str, page: Option<chrono::NaiveDate>) -> Option<chrono::NaiveDate> {
    static DIGITS: LazyLock<Regex> = LazyLock::new(|| re(r"^(20\d{2})(\d{2,4})$"));
    let c = DIGITS.captures(t)?;
    let year: i32 = c[1].parse().ok()?;
    let ways: Vec<chrono::NaiveDate> =
        text::month_days(year, &c[2]).into_iter().filter_map(|(m, d)| chrono::NaiveDate::from_ymd_opt(year, m, d)).collect();
    match ways[..] {
        [one] => Some(one),
        _ => page.filter(|p| ways.contains(p)),
    }
}

/// A school named only where its attachments are titled (`附件1.西安交通大学2021届毕业生图像采集
/// 安排表`, `《烟台黄金职业学院(特征码:C5UG16)“集中采集小助手”学生端操作手册》`): one name, the
/// same wherever it stands.
fn school_in_attachment_titles(lines: &Lines) -> Option<Found<String>> {
    // (`《浙江某某学院毕业生电子图像校对勘误汇总表》`: the students after it, when the name is a school's, not a
    // college's.)
    let name = re(
        r"(?:附件\s*\d*\s*[.、:：．]?\s*|《)(?:\d{4}\s*[届级年]?)?([\p{Han}]{2,12}?(?:大学|学院))(?:\d{4}|[（(“\x22]|(毕业生|研究生|本科生))",
    );
    let mut found: Option<Found<String>> = None;
    for p in &lines.paras {
        for c in name.captures_iter(&p.line.text) {
            let n = &c[1];
            let students_after = c.get(2).is_some();
            if n.chars().count() < 4
                || ["关于", "各", "二级", "我", "本", "全"].iter().any(|k| n.starts_with(k))
                || students_after && school_alone(n).is_none()
            {
                continue;
            }
            match &found {
                Some(f) if f.value != n => return None,
                Some(_) => {}
                None => {
                    let at = p.line.at(c.get(1).map_or(0, |m| m.start()));
                    found = Some(Found::new(n.to_string(), at).note("原文只在附件的标题里写了校名"));
                }
            }
        }
    }
    found
}

/// Whose notice a centre passes on: `接甘肃医学院继续教育学院通知`.
static RELAYED: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[，,。：:])\s*(?:大家好[，,])?接([\p{Han}]{4,24})通知"));

/// A site's banner (`欢迎访问合肥师范学院教务处~`) or copyright (`版权所有© 福州英华职业学院`,
/// `陕西师范大学远程教育学院 版权所有`): the name in group 1 or 2.
static SITE_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^\s*欢迎(?:访问|来到|光临)\s*(\p{Han}{4,30})\s*(?:网站|网)?\s*[~～!！。]*\s*$",
        r"|版权所有\s*(?:©|\(c\)|\(C\)|:|：)?\s*(?:(?:Copyright\s*)?©?\s*\d{4}(?:\s*[-—]\s*\d{4})?\s*)?(\p{Han}{4,30}(?:[（(]\p{Han}{2,4}[）)])?)",
    ))
});

/// A school's name opening a clause, its cohort right after: `,山东大学2019届毕业研究生…`.
/// (Or before its graduates of a kind of study whose capture it is: `其中,武汉工程大学成人高考毕业生图像采集安排及流程如下`.)
static SCHOOL_BEFORE_COHORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[，,。：:；])\s*(\p{Han}{2,12}?(?:大学|学院))\s*(?:20\d{2}\s*[届级]|(?:成人高考|成人高等教育|成人教育|成教|高等学历继续教育|继续教育|网络教育|函授|自考)\s*毕业生\s*(?:电子)?(?:图像|照片|相片)(?:信息)?采集)",
    )
});

/// A salutation opening with the school's name: `榆林能源科技职业学院 2023 年毕业生:`.
static GREETED_SCHOOL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\p{Han}{2,18}(?:大学|学院))\s*\d{4}\s*[年届级]\s*[^:：。，,]{0,12}(?:毕业生|学生|研究生|学员)\s*[:：]$"));

/// A line that is a school's name and nothing else (`重庆师范大学涉外商贸学院`), not a college of
/// one (`继续教育学院`, `研究生院`) nor a greeting (`各学院`).
fn school_alone(t: &str) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Han}{2,18}(?:大学|学院|学校)$"));
    let n = t.chars().count();
    let unit = (n <= 8 && ["教育学院", "研究生院", "技术学院"].iter().any(|k| t.ends_with(k)))
        || ["各", "我", "本", "全", "关于", "二级"].iter().any(|k| t.starts_with(k));
    (NAME.is_match(t) && n >= 4 && !unit && !a_college(t)).then(|| t.to_string())
}

/// A college named by its field alone (`信息学院`, `经济管理学院`), which no school is.
fn a_college(name: &str) -> bool {
    const FIELDS: &[&str] = &[
        "信息",
        "信息工程",
        "信息科学与工程",
        "计算机",
        "软件",
        "电子",
        "电子信息",
        "通信",
        "管理",
        "经济",
        "经济管理",
        "经管",
        "商",
        "工商管理",
        "公共管理",
        "外国语",
        "外语",
        "文",
        "理",
        "法",
        "医",
        "药",
        "艺术",
        "音乐",
        "美术",
        "体育",
        "教育",
        "机械",
        "机械工程",
        "电气",
        "电气工程",
        "化工",
        "化学",
        "物理",
        "数学",
        "数学与统计",
        "生命科学",
        "材料",
        "土木",
        "土木工程",
        "建筑",
        "环境",
        "能源",
        "农",
        "林",
        "马克思主义",
        "新闻",
        "新闻传播",
        "传媒",
        "国际",
        "国际教育",
        "人文",
        "社会",
        "历史",
        "哲学",
        "政治",
        "化学化工",
        "资源",
        "地理",
        "护理",
        "公共卫生",
        "基础医学",
        "临床医学",
    ];
    // (Or two fields joined: `机电与汽车工程学院`, `数学与信息科学学院`; no school is named so.)
    name.strip_suffix("学院").is_some_and(|field| FIELDS.contains(&field) || field.contains('与'))
}

/// A place in brackets right after a school's name: `(北京)`, `（威海）`.
static CAMPUS: LazyLock<Regex> = LazyLock::new(|| re(r"^[（(]\p{Han}{2,4}[）)]"));

/// A clause leaving the others out: `,非本次毕业学生不需要图像信息采集`, `,其他年级的研究生不参加`.
static OTHERS_LEFT_OUT: LazyLock<Regex> = LazyLock::new(|| re(r"[，,]\s*(?:非|其他|其余)[^，,。]*?(?:不需要|无需|不参加|不用|不在)"));

/// Where an audience's sentence turns to asking something of them: `，请务必…`, `否则`.
static ASKS: LazyLock<Regex> = LazyLock::new(|| re(r"[，,]\s*(?:请务必|请|务必|否则)|请务必|否则"));

/// An item's number run into a four-digit year before 级 or 届: `12014级`, at the start or after `；`.
static FUSED_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"(^|[；;])[1-9]((?:19|20)\d{2}\s*[级届])"));

/// Who comes, up to a sentence of its own with an errand for some of them (`2019届…研究生(…)。往届…
/// 的延期毕业生…,如想参加此次集中拍摄的,请于…到…登记`) or what they bring (`…研究生。届时持本人身份
/// 证件…按规定时间到指定地点拍摄`).
fn before_errand(t: &str) -> &str {
    let errand = |n: &str| n.contains('请') || ["届时", "持本人", "携带"].iter().any(|k| n.trim_start().starts_with(k));
    match t.match_indices('。').map(|(i, _)| i).find(|&i| t[i..].split('。').nth(1).is_some_and(errand)) {
        Some(i) if t[..i].chars().count() >= 6 => &t[..i],
        _ => t,
    }
}

/// `湖南科技大学本科生院` → (湖南科技大学, 本科生院); `湖南科技大学` → (湖南科技大学, None).
fn split_school(t: &str) -> Option<(String, Option<String>)> {
    // A title's opening (`关于印发《重庆广播电视大学`) names no letterhead.
    if t.starts_with("关于") || t.contains(['《', '》']) {
        return None;
    }
    let end = ["大学", "学院", "学校"].iter().filter_map(|k| t.find(k).map(|i| i + k.len())).min()?;
    // `中国石油大学(北京)`, `山东大学（威海）`: the campus in brackets is part of the school's name.
    let end = CAMPUS.find(&t[end..]).map_or(end, |m| end + m.end());
    // A school's name is at least four characters: 大学 alone is not one; nor is a college named
    // by its field alone (`信息学院教务办`).
    if t[..end].chars().count() < 4 || a_college(&t[..end]) {
        return None;
    }
    // A name is written in characters: `2.地点:湖南师范大学景德楼201教室` is a line of the notice,
    // no letterhead.
    if !t[..end].chars().all(|c| text::is_han(c) || "()（）".contains(c)) || t[end..].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = t[end..].trim();
    // `汉江师范学院成教2025届…`: which of its students, no office's name.
    if ["成教", "继教", "成人教育", "继续教育", "网络教育", "函授"].contains(&rest) {
        return Some((t[..end].to_string(), None));
    }
    let office = (!rest.is_empty()).then(|| rest.to_string());
    if office.as_ref().is_some_and(|o| !OFFICE_END.iter().any(|e| o.ends_with(e))) {
        return None;
    }
    Some((t[..end].to_string(), office))
}

pub fn cohort_and_audience(lines: &Lines, d: &mut Draft) {
    // The audience: the section headed 对象/范围/参加人员, or the text after its label.
    let paras: Vec<_> = lines.main().collect();
    // A study centre relaying its school's notice: `接甘肃医学院继续教育学院通知`.
    if d.school.is_none() {
        d.school = paras.iter().take(6).find_map(|p| {
            let c = RELAYED.captures(&p.line.text)?;
            let (school, office) = split_school(&c[1])?;
            if d.office.is_none() {
                d.office = office.map(|o| Found::new(o, p.line.origin()));
            }
            Some(Found::new(school, p.line.origin()))
        });
    }
    // A salutation that names the school before its students: `榆林能源科技职业学院 2023 年毕业生:`.
    if d.school.is_none() {
        d.school = paras.iter().take(12).find_map(|p| {
            let c = GREETED_SCHOOL.captures(p.line.text.trim())?;
            school_alone(&c[1]).map(|s| Found::new(s, p.line.origin()))
        });
    }
    // The opening sentence naming the school before its cohort: `根据…安排,山东大学2019届毕业研究生
    // 学历证书图像采集工作于2018年10月24、25日开始`.
    if d.school.is_none() {
        d.school = paras.iter().take(4).find_map(|p| {
            let t = &p.line.text;
            SCHOOL_BEFORE_COHORT
                .captures_iter(t)
                .filter(|c| c.get(1).is_some_and(|m| !text::cited(t, m.start())))
                // (Only a university's name: `经管学院2019届` is a college's; and not a clause that
                // opens with what is done, `为做好夜大学2024届…`.)
                .filter(|c| {
                    c[1].ends_with("大学")
                        && !c[1]
                            .starts_with(['为', '对', '做', '将', '现', '特', '请', '按', '经', '由', '在', '于', '从', '把', '向', '夜'])
                })
                .find_map(|c| school_alone(&c[1]).map(|s| Found::new(s, p.line.origin())))
        });
    }
    // A site's banner or footer (`欢迎访问吉林大学新能源与环境学院`, `陕西师范大学远程教育学院 [ 陕ICP备…]
    // 版权所有`): the school, not who issued the notice.
    if d.school.is_none() {
        d.school = lines.paras.iter().find_map(|p| {
            let c = SITE_OF.captures(p.line.text.trim())?;
            let name = c.get(1).or(c.get(2))?.as_str();
            // (A banner the next line ran into, `欢迎访问吉林大学新能源与环境学院` / `研究生教育`: the university
            // it opens with.)
            let university = || school_alone(&name[..name.find("大学")? + "大学".len()]);
            split_school(name).map(|(school, _)| school).or_else(university).map(|school| Found::new(school, p.line.origin()))
        });
    }
    for (i, p) in paras.iter().enumerate() {
        let t = strip_marker(&p.line.text);
        // `图像采集对象预计于2025年毕业的…学生`: a heading run into its text, without a colon.
        if let Some(c) = RUN_ON_AUDIENCE.captures(t).filter(|_| d.audience.is_none()) {
            if let Some(m) = c.get(1).filter(|m| names_students(m.as_str())) {
                d.audience = Some(Found::new(clean(m.as_str()), p.line.at(m.start())));
                break;
            }
        }
        let head = t.split(['：', ':']).next().unwrap_or(t);
        // `采集码查询范围:…`: whose code can be looked up, not who comes.
        if !(head.contains("对象") || head.contains("范围") || head.contains("参加人员") || head.contains("适用人员"))
            || head.chars().count() > 20
            || head.contains("查询")
        {
            continue;
        }
        // `一、拍摄时间、地点、范围:`: a section of several things, where only the lines naming
        // students say who comes.
        let mixed = head.contains("时间") || head.contains("地点");
        let names_people =
            |t: &str| ["生", "学员", "届", "级"].iter().any(|k| t.contains(k)) && dates(t).is_empty() && ranges(t).is_empty();
        if let Some(rest) = after_label(t, &["对象", "范围", "参加人员", "适用人员"]).filter(|r| !r.is_empty()) {
            let rest = if mixed { rest.split('。').next().unwrap_or(rest) } else { before_errand(rest) };
            if !mixed || names_people(rest) {
                d.audience = Some(Found::new(clean(rest), p.line.origin()));
                break;
            }
        }
        let lv = level(&p.line.text);
        let mut parts: Vec<String> = Vec::new();
        for q in paras.iter().skip(i + 1).take(4) {
            let ql = level(&q.line.text);
            if matches!((ql, lv), (Some(a), Some(b)) if a <= b) || (ql.is_some() && lv.is_none()) {
                break;
            }
            // Who, not what they must do: `…研究生请务必参加图像采集，否则…` keeps its first part;
            // `往年已经参加过…不需要重复采集` and `不得请假…` name no one to come.
            let t = strip_marker(&q.line.text);
            let t = after_label(t, &["主要包括", "包括", "对象", "范围"]).unwrap_or(t);
            // `11月9日:2024级新生(…)。` under `一、图像采集时间和对象:`: the day, then who comes on it.
            // (Whoever comes on a day of the capture comes, whether or not to make up a photo: `11月9日下午:2025届预计毕业生
            // 需补采人员`.)
            let (t, on_a_day) = match t.split_once(['：', ':']) {
                Some((when, who)) if mixed && when.chars().count() <= 16 && !(dates(when).is_empty() && ranges(when).is_empty()) => {
                    (who, true)
                }
                _ => (t, false),
            };
            // `奥鹏自2019年开始将不再组织学生补采集的工作安排…`: the makeup, no one more to come;
            // the audience ends at the first sentence about it (not one excluded in brackets:
            // `(…切勿参加本次补采集)`).
            let unbracketed = |t: &str| BRACKETED.replace_all(t, "").into_owned();
            let cut = t
                .match_indices('。')
                .map(|(i, _)| i)
                .chain([t.len()])
                .scan(0, |from, end| {
                    let piece = (*from, end);
                    *from = (end + '。'.len_utf8()).min(t.len());
                    Some(piece)
                })
                // (`…拟于2018年12月毕业的研究生,请自行联系新华社山东分社进行图像采集`: some sent
                // elsewhere, not more who come.)
                .find(|&(a, b)| {
                    !on_a_day && super::MAKEUP.iter().chain(&["自行联系", "自行前往"]).any(|k| unbracketed(&t[a..b]).contains(k))
                })
                .map(|(a, _)| a);
            let t = match cut {
                Some(0) => break,
                Some(a) => t[..a].trim_end_matches('。'),
                None => t,
            };
            if ["不得", "不需要", "无需", "后果", "责任"].iter().any(|k| t.contains(k)) && !t.contains("生") {
                continue;
            }
            // `已经参加过图像信息采集的预计毕业生,请勿重新拍照`: who need not come; `异地及确实无法参加的应…
            // 提交和上传图像`: who cannot, and what they do instead.
            // (A line run on into it: `…预计毕业的学历教育研究生已经参加过图像信息采集的预计毕业生,请勿…`.)
            // (Not inside what it leaves out: `不含往届延期已参加过信息采集的学生`.)
            let excluding = |before: &str| {
                let clause = &before[text::clause_start(before, before.len(), &['。', '，', ',', '；', ';'])..];
                ["不含", "不包括", "除"].iter().any(|k| clause.contains(k))
            };
            let t = match ["已经参加", "已参加", "已经采集", "已采集"].iter().filter_map(|k| t.find(k)).min() {
                // (Only after a whole audience or sentence: `往年已参加…但未按时毕业的学生,…须重新拍照` is
                // more who come.)
                Some(i) if i > 0 && !excluding(&t[..i]) && t[..i].trim_end().ends_with(['生', '员', '人', '。', '；', ';']) => &t[..i],
                _ => t,
            };
            if unbracketed(t).contains("请勿") || t.trim_start().starts_with('已') || ["无法参加", "不能参加"].iter().any(|k| t.contains(k))
            {
                continue;
            }
            // `2018级…学生。已完成采集的不需要再次采集`: who comes is the first sentence.
            let t = match t.split_once('。') {
                Some((first, rest)) if !rest.trim().is_empty() && ["不需要", "无需", "不必", "不用"].iter().any(|k| rest.contains(k)) => {
                    first
                }
                _ => t,
            };
            let t = before_errand(t);
            // (Not inside brackets: `全体2023届毕业生(高职扩招…工作已完成,请勿参加本次采集)` keeps its
            // remark whole, which says who is not to come.)
            let who =
                ASKS.find_iter(t).find(|m| !text::in_brackets(t, m.start())).filter(|m| m.start() >= 12).map_or(t, |m| &t[..m.start()]);
            // `预计于2025年1月及6月毕业的学生,即…,非本次毕业学生不需要图像信息采集`: the others, left out after
            // who comes.
            let who = OTHERS_LEFT_OUT
                .find(who)
                .filter(|m| m.start() >= 12 && !text::in_brackets(who, m.start()))
                .map_or(who, |m| &who[..m.start()]);
            if ["不得", "不需要", "无需"].iter().any(|k| who.contains(k)) || mixed && !names_people(who) {
                continue;
            }
            // The next item of the section has begun (`2.图像采集时间:329日`, `校区`, `采集办法`):
            // who comes was said above it.
            let who = who.trim_start_matches(['、', '.', '．', '；', ';', ' ']);

            // `3、未采集名单见附件1`: where the list is, no one more.
            if who.is_empty() || who.contains("名单") && who.contains("见附件") && !names_people(&who.replace("名单", "")) {
                continue;
            }
            // (`毕业班级`, `学院`: a table's column header under the list, no one more.)
            let header = ["毕业班级", "班级", "学院", "专业", "年级", "人数", "院系"].contains(&who.trim());
            let next_item = header || NEXT_ITEM.is_match(who) || who.chars().count() <= 6 && !names_people(who);
            if next_item {
                break;
            }
            // An English line of a bilingual notice (`International students who plan to…`) says the
            // same again, in words the audience is not written in.
            if !who.chars().any(text::is_han) {
                continue;
            }
            // `(一)2023年参加采集人员:`: a label over the lines that name them, no one itself.
            if who.ends_with([':', '：']) && who.chars().count() <= 20 {
                continue;
            }
            // `(2)博士生` / `2020级(不含直博生)`: a kind of student, then which of them, on the next line.
            if let Some(last) =
                parts.last_mut().filter(|l| l.chars().count() <= 5 && l.ends_with('生') && !l.chars().any(|c| c.is_ascii_digit()))
            {
                if who.starts_with(|c: char| c.is_ascii_digit()) {
                    last.push(':');
                    last.push_str(&clean(who));
                    continue;
                }
            }
            parts.push(clean(who));
        }
        if let (Some(first), false) = (paras.get(i + 1), parts.is_empty()) {
            d.audience = Some(Found::new(parts.join("；"), first.line.origin()));
        }
        break;
    }
    // Or the salutation, when it names the students (`2021届全体本科生：`, `各相关学院、2024年拟毕业
    // 研究生(包括留学生):`): the students it greets, not the colleges.
    if d.audience.is_none() {
        let students = |t: &str| -> Option<String> {
            let t = t.trim().strip_suffix(['：', ':'])?;
            // A greeting names people; a sentence (`…工作定于6月18日进行。具体安排如下:`) does not.
            if t.chars().count() > 40 || t.contains('。') || ["采集", "工作", "如下", "通知", "安排"].iter().any(|k| t.contains(k))
            {
                return None;
            }
            // `各学院及2020届全体毕业生`: the offices greeted first, then the students.
            static OFFICES_FIRST: LazyLock<Regex> = LazyLock::new(|| re(r"^各\p{Han}{1,8}?[及和]\s*(\d)"));
            let t = OFFICES_FIRST.replace(t, "$1");
            let who: Vec<&str> = t
                .split(['、', '，', ','])
                // `各2019级本科毕业学生班`: each of the classes of a cohort, which are whom it greets.
                // (`各位2021级成教学员`: each of them, by their intake.)
                .map(|x| {
                    let year = |r: &&str| r.chars().take(4).filter(char::is_ascii_digit).count() == 4;
                    x.strip_prefix("各位")
                        .filter(year)
                        .or_else(|| x.strip_prefix('各').filter(|r| r.starts_with(|c: char| c.is_ascii_digit())))
                        .unwrap_or(x)
                })
                // (`各位毕业生`: the graduates, each greeted; not `各学院`.)
                .filter(|x| {
                    (x.contains('生') || x.ends_with("学员"))
                        && (!x.starts_with('各') || x.starts_with("各位") && x.ends_with("毕业生"))
                        && (['届', '年', '级'].iter().any(|k| x.contains(*k)) || x.contains("毕业"))
                })
                .collect();
            (!who.is_empty()).then(|| clean(&who.join("、")))
        };
        if let Some((p, who)) = paras.iter().take(6).find_map(|p| students(&p.line.text).map(|w| (p, w))) {
            d.audience = Some(Found::new(who, p.line.origin()));
        }
    }
    // A topic's heading (`一、2022届毕业研究生身份证信息核对要求:`) names what is asked of them,
    // not who they are: the sentences below may say who.
    if d.audience.as_ref().is_some_and(|a| topic_heading(&a.value)) {
        d.audience = None;
    }
    // Or a sentence that says who must come (`全体2025届预计毕业生必须参加此次图像采集`,
    // `需要参加信息采集的学生有:2021级…毕业生; 2019级…毕业生`), or whose capture it is
    // (`2020届预计毕业生图像信息采集时间定于…`, `对我校2021年预毕业全日制本科学生图片采集工作`).
    if d.audience.is_none() {
        d.audience = paras.iter().find_map(|p| {
            let t = &p.line.text;
            let c = AUDIENCE_IS
                .captures(t)
                .or_else(|| MUST_COME.captures(t))
                .or_else(|| LISTED_COME.captures(t))
                .or_else(|| AIMED_AT.captures(t))
                .or_else(|| NOTIFIED.captures(t))
                .or_else(|| {
                    // (Only whoever must be captured or upload by then: `…务必于…前;` or `…务必于…关注
                    // 财务处公众号` is another errand.)
                    MUST_BY.captures(t).filter(|c| {
                        let rest = c.get(0).map_or("", |m| &t[m.end()..]);
                        let rest = rest.split(['。', '；', ';']).next().unwrap_or(rest).replace("采集费", "");
                        ["上传", "采集", "拍摄", "拍照", "照相"].iter().any(|k| rest.contains(k))
                    })
                })?;
            let m = c.get(1).or(c.get(2)).filter(|m| !cited(t, m.start()))?;
            let who = clean(m.as_str().trim_end_matches(['。', '；', ';']));
            // `(一)2.5年制的学生必须在入学第二年完成采集`: an item of a list of rules, some of the
            // students, not who the notice is for.
            if SUB_ITEM.is_match(&who) {
                return None;
            }
            names_students(&who).then(|| Found::new(who.replace("; ", "；").replace(';', "；"), p.line.at(m.start())))
        });
    }
    // Or whoever will graduate by then, asked to come (`预计于2020年1月…毕业/结业的研究生在校生(双证),务必参加…`),
    // told of it (`通知预计于…毕业的应届学历教育研究生(…)携带…`), told to come as scheduled (`2020级全体研究生
    // 及…(含…)按规定时间参加拍摄`), or done by a day (`2025年夏季毕业生于4月1日前完成采集工作`).
    if d.audience.is_none() {
        d.audience = paras.iter().find_map(|p| {
            let t = &p.line.text;
            let c = GRADUATING_ASKED
                .captures(strip_marker(t))
                .or_else(|| NOTIFIED_GRADUATING.captures(t))
                .or_else(|| COME_AS_SCHEDULED.captures(t))
                .or_else(|| DONE_BY.captures(strip_marker(t)))
                .or_else(|| ANYONE_WHO.captures(strip_marker(t)))?;
            let m = c.get(1)?;
            let at = p.line.text.find(m.as_str()).unwrap_or(0);
            if cited(t, at) {
                return None;
            }
            let who = clean(m.as_str());
            names_students(&BRACKETED.replace_all(&who, "")).then(|| Found::new(who, p.line.at(at)))
        });
    }
    // (Nor a topic the sentences found: whose capture it is, then.)
    if d.audience.as_ref().is_some_and(|a| topic_heading(&a.value)) {
        d.audience = None;
    }
    if d.audience.is_none() {
        d.audience = paras.iter().take(12).find_map(|p| {
            let t = &p.line.text;
            let c = WHOSE_CAPTURE.captures(t).or_else(|| CAPTURED_WHOM.captures(t))?;
            let m = text::first_group(&c).filter(|m| !cited(t, m.start()))?;
            names_students(m.as_str()).then(|| Found::new(clean(m.as_str()), p.line.at(m.start())))
        });
    }
    // Or whose photos are checked, said in the notice (`2012届(2008级)本科毕业生…图像信息网上校对现已开始`) rather
    // than in its title, which may say it shorter; else in its title.
    if d.audience.is_none() {
        let title_at = d.title.as_ref().map(|t| t.at);
        let (title, body): (Vec<&&_>, Vec<&&_>) = paras.iter().take(12).partition(|p| Some(p.line.origin()) == title_at);
        d.audience = body.iter().chain(&title).find_map(|p| {
            let t = &p.line.text;
            let c = CHECKED.captures(t)?;
            let m = c.get(1).or(c.get(2)).filter(|m| !cited(t, m.start()))?;
            names_students(m.as_str()).then(|| Found::new(clean(m.as_str()), p.line.at(m.start())))
        });
    }
    // Or the school's own students, no year said (`为做好我校本科毕业生学历电子注册图像采集工作`); a cohort then
    // what they do (`关于组织2018级学生采集毕业照片的通知`); some of a cohort (`对去年因故未能参加…的2025届预计毕业生
    // 统一进行补拍`).
    if d.audience.is_none() {
        d.audience = paras.iter().take(12).find_map(|p| {
            let t = &p.line.text;
            let c = OUR_STUDENTS
                .captures(t)
                .or_else(|| WHO_THEN_CAPTURE.captures(t))
                .or_else(|| SOME_CAPTURED.captures(t))
                .or_else(|| INTAKE_CAPTURED.captures(t))?;
            let m = text::first_group(&c).filter(|m| !cited(t, m.start()))?;
            names_students(m.as_str()).then(|| Found::new(clean(m.as_str()), p.line.at(m.start())))
        });
    }
    // Or whoever is asked to bring something to it (`请今年夏季毕业生携带护照…去…拍摄证件照`), said to need their photos
    // taken (`甘肃医学院2023级全体学生现在需要采集毕业照片`), or told when to check them (`请通知你所已参加…采集的全部2010届
    // 毕业生,于…核对本人电子照片`).
    if d.audience.is_none() {
        d.audience = paras.iter().find_map(|p| {
            let t = strip_marker(&p.line.text);
            let c = ASKED_TO_BRING
                .captures(t)
                // (Only students of a year or a term: `请毕业生携带…`, `请全体学生携带…` say no more than the notice's title.)
                .filter(|c| {
                    let who = &c[1];
                    !who.contains('补')
                        && (who.contains(|c: char| c.is_ascii_digit())
                            || ["届", "级", "今年", "应届", "季"].iter().any(|k| who.contains(k)))
                })
                .or_else(|| NEED_CAPTURING.captures(t))
                .or_else(|| NOTIFIED_BY_WHEN.captures(t))
                .or_else(|| WHOSE_REGISTRATION.captures(t))?;
            let m = c.get(1).filter(|m| !cited(t, m.start()))?;
            // (Whoever did something, said before them: `已参加…采集的全部2010届毕业生`: those after it are the students.)
            let who = m.as_str();
            let named = who.rfind('的').map_or(who, |i| &who[i + '的'.len_utf8()..]);
            names_students(named).then(|| Found::new(clean(who), p.line.at(p.line.text.len() - t.len() + m.start())))
        });
    }
    // A pointer to the list (`，具体名单见附件1`, `(见附件1)`) is not part of it either.
    if let Some(a) = d.audience.as_mut() {
        // (`学生名单见附件1`: whose list, too.)
        a.value = re(r"[，,]?\s*(?:具体)?(?:\p{Han}{0,4}?名单)?(?:详)?见附件\s*\d*|[（(]\s*(?:具体名单)?(?:详)?见附件\s*\d*\s*[）)]")
            .replace_all(&a.value, "")
            .trim()
            .to_string();
        // `参加人员:2022届预毕业生…`: the label before who they are.
        // (`拍摄对象及次序:`: a label naming more than who, or what of it is left, `及次序:`.)
        a.value =
            re(r"^(?:(?:参加|参拍|采集|拍摄|拍照)?(?:人员|对象|范围))?(?:及\p{Han}{1,4})?\s*[:：]\s*").replace(&a.value, "").into_owned();
        // (`…尚未采集的学生(名单详见附件1)`: the brackets the pointer leaves empty.)
        a.value = re(r"[（(]\s*[)）]").replace_all(&a.value, "").trim().to_string();
    }
    // `一、2022届本科毕业生包括:`: the heading of a list, the list's word is no part of who.
    if let Some(a) = d.audience.as_mut() {
        let v = a.value.trim_end_matches(['：', ':']);
        if let Some(bare) = v.strip_suffix("包括").or_else(|| v.strip_suffix("如下")).map(str::trim_end).filter(|b| !b.is_empty()) {
            a.value = bare.to_string();
        }
    }
    // An instruction after the audience is not part of it (`…研究生，请按规定时间到指定地点拍摄`).
    if let Some(a) = d.audience.as_mut() {
        // (Not a remark in brackets: `(…工作已完成,请勿参加本次采集)` says who is not to come.)
        let v = &a.value;
        if let Some(i) =
            v.find(['，', ',']).filter(|&i| v[i..].trim_start_matches(['，', ',']).starts_with('请') && !text::in_brackets(v, i))
        {
            a.value.truncate(i);
        }
        // A stub of the next sentence after the last full stop (`…未采集图像的学生。学生`, what is left
        // of `学生名单见附件1`) is no part of it.
        if let Some(i) = a.value.rfind('。').filter(|&i| a.value[i + '。'.len_utf8()..].chars().count() <= 3) {
            a.value.truncate(i);
        }
        // `12014级博士研究生`: a list's number run into the intake year (`1、2014级`), each item's own.
        a.value = FUSED_NUMBER.replace_all(&a.value, "$1$2").into_owned();
    }
    // The cohort: 届 in the title, else in the audience, else in the first paragraphs. The
    // intake year (2021级) is not a cohort.
    // (The title's own 《…》 is the plan it issues: `关于印发《…2021届…实施方案》的通知`.)
    let from_title = d.title.as_ref().map(|t| (t.value.clone(), t.at, true));
    let from_audience = d.audience.as_ref().map(|t| (t.value.clone(), t.at, false));
    let early = paras.iter().take(8).map(|p| (p.line.text.clone(), p.line.origin(), false));
    for (text, at, titled) in from_title.into_iter().chain(from_audience).chain(early) {
        // `自2023届毕业生开始，学信网启用…采集码`: since when a rule holds, not who comes.
        let mut years: Vec<i32> = COHORT
            .captures_iter(&text)
            .filter(|c| {
                c.get(0).is_some_and(|m| !text[..m.start()].trim_end().ends_with(['自', '从']) && (titled || !cited(&text, m.start())))
            })
            .filter_map(|c| c[1].parse().ok())
            .collect();
        years.dedup();
        if !years.is_empty() {
            let mut seen = Vec::new();
            for y in years {
                if !seen.contains(&y) {
                    seen.push(y);
                    d.cohorts.push(Found::new(y, at));
                }
            }
            break;
        }
    }
    if d.cohorts.is_empty() {
        for p in paras.iter().take(12) {
            let t = &p.line.text;
            // Each year a match says they graduate in (from its year to its end), and whether a year
            // written there could not be read (`预计20227月、20231毕(结)业`: both its 年 and 月 lost).
            let said = |c: &regex::Captures| {
                static FOUR_DIGITS: LazyLock<Regex> = LazyLock::new(|| re(r"(?:19|20)\d{2}"));
                let all = c.get(0).map_or(0..0, |m| m.range());
                let span = text::first_group(c).map_or("", |m| &t[m.start()..all.end]);
                let read: Vec<i32> = YEAR.captures_iter(span).filter_map(|y| y[1].parse::<i32>().ok()).collect();
                let lost = FOUR_DIGITS.find_iter(span).count() > read.len();
                (all, read, lost)
            };
            if let Some(c) = GRADUATES_IN.captures(t) {
                // `2018年12月及2019年6月毕业`, `预计2009年至2010年毕业`: each year they graduate in, the
                // years listed before the last one too.
                let (all, read, lost) = said(&c);
                let mut years: Vec<i32> = Vec::new();
                let mut before = &t[..all.start];
                while let Some(b) = YEAR_LISTED_BEFORE.captures(before) {
                    years.insert(0, b[1].parse().unwrap_or(0));
                    before = &before[..b.get(0).map_or(0, |m| m.start())];
                }
                // (A year among them none can read: then none of them.)
                if lost {
                    continue;
                }
                years.extend(read);
                // `2023年预计毕业研究生和202212月拟毕业研究生`: another year they graduate in, joined to it.
                let mut end = all.end;
                while let Some(next) =
                    GRADUATES_IN.captures_at(t, end).filter(|n| n.get(0).is_some_and(|m| AND_ANOTHER.is_match(&t[end..m.start()])))
                {
                    let (all, read, _) = said(&next);
                    years.extend(read);
                    end = all.end;
                }
                for y in years {
                    if y > 0 && !d.cohorts.iter().any(|c| c.value == y) {
                        d.cohorts.push(Found::new(y, p.line.origin()).note("原文写「…年毕业」，没有写「届」"));
                    }
                }
                break;
            }
        }
    }
    super::english::cohort_and_audience(lines, d);
}
