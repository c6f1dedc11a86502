// GovGrid 网格通 service worker (scope /m/): keeps the app shell so the app opens without a
// network, and the basemap tiles the worker has seen, within limits, so the maps work offline in
// the grid. The build fills in SHELL (every built file) and VERSION. API answers are never cached.
const SHELL = '__SHELL__';
const VERSION = '__VERSION__';
const CACHE = `govgrid-m-${VERSION}`;
const INDEX = '/m/';

// Tiles: one cache across app versions; at most MAX_TILES tiles and MAX_TILE_BYTES, oldest out
// first; a tile older than MAX_TILE_AGE is fetched again (kept if the network fails).
const TILE_CACHE = 'govgrid-tiles';
const MAX_TILES = 3000;
const MAX_TILE_BYTES = 60 * 1024 * 1024;
const MAX_TILE_AGE = 30 * 24 * 3600 * 1000;
const CACHED_AT = 'X-GovGrid-Cached-At';
const BYTES = 'X-GovGrid-Bytes';

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

/** A basemap tile: an image by WMTS key-value request (天地图) or an XYZ /z/x/y path. */
function isTile(request, url) {
  if (request.destination !== 'image') return false;
  if (url.origin === self.location.origin && url.pathname.startsWith('/api/')) return false;
  return (
    /(^|&)tilematrix=/i.test(url.search.slice(1)) ||
    /\/\d+\/\d+\/\d+(\.[a-z]+)?$/i.test(url.pathname)
  );
}

let putsSinceTrim = 0;

async function trimTiles() {
  const cache = await caches.open(TILE_CACHE);
  const keys = await cache.keys(); // oldest first
  const sizes = await Promise.all(
    keys.map((key) => cache.match(key).then((r) => Number((r && r.headers.get(BYTES)) || 0))),
  );
  let count = keys.length;
  let bytes = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < keys.length && (count > MAX_TILES || bytes > MAX_TILE_BYTES); i++) {
    await cache.delete(keys[i]);
    count -= 1;
    bytes -= sizes[i];
  }
}

async function storeTile(request, response) {
  // only readable answers (CORS): an opaque one's size is unknown and counts as megabytes
  if (!response.ok || response.type === 'opaque') return;
  const body = await response.blob();
  const headers = new Headers({
    'Content-Type': response.headers.get('Content-Type') || 'image/png',
    [CACHED_AT]: String(Date.now()),
    [BYTES]: String(body.size),
  });
  const cache = await caches.open(TILE_CACHE);
  // a fresh copy goes to the end of the (oldest-first) order
  await cache.delete(request);
  await cache.put(request, new Response(body, { status: 200, headers }));
  putsSinceTrim += 1;
  if (putsSinceTrim >= 25) {
    putsSinceTrim = 0;
    await trimTiles();
  }
}

async function tile(event) {
  const request = event.request;
  const cached = await caches.match(request, { cacheName: TILE_CACHE });
  const age = cached ? Date.now() - Number(cached.headers.get(CACHED_AT) || 0) : Infinity;
  if (cached && age < MAX_TILE_AGE) return cached;
  try {
    const response = await fetch(request);
    event.waitUntil(storeTile(request, response.clone()).catch(() => {}));
    return response;
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (isTile(request, url)) {
    event.respondWith(tile(event));
    return;
  }
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
