//! Money as whole fen (分): an amount is read from the notice exactly as written, never through
//! binary floating point, so `15.001` cannot slip in as 15 and print as `15.`.

use serde::{Serialize, Serializer};
use std::fmt;

/// Fen in one yuan.
const FEN_PER_YUAN: u64 = 100;
/// The largest amount a notice may name: 100,000 yuan (the contract's bound for `fee.amount`).
pub const MAX: Money = Money { fen: 100_000 * FEN_PER_YUAN };

/// An amount of money, in fen. Ordered and compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money {
    fen: u64,
}

/// Why a written amount is not money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a decimal number at all (`abc`, `NaN`, `inf`, `15.`, `.5`, `0x10`, empty).
    NotANumber,
    /// A minus sign.
    Negative,
    /// Scientific notation (`1e3`, `1.5E1`).
    Exponent,
    /// A third decimal place or more (`15.001`): money has two, fen.
    TooManyDecimals,
    /// More than [`MAX`].
    TooLarge,
}

impl Money {
    pub const ZERO: Money = Money { fen: 0 };

    pub const fn from_fen(fen: u64) -> Money {
        Money { fen }
    }

    pub const fn fen(self) -> u64 {
        self.fen
    }

    pub const fn is_zero(self) -> bool {
        self.fen == 0
    }

    /// The amount in yuan as a float, only for comparing with an amount read from prose.
    pub fn yuan_f64(self) -> f64 {
        self.fen as f64 / FEN_PER_YUAN as f64
    }

    /// Parses an amount in yuan as a school writes it: `15`, `15.5`, `15.50`, `015`; surrounding
    /// spaces and a trailing `元` are allowed. Digits only: no sign, exponent, grouping or
    /// full-width digits, and at most two decimals.
    pub fn parse(text: &str) -> Result<Money, MoneyError> {
        let t = text.trim();
        let t = t.strip_suffix('元').map_or(t, str::trim_end);
        if t.starts_with('-') || t.starts_with('−') {
            return Err(if t.len() > 1 { MoneyError::Negative } else { MoneyError::NotANumber });
        }
        if is_exponent_form(t) {
            return Err(MoneyError::Exponent);
        }
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || (t.contains('.') && !digits(frac)) {
            return Err(MoneyError::NotANumber);
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        let whole = whole.trim_start_matches('0');
        // More digits than MAX has yuan cannot fit; this also keeps the arithmetic below in range.
        if whole.len() > 7 {
            return Err(MoneyError::TooLarge);
        }
        let yuan: u64 = whole.parse().unwrap_or(0);
        // Digits only, checked above: `5` is 50 fen, `05` is 5.
        let fen: u64 = frac.parse::<u64>().unwrap_or(0) * if frac.len() == 1 { 10 } else { 1 };
        let m = Money { fen: yuan * FEN_PER_YUAN + fen };
        if m > MAX {
            return Err(MoneyError::TooLarge);
        }
        Ok(m)
    }

    /// Two decimals unless whole: `15`, `15.50`, `15.25` (the printed notice's form).
    pub fn two_decimals(self) -> String {
        let (yuan, fen) = (self.fen / FEN_PER_YUAN, self.fen % FEN_PER_YUAN);
        if fen == 0 {
            yuan.to_string()
        } else {
            format!("{yuan}.{fen:02}")
        }
    }
}

/// The shortest exact form: `15`, `15.5`, `15.25` (the pages' and calendars' form).
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (yuan, fen) = (self.fen / FEN_PER_YUAN, self.fen % FEN_PER_YUAN);
        match (fen, fen % 10) {
            (0, _) => write!(f, "{yuan}"),
            (_, 0) => write!(f, "{yuan}.{}", fen / 10),
            _ => write!(f, "{yuan}.{fen:02}"),
        }
    }
}

/// `1e3`, `1.5E1`, `15e-2`: a decimal number with an exponent.
fn is_exponent_form(t: &str) -> bool {
    let Some((mantissa, exp)) = t.split_once(['e', 'E']) else { return false };
    let exp = exp.strip_prefix(['+', '-']).unwrap_or(exp);
    mantissa.bytes().any(|b| b.is_ascii_digit())
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !exp.is_empty()
        && exp.bytes().all(|b| b.is_ascii_digit())
}

/// Serialized as a number of yuan, as the `f64` it replaces was.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.yuan_f64())
    }
}

