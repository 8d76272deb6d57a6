//! Helping the client put Alongside on their home screen: the guide for
//! this browser (`guide`), offered calmly on Today after set-up (`offer`,
//! with "Not now" for 30 days) and always on My data (`on_my_data`), with
//! Safari's risk said plainly. The rules are in [`crate::model::install`];
//! the operations in [`crate::app::state::InstallTools`].

mod guide;
mod offer;
mod on_my_data;

pub use offer::InstallOffer;
pub use on_my_data::InstallOnMyData;

/// Why install, in one line.
const WHY: &str =
    "On your home screen it opens without the internet, and your phone is less likely to clear it.";

/// Safari's risk, in plain words.
const RISK: &str = "Safari may delete your information in Alongside if you do not open it for a week. Adding it to your home screen stops this.";
