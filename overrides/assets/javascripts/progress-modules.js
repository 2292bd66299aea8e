/*
 * Module states (on top of progress.js): each [data-progress-module] of the page
 * (a module's overview, the catalogue, the progress page) shows whether it is not
 * started, in progress or completed, its lessons done and its quiz results.
 */
(function () {
  "use strict";

  var P = window.aciProgress;
  var Progress = P.Progress;
  var all = P.all;
  var lessonDone = P.lessonDone;

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
})();
