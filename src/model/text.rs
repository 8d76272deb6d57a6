//! Small rules for text the client types, shared by every form.

/// One problem with one form field, worded for the client.
///
/// `F` names the field so the UI can put the message beside it and link
/// to it from the error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError<F> {
    /// Which field the message is about.
    pub field: F,
    /// What to do about it, in plain English (NHS error message style).
    pub message: String,
}

impl<F> FieldError<F> {
    /// Makes an error for `field`.
    pub fn new(field: F, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// Trims the text and turns Windows line endings into plain ones; `None`
/// when nothing is left, so optional fields store "not given", not "".
pub fn clean(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else {
        Some(trimmed.replace("\r\n", "\n"))
    }
}

/// An error if `text`, once trimmed, has more than `max` characters.
/// `what` starts the message, e.g. "Your name must be 50 characters or fewer".
pub fn too_long<F>(field: F, text: &str, max: usize, what: &str) -> Option<FieldError<F>> {
    // Characters, not bytes: "é" is one letter to the client.
    if text.trim().chars().count() > max {
        Some(FieldError::new(
            field,
            format!("{what} must be {max} characters or fewer"),
        ))
    } else {
        None
    }
}

/// The tidied text of a field that must be filled in: `empty` when
/// nothing is left after trimming, "{what} must be {max} characters or
/// fewer" when it is too long.
pub fn required<F: Copy>(
    field: F,
    text: &str,
    max: usize,
    what: &str,
    empty: &str,
) -> Result<String, FieldError<F>> {
    let Some(text) = clean(text) else {
        return Err(FieldError::new(field, empty));
    };
    match too_long(field, &text, max, what) {
        Some(e) => Err(e),
        None => Ok(text),
    }
}

/// Puts `item` in `list` (at the end) or takes it out, for a checkbox
/// that is ticked or unticked. Never stores it twice.
pub fn set_included<T: PartialEq>(list: &mut Vec<T>, item: T, included: bool) {
    list.retain(|x| *x != item);
    if included {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_trims_and_drops_empty() {
        assert_eq!(clean("  hi \r\nthere "), Some("hi \nthere".to_string()));
        assert_eq!(clean(" \t\n"), None);
    }

    #[test]
    fn required_text_is_tidied_or_refused() {
        assert_eq!(
            required((), " hi ", 3, "X", "Enter X"),
            Ok("hi".to_string())
        );
        assert_eq!(
            required((), " ", 3, "X", "Enter X").unwrap_err().message,
            "Enter X"
        );
        assert_eq!(
            required((), "long", 3, "X", "Enter X").unwrap_err().message,
            "X must be 3 characters or fewer"
        );
    }

    #[test]
    fn too_long_counts_characters() {
        assert!(too_long((), "ééé", 3, "X").is_none());
        assert_eq!(
            too_long((), "éééé", 3, "X").unwrap().message,
            "X must be 3 characters or fewer"
        );
    }

    #[test]
    fn ticked_items_are_kept_once_in_ticking_order() {
        let mut list = vec![1, 2];
        set_included(&mut list, 1, true);
        set_included(&mut list, 3, true);
        set_included(&mut list, 2, false);
        set_included(&mut list, 4, false);
        assert_eq!(list, vec![1, 3]);
    }
}
