//! `tuxiang schema`: a JSON Schema (draft 2020-12) of the front matter, for editors.
//!
//! The properties come from the parser's own key lists (`notice::parse`), so the schema cannot
//! drift from what `check` accepts: a key without a description here fails the unit tests.

use super::OK;
use anyhow::Result;
use serde_json::{json, Map, Value};
use tuxiang::notice::model::DelayUnit;
use tuxiang::notice::parse::{CAPTURE, CODE, CONTACT, DAY, FEE, GROUP, MAKEUP, ONLINE, OTHER_FEE, PROOF, ROOM, SLOT, TOP};

/// Where the schema is published and what `init` writes into a new site.
pub const SCHEMA_FILE: &str = "notice.schema.json";

const DATE: &str = r"^\d{4}-\d{2}-\d{2}$";
const DATE_TIME: &str = r"^\d{4}-\d{2}-\d{2}([ T]([01]?\d|2[0-4])[:：][0-5]\d)?$";
const TIME: &str = r"^([01]?\d|2[0-4])[:：][0-5]\d$";
const SESSION: &str = r"^\s*([01]?\d|2[0-4])[:：][0-5]\d\s*[-–—－~～至]\s*([01]?\d|2[0-4])[:：][0-5]\d\s*$";
const ROOM_ID: &str = r"^[A-Za-z0-9_-]+$";

pub fn run() -> Result<u8> {
    print!("{}", schema_text());
    Ok(OK)
}

/// The schema, pretty-printed, ending with a newline.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The front matter schema.
pub fn schema() -> Value {
    let mut root = object("", TOP, &["title", "school", "cohort", "audience"]);
    let top = root.as_object_mut().expect("object() builds an object");
    // `capture`, unless the notice captures online only.
    top.insert("anyOf".into(), json!([{ "required": ["capture"] }, { "required": ["online"] }]));
    top.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    top.insert("title".into(), json!("tuxiang 通知前置信息"));
    top.insert(
        "description".into(),
        json!("毕业生图像信息采集通知的前置信息（两行 --- 之间的 YAML）。字段说明见 tuxiang 的通知格式文档；未知字段会报错，自定义内容请放在 extra: 下。"),
    );
    top.insert(
        "$defs".into(),
        json!({
            "date": { "type": "string", "pattern": DATE, "description": "日期，写成 YYYY-MM-DD，例如 2025-04-12" },
            "time": { "type": "string", "pattern": TIME, "description": "时刻，写成 \"HH:MM\"（加引号），例如 \"14:30\"" },
            "session": { "type": "string", "pattern": SESSION, "description": "时段，写成 \"HH:MM-HH:MM\"（加引号），例如 \"08:00-11:30\"" },
            "text": { "type": ["string", "number"], "minLength": 1, "description": "文字" },
            "extra": { "description": "自定义内容：tuxiang 不检查，主题模板可以使用" },
            "fee": object("fee", FEE, &["amount", "payer"]),
            "day": object("day", DAY, &["date"]),
            "room": object("room", ROOM, &["id"]),
            "group": object("group", GROUP, &["college"]),
            "slot": object("slot", SLOT, &["date", "start", "end", "room"]),
            "makeup": object("makeup", MAKEUP, &[]),
            "contact": object("contact", CONTACT, &["name"]),
            "other_fee": object("other_fee", OTHER_FEE, &["for", "amount"]),
            "online": object("online", ONLINE, &["platform"]),
        }),
    );
    // A method is required unless the school pays; a deadline only where the notice gives one
    // (never required: `check` asks for it when the body names one).
    if let Some(fee) = top.get_mut("$defs").and_then(|d| d.get_mut("fee")).and_then(Value::as_object_mut) {
        fee.insert("if".into(), json!({ "required": ["payer"], "properties": { "payer": { "not": { "const": "school" } } } }));
        fee.insert("then".into(), json!({ "required": ["method"] }));
    }
    root
}

/// An object with the parser's keys (plus `extra`), no others.
fn object(scope: &str, keys: &[&str], required: &[&str]) -> Value {
    let mut props = Map::new();
    for k in keys {
        props.insert((*k).to_string(), field(scope, k));
    }
    props.insert("extra".into(), json!({ "$ref": "#/$defs/extra" }));
    json!({
        "type": "object",
        "description": describe(scope),
        "properties": props,
        "required": required,
        "additionalProperties": false,
    })
}

fn with(mut v: Value, description: &str) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.insert("description".into(), json!(description));
    }
    v
}

