/*
 * Search loads when the reader first wants it (our own code).
 *
 * Material's bundle asks for the page language's search index as soon as a page
 * opens (its search.highlight feature subscribes to the index at start-up) and
 * starts the search worker at once, although most readers of a lesson never search:
 * about 95 KB of index and 40 KB of worker on a lesson page of some 460 KB (make
 * bench-search). Material has no setting for this and its minified bundle is not
 * ours to patch, so this script, which runs before the bundle (overrides/main.html),
 * holds back the three ways the bundle loads search until the reader focuses the
 * search box (or opens a page with ?h=, which highlights search words at once):
 *
 *   - the index over HTTP: an XMLHttpRequest for "…/search/search_index.json";
 *   - the index over file://: a <script src="…/search/search_index.js"> appended
 *     to <head> (Material's watchScript);
 *   - the worker: new Worker("…/workers/search.<hash>.min.js") (or the
 *     iframe-worker shim's Worker over file://): a stand-in keeps listeners and
 *     messages and starts the real worker with the first message, which Material
 *     sends only once it has the index.
 *
 * Everything else passes through untouched. Runs once, synchronously, before the
 * bundle (not on DOMContentLoaded like our other scripts: the bundle starts search
 * while it loads).
 *
 * A query typed before the index is ready is run again, in full, once it is.
 * Material sends, when the worker is ready, the last text it read from the box, and
 * it reads the box on keyup only: letters that came without one (an input method, a
 * phone keyboard, a test browser) were missing from the first list. So the stand-in
 * always queries the box's whole text: when the worker is ready, on every input
 * event after that, and in place of the text of Material's own query; the same text
 * is never sent twice in a row. From then on <html> carries data-aci-search="ready",
 * a state tests and the benchmark wait for.
 */
(function () {
  "use strict";

  if (window.__aciSearchLazy) return;
  window.__aciSearchLazy = true;

  var INDEX = /\/search\/search_index\.(json|js)(\?|#|$)/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(\?|#|$)/;

  var wanted = /[?&]h=/.test(location.search);
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    var run = waiting;
    waiting = [];
    run.forEach(function (fn) { fn(); });
  }

  function whenWanted(fn) {
    if (wanted) fn();
    else waiting.push(fn);
  }

  /* The reader wants search: the box gets focus (click, tap, Tab, or Material's
     "/", "s", "f" shortcuts, which focus it), or the search toggle opens. */
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("input.md-search__input")) want();
  }, true);
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.id === "__search" && target.checked) want();
  }, true);

  /* The index over HTTP (Material's request() is an XMLHttpRequest). */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__aciIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (wanted || !this.__aciIndex) return send.apply(this, arguments);
    var request = this, args = arguments;
    whenWanted(function () { send.apply(request, args); });
  };

  /* The index over file://. */
  var appendChild = Node.prototype.appendChild;
  Node.prototype.appendChild = function (child) {
    if (!wanted && child instanceof HTMLScriptElement && INDEX.test(child.src || "")) {
      var parent = this;
      whenWanted(function () { appendChild.call(parent, child); });
      return child;
    }
    return appendChild.apply(this, arguments);
  };

  /* The worker. */
  var RealWorker = window.Worker;
  if (typeof RealWorker !== "function") return;

  /* Material's worker messages: SETUP 0, READY 1, QUERY 2, RESULT 3. */
  var READY = 1, QUERY = 2;
  var ready = null;  /* the real worker, once it has answered READY */
  var lastQuery = "";

  function searchBox() {
    return document.querySelector("input.md-search__input");
  }

  /* Query the box's whole text (or `fallback` without a box), unless just sent. */
  function query(worker, fallback) {
    var box = searchBox();
    var text = box ? box.value : fallback;
    if (typeof text !== "string" || text === lastQuery) return;
    lastQuery = text;
    worker.postMessage({ type: QUERY, data: text });
  }

  function rerun(worker) {
    ready = worker;
    document.documentElement.setAttribute("data-aci-search", "ready");
    query(worker);
  }

  document.addEventListener("input", function (event) {
    var target = event.target;
    if (ready && target && target.matches && target.matches("input.md-search__input"))
      query(ready);
  }, true);

  function LazyWorker(url, options) {
    this.url = url;
    this.options = options;
    this.worker = null;
    this.listeners = [];
    this.onmessage = null;
    this.onerror = null;
  }
  LazyWorker.prototype.start = function () {
    if (this.worker) return this.worker;
    var lazy = this;
    var worker = this.worker = this.options === undefined
      ? new RealWorker(this.url)
      : new RealWorker(this.url, this.options);
    this.listeners.forEach(function (l) { worker.addEventListener(l[0], l[1], l[2]); });
    /* after Material's listeners, so its own query goes first and ours, in full, last */
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === READY) rerun(worker);
    });
    worker.onmessage = function (event) { if (lazy.onmessage) lazy.onmessage(event); };
    worker.onerror = function (event) { if (lazy.onerror) lazy.onerror(event); };
    return worker;
  };
  LazyWorker.prototype.addEventListener = function (type, fn, options) {
    if (this.worker) this.worker.addEventListener(type, fn, options);
    else this.listeners.push([type, fn, options]);
  };
  LazyWorker.prototype.removeEventListener = function (type, fn, options) {
    if (this.worker) this.worker.removeEventListener(type, fn, options);
    this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
  };
  LazyWorker.prototype.postMessage = function (message) {
    var worker = this.start();
    if (message && message.type === QUERY && typeof message.data === "string")
      return query(worker, message.data);
    return worker.postMessage.apply(worker, arguments);
  };
  LazyWorker.prototype.terminate = function () {
    if (this.worker) this.worker.terminate();
  };

  window.Worker = function (url, options) {
    if (WORKER.test(String(url)))
      return new LazyWorker(url, options);
    return options === undefined ? new RealWorker(url) : new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;
})();
