/*
 * The front end's core, loaded first on every page; each feature script uses it
 * (window.aci) instead of a copy of its own:
 *
 *   aci.key(name)          a browser storage key: "aci:<course version>:<name>"
 *                          (the prefix comes from this script's data-aci-key,
 *                          written by overrides/main.html, the one place it is made;
 *                          inside a ZIM file "aci:<course version>/<scope>:<name>")
 *   aci.store              localStorage that may be refused, full or hold garbage:
 *                          get/set (JSON), read/write (text), remove, keys, ok.
 *                          Where the browser refuses storage (private mode, a
 *                          locked-down browser, file:// in some) or it is full,
 *                          values are kept in memory, so the open page still works;
 *                          set/write return false when a value was not kept.
 *   aci.format(t, values)  "{name}" placeholders of an interface text filled in
 *   aci.ready(fn)          fn once the page is parsed, and on each page Material's
 *                          document$ reports (instant navigation); fn must be
 *                          idempotent (feature scripts mark what they set up)
 *   aci.load(src, done)    a plain <script> inserted on demand (works over file://)
 *   aci.texts(done, atLoad) done(texts): the page language's interface texts for
 *                          scripts ({key: text}, data/ui.yml), loaded once from the
 *                          script this script's data-aci-texts names ({} without one)
 *                          and, unless atLoad (what a lesson shows as it opens), the
 *                          second script, which the first names (window.aci.uiLater)
 *   aci.quizForm(tag, html) a quiz's form in place of the script tag that holds it
 *                          (aci_course/quiz/scripts.py), in the mode the tag asks for
 *   aci.lesson             on a lesson, its id "<module>/<NN-slug>" (this script's
 *                          data-aci-lesson), else "": a lesson's scripts draw its
 *                          controls, which did nothing without scripts and so are
 *                          no part of its HTML; its texts start loading at once
 *   aci.article()          the page's article (where the lesson controls go)
 *   aci.draw(name)         the element of the lesson control "name" (its markup,
 *                          rendered by the build, is in the texts as "html.<name>"),
 *                          or null when the build has none
 *
 * Plain script, not an ES module: module scripts do not run over file://. Under
 * Node the pure parts are exported for tests (tests/js/core.test.cjs).
 */
