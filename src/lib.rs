//! Alongside: an offline-first companion for people living with long-term
//! conditions, shared with their link worker on their terms.
//!
//! Layers, each depending only on those above it (see DESIGN.md):
//! 1. [`model`]: the domain, plain Rust types and rules.
//! 2. [`store::schema`] and [`share`]: the versioned storage format and
//!    migrations, and the calendar files.
//! 3. [`store`] and `platform`: storage and browser adapters behind traits.
//! 4. `app`: the Leptos user interface (built for the browser only).

pub mod model;
pub mod share;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod platform;
