/*
 * The exported progress file (format in schemas/progress.schema.json) and merging
 * one into the reader's progress: loaded by the progress page and the group
 * report, never by a lesson. Extends window.aciProgress (progress.js).
 */
(function () {
  "use strict";

  /* progress.js's functions: window.aciProgress in a page, require() under Node. */
  var P = typeof window !== "undefined" && window.aciProgress ? window.aciProgress : require("./progress.js");
  var isObject = P.isObject;
  var isTime = P.isTime;
  var time = P.time;
  var cleanState = P.cleanState;
  var keepKnown = P.keepKnown;

  var FORMAT = "aci-course-progress";
  /* 2: quizzes carry `pre` and `post` (the test before a module and the first check
   * after it); files of version 1 are read as having neither. */
  var FORMAT_VERSION = 2;

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
      last: newer(a.last, b.last),
      pre: older(a.pre, b.pre),
      post: postOf(older(a.pre, b.pre), [a.post, b.post])
    };
  }

  /* The post-test of `pre`: the earliest of `posts` made after it. */
  function postOf(pre, posts) {
    if (!pre) return null;
    return posts.reduce(function (found, post) {
      return post && time(post.at) >= time(pre.at) ? older(found, post) : found;
    }, null);
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


  Object.assign(P, { FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, merge: merge, isEmpty: isEmpty, toFile: toFile, readFile: readFile });
  if (typeof document === "undefined") {
    if (typeof module === "object" && module.exports) {
      module.exports = { FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, merge: merge, toFile: toFile, readFile: readFile };
    }
    return;
  }

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

  P.download = download;
  P.readText = readText;
})();
