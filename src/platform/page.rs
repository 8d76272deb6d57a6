//! Small document-level helpers: the page title, focus, performance marks.

use wasm_bindgen::JsCast;

/// Sets the browser tab's title, so each page is announced and findable.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{title} - Alongside"));
    }
}

/// Moves keyboard and screen reader focus to the element with `id`, if it
/// exists. Used after a page change and when an error summary appears.
pub fn focus_id(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Focuses the element with `id` once the next render has put it in the
/// page. One function for every caller, so the app carries one closure
/// type for this rather than one per call site.
pub fn focus_after_render(id: impl Into<std::borrow::Cow<'static, str>>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || focus_id(&id));
}

/// Records a named moment on the performance timeline, for the benchmark
/// and tests (`performance.getEntriesByName(name)`).
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Removes the first screen that `index.html` shows before the app has
/// started (`#first-screen`: the header and "Opening Alongside…"), once
/// the app has drawn its own.
pub fn remove_first_screen() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("first-screen"))
    {
        el.remove();
    }
}
