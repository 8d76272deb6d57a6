//! The browser entry point. Natively there is nothing to run: the domain
//! and storage layers are exercised by `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // Local storage and the durable copy are brought together before
    // anything reads (docs/architecture.md "Durable saves").
    wasm_bindgen_futures::spawn_local(async {
        alongside::app::state::prepare().await;
        start();
    });
}

/// Draws the app. Kept out of the start-up's future, which would
/// otherwise carry a second copy of the mounting code.
#[cfg(target_arch = "wasm32")]
#[inline(never)]
fn start() {
    leptos::mount::mount_to_body(alongside::app::App);
    // The app now shows what the page's own first screen showed: swap them
    // in the same task, so the phone never paints a gap between the two.
    alongside::platform::page::remove_first_screen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Alongside runs in the browser. Build it with `scripts/build.sh`.");
}
