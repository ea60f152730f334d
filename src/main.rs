//! The `mailflow` program: in the browser, the app (the page is built by Trunk); natively, the
//! command line that summarises an estate's logs with the same core ([`cli`]).
#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(target_arch = "wasm32")]
fn main() {
    mailflow::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main(std::env::args().skip(1).collect()));
}
