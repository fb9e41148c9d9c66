//! Every diagnostic's code: one enum, with the title and explanation that `tuxiang explain` prints
//! and `docs/diagnostics.md` is generated from (a test fails when that file is stale).

use serde::Serialize;

/// The stage that reports a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Site,
    Notice,
    Check,
    Schedule,
    Release,
    Render,
}

impl Stage {
    pub fn title(self) -> &'static str {
        match self {
            Stage::Site => "站点与文件夹",
            Stage::Notice => "读取通知与名单",
            Stage::Check => "日期、费用与正文的检查",
            Stage::Schedule => "时间表",
            Stage::Release => "版本发布",
            Stage::Render => "网页与打印件",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $text:literal, $stage:ident, $usual:ident, $title:literal, $explain:literal;)*) => {
        /// A diagnostic's kind. Its text (`as_str`) is stable: CI scripts and tests match on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of their texts.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case text.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            pub fn stage(self) -> Stage {
                match self {
                    $(Code::$variant => Stage::$stage,)*
                }
            }

            /// Whether it is usually an error (`false`: a warning).
            pub fn is_error(self) -> bool {
                match self {
                    $(Code::$variant => codes!(@error $usual),)*
                }
            }

            /// A short title in plain Chinese.
            pub fn title(self) -> &'static str {
                match self {
                    $(Code::$variant => $title,)*
                }
            }

            /// When it is reported and what to change.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$variant => $explain,)*
                }
            }
        }
    };
    (@error error) => { true };
    (@error warning) => { false };
}

