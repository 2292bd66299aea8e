/*
 * Installable web app: over HTTPS (or from localhost) a page links its language's
 * web manifest and registers its language's service worker (hooks/webapp.py), so
 * the course opens with no network. Over file:// (a USB stick) nothing happens:
 * browsers refuse both there, and would only print errors.
 *
 * When a new course version's worker takes over a page that an older one served,
 * the page reloads once, so no one reads a stale lesson.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (!/^https?:$/.test(location.protocol)) return;

  /* The page's language root, relative to the site root (overrides/main.html). */
  var language = script.getAttribute("data-aci-root");
  if (language === null) return;

  function start() {
    if (document.documentElement.hasAttribute("data-webapp-ready")) return;
    document.documentElement.setAttribute("data-webapp-ready", "");
    /* This script is assets/javascripts/webapp.js: the site root is two folders up. */
    var root = new URL("../../" + language, script.src).href;
    var link = document.createElement("link");
    link.rel = "manifest";
    link.href = root + "manifest.webmanifest";
    document.head.appendChild(link);
    var hadController = Boolean(navigator.serviceWorker.controller);
    var reloaded = false;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (hadController && !reloaded) {
        reloaded = true;
        location.reload();
      }
    });
    navigator.serviceWorker.register(root + "sw.js").then(
      function (registration) {
        return registration.update();
      }
    ).catch(function () {
      /* no worker (blocked, or no space): the site simply stays online-only */
    });
  }

  window.aci.ready(start);
})();
