//! The stores the pages have opened. Each is read from storage the first
//! time a page asks for it ([`use_saved`], [`use_lazy`]), not at start,
//! so the first screen reads (and the first download carries) only what
//! it shows; and each says how to read itself again when another tab
//! changes what it holds.

use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use super::notices::Notices;
use super::saved::Saved;
use super::AppStore;
use crate::store::{StoreKey, Stored};

/// Reads a store again after another tab changed `key` (or cleared
/// everything, for `None`); true if what it shows changed.
type Reload = Box<dyn Fn(Option<&StoreKey>) -> bool + Send + Sync>;

/// One opened store: its value (a `Copy` handle) and how to reload it.
struct Open {
    of: TypeId,
    store: Box<dyn Any + Send + Sync>,
    reload: Reload,
}

/// Every store opened so far, with what they are all made from. Provided
/// once, at the top of the app.
#[derive(Clone, Copy)]
pub struct Stores {
    open: StoredValue<Arc<Mutex<Vec<Open>>>>,
    /// The app's root, which owns every store: a store opened by a page
    /// lives on after the page closes, so the next page finds it.
    owner: StoredValue<Owner>,
    storage: StoredValue<Arc<AppStore>>,
    notices: Notices,
}

impl Stores {
    /// No store open yet, over `storage`.
    pub(super) fn new(storage: Arc<AppStore>, notices: Notices) -> Self {
        Stores {
            open: StoredValue::new(Arc::new(Mutex::new(Vec::new()))),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            storage: StoredValue::new(storage),
            notices,
        }
    }

    /// The storage every store reads and writes.
    pub fn storage(&self) -> Arc<AppStore> {
        self.storage.get_value()
    }

    /// The notices every store reports to.
    pub fn notices(&self) -> Notices {
        self.notices
    }

    fn list(&self) -> Arc<Mutex<Vec<Open>>> {
        self.open.get_value()
    }

    /// The store of type `S`, made by `make` (under the app's root) the
    /// first time it is asked for; `reload` reads it again after another
    /// tab's change.
    pub fn get_or_open<S: Copy + Send + Sync + 'static>(
        &self,
        make: impl FnOnce(&Stores) -> S,
        reload: impl Fn(S, Option<&StoreKey>) -> bool + Send + Sync + 'static,
    ) -> S {
        let of = TypeId::of::<S>();
        let list = self.list();
        let found = {
            let open = list.lock().unwrap_or_else(|e| e.into_inner());
            open.iter()
                .find(|o| o.of == of)
                .and_then(|o| o.store.downcast_ref::<S>().copied())
        };
        if let Some(store) = found {
            return store;
        }
        let this = *self;
        let store = self.owner.get_value().with(|| make(&this));
        let mut open = list.lock().unwrap_or_else(|e| e.into_inner());
        open.push(Open {
            of,
            store: Box::new(store),
            reload: Box::new(move |key| reload(store, key)),
        });
        store
    }

    /// Reads every opened store that holds `key` again (every one, for
    /// `None`); true if anything shown changed.
    pub fn reload(&self, key: Option<&StoreKey>) -> bool {
        let list = self.list();
        let open = list.lock().unwrap_or_else(|e| e.into_inner());
        // Every store is asked, even after one changed.
        open.iter()
            .fold(false, |changed, o| (o.reload)(key) | changed)
    }
}

/// The stores, from context.
pub fn use_stores() -> Stores {
    expect_context()
}

/// The store of record kind `T`, opened (read from storage) the first time
/// any page asks for it.
pub fn use_saved<T: Stored>() -> Saved<T> {
    use_stores().get_or_open(
        |s| Saved::<T>::load(s.storage(), s.notices()),
        |saved: Saved<T>, key| key.is_none_or(|k| *k == T::key()) && saved.reload(),
    )
}

/// A store that is not one record kind (such as the diary), made by
/// `make` the first time a page asks for it.
pub fn use_lazy<S: Copy + Send + Sync + 'static>(
    make: impl FnOnce(&Stores) -> S,
    reload: impl Fn(S, Option<&StoreKey>) -> bool + Send + Sync + 'static,
) -> S {
    use_stores().get_or_open(make, reload)
}