/// The amounts that break a total down in brackets right after it and add up to it:
/// `每人16元(摄像费15元,机读卡费1元)` — the 15 and the 1 are what the 16 is made of, not more to pay.
/// Or in the clauses after it that open with 其中: `每人收取35元,其中毕业证费用20元/人(教育厅代收),
/// 图像信息采集费用15元/人(新华社代收)`.
/// `amounts` are the amounts of `text` in order, each with its byte span; `total` says which amounts
/// are totals (the fee). Returns the indices, into `amounts`, of the parts.
pub fn parts_of_totals(text: &str, amounts: &[(usize, usize, Money)], total: impl Fn(Money) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, &(_, end, sum)) in amounts.iter().enumerate().filter(|(_, a)| total(a.2)) {
        let (mut inside, mut from, mut among) = (Vec::new(), end, false);
        for (j, &(start, e, _)) in amounts.iter().enumerate().skip(i + 1) {
            let between = text.get(from..start).unwrap_or("");
            // The first part opens the bracket (after `/人` or nothing); the others stay inside it.
            let opened = if inside.is_empty() {
                let rest = between.trim_start_matches(['/', '人', ' ']);
                among = rest.trim_start_matches([',', '，', ' ']).starts_with("其中") && rest.starts_with([',', '，']);
                (among || rest.starts_with(['(', '（']) && !between.contains([')', '）']))
                    && !between.contains('。')
                    && between.chars().count() <= 16
            } else if among {
                // (Each part in its own clause, a remark in brackets after it.)
                !between.contains(['。', '；', ';']) && between.chars().count() <= 24
            } else {
                !between.contains([')', '）', '。', '(', '（'])
            };
            if !opened {
                break;
            }
            inside.push(j);
            from = e;
        }
        let parts: u64 = inside.iter().map(|&j| amounts[j].2.fen).sum();
        if inside.len() >= 2 && parts == sum.fen {
            out.extend(inside);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use MoneyError::*;

    #[test]
    fn amounts_are_read_exactly_as_written() {
        for (text, want) in [
            ("15", Ok(1500)),
            ("15.5", Ok(1550)),
            ("15.50", Ok(1550)),
            ("15.05", Ok(1505)),
            ("15.0", Ok(1500)),
            ("15.00", Ok(1500)),
            ("0", Ok(0)),
            ("0.01", Ok(1)),
            ("0.1", Ok(10)),
            ("015", Ok(1500)),
            (" 25 ", Ok(2500)),
            ("25元", Ok(2500)),
            ("25 元", Ok(2500)),
            ("100000", Ok(10_000_000)),
            ("100000.00", Ok(10_000_000)),
            // 0.29 is 0.28999… as a float: fen are never rounded through one.
            ("0.29", Ok(29)),
            ("1.15", Ok(115)),
            ("15.001", Err(TooManyDecimals)),
            ("15.000", Err(TooManyDecimals)),
            ("15.999", Err(TooManyDecimals)),
            ("0.005", Err(TooManyDecimals)),
            ("-15", Err(Negative)),
            ("-0.5", Err(Negative)),
            ("−15", Err(Negative)),
            ("1e3", Err(Exponent)),
            ("1.5E1", Err(Exponent)),
            ("15e-2", Err(Exponent)),
            ("NaN", Err(NotANumber)),
            ("nan", Err(NotANumber)),
            ("inf", Err(NotANumber)),
            ("-inf", Err(Negative)),
            ("Infinity", Err(NotANumber)),
            ("", Err(NotANumber)),
            ("元", Err(NotANumber)),
            ("-", Err(NotANumber)),
            ("+15", Err(NotANumber)),
            ("15.", Err(NotANumber)),
            (".5", Err(NotANumber)),
            ("1.2.3", Err(NotANumber)),
            ("1,000", Err(NotANumber)),
            ("1_000", Err(NotANumber)),
            ("0x10", Err(NotANumber)),
            ("１５", Err(NotANumber)),
            ("十五", Err(NotANumber)),
            ("100000.01", Err(TooLarge)),
            ("999999999999999999999999", Err(TooLarge)),
        ] {
            assert_eq!(Money::parse(text).map(Money::fen), want, "{text:?}");
        }
    }

    #[test]
    fn printed_as_the_f64_fee_was() {
        // What `format_amount` (pages, calendars, releases) and the PDF printed for the f64.
        for (fen, shortest, two) in [
            (1500, "15", "15"),
            (1550, "15.5", "15.50"),
            (1505, "15.05", "15.05"),
            (1525, "15.25", "15.25"),
            (0, "0", "0"),
            (5, "0.05", "0.05"),
            (50, "0.5", "0.50"),
            (10_000_000, "100000", "100000"),
        ] {
            let m = Money::from_fen(fen);
            assert_eq!((m.to_string(), m.two_decimals()), (shortest.to_string(), two.to_string()), "{fen}");
            let f = m.yuan_f64();
            let old_page = if f.fract() == 0.0 { format!("{}", f as i64) } else { format!("{f:.2}").trim_end_matches('0').to_string() };
            let old_pdf = if f.fract() == 0.0 { format!("{}", f as i64) } else { format!("{f:.2}") };
            assert_eq!((old_page, old_pdf), (shortest.to_string(), two.to_string()), "{fen}");
        }
    }

    #[test]
    fn serialized_as_the_f64_it_replaces() {
        for text in ["15", "15.5", "0.29", "1.15", "99999.99"] {
            let m = Money::parse(text).expect("valid");
            let f: f64 = text.parse().expect("float");
            assert_eq!(serde_json::to_string(&m).expect("json"), serde_json::to_string(&f).expect("json"), "{text}");
        }
    }
}
