// The portal's service worker: enough for browsers to offer "install", and an offline notice. It never
// caches pages or API answers (they hold patient data); only the shell's static files are kept.
const CACHE = 'salus-shell-v1';
const SHELL = ['/css/salus.css', '/js/salus.js', '/icons/icon.svg', '/offline.html'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k)))));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/offline.html')));
    return;
  }
  const url = new URL(request.url);
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then(hit => hit || fetch(request)));
  }
});
