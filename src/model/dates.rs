//! Time-bound access: the `from`/`until` window of a member, an assignment, a
//! per-client profile or an override, and the date access is judged on.
//!
//! `until` is the last day included, `from` the first. The date of judgement
//! is today's local date unless `--at` (or `ROSTER_AT`) names another; it is
//! set once for the process ([`set_judgement_date`]) and read by each
//! workspace when it is built ([`super::Workspace::at`]).

use crate::source::Span;
pub use jiff::civil::Date;
use std::sync::OnceLock;

/// An entry's `from`/`until`, and where they are written (the `until`, else
/// the `from`, for the diagnostics of `check`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub span: Span,
}

impl Window {
    /// Whether the entry is in effect on `date`: on or after `from`, on or before `until`.
    pub fn active_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
    /// Whether its `until` has passed on `date` (it will never be in effect again).
    pub fn expired_on(&self, date: Date) -> bool {
        self.until.is_some_and(|u| u < date)
    }
    /// "until 2026-03-31", "from 2026-01-05 until 2026-03-31", or "".
    pub fn describe(&self) -> String {
        match (self.from, self.until) {
            (Some(f), Some(u)) => format!("from {f} until {u}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(u)) => format!("until {u}"),
            (None, None) => String::new(),
        }
    }
}

/// Whether an optional window is in effect on `date` (no window: always).
pub fn active_on(w: Option<&Window>, date: Date) -> bool {
    w.is_none_or(|w| w.active_on(date))
}

static JUDGEMENT_DATE: OnceLock<Date> = OnceLock::new();

/// Sets the date access is judged on for this process (`--at`); once.
pub fn set_judgement_date(date: Date) {
    let _ = JUDGEMENT_DATE.set(date);
}

/// The date access is judged on: `--at`'s, else today's local date.
pub fn judgement_date() -> Date {
    *JUDGEMENT_DATE.get_or_init(today)
}

/// Today's date where the machine is.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// Parses `YYYY-MM-DD` (what `--at`, `--until` and `--from` take).
pub fn parse_date(s: &str) -> Result<Date, String> {
    let bad = || format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(bad()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()) else { return Err(bad()) };
    Date::new(y, m, d).map_err(|_| format!("`{s}` is not a day of the calendar: write an existing date as YYYY-MM-DD"))
}

/// The date as a packed number, for an atomic (see `Workspace::at`).
pub(crate) fn pack(d: Date) -> i32 {
    (d.year() as i32) << 9 | (d.month() as i32) << 5 | d.day() as i32
}

pub(crate) fn unpack(n: i32) -> Date {
    Date::new((n >> 9) as i16, ((n >> 5) & 0xf) as i8, (n & 0x1f) as i8).unwrap_or_else(|_| today())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_include_both_ends() {
        let d = |s| parse_date(s).expect("date");
        let w = Window { from: Some(d("2026-01-05")), until: Some(d("2026-03-31")), span: Span::default() };
        assert!(!w.active_on(d("2026-01-04")));
        assert!(w.active_on(d("2026-01-05")));
        assert!(w.active_on(d("2026-03-31")));
        assert!(!w.active_on(d("2026-04-01")));
        assert!(w.expired_on(d("2026-04-01")) && !w.expired_on(d("2026-03-31")));
        assert_eq!(unpack(pack(d("2026-02-28"))), d("2026-02-28"));
    }

    #[test]
    fn parse_date_says_the_form() {
        assert!(parse_date("tomorrow").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2026-02-30").unwrap_err().contains("not a day"));
        assert!(parse_date("2026-2-3").is_err());
    }
}
