/*
 * Learner progress, kept on the reader's own device only: what every page with
 * progress needs (lessons, module overviews, the catalogue, the progress page, the
 * group report). A lesson adds progress-lesson.js (its "done" toggle, recording
 * quiz attempts); pages that show modules' states (overviews, the catalogue, the
 * progress page) progress-modules.js; the progress page progress-file.js and
 * progress-page.js (export, import, certificate); the trainer's group report
 * progress-file.js and group-report.js. Each extends window.aciProgress, so no page
 * loads another's code.
 *
 * The build gives a page the course map it needs (aci_course/progress/data.py):
 * a lesson or module overview the map of its own module,
 * assets/javascripts/progress/<lang>/<module>.js; the catalogue, progress page
 * and group report the whole course, assets/javascripts/progress-data.<lang>.js
 * (window.aciProgressData[lang]: modules, lessons, the quizzes each lesson
 * embeds, pass marks, the interface texts; "complete": true for the whole
 * course). No text shown to the reader is written here.
 *
 * State: one record under aci.key("progress"), i.e. "aci:<course version>:progress"
 * (format below and in schemas/progress.schema.json, which an exported file follows):
 *   {v: 1, learner: "<random id>", name: "", saved: ISO,
 *    lessons: {"<module>/<lesson>": {done: bool, at: ISO}},
 *    quizzes: {"<module>/<quiz>": {attempts, best, total, passed, at,
 *              first: {score, total, missed: [question ids], at}, last: {...},
 *              pre: {...} | null, post: {...} | null}},
 *    last: {id: "<module>/<lesson>", at: ISO} | null}
 * `pre` is the test before the module (the module's pretest.html, one attempt, not
 * counted in attempts or best); `post` the first checked attempt after it. Older
 * states and files have neither.
 * Quiz results come from quiz.js's "aci:quiz-checked" event, and from the
 * records quiz.js keeps under aci.key("quiz:<module>/<quiz>") ({attempts,
 * best, last: {passed}}), which are read, never written.
 *
 * A lesson is done when marked, or, if never marked either way, when all its
 * quizzes are passed; passing them marks it. A module is completed when all its
 * lessons are done and all its quizzes passed, in progress once anything is
 * done or tried.
 *
 * Storage may be refused, full or hold garbage (core.js's store): nothing here
 * throws; the open page keeps working from memory and says that progress cannot
 * be kept.
 *
 * The pure functions are exported under Node for tests (tests/progress/test_format.py).
 */
