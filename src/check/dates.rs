//! Dates in order: issue → fee deadline → capture → make-up; proofreading after capture; the
//! capture season fits the graduating year.

use crate::base::dates::date_long as ymd;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use chrono::NaiveDate;

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    let issued = n.issued.value;
    let days = &n.capture.days;
    let (Some(first), Some(last)) = (n.capture.first_day(), n.capture.last_day()) else { return };
    let first_at = days.iter().find(|d| d.date.value == first).map(|d| &d.date.loc).unwrap_or(&n.capture.loc);

    if let Some(dl) = n.fee.as_ref().and_then(|f| f.deadline.as_ref()) {
        if dl.value < issued {
            out.push(
                Diagnostic::error(
                    Code::FeeDeadlineBeforeIssue,
                    &dl.loc,
                    format!("缴费截止日期 {} 早于通知发布日期 {}", ymd(dl.value), ymd(issued)),
                )
                .related(&n.issued.loc, "发布日期")
                .help("缴费截止日期应在发布日期之后、第一个采集日之前（含当天）"),
            );
        }
        // A deadline on a capture day (the class pays before its turn on the second day) is fine.
        if dl.value > last {
            let last_at = days.iter().find(|d| d.date.value == last).map(|d| &d.date.loc).unwrap_or(&n.capture.loc);
            out.push(
                Diagnostic::error(
                    Code::FeeDeadlineAfterCapture,
                    &dl.loc,
                    format!("缴费截止日期 {} 晚于最后一个采集日 {}", ymd(dl.value), ymd(last)),
                )
                .related(last_at, "最后一个采集日")
                .help(format!("把缴费截止日期改到 {} 或更早（采集日当天也可以）", ymd(last))),
            );
        }
    }

    let season_end = NaiveDate::from_ymd_opt(n.cohort.value, 7, 31);
    let season_start = NaiveDate::from_ymd_opt(n.cohort.value - 2, 7, 31);
    let mut prev: Option<NaiveDate> = None;
    for d in days {
        let date = d.date.value;
        if date <= issued {
            out.push(
                Diagnostic::error(
                    Code::CaptureBeforeIssue,
                    &d.date.loc,
                    format!("采集日 {} 不在通知发布日期 {} 之后", ymd(date), ymd(issued)),
                )
                .related(&n.issued.loc, "发布日期")
                .help("检查采集日期或发布日期（issued）是否写错了年份或月份"),
            );
        }
        if let Some(p) = prev {
            if date <= p {
                out.push(
                    Diagnostic::error(Code::CaptureDaysOrder, &d.date.loc, format!("采集日 {} 没有排在前一天 {} 之后", ymd(date), ymd(p)))
                        .help("按时间先后排列采集日，同一天的时段写在同一个 date 下"),
                );
            }
        }
        prev = Some(date);
        if let Some(end) = season_end {
            if date > end {
                out.push(
                    Diagnostic::error(
                        Code::CaptureAfterCohort,
                        &d.date.loc,
                        format!("采集日 {} 晚于 {} 届毕业生离校（{}年7月31日）", ymd(date), n.cohort.value, n.cohort.value),
                    )
                    .related(&n.cohort.loc, "毕业届别")
                    .help("检查采集日期的年份，或届别（cohort）是否写错"),
                );
            }
        }
        if let Some(start) = season_start {
            if date < start {
                out.push(
                    Diagnostic::error(
                        Code::CaptureTooEarly,
                        &d.date.loc,
                        format!("采集日 {} 比 {} 届毕业早了两年以上", ymd(date), n.cohort.value),
                    )
                    .related(&n.cohort.loc, "毕业届别")
                    .help("检查采集日期的年份，或届别（cohort）是否写错"),
                );
            }
        }
        for w in d.sessions.windows(2) {
            if w[1].value.start < w[0].value.end {
                out.push(
                    Diagnostic::error(
                        Code::SessionOverlap,
                        &w[1].loc,
                        format!("时段 {} 与前一个时段 {} 重叠或顺序颠倒", w[1].value.label(), w[0].value.label()),
                    )
                    .help("同一天的时段按时间先后写，且互不重叠"),
                );
            }
        }
    }

    let lead = n.code.as_ref().map(|c| c.lead_days.value).unwrap_or(3);
    let gap = (first - issued).num_days();
    if gap > 0 && gap < i64::from(lead) {
        out.push(
            Diagnostic::warning(
                Code::CodeLeadTime,
                first_at,
                format!("发布日期到第一个采集日只有 {gap} 天，少于获取采集码所需的 {lead} 天"),
            )
            .related(&n.issued.loc, "发布日期")
            .help(format!("提前发布通知，或把采集日推迟到 {} 之后", ymd(issued + chrono::Days::new(u64::from(lead) - 1)))),
        );
    }

    for m in &n.makeup {
        if m.from.value <= last {
            out.push(
                Diagnostic::error(
                    Code::MakeupBeforeCapture,
                    &m.from.loc,
                    format!("补拍开始日期 {} 不在最后一个采集日 {} 之后", ymd(m.from.value), ymd(last)),
                )
                .help(format!("补拍应从 {} 之后开始", ymd(last))),
            );
        }
        if m.until.value < m.from.value {
            out.push(
                Diagnostic::error(
                    Code::MakeupOrder,
                    &m.until.loc,
                    format!("补拍截止日期 {} 早于开始日期 {}", ymd(m.until.value), ymd(m.from.value)),
                )
                .help("检查 from 与 until 是否写反"),
            );
        }
    }

    let p = &n.proofreading;
    if p.from.value <= last {
        out.push(
            Diagnostic::error(
                Code::ProofreadingBeforeCapture,
                &p.from.loc,
                format!("校对开始日期 {} 早于最后一个采集日 {}", ymd(p.from.value), ymd(last)),
            )
            .help(format!("照片约在采集后 40 天上传学信网，校对一般从 {} 前后开始", ymd(last + chrono::Days::new(40)))),
        );
    } else if (p.from.value - last).num_days() < 30 {
        out.push(
            Diagnostic::warning(
                Code::ProofreadingSoon,
                &p.from.loc,
                format!("校对开始日期 {} 距最后一个采集日只有 {} 天", ymd(p.from.value), (p.from.value - last).num_days()),
            )
            .help(format!("照片约在采集后 40 天才到学信网，建议从 {} 前后开始校对", ymd(last + chrono::Days::new(40)))),
        );
    }
    if p.until.value <= p.from.value {
        out.push(
            Diagnostic::error(
                Code::ProofreadingOrder,
                &p.until.loc,
                format!("校对截止日期 {} 不晚于开始日期 {}", ymd(p.until.value), ymd(p.from.value)),
            )
            .help("检查 from 与 until 是否写反"),
        );
    }
}
