/*
 * The course's own behaviour around content (quizzes and text size live in
 * their own files). Plain JavaScript, no network, nothing stored.
 *
 * A lesson's controls above its title, Present and Listen, are drawn here (they do
 * nothing without scripts, so no page carries them; texts from aci.texts).
 *
 * Present mode: the [data-present] button; its script (present.js) loads when it
 * is first pressed. scorm.js loads only in a frame or a window opened by another
 * (where an LMS can be).
 *
 * Read aloud: the [data-listen] button shows when the device has a voice of its own
 * (localService) for the lesson's language; otherwise the box says there is none and,
 * for Belarusian, offers the Russian voice if the reader chooses it. Its script
 * (listen.js) loads on the first press.
 *
 * Catalogue filter: without scripts every module is listed and the filter stays
 * hidden; with scripts the reader picks a role and the list narrows.
 *
 * Menu toggles: browsers restore checkbox state when the reader comes Back
 * (from the back-forward cache, or by refilling the form), which would show the
 * drawer or the search open on a page the reader left. Material's
 * autocomplete="off" prevented that but is invalid on a checkbox, so the build
 * drops it (aci_course/quality/valid_html.py) and both toggles close here.
 */
(function () {
  "use strict";

  function setUpCatalogue(catalogue) {
    if (catalogue.hasAttribute("data-aci-ready")) return;
    catalogue.setAttribute("data-aci-ready", "");
    var form = catalogue.querySelector(".aci-filter");
    if (!form) return;
    var status = form.querySelector(".aci-filter__status");
    var template = catalogue.getAttribute("data-shown-template") || "{n} / {total}";
    var format = window.aci.format;
    var cards = catalogue.querySelectorAll(".aci-card");
    var tracks = catalogue.querySelectorAll(".aci-track");

    function apply() {
      var checked = form.querySelector("input[name=aci-audience]:checked");
      var who = checked ? checked.value : "";
      var shown = 0;
      Array.prototype.forEach.call(cards, function (card) {
        var audience = (card.getAttribute("data-audience") || "").split(" ");
        var match = !who || audience.indexOf(who) !== -1;
        card.hidden = !match;
        if (match) shown += 1;
      });
      Array.prototype.forEach.call(tracks, function (track) {
        track.hidden = !track.querySelector(".aci-card:not([hidden])");
      });
      status.textContent = format(template, { n: shown, total: cards.length });
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function closeToggles() {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  }

  /* A feature's style sheet (stylesheets/<name>.css), then `done`: styles first, so
     its first screen never shows unstyled. */
  function styled(name, done) {
    if (document.querySelector("link[data-aci-" + name + "-css]")) {
      done();
      return;
    }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = window.aci.assets + "../stylesheets/" + name + ".css";
    css.setAttribute("data-aci-" + name + "-css", "");
    css.onload = css.onerror = done;
    document.head.appendChild(css);
  }

  /* The lesson's Present button and read-aloud box, first in its article (before its
   * title), as the build rendered them (aci.draw). */
  function drawLessonControls() {
    var article = window.aci.article();
    if (!article || article.querySelector("[data-present], [data-listen-box]")) return;
    var first = article.firstChild;
    ["present", "listen"].forEach(function (name) {
      var control = window.aci.draw(name);
      if (control) article.insertBefore(control, first);
    });
  }

  /* Present mode's script (present.js) loads on the first press of its button. */
  function setUpPresent(button) {
    if (button.hasAttribute("data-aci-ready")) return;
    button.setAttribute("data-aci-ready", "");
    function present() {
      window.aci.texts(function () {
        window.aci.load(window.aci.assets + "present.js", function () {
          window.aciPresent(button);
        });
      });
    }
    button.addEventListener("click", function () {
      styled("present", present);
    });
    button.hidden = false;
  }


  /* Read aloud (drawLessonControls). Voices arrive late in some browsers
   * (Chrome fills getVoices() after "voiceschanged"); a browser that never reports
   * any has none. Only local voices count: a network voice would send the text away. */
  var VOICE_WAIT = 2000;

  function hasLocalVoice(lang) {
    var voices = window.speechSynthesis.getVoices() || [];
    return voices.some(function (voice) {
      var code = String(voice.lang || "").toLowerCase().replace("_", "-").split("-")[0];
      return voice.localService === true && code === lang;
    });
  }

  function setUpListen(box) {
    if (box.hasAttribute("data-aci-ready")) return;
    box.setAttribute("data-aci-ready", "");
    var holder = box.closest("[lang]") || document.documentElement;
    var lang = (holder.getAttribute("lang") || "ru").toLowerCase().split("-")[0];
    var start = box.querySelector("[data-listen]");
    var none = box.querySelector("[data-listen-none]");
    var other = box.querySelector("[data-listen-fallback]");
    /* The "no voice" note's text: the texts are there, the box was drawn from them. */
    function showNone(state) {
      if (state && !none.textContent) none.textContent = (window.aci.ui || {})["listen.no-voice"] || "";
      none.hidden = !state;
    }
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) {
      showNone(true);
      box.hidden = false;
      return;
    }

    function listen(voiceLang, origin, present) {
      styled("listen", function () {
        window.aci.texts(function () {
          window.aci.load(window.aci.assets + "listen.js", function () {
            window.aciListen(box, voiceLang, present, origin);
          });
        });
      });
    }
    function show(final) {
      var own = hasLocalVoice(lang);
      if (!own && !final && !window.speechSynthesis.getVoices().length) return;
      start.hidden = !own;
      showNone(!own);
      if (other) other.hidden = own || !hasLocalVoice(other.getAttribute("data-listen-fallback"));
      box.hidden = false;
    }
    start.addEventListener("click", function () { listen(lang, start); });
    if (other) {
      other.addEventListener("click", function () {
        listen(other.getAttribute("data-listen-fallback"), other);
      });
    }
    /* Present mode (present.js) gets its own Listen button, off until pressed. */
    document.addEventListener("aci:present", function (event) {
      var detail = event.detail || {};
      if (detail.state !== "start" || start.hidden || !box.isConnected) return;
      var button = start.cloneNode(true);
      button.removeAttribute("data-listen");
      button.setAttribute("data-listen-present", "");
      button.addEventListener("click", function () { listen(lang, button, detail); });
      detail.bar.insertBefore(button, detail.exit);
    });
    show(false);
    window.speechSynthesis.addEventListener("voiceschanged", function () { show(true); });
    window.setTimeout(function () { show(true); }, VOICE_WAIT);
  }

  /* "Forget my answers on this device" (templates/progress/forget_answers.html), for
   * shared computers: after one confirmation every quiz record (its last answers) and
   * free-text answer of the course, of any course version, goes from this browser;
   * quiz.js empties the forms on the page ("aci:answers-forgotten"). */
  var ANSWERS = /^aci:[^:]+:quiz:/;

  /* The confirmation: its question and two buttons, texts from aci.texts. */
  function fillForget(ask, texts) {
    var question = document.createElement("p");
    question.textContent = texts["forget.question"] || "";
    var row = document.createElement("p");
    [["forget.yes", "md-button md-button--primary", "data-forget-answers-confirm"],
      ["forget.cancel", "md-button", "data-forget-answers-cancel"]].forEach(function (spec, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = spec[1];
      button.setAttribute(spec[2], "");
      button.textContent = texts[spec[0]] || "";
      if (i) row.appendChild(document.createTextNode(" "));
      row.appendChild(button);
    });
    ask.appendChild(question);
    ask.appendChild(row);
  }

  function setUpForget(box) {
    if (box.hasAttribute("data-aci-ready")) return;
    box.setAttribute("data-aci-ready", "");
    var button = box.querySelector("[data-forget-answers]");
    var ask = box.querySelector("[data-forget-answers-ask]");
    var done = box.querySelector("[data-forget-answers-done]");
    var texts = {};
    function open(state) {
      ask.hidden = !state;
      button.setAttribute("aria-expanded", state ? "true" : "false");
    }
    function forget() {
      var store = window.aci.store;
      store.keys().forEach(function (key) {
        if (ANSWERS.test(key)) store.remove(key);
      });
      document.dispatchEvent(new CustomEvent("aci:answers-forgotten"));
      open(false);
      done.textContent = texts["forget.done"] || "";
      button.focus();
    }
    button.addEventListener("click", function () {
      done.textContent = "";
      window.aci.texts(function (ui) {
        texts = ui;
        if (!ask.firstChild) {
          fillForget(ask, texts);
          ask.querySelector("[data-forget-answers-cancel]").addEventListener("click", function () {
            open(false);
            button.focus();
          });
          ask.querySelector("[data-forget-answers-confirm]").addEventListener("click", forget);
        }
        open(true);
        ask.querySelector("[data-forget-answers-confirm]").focus();
      });
    });
    box.hidden = false;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-forget-answers-box]"), setUpForget);
    Array.prototype.forEach.call(document.querySelectorAll(".aci-catalogue"), setUpCatalogue);
    if (!window.aci.lesson) return;
    window.aci.texts(function () {
      drawLessonControls();
      Array.prototype.forEach.call(document.querySelectorAll("[data-present]"), setUpPresent);
      Array.prototype.forEach.call(document.querySelectorAll("[data-listen-box]"), setUpListen);
    }, true);
  }

  /* SCORM 1.2: an LMS's API lives in a window above the page or in its opener, so a
   * page that has neither (the site itself) never loads scorm.js, which looks. */
  function underAnotherWindow() {
    try {
      return window.parent !== window || Boolean(window.opener);
    } catch (error) {
      return true; /* another origin's frame above: an LMS may well be there */
    }
  }
  if (underAnotherWindow()) {
    window.aci.load(window.aci.assets + "scorm.js", function () {});
  }

  window.aci.ready(init);
  window.addEventListener("pageshow", closeToggles);
})();
