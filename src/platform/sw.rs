//! The service worker: registration, and "a new version is ready".
//!
//! The worker itself (`public/sw.js`, filled in at build time) precaches
//! the build so the app opens with no signal. A new build waits until the
//! client chooses to update, so code never changes under them mid-task.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The message the worker listens for before it takes over.
const SKIP_WAITING: &str = "skip-waiting";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on plain http other than localhost, and in some private modes.
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    has.then(|| navigator.service_worker())
}

/// Registers the worker. Calls `on_update_ready` when a new version has
/// been fully downloaded and is waiting, but only if an older version is
/// running this page (the very first install is not an "update").
pub async fn register(on_update_ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    let Ok(reg) = JsFuture::from(container.register("/sw.js")).await else {
        return;
    };
    let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
        return;
    };
    if reg.waiting().is_some() && container_controlled() {
        on_update_ready();
    }
    let reg_for_found = reg.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg_for_found.installing() else {
            return;
        };
        let worker = installing.clone();
        let ready = on_update_ready.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && container_controlled() {
                ready();
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // The worker object lives as long as the page; so may its handler.
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

fn container_controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Switches to the waiting version and reloads once it has taken over.
pub async fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let Ok(reg) = JsFuture::from(container.get_registration()).await else {
        return;
    };
    let Some(waiting) = reg
        .dyn_into::<ServiceWorkerRegistration>()
        .ok()
        .and_then(|r| r.waiting())
    else {
        reload();
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(reload);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    post_skip_waiting(&waiting);
}

fn post_skip_waiting(worker: &ServiceWorker) {
    let _ = worker.post_message(&JsValue::from_str(SKIP_WAITING));
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
