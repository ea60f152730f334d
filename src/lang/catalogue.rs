//! The Fluent catalogues (`src/lang/*.ftl`, compiled in) and each language's CLDR formats,
//! made once per thread (the texts without arguments once per process): a message's text, and a message filled with arguments whose counts stay
//! numbers so that Fluent picks each language's plural form.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

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

/// One language's bundle, made once per thread (a Fluent bundle is not shared between threads).
type Bundle = FluentBundle<FluentResource>;

thread_local! {
    static BUNDLES: RefCell<[Option<Rc<Bundle>>; 6]> = const { RefCell::new([None, None, None, None, None, None]) };
    static CLDR: RefCell<[Option<Rc<Cldr>>; 6]> = const { RefCell::new([None, None, None, None, None, None]) };
}

/// The text of every message without arguments, per language, made once per process: what
/// [`text`] hands out as `&'static str` is leaked once, not once per thread.
static PLAIN: [OnceLock<Vec<&'static str>>; 6] = [const { OnceLock::new() }; 6];

/// The language's bundle in this thread, made on first use.
fn bundle(lang: Lang) -> Rc<Bundle> {
    let i = lang.index();
    if let Some(found) = BUNDLES.with(|b| b.borrow()[i].clone()) {
        return found;
    }
    let made = Rc::new(make(lang));
    BUNDLES.with(|b| b.borrow_mut()[i] = Some(made.clone()));
    made
}

fn make(lang: Lang) -> Bundle {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Placeables are not wrapped in bidi isolation marks: none of the languages is written
    // right to left, and the marks would reach copied text and the CSV export's labels.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(FORMATTERS[lang.index()]));
    // The build checked every file (build.rs); a resource that still fails keeps what parsed.
    let resource = FluentResource::try_new(SOURCES[lang.index()].to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

fn render(bundle: &Bundle, msg: Msg, args: Option<&FluentArgs>) -> String {
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
    let plain = PLAIN[lang.index()].get_or_init(|| {
        let bundle = bundle(lang);
        Msg::ALL.iter().map(|m| &*Box::leak(render(&bundle, *m, None).into_boxed_str())).collect()
    });
    plain[msg as usize]
}

/// Runs `f` with the language's CLDR formats, made once per thread apart from the bundles (the
/// bundles' number formatter uses them).
pub(super) fn with_cldr<T>(lang: Lang, f: impl FnOnce(&Cldr) -> T) -> T {
    let i = lang.index();
    let cldr = match CLDR.with(|c| c.borrow()[i].clone()) {
        Some(found) => found,
        None => {
            let made = Rc::new(Cldr::new(lang.code()));
            CLDR.with(|c| c.borrow_mut()[i] = Some(made.clone()));
            made
        }
    };
    f(&cldr)
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
    render(&bundle(lang), msg, Some(&fluent))
}

/// The names arguments take in the catalogue, by position.
const VARIABLES: [&str; 10] = ["v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"];
