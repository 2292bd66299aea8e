/*
 * A lesson's part of progress (on top of progress.js): its "lesson done" toggle,
 * drawn here at the end of its article (it does nothing without scripts, so no page
 * carries it; texts from aci.texts), marked done once all its quizzes are passed,
 * and each checked quiz attempt
 * recorded (first and last, with the questions missed) from quiz.js's
 * "aci:quiz-checked" event. Loaded by lessons only (overrides/main.html).
 */
(function () {
  "use strict";

  var P = window.aciProgress;
  var Progress = P.Progress;
  var ID = P.ID;
  var count = P.count;
  var all = P.all;
  var lessonDone = P.lessonDone;

  /* --- lesson pages ---------------------------------------------------------------- */

  /* The toggle of the lesson aci.lesson names, with the storage notice, at the end of
   * its article, as the build rendered it (aci.draw): [data-progress-lesson] holding
   * [data-lesson-done]. */
  Progress.prototype.startLesson = function () {
    var self = this;
    var id = window.aci.lesson;
    if (!id || !this.lesson(id)) return;
    window.aci.texts(function () {
      var article = window.aci.article();
      if (!article || article.querySelector("[data-progress-lesson]")) return;
      var holder = window.aci.draw("lesson-done");
      if (!holder) return;
      holder.setAttribute("data-progress-lesson", id);
      var notice = holder.querySelector("[data-progress-storage-notice]");
      notice.hidden = self.kept;
      article.appendChild(holder);
      try {
        self.setUpLesson(holder);
      } catch (error) {
        /* Progress is an aid: whatever goes wrong, the lesson itself stays readable. */
        notice.hidden = false;
      }
    }, true);
  };

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

  /* Records each checked attempt (first and last with the questions missed); a
   * pre-test form's check as `pre` (kept once), and the first check after it as `post`. */
  Progress.prototype.listen = function () {
    var self = this;
    document.addEventListener("aci:quiz-checked", function (event) {
      var detail = event.detail || {};
      if (typeof detail.quiz !== "string" || !ID.test(detail.quiz)) return;
      var form = event.target && event.target.querySelectorAll ? event.target : document;
      var missed = Array.isArray(detail.missed)
        ? detail.missed.filter(function (id) { return typeof id === "string"; })
        : all(form, '[data-question][data-question-state="wrong"]').map(function (question) {
            return question.getAttribute("data-question");
          });
      var now = new Date().toISOString();
      var attempt = { score: count(detail.score), total: count(detail.total), missed: missed, at: now };
      var entry = self.state.quizzes[detail.quiz] || {
        attempts: 0, best: 0, total: 0, passed: false, at: null, first: null, last: null, pre: null, post: null
      };
      if (detail.mode === "pre") {
        /* One test before: never replaced, and none once the quiz has been checked. */
        if (!entry.pre && entry.attempts === 0) {
          entry.pre = attempt;
          entry.total = entry.total || attempt.total;
          self.state.quizzes[detail.quiz] = entry;
          self.save();
        }
        return;
      }
      if (entry.pre && !entry.post && P.time(now) >= P.time(entry.pre.at)) entry.post = attempt;
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
})();
