/* Service worker of the course's "{{ lang }}" pages, course version {{ version }}.
 * Generated at build time (aci_course/progress/webapp.py); workbox-build listed the
 * precached files with their revisions. Everything is loaded from this site. */
importScripts({{ (workbox_dir ~ "workbox-sw.js") | tojson }});
workbox.setConfig({ modulePathPrefix: {{ workbox_dir | tojson }}, debug: false });
workbox.core.setCacheNameDetails({ prefix: {{ ("aci-" ~ version) | tojson }}, suffix: "", precache: {{ ("precache-" ~ lang) | tojson }}, runtime: "on-demand" });
workbox.core.skipWaiting();
workbox.core.clientsClaim();
workbox.precaching.precacheAndRoute({{ entries | tojson }});
workbox.precaching.cleanupOutdatedCaches();
/* The other languages and anything not precached: the network first, a copy kept. */
workbox.routing.setDefaultHandler(new workbox.strategies.NetworkFirst({ cacheName: {{ ("aci-" ~ version ~ "-on-demand") | tojson }} }));
/* A new course version: the caches of older ones go. */
self.addEventListener("activate", function (event) {
  var current = {{ ("aci-" ~ version ~ "-") | tojson }};
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) {
            return name.indexOf("aci-") === 0 && name.indexOf(current) !== 0;
          })
          .map(function (name) {
            return caches.delete(name);
          })
      );
    })
  );
});