(function () {
  "use strict";

  var PROBE = "aci:probe";

  function has(object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  }

  function format(template, values) {
    values = values || {};
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return has(values, name) ? String(values[name]) : whole;
    });
  }

  function keyMaker(prefix) {
    return function (name) {
      return prefix + name;
    };
  }

  /* `open` returns the browser's storage or throws (refused); null: none at all. */
  function makeStore(open) {
    var storage = null;
    try {
      storage = open();
      storage.setItem(PROBE, "1");
      storage.removeItem(PROBE);
    } catch (error) {
      storage = null;
    }
    var memory = {}; /* what storage refused to keep, for the open page */

    function read(key) {
      if (has(memory, key)) return memory[key];
      try {
        return storage ? storage.getItem(key) : null;
      } catch (error) {
        return null;
      }
    }

    function write(key, value) {
      value = String(value);
      try {
        if (!storage) throw new Error("no storage");
        storage.setItem(key, value);
        delete memory[key];
        return true;
      } catch (error) {
        memory[key] = value;
        return false;
      }
    }

    function remove(key) {
      delete memory[key];
      try {
        if (storage) storage.removeItem(key);
      } catch (error) {
        /* refused: nothing was kept there anyway */
      }
    }

    function keys() {
      var found = Object.keys(memory);
      try {
        for (var i = 0; storage && i < storage.length; i++) {
          var key = storage.key(i);
          if (key !== null && found.indexOf(key) === -1) found.push(key);
        }
      } catch (error) {
        /* nothing more to list */
      }
      return found;
    }

    return {
      ok: storage !== null,
      read: read,
      write: write,
      remove: remove,
      keys: keys,
      get: function (key) {
        var raw = read(key);
        if (!raw) return null;
        try {
          return JSON.parse(raw);
        } catch (error) {
          return null;
        }
      },
      set: function (key, value) {
        return write(key, JSON.stringify(value));
      }
    };
  }

  var api = { format: format, keyMaker: keyMaker, makeStore: makeStore };

  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof document === "undefined") return;

  var script = document.currentScript;
  var prefix = (script && script.getAttribute("data-aci-key")) || "aci:dev:";

  /* Polyfills only a page opened from files needs (the iframe-worker shim: browsers
   * refuse Web Workers over file://), written into the head while it is parsed, so
   * they run before anything of the page's (overrides/main.html, block libs). */
  var polyfills = script && script.getAttribute("data-aci-file-polyfills");
  if (polyfills && location.protocol === "file:") {
    polyfills.split(" ").forEach(function (src) {
      document.write('<script src="' + src.replace(/"/g, "&quot;") + '"></scr' + 'ipt>');
    });
  }

  /* Material's storage helpers, which its theme writes inline into every page's head
   * (partials/javascripts/base.html, emptied by our override): here once instead, with
   * the same names and scope (the site's root: this script is its
   * assets/javascripts/core.js) and made safe: where the browser refuses storage
   * (Firefox over file://, private modes) a read gives null and a write is ignored,
   * so Material's palette and the rest still run. */
  if (script && !window.__md_scope) {
    window.__md_scope = new URL("../../", script.src);
    window.__md_hash = function (value) {
      return [].reduce.call(value, function (hash, char) {
        return (hash << 5) - hash + char.charCodeAt(0);
      }, 0);
    };
    window.__md_get = function (key, storage, scope) {
      try {
        return JSON.parse((storage || localStorage).getItem((scope || window.__md_scope).pathname + "." + key));
      } catch (error) {
        return null;
      }
    };
    window.__md_set = function (key, value, storage, scope) {
      try {
        (storage || localStorage).setItem((scope || window.__md_scope).pathname + "." + key, JSON.stringify(value));
      } catch (error) {
        /* the setting lasts for this page only */
      }
    };
  }
  /* Inside a ZIM file (Kiwix gives every ZIM one origin) the export sets a scope on
     <html> (aci_course/export/zim.py): "aci:<version>/<scope>:" keeps ZIMs apart. */
  var scope = document.documentElement.getAttribute("data-aci-storage-scope") || "";
  if (scope) prefix = prefix.replace(/:$/, "/" + scope + ":");

  function ready(fn) {
    function run() {
      fn();
      /* Material's bundle loads after this script: its document$ exists by now. */
      if (window.document$ && window.document$.subscribe) {
        window.document$.subscribe(function () {
          fn();
        });
      }
    }
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  var loaded = {};
  function load(src, done) {
    if (loaded[src]) {
      loaded[src].push(done);
      return;
    }
    loaded[src] = [done];
    var tag = document.createElement("script");
    tag.src = src;
    tag.onload = function () {
      var waiting = loaded[src];
      loaded[src] = { push: function (fn) { fn(); } };
      waiting.forEach(function (fn) { fn(); });
    };
    tag.onerror = function () {
      delete loaded[src];
    };
    document.head.appendChild(tag);
  }

  /* Texts of the controls scripts draw (a lesson's controls, reading settings, read
   * aloud, present mode) live in scripts per language instead of in every page; they
   * fill window.aci.ui (aci_course/quality/a11y.py texts_scripts). The first holds what
   * a lesson shows as it opens (atLoad) and names the second (window.aci.uiLater),
   * which waits until a control that needs it opens. */
  function texts(done, atLoad) {
    var src = script && script.getAttribute("data-aci-texts");
    if (!src) {
      done(window.aci.ui || {});
      return;
    }
    load(src, function () {
      var later = window.aci.uiLater;
      if (atLoad || !later) {
        done(window.aci.ui || {});
        return;
      }
      load(window.aci.assets + later, function () { done(window.aci.ui || {}); });
    });
  }

  /* A quiz's form is written once per language into its own script, shared by its
   * lesson and its module's test before (aci_course/quiz/scripts.py); that script calls
   * this while the page is parsed, so the form is in place before quiz.js and
   * Material's bundle run. What only one mode shows is marked data-quiz-only="normal"
   * or "pre": the tag's data-quiz-mode chooses, the rest goes (the test before keeps
   * no explanations or feedback). The page's data for the quiz in its mode (answer key,
   * texts), written just before the tag, moves into the form; the form is then the one
   * the build renders in that mode (aci_course/quiz/render.py). */
  function quizForm(tag, html) {
    if (!tag || !tag.parentNode) return;
    var mode = tag.getAttribute("data-quiz-mode") === "pre" ? "pre" : "normal";
    var data = tag.previousElementSibling;
    tag.insertAdjacentHTML("beforebegin", html);
    var form = tag.previousElementSibling;
    if (data && data.matches("script[data-quiz-data]")) form.appendChild(data);
    var marked = form.querySelectorAll("[data-quiz-only]");
    for (var i = 0; i < marked.length; i++) {
      if (marked[i].getAttribute("data-quiz-only") === mode) {
        marked[i].removeAttribute("data-quiz-only");
      } else {
        marked[i].parentNode.removeChild(marked[i]);
      }
    }
    if (mode === "pre") form.setAttribute("data-quiz-mode", "pre");
    tag.parentNode.removeChild(tag);
  }

  function article() {
    return document.querySelector(".md-content article") || document.querySelector("article");
  }

  /* The build's own markup (aci_course/quality/a11y.py texts_scripts, from templates). */
  function draw(name) {
    var html = (window.aci.ui || {})["html." + name];
    if (!html) return null;
    var holder = document.createElement("div");
    holder.innerHTML = html;
    return holder.firstElementChild;
  }

  var lesson = (script && script.getAttribute("data-aci-lesson")) || "";

  window.aci = {
    format: format,
    key: keyMaker(prefix),
    scope: scope,
    store: makeStore(function () {
      return window.localStorage;
    }),
    ready: ready,
    load: load,
    texts: texts,
    quizForm: quizForm,
    lesson: lesson,
    article: article,
    draw: draw,
    /* the site's assets/javascripts/ folder, for scripts loaded on demand */
    assets: script ? script.src.replace(/[^/]*$/, "") : ""
  };

  /* A lesson draws its controls from the texts: they load from here, in the head,
   * while the page is parsed, so they are mostly there by the time its scripts run. */
  if (lesson) texts(function () {}, true);

  /* The reader's text size and reading settings (a11y.js, a11y.css) apply before the
   * first paint: this script runs in the head, before the body is parsed. The dyslexia
   * font's style sheet is written into the head (render-blocking, so no flash) only for
   * a reader who chose it. Refused or garbled storage leaves the defaults. */
  var root = document.documentElement;
  try {
    /* the text size: a11y.js's key, the storage prefix without a ZIM scope */
    var sizeKey = ((script && script.getAttribute("data-aci-key")) || "aci:dev:") + "text-size";
    var size = window.localStorage.getItem(sizeKey);
    if (size === "1" || size === "2") root.setAttribute("data-aci-text-size", size);
  } catch (error) {
    /* the default size */
  }
  try {
    var reading = window.aci.store.get(window.aci.key("reading")) || {};
    ["line", "letter", "column", "font"].forEach(function (name) {
      if (/^[a-z0-9]{1,8}$/.test(reading[name])) root.setAttribute("data-aci-" + name, reading[name]);
    });
    if (reading.font === "dyslexic" && script) {
      var sheet = window.aci.assets + "../stylesheets/reading-font.css";
      document.write('<link rel="stylesheet" data-aci-reading-font href="' + sheet + '">');
    }
  } catch (error) {
    /* the defaults */
  }
})();
