//! How each language writes numbers, shares and days, by CLDR's rules from ICU4X's compiled
//! data: grouping and decimal signs, percent patterns, month names and orders, the first day of
//! the week. Nothing here is written per language.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{MD, YMD};
use icu_datetime::options::YearStyle;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;

/// One language's formatters, made once per thread.
pub(super) struct Cldr {
    decimal: Option<DecimalFormatter>,
    percent: Option<PercentFormatter<DecimalFormatter>>,
    long_day: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    table_day: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    short_day: Option<FixedCalendarDateTimeFormatter<Gregorian, MD>>,
    first_weekday: Weekday,
}

impl Cldr {
    /// The formatters of a locale (`en`, `nl`, ...). Compiled data holds every language the
    /// interface speaks; a formatter that cannot be made falls back to plain digits and ISO days.
    pub(super) fn new(code: &str) -> Cldr {
        let locale = Locale::from_str(code).unwrap_or(Locale::UNKNOWN);
        let first_weekday = icu_calendar::week::WeekInformation::try_new((&locale).into()).map_or(Weekday::Mon, |w| match w.first_weekday {
            icu_calendar::types::Weekday::Sunday => Weekday::Sun,
            icu_calendar::types::Weekday::Saturday => Weekday::Sat,
            _ => Weekday::Mon,
        });
        Cldr {
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            percent: PercentFormatter::try_new((&locale).into(), Default::default()).ok(),
            long_day: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::medium()).ok(),
            table_day: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::short().with_year_style(YearStyle::Full)).ok(),
            short_day: FixedCalendarDateTimeFormatter::try_new((&locale).into(), MD::medium()).ok(),
            first_weekday,
        }
    }

    /// A whole number with the language's grouping: `12,345`, `12.345`, `12 345`, `1234` (es).
    pub(super) fn integer(&self, n: u64) -> String {
        match &self.decimal {
            Some(f) => f.format(&Decimal::from(n)).to_string(),
            None => n.to_string(),
        }
    }

    /// A number rounded to `places` decimals, with the language's signs.
    pub(super) fn decimal(&self, value: f64, places: usize) -> String {
        match (&self.decimal, fixed(value, places)) {
            (Some(f), Some(d)) => f.format(&d).to_string(),
            _ => format!("{value:.places$}"),
        }
    }

    /// A value in percent rounded to `places` decimals: `25%`, `25 %`, `25 %`.
    pub(super) fn percent(&self, value: f64, places: usize) -> String {
        match (&self.percent, fixed(value, places)) {
            (Some(f), Some(d)) => f.format(&d).to_string(),
            _ => format!("{value:.places$}%"),
        }
    }

    /// A day with the month abbreviated, for sentences: `Mar 2, 2026`, `2 mrt 2026`.
    pub(super) fn long_day(&self, d: NaiveDate) -> String {
        day_with!(self.long_day, d)
    }

    /// A day in digits with the whole year, for table cells: `3/2/2026`, `02.03.2026`.
    pub(super) fn table_day(&self, d: NaiveDate) -> String {
        day_with!(self.table_day, d)
    }

    /// A day without its year, for chart axes: `Mar 2`, `02.03.`, `2 mrt`, `03/02`.
    pub(super) fn short_day(&self, d: NaiveDate) -> String {
        day_with!(self.short_day, d)
    }

    /// The day a week starts on where the language is spoken (CLDR's default region).
    pub(super) fn first_weekday(&self) -> Weekday {
        self.first_weekday
    }
}

/// A value rounded half away from zero to `places` decimals, as `format!` rounds it, with its
/// trailing zeros kept (`2.50`).
fn fixed(value: f64, places: usize) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::from_str(&format!("{value:.places$}")).ok()
}

/// A day as ICU4X's Gregorian date.
fn gregorian(d: NaiveDate) -> Option<Date<Gregorian>> {
    let (month, day) = (u8::try_from(d.month()).ok()?, u8::try_from(d.day()).ok()?);
    Date::try_new_gregorian(d.year(), month, day).ok()
}

/// A day by one of the formatters, or as ISO when it has none.
macro_rules! day_with {
    ($formatter:expr, $d:expr) => {
        match (&$formatter, gregorian($d)) {
            (Some(f), Some(date)) => f.format(&date).to_string(),
            _ => $d.format("%Y-%m-%d").to_string(),
        }
    };
}
use day_with;
