/*
 * Learner progress, kept on the reader's own device only.
 *
 * The build gives every page the course map of its language in
 * assets/javascripts/progress-data.<lang>.js (window.aciProgressData[lang]:
 * modules, lessons, the quizzes each lesson embeds, pass marks, and the interface
 * texts; see aci_course/progress/data.py). No text shown to the reader is
 * written here.
 *
 * State: one record under "aci:<course version>:progress" (format below and in
 * schemas/progress.schema.json, which an exported file follows):
 *   {v: 1, learner: "<random id>", name: "", saved: ISO,
 *    lessons: {"<module>/<lesson>": {done: bool, at: ISO}},
 *    quizzes: {"<module>/<quiz>": {attempts, best, total, passed, at,
 *              first: {score, total, missed: [question ids], at}, last: {...}}},
 *    last: {id: "<module>/<lesson>", at: ISO} | null}
 * Quiz results come from quiz.js's "aci:quiz-checked" event, and from the
 * records quiz.js keeps under "aci:<version>:quiz:<module>/<quiz>" ({attempts,
 * best, last: {passed}}), which are read, never written.
 *
 * A lesson is done when marked, or, if never marked either way, when all its
 * quizzes are passed; passing them marks it. A module is completed when all its
 * lessons are done and all its quizzes passed, in progress once anything is
 * done or tried.
 *
 * Storage may be refused, full or hold garbage: nothing here throws; the open
 * page keeps working from memory and says that progress cannot be kept.
 *
 * The pure functions at the top are exported under Node for tests
 * (tests/progress/test_progress_js.py).
 */