(function () {
  "use strict";

  var ID = /^[a-z0-9][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;

  /* --- pure functions: state and module progress ------------------------------ */

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isTime(value) {
    return typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value));
  }

  function count(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 ? Math.floor(value) : 0;
  }

  function randomId() {
    var bytes = "";
    for (var i = 0; i < 16; i++) bytes += Math.floor(Math.random() * 16).toString(16);
    return bytes;
  }

  function emptyState() {
    return { v: 1, learner: randomId(), name: "", saved: null, lessons: {}, quizzes: {}, last: null };
  }

  function cleanAttempt(raw) {
    if (!isObject(raw)) return null;
    var missed = Array.isArray(raw.missed)
      ? raw.missed.filter(function (id) {
          return typeof id === "string" && id.length <= 100;
        })
      : [];
    return {
      score: count(raw.score),
      total: count(raw.total),
      missed: missed,
      at: isTime(raw.at) ? raw.at : null
    };
  }

  /* A state from anything (storage or a file): unknown or ill-typed parts are dropped. */
  function cleanState(raw) {
    var state = emptyState();
    if (!isObject(raw)) return state;
    if (typeof raw.learner === "string" && /^[A-Za-z0-9-]{1,64}$/.test(raw.learner)) {
      state.learner = raw.learner;
    }
    if (typeof raw.name === "string") state.name = raw.name.slice(0, 120);
    if (isTime(raw.saved)) state.saved = raw.saved;
    if (isObject(raw.lessons)) {
      Object.keys(raw.lessons).forEach(function (id) {
        var entry = raw.lessons[id];
        if (ID.test(id) && isObject(entry) && typeof entry.done === "boolean") {
          state.lessons[id] = { done: entry.done, at: isTime(entry.at) ? entry.at : null };
        }
      });
    }
    if (isObject(raw.quizzes)) {
      Object.keys(raw.quizzes).forEach(function (id) {
        var entry = raw.quizzes[id];
        if (!ID.test(id) || !isObject(entry)) return;
        state.quizzes[id] = {
          attempts: count(entry.attempts),
          best: count(entry.best),
          total: count(entry.total),
          passed: entry.passed === true,
          at: isTime(entry.at) ? entry.at : null,
          first: cleanAttempt(entry.first),
          last: cleanAttempt(entry.last),
          pre: cleanAttempt(entry.pre),
          post: cleanAttempt(entry.post)
        };
      });
    }
    if (isObject(raw.last) && typeof raw.last.id === "string" && ID.test(raw.last.id)) {
      state.last = { id: raw.last.id, at: isTime(raw.last.at) ? raw.last.at : null };
    }
    return state;
  }

  function time(value) {
    return value ? Date.parse(value) : -Infinity;
  }

  /* Only what still exists in this course version (progress carried over). A map
   * of some modules only (a lesson's) drops only what those modules no longer have. */
  function keepKnown(state, data) {
    var lessons = {};
    var quizzes = {};
    var modules = {};
    data.modules.forEach(function (module) {
      modules[module.id] = true;
      module.lessons.forEach(function (lesson) {
        lessons[lesson.id] = true;
      });
      module.quizzes.forEach(function (quiz) {
        quizzes[quiz.id] = true;
      });
    });
    function gone(id, known) {
      return !has(known, id) && (data.complete === true || has(modules, id.split("/")[0]));
    }
    var result = cleanState(state);
    Object.keys(result.lessons).forEach(function (id) {
      if (gone(id, lessons)) delete result.lessons[id];
    });
    Object.keys(result.quizzes).forEach(function (id) {
      if (gone(id, quizzes)) delete result.quizzes[id];
    });
    if (result.last && gone(result.last.id, lessons)) result.last = null;
    return result;
  }

  function quizStatus(state, quizJs, quiz) {
    var mine = state.quizzes[quiz.id] || null;
    var theirs = quizJs && isObject(quizJs) ? quizJs : null;
    var attempts = Math.max(mine ? mine.attempts : 0, theirs ? count(theirs.attempts) : 0);
    var best = Math.max(mine ? mine.best : 0, theirs ? count(theirs.best) : 0);
    var passed =
      (mine !== null && mine.passed) ||
      (attempts > 0 && best >= quiz.needed) ||
      (theirs !== null && isObject(theirs.last) && theirs.last.passed === true);
    return { attempts: attempts, best: best, total: quiz.total, passed: passed };
  }

  /* Done when marked; never marked either way: when it has quizzes and all are passed. */
  function lessonDone(state, lesson, statuses) {
    var mark = state.lessons[lesson.id];
    if (mark) return mark.done;
    return (
      lesson.quizzes.length > 0 &&
      lesson.quizzes.every(function (id) {
        return statuses[id] && statuses[id].passed;
      })
    );
  }

  /* {state: "not-started"|"in-progress"|"completed", done, total, quizzes: {id: status}, date}. */
  function moduleProgress(state, module, readQuizJs) {
    var statuses = {};
    module.quizzes.forEach(function (quiz) {
      statuses[quiz.id] = quizStatus(state, readQuizJs ? readQuizJs(quiz.id) : null, quiz);
    });
    var done = 0;
    var latest = null;
    module.lessons.forEach(function (lesson) {
      if (lessonDone(state, lesson, statuses)) done += 1;
      var mark = state.lessons[lesson.id];
      if (mark && mark.at && (!latest || time(mark.at) > time(latest))) latest = mark.at;
    });
    var passed = 0;
    var tried = 0;
    module.quizzes.forEach(function (quiz) {
      if (statuses[quiz.id].passed) passed += 1;
      if (statuses[quiz.id].attempts > 0) tried += 1;
      var mine = state.quizzes[quiz.id];
      if (mine && mine.at && (!latest || time(mine.at) > time(latest))) latest = mine.at;
    });
    var name = "not-started";
    if (done === module.lessons.length && passed === module.quizzes.length && done + passed > 0) {
      name = "completed";
    } else if (done > 0 || tried > 0) {
      name = "in-progress";
    }
    return { state: name, done: done, total: module.lessons.length, quizzes: statuses, date: latest };
  }


  var api = {
    ID: ID,
    has: has,
    isObject: isObject,
    isTime: isTime,
    count: count,
    time: time,
    emptyState: emptyState,
    cleanState: cleanState,
    keepKnown: keepKnown,
    lessonDone: lessonDone,
    moduleProgress: moduleProgress
  };

  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof document === "undefined") return;

  /* --- the page ---------------------------------------------------------------- */

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function Progress(data, store) {
    this.data = data;
    this.texts = data.texts;
    this.store = store;
    this.key = window.aci.key("progress");
    this.kept = store.ok;
    this.state = this.load();
  }

  Progress.prototype.t = function (key, values) {
    return window.aci.format(this.texts[key] || key, values || {});
  };

  Progress.prototype.load = function () {
    var raw = this.store.get(this.key);
    if (isObject(raw)) return cleanState(raw);
    /* Nothing for this version: carry over the newest record of an older one. */
    var self = this;
    var best = null;
    this.store.keys().forEach(function (key) {
      var match = /^aci:(.+):progress$/.exec(key || "");
      if (!match || key === self.key || (match[1].split("/")[1] || "") !== window.aci.scope) return;
      var other = self.store.get(key);
      if (isObject(other) && (!best || time(other.saved) > time(best.saved))) best = other;
    });
    var state = best ? keepKnown(best, this.data) : emptyState();
    if (best) this.save(state);
    return state;
  };

  Progress.prototype.save = function (state) {
    state = state || this.state;
    state.saved = new Date().toISOString();
    this.kept = this.store.set(this.key, state) && this.kept;
    this.notice();
  };

  Progress.prototype.notice = function () {
    var kept = this.kept;
    all(document, "[data-progress-storage-notice]").forEach(function (element) {
      element.hidden = kept;
    });
  };

  Progress.prototype.quizJs = function (id) {
    return this.store.get(window.aci.key("quiz:" + id));
  };

  Progress.prototype.module = function (id) {
    for (var i = 0; i < this.data.modules.length; i++) {
      if (this.data.modules[i].id === id) return this.data.modules[i];
    }
    return null;
  };

  Progress.prototype.lesson = function (id) {
    var module = this.module(id.split("/")[0]);
    if (!module) return null;
    for (var i = 0; i < module.lessons.length; i++) {
      if (module.lessons[i].id === id) return module.lessons[i];
    }
    return null;
  };

  Progress.prototype.progressOf = function (module) {
    return moduleProgress(this.state, module, this.quizJs.bind(this));
  };

  Progress.prototype.render = function (page) {
    if (this.showModules) this.showModules(); /* progress-modules.js */
    if (page && this.showPage) this.showPage(page); /* progress-page.js */
  };


  /* --- start ---------------------------------------------------------------------- */

  api.Progress = Progress;
  api.all = all;
  window.aciProgress = api;

  function start() {
    var root = document.documentElement;
    if (root.hasAttribute("data-progress-ready")) return;
    var maps = window.aciProgressData || {};
    var data = maps[Object.keys(maps)[0]];
    if (!data || !Array.isArray(data.modules)) return;
    root.setAttribute("data-progress-ready", "");
    try {
      var progress = new Progress(data, window.aci.store);
      progress.notice();
      if (progress.setUpLesson) {
        /* progress-lesson.js, on lessons */
        progress.listen();
        progress.startLesson();
      }
      var page = document.querySelector("[data-progress-page]");
      progress.render(page);
      if (page && progress.setUpMove) progress.setUpMove(page);
      var report = document.querySelector("[data-report-page]");
      if (report && progress.setUpReport) progress.setUpReport(report);
    } catch (error) {
      /* Progress is an aid: whatever goes wrong, the lesson itself stays readable. */
      all(document, "[data-progress-storage-notice]").forEach(function (element) {
        element.hidden = false;
      });
    }
  }

  window.aci.ready(start);
})();
