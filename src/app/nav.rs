//! Navigation: a bar at the bottom of a phone screen, within reach of a
//! thumb, and a row of links in the header on wider screens.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A place in the app the navigation links to.
struct Place {
    href: &'static str,
    label: &'static str,
    icon: &'static str,
}

/// The four places in the phone's bottom bar, then the rest under "More".
/// At large text sizes the bar keeps only Today and a "Menu" that lists
/// every other place (see `.tab-bar` in the CSS), so nothing is ever cut
/// off or reached only by scrolling sideways.
const MAIN: [Place; 4] = [
    Place { href: "/", label: "Today", icon: "M3 11l9-8 9 8v10h-6v-6H9v6H3z" },
    Place {
        href: "/goals",
        label: "Goals",
        icon: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 4a6 6 0 1 1 0 12 6 6 0 0 1 0-12zm0 4a2 2 0 1 0 0 4 2 2 0 0 0 0-4z",
    },
    Place { href: "/diary", label: "Diary", icon: "M5 2h12a2 2 0 0 1 2 2v18H7a2 2 0 0 1-2-2zm3 4v2h8V6zm0 4v2h8v-2z" },
    Place {
        href: "/appointments",
        label: "Appointments",
        icon: "M7 2v2H4v18h16V4h-3V2h-2v2H9V2zm-1 8h12v10H6z",
    },
];

/// The client's other places. The link worker's review page is not here:
/// it is for someone else, and My data links to it.
const MORE: [Place; 3] = [
    Place {
        href: "/check-in",
        label: "Check-in",
        icon: "",
    },
    Place {
        href: "/share",
        label: "Share",
        icon: "",
    },
    Place {
        href: "/my-data",
        label: "My data",
        icon: "",
    },
];

fn is_current(path: &str, href: &str) -> bool {
    if href == "/" {
        path == "/"
    } else {
        path == href || path.starts_with(&format!("{href}/"))
    }
}

fn icon(d: &'static str) -> impl IntoView {
    view! {
        <svg class="tab-bar__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=d fill="currentColor" fill-rule="evenodd"></path>
        </svg>
    }
}

/// The items of a list of links, the current page marked for assistive
/// tech.
/// `class` goes on each item (so CSS can show some only at large text).
fn link_list(places: impl Iterator<Item = &'static Place>, class: &'static str) -> impl IntoView {
    let location = use_location();
    places
        .map(|p| {
            let href = p.href;
            view! {
                <li class=class>
                    <a
                        href=href
                        aria-current=move || {
                            is_current(&location.pathname.get(), href).then_some("page")
                        }
                    >
                        {p.label}
                    </a>
                </li>
            }
        })
        .collect_view()
}

/// The links in the header, shown on wide screens.
#[component]
pub fn HeaderNav() -> impl IntoView {
    view! {
        <nav class="header-nav" aria-label="Main">
            <ul>{link_list(MAIN.iter().chain(MORE.iter()), "")}</ul>
        </nav>
    }
}

/// The bar at the bottom of a phone screen. With ordinary text it shows
/// the four main places and "More"; at large text, Today and "Menu", whose
/// list then holds the main places too. Both are in the page: CSS picks
/// one, and the hidden one is out of the Tab order and the accessibility
/// tree.
#[component]
pub fn TabBar() -> impl IntoView {
    let location = use_location();
    let open = RwSignal::new(false);
    // Close the "More" list whenever the page changes.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let in_more = move || {
        let path = location.pathname.get();
        MORE.iter().any(|p| is_current(&path, p.href))
    };
    // At large text the menu also holds every main place but Today.
    let in_menu = move || {
        let path = location.pathname.get();
        MAIN[1..].iter().any(|p| is_current(&path, p.href)) || in_more()
    };
    view! {
        <nav
            class="tab-bar"
            aria-label="Main"
            on:keydown=move |ev| {
                // Escape closes the list from anywhere in the bar.
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                    crate::platform::page::focus_id("more-button");
                }
            }
        >

            <ul class="tab-bar__list">
                {MAIN
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let href = p.href;
                        view! {
                            <li class:tab-bar__main={i > 0}>
                                <a
                                    class="tab-bar__item"
                                    href=href
                                    aria-current=move || {
                                        is_current(&location.pathname.get(), href).then_some("page")
                                    }
                                >
                                    {icon(p.icon)}
                                    <span>{p.label}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <button
                        type="button"
                        class="tab-bar__item"
                        class:tab-bar__item--current-more=in_more
                        class:tab-bar__item--current-menu=in_menu
                        id="more-button"
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        aria-controls="more-menu"
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        {icon("M5 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z")}
                        <span class="tab-bar__more">"More"</span>
                        <span class="tab-bar__menu">"Menu"</span>
                    </button>
                </li>
            </ul>
            // After the button in reading and Tab order; CSS shows it above.
            <div class="more-menu" id="more-menu" hidden=move || !open.get()>
                <ul>
                    {link_list(MAIN[1..].iter(), "more-menu__main")}
                    {link_list(MORE.iter(), "")}
                </ul>
            </div>
        </nav>
    }
}
