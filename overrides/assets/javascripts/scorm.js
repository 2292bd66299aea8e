/*
 * SCORM 1.2 runtime: tells the LMS that launched a lesson how the learner is doing.
 *
 * Active only when a SCORM 1.2 API object ("API" with LMSInitialize) is found by
 * walking window.parent up to the top, then window.opener and its parents; on
 * the site, from disk or on a host, nothing is found and the page is untouched.
 *
 * Inside an LMS (one SCO per lesson, see aci_course/export/scorm.py):
 * - LMSInitialize on load; cmi.core.lesson_status "completed" for a lesson
 *   without a quiz, "incomplete" until every quiz of the page is checked, then
 *   "passed" (all passed) or "failed";
 * - cmi.core.score.raw 0-100 from the best attempt of each quiz (the
 *   "aci:quiz-checked" event of quiz.js), min 0 and max 100;
 * - cmi.core.lesson_location "#<id of the last heading reached>" (at most 255
 *   characters, SCORM 1.2's limit), scrolled back to on resume; suspend_data
 *   is not used (answers stay in the browser, as on the site);
 * - LMSCommit after each change, LMSFinish when the page goes away;
 * - the search control is hidden: results would open other lessons, which the
 *   LMS navigates between.
 */
(function () {
  "use strict";

  var MAX_LOCATION = 255;
  var MAX_LEVELS = 500; // as ADL's reference API finder: a frame chain deeper than this is broken

  function apiIn(win) {
    try {
      if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
    } catch (error) {
      /* another origin's window: keep climbing */
    }
    return null;
  }

  function climb(win) {
    for (var level = 0; win && level < MAX_LEVELS; level += 1) {
      var api = apiIn(win);
      if (api) return api;
      var parent;
      try {
        parent = win.parent;
      } catch (error) {
        return null;
      }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  function findAPI() {
    var api = climb(window);
    if (!api) {
      try {
        if (window.opener) api = climb(window.opener);
      } catch (error) {
        api = null;
      }
    }
    return api;
  }

  function Session(api) {
    this.api = api;
    this.finished = false;
    this.results = {};
    this.quizzes = Array.prototype.map.call(
      document.querySelectorAll("form[data-quiz]"),
      function (form) { return form.getAttribute("data-quiz"); }
    );
  }

  Session.prototype.get = function (name) {
    return String(this.api.LMSGetValue(name) || "");
  };

  Session.prototype.set = function (name, value) {
    this.api.LMSSetValue(name, String(value));
  };

  Session.prototype.commit = function () {
    this.api.LMSCommit("");
  };

  Session.prototype.start = function () {
    if (String(this.api.LMSInitialize("")) !== "true") return false;
    var status = this.get("cmi.core.lesson_status");
    if (this.quizzes.length === 0) {
      if (status !== "passed") this.set("cmi.core.lesson_status", "completed");
    } else if (status === "" || status === "not attempted" || status === "browsed") {
      this.set("cmi.core.lesson_status", "incomplete");
    }
    this.resume();
    this.commit();
    return true;
  };

  Session.prototype.resume = function () {
    var location = this.get("cmi.core.lesson_location");
    if (location.charAt(0) !== "#") return;
    var target = document.getElementById(location.slice(1));
    if (target) target.scrollIntoView();
  };

  Session.prototype.checked = function (detail) {
    /* The test before a module is no result to report to the LMS. */
    if (this.quizzes.indexOf(detail.quiz) < 0 || detail.mode === "pre") return;
    var before = this.results[detail.quiz] || { best: 0, passed: false };
    this.results[detail.quiz] = {
      best: Math.max(before.best, detail.best || 0, detail.score || 0),
      total: detail.total,
      passed: before.passed || Boolean(detail.passed),
    };
    var self = this;
    var done = this.quizzes.every(function (id) { return self.results[id]; });
    if (!done) return this.commit();
    var points = 0;
    var total = 0;
    var passed = true;
    this.quizzes.forEach(function (id) {
      var result = self.results[id];
      points += result.best;
      total += result.total;
      passed = passed && result.passed;
    });
    this.set("cmi.core.score.min", 0);
    this.set("cmi.core.score.max", 100);
    this.set("cmi.core.score.raw", total ? Math.round((100 * points) / total) : 100);
    this.set("cmi.core.lesson_status", passed ? "passed" : "failed");
    this.commit();
  };

  /* "#id" of the last heading in the top quarter of the window or above it, within
     SCORM's 255 characters (a heading scrolled to sits below the sticky header). */
  Session.prototype.location = function () {
    var headings = document.querySelectorAll(".md-content h2[id], .md-content h3[id]");
    var line = window.innerHeight / 4;
    var reached = null;
    Array.prototype.forEach.call(headings, function (heading) {
      if (heading.getBoundingClientRect().top <= line) reached = heading;
    });
    if (!reached) return "";
    var value = "#" + reached.id;
    return value.length <= MAX_LOCATION ? value : "";
  };

  Session.prototype.finish = function () {
    if (this.finished) return;
    this.finished = true;
    this.set("cmi.core.lesson_location", this.location());
    var status = this.get("cmi.core.lesson_status");
    var done = status === "passed" || status === "completed" || status === "failed";
    this.set("cmi.core.exit", done ? "" : "suspend");
    this.commit();
    this.api.LMSFinish("");
  };

  function hideSearch() {
    var parts = document.querySelectorAll('label[for="__search"], [data-md-component="search"]');
    Array.prototype.forEach.call(parts, function (part) { part.hidden = true; });
  }

  function init() {
    if (window.__aciScorm) return; // DOMContentLoaded and document$ both call init
    var api = findAPI();
    if (!api) return;
    var session = new Session(api);
    window.__aciScorm = session;
    if (!session.start()) return;
    hideSearch();
    document.addEventListener("aci:quiz-checked", function (event) {
      session.checked(event.detail || {});
    });
    window.addEventListener("pagehide", function () { session.finish(); });
    window.addEventListener("beforeunload", function () { session.finish(); });
  }

  window.aci.ready(init);
})();
