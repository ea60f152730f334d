//! The Fluent catalogues (`src/lang/*.ftl`, compiled in) and each language's CLDR formats,
//! made once per thread: a message's text, and a message filled with arguments whose counts stay
//! numbers so that Fluent picks each language's plural form.

use std::cell::RefCell;

use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use super::cldr::Cldr;
use super::{Arg, Lang, Msg};

/// The catalogue files, in [`Lang::ALL`]'s order.
const SOURCES: [&str; 6] = [
    include_str!("en.ftl"),
    include_str!("de.ftl"),
    include_str!("nl.ftl"),
    include_str!("fr.ftl"),
    include_str!("es.ftl"),
    include_str!("ja.ftl"),
];

/// One language: its bundle, the text of every message without arguments, and its formats.
struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    plain: Vec<&'static str>,
    cldr: Cldr,
}

thread_local! {
    static CATALOGUES: RefCell<[Option<&'static Catalogue>; 6]> = const { RefCell::new([None; 6]) };
}

/// The language's catalogue, made on first use in this thread and kept for its life.
fn catalogue(lang: Lang) -> &'static Catalogue {
    CATALOGUES.with(|c| {
        let i = lang.index();
        if let Some(found) = c.borrow()[i] {
            return found;
        }
        let made: &'static Catalogue = Box::leak(Box::new(make(lang)));
        c.borrow_mut()[i] = Some(made);
        made
    })
}

fn make(lang: Lang) -> Catalogue {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Placeables are not wrapped in bidi isolation marks: none of the languages is written
    // right to left, and the marks would reach copied text and the CSV export's labels.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(FORMATTERS[lang.index()]));
    // The build checked every file (build.rs); a resource that still fails keeps what parsed.
    let resource = FluentResource::try_new(SOURCES[lang.index()].to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    let mut catalogue = Catalogue { bundle, plain: Vec::new(), cldr: Cldr::new(lang.code()) };
    catalogue.plain = Msg::ALL.iter().map(|m| &*Box::leak(render(&catalogue.bundle, *m, None).into_boxed_str())).collect();
    catalogue
}

fn render(bundle: &FluentBundle<FluentResource>, msg: Msg, args: Option<&FluentArgs>) -> String {
    let Some(pattern) = bundle.get_message(msg.id()).and_then(|m| m.value()) else {
        return msg.id().to_string();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// How numbers given to Fluent are written, one function per language: counts with the
/// language's grouping, plain numbers (line numbers, years) as digits.
type Formatter = fn(&FluentValue, &intl_memoizer::IntlLangMemoizer) -> Option<String>;
const FORMATTERS: [Formatter; 6] = [numbers::<0>, numbers::<1>, numbers::<2>, numbers::<3>, numbers::<4>, numbers::<5>];

fn numbers<const L: usize>(value: &FluentValue, _: &intl_memoizer::IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.options.use_grouping => Some(Lang::ALL[L].thousands(n.value as u64)),
        FluentValue::Number(n) => Some(format!("{}", n.value as u64)),
        _ => None,
    }
}

/// A message's text.
pub(super) fn text(lang: Lang, msg: Msg) -> &'static str {
    catalogue(lang).plain[msg as usize]
}

/// The language's CLDR formats.
pub(super) fn cldr(lang: Lang) -> &'static Cldr {
    &catalogue(lang).cldr
}

/// A message filled with `args` as `$v0`, `$v1`, ...
pub(super) fn format(lang: Lang, msg: Msg, args: &[Arg]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (i, a) in args.iter().enumerate() {
        let value: FluentValue = match a {
            Arg::Text(t) => FluentValue::from(t.clone()),
            Arg::Count(n) => FluentValue::Number(FluentNumber::new(*n as f64, FluentNumberOptions::default())),
            Arg::Number(n) => FluentValue::Number(FluentNumber::new(*n as f64, FluentNumberOptions { use_grouping: false, ..Default::default() })),
            Arg::Gigabytes(b) => FluentValue::from(lang.decimal(*b as f64 / 1e9, 1)),
            Arg::Said(s) => FluentValue::from(lang.say(s)),
        };
        fluent.set(VARIABLES.get(i).copied().unwrap_or("v9"), value);
    }
    render(&catalogue(lang).bundle, msg, Some(&fluent))
}

/// The names arguments take in the catalogue, by position.
const VARIABLES: [&str; 10] = ["v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"];