fn text(d: &str) -> Value {
    with(json!({ "$ref": "#/$defs/text" }), d)
}
fn date(d: &str) -> Value {
    with(json!({ "$ref": "#/$defs/date" }), d)
}
fn time(d: &str) -> Value {
    with(json!({ "$ref": "#/$defs/time" }), d)
}
fn int(min: u32, max: u32, d: &str) -> Value {
    with(json!({ "type": "integer", "minimum": min, "maximum": max }), d)
}
/// How long after capture in one unit: from 1 to the most the notice format takes of it.
fn delay(unit: DelayUnit, example: u32, d: &str) -> Value {
    with(json!({ "type": "integer", "minimum": 1, "maximum": unit.most(), "examples": [example] }), d)
}
fn list(items: Value, d: &str) -> Value {
    with(json!({ "type": "array", "items": items }), d)
}
fn def(name: &str, d: &str) -> Value {
    with(json!({ "$ref": format!("#/$defs/{name}") }), d)
}

/// What one object is, for its own `description`.
fn describe(scope: &str) -> &'static str {
    match scope {
        "" => "通知前置信息",
        "fee" => "采集费用",
        "day" => "一个采集日，及其时段或上午/下午/全天（都可不写：钟点在附件里时只写日期）",
        "room" => "一个采集地点（房间）",
        "group" => "一起到场的一组学生：一个班级，或不知道班级人数时的整个学院",
        "slot" => "手工时间表的一行",
        "makeup" => "一次补拍安排",
        "contact" => "一个联系人或科室",
        "code" => "学信网图像采集码",
        "proofreading" => "学信网图像校对时间（可选：通知没提就不写）：from/until，或 after_days",
        "capture" => "采集安排：日期、地点、名单与时间表",
        "other_fee" => "另一笔费用：正文写到的其他金额及其用途",
        "online" => "采集教室以外的线上采集或缴费渠道",
        _ => "",
    }
}

