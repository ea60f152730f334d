//! The interface's languages: every label and sentence of the views, insights and charts
//! ([`Msg`], worded by the Fluent catalogues in `src/lang/*.ftl`), how each language writes
//! numbers, shares and days by CLDR's rules ([`Lang`]), and which language to use given a host's
//! option, a page parameter or the browser's list.
//!
//! The core says what happened to a file (why it cannot be used, why a row was skipped, a
//! warning) as a [`Said`]: a message and its arguments, worded in a language only when a view
//! shows it, so parsers never know which language the reader speaks.

use std::fmt::Display;

use chrono::NaiveDate;

use crate::model::Direction;
use crate::tls::Tls;

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
    /// Dutch: the language of the Microsoft page Mailflow rebuilds.
    Nl,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Japanese.
    Ja,
}

mod catalogue;
mod cldr;

include!(concat!(env!("OUT_DIR"), "/msg.rs"));

/// One argument of a [`Said`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    /// Text as it is: a name, a cell's value, a library's own error.
    Text(String),
    /// A count, written the language's way (`1,234` / `1.234`).
    Count(u64),
    /// A number as it is, without separators (a line or column number, a year, a status).
    Number(u64),
    /// A size in bytes, written in GB with one decimal.
    Gigabytes(u64),
    /// Another message.
    Said(Box<Said>),
}

/// Something Mailflow says to the person who dropped a file: a message and its arguments,
/// worded in a language only when shown ([`Lang::say`]; `to_string` gives English).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Said {
    /// What is said.
    pub msg: Msg,
    /// What fills its `{0}`, `{1}`, ...
    pub args: Vec<Arg>,
}

impl Said {
    /// A message with no arguments yet.
    pub fn new(msg: Msg) -> Said {
        Said { msg, args: Vec::new() }
    }

    /// Adds text as it is.
    pub fn text(mut self, text: impl Into<String>) -> Said {
        self.args.push(Arg::Text(text.into()));
        self
    }

    /// Adds a count, written the language's way.
    pub fn count(mut self, n: impl TryInto<u64>) -> Said {
        self.args.push(Arg::Count(n.try_into().unwrap_or(u64::MAX)));
        self
    }

    /// Adds a number as it is (a line number, a status code).
    pub fn number(mut self, n: impl TryInto<u64>) -> Said {
        self.args.push(Arg::Number(n.try_into().unwrap_or(u64::MAX)));
        self
    }

    /// Adds another message.
    pub fn said(mut self, said: impl Into<Said>) -> Said {
        self.args.push(Arg::Said(Box::new(said.into())));
        self
    }

    /// Adds a size in bytes, said in GB.
    pub fn gigabytes(mut self, bytes: u64) -> Said {
        self.args.push(Arg::Gigabytes(bytes));
        self
    }
}

impl From<Msg> for Said {
    fn from(msg: Msg) -> Said {
        Said::new(msg)
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.say(self))
    }
}

