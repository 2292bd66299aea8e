/*
 * Quizzes: checks answers in the reader's browser, offline.
 *
 * Every form[data-quiz] carries what it needs in its own HTML (see
 * aci_course/templates/quiz/quiz.html): the answer key, the pass mark and the
 * interface texts of the page's language in <script type="application/json"
 * data-quiz-data>, and the course version in data-course-version. No text
 * shown to the reader is written here.
 *
 * Results live in browser storage under aci.key("quiz:<module>/<quiz>"), i.e.
 * "aci:<course version>:quiz:<module>/<quiz>" (inside a ZIM file the version is
 * followed by "/<ZIM name>": core.js) (reflections under the same key +
 * ":reflection"), through core.js's store: when storage is refused, full or
 * missing, the quiz still works on the open page and says that results will not
 * be kept.
 *
 * After each check the form dispatches "aci:quiz-checked" (bubbles) with
 * detail {quiz, score, total, passed, attempts, best, missed, mode}: progress and
 * SCORM listen to it on document. `missed` lists the scored questions not right;
 * `mode` is "normal" or "pre".
 *
 * A form with data-quiz-mode="pre" is the test before a module (the module's
 * pretest.html): one attempt, kept under the quiz's key + ":pre"; nothing right or
 * wrong is shown, no score, no retry. It is refused once the quiz itself has been
 * checked on this device (a test taken after the lessons is no test before them).
 */