(function () {
  "use strict";

  var FORMAT = "aci-course-progress";
  var FORMAT_VERSION = 1;
  var ID = /^[a-z0-9][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;

  /* --- pure functions: state, merge, file format, group report --------------- */

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
          last: cleanAttempt(entry.last)
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

  function newer(a, b) {
    if (!a) return b;
    if (!b) return a;
    return time(b.at) > time(a.at) ? b : a;
  }

  function older(a, b) {
    if (!a) return b;
    if (!b) return a;
    return time(b.at) < time(a.at) ? b : a;
  }

  function mergeQuiz(a, b) {
    if (!a) return b;
    if (!b) return a;
    return {
      attempts: Math.max(a.attempts, b.attempts),
      best: Math.max(a.best, b.best),
      total: Math.max(a.total, b.total),
      passed: a.passed || b.passed,
      at: time(b.at) > time(a.at) ? b.at : a.at,
      first: older(a.first, b.first),
      last: newer(a.last, b.last)
    };
  }

  /* `base` with `incoming` merged in: each lesson mark by the newest, quiz results
   * by their best and by attempt dates. Neither argument is changed. */
  function merge(base, incoming) {
    var result = cleanState(JSON.parse(JSON.stringify(base)));
    Object.keys(incoming.lessons).forEach(function (id) {
      result.lessons[id] = newer(result.lessons[id], incoming.lessons[id]);
    });
    Object.keys(incoming.quizzes).forEach(function (id) {
      result.quizzes[id] = mergeQuiz(result.quizzes[id], incoming.quizzes[id]);
    });
    result.last = newer(result.last, incoming.last);
    if (!result.name && incoming.name) result.name = incoming.name;
    return result;
  }

  /* Only what still exists in this course version (progress carried over). */
  function keepKnown(state, data) {
    var lessons = {};
    var quizzes = {};
    data.modules.forEach(function (module) {
      module.lessons.forEach(function (lesson) {
        lessons[lesson.id] = true;
      });
      module.quizzes.forEach(function (quiz) {
        quizzes[quiz.id] = true;
      });
    });
    var result = cleanState(state);
    Object.keys(result.lessons).forEach(function (id) {
      if (!has(lessons, id)) delete result.lessons[id];
    });
    Object.keys(result.quizzes).forEach(function (id) {
      if (!has(quizzes, id)) delete result.quizzes[id];
    });
    if (result.last && !has(lessons, result.last.id)) result.last = null;
    return result;
  }

  function isEmpty(state) {
    return Object.keys(state.lessons).length === 0 && Object.keys(state.quizzes).length === 0;
  }

  function toFile(state, data, now) {
    return {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      course: data.course,
      courseVersion: data.version,
      language: data.lang,
      exportedAt: now,
      learner: state.learner,
      name: state.name,
      lessons: state.lessons,
      quizzes: state.quizzes,
      last: state.last
    };
  }

  /* {ok: true, state, exportedAt} or {ok: false, problem: "bad" | "foreign" | "newer"}. */
  function readFile(text, data) {
    var raw;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, problem: "bad" };
    }
    if (!isObject(raw) || raw.format !== FORMAT || typeof raw.formatVersion !== "number") {
      return { ok: false, problem: "bad" };
    }
    if (raw.formatVersion > FORMAT_VERSION) return { ok: false, problem: "newer" };
    if (raw.course !== data.course) return { ok: false, problem: "foreign" };
    if (!isObject(raw.lessons) || !isObject(raw.quizzes) || !isTime(raw.exportedAt)) {
      return { ok: false, problem: "bad" };
    }
    return { ok: true, state: keepKnown(raw, data), exportedAt: raw.exportedAt };
  }

  /* quiz.js's own record of a quiz ({attempts, best, last: {passed}}), if any. */
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

  function quizzesById(module) {
    var result = {};
    module.quizzes.forEach(function (quiz) {
      result[quiz.id] = quiz;
    });
    return result;
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

  function percent(part, whole) {
    return whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0;
  }

  /* The group report from [{name, text}] files: what the page and the CSV show. */
  function groupReport(files, data) {
    var skipped = [];
    var people = [];
    var seen = {};
    files.forEach(function (file) {
      var read = readFile(file.text, data);
      if (!read.ok) {
        skipped.push({ name: file.name, problem: read.problem });
        return;
      }
      var key = read.state.learner;
      if (has(seen, key)) {
        skipped.push({ name: file.name, problem: "duplicate" });
        return;
      }
      seen[key] = true;
      people.push(read.state);
    });
    var quizzes = [];
    var missed = [];
    var modules = [];
    data.modules.forEach(function (module) {
      module.quizzes.forEach(function (quiz) {
        var row = { id: quiz.id, title: quiz.title, participants: 0, passed: 0, first: 0, best: 0 };
        var firstSum = 0;
        var bestSum = 0;
        var misses = {};
        people.forEach(function (person) {
          var entry = person.quizzes[quiz.id];
          if (!entry || entry.attempts === 0) return;
          row.participants += 1;
          if (entry.passed || entry.best >= quiz.needed) row.passed += 1;
          var first = entry.first || { score: entry.best, total: quiz.total, missed: [] };
          firstSum += percent(first.score, first.total || quiz.total);
          bestSum += percent(entry.best, entry.total || quiz.total);
          first.missed.forEach(function (question) {
            misses[question] = (misses[question] || 0) + 1;
          });
        });
        row.passedShare = percent(row.passed, row.participants);
        row.first = row.participants ? Math.round((10 * firstSum) / row.participants) / 10 : 0;
        row.best = row.participants ? Math.round((10 * bestSum) / row.participants) / 10 : 0;
        quizzes.push(row);
        Object.keys(misses).forEach(function (question) {
          missed.push({
            quiz: quiz.id,
            title: quiz.title,
            question: question,
            n: misses[question],
            total: row.participants
          });
        });
      });
      var completed = people.filter(function (person) {
        return moduleProgress(person, module, null).state === "completed";
      }).length;
      modules.push({
        id: module.id,
        title: module.title,
        done: completed,
        total: people.length,
        share: percent(completed, people.length)
      });
    });
    missed.sort(function (a, b) {
      return b.n - a.n || (a.quiz + a.question < b.quiz + b.question ? -1 : 1);
    });
    return { files: people.length, skipped: skipped, quizzes: quizzes, missed: missed.slice(0, 10), modules: modules };
  }

  function csvCell(value) {
    var text = String(value);
    /* A cell a spreadsheet would run as a formula is quoted as text. */
    if (/^[=+\-@]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function reportCsv(report) {
    var lines = [["quiz", "title", "participants", "passed", "passed_percent", "first_attempt_mean_percent", "best_attempt_mean_percent"]];
    report.quizzes.forEach(function (row) {
      lines.push([row.id, row.title, row.participants, row.passed, row.passedShare, row.first, row.best]);
    });
    return lines.map(function (cells) {
      return cells.map(csvCell).join(",");
    }).join("\r\n") + "\r\n";
  }

  var api = {
    FORMAT: FORMAT,
    FORMAT_VERSION: FORMAT_VERSION,
    emptyState: emptyState,
    cleanState: cleanState,
    merge: merge,
    keepKnown: keepKnown,
    toFile: toFile,
    readFile: readFile,
    moduleProgress: moduleProgress,
    groupReport: groupReport,
    reportCsv: reportCsv
  };

  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof document === "undefined") return;

  /* --- the page ---------------------------------------------------------------- */

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return has(values, name) ? String(values[name]) : whole;
    });
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  /* localStorage that may be refused, full or hold anything. */
  function makeStore() {
    var storage = null;
    try {
      storage = window.localStorage;
      storage.setItem("aci:probe", "1");
      storage.removeItem("aci:probe");
    } catch (error) {
      storage = null;
    }
    return {
      ok: storage !== null,
      get: function (key) {
        try {
          var raw = storage ? storage.getItem(key) : null;
          return raw ? JSON.parse(raw) : null;
        } catch (error) {
          return null;
        }
      },
      set: function (key, value) {
        try {
          if (!storage) return false;
          storage.setItem(key, JSON.stringify(value));
          return true;
        } catch (error) {
          return false;
        }
      },
      keys: function () {
        var found = [];
        try {
          for (var i = 0; storage && i < storage.length; i++) found.push(storage.key(i));
        } catch (error) {
          /* nothing to list */
        }
        return found;
      },
      remove: function (key) {
        try {
          if (storage) storage.removeItem(key);
        } catch (error) {
          /* refused: nothing was kept anyway */
        }
      }
    };
  }

  function Progress(data, store) {
    this.data = data;
    this.texts = data.texts;
    this.store = store;
    /* Inside a ZIM file (Kiwix: one origin for every ZIM) the export sets a scope. */
    var scope = document.documentElement.getAttribute("data-aci-storage-scope");
    this.version = data.version + (scope ? "/" + scope : "");
    this.key = "aci:" + this.version + ":progress";
    this.kept = store.ok;
    this.state = this.load();
  }

  Progress.prototype.t = function (key, values) {
    return format(this.texts[key] || key, values || {});
  };

  Progress.prototype.load = function () {
    var raw = this.store.get(this.key);
    if (isObject(raw)) return cleanState(raw);
    /* Nothing for this version: carry over the newest record of an older one. */
    var self = this;
    var best = null;
    this.store.keys().forEach(function (key) {
      var match = /^aci:(.+):progress$/.exec(key || "");
      if (!match || key === self.key || match[1].split("/")[1] !== self.version.split("/")[1]) return;
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
    return this.store.get("aci:" + this.version + ":quiz:" + id);
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

  Progress.prototype.date = function (iso) {
    var when = iso ? new Date(iso) : new Date();
    try {
      return when.toLocaleDateString(this.data.lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (error) {
      return when.toISOString().slice(0, 10);
    }
  };

  /* --- lesson pages ---------------------------------------------------------------- */

  Progress.prototype.setUpLesson = function (holder) {
    var self = this;
    var id = holder.getAttribute("data-progress-lesson");
    var lesson = this.lesson(id);
    var button = holder.querySelector("[data-lesson-done]");
    if (!lesson || !button) return;
    this.state.last = { id: id, at: new Date().toISOString() };
    this.save();
    function show() {
      var module = self.module(id.split("/")[0]);
      var statuses = self.progressOf(module).quizzes;
      button.setAttribute("aria-pressed", lessonDone(self.state, lesson, statuses) ? "true" : "false");
    }
    button.addEventListener("click", function () {
      var done = button.getAttribute("aria-pressed") !== "true";
      self.state.lessons[id] = { done: done, at: new Date().toISOString() };
      self.save();
      show();
    });
    document.addEventListener("aci:quiz-checked", function () {
      show();
      var statuses = self.progressOf(self.module(id.split("/")[0])).quizzes;
      var passed =
        lesson.quizzes.length > 0 &&
        lesson.quizzes.every(function (quiz) {
          return statuses[quiz] && statuses[quiz].passed;
        });
      if (passed && !(self.state.lessons[id] && self.state.lessons[id].done)) {
        self.state.lessons[id] = { done: true, at: new Date().toISOString() };
        self.save();
        show();
      }
    });
    show();
    button.hidden = false;
  };

  /* Records each checked attempt (first and last with the questions missed). */
  Progress.prototype.listen = function () {
    var self = this;
    document.addEventListener("aci:quiz-checked", function (event) {
      var detail = event.detail || {};
      if (typeof detail.quiz !== "string" || !ID.test(detail.quiz)) return;
      var form = event.target && event.target.querySelectorAll ? event.target : document;
      var missed = all(form, '[data-question][data-question-state="wrong"]').map(function (question) {
        return question.getAttribute("data-question");
      });
      var now = new Date().toISOString();
      var attempt = { score: count(detail.score), total: count(detail.total), missed: missed, at: now };
      var entry = self.state.quizzes[detail.quiz] || {
        attempts: 0, best: 0, total: 0, passed: false, at: null, first: null, last: null
      };
      entry.attempts = Math.max(entry.attempts + 1, count(detail.attempts));
      entry.best = Math.max(entry.best, count(detail.best), attempt.score);
      entry.total = attempt.total;
      entry.passed = entry.passed || detail.passed === true;
      entry.first = entry.first || attempt;
      entry.last = attempt;
      entry.at = now;
      self.state.quizzes[detail.quiz] = entry;
      self.save();
    }, true);
  };

  /* --- module states: progress page, catalogue, overviews -------------------------- */

  Progress.prototype.showModules = function () {
    var self = this;
    all(document, "[data-progress-module]").forEach(function (element) {
      var module = self.module(element.getAttribute("data-progress-module"));
      if (!module) return;
      var progress = self.progressOf(module);
      element.setAttribute("data-state", progress.state);
      all(element, "[data-progress-state-text]").forEach(function (text) {
        text.textContent = self.t("progress.state." + progress.state);
        text.hidden = false;
      });
      all(element, "[data-progress-lessons]").forEach(function (text) {
        text.textContent = self.t("progress.lessons-done", { done: progress.done, total: progress.total });
      });
      all(element, "[data-progress-quiz]").forEach(function (item) {
        var status = progress.quizzes[item.getAttribute("data-progress-quiz")];
        var result = item.querySelector("[data-progress-quiz-result]");
        if (!status || !result) return;
        result.textContent =
          status.attempts === 0
            ? self.t("progress.quiz-not-taken")
            : self.t("progress.quiz-result", status) +
              " (" + self.t(status.passed ? "progress.quiz-passed" : "progress.quiz-failed") + ")";
      });
      module.lessons.forEach(function (lesson) {
        all(element, '[data-progress-lesson-state="' + lesson.id + '"]').forEach(function (mark) {
          mark.hidden = !lessonDone(self.state, lesson, progress.quizzes);
        });
      });
    });
  };

  Progress.prototype.showContinue = function (page) {
    var holder = page.querySelector("[data-progress-continue]");
    var lesson = this.state.last ? this.lesson(this.state.last.id) : null;
    if (!holder) return;
    holder.hidden = !lesson;
    if (lesson) {
      var link = holder.querySelector("[data-progress-continue-link]");
      link.setAttribute("href", lesson.href);
      link.textContent = this.t("progress.continue-lesson", { title: lesson.title });
    }
  };

  Progress.prototype.render = function (page) {
    this.showModules();
    if (page) {
      this.showContinue(page);
      this.showCertificateForm(page);
    }
  };

  /* --- certificate ------------------------------------------------------------------ */

  Progress.prototype.completed = function () {
    var self = this;
    return this.data.modules
      .map(function (module) {
        return { module: module, progress: self.progressOf(module) };
      })
      .filter(function (item) {
        return item.progress.state === "completed";
      });
  };

  Progress.prototype.showCertificateForm = function (page) {
    var ready = this.completed().length > 0;
    var none = page.querySelector("[data-certificate-none]");
    var form = page.querySelector("[data-certificate-ready]");
    if (none) none.hidden = ready;
    if (form) form.hidden = !ready;
    var name = page.querySelector("[data-certificate-name]");
    if (name && !name.value && this.state.name) name.value = this.state.name;
  };

  Progress.prototype.fillCertificate = function (page) {
    var self = this;
    var certificate = page.querySelector("[data-certificate]");
    var name = page.querySelector("[data-certificate-name]").value.trim();
    if (name !== this.state.name) {
      this.state.name = name;
      this.save();
    }
    var done = this.completed();
    certificate.querySelector("[data-certificate-course]").textContent = this.data.title;
    certificate.querySelector("[data-certificate-learner]").textContent = name || "\u00a0";
    var list = certificate.querySelector("[data-certificate-modules]");
    list.textContent = "";
    var latest = null;
    done.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = self.t("progress.certificate-module", {
        title: item.module.title,
        minutes: item.module.minutes,
        date: self.date(item.progress.date)
      });
      list.appendChild(li);
      if (item.progress.date && (!latest || time(item.progress.date) > time(latest))) latest = item.progress.date;
    });
    var tracks = {};
    this.data.modules.forEach(function (module) {
      tracks[module.track] = tracks[module.track] || { all: 0, done: 0 };
      tracks[module.track].all += 1;
    });
    done.forEach(function (item) {
      tracks[item.module.track].done += 1;
    });
    Object.keys(tracks).forEach(function (track) {
      if (tracks[track].done === tracks[track].all && self.texts["track." + track]) {
        var li = document.createElement("li");
        li.textContent = self.t("progress.certificate-track", { title: self.texts["track." + track] });
        list.appendChild(li);
      }
    });
    certificate.querySelector("[data-certificate-version]").textContent = this.t("progress.certificate-version", {
      version: this.data.version,
      date: this.date(latest)
    });
    certificate.hidden = false;
    return certificate;
  };

  /* --- export, import, forget ---------------------------------------------------- */

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function readText(file, done) {
    var reader = new FileReader();
    reader.onload = function () {
      done(String(reader.result));
    };
    reader.onerror = function () {
      done("");
    };
    reader.readAsText(file);
  }

  Progress.prototype.changes = function (incoming) {
    var self = this;
    var merged = merge(this.state, incoming);
    var list = [];
    this.data.modules.forEach(function (module) {
      var before = self.progressOf(module).quizzes;
      var after = moduleProgress(merged, module, self.quizJs.bind(self)).quizzes;
      module.lessons.forEach(function (lesson) {
        var was = lessonDone(self.state, lesson, before);
        var will = lessonDone(merged, lesson, after);
        if (was !== will) {
          list.push(self.t(will ? "progress.change-lesson-done" : "progress.change-lesson-undone", { title: lesson.title }));
        }
      });
      module.quizzes.forEach(function (quiz) {
        var a = before[quiz.id];
        var b = after[quiz.id];
        if (a.best !== b.best || a.attempts !== b.attempts || a.passed !== b.passed) {
          list.push(self.t("progress.change-quiz", { title: quiz.title, best: b.best, total: b.total, attempts: b.attempts }));
        }
      });
    });
    return { merged: merged, list: list };
  };

  Progress.prototype.setUpMove = function (page) {
    var self = this;
    var message = page.querySelector("[data-progress-message]");
    var preview = page.querySelector("[data-progress-preview]");
    var input = page.querySelector("[data-progress-import]");
    var pending = null;
    function say(text) {
      message.textContent = text;
    }
    page.querySelector("[data-progress-export]").addEventListener("click", function () {
      var now = new Date().toISOString();
      download(
        "progress-" + self.data.course + "-" + now.slice(0, 10) + ".json",
        "application/json",
        JSON.stringify(toFile(self.state, self.data, now), null, 2) + "\n"
      );
    });
    input.addEventListener("change", function () {
      preview.hidden = true;
      pending = null;
      say("");
      var file = input.files && input.files[0];
      if (!file) return;
      readText(file, function (text) {
        var read = readFile(text, self.data);
        if (!read.ok) {
          say(self.t("progress.import-" + read.problem));
          return;
        }
        var change = self.changes(read.state);
        pending = { state: read.state, merged: change.merged };
        var list = preview.querySelector("[data-progress-preview-list]");
        list.textContent = "";
        change.list.forEach(function (line) {
          var li = document.createElement("li");
          li.textContent = line;
          list.appendChild(li);
        });
        preview.querySelector("[data-progress-preview-summary]").textContent = self.t(
          change.list.length ? "progress.preview" : "progress.preview-nothing",
          { date: self.date(read.exportedAt) }
        );
        preview.hidden = false;
        preview.querySelector("[data-progress-import-confirm]").focus();
      });
    });
    page.querySelector("[data-progress-import-confirm]").addEventListener("click", function () {
      if (!pending) return;
      if (isEmpty(self.state)) pending.merged.learner = pending.state.learner;
      self.state = pending.merged;
      pending = null;
      self.save();
      preview.hidden = true;
      input.value = "";
      self.render(page);
      say(self.t(self.kept ? "progress.imported" : "progress.import-not-kept"));
    });
    page.querySelector("[data-progress-import-cancel]").addEventListener("click", function () {
      pending = null;
      preview.hidden = true;
      input.value = "";
      input.focus();
    });
    var ask = page.querySelector("[data-progress-forget-ask]");
    var forget = page.querySelector("[data-progress-forget]");
    forget.addEventListener("click", function () {
      ask.hidden = false;
      ask.querySelector("[data-progress-forget-confirm]").focus();
    });
    page.querySelector("[data-progress-forget-cancel]").addEventListener("click", function () {
      ask.hidden = true;
      forget.focus();
    });
    page.querySelector("[data-progress-forget-confirm]").addEventListener("click", function () {
      self.store.keys().forEach(function (key) {
        if (/^aci:[^:]+:(progress$|quiz:)/.test(key || "")) self.store.remove(key);
      });
      self.state = emptyState();
      ask.hidden = true;
      self.render(page);
      say(self.t("progress.forgotten"));
      forget.focus();
    });
    var print = page.querySelector("[data-certificate-print]");
    print.addEventListener("click", function () {
      self.fillCertificate(page);
      document.documentElement.classList.add("aci-print-certificate");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("aci-print-certificate");
    });
  };

  /* --- the trainer's group report -------------------------------------------------- */

  Progress.prototype.setUpReport = function (page) {
    var self = this;
    var input = page.querySelector("[data-report-files]");
    var current = null;
    function cell(row, text) {
      var td = document.createElement("td");
      td.textContent = String(text);
      row.appendChild(td);
    }
    function item(list, text) {
      var li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    }
    function show(report) {
      current = report;
      var skipped = page.querySelector("[data-report-skipped-list]");
      skipped.textContent = "";
      report.skipped.forEach(function (skip) {
        item(skipped, self.t("report.skip-" + skip.problem, { name: skip.name }));
      });
      page.querySelector("[data-report-skipped]").hidden = report.skipped.length === 0;
      page.querySelector("[data-report-status]").textContent = self.t("report.status", { n: report.files });
      var body = page.querySelector("[data-report-quizzes]");
      body.textContent = "";
      report.quizzes.forEach(function (quiz) {
        var row = document.createElement("tr");
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = quiz.title + " (" + quiz.id + ")";
        row.appendChild(th);
        cell(row, quiz.participants);
        cell(row, quiz.passed + " (" + quiz.passedShare + " %)");
        cell(row, quiz.first + " %");
        cell(row, quiz.best + " %");
        body.appendChild(row);
      });
      var missed = page.querySelector("[data-report-missed]");
      missed.textContent = "";
      report.missed.forEach(function (miss) {
        item(missed, self.t("report.missed-item", { quiz: miss.title, question: miss.question, n: miss.n, total: miss.total }));
      });
      if (report.missed.length === 0) item(missed, self.t("report.missed-none"));
      var modules = page.querySelector("[data-report-modules]");
      modules.textContent = "";
      report.modules.forEach(function (module) {
        item(modules, self.t("report.module-share", {
          title: module.title, done: module.done, total: module.total, percent: module.share + " %"
        }));
      });
      page.querySelector("[data-report-results]").hidden = report.files === 0;
    }
    input.addEventListener("change", function () {
      var chosen = Array.prototype.slice.call(input.files || []);
      var texts = [];
      var left = chosen.length;
      if (!left) return;
      chosen.forEach(function (file, index) {
        readText(file, function (text) {
          texts[index] = { name: file.name, text: text };
          left -= 1;
          if (left === 0) show(groupReport(texts, self.data));
        });
      });
    });
    page.querySelector("[data-report-csv]").addEventListener("click", function () {
      if (current) {
        download("group-report-" + self.data.course + ".csv", "text/csv", "\ufeff" + reportCsv(current));
      }
    });
  };

  /* --- start ---------------------------------------------------------------------- */

  function start() {
    var root = document.documentElement;
    if (root.hasAttribute("data-progress-ready")) return;
    var maps = window.aciProgressData || {};
    var data = maps[Object.keys(maps)[0]];
    if (!data || !Array.isArray(data.modules)) return;
    root.setAttribute("data-progress-ready", "");
    try {
      var progress = new Progress(data, makeStore());
      progress.notice();
      progress.listen();
      all(document, "[data-progress-lesson]").forEach(function (holder) {
        progress.setUpLesson(holder);
      });
      var page = document.querySelector("[data-progress-page]");
      progress.render(page);
      if (page) progress.setUpMove(page);
      var report = document.querySelector("[data-report-page]");
      if (report) progress.setUpReport(report);
    } catch (error) {
      /* Progress is an aid: whatever goes wrong, the lesson itself stays readable. */
      all(document, "[data-progress-storage-notice]").forEach(function (element) {
        element.hidden = false;
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start); /* navigation.instant is off: one page, one start */
  }
})();
