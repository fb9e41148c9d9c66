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

#[test]
fn a_fee_per_head_in_its_usual_wordings() {
    for (text, amount) in [
        ("二、采集费用\n拍摄单位按每生人民币17元费用收取。\n", "17"),
        ("5. 支付15元制作费;\n", "15"),
        ("收费标准为每人20由图片社现场收取。\n", "20"),
        ("收费标准仍按教育部文件执行,15/人,费用支付方式以本学院通知为准。\n", "15"),
    ] {
        assert_eq!(values(&facts(text), "fee.amount"), [amount], "{text}");
    }
}

#[test]
fn campus_lines_under_a_capture_sentence_are_capture_days_not_slots() {
    let f = facts("各学院:\n我校2021届研究生图像信息采集工作将于如下时间进行:\n北 辰 校区:2020年11月8日上午8:30 - 11:00;\n丁字沽 校区:2020年11月8日下午14:00 - 16:00;\n现将有关事宜通知如下:\n");
    assert_eq!(values(&f, "day"), ["2020-11-08"]);
    assert_eq!(values(&f, "sessions"), ["2020-11-08 08:30-11:00, 14:00-16:00"]);
    assert!(values(&f, "slot").is_empty() && values(&f, "group").is_empty(), "{f:?}");
}

#[test]
fn who_need_not_pay_is_no_way_of_paying() {
    let f = facts("二、采集费用\n拍摄单位按每生人民币17元费用收取。\n三、要求\n在学校规定时间内未在校的学生,可不交费报名参加图像信息采集,并于2023年3月1日至2023年4月20日自行到采集中心进行图像信息采集。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"]);
    assert_eq!(values(&f, "fee.method"), ["拍摄单位按每生人民币17元费用收取"]);
}

#[test]
fn a_day_the_fee_is_collected_is_no_capture_day() {
    let f = facts("我校图像信息采集工作将于如下时间进行:\n北校区:2020年11月8日上午8:30-11:00;\n三、日程安排:\n3、11月4日,各学院收回确认表,收取图像信息采集费。\n");
    assert_eq!(values(&f, "day"), ["2020-11-08"]);
}

#[test]
fn rooms_listed_with_commas_share_their_building() {
    let f = facts("4、采集地点:东校区机械馆J2阶梯教室,第三教学楼213、320、501阶梯教室。\n");
    assert_eq!(values(&f, "room"), ["东校区机械馆J2阶梯教室", "第三教学楼213阶梯教室", "第三教学楼320阶梯教室", "第三教学楼501阶梯教室"]);
}

#[test]
fn a_sentence_of_dress_rules_is_cut_into_its_rules() {
    let f = facts("四、注意事项\n拍摄时不要穿连帽衫、蓝色、绿色的衣服、面容洁净、发型整齐、不准染发、长发者须把头发扎起(头发不能遮盖眉毛和耳朵),戴眼镜的学生拍摄前应取下眼镜,以免影响拍摄效果。\n");
    assert_eq!(
        values(&f, "dress"),
        [
            "拍摄时不要穿连帽衫、蓝色、绿色的衣服",
            "面容洁净",
            "发型整齐",
            "不准染发",
            "长发者须把头发扎起(头发不能遮盖眉毛和耳朵)",
            "戴眼镜的学生拍摄前应取下眼镜,以免影响拍摄效果"
        ]
    );
    let f = facts("拍摄要求①上衣避免蓝色系,②不佩戴耳环、项链、发箍等配饰,③头发不遮挡耳朵、眉毛,④不化妆。\n");
    assert_eq!(values(&f, "dress"), ["上衣避免蓝色系", "不佩戴耳环、项链、发箍等配饰", "头发不遮挡耳朵、眉毛", "不化妆"]);
    // An enumeration inside one rule stays whole.
    let f = facts("着装要求:不能带耳环,耳钉,项链和美瞳。\n");
    assert_eq!(values(&f, "dress"), ["不能带耳环,耳钉,项链和美瞳"]);
}

#[test]
fn the_main_channel_is_named_before_its_makeup_one() {
    let f = facts("二、采集方式\n1.线上集中采集。\n2.线上采集。微信搜索“高校图像信息采集”小程序→填写特征码(集中采集特征码为“610967”,散拍采集特征码为“3wyydr”)→微信支付。\n");
    assert_eq!(values(&f, "online"), ["“高校图像信息采集”小程序（特征码 610967）"]);
}

#[test]
fn a_year_of_graduation_without_jie_is_the_cohort() {
    for (text, cohort) in [("2025年夏季毕业生于4月1日前完成采集工作。\n", "2025"), ("关于2018年毕业研究生图像信息采集工作的安排\n", "2018")]
    {
        assert_eq!(values(&facts(text), "cohort"), [cohort], "{text}");
    }
}

#[test]
fn dates_that_lost_their_nian_and_yue_are_read_only_when_one_way() {
    use super::text::dates;
    let one = |t: &str| dates(t).iter().map(|w| (w.year, w.month, w.day, w.last)).collect::<Vec<_>>();
    assert_eq!(one("20231116日(周四下午"), [(Some(2023), 11, 16, None)]);
    // 12月7日 or 1月27日: the Saturday decides.
    assert_eq!(one("2013127日 (星期六)"), [(Some(2013), 12, 7, None)]);
    assert!(one("2013127日").is_empty(), "two ways and no weekday: not read");
    assert_eq!(one("202448—412日,上午09:00-11:30"), [(Some(2024), 4, 8, Some(12))]);
    assert_eq!(one("2022411日— 424日。"), [(Some(2022), 4, 11, Some(24))]);
    assert_eq!(one("20231116日-18日"), [(Some(2023), 11, 16, Some(18))]);
    assert!(one("学号2024123456").is_empty());
    assert_eq!(one("202542223日(8:30-11:30)"), [(Some(2025), 4, 22, Some(23))]);
    // 月 kept, 日 lost before the weekday.
    assert_eq!(one("202311月21(周9:00"), [(Some(2023), 11, 21, None)]);
    let f = facts("二.拍摄时间安排:\n202448—412日,上午09:0011:30,下午13:0015:30。\n");
    assert_eq!(values(&f, "day"), ["2024-04-08", "2024-04-09", "2024-04-10", "2024-04-11", "2024-04-12"]);
    assert_eq!(values(&f, "sessions")[0], "2024-04-08 09:00-11:30, 13:00-15:30");
}

#[test]
fn each_campus_has_its_day_and_place() {
    let f = facts("二、采集方式\n1.1 松江校区\n拍照时间:202311月21(周9:00---16:30\n拍照地点:松江校区教育会堂大礼堂\n1.2 虹口校区\n拍照时间:202311月24周五9:00---16:30\n拍照地点:虹口校区1号楼410\n注意:各位同学可以任意选择其中一个校区进行图像采集。\n");
    assert_eq!(values(&f, "day"), ["2023-11-21", "2023-11-24"]);
    assert_eq!(values(&f, "room"), ["松江校区教育会堂大礼堂", "虹口校区1号楼410"]);
}

#[test]
fn a_dress_heading_pointing_to_an_attachment_is_no_rule_and_a_long_sentence_of_rules_is_read() {
    let f = facts("四.着装要求(参照附件4:学生图像采集着装注意事项)\n着正装,干净整洁,不穿接近肤色(黄、浅黄、土色等)及拍摄背景(蓝色)的服装,不佩戴任何饰物,不穿长毛领子外衣,免冠,发型整齐,露出眉毛和耳朵,不戴眼镜和墨镜,不化浓装。\n");
    let dress = values(&f, "dress");
    assert!(!dress.iter().any(|x| x.contains("附件")), "{dress:?}");
    assert!(dress.contains(&"不佩戴任何饰物") && dress.contains(&"着正装,干净整洁"), "{dress:?}");
}

#[test]
fn a_long_sentence_of_procedure_gives_no_dress_rule() {
    let f = facts("2. 由班长领队进入课室,学生依序出示采集码放到设备端口进行识别,识别成功后在《全国高校毕业生图像信息采集学生名单》签名,完成签名后不再走动,按读取信息的顺序进行拍摄,不能随意更改顺序。\n");
    assert!(values(&f, "dress").is_empty(), "{f:?}");
}

#[test]
fn a_time_cell_merged_over_rows_appears_after_the_first_of_them() {
    let f = facts("二、采集时间及地点\n呈贡校区: 2017年10月25日(星期三),上午8:00 — 12:00\n各单位电子图像信息采集具体时间和地点安排表:\n培养单位\n采集地点\n采集时段及大概人数\n马克思主义学院\n呈贡校区\n10月25日上午8:00-9:00(294人)\n材料科学与工程学院\n农学院\n10月25日上午9:00-10:00(354人)\n工商管理与旅游管理学院(博士及学硕)\n");
    assert_eq!(
        values(&f, "slot"),
        [
            "2017-10-25 08:00-09:00 ? 马克思主义学院、材料科学与工程学院",
            "2017-10-25 09:00-10:00 ? 农学院、工商管理与旅游管理学院(博士及学硕)"
        ]
    );
    assert!(!values(&f, "group").iter().any(|g| g.contains('人')), "{f:?}");
}

#[test]
fn a_title_may_name_an_arrangement_and_stand_after_a_pages_menus() {
    let f = facts("关于2018年毕业研究生图像信息采集工作的安排\n根据甘肃省教育厅相关文件要求,我校将进行图像信息采集工作。\n");
    assert_eq!(values(&f, "title"), ["关于2018年毕业研究生图像信息采集工作的安排"]);
    let f = facts("2024年秋季学期开放教育毕业生图像采集工作安排\n各位同学:\n");
    assert_eq!(values(&f, "title"), ["2024年秋季学期开放教育毕业生图像采集工作安排"]);
    let menu: String = (1..=12).map(|i| format!("· 关于举办第{i}届学术活动的公... 06-2{}\n", i % 10)).collect();
    let f = facts(&format!("首页  学院概况  新闻动态\n{menu}当前位置: 首页>>新闻动态>>通知公告>>正文\n\n关于2024届毕业生图像采集工作的通知\n2023-04-03 10:53\n"));
    assert_eq!(values(&f, "title"), ["关于2024届毕业生图像采集工作的通知"]);
    // A section heading is no title.
    assert!(values(&facts("各学院:\n二、采集时间安排\n"), "title").is_empty());
}

#[test]
fn the_students_a_salutation_greets_are_the_audience() {
    let f =
        facts("关于做好2024年毕业研究生图像采集工作的通知\n各相关学院、2024年拟毕业研究生(包括留学生):\n为做好图像采集工作,现通知如下。\n");
    assert_eq!(values(&f, "audience"), ["2024年拟毕业研究生(包括留学生)"]);
    assert_eq!(values(&f, "cohort"), ["2024"]);
    assert!(values(&facts("各研究生培养单位:\n现通知如下。\n"), "audience").is_empty());
    assert_eq!(values(&facts("各教学点,2025届毕业生:\n现将有关事项通知如下:\n"), "audience"), ["2025届毕业生"]);
}

#[test]
fn who_need_not_come_is_left_out_of_the_audience() {
    let f = facts("一、采集范围\n2018级高起点本科学生(预计于2023年1月毕业),2021级专起点本科学生(预计于2023年7月毕业)。已完成采集的不需要再次采集。\n二、采集时间\n");
    assert_eq!(values(&f, "audience"), ["2018级高起点本科学生(预计于2023年1月毕业),2021级专起点本科学生(预计于2023年7月毕业)"]);
}

#[test]
fn a_title_opening_with_its_issuer_names_school_and_office() {
    let f = facts("湖南女子学院继续教育学院关于2024级毕业生图像信息采集的通知\n各位同学:\n");
    assert_eq!(values(&f, "school"), ["湖南女子学院"]);
    assert_eq!(values(&f, "office"), ["继续教育学院"]);
}

#[test]
fn a_date_whose_marks_became_spaces_is_read() {
    use super::text::dates;
    let got: Vec<_> = dates("2.采集时间:2026  3  6 — 2026  5  10").iter().map(|w| (w.year, w.month, w.day)).collect();
    assert_eq!(got, [(Some(2026), 3, 6), (Some(2026), 5, 10)]);
    assert!(dates("电话 2026 3 66").is_empty());
    let f = facts("3.采集费用:40 元/人。照片采集、标准化及上网费用学生自理。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"]);
}

#[test]
fn a_section_that_captures_online_dates_no_day_in_a_room() {
    let f = facts("一、第一次信息采集\n(一)采集时间:2021 5 8 日、9 日。\n(二)采集地点:5号教学楼102教室。\n二、第二次信息采集\n(一)采集时间:2021 6 1 日至30 日。\n(二)采集安排:采用线上采集方式,学生通过微信扫描二维码进行。\n");
    assert_eq!(values(&f, "day"), ["2021-05-08", "2021-05-09"]);
}

#[test]
fn who_missed_the_capture_has_a_makeup_and_no_capture_day() {
    let f = facts("二、拍摄时间: 2012年6月18日~21日,各院的时间安排见附件,班级负责人名单请于2012年6月13日前报学生处。\n(三)因特殊原因无法在学校规定时间参加图像采集的毕业生,请于2013年3月15日—3月30日持学生证到新华社宁夏分社信息中心图像采集部拍摄。\n");
    assert_eq!(values(&f, "day"), ["2012-06-18", "2012-06-19", "2012-06-20", "2012-06-21"]);
    assert_eq!(values(&f, "makeup").len(), 1, "{f:?}");
    assert!(values(&f, "makeup")[0].contains("新华社宁夏分社信息中心图像采集部"), "{f:?}");
}

