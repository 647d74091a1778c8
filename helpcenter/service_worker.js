// The tool pages offline: after one visit, they and everything the checkers need come from this
// cache, with the network on or off. BUILD (above, written by the build) lists this build's
// tool pages and files and a digest over them: a new build is a new worker with a new cache,
// and the old cache is deleted once the new one is complete. Same origin only; nothing is sent
// anywhere, and only the listed files are ever stored (never what a visitor types or opens).
"use strict";

const CACHE_PREFIX = "helpcenter-offline-";
const CACHE_NAME = CACHE_PREFIX + BUILD.version;
const toUrl = (path) => new URL(path, self.location.href).href;
const PAGES = new Set(BUILD.pages.map(toUrl));
const FILES = new Set(BUILD.files.map(toUrl));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // Files first (the runtime usually comes from the HTTP cache of the visit), then pages.
      await cache.addAll([...FILES]);
      await cache.addAll([...PAGES]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// A tool page is known by its address without the query (the wizard's answers are queries).
function cacheKey(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    url.search = "";
    return PAGES.has(url.href) ? url.href : null;
  }
  return FILES.has(url.href) ? url.href : null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" && request.method !== "HEAD") return;
  const key = cacheKey(request);
  if (key === null) return; // everything else goes to the network as without this worker
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      const cached = await cache.match(key, { ignoreVary: true, ignoreMethod: true });
      if (!cached) return fetch(request);
      // The worker asks with HEAD whether the runtime's files are there.
      if (request.method === "HEAD") {
        return new Response(null, { status: cached.status, headers: cached.headers });
      }
      return cached;
    })(),
  );
});