/// The schema of one key, with its Chinese description.
fn field(scope: &str, key: &str) -> Value {
    match (scope, key) {
        ("", "title") => text("通知标题，例如 关于做好2026届毕业生图像信息采集工作的通知"),
        ("", "school") => text("学校名称"),
        ("", "office") => text("发文单位（可选），例如 本科生院、教务处"),
        ("", "doc_number") => text("发文字号（可选），例如 本科生院〔2025〕17号"),
        ("", "issued") => date("发布日期（可选：通知没写日期就不写）"),
        ("", "cohort") => with(
            json!({ "oneOf": [
                { "type": "integer", "minimum": 2000, "maximum": 2100 },
                { "type": "array", "items": { "type": "integer", "minimum": 2000, "maximum": 2100 }, "minItems": 1 }
            ], "examples": [2026, [2025, 2026]] }),
            "毕业届别（届），例如 2026；一份通知含几届时写列表，例如 [2025, 2026]",
        ),
        ("", "audience") => text("采集对象：哪些学生必须参加，例如 已缴费的2026届在籍在校本科生"),
        ("", "fee") => def("fee", "费用：金额、付费方、缴费方式与截止日期（通知不提收费时不写）"),
        ("", "online") => list(json!({ "$ref": "#/$defs/online" }), "线上采集或缴费渠道（可选，可写多条），例如学信网线上采集"),
        ("", "capture") => object("capture", CAPTURE, &["days"]),
        ("", "code") => object("code", CODE, &[]),
        ("", "proofreading") => {
            let mut p = object("proofreading", PROOF, &[]);
            if let Some(o) = p.as_object_mut() {
                // One delay alone: never two, nor one beside from/until.
                let delays: Vec<&str> = DelayUnit::ALL.iter().map(|u| u.key()).collect();
                let mut clash = Vec::new();
                for (i, a) in delays.iter().enumerate() {
                    for b in delays[i + 1..].iter().chain(&["from", "until"]) {
                        clash.push(json!({ "required": [a, b] }));
                    }
                }
                o.insert("not".into(), json!({ "anyOf": clash }));
                o.insert("minProperties".into(), json!(1));
                o.insert(
                    "examples".into(),
                    json!([{ "from": "2025-06-01", "until": "2025-06-30" }, { "until": "2025-06-30" }, { "after_days": 40 }]),
                );
            }
            p
        }
        ("", "makeup") => {
            list(json!({ "$ref": "#/$defs/makeup" }), "补拍安排（可选，可写多条；日期、地点都可不写，不写日期时页面写“另行通知”）")
        }
        ("", "dress") => list(json!({ "$ref": "#/$defs/text" }), "着装要求，按顺序显示在网页和海报上"),
        ("", "contacts") => list(json!({ "$ref": "#/$defs/contact" }), "联系人或科室"),
        ("", "bring") => list(json!({ "$ref": "#/$defs/text" }), "需携带的物品（可选），例如 身份证原件；不写时页面不提携带什么"),

        ("fee", "amount") => {
            with(json!({ "type": "number", "minimum": 0, "maximum": 100000 }), "每人费用（元）；只有 payer: school 时可以为 0")
        }
        ("fee", "payer") => with(
            json!({ "enum": ["student", "class", "college", "school"] }),
            "付费方：student 学生本人缴费，class 班长统一收取，college 学院统一缴费，school 学校承担",
        ),
        ("fee", "method") => text("缴费方式，例如 以学院为单位统一转账（payer 不是 school 时必填）"),
        ("fee", "deadline") => with(
            json!({ "type": "string", "pattern": DATE_TIME }),
            "缴费截止日期，可带时刻：2025-03-29 或 2025-03-29 17:00（通知没写、现场缴费时不写）",
        ),
        ("fee", "other") => list(json!({ "$ref": "#/$defs/other_fee" }), "正文写到的其他金额（可选），例如 异地采集 45 元、重拍 10 元"),
        ("fee", "refund") => text("退费办法（可选）"),
        ("fee", "includes") => text("费用包含的照片（可选），例如 1寸数码彩照8张、1.5寸数码彩照4张"),

        ("capture", "seconds_per_student") => {
            int(1, 3600, "一个机位拍一名学生所需的秒数；timetable: auto 时必填，手工时间表可不写（不写时不检查速率、不估算每班时间）")
        }
        ("capture", "changeover_minutes") => int(0, 240, "同一机位两组学生之间的间隔（分钟，默认 0）"),
        ("capture", "arrive_early_minutes") => int(0, 240, "请学生提前到场的分钟数（可选；不写时页面不给到场时间建议）"),
        ("capture", "days") => list(json!({ "$ref": "#/$defs/day" }), "采集日期与每天的时段"),
        ("capture", "rooms") => list(json!({ "$ref": "#/$defs/room" }), "采集地点（可选：地点在附件里或另行通知时不写，不排时间表）"),
        ("capture", "groups") => with(
            json!({ "oneOf": [
                { "type": "string", "pattern": r"\.(csv|CSV|xlsx|XLSX)$", "description": "名单文件路径（相对于通知），CSV 或 Excel（.xlsx）" },
                { "type": "array", "items": { "$ref": "#/$defs/group" } }
            ] }),
            "参加采集的班级或学院（可选：全届随到随拍时不写）：名单文件路径（如 rosters/2026.csv 或 rosters/2026.xlsx），或逐行列出",
        ),
        ("capture", "timetable") => with(
            json!({ "oneOf": [
                { "const": "auto", "description": "由排程器安排" },
                { "type": "array", "items": { "$ref": "#/$defs/slot" } }
            ] }),
            "时间表（可选）：auto 由排程器安排，或手工逐行列出；不写时，有房间、名单且每天有时段就自动排，否则不排时间表",
        ),

        ("day", "date") => date("采集日期"),
        ("day", "sessions") => list(
            json!({ "$ref": "#/$defs/session" }),
            "当天的时段（可选），例如 [\"08:00-11:30\", \"13:30-17:30\"]；不写时页面只写日期，不能自动排",
        ),
        ("day", "part") => with(
            json!({ "enum": ["上午", "下午", "全天"], "examples": ["下午"] }),
            "上午、下午或全天（可选）：通知只说半天时写；与 sessions 同写时只作标签，以 sessions 为准",
        ),

        ("room", "id") => {
            with(json!({ "type": "string", "pattern": ROOM_ID }), "房间代号：只用字母、数字、- 和 _，出现在网址和二维码里，例如 j9-103")
        }
        ("room", "name") => text("房间名称，例如 第九教学楼103室（默认同代号）"),
        ("room", "stations") => int(1, 100, "房间里同时工作的机位数（可选；timetable: auto 时必填，不写时页面不提机位）"),
        ("room", "sessions") => {
            list(json!({ "$ref": "#/$defs/session" }), "这个房间自己的时段（可选），代替当天的 sessions，例如 [\"08:30-12:00\"]")
        }
        ("room", "days") => list(json!({ "$ref": "#/$defs/date" }), "这个房间只在这些采集日工作（可选），例如 [2025-04-12]"),
        ("room", "directions") => text("怎么找到这个房间（可选），例如 第九教学楼一楼东侧，从南门进；写了才在班级卡片和房间页显示"),

        ("group", "college") => text("学院"),
        ("group", "class") => text("班级（可选；不写时整个学院作为一组）"),
        ("group", "headcount") => int(1, 100_000, "人数（可选；不知道人数时不写，排程时不检查速率）"),
        ("group", "room") => text("指定房间代号（可选）"),
        ("group", "date") => date("指定采集日期（可选）"),
        ("group", "not_before") => time("不早于这个时刻开始（可选）"),
        ("group", "not_after") => time("不晚于这个时刻结束（可选）"),

        ("slot", "date") => date("日期"),
        ("slot", "start") => time("开始时刻"),
        ("slot", "end") => time("结束时刻"),
        ("slot", "room") => with(json!({ "type": "string", "pattern": ROOM_ID }), "房间代号（rooms 里的 id）"),
        ("slot", "station") => int(1, 100, "机位号（从 1 起；不写时占用房间的全部机位）"),
        ("slot", "groups") => with(
            json!({ "oneOf": [
                { "type": "array", "items": { "$ref": "#/$defs/text" } },
                { "type": "string" }
            ] }),
            "这一时段的学院或班级（groups 名单里的名称）；不写时这一时段对全部采集对象开放（随到随拍）",
        ),

        ("other_fee", "for") => text("这笔费用的用途，例如 异地采集"),
        ("other_fee", "amount") => with(json!({ "type": "number", "minimum": 0, "maximum": 100000 }), "金额（元），最多两位小数"),
        ("other_fee", "note") => text("补充说明（可选），例如 含邮寄"),

        ("online", "platform") => text("线上渠道，例如 中国高等教育学生信息网（学信网）"),
        ("online", "who") => text("哪些学生用这个渠道（可选），例如 因实习不能返校的毕业生"),
        ("online", "from") => date("开始日期（可选）"),
        ("online", "until") => date("截止日期（可选）"),
        ("online", "amount") => with(json!({ "type": "number", "minimum": 0, "maximum": 100000 }), "线上的费用（元，可选）"),

        ("code", "lead_days") => int(0, 60, "学生至少要在采集前几天获取学信网图像采集码（可选；不写时页面不提提前天数）"),

        ("proofreading", "from") => date("学信网图像校对开始日期（可选；只写 from 时页面写“…之后”）"),
        ("proofreading", "until") => date("学信网图像校对截止日期（可选；只写 until 时页面写“…之前”）"),
        ("proofreading", "after_days") => {
            delay(DelayUnit::Days, 40, "通知只说“采集后约N天”时写 N（不能与 from/until 同写）；页面写“采集后约N天”，不推算日期")
        }
        ("proofreading", "after_workdays") => {
            delay(DelayUnit::Workdays, 40, "通知说“采集后N个工作日”时写 N（只写这一项）；页面照写“个工作日”，不换算成天")
        }
        ("proofreading", "after_weeks") => delay(DelayUnit::Weeks, 2, "通知说“采集后N周”时写 N（只写这一项）；页面照写“周”，不换算成天"),
        ("proofreading", "after_months") => {
            delay(DelayUnit::Months, 3, "通知说“采集N个月后”时写 N（只写这一项）；页面照写“个月”，不换算成天")
        }

        ("makeup", "from") => date("补拍开始日期（可选）"),
        ("makeup", "until") => date("补拍截止日期（可选）；from、until 都不写时页面写“另行通知”"),
        ("makeup", "place") => text("补拍地点（可选）"),
        ("makeup", "phone") => text("补拍地点的电话（可选）"),
        ("makeup", "note") => text("补充说明（可选），例如 周一至周五工作日、地址；不安排补拍时写通知原话"),
        ("makeup", "offered") => with(
            json!({ "type": "boolean", "const": false }),
            "通知说不安排补拍（如“学校不组织补拍”）时写 false，原话写在 note；此时不写日期、地点、电话",
        ),

        ("contact", "name") => text("联系人或科室，例如 教务处学籍科"),
        ("contact", "phone") => text("电话（可选）"),
        ("contact", "email") => with(json!({ "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$" }), "电子邮箱（可选）"),

        _ => json!({}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the parser accepts has a described schema, in every scope.
    #[test]
    fn every_parser_key_is_described() {
        for (scope, keys) in [
            ("", TOP),
            ("fee", FEE),
            ("other_fee", OTHER_FEE),
            ("online", ONLINE),
            ("capture", CAPTURE),
            ("day", DAY),
            ("room", ROOM),
            ("group", GROUP),
            ("slot", SLOT),
            ("code", CODE),
            ("proofreading", PROOF),
            ("makeup", MAKEUP),
            ("contact", CONTACT),
        ] {
            assert!(!describe(scope).is_empty(), "scope {scope}");
            for k in keys {
                let v = field(scope, k);
                let d = v.get("description").and_then(Value::as_str).unwrap_or("");
                assert!(d.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{scope}.{k} has no Chinese description");
            }
        }
    }
}