(function () {
  "use strict";

  var STATE_VERSION = 1;

  /* Same rules as aci_course.quiz.model.normalize_answer; both are checked against
     tests/quiz/answer_cases.json. The apostrophes are those of search folding. */
  function normalize(text) {
    return String(text)
      .normalize("NFC")
      .trim()
      .toLowerCase()
      .replace(/ё/g, "е")
      .replace(/[\u2019\u02bc\u2018\u02bb`\u00b4\u2032]/g, "'")
      .replace(/\s+/g, " ");
  }

  /* Under Node, for the shared table of cases (tests/quiz/answer_cases.json). */
  if (typeof module === "object" && module.exports) {
    module.exports = { normalize: normalize };
  }
  if (typeof document === "undefined") return;

  var format = window.aci.format;

  function Quiz(form, store) {
    var data = JSON.parse(form.querySelector("script[data-quiz-data]").textContent);
    this.form = form;
    this.store = store;
    this.key = data.key;
    this.needed = data.needed;
    this.total = data.total;
    this.texts = data.texts;
    this.id = form.getAttribute("data-quiz");
    this.pre = form.getAttribute("data-quiz-mode") === "pre";
    this.mainKey = window.aci.key("quiz:" + this.id);
    this.storageKey = this.pre ? this.mainKey + ":pre" : this.mainKey;
    this.reflectionKey = this.storageKey + ":reflection";
    this.questions = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
    this.submit = form.querySelector("button[type=submit]");
    this.retry = form.querySelector("[data-quiz-retry]");
  }

  Quiz.prototype.el = function (selector) {
    return this.form.querySelector(selector);
  };

  Quiz.prototype.notKept = function () {
    this.el("[data-quiz-storage-notice]").hidden = false;
  };

  Quiz.prototype.save = function (record) {
    if (!this.store.set(this.storageKey, record)) this.notKept();
  };

  Quiz.prototype.load = function () {
    var record = this.store.get(this.storageKey);
    if (!record || record.v !== STATE_VERSION) {
      return { v: STATE_VERSION, attempts: 0, best: 0, last: null };
    }
    return record;
  };

  /* --- reading and writing answers ------------------------------------------- */

  Quiz.prototype.controls = function (question) {
    return Array.prototype.slice.call(question.querySelectorAll("input, select"));
  };

  /*
   * One handler per question type, chosen by the type the form carries
   * (fieldset[data-question-type], and "type" in the answer key). The name of each
   * type's handler is written in its module, aci_course/quiz/types/<type>.py; a type
   * without a handler here is shown but never scored. A handler reads and writes the
   * answer of its fieldset, says when it is blank, and evaluates it against the key:
   * {correct, answered, marks: [[element, right?]]}.
   */
  function checkedValues(question) {
    return Array.prototype.map.call(question.querySelectorAll("input:checked"), function (input) {
      return input.value;
    });
  }

  function choice(many) {
    return {
      scored: true,
      read: function (question) {
        var values = checkedValues(question);
        return many ? values : values.length ? values[0] : null;
      },
      write: function (question, answer) {
        var chosen = [].concat(answer);
        Array.prototype.forEach.call(question.querySelectorAll("input"), function (input) {
          input.checked = chosen.indexOf(input.value) !== -1;
        });
      },
      isBlank: function (answer) {
        return many ? answer.length === 0 : answer === null;
      },
      evaluate: function (question, key, answer, result) {
        var right = [].concat(key.answer);
        var chosen = [].concat(answer === null ? [] : answer);
        chosen.forEach(function (value) {
          var option = question.querySelector('[data-option="' + value + '"]');
          if (option) result.marks.push([option, right.indexOf(value) !== -1]);
        });
        result.answered = chosen.length > 0;
        result.correct =
          chosen.length === right.length &&
          right.every(function (value) {
            return chosen.indexOf(value) !== -1;
          });
      }
    };
  }

  /* One select per row; `expected(i)` is the value that row i must have. */
  function selects(expected) {
    return {
      scored: true,
      read: function (question) {
        var answer = {};
        Array.prototype.forEach.call(question.querySelectorAll("select[data-item]"), function (select) {
          answer[select.getAttribute("data-item")] = select.value;
        });
        return answer;
      },
      write: function (question, answer) {
        Array.prototype.forEach.call(question.querySelectorAll("select[data-item]"), function (select) {
          var value = answer[select.getAttribute("data-item")];
          if (typeof value === "string") select.value = value;
        });
      },
      isBlank: function (answer) {
        return Object.keys(answer).some(function (item) {
          return answer[item] === "";
        });
      },
      evaluate: function (question, key, answer, result) {
        var all = true;
        var any = false;
        for (var i = 0; i < key.count; i++) {
          var given = answer[String(i)] || "";
          var row = question.querySelector('[data-row="' + i + '"]');
          if (given) any = true;
          if (given !== expected(i)) all = false;
          if (row && given) result.marks.push([row, given === expected(i)]);
        }
        result.answered = any;
        result.correct = all;
      }
    };
  }

  var HANDLERS = {
    single: choice(false),
    true_false: choice(false),
    multiple: choice(true),
    ordering: selects(function (i) {
      return String(i + 1);
    }),
    matching: selects(function (i) {
      return String(i);
    }),
    fill: {
      scored: true,
      read: function (question) {
        return question.querySelector("input[type=text]").value;
      },
      write: function (question, answer) {
        question.querySelector("input[type=text]").value = String(answer);
      },
      isBlank: function (answer) {
        return answer.trim() === "";
      },
      evaluate: function (question, key, answer, result) {
        var typed = normalize(answer || "");
        result.answered = typed !== "";
        result.correct = typed !== "" && key.answers.indexOf(typed) !== -1;
      }
    },
    /* Free text, saved as it is typed (see "reflections" below); never checked. */
    reflection: { scored: false }
  };
  var UNSCORED = { scored: false };

  function handlerFor(type) {
    return Object.prototype.hasOwnProperty.call(HANDLERS, type) ? HANDLERS[type] : UNSCORED;
  }

  function handlerOf(question) {
    return handlerFor(question.getAttribute("data-question-type"));
  }

  Quiz.prototype.readAnswer = function (question) {
    var handler = handlerOf(question);
    return handler.read ? handler.read(question) : null;
  };

  Quiz.prototype.writeAnswer = function (question, answer) {
    var handler = handlerOf(question);
    if (answer === null || answer === undefined || !handler.write) return;
    handler.write(question, answer);
  };

  /* --- checking -------------------------------------------------------------- */

  /* {correct, answered, marks: [[element, right?]]} */
  Quiz.prototype.evaluate = function (question, answer) {
    var key = this.key[question.getAttribute("data-question")];
    var result = { correct: false, answered: true, marks: [] };
    var handler = handlerFor(key.type);
    if (handler.evaluate) handler.evaluate(question, key, answer, result);
    return result;
  };

  Quiz.prototype.clearFeedback = function () {
    Array.prototype.forEach.call(
      this.form.querySelectorAll(
        "[data-quiz-mark], [data-quiz-option-feedback], [data-quiz-verdict], [data-quiz-explanation]"
      ),
      function (element) {
        element.hidden = true;
        if (element.hasAttribute("data-quiz-mark") || element.hasAttribute("data-quiz-verdict")) {
          element.textContent = "";
          element.removeAttribute("data-verdict");
        }
      }
    );
    this.questions.forEach(function (question) {
      question.removeAttribute("data-question-state");
    });
  };

  Quiz.prototype.showFeedback = function (question, result) {
    var texts = this.texts;
    var spoken = [];
    result.marks.forEach(function (pair) {
      var holder = pair[0];
      var mark = holder.querySelector("[data-quiz-mark]");
      if (!mark) {
        /* Made on the first check, not carried by every option of every page. */
        mark = document.createElement("span");
        mark.className = "aci-quiz__mark";
        mark.setAttribute("data-quiz-mark", "");
        /* after an option's label (before its feedback) or a row's select */
        var place = holder.querySelector(".aci-quiz__control") || holder;
        place.insertBefore(mark, place.querySelector(":scope > [data-quiz-option-feedback]"));
      }
      mark.textContent = pair[1] ? texts["mark-correct"] : texts["mark-wrong"];
      mark.setAttribute("data-verdict", pair[1] ? "correct" : "wrong");
      mark.hidden = false;
      var feedback = holder.querySelector("[data-quiz-option-feedback]");
      if (feedback) {
        feedback.hidden = false;
        spoken.push(feedback.textContent);
      }
    });
    var verdict = question.querySelector("[data-quiz-verdict]");
    var head = result.correct ? texts.correct : result.answered ? texts.wrong : texts.unanswered;
    verdict.textContent = [head].concat(spoken).join(" ");
    verdict.setAttribute("data-verdict", result.correct ? "correct" : "wrong");
    verdict.hidden = false;
    var explanation = question.querySelector("[data-quiz-explanation]");
    if (explanation) explanation.hidden = false;
    question.setAttribute("data-question-state", result.correct ? "correct" : "wrong");
  };

  Quiz.prototype.setLocked = function (locked) {
    var self = this;
    this.questions.forEach(function (question) {
      if (!handlerOf(question).scored) return;
      self.controls(question).forEach(function (control) {
        control.disabled = locked;
      });
    });
    if (this.submit) this.submit.hidden = locked;
    if (this.retry) this.retry.hidden = !locked;
  };

  Quiz.prototype.showSummary = function (record) {
    var last = record.last;
    var summary = this.el("[data-quiz-summary]");
    var stats = this.el("[data-quiz-stats]");
    if (last) {
      var values = { score: last.score, total: this.total, needed: this.needed };
      this.el("[data-quiz-score]").textContent = format(this.texts.score, values);
      this.el("[data-quiz-outcome]").textContent = format(
        last.passed ? this.texts.passed : this.texts.failed,
        values
      );
      summary.hidden = false;
      this.form.setAttribute("data-quiz-state", last.passed ? "passed" : "failed");
    } else {
      this.el("[data-quiz-score]").textContent = "";
      this.el("[data-quiz-outcome]").textContent = "";
      summary.hidden = true;
      this.form.removeAttribute("data-quiz-state");
    }
    if (record.attempts > 0) {
      stats.textContent = format(this.texts.stats, {
        attempts: record.attempts,
        best: record.best,
        total: this.total
      });
      stats.hidden = false;
    } else {
      stats.textContent = "";
      stats.hidden = true;
    }
  };

  /* Shows the checked state of `answers` (from a check or from storage). */
  Quiz.prototype.display = function (answers) {
    var self = this;
    var score = 0;
    this.clearFeedback();
    this.questions.forEach(function (question) {
      var id = question.getAttribute("data-question");
      if (!handlerFor(self.key[id].type).scored) return;
      var result = self.evaluate(question, answers[id] === undefined ? null : answers[id]);
      if (result.correct) score += 1;
      self.showFeedback(question, result);
    });
    this.setLocked(true);
    return score;
  };

  /* True when nothing (or not everything, for ordering and matching) is answered. */
  Quiz.prototype.isBlank = function (question, answer) {
    var handler = handlerOf(question);
    return handler.isBlank ? handler.isBlank(answer) : answer === null;
  };

  /* Names the blank questions, linked, before anything is scored (no attempt counted). */
  Quiz.prototype.showIncomplete = function (blank) {
    var self = this;
    var box = this.el("[data-quiz-incomplete]");
    var list = this.el("[data-quiz-incomplete-list]");
    this.el("[data-quiz-incomplete-text]").textContent = format(this.texts.incomplete, {
      count: blank.length
    });
    list.textContent = "";
    blank.forEach(function (question) {
      question.setAttribute("data-question-state", "blank");
      var link = document.createElement("a");
      link.href = "#" + question.id;
      link.textContent = format(self.texts["question-link"], {
        number: self.questions.indexOf(question) + 1
      });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        question.scrollIntoView({ block: "center" });
        var first = question.querySelector("input, select");
        if (first) first.focus();
      });
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    box.hidden = false;
    this.form.setAttribute("data-quiz-state", "incomplete");
    box.focus();
  };

  Quiz.prototype.hideIncomplete = function () {
    var box = this.el("[data-quiz-incomplete]");
    if (box) box.hidden = true;
    this.questions.forEach(function (question) {
      if (question.getAttribute("data-question-state") === "blank") {
        question.removeAttribute("data-question-state");
      }
    });
  };

  Quiz.prototype.check = function (confirmed) {
    var self = this;
    var answers = {};
    var blank = [];
    this.questions.forEach(function (question) {
      var id = question.getAttribute("data-question");
      if (!handlerFor(self.key[id].type).scored) return;
      answers[id] = self.readAnswer(question);
      if (self.isBlank(question, answers[id])) blank.push(question);
    });
    this.hideIncomplete();
    if (blank.length && !confirmed) {
      this.showIncomplete(blank);
      return;
    }
    if (this.pre) {
      this.checkPre(answers);
      return;
    }
    var score = this.display(answers);
    var record = this.load();
    record.attempts += 1;
    record.best = Math.max(record.best, score);
    record.last = { score: score, passed: score >= this.needed, answers: answers };
    this.save(record);
    this.showSummary(record);
    this.announce(record);
    if (this.retry) this.retry.focus();
  };

  /* Scores `answers` without showing anything right or wrong: {score, missed}. */
  Quiz.prototype.score = function (answers) {
    var self = this;
    var score = 0;
    var missed = [];
    this.questions.forEach(function (question) {
      var id = question.getAttribute("data-question");
      if (!handlerFor(self.key[id].type).scored) return;
      if (self.evaluate(question, answers[id] === undefined ? null : answers[id]).correct) score += 1;
      else missed.push(id);
    });
    return { score: score, missed: missed };
  };

  /* --- the test before a module: one attempt, no feedback --------------------- */

  /* True once this device has checked the quiz itself (its lesson's form). */
  Quiz.prototype.takenAfter = function () {
    var main = this.store.get(this.mainKey);
    return Boolean(main && main.attempts > 0);
  };

  /* Locks the form for good and says why: `text` is "pre-done" or "pre-refused". */
  Quiz.prototype.closePre = function (text) {
    this.setLocked(true);
    if (this.retry) this.retry.hidden = true;
    var done = this.el("[data-quiz-pre-done]");
    if (done) {
      done.textContent = this.texts[text];
      done.hidden = false;
    }
    this.form.setAttribute("data-quiz-state", text === "pre-done" ? "recorded" : "refused");
  };

  Quiz.prototype.checkPre = function (answers) {
    var record = this.load();
    if (record.attempts > 0 || this.takenAfter()) {
      this.closePre(record.attempts > 0 ? "pre-done" : "pre-refused");
      return;
    }
    var result = this.score(answers);
    record.attempts = 1;
    record.best = result.score;
    record.last = { score: result.score, passed: result.score >= this.needed, answers: answers };
    this.save(record);
    this.closePre("pre-done");
    this.announce(record, result.missed);
    this.el("[data-quiz-pre-done]").focus();
  };

  /* Tells other scripts (progress, SCORM) of a checked attempt; they never read the form. */
  Quiz.prototype.announce = function (record, missed) {
    this.form.dispatchEvent(
      new CustomEvent("aci:quiz-checked", {
        bubbles: true,
        detail: {
          quiz: this.id,
          score: record.last.score,
          total: this.total,
          passed: record.last.passed,
          attempts: record.attempts,
          best: record.best,
          missed: missed || this.score(record.last.answers).missed,
          mode: this.pre ? "pre" : "normal"
        },
      })
    );
  };

  Quiz.prototype.reset = function () {
    var self = this;
    this.hideIncomplete();
    this.clearFeedback();
    this.questions.forEach(function (question) {
      if (!handlerOf(question).scored) return;
      self.controls(question).forEach(function (control) {
        if (control.type === "radio" || control.type === "checkbox") control.checked = false;
        else control.value = "";
      });
    });
    this.setLocked(false);
    var record = this.load();
    record.last = null;
    this.save(record);
    this.showSummary(record);
    var first = this.form.querySelector("[data-question] input, [data-question] select");
    if (first) first.focus();
  };

  /* After "forget my answers" (aci.js) removed what was stored: an empty form. */
  Quiz.prototype.forget = function () {
    this.hideIncomplete();
    this.clearFeedback();
    Array.prototype.forEach.call(this.form.querySelectorAll("input, select, textarea"), function (control) {
      if (control.type === "radio" || control.type === "checkbox") control.checked = false;
      else control.value = "";
    });
    Array.prototype.forEach.call(this.form.querySelectorAll("[data-quiz-print-text]"), function (printed) {
      printed.textContent = "";
    });
    this.setLocked(false);
    this.showSummary({ attempts: 0, best: 0, last: null });
    var done = this.el("[data-quiz-pre-done]");
    if (done) done.hidden = true;
  };

  /* --- reflections: saved as they are typed, printable ----------------------- */

  Quiz.prototype.setupReflections = function () {
    var self = this;
    var saved = this.store.get(this.reflectionKey) || {};
    Array.prototype.forEach.call(this.form.querySelectorAll("textarea[data-quiz-reflection]"), function (area) {
      var question = area.closest("[data-question]");
      var id = question.getAttribute("data-question");
      var printed = question.querySelector("[data-quiz-print-text]");
      if (typeof saved[id] === "string") area.value = saved[id];
      printed.textContent = area.value;
      area.addEventListener("input", function () {
        printed.textContent = area.value;
        var all = self.store.get(self.reflectionKey) || {};
        all[id] = area.value;
        if (!self.store.set(self.reflectionKey, all)) self.notKept();
      });
    });
  };

  Quiz.prototype.start = function () {
    var self = this;
    if (!this.store.ok) this.notKept();
    this.el("[data-quiz-actions]").hidden = false;
    this.setupReflections();
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (self.submit && !self.submit.hidden) self.check(false);
    });
    var confirm = this.el("[data-quiz-confirm]");
    if (confirm) {
      confirm.addEventListener("click", function () {
        self.check(true);
      });
    }
    if (this.retry) {
      this.retry.addEventListener("click", function () {
        self.reset();
      });
    }
    var print = this.el("[data-quiz-print]");
    if (print) {
      print.addEventListener("click", function () {
        window.print();
      });
    }
    document.addEventListener("aci:answers-forgotten", function () {
      self.forget();
    });
    var record = this.load();
    if (this.pre) {
      if (record.attempts > 0) this.closePre("pre-done");
      else if (this.takenAfter()) this.closePre("pre-refused");
      return;
    }
    if (record.last && record.last.answers) {
      this.questions.forEach(function (question) {
        self.writeAnswer(question, record.last.answers[question.getAttribute("data-question")]);
      });
      record.last.score = this.display(record.last.answers);
      record.last.passed = record.last.score >= this.needed;
    }
    this.showSummary(record);
  };

  function startAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-quiz]"), function (form) {
      if (form.getAttribute("data-quiz-ready") === "true") return;
      form.setAttribute("data-quiz-ready", "true");
      new Quiz(form, window.aci.store).start();
    });
  }

  window.aci.ready(startAll);
})();
