//! Fees: who pays, how, by when, and the same amount everywhere in the notice.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::{Notice, Payer};

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    let Some(f) = &n.fee else { return };
    if f.payer.value != Payer::School {
        if f.method.is_none() {
            out.push(
                Diagnostic::error(Code::FeeMethodMissing, &f.loc, "没有写缴费方式（fee.method）")
                    .help("加上 method，例如 method: 以学院为单位统一转账，或 method: 采集现场微信或支付宝自行支付"),
            );
        }
        // Paid on the day (班长现场统一交, 现场扫码): there is no deadline to write, and none is asked for.
        if f.deadline.is_none() && !f.paid_on_site() {
            out.push(
                Diagnostic::error(Code::FeeDeadlineMissing, &f.loc, "没有写缴费截止日期（fee.deadline）")
                    .help("通知写了截止日期就照抄，例如 deadline: 2025-03-29；若是采集当天现场缴费，把 method 写成现场缴费的方式（或 payer: class），不必写 deadline"),
            );
        }
        if f.amount.value.is_zero() {
            out.push(
                Diagnostic::error(Code::FeeZero, &f.amount.loc, "费用为 0 元，但付费方不是学校")
                    .related(&f.payer.loc, "付费方")
                    .help("学校承担费用时写 payer: school；否则填写每人金额"),
            );
        }
    }
}
