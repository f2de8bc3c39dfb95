// Service worker: the app works offline after the first visit.
//
// - On install, caches every file of this build (BUILD and ASSETS are
//   written by the post_build hook .ci/sw-build.mjs; file names are hashed,
//   so a cached file never goes stale).
// - Pages (navigations) are network-first; the cached index.html of this
//   build answers when the network fails or is silent for NETWORK_WAIT_MS.
//   A fresh page is not cached: it may belong to a newer build whose files
//   this worker does not hold.
// - Every other request inside the scope is answered from the cache, else
//   from the network.
// - A new build installs beside the old one and waits; the page decides
//   when it takes over (see sw-register.js), and activation deletes every
//   other build's cache.
// Works from any sub-path: every URL is relative to this file.

const BUILD = 'dev';
const ASSETS = [];
const CACHE = `xieshang-${BUILD}`;
const INDEX = new URL('index.html', self.location).href;
const NETWORK_WAIT_MS = 4000;

// A file named by its content's hash never goes stale: the HTTP cache may
// give it (the page has just downloaded most of them; a first visit then
// does not fetch the wasm twice). Any other past the HTTP cache: a stale
// copy must not enter a new build's cache.
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.[a-z]+$/;
const URLS = ['index.html', ...ASSETS].map((a) => new Request(new URL(a, self.location), { cache: HASHED.test(a) ? 'default' : 'reload' }));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(URLS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('xieshang-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'skip-waiting') self.skipWaiting();
  // sw-register.js asks whether the page already runs this build.
  if (type === 'files') event.ports[0]?.postMessage(URLS.map((r) => r.url));
});

function cachedIndex() {
  return caches.open(CACHE).then((cache) => cache.match(INDEX));
}

/** The network's answer, or the cached page if the network fails or stalls. */
function networkFirst(request) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fallback = () => {
      if (settled) return;
      cachedIndex().then((cached) => {
        if (cached && !settled) {
          settled = true;
          resolve(cached);
        }
      });
    };
    const timer = setTimeout(fallback, NETWORK_WAIT_MS);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          resolve(response);
        }
      },
      (error) => {
        clearTimeout(timer);
        cachedIndex().then((cached) => {
          if (settled) return;
          settled = true;
          if (cached) resolve(cached);
          else reject(error);
        });
      },
    );
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached ?? fetch(request)),
  );
});
