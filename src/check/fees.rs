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
        // No deadline is asked for: many notices give none (paid on the day, or before capture
        // with no date). One the body names is asked for by the body checks (check::deadlines).
        if f.amount.value.is_zero() {
            out.push(
                Diagnostic::error(Code::FeeZero, &f.amount.loc, "费用为 0 元，但付费方不是学校")
                    .related(&f.payer.loc, "付费方")
                    .help("学校承担费用时写 payer: school；否则填写每人金额"),
            );
        }
    }
}
