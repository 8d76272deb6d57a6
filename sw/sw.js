// Alongside's service worker. scripts/post-build.mjs fills in the two
// placeholders for each build, so every build has its own cache.
'use strict';

const VERSION = '__VERSION__';
const CACHE = 'alongside-' + VERSION;
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // Never touch a cache that already exists: it may be the one the
    // running version serves from.
    const existed = await caches.has(CACHE);
    const cache = await caches.open(CACHE);
    try {
      // cache: 'reload' skips the HTTP cache, so we never keep a stale file.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
    } catch (err) {
      // An incomplete new cache is useless: drop it, and the old version stays.
      if (!existed) await caches.delete(CACHE);
      throw err;
    }
  })());
  // No skipWaiting here: a new version waits until the client chooses to
  // update, so the code never changes under them mid-task.
});

self.addEventListener('activate', (event) => {
  // Only reached once this version's cache is complete: now it is safe to
  // remove older versions' caches.
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith('alongside-') && name !== CACHE)
      .map((name) => caches.delete(name)));
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every page of the app is the same shell; the router picks the page.
    const key = request.mode === 'navigate' ? '/index.html' : request;
    const hit = await cache.match(key);
    if (!hit) return fetch(request);
    // Some hosts redirect /index.html to /; browsers refuse a redirected
    // response for a page load, so hand back a plain copy of it.
    if (hit.redirected && request.mode === 'navigate') {
      return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
    }
    return hit;
  })());
});