impl Lang {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Nl, Lang::Fr, Lang::Es, Lang::Ja];

    /// The language's code, as in `lang` attributes and the `language` option: `en`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ja => "ja",
        }
    }

    /// The language's name in itself, for a picker: `English`, `Deutsch`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Nl => "Nederlands",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ja => "日本語",
        }
    }

    /// The language's place in [`Lang::ALL`].
    fn index(self) -> usize {
        self as usize
    }

    /// The language a BCP 47 tag asks for (`de`, `de-CH`, `en_GB`, `EN`), if the interface
    /// speaks it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first language of a preference list (explicit choices first, then the browser's
    /// languages) that the interface speaks; English when none is.
    pub fn choose<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        preferences.into_iter().find_map(Lang::parse).unwrap_or_default()
    }

    /// A message's text (a message with placeholders shows them unfilled).
    pub fn t(self, msg: Msg) -> &'static str {
        catalogue::text(self, msg)
    }

    /// A message with its `$v0`, `$v1`, ... filled with `args`, as text.
    pub fn fill(self, msg: Msg, args: &[&dyn Display]) -> String {
        let args: Vec<Arg> = args.iter().map(|a| Arg::Text(a.to_string())).collect();
        catalogue::format(self, msg, &args)
    }

    /// What the core said, in this language: counts are numbers to the catalogue, so that each
    /// language picks its own plural form.
    pub fn say(self, said: &Said) -> String {
        catalogue::format(self, said.msg, &said.args)
    }

    /// `1234567` with the language's grouping: `1,234,567`, `1.234.567`, `1 234 567`.
    pub fn thousands(self, n: u64) -> String {
        catalogue::with_cldr(self, |c| c.integer(n))
    }

    /// A count with its noun in the language's plural form: `1 message`, `1.024 Nachrichten`.
    /// `noun` is a message that selects on `$v0` (Messages, Deliveries, ...).
    pub fn count(self, n: u64, noun: Msg) -> String {
        format!("{} {}", self.thousands(n), self.noun(n, noun))
    }

    /// The noun for `n` things without the number (the view shows the number apart).
    pub fn noun(self, n: u64, noun: Msg) -> String {
        catalogue::format(self, noun, &[Arg::Count(n)])
    }

    /// A number with `places` decimals: `2.5`, `2,5`.
    pub fn decimal(self, value: f64, places: usize) -> String {
        catalogue::with_cldr(self, |c| c.decimal(value, places))
    }

    /// A value in percent with `places` decimals, by the language's pattern: `25%`, `25 %`
    /// (German, Spanish: no-break space), `25 %` (French).
    pub fn percent_value(self, value: f64, places: usize) -> String {
        catalogue::with_cldr(self, |c| c.percent(value, places))
    }

    /// A share with one decimal (`97.9%`, `97,9 %`), or `–` when there is none.
    pub fn percent(self, share: Option<f64>) -> String {
        match share {
            Some(s) => self.percent_value(s, 1),
            None => "–".to_string(),
        }
    }

    /// A threshold as few digits as it needs (`25%`, `12,5 %`).
    pub fn threshold(self, t: f64) -> String {
        self.percent_value(t, if t.fract() == 0.0 { 0 } else { 1 })
    }

    /// A day for chart axes and tooltips: `Nov 20`, `20.11.`, `20 nov`, `11/20`.
    pub fn short_day(self, d: NaiveDate) -> String {
        catalogue::with_cldr(self, |c| c.short_day(d))
    }

    /// A day for sentences: `Nov 20, 2026`, `20.11.2026`, `20 nov 2026`.
    pub fn long_day(self, d: NaiveDate) -> String {
        catalogue::with_cldr(self, |c| c.long_day(d))
    }

    /// A day in a table cell: `11/20/2026`, `20.11.2026`, `2026/11/20`.
    pub fn table_day(self, d: NaiveDate) -> String {
        catalogue::with_cldr(self, |c| c.table_day(d))
    }

    /// The day a week starts on for readers of this language (Sunday in English and Japanese,
    /// Monday in the others, by CLDR's default regions).
    pub fn first_weekday(self) -> chrono::Weekday {
        catalogue::with_cldr(self, |c| c.first_weekday())
    }

    /// A direction's name.
    pub fn direction(self, d: Direction) -> &'static str {
        self.t(match d {
            Direction::Inbound => Msg::Inbound,
            Direction::Outbound => Msg::Outbound,
            Direction::IntraOrg => Msg::IntraOrg,
        })
    }

    /// A TLS value's name: the versions read the same in every language.
    pub fn tls(self, t: Tls) -> &'static str {
        match t {
            Tls::None => self.t(Msg::NoTls),
            Tls::Unknown => self.t(Msg::Unknown),
            other => other.label(),
        }
    }

    /// The name of a transit security level.
    pub fn level(self, level: crate::security::Level) -> &'static str {
        use crate::security::Level;
        self.t(match level {
            Level::Verified => Msg::LevelVerified,
            Level::Encrypted => Msg::LevelEncrypted,
            Level::NoTls => Msg::NoTls,
            Level::Unknown => Msg::LevelUnknown,
        })
    }

    /// A size in bytes as `12.3 MB` or `2.05 GB` (`12,3 Mo` in French), with a no-break space.
    pub fn megabytes(self, bytes: f64) -> String {
        if bytes >= 1e9 {
            self.fill(Msg::SizeGb, &[&self.decimal(bytes / 1e9, 2)])
        } else {
            self.fill(Msg::SizeMb, &[&self.decimal(bytes / 1e6, 1)])
        }
    }

    /// Makes the language's formatters (its CLDR data and message bundle) now, while the page is
    /// idle: made on first use, they took 10-20 ms of the task in which the first file was chosen.
    pub fn warm(self) {
        let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap_or_default();
        self.fill(Msg::ProgressOf, &[&self.percent_value(1.0, 0), &self.megabytes(1e6), &self.megabytes(2e9)]);
        self.count(1, Msg::Deliveries);
        self.percent(Some(0.5));
        self.long_day(day);
        self.table_day(day);
        self.short_day(day);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_worded_in_every_language() {
        // build.rs refuses a catalogue that misses a message or changes its placeholders; here
        // every text is non-empty, keeps spacing to the view, and is really translated (a
        // language may keep a few terms as they are: TLS, Details, Volume, ...).
        for lang in Lang::ALL {
            let mut same = Vec::new();
            for m in Msg::ALL {
                let text = lang.t(*m);
                assert!(!text.trim().is_empty(), "{lang:?} {m:?} is empty");
                assert_eq!(text.trim(), text, "{lang:?} {m:?}: spacing belongs in the view");
                assert!(!text.contains('\u{2068}'), "{lang:?} {m:?}: no isolation marks");
                // Patterns with no word of their own (`{ $v0 } MB`, `{ $v0 } { $v1 }`) may match.
                let english = Lang::En.t(*m);
                let worded = english.split(['{', '}']).step_by(2).any(|part| part.chars().filter(|c| c.is_alphabetic()).count() >= 4);
                if lang != Lang::En && text == english && worded {
                    same.push(*m);
                }
            }
            assert!(same.len() <= 10, "{lang:?} leaves {} messages in English: {same:?}", same.len());
        }
    }

    #[test]
    fn fills_arguments_in_the_language_order() {
        assert_eq!(Lang::En.fill(Msg::ProgressOf, &[&"37%", &"1.2 MB", &"3.0 MB"]), "37% · 1.2 MB of 3.0 MB");
        assert_eq!(Lang::De.fill(Msg::RemoveFile, &[&"a.csv"]), "a.csv entfernen");
        assert_eq!(Lang::En.fill(Msg::RemoveFile, &[&"{ $v1 } a.csv"]), "Remove { $v1 } a.csv", "arguments are not filled again");
        assert!(Lang::Ja.fill(Msg::RemoveFile, &[&"a.csv"]).contains("a.csv"));
    }

    /// CLDR's own examples: grouping and decimal signs, Spanish grouping only from five digits,
    /// French grouping with a narrow no-break space.
    #[test]
    fn numbers_follow_cldr_in_each_language() {
        let cases = [
            (Lang::En, "12,345.6", "1,234.5"),
            (Lang::De, "12.345,6", "1.234,5"),
            (Lang::Nl, "12.345,6", "1.234,5"),
            (Lang::Fr, "12\u{202f}345,6", "1\u{202f}234,5"),
            (Lang::Es, "12.345,6", "1234,5"),
            (Lang::Ja, "12,345.6", "1,234.5"),
        ];
        for (lang, five, four) in cases {
            assert_eq!((lang.decimal(12345.6, 1).as_str(), lang.decimal(1234.5, 1).as_str()), (five, four), "{lang:?}");
        }
        assert_eq!([0, 999, 1000, 1234567].map(|n| Lang::En.thousands(n)), ["0", "999", "1,000", "1,234,567"]);
        assert_eq!(Lang::Es.thousands(1234567), "1.234.567");
        assert_eq!(Lang::En.decimal(2.5, 2), "2.50", "trailing zeros are kept");
        assert_eq!(Lang::De.decimal(0.05, 1), "0,1", "rounded as format! rounds");
        assert_eq!((Lang::De.megabytes(2.5e6), Lang::Fr.megabytes(2.5e9)), ("2,5\u{a0}MB".to_string(), "2,50\u{a0}Go".to_string()));
    }

    #[test]
    fn percentages_follow_cldr_in_each_language() {
        let shares = Lang::ALL.map(|l| l.percent(Some(97.94)));
        assert_eq!(shares, ["97.9%", "97,9\u{a0}%", "97,9%", "97,9\u{a0}%", "97,9\u{a0}%", "97.9%"]);
        assert_eq!(Lang::De.percent(None), "–");
        assert_eq!((Lang::En.threshold(25.0), Lang::De.threshold(12.5)), ("25%".into(), "12,5\u{a0}%".into()));
        assert_eq!(Lang::Fr.percent_value(1234.0, 0), "1\u{202f}234\u{a0}%");
    }

    #[test]
    fn plural_forms_of_message_in_each_language() {
        let forms = |lang: Lang| [0, 1, 2, 5, 1_000_000].map(|n| lang.count(n, Msg::Messages));
        assert_eq!(forms(Lang::En), ["0 messages", "1 message", "2 messages", "5 messages", "1,000,000 messages"]);
        assert_eq!(forms(Lang::De), ["0 Nachrichten", "1 Nachricht", "2 Nachrichten", "5 Nachrichten", "1.000.000 Nachrichten"]);
        assert_eq!(forms(Lang::Nl)[1], "1 bericht");
        assert_eq!(forms(Lang::Nl)[2], "2 berichten");
        // French: 0 and 1 take the singular.
        let fr = forms(Lang::Fr);
        assert_eq!((fr[0].as_str(), fr[1].as_str(), fr[2].as_str()), ("0 message", "1 message", "2 messages"));
        assert_eq!(fr[4], "1\u{202f}000\u{202f}000 messages", "CLDR's `many` falls back to the plural");
        let es = forms(Lang::Es);
        assert_eq!((es[0].as_str(), es[1].as_str(), es[2].as_str()), ("0 mensajes", "1 mensaje", "2 mensajes"));
        // Japanese has one form.
        let ja = forms(Lang::Ja);
        assert_eq!(ja[1].strip_prefix("1 "), ja[2].strip_prefix("2 "), "{ja:?}");
        // A sentence that selects on its count.
        let one = Said::new(Msg::WhySkipped).count(1u64).number(1u64);
        let many = Said::new(Msg::WhySkipped).count(1234u64).number(20u64);
        assert_eq!((Lang::En.say(&one), Lang::En.say(&many)), ("Why 1 row was skipped".into(), "Why 1,234 rows were skipped (first 20)".into()));
        assert_eq!(Lang::De.say(&many), "Warum 1.234 Zeilen übersprungen wurden (die ersten 20)");
        // Sentences about a file choose their form by their count too.
        let lines = |n: u64| Lang::En.say(&Said::new(Msg::LogOtherLines).count(n));
        assert!(lines(1).starts_with("1 line was not a delivery") && lines(2).starts_with("2 lines were not deliveries"));
        let only = Said::new(Msg::NoRowUsable).count(1u64).number(2u64).said(Msg::RowNoRecipient);
        assert_eq!(Lang::En.say(&only), "its only row could not be used; the problem is on line 2: the row has no recipient");
        assert!(Lang::Fr.say(&Said::new(Msg::BeforeLog).count(1u64)).starts_with("1 remise appartient"));
    }

    #[test]
    fn days_follow_cldr_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(Lang::ALL.map(|l| l.long_day(d)), ["Mar 2, 2026", "02.03.2026", "2 mrt 2026", "2 mars 2026", "2 mar 2026", "2026/03/02"]);
        assert_eq!(Lang::ALL.map(|l| l.short_day(d)), ["Mar 2", "02.03.", "2 mrt", "2 mars", "2 mar", "03/02"]);
        assert_eq!(Lang::ALL.map(|l| l.table_day(d)), ["3/2/2026", "02.03.2026", "02-03-2026", "02/03/2026", "2/3/2026", "2026/03/02"]);
        use chrono::Weekday::{Mon, Sun};
        assert_eq!(Lang::ALL.map(|l| l.first_weekday()), [Sun, Mon, Mon, Mon, Mon, Sun]);
        assert_eq!((Lang::De.direction(Direction::Inbound), Lang::De.tls(Tls::None), Lang::De.tls(Tls::V1_3)), ("Eingehend", "Kein TLS", "TLS 1.3"));
    }

    #[test]
    fn what_the_core_said_is_worded_in_each_language() {
        let reason = Said::new(Msg::DateUnreadable).text("gestern");
        let said = Said::new(Msg::NoRowUsable).count(1234u64).number(1234u64).said(reason);
        assert_eq!(said.to_string(), "none of its 1,234 rows could be used; the first problem is on line 1234: date \"gestern\" is not a date Mailflow reads");
        assert_eq!(
            Lang::De.say(&said),
            "Keine der 1.234 Zeilen war verwendbar; das erste Problem steht in Zeile 1234: „gestern“ ist kein Datum, das Mailflow lesen kann"
        );
        for lang in Lang::ALL {
            let text = lang.say(&said);
            assert!(text.contains("gestern") && text.contains("1234") && !text.contains("$v"), "{lang:?}: {text}");
        }
        let big = Said::new(Msg::TooBigWhole).gigabytes(1_234_000_000).said(Msg::ZipArchives);
        assert!(Lang::De.say(&big).starts_with("Die Datei ist 1,2 GB groß; Mailflow liest ZIP-Archive im Ganzen"), "{}", Lang::De.say(&big));
        assert!(big.to_string().starts_with("the file is 1.2 GB; Mailflow reads zip archives whole"));
    }

    #[test]
    fn chooses_the_first_spoken_language() {
        assert_eq!(Lang::parse("de-CH"), Some(Lang::De));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::parse("ja-JP"), Some(Lang::Ja));
        assert_eq!(Lang::parse("it"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::choose(["it-IT", "fr-CA", "en"]), Lang::Fr);
        assert_eq!(Lang::choose(["it", "pt"]), Lang::En);
        assert_eq!(Lang::choose([]), Lang::En);
    }
}
