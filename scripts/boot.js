// Alongside's start-up, written into dist/ by scripts/build.mjs with this
// build's file names. It asks at once for every file the first page needs
// (the app, and the chunk of the page this visit starts on), so a slow
// phone fetches them side by side rather than one after another; then it
// starts the app, which replaces the first screen index.html shows.
const APP = '__APP__';
const FILES = __FILES__;
const ROUTES = __ROUTES__;

function chunkFor(path, setUp) {
  for (const [pattern, chunk, needsSetUp] of ROUTES) {
    if (new RegExp(pattern).test(path)) return needsSetUp && !setUp ? null : chunk;
  }
  return null;
}

// The browser's offer to install Alongside (Chrome and Edge) comes early,
// before the app has started: keep it for the install guide, which opens
// it from its own button, and say when the app is installed.
window.alongsideInstall = { prompt: null, installed: false };
window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  window.alongsideInstall.prompt = event;
  window.dispatchEvent(new Event('alongside-install'));
});
window.addEventListener('appinstalled', () => {
  window.alongsideInstall = { prompt: null, installed: true };
  window.dispatchEvent(new Event('alongside-install'));
});

// A protected share link opens with its passphrase form, which is in the
// main module: the review's chunk comes while the passphrase is typed, not
// in the way of the form. Its first two bytes say so (version 1,
// protection 1: docs/share-format.md); the app checks the rest.
function protectedLink(hash) {
  try {
    const head = atob(hash.slice(1, 5).replace(/-/g, '+').replace(/_/g, '/'));
    return head.charCodeAt(0) === 1 && head.charCodeAt(1) === 1;
  } catch {
    return false;
  }
}

// The durable copy of the client's record (docs/architecture.md "Durable
// saves"). Local storage is the copy the app reads at once, but Chromium
// writes it to disk only every few seconds, so a crash or a flat battery
// just after a save loses it. Every value the app saves is also put, as
// the same text under the same key, in one IndexedDB object store, and the
// app says "Saved" only once that transaction has completed. Opening the
// database and reading it here, before the app has downloaded, keeps it
// off the start-up's path. Written in JavaScript because each IndexedDB
// call from Rust costs the main module bytes it does not have.
window.alongsideDurable = (() => {
  const NAME = 'alongside';
  const STORE = 'records';
  let available = true;
  let seq = 0;
  const pending = new Map();
  const failed = new Set();
  let opening = null;
  function open() {
    opening ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => {
        const db = req.result;
        // Another tab deleting everything: let it, and open afresh next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        db.onclose = () => {
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => {};
    });
    return opening;
  }
  // One write in its own transaction, numbered so the app can wait for
  // exactly the writes of one save. Transactions on one store run in the
  // order they are made, so the last save of a key is the one kept.
  function write(change) {
    const n = ++seq;
    if (!available) return n;
    const done = open()
      .then(
        (db) =>
          new Promise((resolve) => {
            const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
            change(tx.objectStore(STORE));
            tx.oncomplete = () => resolve(true);
            tx.onabort = tx.onerror = () => resolve(false);
          }),
      )
      .catch(() => false)
      .then((ok) => {
        if (!ok) failed.add(n);
        pending.delete(n);
      });
    pending.set(n, done);
    return n;
  }
  let ready;
  try {
    ready = open().then(
      (db) =>
        new Promise((resolve) => {
          const tx = db.transaction(STORE, 'readonly');
          const keys = tx.objectStore(STORE).getAllKeys();
          const values = tx.objectStore(STORE).getAll();
          tx.oncomplete = () => resolve(keys.result.map((k, i) => [String(k), values.result[i]]));
          tx.onabort = tx.onerror = () => resolve(null);
        }),
    );
  } catch {
    ready = Promise.resolve(null);
  }
  ready = ready.catch(() => null).then((entries) => {
    if (entries === null) available = false;
    return entries;
  });
  return {
    // Every [key, value] stored, or null if IndexedDB is missing or refused.
    ready,
    mark: () => seq,
    put: (key, value) => write((s) => s.put(value, key)),
    putAll: (entries) => write((s) => entries.forEach(([k, v]) => s.put(v, k))),
    remove: (key) => write((s) => s.delete(key)),
    // True once every write numbered after `from`, up to `to`, is on disk;
    // false if one of them failed.
    settled: async (from, to) => {
      await Promise.all([...pending].filter(([n]) => n > from && n <= to).map(([, p]) => p));
      return ![...failed].some((n) => n > from && n <= to);
    },
    // Deletes the whole database (Delete everything).
    erase: () =>
      new Promise((resolve) => {
        Promise.all(pending.values()).then(() => {
          const close = opening ? opening.then((db) => db.close(), () => {}) : Promise.resolve();
          opening = null;
          close.then(() => {
            try {
              const req = indexedDB.deleteDatabase(NAME);
              req.onsuccess = () => resolve(true);
              req.onerror = () => resolve(false);
            } catch {
              resolve(!available);
            }
          });
        });
      }),
  };
})();

let setUp = false;
try {
  // Only whether the details exist: nothing of them is read.
  setUp = localStorage.getItem('alongside.profile') !== null;
} catch {
  // Storage switched off: the app will say so.
}
const chunk = location.pathname === '/review' && protectedLink(location.hash) ? null : chunkFor(location.pathname, setUp);
const files = ['app_bg.wasm', ...(FILES[chunk] ?? [])];
for (const [rel, href] of [['modulepreload', 'app.js'], ['modulepreload', '__wasm_split.js'], ...files.map((f) => ['preload', f])]) {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = APP + href;
  if (rel === 'preload') {
    // As the app fetches them (fetch(), same origin), so the browser
    // hands over what it preloaded rather than fetching again.
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
  }
  document.head.append(link);
}

import(APP + 'app.js')
  .then((app) => app.default())
  .catch(() => {
    const status = document.getElementById('first-screen-status');
    if (status) {
      status.textContent = 'Alongside could not start. The first time, it needs an internet connection. Check your connection, then reload this page.';
    }
  });
