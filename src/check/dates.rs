//! Dates in order: issue → fee deadline → capture → make-up; proofreading after capture; the
//! capture season fits the graduating year.

use crate::base::dates::date_long as ymd;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use chrono::NaiveDate;

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    makeup_denied(n, out);
    let issued = n.issued.as_ref().map(|i| i.value);
    let issued_at = n.issued.as_ref().map_or(&n.title.loc, |i| &i.loc);
    let days = &n.capture.days;
    let (Some(first), Some(last)) = (n.capture.first_day(), n.capture.last_day()) else { return };
    let first_at = days.iter().find(|d| d.date.value == first).map(|d| &d.date.loc).unwrap_or(&n.capture.loc);

    if let Some(dl) = n.fee.as_ref().and_then(|f| f.deadline.as_ref()) {
        if let Some(issued) = issued.filter(|i| dl.value < *i) {
            out.push(
                Diagnostic::error(
                    Code::FeeDeadlineBeforeIssue,
                    &dl.loc,
                    format!("缴费截止日期 {} 早于通知发布日期 {}", ymd(dl.value), ymd(issued)),
                )
                .related(issued_at, "发布日期")
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

    // Several 届 in one notice: the season runs from two years before the earliest to the latest.
    let season_end = NaiveDate::from_ymd_opt(n.cohort_last(), 7, 31);
    let season_start = NaiveDate::from_ymd_opt(n.cohort_first() - 2, 7, 31);
    let mut prev: Option<NaiveDate> = None;
    for d in days {
        let date = d.date.value;
        if let Some(issued) = issued.filter(|i| date <= *i) {
            out.push(
                Diagnostic::error(
                    Code::CaptureBeforeIssue,
                    &d.date.loc,
                    format!("采集日 {} 不在通知发布日期 {} 之后", ymd(date), ymd(issued)),
                )
                .related(issued_at, "发布日期")
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
                        format!("采集日 {} 晚于 {} 届毕业生离校（{}年7月31日）", ymd(date), n.cohort_label(), n.cohort_last()),
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
                        format!("采集日 {} 比 {} 届毕业早了两年以上", ymd(date), n.cohort_label()),
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

    // Only a lead time the notice states is checked.
    let lead = n.code.as_ref().and_then(|c| c.lead_days.as_ref()).map(|l| l.value);
    if let (Some(lead), Some(issued)) = (lead, issued) {
        let gap = (first - issued).num_days();
        if gap > 0 && gap < i64::from(lead) {
            out.push(
                Diagnostic::warning(
                    Code::CodeLeadTime,
                    first_at,
                    format!("发布日期到第一个采集日只有 {gap} 天，少于获取采集码所需的 {lead} 天"),
                )
                .related(issued_at, "发布日期")
                .help(format!(
                    "提前发布通知，或把采集日推迟到 {} 之后",
                    ymd(issued + chrono::Days::new(u64::from(lead).saturating_sub(1)))
                )),
            );
        }
    }

    for m in &n.makeup {
        if m.denied() {
            continue;
        }
        if let Some(from) = m.from.as_ref().filter(|f| f.value <= last) {
            out.push(
                Diagnostic::error(
                    Code::MakeupBeforeCapture,
                    &from.loc,
                    format!("补拍开始日期 {} 不在最后一个采集日 {} 之后", ymd(from.value), ymd(last)),
                )
                .help(format!("补拍应从 {} 之后开始", ymd(last))),
            );
        }
        if let (Some(from), Some(until)) = (&m.from, &m.until) {
            if until.value < from.value {
                out.push(
                    Diagnostic::error(
                        Code::MakeupOrder,
                        &until.loc,
                        format!("补拍截止日期 {} 早于开始日期 {}", ymd(until.value), ymd(from.value)),
                    )
                    .help("检查 from 与 until 是否写反"),
                );
            }
        }
    }

    let Some(p) = &n.proofreading else { return };
    if let Some(from) = &p.from {
        proofreading_from(from, last, out);
    }
    if let (Some(from), Some(until)) = (&p.from, &p.until) {
        if until.value <= from.value {
            out.push(
                Diagnostic::error(
                    Code::ProofreadingOrder,
                    &until.loc,
                    format!("校对截止日期 {} 不晚于开始日期 {}", ymd(until.value), ymd(from.value)),
                )
                .help("检查 from 与 until 是否写反"),
            );
        }
    } else if let Some(until) = p.until.as_ref().filter(|u| u.value <= last) {
        out.push(
            Diagnostic::error(
                Code::ProofreadingBeforeCapture,
                &until.loc,
                format!("校对截止日期 {} 不在最后一个采集日 {} 之后", ymd(until.value), ymd(last)),
            )
            .help("校对在采集之后：检查日期的年份或月份"),
        );
    }
}

/// A proofreading start on or before the last capture day is an error; soon after it, a warning
/// (photos take weeks to reach 学信网).
fn proofreading_from(from: &crate::source::At<NaiveDate>, last: NaiveDate, out: &mut Vec<Diagnostic>) {
    let days = (from.value - last).num_days();
    if days <= 0 {
        out.push(
            Diagnostic::error(
                Code::ProofreadingBeforeCapture,
                &from.loc,
                format!("校对开始日期 {} 早于最后一个采集日 {}", ymd(from.value), ymd(last)),
            )
            .help(format!("校对在采集之后：应晚于最后一个采集日 {}，检查日期的年份或月份", ymd(last))),
        );
    } else if days < 30 {
        out.push(
            Diagnostic::warning(
                Code::ProofreadingSoon,
                &from.loc,
                format!("校对开始日期 {} 距最后一个采集日只有 {} 天", ymd(from.value), days),
            )
            .help("照片一般要几周后才到学信网：确认通知上的校对日期"),
        );
    }
}

/// A makeup the notice denies (`offered: false`) that gives a date, place or phone all the same.
fn makeup_denied(n: &Notice, out: &mut Vec<Diagnostic>) {
    for m in &n.makeup {
        if let Some(o) = m.offered.as_ref().filter(|_| m.denied()) {
            let said = [
                m.from.as_ref().map(|d| &d.loc),
                m.until.as_ref().map(|d| &d.loc),
                m.place.as_ref().map(|p| &p.loc),
                m.phone.as_ref().map(|p| &p.loc),
            ];
            if let Some(loc) = said.into_iter().flatten().next() {
                out.push(
                    Diagnostic::error(Code::MakeupDenied, loc, "这条补拍写了 offered: false（不安排补拍），却又写了补拍的日期、地点或电话")
                        .related(&o.loc, "不安排补拍")
                        .help("通知不安排补拍就删去日期、地点和电话；另有补拍安排就删去 offered: false，或把它写成另一条 makeup"),
                );
            }
        }
    }
}
