/* Text size: three steps in the header, remembered in browser storage.
 *
 * The group (overrides/partials/text-size.html) is hidden until this script runs,
 * since it does nothing without it. The choice is stored under
 * "aci:<course version>:text-size"; when storage is refused (private mode, a
 * locked-down browser, file:// in some browsers) the choice still applies to the
 * open page.
 */
(function () {
  "use strict";

  var ATTRIBUTE = "data-aci-text-size";

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      if (value === "0") {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (error) {
      /* storage refused or full: the page keeps the size until it is left */
    }
  }

  function apply(group, step) {
    if (step === "0") {
      document.documentElement.removeAttribute(ATTRIBUTE);
    } else {
      document.documentElement.setAttribute(ATTRIBUTE, step);
    }
    var buttons = group.querySelectorAll("button[" + ATTRIBUTE + "]");
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].getAttribute(ATTRIBUTE) === step;
      buttons[i].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
  }

  function setUp(group) {
    var key = group.getAttribute("data-aci-text-size-key");
    var stored = read(key);
    apply(group, stored === "1" || stored === "2" ? stored : "0");
    group.addEventListener("click", function (event) {
      var button = event.target.closest("button[" + ATTRIBUTE + "]");
      if (!button) {
        return;
      }
      var step = button.getAttribute(ATTRIBUTE);
      apply(group, step);
      write(key, step);
    });
    group.hidden = false;
  }

  var groups = document.querySelectorAll("[data-aci-text-size-key]");
  for (var i = 0; i < groups.length; i++) {
    setUp(groups[i]);
  }
})();