codes! {
    AttachmentNotFound = "attachment-not-found", Check, error, "正文链接的附件不存在",
        "正文里的链接或图片指向一个文件（例如 附件1.pdf、采集样例.jpg），但这个文件不在链接写的位置。链接里的路径相对于通知所在的文件夹：请把附件放到提示的位置，或改正链接里的文件名。";
    AttachmentPath = "attachment-path", Check, error, "附件路径不可用",
        "正文链接的附件在 content 文件夹之外（例如 ../../etc/passwd，或指向外面的符号链接）、文件名里有无效的 % 编码，或与 tuxiang 为通知生成的文件（index.html、notice.pdf 等）同名。请把附件放进 content 文件夹、通知的旁边，链接写相对于通知的路径，必要时给附件改名。";
    BaseUrlPlaceholder = "base-url-placeholder", Site, warning, "网址还是示例地址",
        "site.toml 的 base_url 还是示例地址（example.com、jwc.example.edu.cn 之类）或本机地址（localhost）。网页本身照常生成，但海报和通知上的二维码、日历里的链接都会指向这个地址，学生扫码打不开。请改成网站真正发布的地址，例如 https://jwc.学校域名.edu.cn/tuxiang，再生成。";
    BodyDeadlineMismatch = "body-deadline-mismatch", Check, error, "正文的截止日期与设定不一致",
        "正文里写明是缴费、获取采集码或校对的截止日期（「3月29日前缴费」），与前置信息不同：缴费对 fee.deadline（截止在某个采集日当天不算错），采集码对第一个采集日减去 code.lead_days，校对对 proofreading.until。请改正写错的那一处。";
    BodyDeadlineUnsure = "body-deadline-unsure", Check, warning, "正文的截止日期可能与设定不一致",
        "正文里的截止日期没有说明是什么的截止，按所在的小标题推断是缴费、采集码或校对的截止日期，却与前置信息不同。请核对这两个日期；若本来就不是同一件事，在句子里写明。";
    BodyInvalidDate = "body-invalid-date", Check, error, "正文里的日期不存在",
        "正文里写了一个日历上不存在的日期（例如 6月31日）。请核对正文中这个日期的月份和日。";
    BodyTimeInvalid = "body-time-invalid", Check, error, "正文里的时刻写错了",
        "正文里的时刻写法有误：时与分之间用了分号（8;00）、分钟只有一位（8:7），或不是一天里的时刻（25:00）。请改成 8:00 这样的写法。";
    BodyTimeOutsideSession = "body-time-outside-session", Check, error, "正文的时刻不在采集时段内",
        "正文里紧跟在某个采集日之后的时刻或时段，不在前置信息里这一天的采集时段（sessions）之内。「下午2:00」按 14:00 计。请改正正文里的时刻，或改正这一天的 sessions。";
    CaptureAfterCohort = "capture-after-cohort", Check, error, "采集日晚于毕业离校",
        "采集日晚于该届毕业生离校的 7 月 31 日。请检查采集日期的年份，或届别（cohort）是否写错。";
    CaptureBeforeIssue = "capture-before-issue", Check, error, "采集日不在发布日之后",
        "某个采集日与通知发布日期（issued）是同一天或更早。请检查采集日期或发布日期是否写错了年份或月份。";
    CaptureDaysOrder = "capture-days-order", Check, error, "采集日顺序颠倒或重复",
        "某个采集日没有排在前一个采集日之后（顺序颠倒或同一天写了两次）。请按时间先后排列采集日，同一天的几个时段写在同一个日期下。";
    CaptureTooEarly = "capture-too-early", Check, error, "采集日比毕业早两年以上",
        "采集日比该届毕业早了两年以上。请检查采集日期的年份，或届别（cohort）是否写错。";
    CodeLeadTime = "code-lead-time", Check, warning, "领取采集码的时间不够",
        "从发布日期到第一个采集日的天数，少于学生获取学信网采集码所需的天数（默认 3 天，可在 code 下的 lead_days 设置）。请提前发布通知，或把采集日往后推。";
    DuplicateKey = "duplicate-key", Notice, error, "同一项写了两次",
        "同一层里同一个字段名写了两次。请删掉其中一处，或把两处内容合并。";
    EmptyNotice = "empty-notice", Notice, error, "通知或前置信息是空的",
        "通知文件是空的，或两行 --- 之间什么也没写。请在两行 --- 之间写上 title、issued、fee、capture 等字段，正文写在后面；可运行 tuxiang init 看示例。";
    Encoding = "encoding", Notice, error, "文件不是 UTF-8 编码",
        "文件不是 UTF-8 编码（常见于 Excel 或记事本存成了 GBK）。请用记事本或 Excel「另存为」，编码选择 UTF-8。";
    FeeBodyMismatch = "fee-body-mismatch", Check, error, "正文费用与设定不一致",
        "正文里写的金额（15元、￥15、交纳25元、采集费用：25元……）不是前置信息里的任何一笔：fee.amount、fee.other 或 online 的金额。若是另一笔费用（异地采集、重拍、线上采集），在 fee 下的 other 写明用途和金额；否则改正写错的那一处。";
    FeeDeadlineAfterCapture = "fee-deadline-after-capture", Check, error, "缴费截止晚于采集结束",
        "缴费截止日期晚于最后一个采集日（截止在某个采集日当天不算错）。请把 fee.deadline 改到最后一个采集日当天或更早。";
    FeeDeadlineBeforeIssue = "fee-deadline-before-issue", Check, error, "缴费截止早于发布日期",
        "缴费截止日期早于通知发布日期。缴费截止应在发布日期之后、第一个采集日之前（含当天），请改正 fee.deadline 或 issued。";
    FeeDeadlineMissing = "fee-deadline-missing", Check, error, "没写缴费截止日期",
        "正文写明了缴费的截止日期（「请于3月10日前完成缴费」），前置信息却没有 fee.deadline。把它照抄到 fee 下的 deadline（例如 deadline: 2025-03-10 或 2025-03-10 17:00），网页和日历才会写出它。通知没有写截止日期时不必写，也不要编一个；现场缴费（payer: class，或 method 写明现场）和线上渠道自己的截止日期不算。";
    FeeMethodMissing = "fee-method-missing", Check, error, "没写缴费方式",
        "费用由学生或学院支付，却没有写缴费方式。请在 fee 下加上 method，例如「以学院为单位统一转账」或「采集现场微信或支付宝自行支付」。";
    FeeZero = "fee-zero", Check, error, "费用为零但不是学校承担",
        "费用写成 0 元，但付费方不是学校。学校承担费用时请写 payer: school，否则请填写每人金额。";
    FileNameTooLong = "file-name-too-long", Notice, error, "通知文件名太长",
        "通知的文件名太长，发布版本时旁边要写的 .release.json 文件会超过文件系统的长度上限。请把通知的文件名缩短到提示的字节数以内（一个汉字占 3 字节）。";
    FrontMatterMissing = "front-matter-missing", Notice, error, "文件开头缺少前置信息",
        "文件第一行不是 ---，读不到开头的前置信息。请在第一行写 ---，把标题、日期等字段写在两行 --- 之间，正文写在后面。";
    FrontMatterUnclosed = "front-matter-unclosed", Notice, error, "前置信息没有结束线",
        "前置信息以 --- 开头，但后面没有结束的 ---。请在最后一个字段之后另起一行写 ---，再写正文。";
    GlyphMissing = "glyph-missing", Render, error, "打印字体里缺这个字",
        "通知里某个字不在打印字体中，印出来的文件会缺字。先确认这个字没有写错；若没错，请在 site.toml 的 font 中换用包含这个字的字体。";
    GroupTwice = "group-twice", Schedule, error, "班级在时间表里排了两次",
        "同一个班级（或学院）在时间表里安排了两次。每个班级只安排一次，请删掉其中一处。";
    GroupUnscheduled = "group-unscheduled", Schedule, error, "班级没有排进时间表",
        "名单里的某个班级或学院没有出现在时间表的任何一段里。请在时间表某一段的 groups 里加上它，或把它从名单中删除。";
    HtmlRemoved = "html-removed", Check, warning, "正文中不安全的内容会被删掉",
        "正文里夹带的网页代码含有脚本、内嵌页面等不安全内容，发布时会被删除。请直接用文字书写正文，不要粘贴网页代码。";
    InvalidDate = "invalid-date", Notice, error, "日期写法不对",
        "日期不是「年-月-日」的写法，或这一天并不存在（例如 2024-06-31）。请写成 2025-04-12 这样的格式，并核对日期。";
    InvalidSession = "invalid-session", Notice, error, "时段写法不对",
        "时段不是「开始-结束」的写法，或结束时刻不晚于开始时刻（时间表里的 start 和 end 也是如此）。请写成加引号的 \"08:00-11:30\"，并检查开始和结束是否写反。";
    InvalidTime = "invalid-time", Notice, error, "时刻写法不对",
        "时刻不是 24 小时制的「时:分」。请写成例如 \"08:30\" 或 \"14:30\"；在通知里要加英文引号。";
    InvalidValue = "invalid-value", Notice, error, "填写的值不允许",
        "数值超出允许范围、费用写成负数、付费方（payer）不是 student、college、school 之一，或房间代号含有字母、数字、- 和 _ 以外的字符。请按提示改成允许的值。";
    MakeupBeforeCapture = "makeup-before-capture", Check, error, "补拍早于采集结束",
        "补拍开始日期不在最后一个采集日之后。请把补拍的 from 改到最后一个采集日之后。";
    MakeupDenied = "makeup-denied", Check, error, "不安排补拍却写了补拍安排",
        "补拍写了 offered: false（通知说不安排补拍），同一条又写了补拍的日期、地点或电话。不安排补拍时只写 offered: false 和通知原话 note；若通知另有补拍安排，把它写成另一条 makeup。";
    MakeupOrder = "makeup-order", Check, error, "补拍起止日期颠倒",
        "补拍截止日期早于开始日期。请检查补拍的 from 与 until 是否写反。";
    MissingField = "missing-field", Notice, error, "缺少必填项",
        "必填的一项没有写或是空的（例如没有采集日期、采集地点，或某一天没有时段）。请按提示补上这一项。";
    NameCollision = "name-collision", Check, error, "两个名称会生成同一个文件",
        "两个房间、学院或班级的名称去掉标点后相同，或两份通知的文件名会生成同一个文件夹，生成的网页、日历或签到表会互相覆盖。请改名，使两者去掉标点后仍不同。";
    NameTooLong = "name-too-long", Check, error, "名称太长",
        "房间、学院或班级的名称太长，由它命名的文件（日历、签到表、海报）会超过文件名的长度上限。请按提示缩短这个名称。";
    NoNotices = "no-notices", Site, warning, "还没有任何通知",
        "content 文件夹里没有通知文件（.md）。请在 content 里新建一个 .md 通知；可运行 tuxiang init 生成示例。";
    NotAFile = "not-a-file", Notice, error, "不是普通文件",
        "名单等文件的路径指向的不是普通文件（而是文件夹、命名管道等）。请把它换成普通文件（名单用 CSV 或 .xlsx），或改正路径。";
    NoticeExtension = "notice-extension", Notice, warning, "通知扩展名不是小写 .md",
        "通知文件的扩展名是大写或混合大小写（如 .MD），仍会当作通知读取。请把扩展名改成小写 .md，别的工具才会把它当作通知。";
    NoticeSkipped = "notice-skipped", Notice, warning, "跳过了一个文件",
        "content 里有一个链接指向站点之外、已损坏，或不是普通文件，没有当作通知读取。请把通知本身放进 content 文件夹，或删除这个链接。";
    PersonalId = "personal-id", Check, error, "含有身份证号",
        "通知或名单里有像身份证号码的内容，不能发布。请删除身份证号；通知只公布班级和人数，学生信息不上网。";
    PersonalNames = "personal-names", Check, error, "含有学生个人信息列",
        "正文表格或名单里有姓名、学号或身份证号列，不能发布学生名单。请删掉这些列，只保留学院、班级、时间和人数；名单请通过学院内部发放。";
    PersonalPhone = "personal-phone", Check, error, "含有个人手机号",
        "正文或名单里有不在联系人（contacts）中的手机号，不能发布。请删掉个人手机号；需要公布的联系电话写在 contacts 里。";
    PinUnhonoured = "pin-unhonoured", Schedule, error, "班级的指定安排无法满足",
        "为某个班级指定的教室、日期或时间（room、date、not_before、not_after）无法满足：日期不是采集日、起止时间颠倒，或那段时间已排满或不够长。请放宽或改正这些限定，或在那里增加机位或时段。";
    PinUnknownRoom = "pin-unknown-room", Schedule, error, "指定的教室不存在",
        "名单里为班级指定的教室编号不在 capture.rooms 里。请改成 rooms 里已有的教室编号，或先把这个教室加进 rooms。";
    ProofreadingBeforeCapture = "proofreading-before-capture", Check, error, "校对早于采集结束",
        "校对开始日期不晚于最后一个采集日。照片约在采集后 40 天才上传到学信网，请把校对开始日期改到那之后。";
    ProofreadingOrder = "proofreading-order", Check, error, "校对起止日期颠倒",
        "校对截止日期不晚于开始日期。请检查校对的 from 与 until 是否写反。";
    ProofreadingSoon = "proofreading-soon", Check, warning, "校对开始得太早",
        "校对开始日期距最后一个采集日不到 30 天，而照片约 40 天后才到学信网。建议把校对开始日期推迟到采集后 40 天左右。";
    ReleaseUnreadable = "release-unreadable", Release, error, "发布记录无法读取",
        "这份通知的发布记录文件（与通知同名的 .release.json）读不出或已损坏。请运行 tuxiang release 重新生成它。";
    RoomDuplicate = "room-duplicate", Check, error, "房间代号重复",
        "两个房间用了同一个代号。每个房间要用不同的代号；同一房间有多个机位时请写 stations。";
    RosterCellError = "roster-cell-error", Notice, error, "名单单元格是错误值",
        "Excel 名单里某个单元格是错误值（例如 #N/A、#REF!）。请在 Excel 里改正这个单元格的公式，或直接填写数值。";
    RosterColumnIgnored = "roster-column-ignored", Notice, warning, "名单里有用不到的列",
        "名单表头里有学院、班级、人数等以外的列（例如 备注、辅导员、联系电话），这些列不读取、也不会发布。不需要时可以删掉；列名写错时请改正。";
    RosterColumnMissing = "roster-column-missing", Notice, error, "名单缺少学院列",
        "名单的表头里没有「学院」列。表头是前 10 行里第一行写着「学院」的那一行（上面的标题行、空行会跳过）；请写表头，例如「学院,班级,人数」。";
    RosterColumnUnknown = "roster-column-unknown", Notice, error, "名单里有不认识的列",
        "名单表头里有一列像是写错了的列名（例如 not_befor、headcont）。可用的列有学院、班级、人数，以及可选的 room、date、not_before、not_after；请改正列名或删掉这一列。中文的其他列（备注、辅导员等）只警告（roster-column-ignored）。";
    RosterDuplicateClass = "roster-duplicate-class", Notice, error, "班级重复列出",
        "同一个班级（或学院）在名单或 groups 里出现了两次。请删掉重复的一行，或把人数合并。";
    RosterEmptyField = "roster-empty-field", Notice, error, "名单缺学院或是空的",
        "名单某一行没有填学院，或整份名单一个班级也没有。每行都要写学院，不用的行请整行删除。";
    RosterHeadcount = "roster-headcount", Notice, error, "人数不是正整数",
        "名单里的人数不是正整数。请写成正整数（例如 36）；不知道人数时整列留空。";
    RosterNotFound = "roster-not-found", Notice, error, "名单文件读不到",
        "groups 里写的名单文件找不到或打不开。请检查文件名和路径（相对于通知所在的文件夹）。";
    RosterPath = "roster-path", Notice, error, "名单路径不可用",
        "名单路径是绝对路径、指向站点文件夹以外，或写法无效。请把名单放在站点文件夹里，用相对于通知的路径，例如 rosters/2026.csv。";
    RosterSyntax = "roster-syntax", Notice, error, "名单文件格式有误",
        "名单文件读不出来：CSV 某一行格式有误，或 Excel 文件不是 .xlsx、设了密码、没有可见的工作表。请用 Excel 或 WPS「另存为」Excel 工作簿（.xlsx）或 CSV UTF-8。";
    RosterTooWide = "roster-too-wide", Notice, warning, "名单列数过多",
        "Excel 名单某一行在第 64 列以后还有内容，这部分会被忽略。名单只需学院、班级、人数及可选的几列，请删掉多余的列。";
    ScheduleHeadcountMissing = "schedule-headcount-missing", Schedule, error, "自动排表缺少人数",
        "自动排时间表需要每个班级的人数，这里没有填。请在这一行填写人数（headcount），或改为手工编写时间表。";
    ScheduleInfeasible = "schedule-infeasible", Schedule, error, "采集时间不够排下所有班级",
        "按每人用时和机位数，现有时段排不下全部学生，或某个班级比最长的时段还长，或根本没有机位或时段。请按提示增加机位、时段或采集日，缩短每人用时，或把大班拆开。";
    SessionOverlap = "session-overlap", Check, error, "同一天的时段重叠",
        "同一天的两个采集时段重叠或顺序颠倒。请按时间先后写时段，并且互不重叠。";
    SiteConfig = "site-config", Site, error, "站点设置有误",
        "site.toml 写错了，例如缺少 title 或 base_url、网址不是以 http:// 或 https:// 开头，或打印字体读不出来。请按提示改正 site.toml。";
    SlotChangeover = "slot-changeover", Schedule, warning, "两段之间换场时间不够",
        "手工时间表中同一机位上前后两段的间隔少于规定的换场时间。请把后一段的开始时刻推后；若确实不需要换场，可调小 changeover_minutes。";
    SlotOutsideSession = "slot-outside-session", Schedule, error, "时间表超出当天时段",
        "时间表中某一段的开始或结束不在当天的采集时段内。请把它调整到当天的时段之内，或把部分班级移到其他时段。";
    SlotOverlap = "slot-overlap", Schedule, error, "同一机位时间重叠",
        "时间表中两段在同一房间的同一机位上时间重叠（没写 station 的一段占用整个房间的全部机位）。请错开时间，或用 station 指定不同机位。";
    SlotTooShort = "slot-too-short", Schedule, error, "时间段太短排不下",
        "时间表中某一段的时长不够拍完安排在其中的全部学生。请把结束时刻推后、增加机位，或把部分班级移到其他时段。";
    SlotUnknownDay = "slot-unknown-day", Schedule, error, "时间表日期不是采集日",
        "时间表中的日期不在采集日（days）里。请改正日期，或在 days 里加上这一天。";
    SlotUnknownGroup = "slot-unknown-group", Schedule, error, "时间表中的班级不在名单",
        "时间表中写的学院或班级不在 groups 名单里（可能名字写错了）。请改成名单里的学院名或班级名，或先把它加进名单。";
    SlotUnknownRoom = "slot-unknown-room", Schedule, error, "时间表中的房间不存在",
        "时间表中写的房间代号不在 rooms 里。请改成 rooms 里已有的代号。";
    SlotUnknownStation = "slot-unknown-station", Schedule, error, "机位编号超出范围",
        "时间表中的机位号（station）大于该房间的机位数。请把 station 改成 1 到机位数之间，或增加该房间的 stations。";
    Template = "template", Render, error, "网站主题模板出错",
        "网站主题的模板在生成页面时出错，与通知内容无关。请联系维护网站的同事检查主题模板的语法和变量名。";
    TooDeep = "too-deep", Notice, error, "缩进层数过多",
        "前置信息的嵌套层数过多（超过 32 层）。通知最多只需四层缩进，请检查括号和缩进。";
    TooLarge = "too-large", Notice, error, "文件或名单过大",
        "通知文件、名单文件或前置信息超过大小上限（例如通知超过 2 MB、名单超过 10 万行）。请把大名单拆成多份通知，或把名单移到单独的 CSV 文件里。";
    UnknownKey = "unknown-key", Notice, error, "不认识的字段名",
        "写了格式里没有的字段名，多半是拼写错误。请按提示改成正确的字段名；自定义内容请放在 extra 下。";
    Unreadable = "unreadable", Notice, error, "通知文件打不开",
        "通知文件本身读不出来（例如文件已被移走或没有读取权限）。请检查这个文件是否存在、能否打开。";
    UnreleasedChanges = "unreleased-changes", Release, warning, "有改动尚未发布",
        "通知自上次发布以来有改动，还没有发布为新版本。核对无误后运行 tuxiang release 加通知路径，并提交生成的发布记录文件。";
    WeekdayMismatch = "weekday-mismatch", Check, error, "星期与日期不符",
        "正文里日期旁边写的星期几与日历不符。请把星期改正，或改正日期。";
    WrongType = "wrong-type", Notice, error, "填写的内容类型不对",
        "某一项填的内容类型不对，例如该写数字的写了文字、该写列表的写了单个值。请按提示的写法改正。";
    YamlAlias = "yaml-alias", Notice, error, "不支持引用别处的写法",
        "前置信息里用了别名引用（*名称），通知不支持这种写法。请把要重复的内容直接写出来。";
    YamlSyntax = "yaml-syntax", Notice, error, "前置信息写法有误",
        "前置信息的写法有误无法读取（常见于缩进、冒号后缺空格、引号不成对），或两行 --- 之间写了不止一份。请检查这一行及上一行；含冒号或 # 的文字请用引号括起来。";
    YamlTag = "yaml-tag", Notice, error, "不支持 YAML 标签",
        "前置信息里用了 YAML 标签（如 !!binary），tuxiang 不会按标签处理这个值。请删除标签；要把值当作文字，用引号括起来。";
}

