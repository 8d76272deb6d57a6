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

const MORE: [Place; 4] = [
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
        href: "/review",
        label: "Review a summary",
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

/// A plain list of links, the current page marked for assistive tech.
fn link_list(places: impl Iterator<Item = &'static Place>) -> impl IntoView {
    let location = use_location();
    let items = places
        .map(|p| {
            let href = p.href;
            view! {
                <li>
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
        .collect_view();
    view! { <ul>{items}</ul> }
}

/// The links in the header, shown on wide screens.
#[component]
pub fn HeaderNav() -> impl IntoView {
    view! {
        <nav class="header-nav" aria-label="Main">
            {link_list(MAIN.iter().chain(MORE.iter()))}
        </nav>
    }
}

/// The bar at the bottom of a phone screen.
#[component]
pub fn TabBar() -> impl IntoView {
    let location = use_location();
    let open = RwSignal::new(false);
    // Close the "More" list whenever the page changes.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let more_current = move || {
        let path = location.pathname.get();
        MORE.iter().any(|p| is_current(&path, p.href))
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
                    .map(|p| {
                        let href = p.href;
                        view! {
                            <li>
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
                        class:tab-bar__item--current=more_current
                        id="more-button"
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        aria-controls="more-menu"
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        {icon("M5 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z")}
                        <span>"More"</span>
                    </button>
                </li>
            </ul>
            // After the button in reading and Tab order; CSS shows it above.
            <div class="more-menu" id="more-menu" hidden=move || !open.get()>
                {link_list(MORE.iter())}
            </div>
        </nav>
    }
}
