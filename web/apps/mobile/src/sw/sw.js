// GovGrid 网格通 service worker (scope /m/): keeps the app shell so the app opens without a
// network. The build fills in SHELL (every built file) and VERSION. API answers are never cached.
const SHELL = '__SHELL__';
const VERSION = '__VERSION__';
const CACHE = `govgrid-m-${VERSION}`;
const INDEX = '/m/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('govgrid-m-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // the API (and anything outside the app) always goes to the network, never to the cache
  if (url.pathname.startsWith('/api/') || !url.pathname.startsWith('/m/')) return;
  if (request.mode === 'navigate') {
    // a page of the app: the network first (a new version), the cached shell when offline
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(INDEX, { cacheName: CACHE }).then((cached) => cached || Response.error()),
      ),
    );
    return;
  }
  // built files are named by content hash: the cache first
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
  );
});