#[test]
fn a_pages_source_line_dates_no_capture() {
    let f = facts("華南師范大學成考2026屆畢業生相片采集時間安排\n2025-08-07 來源:教育在線\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    let f = facts(
        "关于2024届毕业生图像采集工作的通知\n2023-04-03 10:53     (查看次数)\n根据要求,我校本科毕业生的学历证书图像采集工作统一进行\n",
    );
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_notice_that_takes_its_capture_online_names_its_code() {
    let f = facts("一、采集方式\n本次图像信息采集采取线上自助采集方式进行。\n进入小程序,输入特征码(我校毕业生特征码请填写“EK43”,字母需用大写)。\n二、采集时间\n本次采集的集中采集时间为2022年12月20日至2023年1月8日。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    assert!(values(&f, "online").iter().any(|o| o.contains("EK43") && o.contains("2022-12-20..2023-01-08")), "{f:?}");
}

#[test]
fn each_campus_room_under_a_place_label_is_read_and_counted_campuses_are_none() {
    let f = facts(
        "二、采集地点\n图像采集地点:文津校区 西三教学楼 108 教室\n新芜校区 A1教学楼 N104教室(根据各专业所在校区集中进行)\n三、要求\n",
    );
    assert_eq!(values(&f, "room"), ["文津校区 西三教学楼108教室", "新芜校区 A1教学楼 N104教室"]);
    let f = facts("我校2022届本科毕业生图像信息现场采集分别于2021年10月27日、11月24日在两校区进行。\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
}

#[test]
fn a_signature_dated_in_digits_and_a_pages_publisher() {
    let f = facts("关于图像采集的通知\n各学院:\n请按时参加。\n                 教务处\n               20211125\n");
    assert_eq!(values(&f, "office"), ["教务处"]);
    assert_eq!(values(&f, "issued"), ["2021-11-25"]);
    // 11月4日 or 1月14日: the page's date decides.
    let f = facts("关于图像采集的通知\n浏览:      发布时间:2024-11-04\n各学院:\n请按时参加。\n成都大学教务处\n2024114\n");
    assert_eq!(values(&f, "school"), ["成都大学"]);
    assert_eq!(values(&f, "issued"), ["2024-11-04"]);
    for head in ["教务处 2018-11-05", "来源:教务处作者:系统管理员发布日期:2020-09-28访问次数:4149"] {
        assert_eq!(values(&facts(&format!("关于图像采集的通知\n{head}\n各学院:\n")), "office"), ["教务处"], "{head}");
    }
    assert_eq!(values(&facts("关于图像采集的通知\n发布人:MPAcc教育中心  发布时间:2018-09-26\n"), "office"), ["MPAcc教育中心"]);
}

#[test]
fn a_school_alone_on_a_line_under_the_title_or_above_the_office() {
    let f = facts("关于2025届毕业生图像信息线上补采集工作的通知\n来源:公告通知 2025/03/06\n吉林工程技术师范学院\n关于2025届毕业生图像信息线上补采集工作的通知\n各位同学:\n");
    assert_eq!(values(&f, "school"), ["吉林工程技术师范学院"]);
    let f = facts("各位2021级成教学员:\n请按时上传照片。\n重庆师范大学涉外商贸学院\n成人教育办公室\n2022年11月28日\n");
    assert_eq!(values(&f, "school"), ["重庆师范大学涉外商贸学院"]);
    assert_eq!(values(&f, "office"), ["成人教育办公室"]);
    // A college of the school alone on a line is no school.
    let f = facts("关于图像采集的通知\n继续教育学院\n各位学员:\n请按时参加。\n教务处\n2022年11月28日\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn students_paying_in_their_words() {
    for text in [
        "二、报名缴费:图像采集收费标准为每人20元,请学生在2020年9月28日——9月30日用支付宝缴费。\n",
        "一、采集时间\n2022 年 1月10日至23日,费用自理。\n",
        "4.研究生自备拍照款15元现金零钞,登记个人信息后现场交给新华社拍摄人员。\n",
    ] {
        assert_eq!(values(&facts(text), "fee.payer"), ["student"], "{text}");
    }
    // Sent by the class: the class pays, whatever app it uses.
    let f = facts("拍摄费用每人15元,班级负责人以班级为单位在拍摄前收齐费用,以微信或支付宝形式付给新华社工作人员。\n");
    assert_eq!(values(&f, "fee.payer"), ["class"]);
}

#[test]
fn a_makeup_window_runs_from_its_first_date_to_its_second() {
    let f = facts("关于2016届研究生图像采集的通知\n散拍的学生可在沈阳进行补拍(时间:2016年1月5日至4月30日;地址:沈阳市皇姑区辽河街75号)。\n");
    assert!(values(&f, "makeup").iter().any(|m| m.contains("2016-01-05") && m.contains("2016-04-30")), "{f:?}");
    let f = facts("二、地点:校会堂正门,以学院为单位集合\n");
    assert_eq!(values(&f, "room"), ["校会堂正门"]);
}

#[test]
fn a_date_range_is_its_days_when_short_and_no_days_when_long() {
    let f = facts("一、采集时间\n图像采集时间:2022年6月28日至7月2日,上午8:30-11:30。\n");
    assert_eq!(values(&f, "day"), ["2022-06-28", "2022-06-29", "2022-06-30", "2022-07-01", "2022-07-02"]);
    let f = facts("一、采集时间\n图像采集时间:2018年3月1日至2018年7月15日。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn clauses_that_are_rules_of_their_own_are_cut_apart() {
    let f = facts("1.着装要求:拍照时必须穿一色的白色上衣,衣服胸部以上不能有图案文字(后期制作时将在人像右肩部标注黑色字体的学号、姓名),学生不能带美瞳,要露出额头、眉毛和耳朵(此项要求请务必传达到每个同学);\n");
    assert_eq!(
        values(&f, "dress"),
        [
            "拍照时必须穿一色的白色上衣",
            "衣服胸部以上不能有图案文字(后期制作时将在人像右肩部标注黑色字体的学号、姓名)",
            "学生不能带美瞳",
            "要露出额头、眉毛和耳朵(此项要求请务必传达到每个同学)"
        ]
    );
}

#[test]
fn a_campus_in_brackets_before_its_hours_is_no_group() {
    let f = facts("一、采集时间及地点\n时间:(应天校区)2018年5月2日(周三)13:00—16:55;\n         (东校区)  2018年5月2日(周三)13:00—16:15;\n");
    assert!(values(&f, "slot").is_empty() && values(&f, "group").is_empty(), "{f:?}");
}

#[test]
fn a_dates_own_clauses_decide_what_it_dates() {
    let f = facts("经与新华社浙江省分社联系,定于2020年10月11日(下沙校区),对2021届本科毕业生集中进行电子注册图像采集,不再安排其它时间。\n");
    assert_eq!(values(&f, "day"), ["2020-10-11"]);
    let f = facts("1. 我校2020届本科毕业生图像采集时间安排在2019年12月19日,各学院负责老师组织好学生,错过学院排定的时间者将安排在当天所有学生拍完后补拍。\n");
    assert_eq!(values(&f, "day"), ["2019-12-19"]);
    let f = facts("请各院通知研究生携带14元照相费用(缴费可以支付宝或者微信支付，也可以现金支付)按照附表一的时间安排，到八里台校区学生活动中心一楼多功能厅(2021年10月22日)、津南校区体育场(2021年10月23日)参加图像采集。\n");
    assert_eq!(values(&f, "day"), ["2021-10-22", "2021-10-23"]);
}

/// Pieces real notices are made of, and the marks between them that byte offsets trip on.
const PIECES: &[&str] = &[
    "，",
    ",",
    "、",
    "。",
    "；",
    "：",
    ":",
    "(",
    ")",
    "（",
    "）",
    "—",
    "~",
    "至",
    "\n",
    " ",
    "　",
    "2024年",
    "4月",
    "22日",
    "2024448日",
    "20231116日",
    "2013127日",
    "(星期六)",
    "周五",
    "8:00-9:30",
    "上午",
    "下午09:0011:30",
    "采集",
    "拍摄时间:",
    "采集地点:",
    "学院",
    "教室",
    "校区",
    "补拍",
    "因特殊原因",
    "线上",
    "小程序",
    "特征码",
    "元/人",
    "15元",
    "缴费",
    "着装要求:",
    "不得",
    "露出",
    "衣服",
    "①",
    "1.2 ",
    "２",
    "届",
    "级",
    "当前位置:",
    "首页>>",
    "正文",
    "教务处",
    "关于",
    "通知",
    "安排",
    "前",
    "华南師範大學",
    "培养单位",
    "采集时段及大概人数",
    "人)",
    "联系电话",
    "0731-8888888",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
    /// Whatever the text, reading it gives facts or leaves them out: never a panic.
    #[test]
    fn reading_any_text_never_panics(parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..80)) {
        let _ = facts(&parts.concat());
    }
}

/// Every regression notice cut short anywhere (as search excerpts and pasted pages are) reads
/// without a panic.
#[test]
fn notices_cut_anywhere_never_panic() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let files = [
        "dicp.txt",
        "hnust-2026.txt",
        "xiangdian-2024.txt",
        "unseen/jxutcm.txt",
        "unseen/upc.txt",
        "unseen/hit.txt",
        "unseen/bigc.txt",
        "unseen/fafu_2022.txt",
        "unseen/hhu_2023.txt",
        "unseen/sdu_2013.txt",
        "unseen/sju.txt",
    ];
    for f in files {
        let text = std::fs::read_to_string(root.join(f)).expect("fixture");
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &at in cuts.iter().step_by((cuts.len() / 20).max(1)) {
            let _ = facts(&text[..at]);
            let _ = facts(&text[at..]);
        }
    }
}

#[test]
fn what_the_photos_are_for_and_days_the_fee_is_mentioned_in() {
    let f = facts("三、要求\n图像信息采集的照片用于毕业、学位证书网上电子注册,因此务必督促学生注意本人着装及仪表等。\n");
    assert!(values(&f, "dress").is_empty(), "{f:?}");
    let f = facts("一、采集时间\n2022 年 1月10日至23日,费用自理。\n");
    assert!(values(&f, "fee.deadline").is_empty(), "{f:?}");
    let f = facts("缴费方式:2022年3月14-16日通过校园统一支付平台进行缴费,每人15元。\n");
    assert_eq!(values(&f, "fee.deadline").len(), 1, "{f:?}");
}

#[test]
fn a_local_number_after_its_label_is_a_contact() {
    let f = facts("五、咨询\n如有问题请联系教务处,联系电话:2967052。\n学生服务热线36521352。\n");
    let c = values(&f, "contact");
    assert!(c.iter().any(|x| x.contains("2967052")) && c.iter().any(|x| x.contains("36521352")), "{f:?}");
    // A date's digits are no phone.
    assert!(values(&facts("联系电话见附件,2023年11月16日\n"), "contact").is_empty());
}

#[test]
fn places_each_with_their_day_in_brackets() {
    let f = facts("请研究生按照附表一的时间安排，到八里台校区学生活动中心一楼多功能厅(2021年10月22日)、津南校区体育场(体育馆东侧)(2021年10月23日)和泰达校区(2021年10月20日)参加图像采集。\n");
    assert_eq!(values(&f, "room"), ["八里台校区学生活动中心一楼多功能厅", "津南校区体育场(体育馆东侧)", "泰达校区"]);
    assert_eq!(values(&f, "day"), ["2021-10-22", "2021-10-23", "2021-10-20"]);
    assert_eq!(values(&facts("一、采集对象\n预计于2025年1月及6月毕业的学生。\n"), "cohort"), ["2025"]);
}

#[test]
fn a_when_and_where_section_lists_campuses_and_their_days() {
    let f = facts("二、时间及地点:\n北校区:2018年10月11日(星期四 )\n南校区:2018年10月18日(星期四)\n具体时间及地点见附表。\n");
    assert_eq!(values(&f, "day"), ["2018-10-11", "2018-10-18"]);
    assert_eq!(values(&f, "room"), ["北校区", "南校区"]);
}

#[test]
fn free_attempts_a_policy_start_and_online_in_other_words() {
    let f = facts("合肥校本部学生:2025年6月16日—19日8:00-17:00,请同学们在上述规定时间参加毕业生图像采集(共10次免费提交检测机会),图像检测成功后上传至小程序系统。\n");
    assert!(values(&f, "fee.payer").is_empty() && values(&f, "fee.deadline").is_empty(), "{f:?}");
    let f = facts("根据教育部文件精神,自2023届毕业生开始,学信网启用基于图像采集码的加密采集传输模式。\n");
    assert!(values(&f, "cohort").is_empty(), "{f:?}");
    let f = facts("一、采集时间\n2020年10月26日-10月30日\n二、采集方式\n本次图像采集为线上采集,请同学们登录微信,搜索小程序江苏图采。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    let f = facts("二、采集办法\n请登录小程序“江苏图采(或关注“江苏省招就中心”公众号,选择“图像采集”项目,线上采集。\n");
    assert!(!values(&f, "online").iter().any(|o| o.contains("或关注")), "{f:?}");
}

#[test]
fn capture_in_a_mini_program_with_no_room_is_online_only() {
    let f = facts("一、图像采集时间\n2021年10月4日至10月12日\n二、采集办法\n2022届预计毕业生应在规定时间内登录“江苏图采”微信小程序或关注“江苏省招就中心”公众号,选择“服务指南”中“图像采集”项目。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    // With a place to come to, it is not.
    let f = facts(
        "一、采集时间\n2021年10月4日至10月5日\n二、采集地点:图书馆报告厅\n请登录“江苏图采”微信小程序,选择“图像采集”项目获取采集码。\n",
    );
    assert_eq!(values(&f, "day"), ["2021-10-04", "2021-10-05"]);
}

#[test]
fn a_period_of_checking_and_capture_is_no_days_and_a_window_line_no_slot() {
    let f = facts("根据要求,我校于2022年10月8日-28日进行2023届毕业生信息核对和图像信息采集工作。\n1、数据核对阶段:10月8日-10月13日,各学院组织学生核对。\n二、图像采集\n1、2023届毕业生图像信息采集时间为10月26日-10月28日,地点为图书馆报告厅。\n");
    assert_eq!(values(&f, "day"), ["2022-10-26", "2022-10-27", "2022-10-28"]);
    let f = facts("一、采集时间\n2025年3月17日-3月21日,每天08:00—18:00\n");
    assert!(values(&f, "slot").is_empty() && values(&f, "group").is_empty(), "{f:?}");
}

#[test]
fn places_named_in_full_each_and_the_end_of_a_period() {
    let f = facts("地点:世纪馆北大厅、世纪馆北105室(具体分学院安排见附件一)\n");
    assert_eq!(values(&f, "room"), ["世纪馆北大厅", "世纪馆北105室"]);
    let f = facts("采集地点:第九教学楼103室、106室\n");
    assert_eq!(values(&f, "room"), ["第九教学楼103室", "第九教学楼106室"]);
    let f = facts("一、现场采集\n2.采集时间:即日起—2024年11月22日\n3.采集地点:图书馆\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn what_the_fee_pays_for_in_its_usual_wordings() {
    for (text, what) in [
        ("4、图像采集费用:15元/人,包含现场照相、照片冲印、电子照片上传学信网等服务。\n", "现场照相、照片冲印、电子照片上传学信网"),
        (
            "费用通过小程序自行支付,含电子图像采集、学信网学历照片上传、纸质背胶照片邮寄等。\n",
            "电子图像采集、学信网学历照片上传、纸质背胶照片邮寄",
        ),
        (
            "3.拍摄费用:相片采集工本费15元/每个毕业生(图片社提供8张大一寸相片和图像数据文件),班干部请提前收齐。\n",
            "8张大一寸相片和图像数据文件",
        ),
        (
            "三、交费方式\n江苏省高校招生就业指导中心为我校毕业生提供电子图像采集、实名验证、后期制作等服务;\n",
            "电子图像采集、实名验证、后期制作",
        ),
    ] {
        assert_eq!(values(&facts(text), "fee.includes"), [what], "{text}");
    }
    let f = facts("5、收费方式:请各班班长提前收齐本班同学的费用(有学籍在校学生,包括预备参加补拍的学生)。\n");
    assert!(values(&f, "fee.includes").is_empty(), "{f:?}");
}

#[test]
fn a_school_named_at_the_head_of_its_title_or_by_its_label() {
    assert_eq!(values(&facts("南开大学2022届毕业研究生图像信息采集通知\n各培养单位:\n"), "school"), ["南开大学"]);
    assert!(values(&facts("2022届毕业研究生图像信息采集通知\n"), "school").is_empty());
    let f =
        facts("关于2018年毕业研究生图像信息采集工作的安排\n请填写正确信息,否则无法上传到“学信网”(学校名称:兰州大学,学校代码:10730)。\n");
    assert_eq!(values(&f, "school"), ["兰州大学"]);
}

#[test]
fn a_date_before_which_to_act_is_no_capture_day() {
    let f = facts("一、采集时间\n图像采集时间为2024年5月8日(周三)上午8:30-11:30。\n请各学院于5月6日(周一)下午下班前将图像采集名单报送教务处,如有问题及时沟通。\n");
    assert_eq!(values(&f, "day"), ["2024-05-08"], "{f:?}");
}

#[test]
fn records_kept_for_checking_say_nothing_of_who_pays() {
    let f = facts("三、收费标准\n图像采集费每人25元。\n学生交费记录由二级学院自行保存，备查。\n");
    assert!(values(&f, "fee.method").iter().all(|m| !m.contains("备查")), "{f:?}");
}

#[test]
fn the_photographers_office_is_no_capture_room() {
    let f = facts("关于图像采集的通知\n采集地点:中北校区文史楼102。\n未参加者可自行前往补拍,公司地点:虹口区四川北路1号2108室。\n");
    assert_eq!(values(&f, "room"), ["中北校区文史楼102"], "{f:?}");
}

#[test]
fn a_section_of_time_place_and_scope_names_only_its_students_as_audience() {
    let f =
        facts("一、拍摄时间、地点、范围:\n时间:2013年5月20日上午8:00-11:30\n地点:图书馆一楼大厅\n范围:2013届全体毕业生\n二、注意事项\n");
    assert_eq!(values(&f, "audience"), ["2013届全体毕业生"], "{f:?}");
}

#[test]
fn waiting_ones_turn_is_no_dress_rule() {
    let f = facts("四、注意事项\n1.不要大声喧哗,以班级为单位,检查着装,等候拍照。\n2.请穿深色有领上衣。\n");
    assert_eq!(values(&f, "dress"), ["请穿深色有领上衣"], "{f:?}");
}

#[test]
fn a_breadcrumb_run_into_the_title_is_no_part_of_it() {
    let f = facts("您当前所在位置首页网络教育通知公告关于2018届毕业生图像采集的通知\n各学习中心:\n");
    assert_eq!(values(&f, "title"), ["关于2018届毕业生图像采集的通知"], "{f:?}");
}

#[test]
fn a_document_number_that_lost_its_bracket_is_no_date() {
    let f = facts("关于图像采集的通知\n根据教育部(教毕指【201799号)文件精神,2017年10月20日在图书馆进行图像采集。\n");
    assert_eq!(values(&f, "day"), ["2017-10-20"], "{f:?}");
}

#[test]
fn a_makeup_after_the_online_window_keeps_no_dates_of_it() {
    let f = facts("关于成人高等教育2024届毕业生图像采集的通知\n一、采集方式\n本次采集为线上采集,学员于2023年9月6日至10月13日通过“毕业证照”小程序完成采集。\n二、补拍\n未在2023年9月6日至10月13日完成采集的学员,需自行联系新华社进行单独散拍。\n");
    assert!(values(&f, "makeup").iter().all(|m| !m.contains("2023-09-06")), "{f:?}");
}

#[test]
fn who_must_come_said_in_a_sentence_is_the_audience() {
    for (text, who) in [
        ("关于图像采集的通知\n全体2025届预计毕业生必须参加此次图像采集。\n", "全体2025届预计毕业生"),
        (
            "关于图像采集的通知\n2、今年我院需要参加信息采集的学生有:2021级三年制普招专科毕业生; 2019级五年一贯制毕业生。\n",
            "2021级三年制普招专科毕业生；2019级五年一贯制毕业生",
        ),
        (
            "关于图像采集的通知\n1.本次拍摄针对2018年6月及2018年12月毕业研究生,拍摄工作定于2017年11月1日进行。\n",
            "2018年6月及2018年12月毕业研究生",
        ),
        ("关于图像采集的通知\n按照教学工作总体安排,2020届预计毕业生图像信息采集时间定于2019年4月17日。\n", "2020届预计毕业生"),
    ] {
        assert_eq!(values(&facts(text), "audience"), [who], "{text}");
    }
    // Who is to be told, not who comes.
    let f = facts("关于图像采集的通知\n请各学院通知2018年6月毕业的学生家长。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn an_online_window_from_now_ends_on_its_date() {
    let f = facts("关于毕业生图像采集的通知\n发布日期:2024-09-24\n一、采集方式\n本次采集采用线上方式。\n二、采集时间:即日起—2024年11月30日\n学生使用手机微信搜索“毕业证照”小程序,即刻开启照片采集服务。\n");
    // Its first day is not the page's posting date: the notice writes only 即日起.
    assert_eq!(values(&f, "online"), ["“毕业证照”小程序 | ..2024-11-30"], "{f:?}");
    let f = facts("关于毕业生图像采集的通知\n一、采集方式\n本次采集采用线上方式。\n二、采集时间\n即日起至20241215\n学生使用手机微信搜索“毕业证照”小程序,即刻开启照片采集服务。\n");
    assert_eq!(values(&f, "online"), ["“毕业证照”小程序 | ..2024-12-15"], "{f:?}");
}

#[test]
fn a_pages_section_name_is_no_title() {
    let f = facts("工作通知\n关于4月15日补拍毕业研究生图像信息工作的通知\n发布时间:2023年04月11日\n");
    assert_eq!(values(&f, "title"), ["关于4月15日补拍毕业研究生图像信息工作的通知"], "{f:?}");
}

#[test]
fn a_date_that_lost_its_month_mark_is_read_when_it_splits_one_way() {
    let f = facts("关于图像采集的通知\n发布时间:2023年04月11日\n兹定于415日进行2023届毕业研究生图像采集工作。\n");
    assert_eq!(values(&f, "day"), ["2023-04-15"], "{f:?}");
    // 111日 is 1月11日 or 11月1日; 约120日 is a count of days.
    let f = facts("关于图像采集的通知\n发布时间:2023年04月11日\n兹定于111日进行图像采集工作,照片约120日后可查询。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn an_app_named_after_its_kind_or_without_quotes_is_the_platform() {
    let f = facts("关于图像采集的通知\n我校2024届预计毕业研究生继续采用“江苏图采”图像远程采集系统进行线上采集电子图像。\n2023年3月15日—3月24日,拍摄时间段为每天08:00—18:00。\n学生登录微信,打开小程序“江苏图采”;或关注“江苏省招就中心”公众号,选择“服务指南”中的“图像采集”项目。\n");
    assert_eq!(values(&f, "online"), ["“江苏图采”小程序 | 2023-03-15..2023-03-24"], "{f:?}");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    let f = facts("关于图像采集的通知\n学校决定对上述学生利用青聪拍小程序进行线上采集,现将相关要求通知如下:\n");
    assert_eq!(values(&f, "online"), ["青聪拍小程序"], "{f:?}");
}

#[test]
fn a_web_table_with_merged_date_and_period_cells_is_read_by_what_each_cell_holds() {
    let f = facts(concat!(
        "二、时间及地点安排\n时间:2025年3月24-25日\n地点:J2国际交流中心报告厅\n采集时间及顺序安排:\n",
        "日期 | 节次 | 时间 | 采集顺序 |\n",
        "3月24日 | 第1-2节课 | 9:30-10:00 | 行政管理22-[1-2]班 |\n",
        "10:00-10:30 | 统计学22-[1-2]班 | ||\n",
        "午间 | 14:00-14:50 | 自动化[1-3]班 | |\n",
        "3月25日 | 第1-2节课 | 9:30-10:10 | 数学与应用数学22-[1-2]班 |\n",
        "10:10-10:45 | 思想政治教育22-[1-2]班 | ||\n",
    ));
    assert_eq!(values(&f, "room"), ["J2国际交流中心报告厅"], "{f:?}");
    assert_eq!(
        values(&f, "slot"),
        [
            "2025-03-24 09:30-10:00 J2国际交流中心报告厅 行政管理22-[1-2]班",
            "2025-03-24 10:00-10:30 J2国际交流中心报告厅 统计学22-[1-2]班",
            "2025-03-24 14:00-14:50 J2国际交流中心报告厅 自动化[1-3]班",
            "2025-03-25 09:30-10:10 J2国际交流中心报告厅 数学与应用数学22-[1-2]班",
            "2025-03-25 10:10-10:45 J2国际交流中心报告厅 思想政治教育22-[1-2]班",
        ],
        "{f:?}"
    );
}

#[test]
fn a_page_header_names_who_wrote_or_published_it() {
    let f = facts("关于做好2026届普通本科毕业生电子图像采集工作的通知\n作者:学籍学位科发布时间:2025-03-11浏览次数:13126\n各二级学院:\n");
    assert_eq!(values(&f, "office"), ["学籍学位科"], "{f:?}");
    let f = facts("关于2025届毕业生图像采集的通知\n发布者:湖州开放大学发布时间:2025-03-20浏览次数:20\n各位同学:\n");
    assert_eq!(values(&f, "school"), ["湖州开放大学"], "{f:?}");
    // A college that published it is no school.
    let f = facts("关于2025届毕业生图像采集的通知\n发布者:外国语学院发布时间:2025-03-20\n各位同学:\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn a_date_that_lost_its_marks_is_read_when_hours_follow() {
    let f = facts("关于图像采集的通知\n(一)电子图像采集时间\n会峰校区:2025316 9:00-14:20\n");
    assert_eq!(values(&f, "day"), ["2025-03-16"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2025-03-16 09:00-14:20"], "{f:?}");
}

#[test]
fn a_school_in_an_attachments_title_after_its_cohort() {
    let f = facts("关于图像采集的通知\n缴费方式见《2025届山东电子职业技术学院“集中采小助手”学生端操作手册》(附件1)。\n");
    assert_eq!(values(&f, "school"), ["山东电子职业技术学院"], "{f:?}");
}

#[test]
fn a_class_or_college_that_collects_the_fee_pays_it() {
    let f = facts("三、收费标准与缴费方式\n学历证书图像采集费为15元/人,支付方式可以选择现金或者微信支付。由学习委员以学生班为单位统一收齐后,于图像采集时现场交图像采集单位。\n");
    assert_eq!(values(&f, "fee.payer"), ["class"], "{f:?}");
    for text in [
        "拍照完新华社将数据汇总给学院后,请学院为单位收齐拍照费用(每人15元)用支付宝转给新华社账号。\n",
        "采集费用每人20元,务必于2024年5月7日下午下班前,按学院以非现金方式交教务处。\n",
        "每人需缴纳采集费20元。各院图像采集费请统一转账至研究生院指定账户。\n",
    ] {
        assert_eq!(values(&facts(text), "fee.payer"), ["college"], "{text}");
    }
    let f = facts("四、费用\n15/人,线上缴费,缴费方式见附件1。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
}

#[test]
fn every_sentence_under_a_dress_topic_is_a_rule() {
    let f = facts("(四)衣着:图像采集时学生着装应避免穿蓝色、蓝绿色上衣,以免和背景颜色趋同影响照片效果;避免复杂图案、条纹。\n");
    assert!(values(&f, "dress").contains(&"避免复杂图案、条纹"), "{f:?}");
    let f = facts("3)佩饰及遮挡物:不得使用头部覆盖物(宗教、医疗和文化需要时,不得遮挡脸部或造成阴影)。不得佩戴耳环、项链等饰品。\n");
    assert_eq!(
        values(&f, "dress"),
        ["不得使用头部覆盖物(宗教、医疗和文化需要时,不得遮挡脸部或造成阴影)", "不得佩戴耳环、项链等饰品"],
        "{f:?}"
    );
    let f = facts("1、照片用于毕业证书和学位证书上,女生可化淡妆。\n7、衣着:统一白衬衫拍摄。\n");
    assert_eq!(values(&f, "dress"), ["女生可化淡妆", "统一白衬衫拍摄"], "{f:?}");
    // A rule the page cut off, and what to upload, are none.
    let f = facts("5. 佩饰及遮挡物:不得佩戴\n建议同学尽量回校现场采集,不要上传美颜、浓妆照片,否则后果自负。\n");
    assert!(values(&f, "dress").is_empty(), "{f:?}");
}

#[test]
fn a_line_labelled_with_the_time_alone_dates_capture_when_nothing_else_does() {
    let f = facts("关于图像采集的通知\n二、组织要求\n1. 时间:2020年11月10日\n上午8:30开始,各学院采集顺序另行通知。\n");
    assert_eq!(values(&f, "day"), ["2020-11-10"], "{f:?}");
    // Not the page's own date, nor a fee's.
    let f = facts("关于图像采集的通知\n日期:2025-10-16\n三、缴费\n时间:2020年11月10日\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_table_of_places_and_times_gives_each_days_hours_and_room() {
    let f = facts(concat!(
        "关于我校2023届本科预毕业生图像采集的通知\n一、拍照校区和时间安排\n",
        "校区\n\n拍摄日期\n\n时间\n\n具体地点\n\n",
        "徐汇校区(华山路1954号)\n\n11月16日(周三)\n\n8:30-18:00\n\n安泰经济与管理学院包兆龙图书馆A303教室\n\n",
        "闵行校区(东川路800号)\n\n2022年11月11日(周五)\n\n8:30-16:30\n\n上院-100号\n\n",
        "二、各学院拍照时间安排表\n",
    ));
    assert_eq!(values(&f, "room"), ["安泰经济与管理学院包兆龙图书馆A303教室", "上院-100号"], "{f:?}");
    assert!(values(&f, "sessions").contains(&"2022-11-11 08:30-16:30"), "{f:?}");
}

#[test]
fn the_attachment_list_before_the_signature_is_the_notices() {
    let f = facts(concat!(
        "校远教函〔2020〕47号\n关于印发《重庆广播电视大学\n2021届毕业生图像信息采集改革试点工作实施方案》的通知\n",
        "各区县电大:\n现将实施方案印发给你们,请遵照执行。\n附件:\n1.重庆广播电视大学毕业生图像信息采集改革试点工作实施方案\n",
        "2.国家开放大学《关于严格执行毕业生学历照片采集标准确保照片质量的通知》\n重庆广播电视大学远程教育中心\n2020年6月10日\n",
        "附件1:\n重庆广播电视大学毕业生图像信息采集\n改革试点工作实施方案\n",
    ));
    assert_eq!(values(&f, "title"), ["关于印发《重庆广播电视大学2021届毕业生图像信息采集改革试点工作实施方案》的通知"], "{f:?}");
    assert_eq!(values(&f, "school"), ["重庆广播电视大学"], "{f:?}");
    assert_eq!(values(&f, "office"), ["远程教育中心"], "{f:?}");
    assert_eq!(values(&f, "issued"), ["2020-06-10"], "{f:?}");
}

#[test]
fn an_audience_heading_run_into_its_text_and_a_scope_of_lookup() {
    let f = facts("一、图像采集对象预计于2025年毕业的成人高等教育学生(2023级高起专和专升本)。\n");
    assert_eq!(values(&f, "audience"), ["预计于2025年毕业的成人高等教育学生(2023级高起专和专升本)"], "{f:?}");
    let f = facts("关于图像采集的通知\n3.采集码查询范围:注册状态为“注册学籍”的成人高等教育学生。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
    let f = facts("关于印发方案的通知\n同意我校2020年继续开展毕业生图像信息采集改革试点工作。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
    let f = facts("关于做好2024届预计毕业研究生图像信息采集工作的通知\n各培养单位:\n");
    assert_eq!(values(&f, "audience"), ["2024届预计毕业研究生"], "{f:?}");
}

#[test]
fn a_proofreading_so_long_after_capture_keeps_the_notices_unit() {
    let cases = [
        ("参加本次集中采集的研究生,可于采集三个月后登陆学信网查询毕业图像。", "采集后约 3 个月"),
        ("本次拍摄完毕40个工作日后,请各学院及时组织研究生登录“学信网”,做好图像信息核对工作。", "采集后约 40 个工作日"),
        ("完成采集约30个工作日学生登录学信网核对照片。", "采集后约 30 个工作日"),
        ("新华社将电子照片上传至学信网(大约在两个月之后),请同学务必登录学信网进行学历图像校对。", "采集后约 2 个月"),
        ("请务必于拍摄后40天登录网站进行图像信息校对。", "采集后约 40 天"),
    ];
    for (line, want) in cases {
        let f = facts(&format!("关于图像采集的通知\n{line}\n"));
        assert_eq!(values(&f, "proofreading"), [want], "{line}: {f:?}");
    }
    // A count with no unit of time after it is no delay.
    let f = facts("关于图像采集的通知\n拍摄后2个工作组将照片上传学信网,请同学校对。\n");
    assert!(values(&f, "proofreading").is_empty(), "{f:?}");
}

#[test]
fn checking_ones_photo_on_chsi_in_other_words_is_proofreading() {
    let f = facts(
        "关于图像采集的通知\n学生电子摄像50天后,学生本人须在网站www.chsi.com.cn进行实名制注册后,登录本人学信档案进行图像信息核实。\n",
    );
    assert_eq!(values(&f, "proofreading"), ["采集后约 50 天"], "{f:?}");
    // When one's record shows on 学信网 is no check of the photo.
    let f = facts("关于图像采集的通知\n拟于2020年12月申请毕业的研究生,若参加本次集中采集,学历信息将在图像上传后才能在学信网查询。\n");
    assert!(values(&f, "proofreading").is_empty(), "{f:?}");
}

#[test]
fn a_pages_banner_office_and_posting_time() {
    let f = facts("教务处\n \n当前位置:文章正文\n关于2025届预计毕业生毕业图像采集的通知\n2024-04-28 15:55   审核人:\n各学院:\n请按时参加。\n天津体育学院教务处\n2024年4月28日\n");
    assert_eq!(values(&f, "office"), ["教务处"], "{f:?}");
    assert_eq!(values(&f, "school"), ["天津体育学院"], "{f:?}");
    assert_eq!(values(&f, "issued"), ["2024-04-28"], "{f:?}");
    let f = facts("关于2013届毕业生图像信息采集的通知\n日期:2012年04月16日 11:10  发布人:网站编辑  浏览量:[]\n各系:\n");
    assert_eq!(values(&f, "issued"), ["2012-04-16"], "{f:?}");
}

#[test]
fn a_fee_deadline_in_the_afternoon_and_a_date_for_forms() {
    let f = facts("三、费用\n采集费用每人20元,务必于2024年5月7日下午下班前,按学院以非现金方式交教务处。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2024-05-07"], "{f:?}");
    let f = facts("三、费用\n每人需缴纳采集费20元。学院于2017年10月31日上午11:30之前将汇总表纸制版交研究生院,各院图像采集费请统一转账至研究生院指定账户。\n");
    assert!(values(&f, "fee.deadline").is_empty(), "{f:?}");
}

#[test]
fn a_date_without_its_year_takes_the_year_its_weekday_names() {
    let f = facts("关于图像采集的通知\n从2022年9月1日起,在全国范围内推行加密采集模式。\n2024届毕业生图像采集工作定于10月25(周三)-10月26日(周四)进行。\n二、采集时间:10月25日-26日\n");
    assert_eq!(values(&f, "day"), ["2023-10-25", "2023-10-26"], "{f:?}");
}

#[test]
fn a_window_with_weekdays_between_its_ends_is_a_period() {
    let f = facts("一、采集时间\n图像采集时间:2020年4月27日(星期一)至5月10日(星期日)。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_denied_makeup_in_the_notices_words_and_a_last_day_in_brackets() {
    let f = facts("一、2018级学生务必于2021年4月17日(周六)参加信息采集工作,过期不再安排统一补照。\n");
    assert_eq!(values(&f, "makeup"), ["过期不再安排统一补照"], "{f:?}");
    let f = facts("1.请各学院务必通知到每一位学生按时参加,学校不组织补拍。\n");
    assert_eq!(values(&f, "makeup"), ["学校不组织补拍"], "{f:?}");
    let f = facts("学生无特殊情况务必按时返校拍摄,逾期不再单独组织拍摄。\n");
    assert_eq!(values(&f, "makeup"), ["逾期不再单独组织拍摄"], "{f:?}");
    let f = facts("对2021届本科毕业生集中进行电子注册图像采集,不再安排其它时间进行集中拍摄,故请大家务必准时参加。\n");
    assert_eq!(values(&f, "makeup"), ["不再安排其它时间进行集中拍摄"], "{f:?}");
    // The denial of a further makeup, after one: the sentence is no denial (nor a makeup read here).
    let f = facts("补拍时间为2021年5月8日,逾期不再安排。\n");
    assert!(!values(&f, "makeup").iter().any(|m| m.contains("不再安排")), "{f:?}");
    // Not about capture at all.
    let f = facts("已缴费的同学不再安排退费。\n");
    assert!(values(&f, "makeup").is_empty(), "{f:?}");
    let f = facts("关于2015届图像采集的通知\n无法参加此次图像采集的学生,请在集中拍摄后2周内(2014年12月31日)前往易拍数码影像实体店补拍。\n");
    assert_eq!(values(&f, "makeup"), ["until 2014-12-31 | 易拍数码影像实体店"], "{f:?}");
}

#[test]
fn a_weekday_elsewhere_tells_the_year_of_dates_written_without_one() {
    let f =
        facts("关于2024届毕业研究生图像采集的通知\n(1)集中采集时间: 11月6日——11月7日\n经管学院采集时间是:11月11日(周六)上午 9:00——12:00\n");
    assert_eq!(values(&f, "day"), ["2023-11-06", "2023-11-07", "2023-11-11"], "{f:?}");
}

#[test]
fn a_room_one_goes_to_in_the_capture_sentence_but_not_the_makeups() {
    let f = facts("关于2022届拟毕业研究生图像采集工作的通知\n所有参加采集的研究生于2021年10月15日(星期五)9:00-11:00携带本人二代身份证到研究生教学楼(博智楼)324室进行拍照。\n");
    assert_eq!(values(&f, "room"), ["研究生教学楼(博智楼)324室"], "{f:?}");
    let f = facts("关于2022届图像采集工作的通知\n未参加集中采集的研究生,可于2022年1月前到新华社大学生图像采集中心进行补拍。\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
    let f = facts("关于2024届毕业研究生图像采集的通知\n2024届毕业研究生电子信息采集(照相)工作即将开始。\n");
    assert_eq!(values(&f, "audience"), ["2024届毕业研究生"], "{f:?}");
}

#[test]
fn capture_moved_online_to_a_site_by_its_address() {
    let f = facts(concat!(
        "全体2020届毕业研究生:\n受新冠肺炎疫情影响,新华社中国图片社将2020届毕业生图像信息采集由现场采集改为网络采集。\n",
        "二、集中采集的安排\n时间:2020年4月27日(星期一)至5月10日(星期日)\n网址:http://www.xinhuacu.com/www/#/login,不得使用搜索引擎搜索。\n费用:20元/人\n",
    ));
    assert_eq!(values(&f, "online"), ["http://www.xinhuacu.com/www/#/login | 2020-04-27..2020-05-10 | 20"], "{f:?}");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_window_whose_year_mark_and_last_day_mark_were_lost() {
    let f = facts("关于做好2026届毕业研究生图像信息采集工作的通知\n发布时间: 2025-03-20\n本次采集采用线上方式,登录小程序“江苏图采”进行图像采集。\n一、采集时间及对象\n采集时间:20253月28日-4月1\n");
    assert_eq!(values(&f, "online"), ["“江苏图采”小程序 | 2025-03-28..2025-04-01"], "{f:?}");
}

#[test]
fn whom_to_contact_between_yu_and_lianxi() {
    let f = facts("1、请各函授站根据情况拟定拍摄时间并提前与新华社山东分社联系,联系电话:13864065275,联系人:于庆庆。\n");
    assert_eq!(values(&f, "contact"), ["新华社山东分社 13864065275"], "{f:?}");
}

#[test]
fn when_to_call_is_no_ones_name() {
    let f = facts("因疫情影响如未能及时审核的,可在两个工作日后致电13701738332咨询。\n");
    assert!(values(&f, "contact").is_empty(), "{f:?}");
}

#[test]
fn a_relayed_notice_names_the_school_after_zhuanfa() {
    let f = facts("转发沈阳师范大学关于2009届毕业生图像信息采集的通知\n各位同学:\n");
    assert_eq!(values(&f, "school"), ["沈阳师范大学"], "{f:?}");
}

#[test]
fn the_audience_ends_where_the_sections_next_item_begins() {
    let f = facts("一、电子图像采集对象\n\n2016级医学类五年制本科专业学生和2017级四年制本科专业学生。\n\n、采集时间\n\n2020年656月10日。\n\n、采集办法\n");
    assert_eq!(values(&f, "audience"), ["2016级医学类五年制本科专业学生和2017级四年制本科专业学生"], "{f:?}");
    let f = facts("一、图像采集的范围\n\n1. 2024届本科毕业生(含第二学士学位学生);\n\n2. 2023届本科毕业生中未进行图像采集的学生。\n\n\n校区\n\n采集时间\n");
    assert_eq!(values(&f, "audience"), ["2024届本科毕业生(含第二学士学位学生)；2023届本科毕业生中未进行图像采集的学生"], "{f:?}");
}

#[test]
fn a_dress_rule_without_the_steps_and_purposes_around_it() {
    let f = facts("四、注意事项\n拍摄前,学生需按照图像采集要求,提前整理好仪容仪表(具体着装要求见附件2),带好手机,亮出采集码(将手机调亮),排队依次扫描后进行拍摄。\n");
    assert_eq!(values(&f, "dress"), ["提前整理好仪容仪表(具体着装要求见附件2)"], "{f:?}");
    let f =
        facts("四、注意事项\n图像信息采集的照片将用于本人的毕业证书及网上学历查询,请学生着正装或有领上衣,要求免冠、保持面貌、衣冠整洁。\n");
    assert_eq!(values(&f, "dress"), ["请学生着正装或有领上衣,要求免冠、保持面貌、衣冠整洁"], "{f:?}");
}

#[test]
fn a_makeup_before_a_month_lasts_to_the_end_of_the_one_before() {
    let f = facts("关于2022届图像采集工作的通知\n六、零散拍摄 如果不能参加集中拍照,需要本人在2022年1月之前到沈阳市浑南二路1号,新华国际公寓D座1-1门网点,须携带身份证。\n");
    assert_eq!(values(&f, "makeup"), ["until 2021-12-31"], "{f:?}");
}

#[test]
fn a_missed_capture_next_year_is_a_makeup_of_no_stated_year() {
    let f = facts("关于做好学历证书电子注册图像信息采集工作的通知\n发布时间:2008-03-10\n1、每年的5月至12月底完成。外地学生,漏拍和因故未拍照学生将在下一年的4月15日---4月30日在新华社吉林分社一楼集中拍摄。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    assert!(values(&f, "makeup").iter().all(|m| !m.contains("2008")), "{f:?}");
}

#[test]
fn a_run_of_dashes_joins_a_range() {
    let f = facts("一、采集时间\n图像采集时间:2022年6月28日---7月2日,上午8:30-11:30。\n");
    assert_eq!(values(&f, "day"), ["2022-06-28", "2022-06-29", "2022-06-30", "2022-07-01", "2022-07-02"], "{f:?}");
}

#[test]
fn a_timetable_of_a_day_then_times_and_colleges_each_on_its_line() {
    let f = facts(concat!(
        "关于做好2023届毕业生图像信息采集工作的通知\n发布时间:2022-11-09\n二、具体工作安排\n1.时间:2022年11月21、22\n3.地点:文综楼一楼东模拟法庭(东校区)、模拟法庭(西校区)\n \n",
        "11月21日(东校区)\n\n8:30-9:00\n\n 地理与旅游学院\n\n9:00-9:30\n\n文学院\n\n三、注意事项\n",
    ));
    assert_eq!(values(&f, "room"), ["文综楼一楼东模拟法庭(东校区)", "模拟法庭(西校区)"], "{f:?}");
    assert_eq!(
        values(&f, "slot"),
        [
            "2022-11-21 08:30-09:00 文综楼一楼东模拟法庭(东校区) 地理与旅游学院",
            "2022-11-21 09:00-09:30 文综楼一楼东模拟法庭(东校区) 文学院"
        ],
        "{f:?}"
    );
}

#[test]
fn days_with_weekdays_under_a_place_and_time_section_in_the_titles_year() {
    let f = facts(concat!(
        "关于组织2024级研究生新生进行图像信息采集的通知\n二、具体安排\n3.地点、时间\n",
        "9月3日(周二)(8:30-12:00,13:00-18:00)\n东校区:公主楼三层报告厅\n",
        "5.各学院具体时间安排\n校区、日期 | 时间 | 学院 |\n东校区 9月3日 | 8:30--10:30 | 经管 |\n10:30--12:00 | 工学、马院 | |\n西校区 9月4日 | 8:30--10:00 | 资环、园艺 |\n",
    ));
    assert_eq!(values(&f, "day"), ["2024-09-03", "2024-09-04"], "{f:?}");
    assert_eq!(
        values(&f, "slot"),
        // (The 东校区 rows in the room the notice labels so; the 西校区 room is not given.)
        [
            "2024-09-03 08:30-10:30 公主楼三层报告厅 经管",
            "2024-09-03 10:30-12:00 公主楼三层报告厅 工学、马院",
            "2024-09-04 08:30-10:00 ? 资环、园艺"
        ],
        "{f:?}"
    );
}

#[test]
fn a_proofreading_with_one_date_has_its_last_or_first_day() {
    let f =
        facts("关于做好2024届毕业生学历电子图像校对工作的通知\n要求毕业生于2024430日前登陆中国高等教育学生信息网(学信网)进行信息校对。\n");
    assert_eq!(values(&f, "proofreading"), ["..2024-04-30"], "{f:?}");
    let f = facts("2、从2021年4月1日起,学生登录学信网(www.chsi.com.cn)核对本人学历照片,如有误请及时联系。\n");
    assert_eq!(values(&f, "proofreading"), ["2021-04-01.."], "{f:?}");
    // A lone date that is neither: no window.
    let f = facts("2021年4月1日学信网图像校对系统开放说明会。\n");
    assert!(values(&f, "proofreading").is_empty(), "{f:?}");
}

#[test]
fn a_title_that_explains() {
    let f = facts("关于研究生学历证书(含毕业和结业)、学位证书照片采集常见问题的说明\n\n时间:2018-12-17浏览:540\n一、数码照片采集说明\n");
    assert_eq!(values(&f, "title"), ["关于研究生学历证书(含毕业和结业)、学位证书照片采集常见问题的说明"], "{f:?}");
    let f = facts("一、数码照片采集说明\n请携带二代身份证。\n");
    assert!(values(&f, "title").is_empty(), "{f:?}");
}

#[test]
fn a_groups_line_with_its_time_and_the_place_on_the_line_under_it() {
    let f = facts(
        "图像采集工作将于2020年11月9日(周一)—11月12日(周四)进行。\n1.拍摄时间、地点:\n2018级科硕:11月9日上午10:00—10:10\n地点:柳林校区学生活动中心多功能厅\n2019级专硕:11月11日上午9:15—9:25\n地点:光华校区光华楼西厅会议室\n",
    );
    assert_eq!(values(&f, "room"), ["柳林校区学生活动中心多功能厅", "光华校区光华楼西厅会议室"], "{f:?}");
    let slots = values(&f, "slot");
    assert_eq!(slots.len(), 2, "{f:?}");
    assert!(slots[0].starts_with("2020-11-09 10:00-10:10 ") && slots[0].ends_with("2018级科硕"), "{slots:?}");
    assert!(slots[1].starts_with("2020-11-11 09:15-09:25 ") && slots[1].ends_with("2019级专硕"), "{slots:?}");
    assert!(slots.iter().all(|s| !s.contains(" ? ")), "each slot in the room under it: {slots:?}");
}

#[test]
fn minutes_early_with_the_fen_left_out() {
    let f = facts("7、研究生必须服从安排,按预定的时间提前20钟到达照相地点,以班为单位。\n");
    assert_eq!(values(&f, "arrive_early_minutes"), ["20"], "{f:?}");
}

#[test]
fn a_cited_documents_cohort_and_a_fee_window_are_not_the_notices() {
    let f = facts("根据教育部《关于高等教育学历证书像片电子图像采集工作程序及要求的通知》(教毕指[2002]4号)和广东省教育厅《转发教育部办公厅、新华社办公厅关于做好2003届高校毕业生图像信息采集工作的通知》(粤教高[2002]151号)之规定,高校毕业生的相片采集工作由中国图片社统一实施。\n一、交费时间和方式\n请2022届硕士毕业生务必于2021年12月1日起至2021年12月22日下午5:30止关注“五邑大学财务处”微信公众号,在“其他缴费”项目内选择“毕业生电子图片采集费”进行微信支付。\n");
    assert_eq!(values(&f, "cohort"), ["2022"], "{f:?}");
    assert!(!values(&f, "audience").iter().any(|a| a.contains("2003")), "{f:?}");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    // The notice's own attachment names its cohort.
    let f = facts("1、拍照安排:详见附件1:《2021届毕业生拍照安排》,请学生按照自己院系排定时间来拍照。\n");
    assert_eq!(values(&f, "cohort"), ["2021"], "{f:?}");
}

#[test]
fn bareheaded_is_a_rule_of_its_own() {
    let f = facts("3.着装要求:不穿接近肤色及拍摄背景(蓝色)的服装,不戴毛、围巾,不穿长毛领子外衣,免冠,不戴变色眼镜和墨镜。\n");
    assert!(values(&f, "dress").contains(&"免冠"), "{f:?}");
}

#[test]
fn a_table_a_cell_per_line_with_rooms_above_their_rows() {
    let f = facts(
        "各学院:\n一、2023级新生图像信息采集时间与地点\n时间:2023年9月26日(星期二)下午\n拍摄地点 |\n各学院拍摄时间安排 |\n博学楼(一号楼)A107 |\n电信学院600 13:30-15:50 |\n理学院160 15:50-16:40 |\n|\n|\n博学楼(一号楼)A407 |\n计算机学院881 13:30-17:00 |\n|\n图像采集以班级为单位进行拍摄,请各学院根据上述时间自行安排各班拍摄时间。\n",
    );
    assert!(values(&f, "title").is_empty(), "a table's heading below the salutation is no title: {f:?}");
    assert_eq!(values(&f, "room"), ["博学楼(一号楼)A107", "博学楼(一号楼)A407"], "{f:?}");
    let slots = values(&f, "slot");
    assert_eq!(slots.len(), 3, "{f:?}");
    assert!(slots[0].starts_with("2023-09-26 13:30-15:50 ") && slots[0].ends_with(" 电信学院"), "{slots:?}");
    assert!(slots[2].starts_with("2023-09-26 13:30-17:00 ") && slots[2].ends_with(" 计算机学院"), "{slots:?}");
    assert_ne!(slots[0].split(' ').nth(2), slots[2].split(' ').nth(2), "each in its own room: {slots:?}");
    assert_eq!(values(&f, "group"), ["电信学院 600人", "理学院 160人", "计算机学院 881人"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2023-09-26 13:30-17:00"], "{f:?}");
}

#[test]
fn paying_online_is_not_capture_online_and_a_refund_is_not_how_to_pay() {
    let f = facts("拍摄时间:2019年11月20日。\n三、拍摄费用每人20元。本次报名拍摄及缴费采取网上形式,报名及缴费地址://ehall.example.com/new/index.html。(请各学院确认好参加拍摄的学生以及缴费的学生,一般不予退款)。\n");
    assert!(values(&f, "online").is_empty(), "{f:?}");
    assert!(!values(&f, "fee.method").iter().any(|m| m.contains("确认好")), "{f:?}");
    assert_eq!(values(&f, "day"), ["2019-11-20"], "{f:?}");
}

#[test]
fn a_sentence_under_a_place_heading_is_no_room() {
    let f =
        facts("二、信息图像采集时间及地点\n图像采集将由新华社图像采集中心工作人员到我校统一进行,因时间安排较为紧凑,请各学院要严格遵照\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
}

#[test]
fn a_colleges_own_time_with_its_afternoon_after_a_semicolon() {
    let f = facts("关于2024届毕业研究生图像采集的通知\n经管学院采集时间是:11月11日(周六)上午 9:00——12:00;下午13:30——17:00\n");
    assert_eq!(values(&f, "slot").len(), 2, "{f:?}");
    assert!(values(&f, "slot").iter().all(|s| s.starts_with("2023-11-11 ") && s.ends_with("经管学院")), "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2023-11-11 09:00-12:00, 13:30-17:00"], "{f:?}");
}

#[test]
fn a_fee_deadline_labelled_on_its_own_line_or_the_day_payment_stops() {
    let f = facts("二、拍摄对象及时间:\n3.网上报名缴费截止时间: 2019年11月15日。\n三、拍摄费用每人20元,由学生本人网上缴费。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2019-11-15"], "{f:?}");
    let f = facts("一、交费时间和方式\n请2022届硕士毕业生务必于2021年12月1日起至2021年12月22日下午5:30止关注“五邑大学财务处”微信公众号,在“其他缴费”项目内选择“毕业生电子图片采集费”进行微信支付。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2021-12-22"], "{f:?}");
}

#[test]
fn a_school_in_the_salutation_and_an_upload_through_an_official_account() {
    let f = facts("榆林能源科技职业学院 2023 年毕业生:\n毕业生学历照片采集工作必须于 2023 年4月1日之前完成。\n二、集中上传流程\n2、关注公众号“毕业图像采集”\n3、点击图像上传\n缴纳采集费.35元/人。\n");
    assert_eq!(values(&f, "school"), ["榆林能源科技职业学院"], "{f:?}");
    assert_eq!(values(&f, "online"), ["“毕业图像采集”公众号 | ..2023-04-01 | 35"], "{f:?}");
    // A greeting of the school's colleges names no school.
    let f = facts("各学院 2023 年毕业生:\n请按时参加。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn who_cannot_come_is_sent_to_xinhua_and_a_colleges_teachers_collect() {
    let f = facts("五、因在国外留学或其他原因不能到校参加本次图像采集的同学,请就近自行联系新华社拍摄(我校代码11057)、同时上传学信网。\n");
    assert_eq!(values(&f, "makeup"), ["新华社"], "{f:?}");
    let f = facts("因特殊原因未能在规定时间内参加校内集中采集图像的毕业生,可以在全国各地的新华社分社进行采集。\n");
    assert_eq!(values(&f, "makeup"), ["全国各地的新华社分社"], "{f:?}");
    let f = facts("四、图像采集费用20元/人,请各学院带队老师按实际拍摄人数,将学生图像采集费用统一上交我校财务处(行政楼119室)。\n");
    assert_eq!(values(&f, "fee.payer"), ["college"], "{f:?}");
}

#[test]
fn a_posting_date_after_a_bracketed_label() {
    let f = facts("关于2022届预计毕业生图像采集工作的通知\n发布者: [发表时间]:2021-10-21 [来源]: [浏览次数]:\n1.时间: 2021年11月5日(周五)上午8:30-11:00。\n");
    assert_eq!(values(&f, "issued"), ["2021-10-21"], "{f:?}");
}

#[test]
fn capture_by_uploading_photos_online_spends_no_day_in_a_room() {
    let f = facts("2020年应届本科毕业生电子图像采集工作将采用线上上传电子照片的方式完成。\n2、我校电子图像集中采集时间为:2020年5月2日0点-5月20日24点。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    let f = facts("本次采集为线上采集。\n2.登录大学生图像信息采集网【网址:https://www.xinhuacu.com/#/home】,选择“线上散拍”。\n");
    assert_eq!(values(&f, "online"), ["https://www.xinhuacu.com/#/home"], "{f:?}");
}

#[test]
fn a_list_of_days_each_on_its_line_with_its_hours() {
    let f = facts("关于2024届毕业研究生图像信息采集的通知\n发布时间:2023-10-18\n一、拍摄时间\n1026日(温江校区):9:00-16:00\n1027日(十二桥校区):9:00-16:00\n");
    assert_eq!(values(&f, "day"), ["2023-10-26", "2023-10-27"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2023-10-26 09:00-16:00", "2023-10-27 09:00-16:00"], "{f:?}");
}

#[test]
fn a_pages_header_office_and_slashed_date_and_a_range_of_two_fused_dates() {
    let f = facts("作者:张雪沁    部门:招生就业处    发布日期:2022/4/7 18:09:33    阅读次数:2128\n关于做好2023届高职毕业生图像信息采集工作的通知\n2018级高职班级:\n本次采集为线上采集,使用小程序“江苏图采”。\n一、采集时间\n202249--2022412\n");
    assert_eq!(values(&f, "office"), ["招生就业处"], "{f:?}");
    assert_eq!(values(&f, "issued"), ["2022-04-07"], "{f:?}");
    assert!(values(&f, "online").iter().any(|o| o.contains("2022-04-09..2022-04-12")), "{f:?}");
    // A number is still no date.
    let f = facts("财务账号 2022412345 请核对。\n");
    assert!(values(&f, "day").is_empty() && values(&f, "fee.deadline").is_empty(), "{f:?}");
}

#[test]
fn a_window_from_the_notices_own_day() {
    let f = facts("一、采集方式为学生线上通过小程序“应龙图像采集”进行采集;\n二、采集时间为本通知公布之日开始至2023年4月10日止;\n");
    assert!(values(&f, "online").iter().any(|o| o.contains("..2023-04-10")), "{f:?}");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_makeup_place_with_its_street_number() {
    let f = facts(
        "关于2022届毕业生图像采集的通知\n发布时间:2021-11-10\n若错过此次集中来校拍摄,需1215日前自行前往虹口区虬江之路1812108室拍摄。\n",
    );
    assert_eq!(values(&f, "makeup"), ["until 2021-12-15 | 虹口区虬江之路1812108室"], "{f:?}");
    let f = facts("关于2021届毕业生图像采集的通知\n三、补拍\n无法到达此次拍摄现场的预毕业生,需于2021年2月28日前到济南市玉函路7号新华通讯社山东分社(或新华社各地的分社)进行补拍。\n");
    assert_eq!(values(&f, "makeup"), ["until 2021-02-28 | 济南市玉函路7号新华通讯社山东分社(或新华社各地的分社)"], "{f:?}");
    // A date is no place.
    let f = facts("关于2021届毕业生图像采集的通知\n三、补拍\n未参加集中采集的同学,须到2021年3月前进行补拍。\n");
    assert!(!values(&f, "makeup").iter().any(|m| m.contains("| 2021")), "{f:?}");
}

#[test]
fn a_place_alone_under_its_days_hours_and_under_a_place_and_time_heading() {
    let f = facts("关于组织毕业研究生图像拍摄的通知\n二、采集时间及地点\n\n呈贡校区: 2017年10月25日(星期三),上午8:00 — 12:00\n\n文汇楼一栋1403教室\n\n东陆校区: 2017年10月25日(星期三),下午2:00 — 6:40\n\n南学楼106教室\n");
    assert_eq!(values(&f, "room"), ["文汇楼一栋1403教室", "南学楼106教室"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2017-10-25 08:00-12:00, 14:00-18:40"], "{f:?}");
    let f = facts("关于2024级研究生新生图像采集的通知\n3.地点、时间\n9月3日(周二)(8:30-12:00,13:00-18:00)\n东校区:公主楼三层报告厅\n9月4日(周三)(8:30-11:30,12:30-17:50)\n西校区:和园四层活动大厅\n4.采集要求\n");
    assert_eq!(values(&f, "room"), ["公主楼三层报告厅", "和园四层活动大厅"], "{f:?}");
}

#[test]
fn days_counted_after_their_digits_and_hours_without_colons() {
    let f = facts(concat!(
        "关于2021年研究生毕业相片采集的通知\n作者: 发布时间:2020-09-07 点击量:\n",
        "2、集中采集相片时间和地点:\n1)时间:\n同济校区:20209221天;\n主校区:2020929302天;\n上午830——1150 下午1330——1730\n",
        "各院()具体照相时间请查阅附件1。\n2)地点\n同济校区:医学院学子苑5076楼活动室;\n主校区:学校工会东厅\n",
        "3、研究生如不能参加本次学校集中相片采集,平时可自行前往新华社湖北分社(或其他省分社)完成毕业相片采集,费用自理。\n",
        "4、收费标准:按教育部规定执行,校内集中采集相片费用由学校统一支付。\n",
    ));
    assert_eq!(values(&f, "day"), ["2020-09-22", "2020-09-29", "2020-09-30"], "{f:?}");
    assert_eq!(values(&f, "sessions")[0], "2020-09-22 08:30-11:50, 13:30-17:30", "{f:?}");
    assert_eq!(values(&f, "room"), ["医学院学子苑5076楼活动室", "学校工会东厅"], "{f:?}");
    assert_eq!(values(&f, "fee.payer"), ["school"], "{f:?}");
    assert_eq!(values(&f, "makeup"), ["新华社湖北分社(或其他省分社)"], "{f:?}");
    // A count that does not fit the digits: no day.
    let f = facts("采集时间:同济校区:20209223天;\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn an_audience_that_heads_a_list() {
    let f = facts("关于2022届普通本科毕业生图像采集工作的通知\n一、2022届本科毕业生包括:\n1.2018级本科生;\n");
    assert_eq!(values(&f, "audience"), ["2022届本科毕业生"], "{f:?}");
}

#[test]
fn a_relayed_school_and_an_online_captures_last_day() {
    let f = facts("各位同学:\n大家好,接甘肃医学院继续教育学院通知,甘肃医学院2023级全体学生现在需要采集毕业照片,现特发布线上采集流程。\n4.毕业照片采集截止时间为2024年5月10日,请大家严格把握时间!\n");
    assert_eq!(values(&f, "school"), ["甘肃医学院"], "{f:?}");
    assert_eq!(values(&f, "office"), ["继续教育学院"], "{f:?}");
    assert_eq!(values(&f, "online"), ["线上采集 | ..2024-05-10"], "{f:?}");
    // Each cohort its own last day: no one window.
    let f = facts(
        "本次为线上采集,使用微信小程序“掌上e采”。\n2021级学生采集截止时间为2025年10月31日。\n2024级学生采集截止时间为2026年4月30日。\n",
    );
    assert!(values(&f, "online").iter().all(|o| !o.contains("..")), "{f:?}");
}

#[test]
fn a_window_of_one_month_whose_marks_and_dash_were_lost() {
    let f = facts("本次图像采集工作采用线上方式,使用小程序“江苏图采”。\n2025317324日,拍摄时间段为每天08:0018:00\n");
    assert_eq!(values(&f, "online"), ["“江苏图采”小程序 | 2025-03-17..2025-03-24"], "{f:?}");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_date_cell_whose_marks_were_all_lost_is_the_day_after_the_notice() {
    let src = "关于本科生毕业证书数码照片拍摄的通知\n发布时间:2022-11-04\n请根据以下时间表的安排,前往指定地点拍照。\n\n日期\n\n时间\n\n校区\n\n地点\n\n2022118\n\n12:00-1600\n\n延安路校区\n\n延安路校区一号学院楼101\n\n20221115\n\n12:00-1600\n\n松江校区\n\n松江校区二号学院楼102\n";
    let f = facts(src);
    // 2022118 is 2022-01-18 or 2022-11-08: only the second is after 2022-11-04.
    assert_eq!(values(&f, "day"), ["2022-11-08", "2022-11-15"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2022-11-08 12:00-16:00", "2022-11-15 12:00-16:00"], "{f:?}");
    // Without the notice's date, 2022118 is no day.
    let f = facts(&src.replace("发布时间:2022-11-04\n", ""));
    assert!(!values(&f, "day").contains(&"2022-01-18"), "{f:?}");
    assert!(!values(&f, "day").contains(&"2022-11-08"), "{f:?}");
}

#[test]
fn a_meeting_and_the_day_the_fee_is_handed_in_are_no_capture_days() {
    let f = facts(
        "关于2006届毕业生电子注册图像采集工作的通知\n2、通知各毕业班班长于12月1日中午12:20在学院行政办公楼一号会议室召开电子注册工作会议。\n3、我校图像采集工作时间为2005年12月5日(星期一),地点为学院二号教学楼2104教室。\n6、图像采集收费价格为每人15元,由学院代收统一上缴浙江省教育厅,请各系将拍照费用于12月1日\n",
    );
    assert_eq!(values(&f, "day"), ["2005-12-05"], "{f:?}");
}

#[test]
fn a_service_line_is_a_contact() {
    let f = facts("关于图像采集的通知\n学信网客服:010-68352166。(工作日9:00-19:30)\n技术客服电话:4001587766。(工作日9:00-21:00)\n采集过程中如遇到问题可联系北京金沙江科技有限公司,客服电话:4009962266;服务时间:09:00-20:00。\n");
    assert_eq!(values(&f, "contact"), ["学信网客服 010-68352166", "技术客服 4001587766", "北京金沙江科技有限公司 4009962266"], "{f:?}");
}

#[test]
fn a_signature_below_a_line_without_a_full_stop_is_still_its_own_line() {
    let f = facts("关于图像采集的通知\n一、采集对象\n拟于2026年毕业的学生。\n技术客服电话:4001587766。(工作日9:00-21:00)\n吉林师范大学继续教育学院\n2025年9月8日\n\n\n中国教育在线继续教育中心\n");
    assert_eq!(values(&f, "school"), ["吉林师范大学"], "{f:?}");
    assert_eq!(values(&f, "office"), ["继续教育学院"], "{f:?}");
    assert_eq!(values(&f, "issued"), ["2025-09-08"], "{f:?}");
}

#[test]
fn the_person_a_contact_label_names_is_the_phones() {
    let f = facts("关于校对2010届毕业研究生电子注册图像的通知\n核对照片如有问题,可与研究生院学生处联系。\n联 系 人:张彭霞     联系电话:010-62626682\n");
    assert_eq!(values(&f, "contact"), ["张彭霞 010-62626682"], "{f:?}");
}

#[test]
fn a_line_of_hours_alone_under_a_dated_line_is_more_of_that_days_sessions() {
    let f = facts("关于做好2013届毕业研究生图像信息采集工作的通知\n二、时间地点\n中心校区图像采集时间为:\n10月29日上午8:30—11:20\n       下午13:30—16:00\n特别提示:请同学们按时参加。\n发布时间:2012-10-19\n");
    assert_eq!(values(&f, "sessions"), ["2012-10-29 08:30-11:20, 13:30-16:00"], "{f:?}");
    // Under a line of two days, hours alone are neither's.
    let f = facts("关于图像采集工作的通知\n图像采集时间为:\n10月29日、10月30日上午8:30—11:20\n下午13:30—16:00\n发布时间:2012-10-19\n");
    assert!(values(&f, "sessions").iter().all(|s| !s.contains("13:30")), "{f:?}");
}

#[test]
fn a_title_opening_with_a_school_and_its_adult_students_names_the_school() {
    let f = facts("汉江师范学院成教2025届毕业生图像信息线上采集通知\n一、采集对象:2023级专升本学生。\n");
    assert_eq!(values(&f, "school"), ["汉江师范学院"], "{f:?}");
    assert!(values(&f, "office").is_empty(), "{f:?}");
}

#[test]
fn days_without_their_month_later_in_a_sentence_are_of_the_month_before() {
    let f = facts("关于图像采集的通知\n新华图片社对我校2021年预毕业本科学生图片采集工作于2020年12月28日在中北科学会堂阶梯教室、29-30日在闵行第二教学楼104进行,具体说明如下:\n");
    assert_eq!(values(&f, "day"), ["2020-12-28", "2020-12-29", "2020-12-30"], "{f:?}");
    assert_eq!(values(&f, "room"), ["中北科学会堂阶梯教室", "闵行第二教学楼104"], "{f:?}");
    // A count of days is no date; nor is a day before the month's.
    let f = facts("关于图像采集的通知\n图像采集于2020年12月28日在中北科学会堂进行,请于采集后,10日内完成校对。\n");
    assert_eq!(values(&f, "day"), ["2020-12-28"], "{f:?}");
    let f = facts("关于图像采集的通知\n图像采集于2020年12月28日在中北科学会堂、5日在闵行第二教学楼104进行。\n");
    assert_eq!(values(&f, "day"), ["2020-12-28"], "{f:?}");
}

#[test]
fn who_comes_said_in_a_sentence_is_the_audience() {
    let f = facts("关于图像采集的通知\n一、图像采集说明\n1、本次参与图像采集的对象为在校内学习生活的2023届本科毕业生,目前在省外实习的学生均不参加此次拍摄。\n");
    assert_eq!(values(&f, "audience"), ["在校内学习生活的2023届本科毕业生"], "{f:?}");
}

#[test]
fn what_the_fee_includes_may_name_a_website_or_follow_the_amount_in_brackets() {
    let f = facts(
        "关于图像采集的通知\n4、图像采集费用:15元/人,包含现场照相、照片冲印、电子照片上传中国高等教育学生信息网(简称学信网)等服务。\n",
    );
    assert_eq!(values(&f, "fee.includes"), ["现场照相、照片冲印、电子照片上传中国高等教育学生信息网(简称学信网)"], "{f:?}");
    let f = facts("关于图像采集的通知\n图像采集收费价格为每人15元(2寸×4张,1寸8张),由学院代收。\n");
    assert_eq!(values(&f, "fee.includes"), ["2寸×4张,1寸8张"], "{f:?}");
    // Who is included is not what the fee pays for.
    let f = facts("关于图像采集的通知\n采集费用15元/人,包括预备参加补拍的学生。\n");
    assert!(values(&f, "fee.includes").is_empty(), "{f:?}");
}

#[test]
fn a_payment_window_has_its_last_day_as_the_deadline() {
    let f = facts("关于图像采集的通知\n二、报名缴费:图像采集收费标准为每人20元,请学生在2020年9月28日——9月30日用支付宝缴费。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2020-09-30"], "{f:?}");
    let f = facts("关于图像采集的通知\n发布时间:2022-10-08\n2、毕业生图像信息采集费用为15元/人。学生自行登录缴费平台缴费,缴费时间为10月10日08:00至10月20日17:00。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2022-10-20"], "{f:?}");
}

#[test]
fn two_days_of_a_month_with_one_day_mark_are_both_days() {
    let f = facts("关于图像采集的通知\n我院2022届毕业生图像采集工作定于2021年6月17、18日进行。具体安排如下:\n一、拍摄时间\n6月17日上午8:00-12:00,下午2:00-6:00;\n6月18日上午8:00-12:00,下午2:00-6:00;\n");
    assert_eq!(values(&f, "day"), ["2021-06-17", "2021-06-18"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2021-06-17 08:00-12:00, 14:00-18:00", "2021-06-18 08:00-12:00, 14:00-18:00"], "{f:?}");
}

#[test]
fn an_online_window_whose_marks_were_lost_keeps_both_ends() {
    let f = facts("关于做好2022届毕业生图像信息采集工作的通知\n一、采集时间\n2021512日至2021517,在规定时间截止后系统将关闭不再开放。\n二、采集办法\n本次图像采集为线上采集,请同学们登录微信,搜索小程序江苏图采,或关注“江苏省招就中心”公众号,点击“图像采集”项目。\n");
    assert_eq!(values(&f, "online"), ["“江苏省招就中心”公众号 | 2021-05-12..2021-05-17"], "{f:?}");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn whoever_must_upload_by_a_date_is_the_audience_and_whom_to_ask_has_the_number() {
    let f = facts("2022年上半年天津自考毕业证书电子注册图像采集工作通知\n1.已成功办理2022年上半年天津市高等教育自学考试毕业申请的考生须在8月15日上午10:00至16日下午16:00,使用本人准考证号登录“招考资讯网”,上传照片。\n5.相关问题可咨询市自考办23753333。\n");
    assert_eq!(values(&f, "audience"), ["已成功办理2022年上半年天津市高等教育自学考试毕业申请的考生"], "{f:?}");
    assert_eq!(values(&f, "contact"), ["市自考办 23753333"], "{f:?}");
    // Another errand by a date names no audience.
    let f = facts("关于图像采集的通知\n请2022届硕士毕业生务必于2021年12月1日起至2021年12月22日下午5:30止关注“财务处”微信公众号,选择“毕业生电子图片采集费”进行微信支付。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn a_fee_paid_to_the_photographer_with_prints_in_brackets_and_a_reprint_charge() {
    let f = facts("关于图像采集的通知\n四、收费标准\n人民币20元/人(冲印照片:2寸-六张,1寸-四张,背胶模切),可使用微信或现金直接支付给公司。学生如需加洗,收费5元/份(背胶模切)。\n");
    assert_eq!(values(&f, "fee.amount"), ["20"], "{f:?}");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
    assert_eq!(values(&f, "fee.includes"), ["冲印照片:2寸-六张,1寸-四张,背胶模切"], "{f:?}");
    assert_eq!(values(&f, "fee.other"), ["加洗: 5"], "{f:?}");
}

#[test]
fn a_pages_date_before_its_counters_and_a_makeup_place_before_its_verb() {
    let f = facts("关于2024届本科毕业生电子图像信息采集的通知\n\n2023-09-20 浏览次数: 字号:[ ]\n\n各学院:\n因特殊原因无法参加本次图像采集的学生,请务必到新华社辽宁高校毕业生图像采集中心参加补拍,时间为2015年3月1日-4月30日。\n");
    assert_eq!(values(&f, "issued"), ["2023-09-20"], "{f:?}");
    assert_eq!(values(&f, "makeup"), ["from 2015-03-01 | until 2015-04-30 | 新华社辽宁高校毕业生图像采集中心"], "{f:?}");
}

#[test]
fn a_cell_of_classes_each_with_its_hours_is_a_slot_for_each() {
    let f = facts("关于2024届毕业生图像信息采集工作的通知\n采集时间:2023年3月3日(周五)08:00-12:00\n\n| 时间 | 学院 | 班级（时段） | 人数 |\n| --- | --- | --- | --- |\n| 08:00-09:00 | 管理艺术学院 |  |  |\n| 电商1211 08:00-08:12电商1212 08:12-08:26 |  |  |  |\n| 13:30-14:30 | 管理艺术学院 • 智能制造学院 |  |  |\n");
    let slots = values(&f, "slot");
    assert!(slots.contains(&"2023-03-03 08:00-08:12 ? 电商1211"), "{f:?}");
    assert!(slots.contains(&"2023-03-03 08:12-08:26 ? 电商1212"), "{f:?}");
    assert!(slots.contains(&"2023-03-03 13:30-14:30 ? 管理艺术学院、智能制造学院"), "{f:?}");
    assert!(
        slots.iter().all(|s| s.splitn(4, ' ').nth(3).is_some_and(|g| !g.contains(':') && !g.contains('•'))),
        "no hours or bullets in a group's name: {f:?}"
    );
}

#[test]
fn a_fee_line_that_ran_the_day_and_place_into_it_keeps_the_fee_part() {
    let f = facts("关于图像采集工作的通知\n3月3日(周五)08:00-12:00、13:30-17:30采集地点博学楼一会议室采集费用20元/人，班长统一收取(由班长在采集现场按班统一交给工作人员)\n");
    assert_eq!(values(&f, "fee.method"), ["班长统一收取(由班长在采集现场按班统一交给工作人员)"], "{f:?}");
}

#[test]
fn a_notice_of_capture_online_in_its_title_and_a_studio_on_ones_own_captures_online_only() {
    let f = facts("关于研究生毕业图像线上采集的要求说明(2023年10月更新版)\n一、参加对象及相关要求\n(一)2023年参加采集人员:\n(1)硕士生:2022级\n(二)统一采集时间:2023 年10 月25日-11月3日(延期至11月24日)\n(三)有关事项说明:\n1.研究生先在学信网公众号获取保存“学信网图像采集码”,再搜索“易拍照”小程序、录入学校名并缴费后进行采集。\n拟提前答辩的研究生无法取得“学信网图像采集码”,需自行线下拍照。\n");
    assert!(values(&f, "day").is_empty(), "no day in a room: {f:?}");
    assert_eq!(values(&f, "online"), ["“易拍照”小程序 | 2023-10-25..2023-11-24"], "{f:?}");
    assert_eq!(values(&f, "audience"), ["硕士生:2022级"], "{f:?}");
}

#[test]
fn rows_of_hours_and_classes_each_on_a_line_are_slots_in_the_one_room() {
    let f = facts("关于2024届本科毕业生学历证书图像采集的通知\n四、图像采集工作安排\n1、时间: 2023年11月15日(下周三)9:00-12:00\n2、地点:中心报告厅西(第9教学楼)\n3、班级时间分配:\n9:00-10:00  经管2001-2005班\n10:00-11:00 经管2006-2010班\n11:00-12:00 经管2011-2013班\n以班级为单位拍照,每班照相时间为10-15分钟。\n");
    let slots = values(&f, "slot");
    assert_eq!(
        slots,
        [
            "2023-11-15 09:00-10:00 中心报告厅西(第9教学楼) 经管2001-2005班",
            "2023-11-15 10:00-11:00 中心报告厅西(第9教学楼) 经管2006-2010班",
            "2023-11-15 11:00-12:00 中心报告厅西(第9教学楼) 经管2011-2013班"
        ],
        "{f:?}"
    );
    // A notice that names another campus leaves the rows' room to the registrar.
    let f = facts("关于2024届本科毕业生学历证书图像采集的通知\n其中威海校区预计毕业生在威海校区完成。\n四、图像采集工作安排\n1、时间: 2023年11月15日(下周三)9:00-12:00\n2、地点:中心报告厅西(第9教学楼)\n3、班级时间分配:\n9:00-10:00  经管2001-2005班\n");
    assert_eq!(values(&f, "slot"), ["2023-11-15 09:00-10:00 ? 经管2001-2005班"], "{f:?}");
}

#[test]
fn a_pages_date_written_in_words_before_its_source_label_is_when_it_was_posted() {
    let f = facts("关于2024届本科毕业生学历证书图像采集的通知\n2023年11月07日 信息来源: 浏览次数:6506\n各位同学:\n");
    assert_eq!(values(&f, "issued"), ["2023-11-07"], "{f:?}");
}

#[test]
fn a_bilingual_notice_gives_its_audience_in_chinese_and_its_fee_in_yuan_renminbi() {
    let f = facts("关于留学生毕业图像信息采集的通知\n一、采集对象\n本学期或下学期拟毕业或申请获得学位,且之前未参加过学校组织的图像信息集中采集的留学生\nI. Students\nInternational students who plan to graduate or apply for a degree\n二、采集方式\n3、按要求提交电子版照片,在线支付采集费用(20元人民币/人)完成订单。\n");
    assert_eq!(values(&f, "audience"), ["本学期或下学期拟毕业或申请获得学位,且之前未参加过学校组织的图像信息集中采集的留学生"], "{f:?}");
    assert_eq!(values(&f, "fee.amount"), ["20"], "{f:?}");
}

#[test]
fn a_fee_paid_on_site_is_each_students() {
    let f = facts("关于图像采集的通知\nb. 现场缴费并粘贴条码(图像信息采集及照片制作费用为20/人,条码现场发放);\n");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
    // Unless a class collects it first.
    let f = facts("关于图像采集的通知\n请各班班长提前收齐本班费用(20元/人),现场缴费。\n");
    assert_eq!(values(&f, "fee.payer"), ["class"], "{f:?}");
}

#[test]
fn an_online_capture_done_by_a_day_written_without_its_year_ends_that_day() {
    let f = facts("关于毕业生图像信息线上采集的通知\n一、采集时间\n2025年夏季毕业生于4月1日前完成采集工作。\n二、采集方式\n本次采集采用线上方式进行,微信搜索“高校图像信息采集”小程序,上传照片。\n");
    assert_eq!(values(&f, "online"), ["“高校图像信息采集”小程序 | ..2025-04-01"], "{f:?}");
}

#[test]
fn within_a_month_after_capture_is_no_delay_and_a_month_named_later_is_the_window() {
    let f = facts("关于图像采集的通知\n务必在采集后1个月内通过“山东高校影像”公众号校对和勘误采集的照片和信息。\n2020年3月份,请毕业生本人登录“中国高等教育学生信息网:www.chsi.com.cn”校对图像信息和学籍信息。\n");
    assert_eq!(values(&f, "proofreading"), ["2020-03-01..2020-03-31"], "{f:?}");
}

#[test]
fn a_timetable_with_rows_left_out_gives_the_day_no_hours() {
    let f = facts("关于图像采集的通知\n我校于2019年9月5日(周四)进行毕业生图像信息采集。\n二、时间安排、地点\n组别\n学院\n人数\n时间\n地点\n第一组\n鼎利学院\n78\n8:10-8:30\n原公教楼一楼大厅\n机械学院\n293\n8:30-9:10\n汽车学院\n176\n9:10-9:40\n教育学院\n99\n9:40-结束\n由各院、部专人组织学生:\n");
    assert!(values(&f, "sessions").is_empty(), "the day goes on past 9:40: {f:?}");
    // The row without an end is no slot, and the rows after it are still read.
    let f = facts("关于图像采集的通知\n我校于2019年9月5日(周四)进行毕业生图像信息采集。\n二、时间安排、地点\n组别\n学院\n人数\n时间\n地点\n第一组\n鼎利学院\n78\n8:10-8:30\n原公教楼一楼大厅\n教育学院\n99\n9:40-结束\n第二组\n工商学院\n313\n8:10-9:10\n由各院、部专人组织学生:\n");
    let slots = values(&f, "slot");
    assert!(slots.iter().any(|s| s.ends_with("工商学院")), "{f:?}");
    assert!(slots.iter().all(|s| !s.contains("教育学院")), "{f:?}");
}

#[test]
fn a_copying_sites_stray_commas_leave_headings_headings() {
    let f = facts("关于学历照片采集的通知\n一,、采集范围\n学信网无学历照片的在籍学生,,名单见附件1。\n二,、采集阶段\n阶段1:2023年2月15日-2023年2月21日,,上传图像采集码。\n");
    assert_eq!(values(&f, "audience"), ["学信网无学历照片的在籍学生"], "{f:?}");
}

#[test]
fn a_date_whose_day_mark_was_lost_before_its_verb_and_months_after_capture_is_finished() {
    let f = facts("关于图像采集的通知\n一、图像采集时间和地点:\n按照新华社山东分社的安排,本次图像信息采集工作定于2014年3月16进行。\n信息采集完二个月后,学生本人务必登陆中国高等教育学生信息网(www.chsi.com.cn)校对个人图像信息。\n");
    assert_eq!(values(&f, "day"), ["2014-03-16"], "{f:?}");
    assert_eq!(values(&f, "proofreading"), ["采集后约 2 个月"], "{f:?}");
}

#[test]
fn this_captures_price_alone_in_its_clause_is_the_fee() {
    let f = facts("关于图像采集的通知\n本次采集时间为2025年5月31日-2025年6月4日。本次采集20元,由毕业生线上完成支付。\n");
    assert_eq!(values(&f, "fee.amount"), ["20"], "{f:?}");
}

#[test]
fn a_timetables_headcount_column_counts_its_rows_one_group() {
    let f = facts("关于补拍的通知\n发布时间:2025-04-30\n1.补拍时间:5月8日(星期四)下午15:00-16:00。具体安排详见下表:\n序号 |\n学院 |\n人数 |\n拍照时段 |\n1 |\n经管 |\n32 |\n15:00-15:05 |\n2 |\n电气 |\n25 |\n15:05-15:10 |\n2.补拍地点:旗山校区行政北楼西135。\n");
    assert_eq!(values(&f, "group"), ["经管 32人", "电气 25人"], "{f:?}");
}

#[test]
fn how_to_sit_and_look_under_its_topic_is_an_appearance_rule() {
    let f = facts("关于图像采集的通知\n三、拍照注意事项\n2.人物姿态与表情:站姿端正,表情自然,双眼自然睁开并平视,耳朵对称,左右肩膀平衡,嘴唇自然闭合。\n");
    assert_eq!(values(&f, "dress"), ["站姿端正,表情自然,双眼自然睁开并平视,耳朵对称,左右肩膀平衡,嘴唇自然闭合"], "{f:?}");
}

#[test]
fn dress_words_of_a_traditional_notice_read_as_dress() {
    let f = facts("關於畢業生圖像采集的通知\n經與新華社山西分社大學生圖像采集中心聯系,我院畢業生圖像采集工作定於6月進行。\n六、拍攝要求\n1、學生務必攜帶本人身份證原件;\n2、學生衣著整齊、儀表端莊,穿淺色系服裝,不得化妝、不得佩戴首飾,不得穿藍色系服裝;\n");
    assert!(values(&f, "dress").contains(&"学生衣著整齐、仪表端庄"), "{f:?}");
}

#[test]
fn whoever_must_come_on_a_day_under_a_section_number_is_the_audience() {
    let f = facts("关于毕业信息采集工作的通知\n一、2018级学生务必于2021年4月17日(周六)参加信息采集工作,过期不再安排统一补照。\n");
    assert_eq!(values(&f, "audience"), ["2018级学生"], "{f:?}");
}

#[test]
fn an_online_window_for_each_group_is_an_entry_each() {
    let f = facts("关于毕业生图像信息采集工作的通知\n二、采集时间\n2021级高本学生采集截止时间为2025年10月31日;2024级高起专、专升本层次考生采集截止时间为2026年4月30日。\n三、采集办法\n学生使用手机微信搜索“掌上e采”小程序,即刻开启照片采集服务。\n");
    assert_eq!(
        values(&f, "online"),
        ["“掌上e采”小程序 | 2021级高本学生 | ..2025-10-31", "“掌上e采”小程序 | 2024级高起专、专升本层次考生 | ..2026-04-30"],
        "{f:?}"
    );
}

#[test]
fn who_collects_the_fee_in_more_wordings() {
    for (text, who) in [
        ("各班(或专业)统一收齐图像采集费用(15元/人),现场交给新华通讯社江西分社工作人员。\n", "class"),
        ("2.缴纳方式:请各班负责人(班干部)提前收取本班采集费用,因特殊原因不参加图像采集的学生不须缴费。\n", "class"),
        ("收费标准:每人15元人民币。请各院统一向学生收取,于信息采集前3天交至教务处。\n", "college"),
        ("4、图像信息采集费由各二级学院指定专人协助新华图片社于5月17前收取完毕。\n", "college"),
        ("收费标准按每人16元收取。各研究生培养单位必须在9月25日前上报人数并将图像信息采集费统一交到研究生院。\n", "college"),
        ("图像采集收费价格为每人15元,由学院代收统一上缴省教育厅。\n", "college"),
        ("拍摄现场将收取拍摄制作成本费15元/人,由学生自备零钞,照相时交给工作人员。\n", "student"),
        ("4.费用:15元/人\n5.交费方式:学生按《小程序加密采集操作流程》(详见附件1)采集流程,自行交纳。\n", "student"),
    ] {
        assert_eq!(values(&facts(text), "fee.payer"), [who], "{text}");
    }
    // Those who miss the capture and pay for their own elsewhere: not how the fee is paid.
    let f = facts("研究生如不能参加本次学校集中相片采集,平时可自行前往新华社湖北分社完成毕业相片采集,费用自理。\n");
    assert!(values(&f, "fee.payer").is_empty(), "{f:?}");
}

#[test]
fn the_school_whose_site_the_page_is() {
    let f = facts("欢迎访问合肥师范学院教务处~\n各二级学院:\n一、采集对象\n2018级本科学生\n");
    assert_eq!(values(&f, "school"), ["合肥师范学院"]);
    assert_eq!(values(&f, "office"), ["教务处"]);
    let f = facts("© Copyright 2001-2020 fzacc.com All Rights Reserved. 版权所有© 福州英华职业学院\n2025届全体同学:\n为了贯彻落实国家关于高校毕业生学历电子注册的要求,现通知如下。\n");
    assert_eq!(values(&f, "school"), ["福州英华职业学院"]);
    // A company holding a copyright is no school.
    let f = facts("版权所有©北京某某科技有限公司\n2025届全体同学:\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn a_school_before_the_kind_of_its_students_in_a_title() {
    for (title, school) in [
        ("华南师范大学成考2026届毕业生相片采集时间安排", "华南师范大学"),
        ("2025届武汉工程大学成教毕业生图像信息线上采集工作通知", "武汉工程大学"),
    ] {
        let f = facts(&format!("{title}\n一、采集对象\n预计于2025年毕业的成人高等教育学生\n"));
        assert_eq!(values(&f, "school"), [school], "{f:?}");
    }
}

#[test]
fn an_online_only_timetable_gives_each_college_its_window() {
    let f = facts("做好2023届毕业生图像信息采集的通知\n发布者: 发布时间:2023-05-19 浏览次数:12799\n校教函〔2022〕50\n各学院:\n2023届毕业生图像信息采集工作定于202212月6日-15日在网上图像采集系统开展。\n序号\n采集时间\n图像采集学院\n1\n12月6日、7日\n8:00-22:00\n经济与管理学院\n2\n12月8日、9日\n8:00-22:00\n土木工程学院、公共管理学院\n");
    assert!(values(&f, "day").is_empty() && values(&f, "slot").is_empty() && values(&f, "room").is_empty(), "{f:?}");
    let online = values(&f, "online");
    assert!(online.contains(&"线上采集 | 经济与管理学院 | 2022-12-06..2022-12-07"), "{f:?}");
    assert!(online.contains(&"线上采集 | 土木工程学院、公共管理学院 | 2022-12-08..2022-12-09"), "{f:?}");
}

#[test]
fn a_month_the_title_names_gives_the_year_of_dates_without_one() {
    let f = facts("您现在的位置:首页 - 备考 - 自考问一问\n\n2022年12月广东自考毕业证书电子注册图像采集工作的通告\n\n2025-07-08 来源:中国教育在线\n\n一、图像采集及毕业申请时间。今年下半年,考生进行网上毕业生图像采集及毕业申请时间为12月12-20日。\n");
    assert_eq!(values(&f, "online"), ["线上采集 | 2022-12-12..2022-12-20"], "{f:?}");
}

#[test]
fn lines_in_traditional_characters_with_readings_end_where_simplified_ones_do() {
    let t = "您當(dāng)前位置: 首頁 > 成人教育 > 工作動態(tài)\n國家開放大學(xué)24春季采集畢業(yè)照片通知\n作者:cjk 點擊:\n關(guān)于畢業(yè)生圖像信息采集的通知\n各同學(xué):\n根據(jù)《高等教育學(xué)歷證書電子注冊圖像采集規(guī)范及信息標(biāo)準(zhǔn)》(教畢指【2017】99號)文件\n一、在籍生電子照片采集\n1.采集對象:22秋在籍生,及少數(shù)未采集學(xué)員全部進(jìn)行采集。\n";
    let f = facts(t);
    assert_eq!(values(&f, "title"), ["国家开放大学24春季采集毕业照片通知"], "{f:?}");
}

#[test]
fn a_topic_heading_or_a_rule_for_some_is_no_audience() {
    let f = facts("关于做好2022届毕业研究生图像信息采集工作的通知\n各学院:\n一、2022届毕业研究生身份证信息核对要求:\n1.请核对身份证号。\n");
    assert!(!values(&f, "audience").iter().any(|a| a.contains("要求")), "{f:?}");
    let f = facts("各教学站(点)\n二、时间要求\n(一)2.5年制的学生必须在入学第二年完成采集。\n(二)5年制的学生必须在入学第四年完成采集。\n");
    assert!(!values(&f, "audience").iter().any(|a| a.contains("年制")), "{f:?}");
}

#[test]
fn days_on_a_line_alone_take_the_hours_on_the_lines_under_them() {
    let f = facts("三、拍摄时间\n2024年3月16-17日\n上午:8;00-12:00\n下午:14:00-17:00\n四、注意事项\n1.请按时参加拍摄。\n");
    assert_eq!(values(&f, "sessions"), ["2024-03-16 08:00-12:00, 14:00-17:00", "2024-03-17 08:00-12:00, 14:00-17:00"], "{f:?}");
}

#[test]
fn a_remark_in_brackets_stays_with_its_place() {
    let f = facts("1.  时间:2011年11月18日\n2.  地点: 图书馆东门附近,老地学楼128教室(门口位于楼西侧,朝图书馆方向开)。\n");
    assert_eq!(values(&f, "room"), ["图书馆东门附近,老地学楼128教室(门口位于楼西侧,朝图书馆方向开)"], "{f:?}");
}

#[test]
fn the_time_to_pay_up_to_a_day_is_the_fee_deadline() {
    let f = facts("二、费用\n1.现场采集费用:20元/人,学生现场扫码缴费。\n3.缴费时间:2019年5月19日(星期日)下午16:00截止\n");
    assert_eq!(values(&f, "fee.deadline"), ["2019-05-19"], "{f:?}");
}

#[test]
fn a_queue_by_college_is_no_college_paying() {
    let f = facts("学生按规定时间到达现场,按学院为单位排序,持本人二代身份证,现场每人交费20元(为便于现场收取,请学生一定备好零钱),经工作人员核对后拍摄。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
}

#[test]
fn whose_capture_after_the_school_the_notice_names() {
    for (text, who) in [
        ("各学院:\n现将买球网站2024届毕业生电子注册图像采集工作的有关事项通知如下:\n", "2024届毕业生"),
        ("为做好夜大学2024届毕业生学历照片(数码照片)采集工作,现将相关事项安排通知如下。\n", "2024届毕业生"),
    ] {
        assert_eq!(values(&facts(text), "audience"), [who], "{text}");
    }
}

#[test]
fn a_place_ends_where_its_day_begins() {
    let f =
        facts("二、时间地点\n2018年10月24日在中心校区进行。\n千佛山校区10月25日,时间为:上午8:30—11:30,下午13:30—16:00;\n三、采集流程\n");
    assert!(!values(&f, "room").iter().any(|r| r.contains("10月") || r.contains(':')), "{f:?}");
    let f = facts("二、拍摄地点\n西校区:体育馆南门(3月11日)\n");
    assert!(values(&f, "room").iter().all(|r| !r.ends_with('(')), "{f:?}");
}

#[test]
fn each_place_of_a_list_where_capture_is_held() {
    let f = facts("图像采集工作定于2018年10月25日在洪家楼校区图书馆、千佛山校区礼堂、软件园校区报告厅进行。\n");
    assert_eq!(values(&f, "room"), ["洪家楼校区图书馆", "千佛山校区礼堂", "软件园校区报告厅"], "{f:?}");
}

#[test]
fn the_time_of_another_errand_and_a_form_handed_in_are_no_capture() {
    let f = facts("二、时间安排\n学生预毕业信息核对时间:2020年12月18日至2021年1月15日\n三、核对流程\n3、将本人签字确认的“毕业生预毕业信息核对表”于2021年1月15日下午2:00-6:00交至管105室(可代交)。\n");
    assert!(values(&f, "day").is_empty() && values(&f, "slot").is_empty() && values(&f, "group").is_empty(), "{f:?}");
}

#[test]
fn a_college_named_by_its_field_is_no_school() {
    let f = facts("各位毕业生务必进入网站进行电子图像的数据核对工作。\n\n信息学院教务办\n2006年3月14日\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn where_those_away_go_on_their_own_is_no_room_and_a_makeup_fee_no_fee() {
    let f = facts("一、采集时间:2022年10月18日\n2.在学校规定图像信息采集时间内未在校的学生,可不交费报名参加图像信息采集,并于2023年3月1日至2023年4月20日自行到新华社新闻信息中心辽宁中心进行图像信息采集。\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
    let f = facts("2、如未参加过图像采集,请于12月5日至13日前往江苏省高校招生就业指导服务中心进行补拍\n请补拍同学穿白色上衣,携带学生证至服务中心一楼大厅取号、缴费(12元/人次)、拍摄\n");
    assert!(values(&f, "fee.amount").is_empty() && values(&f, "fee.method").is_empty(), "{f:?}");
}

#[test]
fn days_and_their_places_a_line_each() {
    let f = facts("关于2025届毕业生电子照片采集的通知\n\n一、 采集日期及地点\n\n4月28日-29日:高明校区(学生活动中心舞蹈室)\n\n4月30日:禅城校区(羽毛球馆)、南海校区(6210、6211)\n\n具体安排见附件1:拍摄安排\n\n二、 缴费事宜\n\n图像采集费用由采集公司(图片社)向学生本人收取(金额:13.5元)。\n\n缴费时间:即日起至2024年4月27日\n\n请各班提早二十分钟到场排队准备。\n");
    assert_eq!(values(&f, "day"), ["2024-04-28", "2024-04-29", "2024-04-30"], "{f:?}");
    assert_eq!(values(&f, "room")[..2], ["高明校区(学生活动中心舞蹈室)", "禅城校区(羽毛球馆)"], "{f:?}");
    assert_eq!(values(&f, "fee.amount"), ["13.5"], "{f:?}");
    assert_eq!(values(&f, "fee.deadline"), ["2024-04-27"], "{f:?}");
    assert_eq!(values(&f, "arrive_early_minutes"), ["20"], "{f:?}");
}

#[test]
fn students_paying_in_the_sentence_after_the_amount() {
    let f = facts("三、收费标准及支付方式\n15元/人,包含图像采集、标准化及纸质照片冲印等服务;由学生在确认采集时按照小程序提示自行支付。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
    assert_eq!(values(&f, "fee.method"), ["由学生在确认采集时按照小程序提示自行支付"], "{f:?}");
}

#[test]
fn the_audience_ends_where_the_makeup_begins_and_proofreading_before_a_month() {
    let f = facts("一、采集对象\n预计2024年毕业的所有本科学生、第二学士学位学生(含未采集过的延期生)。计划申请提前毕业的学生需到下学期开学初确定,确定后可到图片社补拍。\n二、采集时间\n");
    assert_eq!(values(&f, "audience"), ["预计2024年毕业的所有本科学生、第二学士学位学生(含未采集过的延期生)"], "{f:?}");
    let f = facts("一、采集对象\n拟于2025年6月毕业学生(已在校集中采集的毕业生,切勿参加本次补采集)\n二、采集时间\n");
    assert_eq!(values(&f, "audience"), ["拟于2025年6月毕业学生(已在校集中采集的毕业生,切勿参加本次补采集)"], "{f:?}");
    let f = facts("2012届本科毕业生学历证书电子注册图像信息网上校对现已开始。\n一、校对时间:2012年3月前。\n二、校对网站:www.chsi.com.cn\n");
    assert_eq!(values(&f, "proofreading"), ["..2012-02-29"], "{f:?}");
}

#[test]
fn proofreading_so_long_after_in_other_words() {
    for (text, want) in [
        ("学生照片信息将于40天后在网上公布,每个毕业生必须登录中国高等教育学生信息网核对本人图像信息。\n", "采集后约 40 天"),
        ("照片采集完成一个星期后,学生需上网核对,防止毕业证信息错误。\n", "采集后约 1 周"),
    ] {
        assert_eq!(values(&facts(text), "proofreading"), [want], "{text}");
    }
}

#[test]
fn a_system_switched_on_at_a_day_is_no_capture_day_and_a_bullet_no_part_of_the_title() {
    let f = facts("• 关于高等学校毕业生图像信息采集新模式的通知\n学信网将于2023年1月1日起全面启用基于学信网采集码的加密采集传输新模式。针对2023年1月1日0时之后采集状态为采集中的学生,须在小程序中补充采集码。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
    assert_eq!(values(&f, "title"), ["关于高等学校毕业生图像信息采集新模式的通知"]);
}

#[test]
fn each_campus_place_labelled_and_a_topic_heading_ends_the_audience() {
    let f = facts("二、采集时间地点\n2023年2月22日(星期三)上午9:00-11:30分别在舜耕校区和燕山校区同时进行图像信息采集。\n舜耕校区采集地点:舜耕校区1号教学楼1103\n燕山校区采集地点:燕山校区1号教学楼1101\n三、信息采集注意事项\n");
    assert_eq!(values(&f, "room"), ["舜耕校区1号教学楼1103", "燕山校区1号教学楼1101"], "{f:?}");
    let f = facts("2024年毕业的研究生数码信息采集通知\n数码信息采集对象:\n预计2024年毕业的研究生(包括博士、硕士)\n数码信息采集时间\n预计毕业前半年至一年\n");
    assert_eq!(values(&f, "audience"), ["预计2024年毕业的研究生(包括博士、硕士)"], "{f:?}");
}

#[test]
fn the_audience_ends_before_a_sentence_asking_something_of_others() {
    let f = facts("一、采集对象\n2013届全体毕业生及2010级晚拿毕业证的学生。包括2010级全体专科学生。请各系核对表单中已采集的学生是否确已采集。\n二、采集时间\n");
    assert_eq!(values(&f, "audience"), ["2013届全体毕业生及2010级晚拿毕业证的学生。包括2010级全体专科学生"], "{f:?}");
}

#[test]
fn a_fee_method_in_a_table_run_onto_one_line_is_its_cell() {
    let f = facts("各同学: 根据上级要求及研究生培养、学籍管理等工作安排,为进一步规范在籍研究生的图像信息,现组织全体在籍研究生进行图像信息采集。现将有关事项通知如下: 一、工作要求 1.全体在籍研究生均要参加图像信息采集(特别是在研究生期间有意向参加四六级考试的同学,无图像信息将无法报名参加考试,请务必参加图像采集)。 2.图像信息会影响四六级报名、成绩单打印等工作。 3.务必在规定时间内采集图像,并按照博士生在前、硕士生在后安排。 4.图像采集时请携带本人身份证。 具体日期安排如下: 年级 | 时间 | 地点 | 备注 | 2020年毕业生 | 9月5日 16:30--17:00 | 西校区:主楼二层会议室2002 | 费用:20元/人(微信支付或现金) | 9月6日 11:10--11:25 | 东校区:一教401 | 2019级新生 | 9月9日 15:40--16:00 | 西校区:主楼二层会议室2002 | 费用:10元/人(微信支付或现金)。只提供2寸白底电子版,不提供纸质版图像 | 9月8日 11:20--11:30 | 东校区:一教401 | 其他年级在籍生 | 9月7日 16:00--16:20 | 西校区:主楼二层会议室2002 | 费用:10元/人(微信支付或现金)。只提供2寸白底电子版,不提供纸质版图像。 | | 9月6日 16:00--16:10 | 东校区:一教401 | 二、2020毕业生注意事项 ① 往年已采集过毕业图像的学生请勿重复采集。\n");
    assert_eq!(values(&f, "fee.method"), ["微信支付或现金"], "{f:?}");
}

#[test]
fn a_tag_before_the_title_is_its_number_its_office_or_nothing() {
    let f = facts("(2022教109)关于做好2023届毕业生图像信息采集工作的通知\n各学院:\n");
    assert_eq!(values(&f, "title"), ["关于做好2023届毕业生图像信息采集工作的通知"]);
    assert_eq!(values(&f, "doc_number"), ["2022教109"]);
    let f = facts("【教务科】关于做好2011届预毕业生图像信息采集工作的通知\n各学院:\n");
    assert_eq!(values(&f, "title"), ["关于做好2011届预毕业生图像信息采集工作的通知"]);
    assert_eq!(values(&f, "office"), ["教务科"]);
    let f = facts("【毕业图像采集】关于2024届毕业研究生图像信息采集工作的通知\n各学院:\n");
    assert_eq!(values(&f, "title"), ["关于2024届毕业研究生图像信息采集工作的通知"]);
    assert!(values(&f, "office").is_empty(), "{f:?}");
}

#[test]
fn some_sent_elsewhere_are_no_audience_and_a_number_without_its_hao() {
    let f = facts("一、图像信息采集对象\n拟于2019年毕业的硕士、博士研究生。\n因新华社图片采集和制作周期较长,为不影响照片使用,拟于2018年12月毕业的研究生,请自行联系新华社山东分社进行图像采集。\n二、时间地点\n");
    assert_eq!(values(&f, "audience"), ["拟于2019年毕业的硕士、博士研究生"], "{f:?}");
    let f = facts("教学运行\n做好2023届毕业生图像信息采集的通知\n发布者: 发布时间:2023-05-19 浏览次数:12799\n校教函〔2022〕50\n各学院:\n");
    assert_eq!(values(&f, "doc_number"), ["校教函〔2022〕50"], "{f:?}");
    assert_eq!(values(&facts("4.  价格:每套15元,现场交费。\n"), "fee.amount"), ["15"]);
}

#[test]
fn a_university_named_before_its_cohort_in_the_opening() {
    let f = facts(
        "各相关研究生培养单位:\n根据省教育厅、新华社山东分社安排,山东大学2019届毕业研究生学历证书图像采集工作于2018年10月24、25日开始。\n",
    );
    assert_eq!(values(&f, "school"), ["山东大学"], "{f:?}");
    let f = facts("为做好夜大学2024届毕业生学历照片(数码照片)采集工作,现将相关事项安排通知如下。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn a_heading_whose_number_was_lost_is_still_a_heading() {
    let f = facts("关于开展2022年研究生图像信息采集工作的通知\n、采集时间\n\n2022年4月8日14:00-17:00\n\n、采集地点\n\n第四教学楼101室、102室、106室。\n\n、注意事项\n\n1.请携带身份证。\n");
    assert_eq!(values(&f, "room"), ["第四教学楼101室", "第四教学楼102室", "第四教学楼106室"], "{f:?}");
}

#[test]
fn the_time_under_a_proofreading_sentence_without_one_is_its_window() {
    let f = facts("各位毕业生:\n我校2022届毕业生个人照片及学籍信息“学信网”已链接完成,现需同学登录“中国高等教育学生信息网”进行核对。\n1.时间安排:即日起至3月30日止;\n2.校对方法:学生本人登录“学信网”进入“图像校对”模块进行信息校对;\n");
    assert_eq!(values(&f, "proofreading"), ["..2022-03-30"], "{f:?}");
}

#[test]
fn offices_with_their_numbers_in_brackets() {
    let f = facts("学生如在缴费过程中遇到问题,应于3月28日前与财务处收费科(58291089)或培养办(58291656)联系。\n");
    assert_eq!(values(&f, "contact"), ["财务处收费科 58291089", "培养办 58291656"], "{f:?}");
}

#[test]
fn whoever_cannot_come_back_and_is_sent_to_xinhua_has_a_makeup_there() {
    for (text, place) in [
        ("1.无法回校进行图像采集的同学可以到所在省的新华社分社进行电子图像采集工作,要求出示本人学生证和身份证。\n", "所在省的新华社分社"),
        ("2.在外地的学生要求尽量返校参加本次信息采集,实在不能返校的,请在当地新华社分社进行图像采集。\n", "当地新华社分社"),
        ("六、无法在学校统一进行信息采集的同学,尽早到新华社黑龙江分社照相,照片取到后自行交给本院教学秘书。\n", "新华社黑龙江分社"),
        ("五、补充说明:学生不在广西的,可自行联系当地新华社进行图像采集,并将相片电子档交教务部。\n", "当地新华社"),
        ("注意:因各种原因学生未能如期参加学校组织的这次图像采集,学生本人应自行与河南图片社联系补拍摄。\n", "河南图片社"),
        ("省外的学生可以在外地自行进行采集,相关事项由学生本人与当地新华社自行联系。\n", "当地新华社"),
    ] {
        assert_eq!(values(&facts(text), "makeup"), [place], "{text}");
    }
}

#[test]
fn a_way_to_capture_or_a_verb_inside_a_name_is_no_makeup_place() {
    // One of the notice's ways, for everyone: not a makeup.
    let f = facts("3.门店采集。学生自行到长沙市迎宾路175号新华社湖南图像采集中心采集。\n");
    assert!(values(&f, "makeup").is_empty(), "{f:?}");
    // `采集部` is a name's end, not the verb: no place cut at it.
    let f = facts("在校外实习不能按期回校拍照的学生,可自行联系当地新华社图像采集部 门拍照。\n");
    assert!(!values(&f, "makeup").iter().any(|m| m.ends_with("新华社图像")), "{f:?}");
    // The place ends before what is done there.
    let f =
        facts("在规定时间内未在校的学生,并于2023年3月1日至2023年4月20日自行到新华社辽宁中心(辽宁高校图像信息采集中心)进行图像信息采集。\n");
    assert_eq!(values(&f, "makeup"), ["from 2023-03-01 | until 2023-04-20 | 新华社辽宁中心(辽宁高校图像信息采集中心)"], "{f:?}");
}

#[test]
fn proofreading_in_more_of_the_words_schools_use() {
    for (text, want) in [
        (
            "毕业生在采集完图像40个工作日后登录学信网(www.chsi.com.cn)“学历电子注册图像校对系统”,在线校对本人图像。\n",
            "采集后约 40 个工作日",
        ),
        ("3.完成信息采集后一个月前往学信网查看照片是否有误。\n", "采集后约 1 个月"),
        ("现场采集。10个工作日左右上学信网确认学历照片,如有问题联系采集中心。\n", "采集后约 10 个工作日"),
        ("一、采集时间:2023年4月25日\n二、如果采集成功,请于5月上旬在学信网查询学历照片。\n", "2023-05-01..2023-05-10"),
    ] {
        assert_eq!(values(&facts(text), "proofreading"), [want], "{text}");
    }
    // When the photos go up is not the window to check them in, nor is a form's name what is done.
    for text in [
        "学生相片信息上网后(约2019年11月中旬),毕业生本人可登录中国高等教育学生信息网核对个人相片信息。\n",
        "关于2023届毕业生图像采集的通知\n学生本人需对下发照片上的个人信息进行认真核对;请各学院于3月10日16:00前将《图像信息勘误表》收齐。\n",
    ] {
        assert!(values(&facts(text), "proofreading").is_empty(), "{text}");
    }
}

#[test]
fn a_proofreading_date_in_a_notice_without_a_year_takes_the_cohorts() {
    let f = facts("关于2022届专科毕业生学历电子注册信息及图像校对的通知\n\n一、各教学单位组织学生于4月30日前完成2022届普通毕业生网上学籍信息及图像照片校对工作。\n");
    assert_eq!(values(&f, "proofreading"), ["..2022-04-30"], "{f:?}");
    // Not after the summer: graduates of 2022 check before they graduate, so no year is guessed.
    let f = facts("关于2022届毕业生图像校对的通知\n\n一、请于10月30日前完成图像校对工作。\n");
    assert!(values(&f, "proofreading").is_empty(), "{f:?}");
}

#[test]
fn what_the_fee_pays_for_in_the_name_of_the_charge() {
    for (text, want) in [
        ("5、收费标准:新华社山东分社收取图像文字信息采集、图像制作费用每人 15元人民币。\n", "图像文字信息采集、图像制作费用"),
        ("3、电子图像集中采集、洗印工本费共计20元/人,以学生个人在线支付的方式收取。\n", "电子图像集中采集、洗印工本费"),
        ("3.采集费用:照片采集、标准化及上网费用学生自理。\n", "照片采集、标准化及上网费用"),
        ("根据要求,每位学生收取拍摄制作成本费15元。\n", "拍摄制作成本费"),
    ] {
        assert_eq!(values(&facts(text), "fee.includes"), [want], "{text}");
    }
    // A name that only means the fee says nothing of what it pays for.
    assert!(values(&facts("三、拍照费用15元/人,由各班统一收齐。\n"), "fee.includes").is_empty());
}

#[test]
fn contacts_listed_line_by_line_and_the_notices_own_beside_a_makeup() {
    let f = facts("研究生部联系人:张老师(学籍):0531-59556360 ;\n陈老师(同等学力):0531-59556853;\n");
    assert_eq!(values(&f, "contact"), ["张老师(学籍) 0531-59556360", "陈老师(同等学力) 0531-59556853"], "{f:?}");
    let f = facts("联系人:林兰芝、李诗景\n\n联系电话:66211147\n");
    assert_eq!(values(&f, "contact"), ["林兰芝、李诗景 66211147"], "{f:?}");
    // The makeup's sentence and the notice's own contact on one line.
    let f = facts("五、散拍学生纸质照片本人留存,电子版发邮箱。未尽事宜联系教务管理办公室郑老师,联系电话88218251。\n");
    assert_eq!(values(&f, "contact"), ["教务管理办公室郑老师 88218251"], "{f:?}");
    // A number under a bare label on the makeup's line is the makeup's.
    let f = facts("研究生如不能参加本次学校集中相片采集,平时可自行前往新华社湖北分社完成毕业相片采集,费用自理。扫描二维码,查阅相关事项。联系电话: 027-68881175\n");
    assert!(values(&f, "contact").is_empty(), "{f:?}");
}

#[test]
fn a_schools_campus_in_brackets_a_sites_own_numbers_and_a_makeups_last_day_by_its_label() {
    let f = facts("关于照片采集的通知\n\n学信网无学历照片的学生请采集。\n\n中国石油大学(北京)网络与继续教育学院\n2023年3月30日\n京ICP备09080943号-1 版权所有:中国石油大学(北京) 联系方式:010-89733498 地址:北京市昌平区府学路18号\n");
    assert_eq!(values(&f, "school"), ["中国石油大学(北京)"], "{f:?}");
    assert_eq!(values(&f, "office"), ["网络与继续教育学院"], "{f:?}");
    assert!(values(&f, "contact").is_empty(), "{f:?}");
    let f = facts("办公电话:0710-3529533(校办)\n招生电话:0710-3513874\n");
    assert!(values(&f, "contact").is_empty(), "{f:?}");
    let f = facts("五、补拍\n截止时间:补拍截止时间2025年9月30日。自行拍照后到新华社山西分社补拍,照片交回截止时间2025年11月30日。\n");
    assert!(values(&f, "makeup").iter().any(|m| m.starts_with("until 2025-09-30")), "{f:?}");
}

#[test]
fn how_to_pay_from_a_remark_in_brackets_and_never_from_the_steps_of_capture() {
    let f = facts("一、请各院负责老师通知应届研究生携带身份证(缴费可以支付宝或者微信支付,也可以现金支付,请备好零钱)按照附表一的时间安排参加图像采集。\n");
    assert_eq!(values(&f, "fee.method"), ["缴费可以支付宝或者微信支付，也可以现金支付，请备好零钱"], "{f:?}");
    // Who collects it, said outside the brackets, keeps the whole sentence.
    let f = facts("3.采集费用:15元/人,以班级为单位收齐后由采集单位直接收取(微信、支付宝扫码支付)\n");
    assert_eq!(values(&f, "fee.method"), ["以班级为单位收齐后由采集单位直接收取(微信、支付宝扫码支付)"], "{f:?}");
    let f = facts("三、采集流程\n审查身份证和研究生证—登记图像采集顺序—采集学生信息—现场交费—按登记顺序采集图像\n");
    assert!(values(&f, "fee.method").is_empty(), "{f:?}");
}

#[test]
fn a_college_that_collects_first_or_whose_head_pays_for_all_is_the_payer() {
    for text in [
        "请各学院统计参加图像采集学生数并先行收费并填写缴费单,于5月20号前将此表送至教务处。\n",
        "每人收取图像信息采集制作费用人民币15元,由学院负责人按照实际参加拍照的人数提前收齐费用。\n",
    ] {
        assert_eq!(values(&facts(text), "fee.payer"), ["college"], "{text}");
    }
}

#[test]
fn an_audience_without_who_need_not_or_cannot_come_and_a_kind_then_its_cohort() {
    let audience = |text: &str| values(&facts(text), "audience").iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        audience(
            "三、参加对象\n2022年(春季、夏季)预计毕业的学历教育研究生已经参加过图像信息采集的预计毕业生,请勿重新拍照。\n四、拍摄要求\n"
        ),
        ["2022年(春季、夏季)预计毕业的学历教育研究生"]
    );
    assert_eq!(
        audience(
            "一、采集对象\n拟于2013年6月和12月毕业的硕士、博士研究生。届时持本人身份证件、研究生证按规定时间到指定地点拍摄。\n二、时间\n"
        ),
        ["拟于2013年6月和12月毕业的硕士、博士研究生"]
    );
    assert_eq!(
        audience(
            "一、采集对象\n1.预计于2018年毕业的双证硕士研究生;\n异地及确实无法参加的应严格按照研究生院的要求提交和上传图像。\n二、时间\n"
        ),
        ["预计于2018年毕业的双证硕士研究生"]
    );
    assert_eq!(
        audience("一、采集对象\n(1)硕士生:2022级\n(2)博士生\n2020级(不含直博生)\n二、时间\n"),
        ["硕士生:2022级；博士生:2020级(不含直博生)"]
    );
    // Who else comes, though they took part before, stays.
    let a = audience(
        "一、采集对象\n我校2015届全体毕业生;\n往年已参加毕业生图像采集但未按时毕业的学生,预计于2015年毕业的,须重新拍照。\n二、时间\n",
    );
    assert!(a.iter().any(|s| s.contains("往年已参加")), "{a:?}");
}

#[test]
fn setting_up_the_photo_or_waiting_quietly_is_no_dress_rule() {
    let f = facts("四、着装要求\n1.穿与背景颜色有反差的衣服,身体距离墙壁一米左右。\n2.拍摄前请整理好妆容,等候拍摄时请保持安静。\n3.避免脸部阴影或出现阴阳脸。\n4.拍照时将头部、肩膀对应放入“人形虚线取景框”后再拍摄,否则会造成照片太小的情况。\n");
    assert_eq!(values(&f, "dress"), ["穿与背景颜色有反差的衣服", "拍摄前请整理好妆容"], "{f:?}");
}

#[test]
fn an_online_window_for_each_group_is_never_one_from_the_first_day_to_the_last() {
    let f = facts("五、采集办法\n学生使用手机微信搜索“毕业证照”小程序或微信扫描二维码,即刻开启照片采集服务。\n六、采集时间\n1.2025年1月毕业生:2024年10月10日-10月22日\n2.2025年7月毕业生:2024年11月10日-2024年12月15日\n");
    let o = values(&f, "online");
    assert_eq!(o.len(), 2, "{f:?}");
    assert!(o[0].contains("2025年1月毕业生 | 2024-10-10..2024-10-22"), "{f:?}");
    assert!(o[1].contains("2025年7月毕业生 | 2024-11-10..2024-12-15"), "{f:?}");
}

#[test]
fn a_makeup_in_whole_months_is_from_the_first_day_to_the_last() {
    let f = facts("2、学生如因无法抗拒的原因不能参加学校组织的拍摄,散拍可以在2015年11月-2016年3月就近与当地高校或新华分社联系散拍。散拍学生在接到本人照片后必须在2016年4月30日之前与教务处学籍管理科联系。\n");
    assert_eq!(values(&f, "makeup"), ["from 2015-11-01 | until 2016-03-31"], "{f:?}");
}

#[test]
fn a_list_under_one_denial_keeps_it_for_every_item() {
    let f = facts("四、拍照要求\n4.采像时保证坐姿端正,不要浓妆、发型变化大等容易导致系统无法识别的照片;\n");
    assert!(values(&f, "dress").contains(&"不要浓妆、发型变化大等容易导致系统无法识别的照片"), "{f:?}");
    // An item with its own verb is a rule of its own.
    let f = facts("四、着装要求\n不准染发、长发者须把头发扎起(头发不能遮盖眉毛和耳朵)。\n");
    assert!(values(&f, "dress").contains(&"不准染发"), "{f:?}");
}

#[test]
fn a_labelled_audience_ends_before_an_errand_for_some_of_them() {
    let f = facts("1.拍摄对象:2019届毕业硕士及博士研究生(16级研究生、往届未进行电子图像采集的延期毕业生)。往届未进行电子图像采集的延期毕业生,如想参加此次集中拍摄的,请于10月15日前到软件楼319登记。\n");
    assert_eq!(values(&f, "audience"), ["2019届毕业硕士及博士研究生(16级研究生、往届未进行电子图像采集的延期毕业生)"], "{f:?}");
}

#[test]
fn a_class_that_names_one_to_collect_and_a_method_without_how_to_wait() {
    let f = facts("三、采集费用\n采集完成后,各班自行指定一人根据实际参加人数收齐费用,汇款时间另行通知。\n");
    assert_eq!(values(&f, "fee.payer"), ["class"], "{f:?}");
    let f = facts("4.拍摄时由新华社现场收费(每位学生20元),请各班同学提前备好费用(支付方式:微信或支付宝),保持拍摄现场安静,提前换好服装。\n");
    assert_eq!(values(&f, "fee.method"), ["拍摄时由新华社现场收费(每位学生20元)，请各班同学提前备好费用(支付方式:微信或支付宝)"], "{f:?}");
    let f = facts("一、采集对象\n毕业班的所有学生,不管是否能如期毕业,都需要采集数码照片。\n\n毕业班级\n\n二、时间\n");
    assert_eq!(values(&f, "audience"), ["毕业班的所有学生,不管是否能如期毕业,都需要采集数码照片"], "{f:?}");
}

#[test]
fn what_a_fee_is_made_of_in_brackets_is_no_further_fee() {
    let f = facts("3.图像信息采集收费标准按每人16元(摄像费15元,机读卡费1元)收取。\n");
    assert_eq!(values(&f, "fee.amount"), ["16"], "{f:?}");
    assert!(values(&f, "fee.other").is_empty(), "{f:?}");
    assert_eq!(values(&f, "fee.includes"), ["摄像费15元,机读卡费1元"], "{f:?}");
}

#[test]
fn a_greeting_to_each_class_of_a_cohort_names_them() {
    let f = facts("关于图像采集的通知\n\n各二级学院,各2019级本科毕业学生班、2021级本科插班生毕业学生班:\n\n现将有关事项通知如下。\n");
    assert_eq!(values(&f, "audience"), ["2019级本科毕业学生班、2021级本科插班生毕业学生班"], "{f:?}");
}

#[test]
fn an_audience_without_a_stub_of_the_next_sentence_or_its_items_number() {
    let f = facts("一、采集对象\n2022届本科预计毕业生未采集图像的学生。学生\n\n二、时间\n");
    assert_eq!(values(&f, "audience"), ["2022届本科预计毕业生未采集图像的学生"], "{f:?}");
    let f = facts("一、采集对象\n12014级博士研究生;\n2、三年制2015级全日制硕士研究生;\n二、时间\n");
    assert!(values(&f, "audience").iter().all(|a| a.starts_with("2014级博士研究生")), "{f:?}");
}

#[test]
fn an_audiences_remark_in_brackets_is_kept_whole() {
    let f = facts("一、采集对象\n全体2023届毕业生(高职扩招2023届春季毕业生图像信息采集工作已完成,请勿参加本次采集)。\n二、采集方式\n");
    assert_eq!(values(&f, "audience"), ["全体2023届毕业生(高职扩招2023届春季毕业生图像信息采集工作已完成,请勿参加本次采集)"], "{f:?}");
}

#[test]
fn timetable_rows_that_name_a_campus_are_in_that_campus_room() {
    let f = facts("关于组织2024级研究生新生进行图像信息采集的通知\n3.地点、时间\n9月3日(周二)(8:30-12:00,13:00-18:00)\n东校区:公主楼三层报告厅\n9月4日(周三)(8:30-11:30,12:30-17:50)\n西校区:和园四层活动大厅\n5.各学院具体时间安排\n校区、日期 | 时间 | 学院 |\n东校区 9月3日 | 8:30--10:30 | 经管 |\n10:30--12:00 | 工学、马院 | |\n西校区 9月4日 | 8:30--10:00 | 资环、园艺 |\n");
    assert_eq!(
        values(&f, "slot"),
        [
            "2024-09-03 08:30-10:30 公主楼三层报告厅 经管",
            "2024-09-03 10:30-12:00 公主楼三层报告厅 工学、马院",
            "2024-09-04 08:30-10:00 和园四层活动大厅 资环、园艺"
        ],
        "{f:?}"
    );
    // Two rooms on the campus: which one the rows are in, the source does not say.
    let f = facts("关于组织2024级研究生新生进行图像信息采集的通知\n3.地点、时间\n9月3日(周二)(8:30-12:00,13:00-18:00)\n东校区:公主楼三层报告厅、公主楼101\n校区、日期 | 时间 | 学院 |\n东校区 9月3日 | 8:30--10:30 | 经管 |\n");
    assert_eq!(values(&f, "slot"), ["2024-09-03 08:30-10:30 ? 经管"], "{f:?}");
}

#[test]
fn a_dress_rule_leaves_its_number_and_label_behind() {
    let text = "三、注意事项\n\n【2】偏向于穿有衣领的服饰,也可以打领带或领结。\n\n3图像采集不得穿浅蓝色、绿色上衣。\n\n拍照要求:不能化妆,不戴眼镜。\n\n2)眼睛:尽量不戴眼镜,常戴眼镜者可佩戴眼镜。\n\n切记:信息采集请不要带美瞳。\n\n通知学生不要化浓妆。\n\n不穿与背景相近的蓝色上衣↔\n\n请穿2寸宽领的上衣。\n";
    let f = facts(text);
    assert_eq!(
        values(&f, "dress"),
        [
            "偏向于穿有衣领的服饰,也可以打领带或领结",
            "图像采集不得穿浅蓝色、绿色上衣",
            "不能化妆",
            "不戴眼镜",
            "尽量不戴眼镜,常戴眼镜者可佩戴眼镜",
            "信息采集请不要带美瞳",
            "不要化浓妆",
            "不穿与背景相近的蓝色上衣",
            "请穿2寸宽领的上衣",
        ]
    );
}

#[test]
fn the_place_after_a_days_hours_is_its_room_and_a_tables_header_is_no_heading() {
    let f = facts("一、采集时间和地点:\n\n望江校区:2021年10月10日09:00-17:00,望江校区研究生院3区604\n\n二、采集要求\n\n1、拍摄地点为教学楼,切勿大声喧哗。\n");
    assert_eq!(values(&f, "room"), ["望江校区研究生院3区604"]);
    let f =
        facts("二、图像采集时间和地点:(分组安排见附件2)\n\n校区 |\n\n时间 |\n\n地点 |\n\n铁道校区 |\n\n11月5日 下午2:00-5:00 |\n\n拍\n");
    assert_eq!(values(&f, "room"), Vec::<&str>::new());
}

#[test]
fn a_stations_number_is_no_part_of_its_room() {
    let f = facts("屏峰校区:拍摄时间:2024年11月3日(星期日)12:30-16:00\n\n拍摄地点:第5组(广知楼B412教室)\n");
    assert_eq!(values(&f, "room"), ["广知楼B412教室"]);
}

#[test]
fn a_lunch_break_splits_the_days_session() {
    let f = facts("一、拍摄时间具体安排:2022年6月29日上午9:00至16:10在图书馆一楼大厅进行图像采集。\n\n(三)中午12:00-14:00为工作人员午餐及休息时间。\n");
    assert_eq!(values(&f, "sessions"), ["2022-06-29 09:00-12:00, 14:00-16:10"]);
}

#[test]
fn words_an_advertisement_put_into_a_notice_are_no_fact() {
    let text = "关于2025届毕业生图像采集的通知\n\n欧洲杯官方买球网站继续教育学院\n\n一、采集对象\n\n所有拟于2025年毕(结)业网上赌场排名\n";
    let f = facts(text);
    assert_eq!(values(&f, "audience"), Vec::<&str>::new());
    assert!(!f.iter().any(|x| x.contains("买球") || x.contains("赌场")), "{f:#?}");
}

#[test]
fn what_follows_from_breaking_a_dress_rule_is_no_rule() {
    let f = facts("三、着装要求\n\n头发梳理整齐,完整露出眉毛、双眼、双耳。过度美化或浓妆(贴双眼皮等)照片均有可能造成学历、学位信息审核不通过,学历、学位证书无法完成注册。\n");
    assert_eq!(values(&f, "dress"), ["头发梳理整齐", "完整露出眉毛、双眼、双耳"]);
}

#[test]
fn the_audience_leaves_its_label_and_the_pointer_to_its_list() {
    let f = facts("一、采集对象\n\n参加人员:2022届预毕业生主要包括2018级本科生、2019级专科生。\n");
    assert_eq!(values(&f, "audience"), ["2022届预毕业生主要包括2018级本科生、2019级专科生"]);
    let f = facts("一、采集对象\n\n我校2020届全体本科拟毕业学生(即2016级全体在校本科学生,学生名单见附件1)。\n");
    assert_eq!(values(&f, "audience"), ["我校2020届全体本科拟毕业学生(即2016级全体在校本科学生)"]);
}

#[test]
fn a_contact_is_whom_papers_are_handed_to_not_the_handing() {
    let f = facts("如确需修改,须提前半年提供派出所等有关部门的证明原件,交学籍中心尤老师,联系电话:88206236。\n");
    assert_eq!(values(&f, "contact"), ["学籍中心尤老师 88206236"]);
}

#[test]
fn a_campus_under_a_place_column_is_in_the_room_the_notice_gives_that_campus() {
    let text = "二、采集时间及地点\n\n呈贡校区: 2017年10月25日(星期三),上午8:00 — 12:00\n\n文汇楼一栋1403教室\n\n东陆校区: 2017年10月25日(星期三),下午2:00 — 6:40\n\n南学楼106教室\n\n各单位电子图像信息采集具体时间和地点安排表:\n\n培养单位\n\n采集地点\n\n采集时段及大概人数\n\n马克思主义学院\n\n呈贡校区\n\n10月25日上午8:00-9:00(294人)\n\n历史与档案学院\n\n东陆校区\n\n10月25日下午14:00-15:00(120人)\n";
    let f = facts(text);
    assert_eq!(
        values(&f, "slot"),
        ["2017-10-25 08:00-09:00 文汇楼一栋1403教室 马克思主义学院", "2017-10-25 14:00-15:00 南学楼106教室 历史与档案学院"]
    );
}

#[test]
fn the_audience_is_whose_capture_the_title_names_when_the_text_says_no_more() {
    for (title, who) in [
        ("关于2023届拟毕(结)业生图像信息采集的通知", "2023届拟毕(结)业生"),
        ("关于开展2023届毕业生学历证书图像信息采集工作的通知", "2023届毕业生"),
        ("关于组织2018届预计毕业生图像信息采集的通知", "2018届预计毕业生"),
    ] {
        let f = facts(&format!("{title}\n\n各学院:\n\n现将有关事项通知如下。\n"));
        assert_eq!(values(&f, "audience"), [who], "{title}");
    }
    // (A later heading of a topic, `一、2022届毕业研究生身份证信息核对要求:`, does not hide it.)
    let f = facts(
        "关于做好2022届毕业研究生图像信息采集工作的通知\n\n相关研究生:\n\n一、2022届毕业研究生身份证信息核对要求:\n\n请核对身份证号。\n",
    );
    assert_eq!(values(&f, "audience"), ["2022届毕业研究生"]);
}

#[test]
fn the_audience_is_whom_the_colleges_are_to_tell() {
    let f = facts("关于开展2023届毕业生学历证书图像采集工作的通知\n\n我校2023届全日制专科学历电子照片拍摄时间定于2022年6月29日,请各二级学院通知本院2023届毕业生(含2021级2年制学生)按规定时间完成拍摄。\n");
    assert_eq!(values(&f, "audience"), ["本院2023届毕业生(含2021级2年制学生)"]);
}

#[test]
fn a_greeting_of_the_colleges_and_then_the_students_names_the_students() {
    let f = facts("关于做好2020届毕业生学历证书电子图像校对的通知\n\n各学院及2020届全体毕业生:\n\n校对工作现已开始。\n");
    assert_eq!(values(&f, "audience"), ["2020届全体毕业生"]);
}

#[test]
fn a_makeups_local_phone_after_its_label_is_its_phone() {
    let f = facts("注意:因各种原因学生未能如期参加学校组织的这次图像采集,学校不再负责组织补照,学生本人应自行与河南图片社联系补拍摄(联系电话:65975186,地置:郑州市花园路与纬一路交叉口北)。\n");
    assert_eq!(values(&f, "makeup"), ["河南图片社 | 65975186"]);
}

#[test]
fn each_campuss_rooms_on_its_own_labelled_line_are_rooms() {
    let text = "一、采集时间及地点\n\n时间:(应天校区)2018年5月2日(周三)13:00—16:55;\n\n         (东校区)  2018年5月2日(周三)13:00—16:15;\n\n地点:定淮门东校区:教学楼502、504教室\n\n          应天校区:教学楼903、904教室\n两校区均为两台机位拍摄。\n\n二、着装要求\n";
    let f = facts(text);
    assert_eq!(values(&f, "room"), ["教学楼502教室", "教学楼504教室", "教学楼903教室", "教学楼904教室"]);
}

#[test]
fn colleges_that_hand_in_the_students_fee_pay_it() {
    let f = facts(
        "4、按照有关要求,学生应缴纳拍摄、制作及上网注册费15/人,请各学院在1217统一送交学生处(机关楼204室),联系人:李老师,联系电话:86574429\n",
    );
    assert_eq!(values(&f, "fee.payer"), ["college"], "{f:?}");
}

#[test]
fn a_fee_that_only_says_who_pays_is_no_way_of_paying() {
    for text in [
        "二、采集时间\n2022 年 1月10日至23日,费用自理。\n",
        "3.采集费用:20元/人。照片采集、标准化及上网费用学生自理(含纸质照片冲印费)。\n",
        "二、费用\n本次集体图像采集所需费用由学校统一支付。\n",
    ] {
        let f = facts(text);
        assert!(!values(&f, "fee.payer").is_empty() && values(&f, "fee.method").is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_fee_method_leaves_its_label_amount_and_contacts_behind() {
    let f = facts("2.拍照费用:学校集体采集20/人,支付宝或现金拍照当天交给图片公司工作人员(疫情期间推荐支付宝);国贸补拍30/人。\n");
    assert_eq!(values(&f, "fee.method"), ["支付宝或现金拍照当天交给图片公司工作人员(疫情期间推荐支付宝)"], "{f:?}");
    let f = facts("3.收费:20元/人(现场微信、支付宝扫码支付)\n");
    assert_eq!(values(&f, "fee.method"), ["现场微信、支付宝扫码支付"], "{f:?}");
    let f = facts("图像集中采集15元/人线上支付。\n");
    assert_eq!(values(&f, "fee.method"), ["线上支付"], "{f:?}");
    let f = facts(
        "4、按照有关要求,学生应缴纳拍摄、制作及上网注册费15/人,请各学院在1217统一送交学生处(机关楼204室),联系人:李老师,联系电话:86574429\n",
    );
    assert_eq!(values(&f, "fee.method"), ["请各学院在1217统一送交学生处(机关楼204室)"], "{f:?}");
}

#[test]
fn a_fee_method_leaves_the_rule_before_it_behind() {
    let f = facts("按照中国图片社关于规范调整高校毕业生信息采集收费标准的通知》的规定,收费标准为每人20由图片社现场收取。\n");
    assert_eq!(values(&f, "fee.method"), ["由图片社现场收取"], "{f:?}");
    let f = facts("四、采集费用:根据广东高等教育学历证图像采集中心费用标准,拍照费用为15元/人,费用以班级为单位于4月25日前统一交至财务处,收据或收据复印件交到教务处。\n");
    assert_eq!(values(&f, "fee.method"), ["费用以班级为单位于4月25日前统一交至财务处，收据或收据复印件交到教务处"], "{f:?}");
    // A bracket never closed holds no commas; a clause the source breaks off is left out.
    let f = facts("毕业生图像信息采集的收费标准按照两办文件《关于做好高校毕业生图像信息采集工作的通知》(教学厅(20025号)规定执行,每人15元,各系以系为单位收齐费用后,交至学生工作处。\n");
    assert_eq!(values(&f, "fee.method"), ["各系以系为单位收齐费用后，交至学生工作处"], "{f:?}");
    let f = facts("6、根据浙教办 [2002]55号文件有关规定,图像采集收费价格为每人15元(2寸×4张,1寸8张),由学院代收统一上缴浙江省教育厅,请各系将拍照费用于12月1日\n");
    assert_eq!(values(&f, "fee.method"), ["由学院代收统一上缴浙江省教育厅"], "{f:?}");
}

#[test]
fn a_report_handed_in_before_the_fee_is_no_way_of_paying() {
    let f = facts("(三)学院数据报送\n学院下载已审核信息,于2017年10月31日上午11:30之前将经学院领导签字盖章的汇总表纸制版交研究生院学术学位培养科,各院图像采集费请统一转账至研究生院指定账户。\n");
    assert_eq!(values(&f, "fee.method"), ["各院图像采集费请统一转账至研究生院指定账户"], "{f:?}");
    assert_eq!(values(&f, "fee.payer"), ["college"], "{f:?}");
}

#[test]
fn who_pays_left_after_the_amount_is_no_way_of_paying() {
    let f = facts("三、费用\n照片摄制费用为20元/人(含冲印照片1版),由学生个人支付。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
    assert!(values(&f, "fee.method").is_empty(), "{f:?}");
}

#[test]
fn the_time_to_capture_without_a_day_in_a_room_is_the_online_channels_window() {
    let text = "各学院:\n\n一、采集时间\n\n2020年9月16日至2020年9月30日\n\n二、采集办法\n\n本次图像采集为线上采集,由学生登录微信,搜索小程序“江苏图采”完成拍照。学校提供3间教室供拍照使用。\n";
    let f = facts(text);
    assert_eq!(values(&f, "online"), ["“江苏图采”小程序 | 2020-09-16..2020-09-30"]);
    assert_eq!(values(&f, "day"), Vec::<&str>::new());
}

#[test]
fn the_year_they_graduate_is_the_cohort_whatever_words_stand_between() {
    let f = facts("关于做好2019年普通本科毕业生图像信息采集工作的通知\n\n各学院:\n");
    assert_eq!(values(&f, "cohort"), ["2019"]);
    let f = facts("关于研究生图像采集的通知\n\n一、采集对象\n\n拟于2021年申请毕业的在籍研究生。\n");
    assert_eq!(values(&f, "cohort"), ["2021"]);
}

#[test]
fn a_pages_date_under_the_labels_and_in_the_forms_sites_use_is_the_issue_date() {
    for (header, date) in [
        ("2011.11.09", "2011-11-09"),
        ("发布于:2016-10-14 10:58:25   |   作者:学生管理科   |   浏览次数:10067", "2016-10-14"),
        ("创建日期:2016/8/19 11:32:04   浏览次数:3673", "2016-08-19"),
        ("Publisher:陈昕pubdate:2021-10-27Browse Times:167", "2021-10-27"),
    ] {
        let f = facts(&format!("关于2012届毕业生图像采集的通知\n\n{header}\n\n各学院:\n"));
        assert_eq!(values(&f, "issued"), [date], "{header}");
    }
}

#[test]
fn a_sites_footer_or_the_name_to_enter_names_the_school() {
    let f = facts("关于2025届毕业生图像采集的通知\n\n各位同学:\n\n请于12月15日前完成采集。\n\n陕西师范大学远程教育学院 [ 陕ICP备05001611号-10 ] 版权所有\n");
    assert_eq!(values(&f, "school"), ["陕西师范大学"]);
    let f = facts("关于成考预毕业学生补拍照片的通知\n\n1.获取采集资格后,输入的学校名称为:深圳大学学历类型为:成人高等教育。\n");
    assert_eq!(values(&f, "school"), ["深圳大学"]);
}

#[test]
fn the_office_is_whose_document_number_it_is() {
    let f = facts("教务处函〔2025〕19号\n\n关于做好2026届毕业生电子注册照片采集工作的通知\n\n各二级学院:\n");
    assert_eq!(values(&f, "office"), ["教务处"]);
    let f = facts("苏城院学籍〔2018〕4号\n\n关于做好2019届毕业生电子图像采集工作的通知\n\n各学院:\n");
    assert_eq!(values(&f, "office"), Vec::<&str>::new());
}

#[test]
fn a_sites_title_or_a_pages_header_names_the_office() {
    let f = facts("北京开放大学_教务处_新版\n\n通知公告\n\n关于毕业生图像采集的通知\n");
    assert_eq!(values(&f, "office"), ["教务处"]);
    let f = facts("关于我校2022届毕业生图像信息采集工作的通知\n\n教务处2021/04/25 01:30\n\n各学院:\n");
    assert_eq!(values(&f, "office"), ["教务处"]);
}

#[test]
fn how_to_sit_for_the_photo_is_a_rule_of_how_one_looks() {
    let f = facts(
        "3. 人物姿态与表情:坐姿端正,表情自然,双眼自然睁开并平视,耳朵对称,左右肩膀平衡,嘴唇自然闭合(笑不露齿),避免脸部阴影或出现阴阳脸。\n",
    );
    assert_eq!(values(&f, "dress"), ["坐姿端正,表情自然,双眼自然睁开并平视,耳朵对称,左右肩膀平衡,嘴唇自然闭合(笑不露齿)"]);
}

#[test]
fn a_service_line_written_with_spaces_is_a_phone() {
    let f = facts("采集过程如果遇到问题,可在小程序中点击“客服”按钮联系客服处理,也可致电客服电话400 158 7766(每天9:00-21:00)。\n");
    assert_eq!(values(&f, "contact"), ["客服 4001587766"]);
}

#[test]
fn a_title_with_the_pages_date_or_its_version_after_it_is_the_title() {
    let f = facts("管理学院2021年博士研究生预毕业信息核对的通知 2020-12-17\n\n各位同学:\n");
    assert_eq!(values(&f, "title"), ["管理学院2021年博士研究生预毕业信息核对的通知"]);
    let f = facts("关于研究生毕业图像线上采集的要求说明(2023年10月更新版)\n\n发布时间:2023-09-01\n\n根据有关规定,现将要求说明如下。\n");
    assert_eq!(values(&f, "title"), ["关于研究生毕业图像线上采集的要求说明(2023年10月更新版)"]);
}

#[test]
fn a_pages_posting_line_is_never_part_of_the_sentence_after_it() {
    let f = facts("关于做好2023届毕业研究生图像采集工作的通知\n\n资料来源: 作者: 发布时间:2023年03月08日 点击:[]\n\n根据学校整体工作安排,我校2023届毕业研究生图像采集工作定于2023年3月20周一进行。\n");
    assert_eq!(values(&f, "issued"), ["2023-03-08"]);
    assert_eq!(values(&f, "day"), ["2023-03-20"]);
}

#[test]
fn a_second_way_in_offered_as_well_is_a_channel_of_its_own() {
    let f = facts(
        "为确保毕业生学历电子注册信息的规范性和完整性,我校委托江苏省高校招生就业指导服务中心统一采集2021届毕业生电子图像,现将有关事项通知如下:\n一、采集时间\n2020年9月16日至2020年9月30日\n二、采集办法\n本次图像采集为线上采集,由学生登录微信,搜索小程序“江苏图采”,或关注“江苏省招就中心”公众号,点击“服务指南”中的“图像采集”项目。\n",
    );
    assert_eq!(values(&f, "online"), ["“江苏图采”小程序 | 2020-09-16..2020-09-30", "“江苏省招就中心”公众号 | 2020-09-16..2020-09-30"]);
    // Whose photos are taken, after the verb.
    assert_eq!(values(&f, "audience"), ["2021届毕业生"]);
    // One channel, then what to do in it: no second channel.
    let f = facts("本次图像采集为线上采集,请登录“毕业证照”小程序,或者携带身份证前往照相馆。\n");
    assert_eq!(values(&f, "online"), ["“毕业证照”小程序"]);
}

#[test]
fn a_period_that_became_the_online_window_is_not_left_unsure() {
    let d = extract(&from_text("n.txt", Kind::Text, "一、采集时间\n2020年9月16日至2020年9月30日\n二、采集办法\n本次图像采集为线上采集,请登录小程序“江苏图采”。学校提供3间教室(一教楼1B512、1B514)供拍照使用。\n"));
    assert!(d.online.iter().any(|o| o.value.from.is_some()), "{:?}", d.online);
    assert!(d.unsure.iter().all(|(key, _, _)| key != "capture.days"), "{:?}", d.unsure);
}

#[test]
fn how_to_look_into_the_camera_is_a_rule_though_it_names_no_clothes() {
    let f = facts("三、拍照要求\n4. 坐姿端正,表情自然,双眼平视,双唇自然闭合。\n5. 表情中性,嘴唇闭合。\n");
    assert_eq!(values(&f, "dress"), ["坐姿端正,表情自然,双眼平视,双唇自然闭合", "表情中性,嘴唇闭合"]);
    // Bareheaded and from the front, as a rule; a photo's specification is none.
    let f = facts("2.正面免冠像拍摄,头发不得遮挡眉毛、眼睛和耳朵。\n3.照片为JPG格式正面免冠照。\n");
    assert_eq!(values(&f, "dress"), ["正面免冠像拍摄", "头发不得遮挡眉毛、眼睛和耳朵"]);
    // A heading run into the rule, a topic's label after a number, and a cut last character.
    let f = facts("2.拍摄要求(北京新华社今年标准提高)\n人物姿态与表情:坐姿端正,表情自然,双眼自然睁开并平视,\n");
    assert_eq!(values(&f, "dress"), ["坐姿端正,表情自然,双眼自然睁开并平视"]);
    let f = facts("1人物姿态与表情⚰️:坐姿端正,表情自然,双\n");
    assert_eq!(values(&f, "dress"), ["坐姿端正,表情自然"]);
}

#[test]
fn days_listed_each_with_its_weekday_and_capture_called_electronic_filming() {
    let f =
        facts("关于2015届毕业生图像采集的通知\n一、采集时间\n时间:2014年12月14日(周日)、15日(周一)、16日(周二)8:00-12:00, 13:00-17:00。\n");
    assert_eq!(values(&f, "day"), ["2014-12-14", "2014-12-15", "2014-12-16"]);
    let f =
        facts("关于2016届毕业生图像采集的通知\n1、2016届预计毕业生学历证书电子摄像的时间拟定为2015年11月2日-5日,具体安排将另行通知。\n");
    assert_eq!(values(&f, "day"), ["2015-11-02", "2015-11-03", "2015-11-04", "2015-11-05"]);
}

#[test]
fn the_school_is_the_name_typed_into_the_app_or_the_one_whose_building_holds_the_room() {
    let f = facts("再搜索“易拍照”小程序、录入学校名“哈尔滨工业大学(研究生)”并缴费后进行采集。\n");
    assert_eq!(values(&f, "school"), ["哈尔滨工业大学"]);
    let f = facts("在采集资格页面的搜索框中输入“西安航空学院”,下拉列表中选择。\n");
    assert_eq!(values(&f, "school"), ["西安航空学院"]);
    let f = facts("一、采集时间\n2018年6月5日8:00-12:00\n2.地点:湖南师范大学景德楼201教室\n");
    assert_eq!(values(&f, "school"), ["湖南师范大学"]);
    assert_eq!(values(&f, "room"), ["景德楼201教室"]);
    // The campus in brackets after the school stays in the room's name.
    let f = facts("1、采集时间:2022年5月10日9:00-17:00。\n2、采集地点:广州大学(大学城校区)图书馆一楼讲学厅及大厅。\n");
    assert_eq!(values(&f, "school"), ["广州大学"]);
    assert_eq!(values(&f, "room"), ["大学城校区图书馆一楼讲学厅及大厅"]);
    // A college is no school.
    let f = facts("地点:继续教育学院101教室\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn the_office_of_a_signature_without_its_date_or_of_a_notice_passed_on() {
    let f = facts("山东工商学院关于做好2020年7月函授毕业生图像信息采集的通知\n\n各函授站:\n\n1、毕业生图像信息采集工作定于2020年1月17日前完成。\n\n2、各站根据实际情况与新华社联系。\n\n山东工商学院继续教育学院\n\n热点推荐:\n");
    assert_eq!(values(&f, "school"), ["山东工商学院"]);
    assert_eq!(values(&f, "office"), ["继续教育学院"]);
    let f = facts("转教务处《关于做好2025届预毕业生图像采集工作的通知》\n\n各学院:\n");
    assert_eq!(values(&f, "office"), ["教务处"]);
}

#[test]
fn how_to_pay_in_its_own_sentence_after_the_lines_amount() {
    let f = facts("关于2021届毕业生图像采集的通知\n一、采集时间\n2020年10月12日8:00-12:00\n2、费用:20元/人;请使用支付宝或微信支付。\n");
    assert_eq!(values(&f, "fee.amount"), ["20"]);
    assert_eq!(values(&f, "fee.method"), ["请使用支付宝或微信支付"]);
    assert_eq!(values(&f, "fee.payer"), ["student"]);
}

#[test]
fn the_year_of_graduation_of_students_by_correspondence_or_continuing_education() {
    let f = facts("山东工商学院关于做好2020年7月函授毕业生图像信息采集的通知\n\n各函授站:\n");
    assert_eq!(values(&f, "cohort"), ["2020"]);
    let f = facts("请各单位认真组织好2025年春季高等学历继续教育毕业生图像信息采集工作。\n");
    assert_eq!(values(&f, "cohort"), ["2025"]);
}

#[test]
fn a_rule_that_is_a_remark_in_brackets_is_read_without_them() {
    let f = facts("5.衣着:应穿着与背景色区分明显的上衣,避免复杂图案、条纹。(不得穿着蓝色上衣、建议穿着黑/白纯色上衣)\n");
    assert_eq!(values(&f, "dress"), ["应穿着与背景色区分明显的上衣", "避免复杂图案、条纹", "不得穿着蓝色上衣、建议穿着黑/白纯色上衣"]);
}

#[test]
fn a_page_row_after_the_title_is_neither_title_nor_capture_day() {
    let f = facts("关于2022级新生图像信息采集工作的通知 教字〔2022〕108号 教务处 | 2022-09-26\n\n各二级学院:\n\n二、图像采集时间地点\n\n时间:2022年9月29日(星期四)\n\n地点:教学楼(12号楼)西大厅\n");
    assert_eq!(values(&f, "title"), ["关于2022级新生图像信息采集工作的通知"]);
    assert_eq!(values(&f, "day"), ["2022-09-29"]);
}

#[test]
fn a_place_without_what_is_done_there_or_where_to_sign_in() {
    let f = facts("关于2025届毕业研究生图像采集的通知\n1.时间地点:2024年6月13日(周四)12:30-18:30;C313拍摄(C306签到);C315拍摄(C317签到)。\n2.拍摄对象及次序:2025届预计毕业生(主要为2022级全日制硕士生)。\n");
    assert_eq!(values(&f, "room"), ["C313", "C315"]);
    assert_eq!(values(&f, "audience"), ["2025届预计毕业生(主要为2022级全日制硕士生)"]);
    let f = facts("关于2023届毕业生图像采集的通知\n时间:2023年5月10日\n地点:研究生院一楼教室和大厅(提醒:研究生院正大门进来的楼层为二楼,请直接在一楼门口排队等候)\n");
    assert_eq!(values(&f, "room"), ["研究生院一楼教室和大厅"]);
    let f = facts("关于2025届毕业生图像采集的通知\n一、图像采集时间:\n2024年11月9日\n二、图像采集地点:\n南校区、北校区、医学院校区三个采集点同时进行(见附件2)。\n");
    assert_eq!(values(&f, "room"), ["南校区", "北校区", "医学院校区"]);
}

#[test]
fn a_makeup_on_one_day_or_the_days_listed_ends_that_day() {
    let f = facts("关于2020届毕业生图像采集的通知\n补拍时间:2020年10月14日,地点:学生活动中心107室。\n");
    assert_eq!(values(&f, "makeup"), ["from 2020-10-14 | until 2020-10-14"]);
    let f = facts("关于2025届毕业生图像采集的通知\n图像信息采集时间定于2024年3月16日、17日进行,同时2024届需要补采集的毕业生一并采集。\n");
    assert_eq!(values(&f, "makeup"), ["from 2024-03-16 | until 2024-03-17"]);
    // A day it opens on stays open.
    let f = facts("关于2020届毕业生图像采集的通知\n未能参加本次采集的同学,2019年10月1日起可到新华社广东图像采集中心补拍。\n");
    assert!(values(&f, "makeup").iter().all(|m| !m.contains("until")), "{f:?}");
}

#[test]
fn a_list_item_numbered_with_a_half_bracket_begins_its_own_line() {
    let f = facts("2. 采像着装要求:为节省拍摄时间,请学生务必在图像采集前整理好自身仪表\n1)图像采集时背景统一为蓝色,学生着装请避免类似颜色,不得穿奇装异服;\n");
    assert!(values(&f, "dress").iter().all(|r| !r.contains("1)")), "{f:?}");
    assert!(values(&f, "dress").contains(&"不得穿奇装异服"), "{f:?}");
}

#[test]
fn whose_capture_it_is_with_a_remark_in_brackets() {
    let f = facts("关于2024届(2020级本科、2022级二学位)毕业生图像采集安排的通知\n\n各学院:\n");
    assert_eq!(values(&f, "audience"), ["2024届(2020级本科、2022级二学位)毕业生"]);
    let f = facts("经与新华社浙江省分社联系,定于2020年10月11日(下沙校区),对2021届本科毕业生(含2017级本科留学生、2019级专升本学生)集中进行电子注册图像采集。\n");
    assert_eq!(values(&f, "audience"), ["2021届本科毕业生(含2017级本科留学生、2019级专升本学生)"]);
}

#[test]
fn each_room_held_on_its_own_days() {
    let f = facts("关于2021届毕业生图片采集工作的通知\n新华图片社对我校2021年预毕业全日制本科学生图片采集工作于2020年12月28日在中北科学会堂阶梯教室、29-30日在闵行第二教学楼104进行。\n");
    assert_eq!(values(&f, "room.days"), ["中北科学会堂阶梯教室 | 2020-12-28", "闵行第二教学楼104 | 2020-12-29, 2020-12-30"]);
    let f = facts("关于2025届毕业生图像采集的通知\n发布时间:2024-04-20\n一、 采集日期及地点\n4月28日-29日:高明校区(学生活动中心舞蹈室)\n4月30日:禅城校区(羽毛球馆)\n具体安排见附件1:拍摄安排\n二、 采集对象\n");
    assert_eq!(values(&f, "room.days"), ["高明校区(学生活动中心舞蹈室) | 2024-04-28, 2024-04-29", "禅城校区(羽毛球馆) | 2024-04-30"]);
    // One place for every day: no days of its own.
    let f = facts("关于2021届毕业生图片采集工作的通知\n采集工作于2020年12月28日在中北科学会堂阶梯教室进行。\n");
    assert!(values(&f, "room.days").is_empty(), "{f:?}");
}

#[test]
fn a_rooms_own_days_stay_only_where_they_are_capture_days_holding_its_slots() {
    use super::{Found, Room, Slot};
    use crate::import::Origin;
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2020, 12, d).expect("date");
    let room =
        |id: &str, days: Vec<chrono::NaiveDate>| Found::new(Room { id: id.into(), name: id.into(), campus: None, days }, Origin::Line(1));
    // A: its day is a capture day. B: 12月30日 is none. C: the timetable gives it the 29th too.
    let mut d = super::Draft {
        days: vec![Found::new((day(28), Vec::new()), Origin::Line(1)), Found::new((day(29), Vec::new()), Origin::Line(1))],
        rooms: vec![room("A", vec![day(28)]), room("B", vec![day(30)]), room("C", vec![day(28)])],
        slots: vec![Found::new(
            Slot { date: day(29), start: 8 * 3600, end: 9 * 3600, room: Some("C".into()), groups: vec!["文学院".into()] },
            Origin::Line(2),
        )],
        ..Default::default()
    };
    super::when::room_days_hold(&mut d);
    let kept: Vec<usize> = d.rooms.iter().map(|r| r.value.days.len()).collect();
    assert_eq!(kept, [1, 0, 0]);
}

#[test]
fn each_campus_with_its_time_then_its_place_holds_its_rooms_on_that_day() {
    let f = facts("关于2019届毕业生图像采集的通知\n我校2019届毕业生图像信息采集工作将于2018年10月27日、28日进行。\n1.龙子湖校区\n时间:2018年10月27日(周六)上午8:00开始\n地点:龙子湖校区五号教学楼(5103、5104)\n2.花园校区\n时间:2018年10月28日(周日)上午8:00开始\n地点:花园校区六号教学楼(6101)\n3.电子图像信息采集费用为每生费用18.00元。\n");
    assert_eq!(
        values(&f, "room.days"),
        ["龙子湖校区五号教学楼(5103) | 2018-10-27", "龙子湖校区五号教学楼(5104) | 2018-10-27", "花园校区六号教学楼(6101) | 2018-10-28"]
    );
    // Both on the one day: no days of their own.
    let f = facts("关于2014届毕业生图像采集的通知\n本次信息采集于2013年11月30日在两校区分别进行。\n1.花园校区\n时间:2013年11月30日(周六)上午8:30开始\n地点:花园校区文体活动中心\n2.龙子湖校区\n时间:2013年11月30日(周六)上午9:00开始\n地点:龙子湖校区文体活动中心\n");
    assert_eq!(values(&f, "room"), ["花园校区文体活动中心", "龙子湖校区文体活动中心"]);
    assert!(values(&f, "room.days").is_empty(), "{f:?}");
}

#[test]
fn each_campus_dated_only_by_its_time_line_over_its_place() {
    let f = facts("关于2019届毕业生图像采集的通知\n1.龙子湖校区\n时间:2018年10月27日(周六)上午8:00开始\n地点:龙子湖校区五号教学楼(5103、5104)\n2.花园校区\n时间:2018年10月28日(周日)上午8:00开始\n地点:花园校区六号教学楼(6101)\n");
    assert_eq!(values(&f, "day"), ["2018-10-27", "2018-10-28"]);
    assert_eq!(values(&f, "room.days").len(), 3, "{f:?}");
    // A day that opens a period, with no hour, is no capture day.
    let f = facts("关于2024年春季毕业生图像采集的通知\n2.采集时间:2024年3月26日开始\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn another_campus_place_line_is_a_room_but_a_place_to_pay_is_none() {
    let f = facts("关于2019届毕业生图像采集的通知\n我校2019届毕业生图像信息采集工作将于2018年10月27日进行。\n地点:龙子湖校区五号教学楼5103\n时间:2018年10月27日上午8:00开始\n地点:花园校区六号教学楼6101\n交费地点:财务处收费大厅\n");
    assert_eq!(values(&f, "room"), ["龙子湖校区五号教学楼5103", "花园校区六号教学楼6101"]);
}

#[test]
fn each_day_with_its_campuses_in_brackets() {
    let f = facts("关于2021届毕业生图像采集的通知\n我校2021届毕业生图像信息采集定于2020年11月6日(西校区)、7日(本部、东校区)两天进行。\n");
    assert_eq!(values(&f, "room"), ["西校区", "本部", "东校区"]);
    assert_eq!(values(&f, "room.days"), ["西校区 | 2020-11-06", "本部 | 2020-11-07", "东校区 | 2020-11-07"]);
    // With its weekday beside it.
    let f = facts("关于2021届毕业生图像采集的通知\n图像采集工作将于2020年9月5日(南区星期六)、9月6日(北区星期日)进行。\n");
    assert_eq!(values(&f, "room"), ["南区", "北区"]);
    // What is no campus in the brackets names no room.
    let f = facts("关于2021届毕业生图像采集的通知\n图像采集工作将于2020年9月5日(暂定)、9月6日(周日)进行。\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
}

#[test]
fn campuses_named_in_a_sentence_under_a_time_and_place_heading_each_with_its_hours() {
    let f = facts("关于2020届研究生图像采集的通知\n二、时间地点\n2019年10月21日在东校区、南校区,22日在北校区进行。\n东校区、南校区10月21日,时间为:上午9:00—11:30,下午14:00—16:30;\n北校区时间为:\n10月22日上午9:00—11:00\n");
    assert_eq!(values(&f, "room"), ["东校区", "南校区", "北校区"]);
    assert_eq!(values(&f, "room.days"), ["东校区 | 2019-10-21", "南校区 | 2019-10-21", "北校区 | 2019-10-22"]);
    assert_eq!(
        values(&f, "slot"),
        [
            "2019-10-21 09:00-11:30 东校区",
            "2019-10-21 14:00-16:30 东校区",
            "2019-10-21 09:00-11:30 南校区",
            "2019-10-21 14:00-16:30 南校区",
            "2019-10-22 09:00-11:00 北校区"
        ]
    );
    // `同时进行`: the places, not that they are at once.
    let f = facts("关于2020届研究生图像采集的通知\n图像采集工作于2019年10月21日在东校区、南校区同时进行。\n");
    assert_eq!(values(&f, "room"), ["东校区", "南校区"]);
    // A line that names someone beside the room's hours is no room's own.
    let f = facts("关于2020届研究生图像采集的通知\n图像采集工作于2019年10月21日在东校区、南校区同时进行。\n东校区管理学院时间为:\n10月21日上午9:00—11:00\n");
    assert!(values(&f, "slot").is_empty(), "{f:?}");
}

#[test]
fn whom_to_hand_the_photos_to_is_a_contact_without_a_number() {
    let f = facts("关于2024届毕业生图像采集的通知\n请各班于2024年3月8日前将照片以班级文件夹发至教务处李明老师处。\n");
    assert_eq!(values(&f, "contact"), ["教务处李明老师"]);
    let f = facts("关于2024届毕业生图像采集的通知\n请各学院将安排表报电子版给学生处王芳老师。\n");
    assert_eq!(values(&f, "contact"), ["学生处王芳老师"]);
    // Named with a number elsewhere: once, with it.
    let f = facts("关于2024届毕业生图像采集的通知\n照片发至教务处李明老师。\n如有疑问请联系教务处李明老师,电话:0731-88886666。\n");
    assert_eq!(values(&f, "contact"), ["教务处李明老师 0731-88886666"]);
}

#[test]
fn a_heading_whose_number_was_lost_before_its_dot_is_a_heading() {
    let f = facts("关于采集的通知\n学校2025年春季毕业生电子图像采集工作将于4月12日进行。\n.图像采集时间\n412日(星期六)8:0011:30\n.图像采集地点\n图书馆201教室\n");
    assert_eq!(values(&f, "sessions"), ["2025-04-12 08:00-11:30"]);
    assert_eq!(values(&f, "room"), ["图书馆201教室"]);
}

#[test]
fn a_date_that_lost_all_its_marks_is_read_after_its_word_and_before_its_use() {
    let f = facts("关于2016届毕业生图像采集的通知\n现定于20151109进行2016届毕业生电子图像采集。\n");
    assert_eq!(values(&f, "day"), ["2015-11-09"]);
    let f = facts("关于2016届毕业生图像采集的通知\n集中拍照时间:20151107(周六)上午\n");
    assert_eq!(values(&f, "day"), ["2015-11-07"]);
    // A number after no such word is none.
    let f = facts("关于2016届毕业生图像采集的通知\n咨询电话20151109,工作日上午。\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn dress_rules_of_a_notice_in_english_sentence_by_sentence() {
    let f = facts("Notice on graduation photos for international students\n\nIII. Photo requirements\n\n1. Please bring your passport. Do not wear green clothes. Hair must not cover the forehead or ears. Glasses must not be tinted, and the lenses must not reflect light. No heavy makeup.\n\n2. Before the photo, remove earrings and necklaces. The fee is 25 RMB, please wear a mask.\n");
    assert_eq!(
        values(&f, "dress"),
        [
            "Do not wear green clothes.",
            "Hair must not cover the forehead or ears.",
            "Glasses must not be tinted, and the lenses must not reflect light.",
            "No heavy makeup.",
            "Before the photo, remove earrings and necklaces."
        ]
    );
}

#[test]
fn english_dress_rules_cut_where_the_sentence_holds_two_or_leads_up_to_one() {
    // `and don't`: two rules, each without the full stop of the sentence they share.
    let f = facts("Important\n\nDon't wear a white shirt and don't let your hair cover your eyebrows.\n");
    assert_eq!(values(&f, "dress"), ["Don't wear a white shirt", "don't let your hair cover your eyebrows"]);
    // What leads up to the rule is none of it.
    let f = facts("Photo\n\nAs the photo will be printed on your diploma and checked against your passport, students are asked to be careful, dress formally and keep a natural expression.\n");
    assert_eq!(values(&f, "dress"), ["dress formally and keep a natural expression"]);
    // A topic run into its first rule (`GlassesPeople…`) is no part of it; the light is the shot's.
    let f = facts("Notes\n\nEarringsDo not wear earrings or a necklace.\n\nThe lightIt is best to stand by a window and make sure the light on your face is even.\n");
    assert_eq!(values(&f, "dress"), ["Do not wear earrings or a necklace."]);
}

#[test]
fn english_sentences_that_are_no_dress_rules() {
    // Rules about different things spliced with commas: where each ends is not sure.
    // A description without a rule, a mask, a reminder to take one's looks seriously: none.
    let f = facts("Requirements\n\nBoys with long hair must tie it back, their ears should be visible.\n\nYour face is clean and not oily.\n\nPlease wear a mask and keep your distance.\n\nPlease treat your appearance and clothes seriously.\n");
    assert!(values(&f, "dress").is_empty(), "{f:?}");
    // A notice in Chinese and English: the Chinese rules, not their translation as well.
    let f = facts("二、拍照要求\n\n不得穿蓝色衣服。\n\nDo not wear blue clothes.\n");
    assert_eq!(values(&f, "dress"), ["不得穿蓝色衣服"]);
}

#[test]
fn title_audience_cohort_and_office_of_a_notice_in_english() {
    let f = facts("Notice on taking diploma photos for international students of 2025\npublisher:Admin update:2024-10-08\n\nUndergraduate international students who plan to graduate in 2025:\n\nThe photos will be taken on campus.\n\nBest regards,\n\nInternational Student Office\n");
    assert_eq!(values(&f, "title"), ["Notice on taking diploma photos for international students of 2025"]);
    assert_eq!(values(&f, "audience"), ["Undergraduate international students who plan to graduate in 2025"]);
    assert_eq!(values(&f, "cohort"), ["2025"]);
    assert_eq!(values(&f, "office"), ["International Student Office"]);
    // Who, in a sentence, up to what they are asked to do; a greeting of all students is no audience.
    let f = facts("Diploma Picture Notice\n\nDear International Students,\n\nAll students who will meet the graduation requirements by June 2026 must have their photo taken in the library.\n");
    assert_eq!(values(&f, "title"), ["Diploma Picture Notice"]);
    assert_eq!(values(&f, "audience"), ["All students who will meet the graduation requirements by June 2026"]);
    // `for 2022 bachelors` may be the year they came in: no cohort.
    let f = facts("Notice for taking graduation pictures for 2022 bachelors\n\nTarget students: all 2022 bachelors\n");
    assert_eq!(values(&f, "audience"), ["all 2022 bachelors"]);
    assert!(values(&f, "cohort").is_empty(), "{f:?}");
}

#[test]
fn page_date_and_school_of_a_notice_in_english() {
    let f = facts("Graduation Photo Notice for Exchange Students\n\nPosted on March 3, 2024\n\nDear graduating exchange students:\n\nWe wish you well as you finish your studies at Hainan Ocean University and ask you to have your photo taken.\n");
    assert_eq!(values(&f, "issued"), ["2024-03-03"]);
    assert_eq!(values(&f, "school"), ["Hainan Ocean University"]);
    let f = facts("Photo Notice for Graduates\n\nOn 2023-Jun-05\n\nThe photo is used by the university.\n");
    assert_eq!(values(&f, "issued"), ["2023-06-05"]);
    // A university named elsewhere than where one studies is not the school.
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn all_students_who_must_come_without_a_year() {
    let f = facts("关于研究生图像信息采集的通知\n一、工作要求2.全体在读博士研究生均要参加本次图像信息采集。\n");
    assert_eq!(values(&f, "audience"), ["全体在读博士研究生"]);
    let f = facts("关于研究生学位照片拍摄的通知\n所有毕业研究生必须参加学校统一组织的拍摄。\n");
    assert_eq!(values(&f, "audience"), ["所有毕业研究生"]);
    let f = facts("关于新生图像采集的通知\n1.全体2024级新生必须参与采集,并携带身份证。\n");
    assert_eq!(values(&f, "audience"), ["全体2024级新生"]);
    // Everyone asked something else is no one who comes.
    let f = facts("关于研究生图像采集的通知\n全体研究生须按时缴纳学费。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn who_graduates_by_then_asked_told_or_scheduled() {
    let f = facts("关于研究生图像采集的通知\n3.预计于2025年1月(冬季)和6月(夏季)毕业/结业的研究生在校生(双证),务必参加本次图像采集。\n");
    assert_eq!(values(&f, "audience"), ["预计于2025年1月(冬季)和6月(夏季)毕业/结业的研究生在校生(双证)"]);
    let f = facts("关于研究生补照的通知\n预计2025年1月、6月毕/结业,未参加学校统一图像采集的研究生(双证),请注意:\n地点:图片社\n");
    assert_eq!(values(&f, "audience"), ["预计2025年1月、6月毕/结业,未参加学校统一图像采集的研究生(双证)"]);
    let f = facts("关于研究生图像采集的通知\n请各学院通知预计于2024年6月和2024年12月毕业的全日制研究生(即学号以“22”开头的硕士生)携带身份证按时拍摄。\n");
    assert_eq!(values(&f, "audience"), ["预计于2024年6月和2024年12月毕业的全日制研究生(即学号以“22”开头的硕士生)"]);
    let f = facts(
        "关于本科生照片拍摄的通知\n今年拍摄工作将于10月进行,2021级全体本科生及2021级以前未拍摄的本科生(含留学生)按规定时间参加拍摄。\n",
    );
    assert_eq!(values(&f, "audience"), ["2021级全体本科生及2021级以前未拍摄的本科生(含留学生)"]);
    let f = facts("关于图像采集的通知\n一、采集时间\n2024年秋季毕业生于10月15日前完成采集工作。\n");
    assert_eq!(values(&f, "audience"), ["2024年秋季毕业生"]);
    let f = facts("关于学历照片校对的通知\n凡已参加今年图像采集的毕业生,请于5月前登录学信网校对。\n");
    assert_eq!(values(&f, "audience"), ["凡已参加今年图像采集的毕业生"]);
    // Whoever graduates, told only when they pay, is no one told to come.
    let f = facts("关于研究生图像采集的通知\n预计2025年6月毕业的研究生,采集费由学校支付。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn our_own_students_or_a_cohort_whose_photos_are_taken_or_checked() {
    let f = facts("关于毕业生图像采集的通知\n为做好我校专科毕业生学历电子注册图像采集工作,现将有关事项通知如下:\n");
    assert_eq!(values(&f, "audience"), ["我校专科毕业生"]);
    let f = facts("关于毕业生图像采集的通知\n我校成人高等教育毕业生图像信息今年改为线上采集,现将有关事项通知如下:\n");
    assert_eq!(values(&f, "audience"), ["我校成人高等教育毕业生"]);
    // (Not our school's anything before some students: `结合我校实际和学生特点的…`.)
    let f = facts("关于毕业生图像采集的通知\n结合我校实际和学生特点的毕业生图像采集工作安排如下:\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
    let f = facts("关于组织2021级学生采集毕业照片的通知\n各学院:\n");
    assert_eq!(values(&f, "audience"), ["2021级学生"]);
    let f = facts("关于2019届毕业研究生核对电子图像的通知\n各学院:\n");
    assert_eq!(values(&f, "audience"), ["2019届毕业研究生"]);
    // The notice's own words, fuller than its title's.
    let f = facts("关于2016届本科毕业生学历证书图像信息校对的通知\n2016届(2012级)本科毕业生学历证书电子注册图像信息网上校对现已开始。\n");
    assert_eq!(values(&f, "audience"), ["2016届(2012级)本科毕业生"]);
    let f = facts("关于补拍的通知\n经协商,决定对上学期因病未能参加图像采集的2024届预计毕业生统一进行补拍。\n");
    assert_eq!(values(&f, "audience"), ["上学期因病未能参加图像采集的2024届预计毕业生"]);
    let f = facts("关于毕业生学历照片采集的通知\n三、采集对象为2022届本科还未进行图像信息采集的毕业生;\n");
    assert_eq!(values(&f, "audience"), ["2022届本科还未进行图像信息采集的毕业生"]);
}

#[test]
fn audience_under_its_heading_without_the_others_left_out() {
    let f = facts("关于毕业生图像采集的通知\n一、采集范围\n预计于2024年7月毕业的学生,即2021级高起本、2022级专升本,其他年级学生不需要参加本次采集。\n二、采集时间\n2024年3月1日-3月20日\n");
    assert_eq!(values(&f, "audience"), ["预计于2024年7月毕业的学生,即2021级高起本、2022级专升本"]);
    let f = facts("关于研究生自助拍照的通知\n一、适用人员:\n预计2025年1月毕业的博士研究生。\n二、准备工作:\n");
    assert_eq!(values(&f, "audience"), ["预计2025年1月毕业的博士研究生"]);
}

#[test]
fn a_greeting_of_each_student_by_intake_or_all_graduates() {
    let f = facts("各位2022级函授学员:\n现将毕业图像信息提交要求通知如下。\n");
    assert_eq!(values(&f, "audience"), ["2022级函授学员"]);
    let f = facts("各位毕业生:\n请登录学信网校对本人照片。\n");
    assert_eq!(values(&f, "audience"), ["各位毕业生"]);
    // Neither the colleges, nor each student by a year cut short.
    let f = facts("各学院:\n请登录学信网校对本人照片。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
    let f = facts("各位19年毕业的研究生:\n请登录学信网校对本人照片。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn a_signature_dated_in_characters() {
    let f = facts("关于毕业生图像核对的通知\n各学院:\n请各学院组织学生核对照片。\n教务处\n二〇一九年十二月二十五日\n");
    assert_eq!(values(&f, "issued"), ["2019-12-25"]);
    assert_eq!(values(&f, "office"), ["教务处"]);
    let f = facts("关于毕业生图像核对的通知\n各学院:\n请各学院组织学生核对照片。\n学生处\n二〇二一年十月九日\n");
    assert_eq!(values(&f, "issued"), ["2021-10-09"]);
    // No such day.
    let f = facts("关于毕业生图像核对的通知\n各学院:\n请各学院组织学生核对照片。\n学生处\n二〇二一年二月三十日\n");
    assert!(values(&f, "issued").is_empty(), "{f:?}");
}

#[test]
fn the_school_whose_finance_office_account_takes_the_fee() {
    let f = facts("关于毕业生图像采集的通知\n请于5月10日前通过关注“江南理工大学财务处”微信公众号缴纳采集费。\n");
    assert_eq!(values(&f, "school"), ["江南理工大学"]);
    // Another office's account names no school it is sure of.
    let f = facts("关于毕业生图像采集的通知\n请关注“学信网”微信公众号查询采集码。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn online_only_after_a_missed_offline_capture_reads_the_window_line_and_the_bracketed_code() {
    let f = facts("关于做好2025届成人教育毕业生图像线上采集工作的通知\n各位毕业生:\n未参加学校统一组织线下集中采集(10月12日)的学生,须采用线上方式完成采集。\n一、线上采集时间:\n2025年3月2日起至2025年3月28日\n二、线上采集费用:\n费用通过“ 毕业图像采集”小程序自行支付。\n三、线上采集流程:\n学生采集特征码(学校代码)A12B34C5\n");
    assert_eq!(values(&f, "online"), ["“毕业图像采集”小程序（特征码 A12B34C5） | 2025-03-02..2025-03-28"]);
    // A capture on site this notice sets is one still.
    let f = facts("关于做好2025届成人教育毕业生图像线上采集工作的通知\n各位毕业生:\n学校统一组织线下集中采集,地点:图书馆一楼,须采用线上方式完成缴费。\n一、线上采集时间:\n2025年3月2日起至2025年3月28日\n");
    assert!(values(&f, "online").iter().all(|v| !v.contains("2025-03-02")), "{f:?}");
}

#[test]
fn an_offline_capture_offered_on_terms_leaves_the_notice_online_only() {
    let f = facts("关于网络教育毕业生学历照片采集的通知\n二、采集时间\n即日起至2025年6月20日\n三、采集费用\n线上上传25元/人;也可线下集采,人数须达200人以上。\n四、采集方法\n学生使用手机微信搜索“毕业证照”小程序,即刻开启照片采集服务。\n");
    assert_eq!(values(&f, "online"), ["“毕业证照”小程序 | ..2025-06-20 | 25"]);
    assert_eq!(values(&f, "fee.amount"), ["25"]);
    // An offline capture with its place: not online only.
    let f = facts("关于网络教育毕业生学历照片采集的通知\n二、采集时间\n即日起至2025年6月20日\n三、采集费用\n线上上传25元/人;线下集采地点:图书馆一楼。\n四、采集方法\n学生使用手机微信搜索“毕业证照”小程序,即刻开启照片采集服务。\n");
    assert!(values(&f, "online").iter().all(|v| !v.contains("2025-06-20")), "{f:?}");
}

#[test]
fn a_step_that_uploads_and_pays_is_the_students_and_its_clause_the_method() {
    let f = facts(
        "关于2025届毕业生图像线上采集的通知\n本次图像采集采用线上方式进行。\n三、采集步骤\n3)采集缴费:提交照片并支付成功后即完成采集。\n",
    );
    assert_eq!(values(&f, "fee.payer"), ["student"]);
    assert_eq!(values(&f, "fee.method"), ["提交照片并支付成功后即完成采集"]);
    let f = facts(
        "关于2025届毕业生图像采集的通知\n2、线上采集,登录大学生图像信息采集网按提示操作,上传本人采集码及照片并缴费,即可完成全部采集。\n",
    );
    assert_eq!(values(&f, "fee.payer"), ["student"]);
    assert_eq!(values(&f, "fee.method"), ["上传本人采集码及照片并缴费"]);
    // A stage with its days says when, not how.
    let f =
        facts("关于2025届毕业生图像线上采集的通知\n本次图像采集采用线上方式进行。\n阶段2:2025年3月1日-2025年3月9日,上传学历照片并缴费。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"]);
    assert!(values(&f, "fee.method").is_empty(), "{f:?}");
    // Uploading and checking is no paying.
    let f = facts("关于2025届毕业生图像线上采集的通知\n本次图像采集采用线上方式进行,费用另行通知。\n3)上传照片并核对信息后即完成采集。\n");
    assert!(values(&f, "fee.payer").is_empty(), "{f:?}");
}

#[test]
fn what_the_fee_buys_in_brackets_after_it_or_as_photos_provided() {
    let f = facts("关于2024届毕业生图像采集的通知\n三、费用收取\n每名学生收取拍摄费人民币18元(背胶照片),现场扫码交费。\n");
    assert_eq!(values(&f, "fee.includes"), ["背胶照片"]);
    let f =
        facts("关于2024届毕业生图像采集的通知\n四、拍照收费: 请班级为单位收齐拍照费用(每人20 元,含图像采集费、照片冲印费等)转给图片社。\n");
    assert_eq!(values(&f, "fee.includes"), ["图像采集费、照片冲印费等"]);
    let f = facts(
        "关于2024届毕业生图像采集的通知\n五、收费标准\n按照省物价局文件规定执行,每人15元。拍摄单位提供规格为1寸的8张照片用于贴毕业证书。\n",
    );
    assert_eq!(values(&f, "fee.includes"), ["规格为1寸的8张照片"]);
    // A request in brackets buys nothing.
    let f = facts("关于2024届毕业生图像采集的通知\n三、费用收取\n每名学生收取拍摄费人民币18元(请备好零钱),现场扫码交费。\n");
    assert!(values(&f, "fee.includes").is_empty(), "{f:?}");
}

#[test]
fn a_college_contact_who_collects_or_pays_makes_the_college_the_payer() {
    let f = facts("关于2024届研究生图像采集的通知\n4.每位学生向图片社支付图像采集费用人民币20元,请各学院联络员汇总后(按实际人数)现场扫二维码进行付款。\n");
    assert_eq!(values(&f, "fee.payer"), ["college"]);
    assert_eq!(values(&f, "fee.method"), ["请各学院联络员汇总后(按实际人数)现场扫二维码进行付款"]);
    let f = facts("关于2024届研究生图像采集的通知\n三、交费要求\n每人15元。各学院学生联系人按实际参加人数,提前收齐费用,现场扫码缴费。\n");
    assert_eq!(values(&f, "fee.payer"), ["college"]);
    // A contact who only passes the word on.
    let f = facts("关于2024届研究生图像采集的通知\n三、交费要求\n收费标准每人15元,由学生本人现场扫码支付,学院联系人负责通知学生。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"]);
}

#[test]
fn the_one_day_a_class_pays_on_is_the_fee_deadline_unless_it_is_the_capture_day_on_site() {
    let f = facts("关于2025届毕业生图像采集的通知\n一、采集费用\n每生交图像信息采集费15元,以班为单位在2025年4月18日(星期五)按实际拍摄人数通过微信扫码统一交至教务处。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2025-04-18"]);
    // Paid on site the day of the capture: no deadline.
    let f = facts("关于2025届毕业生图像采集的通知\n请各学院按上述标准以班级为单位统一收取,在2025年4月18日图像采集时现场支付给工作人员。\n");
    assert!(values(&f, "fee.deadline").is_empty(), "{f:?}");
}

#[test]
fn of_a_chain_of_steps_the_one_that_pays_by_a_named_way_is_the_method() {
    let f = facts("关于2025届毕业生图像采集的通知\n一、采集方式\n线上采集。微信搜索“图像采集”小程序→手机登录→填写特征码(集中采集特征码为“A1B2C3”,补拍采集特征码为“D4E5F6”)→上传照片→支付宝支付→照片审核即采集完成。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"]);
    assert_eq!(values(&f, "fee.method"), ["支付宝支付"]);
    // A step that pays by no named way says no method.
    let f = facts("关于2025届毕业生图像采集的通知\n一、采集方式\n线上采集。采集流程:完善信息—>支付费用—>拍照或上传—>照片交付。\n");
    assert!(values(&f, "fee.method").is_empty(), "{f:?}");
}

#[test]
fn a_further_fee_is_named_by_the_label_that_opens_its_line() {
    let f = facts("关于2020届毕业生图像采集的通知\n四、采集费用:\n1.现场采集费用:根据统一收费标准20元/人;\n2.异地采集费用:按照图像采集中心的收费标准50元/人;\n");
    assert_eq!(values(&f, "fee.amount"), ["20"]);
    assert_eq!(values(&f, "fee.other"), ["异地采集费用: 50"]);
    // A label that names the main fee again is no further fee.
    let f = facts("关于2020届毕业生图像采集的通知\n四、采集费用:\n1.现场采集费用:根据统一收费标准20元/人;\n2.拍照费用:按照图像采集中心的收费标准25元/人;\n");
    assert!(values(&f, "fee.other").is_empty(), "{f:?}");
}

#[test]
fn what_each_must_pay_someone_is_the_amount() {
    let f = facts(
        "关于2016届毕业生图像采集的通知\n请全体毕业生于12月5日到体育馆进行图像采集。同时每位毕业生须向图片社缴纳18 元(含1寸照片8张)。\n",
    );
    assert_eq!(values(&f, "fee.amount"), ["18"]);
    // A retake's charge is not the capture's.
    let f = facts("关于2016届毕业生图像采集的通知\n请全体毕业生于12月5日到体育馆进行图像采集。照片不合格需重拍者每人需缴纳10元。\n");
    assert!(values(&f, "fee.amount").is_empty(), "{f:?}");
}

#[test]
fn document_numbers_run_together_in_brackets_or_on_the_title_line() {
    let f = facts("关于2016届毕业生图像采集的通知\n发布时间:2015-10-11\n学办201531\n各学院:\n");
    assert_eq!(values(&f, "doc_number"), ["学办201531"]);
    let f = facts("关于2023届毕业生图像采集的通知\n某某大学(威海)教发〔2022〕88号\n各学院:\n");
    assert_eq!(values(&f, "doc_number"), ["某某大学(威海)教发〔2022〕88号"]);
    let f = facts("关于2023级新生图像信息采集工作的通知 教字〔2023〕95号 教务处 | 2023-09-20\n各学院:\n");
    assert_eq!(values(&f, "doc_number"), ["教字〔2023〕95号"]);
    // A student's number is none.
    let f = facts("关于2016届毕业生图像采集的通知\n学号2015123456\n各学院:\n");
    assert!(values(&f, "doc_number").is_empty(), "{f:?}");
}

#[test]
fn each_year_listed_before_the_one_they_graduate_in_and_a_page_date_with_counters() {
    let f = facts("关于研究生图像采集的通知\n一、图像采集对象:\n2023年12月及2024年6月毕业的全日制研究生\n");
    assert_eq!(values(&f, "cohort"), ["2023", "2024"]);
    let f = facts("关于图像采集的通知\n采集对象:预计2011年至2012年毕业的开放教育学生\n");
    assert_eq!(values(&f, "cohort"), ["2011", "2012"]);
    let f = facts("关于图像信息采集新模式的通知\n2022-11-03 5人评论 已浏览\n各学院:\n");
    assert_eq!(values(&f, "issued"), ["2022-11-03"]);
}

#[test]
fn a_page_header_naming_its_office_gives_the_office_and_date_and_a_breadcrumb_its_office() {
    let f = facts("关于2023届毕业生图像采集的通知\n作者:王明    编辑:李华    审核:    来源:学生处(就业指导中心)    日期:2022-10-08   点击:\n各学院:\n");
    assert_eq!(values(&f, "office"), ["学生处(就业指导中心)"]);
    assert_eq!(values(&f, "issued"), ["2022-10-08"]);
    // A header posted by an account, not an office, dates nothing this way.
    let f = facts("关于毕业生图像采集的通知\n日期:2024-11-29 09:52:53  发布人:webadmin01  浏览量:9658\n各位毕业生:\n");
    assert!(values(&f, "issued").is_empty(), "{f:?}");
    let f = facts("您现在的位置: 首页 >> 教学运行处 >> 通知公告 >> 正文\n关于做好2018届毕业生图像信息采集工作的通知\n各系部:\n");
    assert_eq!(values(&f, "office"), ["教学运行处"]);
    let f = facts("您现在的位置: 首页 >> 学生工作 >> 通知公告 >> 正文\n关于做好2018届毕业生图像信息采集工作的通知\n各系部:\n");
    assert!(values(&f, "office").is_empty(), "{f:?}");
}

#[test]
fn a_site_banner_run_into_the_next_line_still_names_its_university() {
    let f = facts("欢迎访问华北理工大学材料科学与工程学院\n研究生教育\n各研究生培养单位:\n一、图像信息采集时间定于2013年9月26日\n");
    assert_eq!(values(&f, "school"), ["华北理工大学"]);
}

#[test]
fn a_school_named_in_an_attachment_title_before_its_students() {
    let f = facts("各位毕业生:\n请登录学信网校对照片,错误信息填写《江南师范学院毕业生电子图像校对勘误汇总表》交教务处。\n");
    assert_eq!(values(&f, "school"), ["江南师范学院"]);
    // A college's form names no school.
    let f = facts("各位毕业生:\n请登录学信网校对照片,错误信息填写《外国语学院毕业生电子图像校对勘误汇总表》交教务处。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn a_campus_with_its_one_room_has_that_rooms_hours_but_a_day_alone_over_shared_hours_none() {
    let f = facts("关于2025届毕业生图像采集的通知\n(一)电子图像采集时间\n东湖校区:2025年3月16日 9:00-14:20\n西山校区:2025年3月16日 9:00-11:00\n(二)电子图像采集地点\n东湖校区:体育馆一楼大厅\n西山校区:综合楼一楼大厅\n");
    assert_eq!(values(&f, "slot"), ["2025-03-16 09:00-14:20 体育馆一楼大厅", "2025-03-16 09:00-11:00 综合楼一楼大厅"]);
    // Each campus's day, then hours under both: whose hours they are is not said.
    let f = facts("关于2021届毕业生图像采集的通知\n1)时间\n东湖校区:2020年9月22日;\n西山校区:2020年9月29日;\n上午8:30-11:50 下午13:30-17:30\n2)地点\n东湖校区:学子苑活动室;\n西山校区:工会东厅\n");
    assert!(values(&f, "slot").is_empty(), "{f:?}");
}

#[test]
fn a_place_heading_under_a_sections_heading_reads_its_own_places() {
    let f = facts("关于2025年度研究生毕业图像采集的通知\n二、采集方式、时间和地点\n毕业生图像采集原则上由学校组织、现场拍照;不能参加现场拍照的毕业生,可以使用学校认可的移动端采集软件。\n1线下集中采集\n采集地点和时间:\n东区:活动中心201室,2025年4月22日(8:30-11:30)。\n西区:主楼A12室,2025年4月23日(13:30-16:30)。\n为避免人员聚集,请各学院研究生按附件中安排的时间参加采集。\n学校组织采集单位入校现场拍照,采集费用20/人。\n");
    assert_eq!(values(&f, "room"), ["活动中心201室", "主楼A12室"]);
}

#[test]
fn whoever_is_away_sent_to_a_branch_named_by_where_it_is() {
    let f = facts("关于2019届毕业生图像采集的通知\n在省外实习的同学,请自行联系当地新华社分社,拍照时填写学校代码10234。\n");
    assert_eq!(values(&f, "makeup"), ["当地新华社分社"]);
    // Besides the branch the notice names, its phone that branch's only.
    let f = facts("关于2019届毕业生图像采集的通知\n无法按时回校拍照的毕业生,可自行到新华社湖南分社拍摄(电话:0731-84441234),也可就近在其他省份的新华社分社拍摄。\n");
    let m = values(&f, "makeup");
    assert!(m.contains(&"其他省份的新华社分社"), "{f:?}");
    assert!(m.iter().filter(|v| v.contains("其他省份")).all(|v| !v.contains("0731")), "{f:?}");
    // Not a part of a longer name.
    let f = facts("关于2019届毕业生图像采集的通知\n不能回校的学生,可自行联系当地新华社图像采集中心。\n");
    assert!(values(&f, "makeup").iter().all(|v| *v != "当地新华社"), "{f:?}");
}

#[test]
fn a_makeup_branch_with_its_address_in_brackets() {
    let f = facts("关于2022届毕业生图像采集的通知\n因故未能参加集中采集的同学,须到新华社河南分社(地址:金水路12号,中原大厦(东门)8楼)补拍,联系电话:0371-65551234。\n");
    assert_eq!(values(&f, "makeup"), ["新华社河南分社(地址:金水路12号,中原大厦(东门)8楼) | 0371-65551234"]);
    // Not when the brackets hold its phone too.
    let f =
        facts("关于2022届毕业生图像采集的通知\n因故未能参加集中采集的同学,须到新华社河南分社(地址:金水路12号,电话:0371-65551234)补拍。\n");
    assert!(values(&f, "makeup").iter().all(|v| !v.contains("电话")), "{f:?}");
}

#[test]
fn how_early_a_class_lines_up_is_how_early_to_arrive() {
    let f = facts("关于2025届毕业生图像采集的通知\n1.图像信息采集以班为单位,各班须提前15分钟将本班队形整理好。\n");
    assert_eq!(values(&f, "arrive_early_minutes"), ["15"], "{f:?}");
    // A lead time for the code is not how early to arrive.
    let f = facts("关于2025届毕业生图像采集的通知\n请提前15分钟打开采集码页面。\n");
    assert!(values(&f, "arrive_early_minutes").is_empty(), "{f:?}");
}

#[test]
fn rooms_by_their_codes_and_rooms_offered_for_the_photos() {
    // Rooms a school offers for an online capture's photos, by their codes after one building.
    let f = facts("关于2024届毕业生图像采集的通知\n学校开放2个采集点(二教楼2A301、2A305)供学生拍照使用,也可自行选择地点。\n");
    assert_eq!(values(&f, "room"), ["二教楼2A301", "二教楼2A305"], "{f:?}");
    let f = facts("关于2024届毕业生图像采集的通知\n本次采集B201、B203设为拍照点,室内配备补光灯。\n");
    assert_eq!(values(&f, "room"), ["B201", "B203"], "{f:?}");
    // Rooms counted, not named: none.
    let f = facts("关于2024届毕业生图像采集的通知\n学校提供3间教室供拍照使用。\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
    // A stray mark before the kind of room in a capture sentence: each room in its campus.
    let f = facts("关于2024届毕业生图像采集的通知\n南校区的毕业生于2023年5月8日上午到南校区3C201、3C202、教室进行图像采集。\n");
    assert_eq!(values(&f, "room"), ["南校区3C201", "南校区3C202"], "{f:?}");
}

#[test]
fn a_campus_whose_room_is_to_be_told() {
    let f = facts("关于2024届毕业生图像采集的通知\n一、采集时间:2023年11月9日\n二、采集地点:北校区(各班具体教室另行通知)\n");
    assert_eq!(values(&f, "room"), ["北校区"], "{f:?}");
    // No place at all: not a heading with places on the lines below it.
    let f = facts("关于2024届毕业生图像采集的通知\n二、采集地点:(具体地点另行通知)\n三、注意事项\n请携带身份证到场。\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
    // The school itself is no room.
    let f = facts("关于2024届毕业生图像采集的通知\n2. 地点:校内(具体地点确定后另行通知)\n");
    assert!(values(&f, "room").is_empty(), "{f:?}");
}

#[test]
fn days_listed_with_one_day_mark_after_the_last() {
    let f = facts("关于2024届毕业生图像采集的通知\n照相时间:2024年5月8、9、10日(星期三、四、五)。\n");
    assert_eq!(values(&f, "day"), ["2024-05-08", "2024-05-09", "2024-05-10"], "{f:?}");
    let f = facts("关于2024届毕业生图像采集的通知\n采集时间:2024年5月8、9日。\n");
    assert_eq!(values(&f, "day"), ["2024-05-08", "2024-05-09"], "{f:?}");
    // Numbers listed without a day's mark are no days (`5月8、9号楼`).
    let f = facts("关于2024届毕业生图像采集的通知\n采集时间:2024年5月8日,地点:8、9号楼。\n");
    assert_eq!(values(&f, "day"), ["2024-05-08"], "{f:?}");
}

#[test]
fn who_comes_under_a_heading_of_who_when_and_where_is_no_place() {
    let f = facts("关于2016级新生照相的通知\n一、照相对象、时间和地点\n照相对象:2016级在校本科学生(已照相的学生无需前来)。\n照相时间:2016年10月11日。\n照相地点:第二教学楼105室。\n");
    assert_eq!(values(&f, "room"), ["第二教学楼105室"], "{f:?}");
    // A place with its phone after it is a place.
    let f = facts(
        "关于2016级新生照相的通知
二、采集地点
形体室 联系电话:0351-1234567
三、采集方式
",
    );
    assert_eq!(values(&f, "room"), ["形体室"], "{f:?}");
}

#[test]
fn colleges_on_the_line_under_their_room() {
    let text = "关于2025届毕业生图像采集的通知\n一、时间\n2024年11月6日上午8:30-11:30\n二、地点\n第一拍摄点:2106教室,候场:2108教室\n文学院、历史学院\n第二拍摄点:2110教室,候场:2112教室\n数学学院、物理学院、化学学院\n";
    let f = facts(text);
    assert_eq!(
        values(&f, "slot"),
        ["2024-11-06 08:30-11:30 2106教室 文学院、历史学院", "2024-11-06 08:30-11:30 2110教室 数学学院、物理学院、化学学院"],
        "{f:?}"
    );
    assert_eq!(values(&f, "group").len(), 5, "{f:?}");
    // Two sessions in the day: which college comes when is not written.
    let f = facts(&text.replace("8:30-11:30", "8:30-11:30,下午14:00-17:00"));
    assert!(values(&f, "slot").is_empty(), "{f:?}");
    // A room without its colleges: the rest is not a timetable either.
    let f = facts(&text.replace("数学学院、物理学院、化学学院\n", ""));
    assert!(values(&f, "slot").is_empty(), "{f:?}");
}

#[test]
fn a_graduate_unions_branch_that_hands_in_the_fee_is_the_college() {
    let f = facts("关于2024届研究生图像采集的通知\n四、收费:15元/人(拍摄当天以研究生分会为单位统一交纳)\n");
    assert_eq!(values(&f, "fee.payer"), ["college"], "{f:?}");
    assert_eq!(values(&f, "fee.method"), ["拍摄当天以研究生分会为单位统一交纳"], "{f:?}");
}

#[test]
fn a_day_to_pay_by_without_its_day_word_is_the_deadline() {
    let f = facts("关于2024届毕业生图像采集的通知\n一、采集时间:2024年4月20日\n二、每生15元,请各学院于4月12之前将采集费统一交至财务处。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2024-04-12"], "{f:?}");
    // Not the day a list is handed in.
    let f = facts(
        "关于2024届毕业生图像采集的通知\n一、采集时间:2024年4月20日\n二、每生15元,请各学院统一收取采集费,于4月12前将汇总表交教务处。\n",
    );
    assert_eq!(values(&f, "fee.payer"), ["college"], "{f:?}");
    assert!(values(&f, "fee.deadline").is_empty(), "{f:?}");
}

#[test]
fn the_app_named_as_the_way_of_capture_is_the_channel_on_the_capture_days() {
    let text = "关于2025届毕业生图像采集的通知\n一、采集时间:\n2024年11月4日-11月6日,每天09:00—17:00\n二、采集地点:图书馆一楼101室\n三、采集方式:\n学生使用“毕业证照”微信小程序,在采集点按照提示自助拍照。\n";
    let f = facts(text);
    assert_eq!(values(&f, "online"), ["“毕业证照”微信小程序 | 2024-11-04..2024-11-06"], "{f:?}");
    // An app the section names for something else (the code, a queue) is not the way.
    let text = "关于2025届毕业生图像采集的通知\n一、采集时间:\n2024年11月4日-11月6日,每天09:00—17:00\n二、采集地点:图书馆一楼101室\n三、采集方式:\n现场拍照。请提前关注“学信网”公众号获取图像采集码。\n";
    let f = facts(text);
    assert!(values(&f, "online").is_empty(), "{f:?}");
}

#[test]
fn one_of_the_ways_a_section_lists_is_the_app_that_uploads_the_photo() {
    let text = "关于2023届毕业生图像采集的补充通知\n未完成采集的同学改为线上采集或到新华社湖北分社补拍。\n二、采集方式(二选一)\n1.搜索“毕业证照”小程序上传本人证件照,操作说明见附件。\n2.到新华社湖北分社现场拍照。\n";
    let f = facts(text);
    assert_eq!(values(&f, "online"), ["“毕业证照”小程序"], "{f:?}");
    // Not an app that only gives the code.
    let text = "关于2023届毕业生图像采集的补充通知\n未完成采集的同学改为线上采集或到新华社湖北分社补拍。\n二、采集方式(二选一)\n1.关注“学信网”公众号获取图像采集码,到新华社湖北分社现场拍照。\n";
    let f = facts(text);
    assert!(values(&f, "online").iter().all(|o| !o.contains("学信网")), "{f:?}");
}

#[test]
fn a_site_named_with_its_address_in_brackets_is_the_online_channel() {
    let text = "关于2026届研究生图像采集的通知\n一、集中采集时间:2025年11月12日\n二、未能参加集中采集的同学,可登录大学生图像信息采集网(网址:http://www.xinhuacu.com/#/home),选择线上采集并上传照片。\n";
    let f = facts(text);
    assert_eq!(values(&f, "online"), ["大学生图像信息采集网(http://www.xinhuacu.com/#/home)"], "{f:?}");
    // Not 学信网's own site, where the code is fetched.
    let text = "关于2026届研究生图像采集的通知\n一、集中采集时间:2025年11月12日\n二、请登录学信网(https://www.chsi.com.cn)获取采集码,线上采集方式另行通知。\n";
    let f = facts(text);
    assert!(values(&f, "online").iter().all(|o| !o.contains("chsi")), "{f:?}");
}

#[test]
fn a_makeup_place_before_san_pai_is_where_whoever_missed_goes() {
    let f = facts("关于2024届毕业生图像采集的通知\n不能回校的同学可就近前往新华社各省图像采集点进行散拍。\n");
    assert_eq!(values(&f, "makeup"), ["新华社各省图像采集点"]);
    // What to do, not where.
    let f = facts("关于2024届毕业生图像采集的通知\n确因特殊原因不能参加的,后续请联系辅导员及时根据要求自行完成散拍。\n");
    assert!(values(&f, "makeup").iter().all(|v| !v.contains("辅导员")), "{f:?}");
}

#[test]
fn a_makeup_place_with_its_address_said_after_it() {
    // Labelled later in the sentence; a remark the clause cuts off is left out; from a month on.
    let f = facts("关于2023届毕业生图像采集的通知\n错过集中拍摄的同学,请于2023年3月份后到新华社江西分社补拍,分社地址:南昌市红谷滩区丰和中大道88号(近地铁站,步行5分钟),联系电话:0791-86851234。\n");
    assert_eq!(values(&f, "makeup"), ["from 2023-03-01 | 新华社江西分社(南昌市红谷滩区丰和中大道88号) | 0791-86851234"]);
    // In the next sentence, which opens with the place's name.
    let f = facts("关于2023届毕业生图像采集的通知\n尚未采集图像的同学,请本人自行与新华社吉林分社联系,协商补拍事宜。新华社吉林分社地址:长春市朝阳区人民大街1234号,联系电话: 88561234。\n");
    assert_eq!(values(&f, "makeup"), ["新华社吉林分社(长春市朝阳区人民大街1234号) | 88561234"]);
    // Not a later sentence that does not name the place, nor a remark in brackets after the verb.
    let f = facts("关于2023届毕业生图像采集的通知\n因特殊原因无法参加的学生,请务必到新华社辽宁分社参加补拍,时间为2015年3月1日-4月30日。地点为沈阳市皇姑区辽河街75号,咨询电话:024-86891234。\n");
    assert_eq!(values(&f, "makeup"), ["from 2015-03-01 | until 2015-04-30 | 新华社辽宁分社 | 024-86891234"]);
    let f = facts("关于2023届毕业生图像采集的通知\n因特殊原因无法在学校规定时间参加图像采集的毕业生,请到新华社甘肃分社拍摄(地址:兰州市城关区庆阳路8号,联系电话:0931-8461234)。\n");
    assert!(values(&f, "makeup").iter().all(|v| !v.contains("庆阳路")), "{f:?}");
}

#[test]
fn a_contact_named_apart_from_its_label_or_on_the_line_before() {
    let f = facts("关于2023届毕业生图像采集的通知\n二、采集地点\n学籍科 联系电话:0532-86981234\n");
    assert_eq!(values(&f, "contact"), ["学籍科 0532-86981234"]);
    // A time before the label names no one.
    let f = facts("关于2023届毕业生图像采集的通知\n时间:上午 电话:0532-86981234\n");
    assert!(values(&f, "contact").iter().all(|v| !v.contains("上午")), "{f:?}");
    // `请联系…` alone on its line, the number on the next.
    let f = facts("关于2023届毕业生图像采集的通知\n如有疑问,请联系教务处学籍科\n电话:0551-63601234   邮箱:xj@example.com\n");
    assert_eq!(values(&f, "contact"), ["教务处学籍科 0551-63601234"]);
}

#[test]
fn a_makeup_address_after_another_clause_is_not_read_as_the_places() {
    let f = facts("关于2024届毕业生图像采集的通知\n无法参加拍照的学生,请于2024年3月5日后自行联系新华社湖北分社图像采集中心进行补拍,补拍时间为周一至周五工作日,地址:武汉市洪山路64号,电话027-87651234。\n");
    assert_eq!(values(&f, "makeup"), ["from 2024-03-05 | 新华社湖北分社图像采集中心 | 027-87651234"]);
}

#[test]
fn ears_shown_under_the_photos_specification_are_no_dress_rule_of_their_own() {
    let f = facts("关于2024届毕业生图像采集的通知\n4. 拍摄要求:白色背景,正面免冠照;人像清晰,露出额头和双耳;面部无遮挡。\n");
    assert!(values(&f, "dress").iter().all(|v| !v.contains("双耳")), "{f:?}");
}

#[test]
fn who_has_not_had_the_photo_taken_yet_sent_somewhere_by_a_day() {
    let f =
        facts("关于2016届毕业生图像采集的通知\n1.截止目前,仍有部分毕业生没有采集图像信息,请于2016年4月8日前到湖北新华社采集图像信息。\n");
    assert_eq!(values(&f, "makeup"), ["until 2016-04-08 | 湖北新华社"]);
}

#[test]
fn the_years_they_graduate_in_read_as_the_cohort() {
    // 毕(结)业, and whoever will graduate then, after 拟于 or 准备在.
    let f = facts("关于研究生图像采集的通知\n所有拟于2027年1月及6月毕(结)业的研究生须参加采集。\n");
    assert_eq!(values(&f, "cohort"), ["2027"], "{f:?}");
    let f = facts("关于研究生图像采集的通知\n一、采集对象\n拟于2027年6月办理毕业手续的学员。\n");
    assert_eq!(values(&f, "cohort"), ["2027"], "{f:?}");
    // Years whose 年 a page lost before their months.
    let f = facts("关于研究生图像采集的通知\n准备在202312月及20246月毕业的全日制研究生。\n");
    assert_eq!(values(&f, "cohort"), ["2023", "2024"], "{f:?}");
    let f = facts("关于研究生图像采集的通知\n本次采集对象为2026年预计毕业研究生和202512月拟毕业研究生。\n");
    assert_eq!(values(&f, "cohort"), ["2026", "2025"], "{f:?}");
    // A province's self-study examinees, in the title.
    let f = facts("2023年下半年江苏自考毕业证书电子注册图像采集工作通知\n各位考生:\n");
    assert_eq!(values(&f, "cohort"), ["2023"], "{f:?}");
    // Not a year among them that lost its 年 and 月 both, which cannot be read: none then.
    let f = facts("关于研究生图像采集的通知\n预计20237月、20241毕(结)业的研究生,请务必参加本次图像采集。\n");
    assert!(values(&f, "cohort").is_empty(), "{f:?}");
    // Nor when something else is done in a year.
    let f = facts("关于研究生图像采集的通知\n学校拟于2024年3月开展毕业生图像采集。\n");
    assert!(values(&f, "cohort").is_empty(), "{f:?}");
}

#[test]
fn a_school_spoken_of_in_the_notice() {
    // Where the photographers come.
    let f = facts("各相关单位:\n新华通讯社湖北分社工作人员定于2021年11月9日来武汉理工大学为全日制研究生采集图像。\n");
    assert_eq!(values(&f, "school"), ["武汉理工大学"], "{f:?}");
    // Its main campus, beside its study centres.
    let f = facts("各函授站:\n一、采集对象:安庆师范学院校本部、池州函授站2023届预计毕业生\n");
    assert_eq!(values(&f, "school"), ["安庆师范学院"], "{f:?}");
    // Its office's site.
    let f = facts("关于2008届毕业生核对电子图像信息的通知\n各学院:\n学号不清楚的,请登录烟台理工大学教务处网站查询。\n");
    assert_eq!(values(&f, "school"), ["烟台理工大学"], "{f:?}");
    // Its attached schedule's title.
    let f = facts(
        "关于2023届预毕业生图像信息采集工作的通知\n各学院:\n具体时间详见“济南职业学院2023届毕业生图像信息采集时间安排表”(见附件1)。\n",
    );
    assert_eq!(values(&f, "school"), ["济南职业学院"], "{f:?}");
    // Not a college where the students are, nor a school whose document is cited.
    let f = facts("各相关单位:\n请同学们到所在学院为本人办理采集登记。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
    let f = facts("各学院:\n根据《“山东师范大学2023届毕业生采集办法”(见附件1)》要求,现通知如下。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn whose_photos_in_brackets_after_the_year_or_whom_a_makeup_is_for() {
    let f = facts("各学院:\n我校委托省高校招生就业指导服务中心统一采集2024年(2025届毕业生)电子图像,照片将用于毕业证书。\n");
    assert_eq!(values(&f, "audience"), ["2025届毕业生"], "{f:?}");
    let f = facts("各学院:\n一、本次补采仅面向2022年6月未参加拍摄的本科毕业年级学生。\n");
    assert_eq!(values(&f, "audience"), ["2022年6月未参加拍摄的本科毕业年级学生"], "{f:?}");
    // Not a year and a remark in brackets that names no students.
    let f = facts("各学院:\n我校将统一采集2024年(第二批次)电子图像。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn today_dated_in_brackets_is_the_day_of_the_notice() {
    let f = facts("关于2021届毕业生电子图像校对的通知\n各学院:\n校对时间为:即日(2020年11月3日,第9周星期二)起至2021年4月30日。\n");
    assert_eq!(values(&f, "issued"), ["2020-11-03"], "{f:?}");
    // Not a later day in brackets after something else.
    let f = facts("关于2021届毕业生电子图像校对的通知\n各学院:\n校对时间为:自(2020年11月3日)起至2021年4月30日。\n");
    assert!(values(&f, "issued").is_empty(), "{f:?}");
}

#[test]
fn a_fee_made_of_parts_after_its_total() {
    let f = facts("关于2013届毕业生图像采集的通知\n收费标准:每人收取40元,其中学历证书工本费25元/人(省教育厅代收),图像采集费15元/人(新华社代收),请毕业生备好现金按时参加采集。\n");
    assert_eq!(values(&f, "fee.amount"), ["40"], "{f:?}");
    assert_eq!(values(&f, "fee.includes"), ["学历证书工本费25元/人(省教育厅代收),图像采集费15元/人(新华社代收)"], "{f:?}");
    assert_eq!(values(&f, "fee.method"), ["请毕业生备好现金按时参加采集"], "{f:?}");
    // Parts that do not add up to it are no parts of it.
    let f = facts("关于2013届毕业生图像采集的通知\n收费标准:每人收取40元,其中学历证书工本费20元/人,图像采集费15元/人。\n");
    assert!(values(&f, "fee.includes").iter().all(|v| !v.contains("15元")), "{f:?}");
}

#[test]
fn a_phone_in_the_pages_header_above_the_title_is_no_contact() {
    let f = facts("服务热线:2301234\n通知公告\n关于2025级新生图像采集的通知\n各学院:\n采集时间:2025年10月9日。\n如有疑问请联系教务处王老师,电话:2305678。\n");
    assert_eq!(values(&f, "contact"), ["教务处王老师 2305678"], "{f:?}");
}

#[test]
fn a_college_of_two_fields_opening_the_title_is_no_school() {
    let f = facts("机械与动力工程学院关于2023级新生图像采集的通知\n各班级:\n采集时间:2023年10月9日。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
    let f = facts("黄淮学院关于2023级新生图像采集的通知\n各班级:\n采集时间:2023年10月9日。\n");
    assert_eq!(values(&f, "school"), ["黄淮学院"], "{f:?}");
}

#[test]
fn dates_right_before_capture_online_are_its_window() {
    let f = facts("关于2024级新生图像采集的通知\n二、采集时间安排\n所有新生须在2024年11月10日前完成采集,其中11月1日-11月4日线上采集(免费),其它时间到新华社门店采集(30元/位)。\n线上采集的学生在微信搜索“高校图像信息采集”小程序拍摄。\n");
    assert_eq!(values(&f, "online"), ["“高校图像信息采集”小程序 | 2024-11-01..2024-11-04 | 0"], "{f:?}");
    // Dates of something else before the words: no window.
    let f = facts(
        "关于2024级新生图像采集的通知\n11月1日-11月4日现场采集,之后线上采集。\n线上采集的学生在微信搜索“高校图像信息采集”小程序拍摄。\n",
    );
    assert!(values(&f, "online").iter().all(|v| !v.contains("2024-11-01")), "{f:?}");
}

#[test]
fn new_students_are_photographed_the_year_they_come() {
    let f =
        facts("关于新生图像信息采集的通知\n各教学单位:\n学校决定对我校2023级新生进行图像信息采集。\n2023级新生采集时间10月14日(周六)\n");
    assert_eq!(values(&f, "day"), ["2023-10-14"], "{f:?}");
    // An intake year of students who are not new says nothing of the capture's year.
    let f = facts("关于学生图像信息采集的通知\n各教学单位:\n学校决定对2022级学生进行图像信息采集。\n采集时间11月12日(周六)\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn an_office_with_its_number_in_brackets_then_whom_to_ask() {
    let f = facts("关于2024届毕业生图像采集的通知\n如有疑问,请与学生处(行政楼305室,电话:0571-86871234)王老师联系。\n");
    assert_eq!(values(&f, "contact"), ["学生处王老师 0571-86871234"], "{f:?}");
    // Not a makeup's place and its number.
    let f = facts(
        "关于2024届毕业生图像采集的通知\n未参加集中采集的同学可自行补拍,请与新华社图片中心(电话:0571-86871234)李老师联系补拍事宜。\n",
    );
    assert!(values(&f, "contact").iter().all(|v| !v.contains("李老师")), "{f:?}");
}

#[test]
fn a_line_of_a_day_its_hours_and_its_place_is_that_rooms_slot() {
    let f = facts(
        "关于做好2023届毕业研究生图像信息采集工作的通知\n发布日期:2023年03月02日\n学生分两个校区拍摄,具体拍摄时间为:\n玉泉 3月14日(星期二)上午8:30-11:30 地点:玉泉校区教三大厅\n之江 3月16日(星期四)13:30-16:30 地点:之江校区钟楼二楼\n请各位同学准时参加。\n",
    );
    assert_eq!(values(&f, "day"), ["2023-03-14", "2023-03-16"], "{f:?}");
    assert_eq!(values(&f, "room"), ["玉泉校区教三大厅", "之江校区钟楼二楼"], "{f:?}");
    assert_eq!(values(&f, "slot"), ["2023-03-14 08:30-11:30 玉泉校区教三大厅", "2023-03-16 13:30-16:30 之江校区钟楼二楼"], "{f:?}");
    assert_eq!(values(&f, "room.days"), ["玉泉校区教三大厅 | 2023-03-14", "之江校区钟楼二楼 | 2023-03-16"], "{f:?}");
    // More than a short name before the day: a sentence, not a row of the list; no slot of its own.
    let f = facts(
        "关于做好2023届毕业研究生图像信息采集工作的通知\n发布日期:2023年03月02日\n采集时间:2023年3月14日。\n请各学院秘书于3月10日8:30-11:30领取名单,地点:行政楼201\n",
    );
    assert!(values(&f, "slot").is_empty(), "{f:?}");
}

#[test]
fn the_day_a_fee_is_debited_is_no_capture_day() {
    let f = facts(
        "关于组织2020级学生采集毕业照片的通知\n一、时间安排\n照片采集安排在2023年4月12日进行。\n二、收费\n学校将于4月6日统一扣费,本次照片采集只扣一次,请确保银行卡余额充足。\n",
    );
    assert_eq!(values(&f, "day"), ["2023-04-12"], "{f:?}");
}

#[test]
fn a_pages_date_and_author_line_is_no_sentence_of_the_notice() {
    let f = facts(
        "教务处关于2023级本科新生图像采集的通知\n日期:2023-09-18 作者: 学籍科\n学校于9月20日-21日进行新生图像采集,具体内容如下:\n一、采集时间:9月20日-21日8:30-16:30。\n",
    );
    assert_eq!(values(&f, "issued"), ["2023-09-18"], "{f:?}");
    assert_eq!(values(&f, "day"), ["2023-09-20", "2023-09-21"], "{f:?}");
}

#[test]
fn one_college_timed_apart_from_the_day_is_its_slot() {
    let f = facts(
        "关于2016级研究生新生图像采集的通知\n二、采集时间及地点\n时间:2016年9月10日8:30-17:00,外国语学院安排在13:30-14:30\n地点:九龙湖校区教学楼一楼大厅\n",
    );
    assert_eq!(values(&f, "sessions"), ["2016-09-10 08:30-17:00"], "{f:?}");
    assert_eq!(values(&f, "slot"), ["2016-09-10 13:30-14:30 九龙湖校区教学楼一楼大厅 外国语学院"], "{f:?}");
    // With two rooms, the college's room is not told: no slot.
    let f = facts(
        "关于2016级研究生新生图像采集的通知\n二、采集时间及地点\n时间:2016年9月10日8:30-17:00,外国语学院安排在13:30-14:30\n地点:九龙湖校区教学楼一楼大厅、四牌楼校区礼堂\n",
    );
    assert!(values(&f, "slot").is_empty(), "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2016-09-10 08:30-17:00"], "{f:?}");
}

#[test]
fn campuses_sharing_a_place_label_it_and_are_no_rooms() {
    let f = facts(
        "关于研究生新生图像采集的通知\n二、采集时间及地点\n时间:2017年3月10日9:00-15:00\n地点:\n仙林、鼓楼校区:仙林校区图书馆一楼大厅\n浦口校区:浦口校区主楼B103\n",
    );
    assert_eq!(values(&f, "room"), ["仙林校区图书馆一楼大厅", "浦口校区主楼B103"], "{f:?}");
}

#[test]
fn each_item_with_its_time_then_its_place_gives_that_place_its_day() {
    let f = facts(
        "关于2025级研究生新生图像采集的通知\n一、采集时间与地点\n(1)本部报到的新生采集时间:2025年9月1日(周一) 8:30—17:00,地点:科技楼301、302教室;\n(2)东区报到的新生采集时间:9月3日(周三)9:00—16:00,地点:东区图书馆1-105教室。\n",
    );
    assert_eq!(values(&f, "room"), ["科技楼301教室", "科技楼302教室", "东区图书馆1-105教室"], "{f:?}");
    assert_eq!(
        values(&f, "room.days"),
        ["科技楼301教室 | 2025-09-01", "科技楼302教室 | 2025-09-01", "东区图书馆1-105教室 | 2025-09-03"],
        "{f:?}"
    );
}

#[test]
fn a_list_of_campuses_and_their_days_dates_each_campuss_room() {
    let f = facts(
        "关于2026届本科生毕业图像信息采集的通知\n一、采集地点\n长安校区体育馆一楼、友谊校区图书馆二楼\n二、采集时间\n长安校区2025年10月20日、友谊校区10月21-22日\n上午9:00—11:30、下午13:00—16:00\n",
    );
    assert_eq!(values(&f, "room.days"), ["长安校区体育馆一楼 | 2025-10-20", "友谊校区图书馆二楼 | 2025-10-21, 2025-10-22"], "{f:?}");
    // A campus with no room of its own: no room's days.
    let f = facts(
        "关于2026届本科生毕业图像信息采集的通知\n一、采集地点\n体育馆一楼、图书馆二楼\n二、采集时间\n长安校区2025年10月20日、友谊校区10月21-22日\n上午9:00—11:30\n",
    );
    assert!(values(&f, "room.days").is_empty(), "{f:?}");
}

#[test]
fn each_told_to_pay_someone_named_pays_for_themself() {
    let f =
        facts("关于2024届毕业生图像采集的通知\n请全体毕业生于6月3日到体育馆进行图像采集。另外每位学生需向图片社交纳18元(含2寸彩照4张)。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
    assert_eq!(values(&f, "fee.method"), ["每位学生需向图片社交纳"], "{f:?}");
    // A unit that collects it, named after: the unit pays.
    let f = facts("关于2024届毕业生图像采集的通知\n每人需向图片社缴纳18元。请各班长提前收齐本班费用,现场交给工作人员。\n");
    assert_eq!(values(&f, "fee.payer"), ["class"], "{f:?}");
}

#[test]
fn a_day_to_pay_by_whose_month_and_day_were_lost_when_its_digits_split_one_way() {
    let f = facts("关于2024届毕业生图像采集的通知\n采集时间:2024年6月20日。\n每人15元,请各学院于615日前将采集费统一交至教务处。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2024-06-15"], "{f:?}");
    let f = facts("关于2024届毕业生图像采集的通知\n采集时间:2024年11月20日。\n每人15元,请各学院在1108统一送交财务处。\n");
    assert_eq!(values(&f, "fee.deadline"), ["2024-11-08"], "{f:?}");
    // `126` is 1月26日 or 12月6日: no day.
    let f = facts("关于2024届毕业生图像采集的通知\n采集时间:2024年12月20日。\n每人15元,请各学院于126前将采集费统一交至教务处。\n");
    assert!(values(&f, "fee.deadline").is_empty(), "{f:?}");
}

#[test]
fn the_site_or_system_capture_online_is_said_to_go_through_is_its_channel() {
    let f = facts(
        "关于2024届毕业生图像采集的通知\n受疫情影响,本次采集通过学校教务管理系统进行线上采集,学生上传电子照片并在线支付费用(15元/人)。\n",
    );
    assert!(values(&f, "online").iter().any(|v| v.starts_with("学校教务管理系统")), "{f:?}");
    // An app in quotes keeps its own name.
    let f = facts("关于2024届毕业生图像采集的通知\n本次采集通过“江苏图采”小程序进行线上采集,学生上传电子照片。\n");
    assert!(values(&f, "online").iter().all(|v| v.starts_with("“江苏图采”小程序")), "{f:?}");
}

#[test]
fn a_site_those_named_are_told_to_upload_to_with_its_address_is_their_channel() {
    let f = facts("关于2025届毕业生图像采集的通知\n2.已离校实习的2025届毕业生可在当地照相馆拍照后,将电子照片上传至高校图像采集网(https://www.example.cn/upload)。\n");
    assert_eq!(values(&f, "online"), ["高校图像采集网(https://www.example.cn/upload) | 已离校实习的2025届毕业生"], "{f:?}");
    let f =
        facts("关于2025届毕业生图像采集的通知\n尚未采集的同学须在月底前登录高校图像采集网提交照片。网址:https://www.example.cn/upload。\n");
    assert_eq!(values(&f, "online"), ["高校图像采集网(https://www.example.cn/upload) | 尚未采集的同学"], "{f:?}");
    // 学信网, where the photo is checked, and a site without its address: none.
    let f = facts("关于2025届毕业生图像校对的通知\n全体毕业生须登录中国高等教育学生信息网(http://www.chsi.com.cn)校对照片。\n");
    assert!(values(&f, "online").is_empty(), "{f:?}");
    let f = facts("关于2025届毕业生图像采集的通知\n全体毕业生须登录学校教务网上传照片。\n");
    assert!(values(&f, "online").is_empty(), "{f:?}");
}

#[test]
fn what_a_fee_includes_stops_at_a_remark_on_its_price() {
    let f = facts("关于研究生新生图像采集的通知\n(四)拍摄费用\n拍照费用15元/人(含电子相片制作和2张纸质照片,收费标准按2010年价格执行),由各学院统一收取。\n");
    assert_eq!(values(&f, "fee.includes"), ["电子相片制作和2张纸质照片"], "{f:?}");
    // A list of what it includes, every item kept.
    let f = facts("关于研究生新生图像采集的通知\n(四)拍摄费用\n拍照费用15元/人(含电子相片制作,2张纸质照片),由各学院统一收取。\n");
    assert_eq!(values(&f, "fee.includes"), ["电子相片制作,2张纸质照片"], "{f:?}");
}

#[test]
fn a_clause_asking_to_come_tidy_is_a_dress_rule() {
    let f = facts("关于2024届毕业生图像采集的通知\n三、着装\n采集时请保持仪表整洁,上衣颜色勿与背景(蓝色)相近。\n");
    assert!(values(&f, "dress").contains(&"采集时请保持仪表整洁"), "{f:?}");
    let f = facts("关于2024届毕业生图像采集的通知\n三、拍摄须知\n采集时请穿戴整齐,背景为浅蓝色,不要穿浅蓝色衬衫。\n");
    assert!(values(&f, "dress").contains(&"采集时请穿戴整齐"), "{f:?}");
    // Tidy looks described, not asked for: no rule of its own.
    let f = facts("关于2024届毕业生图像采集的通知\n1.照片中人像仪容仪表整洁,五官清晰,背景为白色。\n");
    assert!(values(&f, "dress").iter().all(|v| !v.contains("仪容仪表整洁")), "{f:?}");
}

#[test]
fn hair_by_how_it_is_worn_and_ears_shown_are_dress_rules() {
    let f = facts("关于2024届毕业生图像采集的通知\n四、注意事项\n短发应梳理整齐,刘海不过眉。请勿扎马尾辫以外的高发髻。\n");
    assert!(values(&f, "dress").iter().any(|v| v.starts_with("短发应梳理整齐")), "{f:?}");
    assert!(values(&f, "dress").iter().any(|v| v.contains("马尾")), "{f:?}");
    let f = facts("关于2024届毕业生图像采集的通知\n2、拍摄时着装整洁,不穿蓝色上衣;须两耳、额头外露,不准戴美瞳。\n");
    assert!(values(&f, "dress").contains(&"须两耳、额头外露"), "{f:?}");
}

#[test]
fn whom_to_ask_then_where_and_the_number_in_brackets() {
    let f = facts("关于2024届毕业生图像采集的通知\n3.照片核对如有疑问,请与学籍科张老师联系(行政楼312室,电话:0571-86875521)。\n");
    assert_eq!(values(&f, "contact"), ["学籍科张老师 0571-86875521"], "{f:?}");
    let f = facts("关于2024届毕业生图像采集的通知\n3.如有问题及时与王老师联系(实训楼205办公室、63451287),以免影响毕业。\n");
    assert_eq!(values(&f, "contact"), ["王老师 63451287"], "{f:?}");
    // The bracket goes on after the number: not this reading.
    let f = facts("关于2024届毕业生图像采集的通知\n如有问题请与王老师联系(63451287,周一至周五)。\n");
    assert!(values(&f, "contact").iter().all(|v| *v != "王老师 63451287"), "{f:?}");
}

#[test]
fn whoever_comes_at_other_times_goes_elsewhere_their_makeup() {
    let f = facts("关于2024级新生图像采集的通知\n所有新生须在2024年11月20日前完成采集,其中11月12日-11月14日在校内集中采集,其他时间可自行前往新华社南昌图像采集中心采集(30元/人)。\n");
    assert_eq!(values(&f, "makeup"), ["until 2024-11-20 | 新华社南昌图像采集中心"], "{f:?}");
    // Other times not served: no makeup.
    let f = facts("关于2024级新生图像采集的通知\n采集时间为2024年11月12日,其他时间不接待个人采集。\n");
    assert!(values(&f, "makeup").is_empty(), "{f:?}");
}

#[test]
fn a_group_told_to_arrange_it_with_a_branch_themselves_has_a_makeup() {
    let f = facts("关于2024届毕业研究生图像采集的通知\n一、采集时间:2023年10月20日。\n二、拟于2023年12月毕业的博士生,请自行联系新华社江苏分社进行图像采集。\n");
    assert_eq!(values(&f, "makeup"), ["新华社江苏分社"], "{f:?}");
    // One way of capture among others, to a shop on their own: no makeup.
    let f = facts("关于2024届毕业生图像采集的通知\n一、采集方式\n3.门店采集。学生自行到新华社江苏图像采集中心采集。\n");
    assert!(values(&f, "makeup").is_empty(), "{f:?}");
}

#[test]
fn a_makeup_at_the_agency_named_by_its_kind_alone() {
    let f = facts("关于2024届毕业生图像采集的通知\n一、采集时间:2023年10月20日。\n二、申请提前毕业的学生经学院审核后,可到新华社补拍。\n");
    assert_eq!(values(&f, "makeup"), ["新华社"], "{f:?}");
}

#[test]
fn the_students_of_an_intake_whose_capture_it_is() {
    let f = facts("关于新生图像信息采集的通知\n各学院:\n为做好学籍注册工作,学校决定对我校2025级新生进行入学图像信息采集。\n采集时间:2025年10月18日。\n");
    assert_eq!(values(&f, "audience"), ["我校2025级新生"], "{f:?}");
    let f =
        facts("关于图像信息采集的通知\n各系部:\n经研究,本院2023级、2024级(以学籍注册时间为准)学生的电子图像信息采集工作定于11月进行。\n");
    assert_eq!(values(&f, "audience"), ["本院2023级、2024级(以学籍注册时间为准)学生"], "{f:?}");
    // What is free for them names no one: the intake is not said to be whom the capture is for.
    let f = facts("关于图像信息采集的通知\n各学院:\n采集时间:2025年10月18日。\n2025级新生入学图像采集不收费。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn students_asked_to_bring_things_said_to_need_photos_or_told_when_to_check() {
    let f = facts("关于毕业生证件照拍摄的通知\n2. 请2025届毕业生持身份证和学生证到图书馆一楼拍摄学历照片。\n");
    assert_eq!(values(&f, "audience"), ["2025届毕业生"], "{f:?}");
    // Who makes up for a missed capture, or graduates of no year or term, are not whom the notice is for.
    let f = facts("关于毕业生证件照拍摄的通知\n请需补拍的毕业生携带身份证到图书馆一楼拍摄学历照片。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
    let f = facts("关于毕业生证件照拍摄的通知\n请毕业生携带身份证到图书馆一楼拍摄学历照片。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
    let f = facts("关于学历照片采集的通知\n各位学员:\n接上级通知,西北函授学院2024级全体学员需要采集学历照片,流程如下。\n");
    assert_eq!(values(&f, "audience"), ["西北函授学院2024级全体学员"], "{f:?}");
    let f = facts("关于核对电子照片的通知\n各培养单位:\n请通知你院已参加图像采集的全体2026届毕业研究生,在2026年4月1日至4月20日登录学信网核对本人电子照片。\n");
    assert_eq!(values(&f, "audience"), ["已参加图像采集的全体2026届毕业研究生"], "{f:?}");
}

#[test]
fn under_a_heading_of_days_and_whom_each_day_is_for() {
    let f = facts("关于图像信息采集工作的通知\n各学院:\n一、采集时间及对象:\n10月20日上午:2025级新生(含转入2025级的学生)。\n10月20日下午:2026届毕业生需补拍人员(名单见附件2)。\n二、采集地点:\n图书馆报告厅。\n");
    assert_eq!(values(&f, "audience"), ["2025级新生(含转入2025级的学生)；2026届毕业生需补拍人员"], "{f:?}");
    // A day and what is done on it names no one.
    let f = facts("关于图像信息采集工作的通知\n各学院:\n一、采集时间及对象:\n10月20日:领取采集码。\n二、采集地点:\n图书馆报告厅。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn a_page_passing_the_notice_on_names_the_office_that_posted_it() {
    let f = facts("广西民族大学2025届毕业生图像采集时间安排\n转载自广西民族大学教务处发布的关于做好2025届毕业生图像采集工作的通知,内容如下:\n采集时间:2024年11月9日。\n");
    assert_eq!(values(&f, "office"), ["教务处"], "{f:?}");
    // Another school's office is not the notice's.
    let f = facts(
        "广西民族大学2025届毕业生图像采集时间安排\n参照南宁师范大学教务处发布的关于图像采集的通知,内容如下:\n采集时间:2024年11月9日。\n",
    );
    assert!(values(&f, "office").is_empty(), "{f:?}");
}

#[test]
fn a_university_named_before_its_graduates_of_a_kind_of_study_whose_capture_it_is() {
    let f = facts(
        "成人学历照片采集须知\n成人学历的照片也要上网注册。其中,湖北工业大学成人教育毕业生图像采集流程如下:\n1.登录学信网获取采集码。\n",
    );
    assert_eq!(values(&f, "school"), ["湖北工业大学"], "{f:?}");
    // A college of one is no school.
    let f =
        facts("成人学历照片采集须知\n成人学历的照片也要上网注册。其中,经管学院成人教育毕业生图像采集流程如下:\n1.登录学信网获取采集码。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn a_pages_heading_about_the_photos_above_its_posting_line_is_the_title() {
    let f = facts(
        "学院网站\n本科生学历照片拍摄常见问题\n发布时间:2023-03-02 09:15:00 | 浏览次数:532\n1.每年11月由新华社到校集中拍摄学历照片。\n",
    );
    assert_eq!(values(&f, "title"), ["本科生学历照片拍摄常见问题"], "{f:?}");
    // A sentence above it is none.
    let f = facts("学院网站\n每年11月由新华社到校集中拍摄学历照片。\n发布时间:2023-03-02 09:15:00\n");
    assert!(values(&f, "title").is_empty(), "{f:?}");
}

#[test]
fn the_capture_to_name_to_the_photographer_names_the_school() {
    let f = facts("研究生补拍通知\n到新华社门店拍摄时,请告知工作人员为“南开大学本科生毕业图像采集”,并出示采集码。\n");
    assert_eq!(values(&f, "school"), ["南开大学"], "{f:?}");
    // A college's capture is no school's.
    let f = facts("研究生补拍通知\n到新华社门店拍摄时,请告知工作人员为“化学学院毕业生图像采集”,并出示采集码。\n");
    assert!(values(&f, "school").is_empty(), "{f:?}");
}

#[test]
fn whose_diplomas_are_to_be_registered_is_the_audience() {
    let f = facts("关于核对毕业生照片的通知\n各学院:\n为确保2026届毕业研究生学历证书电子注册工作顺利完成,请认真核对毕业生照片。\n");
    assert_eq!(values(&f, "audience"), ["2026届毕业研究生"], "{f:?}");
    // Registration said of no cohort names no one.
    let f = facts("关于核对毕业生照片的通知\n各学院:\n为确保学历证书电子注册工作顺利完成,请认真核对毕业生照片。\n");
    assert!(values(&f, "audience").is_empty(), "{f:?}");
}

#[test]
fn the_office_the_title_opens_with_issued_it_whoever_posted_the_page() {
    let f = facts("学生处关于2024级新生图像采集的通知\n时间:2024-09-10 作者: 学籍管理科\n学校于9月12日进行新生图像采集。\n");
    assert_eq!(values(&f, "office"), ["学生处"], "{f:?}");
    // A title that opens with no office: the page's header names who posted it.
    let f = facts("关于2024级新生图像采集的通知\n发布者:学生处 发布时间:2024-09-10\n学校于9月12日进行新生图像采集。\n");
    assert_eq!(values(&f, "office"), ["学生处"], "{f:?}");
}

#[test]
fn a_makeup_told_twice_is_kept_once_where_it_names_its_place() {
    let f = facts(
        "关于做好2018级研究生新生电子图像采集工作的通知\n(二)各院系负责人注意事项\n3.通知未参加此次图像采集的研究生在2018年9月20日前到指定地点补拍;\n(三)补拍照片注意事项\n未参加统一拍照的研究生于2018年9月20日前,持本人身份证到省高校招生就业指导服务中心拍摄,费用当场结清。\n",
    );
    assert_eq!(values(&f, "makeup"), ["until 2018-09-20 | 省高校招生就业指导服务中心"], "{f:?}");
    // Told once, at a place not named: the day alone.
    let f = facts("关于做好2018级研究生新生电子图像采集工作的通知\n3.通知未参加此次图像采集的研究生在2018年9月20日前到指定地点补拍;\n");
    assert_eq!(values(&f, "makeup"), ["until 2018-09-20"], "{f:?}");
}

#[test]
fn a_dated_place_takes_the_day_right_before_it_not_an_earlier_one() {
    let f = facts(
        "关于2025级研究生新生图像采集的通知\n发布日期:2025年08月20日\n(1)2025年9月1日报到的本部新生,拍照时间:9月3日(周三)8:30—17:00,地点:科技楼301教室;\n(2)东区新生拍照时间:9月4日(周四)9:00—16:00,地点:东区图书馆105教室。\n",
    );
    assert_eq!(values(&f, "room.days"), ["科技楼301教室 | 2025-09-03", "东区图书馆105教室 | 2025-09-04"], "{f:?}");
}

#[test]
fn the_day_students_arrive_is_no_capture_day() {
    let f = facts("关于2026级研究生新生图像采集的通知\n发布日期:2026年08月25日\n一、2026年9月5日(周六)报到的博士新生,采集时间:9月7日(周一)9:00-16:00,地点:图书馆一楼大厅。\n");
    assert_eq!(values(&f, "day"), ["2026-09-07"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2026-09-07 09:00-16:00"], "{f:?}");
    let f = facts("关于新生图像采集的通知\n发布日期:2026年08月25日\n新生于9月1日返校后,9月2日上午8:30-11:30在体育馆进行图像采集。\n");
    assert_eq!(values(&f, "day"), ["2026-09-02"], "{f:?}");
    // A capture that is itself on a day students arrive is still that day.
    let f = facts("关于新生图像采集的通知\n发布日期:2026年08月25日\n图像采集时间:9月1日8:30-17:00(新生报到当天),地点:体育馆。\n");
    assert_eq!(values(&f, "day"), ["2026-09-01"], "{f:?}");
}

#[test]
fn a_range_whose_end_lost_its_year_and_marks_takes_the_start_year() {
    let f = facts("关于2026届毕业生图像采集的通知\n一、线上采集\n1.采集时间:20251103--1128\n2.采集方式:学生使用微信搜索“毕业证照”小程序完成线上采集。\n");
    assert!(values(&f, "online").iter().any(|o| o.contains("2025-11-03..2025-11-28")), "{f:?}");
    // An end that splits two ways (`112`: 1月12日 or 11月2日) is not read.
    let f = facts("关于2026届毕业生图像采集的通知\n一、线上采集\n1.采集时间:20251103--112\n2.采集方式:学生使用微信搜索“毕业证照”小程序完成线上采集。\n");
    assert!(!values(&f, "online").iter().any(|o| o.contains("..2025-")), "{f:?}");
}

#[test]
fn a_school_that_takes_no_money_leaves_the_students_paying_the_company() {
    let f = facts("关于2026届毕业生图像采集的通知\n4.采集费用:25元/人。照片采集费用学生自理,由某某科技有限公司收取,学校不收取任何费用。\n");
    assert_eq!(values(&f, "fee.payer"), ["student"], "{f:?}");
    let f = facts("关于2026届毕业生图像采集的通知\n本次图像采集不收取任何费用。\n");
    assert_eq!(values(&f, "fee.payer"), ["school"], "{f:?}");
}

#[test]
fn getting_ready_and_arriving_early_are_no_dress_rules_but_the_rule_between_them_is() {
    let f = facts("关于新生图像采集的通知\n一、现场要求\n2、各班按安排的时间提前15分钟到场,提前换好服装,建议穿深色有领上衣(白色除外)按学号顺序排队,请勿大声喧哗\n");
    assert_eq!(values(&f, "dress"), ["建议穿深色有领上衣(白色除外)"], "{f:?}");
    // A rule with its remark, and a clause after it that is also dress, stays whole.
    let f = facts("关于新生图像采集的通知\n着装要求:请穿深色有领上衣(白色除外),不要戴帽子。\n");
    assert!(values(&f, "dress").iter().any(|r| r.contains("请穿深色有领上衣(白色除外)")), "{f:?}");
}

#[test]
fn everyone_arrived_is_no_place_of_a_makeup() {
    let f = facts("关于新生图像采集的通知\n补拍时间:2026年10月20日下午2:00~4:00\n注意:请各班统一组织,务必全班同学到齐后开始采集,因故未能按安排表采集的,于补拍时间进行补拍。\n");
    assert!(values(&f, "makeup").iter().all(|m| !m.contains("齐后")), "{f:?}");
}

#[test]
fn an_english_notice_gives_its_day_hours_and_place_by_label_or_under_the_following_time() {
    let f = facts("Notice on Graduation Photo Collection for International Students\n\nPosted on March 3, 2026\n\nDear students,\n\n1. Venue: Library Lecture Hall (Ground Floor).\n\n2. Date: 18 March 2026, 9:00 am - 11:30 am, 2:00 pm - 4:30 pm\n");
    assert_eq!(values(&f, "day"), ["2026-03-18"], "{f:?}");
    assert_eq!(values(&f, "sessions"), ["2026-03-18 09:00-11:30, 14:00-16:30"], "{f:?}");
    assert_eq!(values(&f, "room"), ["Library Lecture Hall"], "{f:?}");
    let f = facts("Graduation Photo Notice\n\nPhotos will be taken at the following time and place:\n\nMay 12, 2026, 13:30-16:00 (Tuesday)\n\nMain Building Room 101\n\nPlease come with your school in the time slot below:\n\nTime  School\n13:30-14:30 School of Engineering and Computing\n14:30-16:00 School of Arts\n");
    assert_eq!(values(&f, "day"), ["2026-05-12"], "{f:?}");
    assert_eq!(values(&f, "room"), ["Main Building Room 101"], "{f:?}");
    assert!(values(&f, "group").contains(&"School of Engineering and Computing"), "{f:?}");
    // A period to take photos in is no day in a room; a place to be announced is no room.
    let f = facts("Graduation Photo Notice\n\nCollection Period: October 12 – November 20, 2026\n\nLocation: to be announced\n");
    assert!(values(&f, "day").is_empty() && values(&f, "room").is_empty(), "{f:?}");
    // `Date:` with a date alone is as often the page's own date: no capture day.
    let f = facts("Graduation Photo Notice\n\nDate: May 2, 2026\n\nDear students,\n\nPhotos will be taken in the Library.\n");
    assert!(values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_timetable_whose_dates_lost_their_marks_is_read_where_the_weekday_or_the_digits_settle_the_day() {
    // `117` is 1月17日 or 11月7日: the weekday picks 2024-11-07 (a Thursday; 2024-01-17 is a
    // Wednesday). `1119` splits one way only. A place in parts (campus, building, rooms) is one
    // place; colleges joined by `/` are each a group.
    let head = "关于2024年研究生毕业证书照片拍摄的通知\n发布时间: 2024-10-25\n一、安排\n拍摄日期\n拍摄时间\n校区\n拍摄地点\n建议拍摄学院\n";
    let rows = "(周四)\n13:00-17:00\n南湖\n3B\n3101310531093113教室\n化学学院/物理学院\n北苑\n2201教室\nMBA中心在职研究生\n1119\n(周二)\n9:00-16:00\n北苑\n2201教室\n历史学院/哲学院\n二、要求\n请携带身份证。\n";
    let f = facts(&format!("{head}117\n{rows}"));
    assert_eq!(
        values(&f, "slot"),
        [
            "2024-11-07 13:00-17:00 南湖 3B 3101310531093113教室 化学学院、物理学院",
            "2024-11-07 13:00-17:00 北苑 2201教室 MBA中心在职研究生",
            "2024-11-19 09:00-16:00 北苑 2201教室 历史学院、哲学院"
        ],
        "{f:?}"
    );
    assert_eq!(values(&f, "day"), ["2024-11-07", "2024-11-19"], "{f:?}");
    assert!(values(&f, "group").contains(&"MBA中心在职研究生"), "{f:?}");
    // Without its weekday, `117` reads two ways: that day is left unread.
    let f = facts(&format!("{head}117\n{}", rows.replacen("(周四)\n", "", 1)));
    assert_eq!(values(&f, "day"), ["2024-11-19"], "{f:?}");
    assert!(values(&f, "slot").iter().all(|s| s.starts_with("2024-11-19")), "{f:?}");
    // A weekday that fits neither reading: nothing.
    let f = facts(&format!("{head}117\n{}", rows.replacen("(周四)", "(周一)", 1)));
    assert_eq!(values(&f, "day"), ["2024-11-19"], "{f:?}");
}

#[test]
fn a_timetable_of_names_each_before_its_time_pairs_each_name_with_the_time_after_it() {
    // The header says 日期 | 时间 | 学院, but each college comes before its hours (the first row
    // has a name and no time, the last a time and no name); the dashes between the hours were
    // lost (`8:009:30`). A row for the makeup is no group's.
    let head = "关于2025届本科毕业生图像采集的通知\n发布时间:2024-10-25\n地点:逸夫楼201室。\n日期\n时间\n学院\n";
    let f = facts(&format!(
        "{head}1106\n文学院(2021级基地班)\n8:009:30\n历史学院\n9:3011:00\n1107\n哲学院\n8:0010:00\n补拍\n10:0011:00\n三、注意事项\n请按时参加。\n"
    ));
    assert_eq!(
        values(&f, "slot"),
        [
            "2024-11-06 08:00-09:30 逸夫楼201室 文学院(2021级基地班)",
            "2024-11-06 09:30-11:00 逸夫楼201室 历史学院",
            "2024-11-07 08:00-10:00 逸夫楼201室 哲学院"
        ],
        "{f:?}"
    );
    assert_eq!(values(&f, "group"), ["文学院(2021级基地班)", "历史学院", "哲学院"], "{f:?}");
    // Names and times that do not pair off (a name left over at the end): no slot at all.
    let f = facts(&format!("{head}1106\n文学院\n8:009:30\n历史学院\n9:3011:00\n哲学院\n三、注意事项\n请按时参加。\n"));
    assert!(values(&f, "slot").is_empty(), "{f:?}");
    // `1131` is no date: no day, no slot.
    let f = facts(&format!("{head}1131\n8:00-9:30\n文学院\n三、注意事项\n请按时参加。\n"));
    assert!(values(&f, "slot").is_empty() && values(&f, "day").is_empty(), "{f:?}");
}

#[test]
fn a_bare_month_and_day_in_a_timetable_takes_the_year_the_notice_writes_with_it() {
    // Published in 2021, but the notice's own line dates the capture 2020 (`20201013…`): the
    // table's `1013` is 2020-10-13, not 2021-10-13.
    let f = facts(
        "关于图像采集工作的通知\n时间:2021-09-25 11:18:05\n时间:20201013起,地点:图书馆105室。\n日期\n时间\n学院\n1013\n8:00-9:30\n文学院\n三、注意事项\n请按时参加。\n",
    );
    assert_eq!(values(&f, "slot"), ["2020-10-13 08:00-09:30 图书馆105室 文学院"], "{f:?}");
}

#[test]
fn an_english_notice_states_its_fee_in_rmb_or_yuan() {
    let f = facts("Graduation Photo Notice\n\nDear graduates,\n\nEach student pays a fee of 25 yuan by WeChat Pay on the day.\n");
    assert_eq!(values(&f, "fee.amount"), ["25"], "{f:?}");
    let f = facts("Graduation Photo Notice\n\nDear graduates,\n\nThe photo costs RMB 18.5 per person.\n");
    assert_eq!(values(&f, "fee.amount"), ["18.5"], "{f:?}");
    // The price of a makeup elsewhere is not the capture's fee.
    let f = facts("Graduation Photo Notice\n\nDear graduates,\n\nIf you miss the session, you will pay 30 yuan at the Xinhua branch.\n");
    assert!(values(&f, "fee.amount").is_empty(), "{f:?}");
}
