// camdash's service worker. It keeps the app shell only (SHELL, written above this line by camdash: styles,
// scripts, fonts, icons and the offline page, all under content-hashed URLs and free of private data), so
// pages start fast and a page opened while camdash cannot be reached says so. Pages, streams, pictures,
// notes and the API are never stored: they go to the network as if there were no worker.
'use strict';

const CACHE = 'camdash-shell-' + VERSION;
const SCOPE = new URL(self.registration.scope).pathname;
const OFFLINE_URL = new URL('offline', self.registration.scope).href;
// Content-hashed static files (camdash-0123…cdef.css): a name never holds two contents, so they may be kept.
const STATIC = /^(css|js|img|webjars)\/.+-[0-9a-f]{32}\.[a-z0-9]+$|^favicon-[0-9a-f]{32}\.svg$/;
// Opened in a tab but not pages: left alone, so a stream never runs through the worker.
const NOT_PAGES = /\.(mjpg|mp4|ws|jpe?g|png|zip|json)$|^api\//;

self.addEventListener('install', (event) => {
  // Without credentials: the offline page is the signed-out one, with no name or menu in it.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { credentials: 'omit' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('camdash-shell-') && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  const path = url.pathname.substring(SCOPE.length);
  if (request.mode === 'navigate' && !NOT_PAGES.test(path)) {
    // A page always comes from camdash; only when camdash cannot be reached, the offline page.
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_URL)));
  } else if (STATIC.test(path)) {
    event.respondWith(fromShell(request));
  }
});

async function fromShell(request) {
  const cache = await caches.open(CACHE);
  // The hash names the content: a font's ?query does not.
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}
