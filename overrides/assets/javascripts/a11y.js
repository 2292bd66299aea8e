/* Text size: three steps in the header, remembered in browser storage.
 *
 * The group (overrides/partials/text-size.html) is hidden until this script runs,
 * since it does nothing without it. The choice is stored under
 * "aci:<course version>:text-size"; when storage is refused (private mode, a
 * locked-down browser, file:// in some browsers) the choice still applies to the
 * open page.
 *
 * On narrow screens (a11y.css) only a toggle shows in the header; it opens the
 * three steps below the header (a disclosure: aria-expanded), and Escape or a
 * click elsewhere closes them, focus going back to the toggle.
 *
 * Reading settings ([data-reading-settings], partials/reading-settings.html): line
 * spacing, letter spacing, the text column's width and the font, each a row of toggle
 * buttons, made here when the panel is first opened (texts from aci.texts).
 * The choice is one JSON object under aci.key("reading"), only what differs from the
 * default; main.html's head script sets it on <html> as data-aci-<name> before the
 * first paint, and this script does the same when the reader changes it.
 */
(function () {
  "use strict";

  var ATTRIBUTE = "data-aci-text-size";

  var store = window.aci.store;

  /* The page keeps the size when storage refuses it (core.js's store). */
  function write(key, value) {
    if (value === "0") {
      store.remove(key);
    } else {
      store.write(key, value);
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

  function setUpMenu(menu) {
    var toggle = menu.querySelector(".aci-text-size-menu__toggle");
    if (!toggle) {
      return;
    }
    function open(state) {
      toggle.setAttribute("aria-expanded", state ? "true" : "false");
      menu.classList.toggle("aci-text-size-menu--open", state);
    }
    toggle.addEventListener("click", function () {
      open(toggle.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        open(false);
        toggle.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!menu.contains(event.target)) {
        open(false);
      }
    });
  }

  /* The steps' buttons, one per name in data-aci-text-size-labels ("|" between them). */
  function fillSteps(menu) {
    var group = menu.querySelector(".aci-text-size");
    if (!group || group.firstChild) return;
    var labels = (menu.getAttribute("data-aci-text-size-labels") || "").split("|");
    labels.forEach(function (label, step) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "aci-text-size__button";
      button.setAttribute(ATTRIBUTE, String(step));
      button.setAttribute("aria-pressed", step === 0 ? "true" : "false");
      button.title = label;
      var glyph = document.createElement("span");
      glyph.setAttribute("aria-hidden", "true");
      glyph.className = "aci-text-size__glyph aci-text-size__glyph--" + step;
      glyph.textContent = "A";
      var name = document.createElement("span");
      name.className = "aci-sr-only";
      name.textContent = label;
      button.appendChild(glyph);
      button.appendChild(name);
      group.appendChild(button);
    });
  }

  function setUp(menu) {
    if (menu.hasAttribute("data-aci-ready")) {
      return;
    }
    menu.setAttribute("data-aci-ready", "");
    fillSteps(menu);
    var key = menu.getAttribute("data-aci-text-size-key");
    var stored = store.read(key);
    apply(menu, stored === "1" || stored === "2" ? stored : "0");
    menu.addEventListener("click", function (event) {
      var button = event.target.closest("button[" + ATTRIBUTE + "]");
      if (!button) {
        return;
      }
      var step = button.getAttribute(ATTRIBUTE);
      apply(menu, step);
      write(key, step);
    });
    setUpMenu(menu);
    menu.hidden = false;
  }


  var READING = { line: "0", letter: "0", column: "normal", font: "0" }; /* the defaults */

  /* The panel's rows: setting, its label's text key, [value, text key] per button. */
  var SPACING = [["0", "a11y.spacing-0"], ["1", "a11y.spacing-1"], ["2", "a11y.spacing-2"]];
  var ROWS = [
    ["line", "a11y.line", SPACING],
    ["letter", "a11y.letter", SPACING],
    ["column", "a11y.column",
      [["narrow", "a11y.column-narrow"], ["normal", "a11y.column-normal"], ["wide", "a11y.column-wide"]]],
    ["font", "a11y.font", [["0", "a11y.font-0"], ["dyslexic", "a11y.font-dyslexic"]]]
  ];

  function fillReading(panel, texts) {
    ROWS.forEach(function (row) {
      var group = document.createElement("div");
      group.className = "aci-reading__row";
      group.setAttribute("role", "group");
      group.setAttribute("aria-labelledby", "aci-reading-" + row[0]);
      var label = document.createElement("span");
      label.className = "aci-reading__label";
      label.id = "aci-reading-" + row[0];
      label.textContent = texts[row[1]] || row[0];
      group.appendChild(label);
      row[2].forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("data-aci-reading", row[0]);
        button.value = choice[0];
        button.textContent = texts[choice[1]] || choice[0];
        group.appendChild(button);
      });
      panel.appendChild(group);
    });
  }

  /* The dyslexia font's faces (reading-font.css, 230 KB of fonts) load only once chosen. */
  function loadFont() {
    if (document.querySelector("link[data-aci-reading-font]")) return;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = window.aci.assets + "../stylesheets/reading-font.css";
    css.setAttribute("data-aci-reading-font", "");
    document.head.appendChild(css);
  }

  function readingChoice() {
    var stored = store.get(window.aci.key("reading"));
    var choice = {};
    Object.keys(READING).forEach(function (name) {
      var value = stored && typeof stored[name] === "string" ? stored[name] : "";
      choice[name] = value || READING[name];
    });
    return choice;
  }

  function applyReading(panel, choice) {
    var kept = {};
    Object.keys(READING).forEach(function (name) {
      if (choice[name] !== READING[name]) {
        document.documentElement.setAttribute("data-aci-" + name, choice[name]);
        kept[name] = choice[name];
        if (name === "font") loadFont();
      } else {
        document.documentElement.removeAttribute("data-aci-" + name);
      }
    });
    var buttons = panel.querySelectorAll("button[data-aci-reading]");
    for (var i = 0; i < buttons.length; i++) {
      var name = buttons[i].getAttribute("data-aci-reading");
      buttons[i].setAttribute("aria-pressed", choice[name] === buttons[i].value ? "true" : "false");
    }
    return kept;
  }

  function setUpReading(panel) {
    if (panel.hasAttribute("data-aci-ready")) return;
    panel.setAttribute("data-aci-ready", "");
    var toggle = document.querySelector("[aria-controls='" + panel.id + "']");
    var choice = readingChoice();
    applyReading(panel, choice);
    function open(state) {
      toggle.setAttribute("aria-expanded", state ? "true" : "false");
      if (!state || panel.firstChild) {
        panel.hidden = !state;
        return;
      }
      window.aci.texts(function (texts) {
        if (!panel.firstChild) {
          fillReading(panel, texts);
          applyReading(panel, choice);
        }
        panel.hidden = toggle.getAttribute("aria-expanded") !== "true";
      });
    }
    toggle.addEventListener("click", function () {
      open(toggle.getAttribute("aria-expanded") !== "true");
    });
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-aci-reading]");
      if (!button) return;
      choice[button.getAttribute("data-aci-reading")] = button.value;
      var kept = applyReading(panel, choice);
      if (Object.keys(kept).length) {
        store.set(window.aci.key("reading"), kept);
      } else {
        store.remove(window.aci.key("reading"));
      }
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.stopPropagation();
        open(false);
        toggle.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!panel.contains(event.target) && !toggle.contains(event.target)) open(false);
    });
  }

  window.aci.ready(function () {
    var groups = document.querySelectorAll("[data-aci-text-size-key]");
    for (var i = 0; i < groups.length; i++) {
      setUp(groups[i]);
    }
    var panels = document.querySelectorAll("[data-reading-settings]");
    for (var j = 0; j < panels.length; j++) {
      setUpReading(panels[j]);
    }
  });
})();
