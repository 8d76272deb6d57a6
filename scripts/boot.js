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

// The durable copy (IndexedDB) of what the app saves: docs/architecture.md
// "Durable saves". Opened and read here, while the app downloads.
window.alongsideDurable = (() => {
  let ok = true;
  let seq = 0;
  let opening = null;
  const pending = new Map();
  const failed = new Set();
  const open = () => (opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open('alongside', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('records');
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting everything: let it; open afresh next time.
      db.onversionchange = db.onclose = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error);
  }));
  // Every write in a transaction of its own, numbered.
  const write = (change) => {
    const n = ++seq;
    if (!ok) return n;
    pending.set(n, open().then((db) => new Promise((resolve) => {
      const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
      change(tx.objectStore('records'));
      tx.oncomplete = () => resolve(true);
      tx.onabort = tx.onerror = () => resolve(false);
    })).catch(() => false).then((done) => {
      if (!done) failed.add(n);
      pending.delete(n);
    }));
    return n;
  };
  const ready = open().then((db) => new Promise((resolve) => {
    const tx = db.transaction('records');
    const keys = tx.objectStore('records').getAllKeys();
    const values = tx.objectStore('records').getAll();
    // A value local storage holds too, the same, comes as null: the app
    // then need not copy it into itself only to compare it.
    const local = (k) => {
      try {
        return localStorage.getItem(k);
      } catch {
        return undefined;
      }
    };
    tx.oncomplete = () => resolve(keys.result.map((k, i) => [k, local(k) === values.result[i] ? null : values.result[i]]));
    tx.onabort = tx.onerror = () => resolve(null);
  })).catch(() => null).then((entries) => {
    ok = entries !== null;
    return entries;
  });
  const inRange = (from, to) => (n) => n > from && n <= to;
  return {
    ready,
    mark: () => seq,
    put: (key, value) => write((s) => s.put(value, key)),
    putAll: (entries) => write((s) => entries.forEach(([k, v]) => s.put(v, k))),
    remove: (key) => write((s) => s.delete(key)),
    // True once the writes after `from` up to `to` are on disk.
    settled: async (from, to) => {
      await Promise.all([...pending.keys()].filter(inRange(from, to)).map((n) => pending.get(n)));
      return ![...failed].some(inRange(from, to));
    },
    erase: async () => {
      await Promise.all(pending.values());
      if (opening) (await opening.catch(() => null))?.close();
      opening = null;
      return new Promise((resolve) => {
        try {
          const req = indexedDB.deleteDatabase('alongside');
          req.onsuccess = () => resolve(true);
          req.onerror = () => resolve(false);
        } catch {
          resolve(!ok);
        }
      });
    },
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
