// The live preview's /sw.js (helpcenter/server/preview.py): the site's offline worker would
// answer the tool pages from an older build's cache, so here a worker takes its place that
// deletes that cache, unregisters itself and reloads the pages it stood in front of. Never
// anything cached, never a request answered.
"use strict";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      let deleted = false;
      for (const name of await caches.keys()) {
        if (name.startsWith("helpcenter-offline-")) deleted = (await caches.delete(name)) || deleted;
      }
      await self.registration.unregister();
      // Only when an old build's pages were being served: a reload shows the preview's own.
      if (deleted) {
        for (const client of await self.clients.matchAll({ type: "window" })) {
          client.navigate(client.url);
        }
      }
    })(),
  );
});
