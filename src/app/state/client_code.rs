//! The client's code ([`ClientCode`]): made once and then only read.

use super::saved::Saved;
use super::stores::use_saved;
use crate::platform::crypto;
use crate::share::code::ClientCode;

/// The client's code, as a store.
pub type CodeStore = Saved<ClientCode>;

impl CodeStore {
    /// The client's code, made and saved now if there is none yet (set-up,
    /// or the first share of a client set up before there were codes).
    /// `None` only if this browser cannot make random numbers.
    pub fn ensure(&self) -> Option<String> {
        if let Some(code) = self.with_untracked(|c| c.map(|c| c.code.clone())) {
            return Some(code);
        }
        let code = crypto::new_client_code()?;
        // A failed save is shown by the notices; the code is still used
        // for this session's summaries.
        let _ = self.save(code.clone());
        Some(code.code)
    }
}

/// Makes the client's code if there is none yet (at set-up).
pub fn make_client_code() {
    let _ = use_saved::<ClientCode>().ensure();
}
