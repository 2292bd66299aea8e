/* The plain-language version of a lesson: the "Plain language" switch.
 *
 * A lesson with a plain version (aci_course/course/plain.py) has the switch
 * [data-plain-toggle] (hidden until this script runs), the version
 * <section data-plain> and the full lesson's blocks marked [data-plain-full].
 * The reader's choice is the attribute data-aci-plain on <html> (aci.css shows
 * one version or the other) and is kept in browser storage under
 * "aci:<course version>:plain", so it holds on every lesson and after a reload.
 * This script is loaded right after core.js, so the choice is applied while the
 * page is still being parsed, before Material's bundle.
 */
(function () {
  "use strict";

  var ATTRIBUTE = "data-aci-plain";
  var KEY = window.aci.key("plain");
  var store = window.aci.store;

  function chosen() {
    return store.read(KEY) === "on";
  }

  function apply(on) {
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

  function choose(on) {
    if (on) {
      store.write(KEY, "on");
    } else {
      store.remove(KEY);
    }
    apply(on);
  }

  function start() {
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

  apply(chosen());
  window.aci.ready(start);
})();
