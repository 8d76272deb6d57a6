//! Modal dialogs: opening and closing them, and [`ConfirmDialog`].

use leptos::prelude::*;

/// Opens a `<dialog>` as a modal: the browser moves focus into it, keeps
/// it there, and closes it on Escape.
pub fn open_dialog(dialog: NodeRef<leptos::html::Dialog>) {
    if let Some(d) = dialog.get() {
        let _ = d.show_modal();
    }
}

/// Closes a `<dialog>`; the browser returns focus to what opened it.
pub fn close_dialog(dialog: NodeRef<leptos::html::Dialog>) {
    if let Some(d) = dialog.get() {
        d.close();
    }
}

/// How a [`ConfirmDialog`] looks: a warning (red edge and button) for
/// what cannot be undone, plain otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogTone {
    /// For deleting.
    Warning,
    /// For anything else.
    Plain,
}

/// "Are you sure?" as a modal dialog: a title, what will happen, and two
/// buttons. The safe one ("No, keep it") has focus first, so a stray
/// Enter changes nothing; Escape closes it too.
#[component]
pub fn ConfirmDialog(
    /// The dialog, to open with [`open_dialog`].
    node_ref: NodeRef<leptos::html::Dialog>,
    /// Its id prefix (`{id}-title`, `{id}-text`).
    id: &'static str,
    /// The question.
    #[prop(into)]
    title: String,
    /// The button that does it.
    #[prop(into)]
    confirm: Signal<String>,
    /// The button that does nothing.
    #[prop(into)]
    cancel: String,
    /// Warning or plain.
    tone: DialogTone,
    /// Does it (the dialog stays open; close it when done).
    on_confirm: Callback<()>,
    /// What will happen, in a sentence or two.
    children: Children,
) -> impl IntoView {
    let (class, button) = match tone {
        DialogTone::Warning => ("dialog", "button button--warning"),
        DialogTone::Plain => ("dialog dialog--plain", "button"),
    };
    view! {
        <dialog
            class=class
            node_ref=node_ref
            aria-labelledby=format!("{id}-title")
            aria-describedby=format!("{id}-text")
        >
            <h2 id=format!("{id}-title")>{title}</h2>
            <div id=format!("{id}-text")>{children()}</div>
            <div class="button-group">
                <button type="button" class="button button--secondary" autofocus on:click=move |_| close_dialog(node_ref)>
                    {cancel}
                </button>
                <button type="button" class=button on:click=move |_| on_confirm.run(())>
                    {confirm}
                </button>
            </div>
        </dialog>
    }
}
