/* The plain-language version of a lesson: the "Plain language" switch.
 *
 * A lesson with a plain version (aci_course/course/plain.py) has the version
 * <section data-plain> right after its title, the full lesson following it; the
 * switch [data-plain-toggle] is drawn here above the section once the page is parsed
 * (it does nothing without this script, so no page carries it; its text from
 * aci.texts).
 * The reader's choice is the attribute data-aci-plain on <html> (aci.css shows
 * one version or the other) and is kept in browser storage under
 * "aci:<course version>:plain", so it holds on every lesson and after a reload.
 * This script is loaded right after core.js, so the choice is applied while the
 * page is still being parsed, before Material's bundle.
 *
 * The version itself is not in the page (most readers never open it): the build
 * writes it into its own script (data-plain-src on this script's tag, under
 * assets/javascripts/; aci_course/course/plain.py split_out), which sets
 * window.aci.plain[src]. A reader who chose it gets that script written into the
 * head, so it is there when the page is parsed; the switch loads it on first use.
 * The section is filled before the choice shows.
 */
(function () {
  "use strict";

  var ATTRIBUTE = "data-aci-plain";
  var KEY = window.aci.key("plain");
  var store = window.aci.store;
  var script = document.currentScript;
  var SRC = (script && script.getAttribute("data-plain-src")) || "";

  function stored() {
    return (window.aci.plain || {})[SRC];
  }

  /* done() once the page's plain version is in its section (at once when it is). */
  function fill(done) {
    var section = document.querySelector("section[data-plain]");
    if (!section || section.firstChild || !SRC) {
      done();
      return;
    }
    function put() {
      /* the build's own HTML of this lesson (aci_course/course/plain.py) */
      if (stored() !== undefined && !section.firstChild) section.innerHTML = stored();
      done();
    }
    if (stored() !== undefined) put();
    else window.aci.load(window.aci.assets + SRC, put);
  }

  function chosen() {
    return store.read(KEY) === "on";
  }

  function show(on) {
    if (on) {
      document.documentElement.setAttribute(ATTRIBUTE, "");
    } else {
      document.documentElement.removeAttribute(ATTRIBUTE);
    }
    var buttons = document.querySelectorAll("[data-plain-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  var wanted = false;

  function apply(on) {
    wanted = on;
    if (on) {
      fill(function () { show(wanted); });
    } else {
      show(false);
    }
  }

  function choose(on) {
    if (on) {
      store.write(KEY, "on");
    } else {
      store.remove(KEY);
    }
    apply(on);
  }

  /* The switch, in its bar right above the version's section, as the build rendered it
   * (aci.draw); wire() shows it and sets aria-pressed. */
  function draw() {
    var section = document.querySelector("section[data-plain]");
    if (!section || document.querySelector("[data-plain-toggle]")) return;
    var bar = window.aci.draw("plain");
    if (bar) section.parentNode.insertBefore(bar, section);
  }

  function start() {
    window.aci.texts(function () {
      draw();
      wire();
    }, true);
  }

  function wire() {
    var buttons = document.querySelectorAll("[data-plain-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      button.hidden = false;
      if (!button.hasAttribute("data-plain-ready")) {
        button.setAttribute("data-plain-ready", "");
        button.addEventListener("click", function () {
          choose(!document.documentElement.hasAttribute(ATTRIBUTE));
        });
      }
    }
    apply(chosen());
  }

  if (chosen() && SRC && stored() === undefined && document.readyState === "loading") {
    /* parser-blocking, so the version is there before the page is drawn */
    document.write('<script src="' + window.aci.assets + SRC + '"></scr' + 'ipt>');
  }
  apply(chosen());
  window.aci.ready(start);
})();
