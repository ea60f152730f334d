//! The browser entry point: mounts the Mailflow app (the page is built by Trunk).
#[cfg(target_arch = "wasm32")]
fn main() {
    mailflow::ui::start();
}
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Mailflow runs in the browser: build and serve it with scripts/serve (see README.md).");
}
