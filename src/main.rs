//! The browser entry point. Natively there is nothing to run: the domain
//! and storage layers are exercised by `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(alongside::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Alongside runs in the browser. Build it with `trunk build --release`.");
}
