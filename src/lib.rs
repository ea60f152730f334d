//! Mailflow: a mail-flow TLS and connector report computed entirely in the browser.
//!
//! Data flows one way: bytes ([`decode`]) → detected format ([`detect`]) → a parser
//! ([`formats`]) → deliveries ([`model`]) → the [`aggregate`] with its windows, shares and
//! [`insights`] → [`chart`]s and [`export`] → the views in `ui` (compiled for the browser only),
//! worded in the user's language by [`lang`].
//! Files are read piece by piece by [`stream`] (in a Web Worker in the browser).
//! Everything but `ui` is pure Rust with no browser dependency and is tested natively.

// Untrusted text is never sliced at a computed byte offset (`&text[..n]` panics inside a
// character): the core uses `get`, `split_once`, `strip_prefix` or [`text::head`]. The one hot
// path that slices at ASCII bytes found by memchr says so where it allows it. Checked by
// `cargo clippy --lib` in scripts/test (unit tests may slice their own text).
#![cfg_attr(not(test), deny(clippy::string_slice))]

pub mod aggregate;
pub mod chart;
pub mod dates;
pub mod decode;
pub mod detect;
pub mod domains;
pub mod estate;
pub mod export;
pub mod flow_map;
pub mod formats;
pub mod insights;
pub mod lang;
pub mod load;
pub mod mailbox;
pub mod mapping;
pub mod messages;
pub mod model;
pub mod partner_table;
pub mod partners;
pub mod sample;
pub mod security;
pub mod split;
pub mod stream;
pub mod summary;
pub mod text;
pub mod warm;
pub mod unpack;
pub mod synth;
pub mod tls;
pub mod trend;
pub mod wire;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
#[allow(clippy::string_slice)]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
