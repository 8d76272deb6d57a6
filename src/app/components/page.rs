//! [`Page`]: the main heading and tab title every page has.

use leptos::prelude::*;

use crate::platform::page;

/// The id of every page's main heading, which receives focus when the
/// page changes so screen reader users hear where they are.
pub const HEADING_ID: &str = "page-heading";

/// A page: sets the tab title and shows the main heading.
#[component]
pub fn Page(
    /// The heading, also used for the tab title.
    title: String,
    /// A different tab title, where the heading is personal: tab titles
    /// are kept in the browser's history, which others may see.
    #[prop(optional)]
    tab_title: Option<&'static str>,
    /// The page content under the heading.
    children: Children,
) -> impl IntoView {
    page::set_title(tab_title.unwrap_or(&title));
    view! {
        <h1 id=HEADING_ID tabindex="-1">{title}</h1>
        {children()}
    }
}