impl Code {
    /// The code whose text is `text`, if any.
    pub fn from_text(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// By text, so diagnostics sort as they always have.
impl Ord for Code {
    fn cmp(&self, other: &Code) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// `docs/diagnostics.md`: every code by stage, with its title and what to do.
pub fn catalogue() -> String {
    let mut out = String::from(
        "# 诊断代码一览\n\n\
         <!-- 由 src/diag/code.rs 生成：改动那里，再运行 `TUXIANG_BLESS=1 cargo test --test docs` 更新本文件。 -->\n\n\
         `tuxiang check` 报告的每个问题都带一个代码（如 `weekday-mismatch`），CI 脚本可以按代码筛选；\
         `tuxiang explain 代码` 在终端里打印同样的说明。错误（error）使 `check` 以退出码 1 结束、`build` 不生成任何文件；\
         警告（warning）只提醒，加 `--deny-warnings` 时也算不通过。\n",
    );
    let mut stages: Vec<Stage> = Code::ALL.iter().map(|c| c.stage()).collect();
    stages.sort();
    stages.dedup();
    for stage in stages {
        out.push_str(&format!("\n## {}\n\n| 代码 | 级别 | 问题 | 说明与改法 |\n| --- | --- | --- | --- |\n", stage.title()));
        for c in Code::ALL.iter().filter(|c| c.stage() == stage) {
            let level = if c.is_error() { "错误" } else { "警告" };
            out.push_str(&format!("| `{}` | {} | {} | {} |\n", c.as_str(), level, c.title(), c.explanation()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_unique_kebab_case_and_sorted() {
        let texts: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = texts.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(texts, sorted);
        assert!(texts.iter().all(|t| t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')));
        assert!(Code::ALL.iter().all(|c| Code::from_text(c.as_str()) == Some(*c) && !c.title().is_empty() && !c.explanation().is_empty()));
    }
}
