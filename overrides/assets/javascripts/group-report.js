/*
 * The trainer's group report (group-report.html): learners' exported progress
 * files read on the trainer's device, summed up per quiz and module, and a CSV.
 * On top of progress.js and progress-file.js; the pure part is exported under
 * Node for tests.
 */
(function () {
  "use strict";

  var inPage = typeof window !== "undefined" && window.aciProgress;
  var P = inPage ? window.aciProgress : require("./progress.js");
  var F = inPage ? window.aciProgress : require("./progress-file.js");
  var has = P.has;
  var moduleProgress = P.moduleProgress;
  var readFile = F.readFile;

  function percent(part, whole) {
    return whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0;
  }


  function mean(values) {
    if (!values.length) return null;
    var sum = values.reduce(function (a, b) { return a + b; }, 0);
    return Math.round((10 * sum) / values.length) / 10;
  }

  /*
   * Before and after, per quiz: only people with both a test before (`pre`) and a
   * check after it (`post`) are compared; those with a pre-test only, or who took
   * the quiz without one (older files too), are counted apart and never mixed in.
   * Scores are percentages of the scored questions; the gain is the mean of each
   * person's post minus pre (the same as post_mean minus pre_mean), null without
   * anyone to compare.
   */
  function prePost(quiz, people) {
    var both = [];
    var preOnly = 0;
    var noPre = 0;
    people.forEach(function (person) {
      var entry = person.quizzes[quiz.id];
      if (!entry) return;
      if (entry.pre && entry.post) both.push(entry);
      else if (entry.pre) preOnly += 1;
      else if (entry.attempts > 0) noPre += 1;
    });
    function score(attempt) {
      return percent(attempt.score, attempt.total || quiz.total);
    }
    var pre = mean(both.map(function (entry) { return score(entry.pre); }));
    var post = mean(both.map(function (entry) { return score(entry.post); }));
    var gain = mean(both.map(function (entry) { return score(entry.post) - score(entry.pre); }));
    var questions = (quiz.questions || []).map(function (question) {
      function right(attempt) {
        return attempt.missed.indexOf(question.id) === -1;
      }
      return {
        id: question.id,
        number: question.number,
        pre: both.length ? percent(both.filter(function (e) { return right(e.pre); }).length, both.length) : null,
        post: both.length ? percent(both.filter(function (e) { return right(e.post); }).length, both.length) : null
      };
    });
    return {
      id: quiz.id, title: quiz.title, both: both.length, preOnly: preOnly, noPre: noPre,
      pre: pre, post: post, gain: gain, questions: questions
    };
  }

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
    var prepost = [];
    data.modules.forEach(function (module) {
      module.quizzes.forEach(function (quiz) {
        prepost.push(prePost(quiz, people));
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
    return {
      files: people.length, skipped: skipped, quizzes: quizzes, missed: missed.slice(0, 10),
      modules: modules, prepost: prepost
    };
  }

  function csvCell(value) {
    var text = String(value);
    /* A cell a spreadsheet would run as a formula is quoted as text. */
    if (/^[=+\-@]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function blank(value) {
    return value === null || value === undefined ? "" : value;
  }

  /* One line per quiz: all attempts, then before and after (percentages; a blank
   * cell where nobody has both), then per question number the share right before
   * and after (q<number>_pre, q<number>_post; blank where the quiz has no such question). */
  function reportCsv(report) {
    var numbers = [];
    (report.prepost || []).forEach(function (row) {
      row.questions.forEach(function (question) {
        if (numbers.indexOf(question.number) === -1) numbers.push(question.number);
      });
    });
    numbers.sort(function (a, b) { return a - b; });
    var head = ["quiz", "title", "participants", "passed", "passed_percent", "first_attempt_mean_percent",
      "best_attempt_mean_percent", "participants_both", "pre_mean", "post_mean", "gain",
      "pre_only", "without_pre"];
    numbers.forEach(function (number) {
      head.push("q" + number + "_pre", "q" + number + "_post");
    });
    var lines = [head];
    report.quizzes.forEach(function (row, index) {
      var pp = (report.prepost || [])[index] || { questions: [] };
      var line = [row.id, row.title, row.participants, row.passed, row.passedShare, row.first, row.best,
        blank(pp.both), blank(pp.pre), blank(pp.post), blank(pp.gain), blank(pp.preOnly), blank(pp.noPre)];
      numbers.forEach(function (number) {
        var question = pp.questions.filter(function (q) { return q.number === number; })[0];
        line.push(question ? blank(question.pre) : "", question ? blank(question.post) : "");
      });
      lines.push(line);
    });
    return lines.map(function (cells) {
      return cells.map(csvCell).join(",");
    }).join("\r\n") + "\r\n";
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { groupReport: groupReport, reportCsv: reportCsv, prePost: prePost };
  }
  if (typeof document === "undefined") return;

  var Progress = P.Progress;
  var download = P.download;
  var readText = P.readText;

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
    function shown(value, unit) {
      if (value === null) return self.t("report.none");
      return (unit === "gain" && value > 0 ? "+" : "") + value + " %";
    }
    function showPrePost(rows) {
      var body = page.querySelector("[data-report-prepost-quizzes]");
      var questions = page.querySelector("[data-report-prepost-questions]");
      body.textContent = "";
      questions.textContent = "";
      rows.forEach(function (quiz) {
        var row = document.createElement("tr");
        row.setAttribute("data-prepost-quiz", quiz.id);
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = quiz.title + " (" + quiz.id + ")";
        row.appendChild(th);
        [["both", quiz.both], ["pre", shown(quiz.pre)], ["post", shown(quiz.post)],
          ["gain", shown(quiz.gain, "gain")], ["pre-only", quiz.preOnly], ["without-pre", quiz.noPre]
        ].forEach(function (pair) {
          cell(row, pair[1]);
          row.lastChild.setAttribute("data-prepost-cell", pair[0]);
        });
        body.appendChild(row);
        if (!quiz.both) return;
        var table = document.createElement("table");
        table.className = "aci-report__table";
        var caption = document.createElement("caption");
        caption.textContent = self.t("report.prepost-caption", { quiz: quiz.title, n: quiz.both });
        table.appendChild(caption);
        var head = document.createElement("tr");
        ["report.question", "report.right-before", "report.right-after"].forEach(function (key) {
          var th = document.createElement("th");
          th.scope = "col";
          th.textContent = self.t(key);
          head.appendChild(th);
        });
        var thead = document.createElement("thead");
        thead.appendChild(head);
        table.appendChild(thead);
        var tbody = document.createElement("tbody");
        quiz.questions.forEach(function (question) {
          var line = document.createElement("tr");
          line.setAttribute("data-prepost-question", quiz.id + "/" + question.id);
          var label = document.createElement("th");
          label.scope = "row";
          label.textContent = self.t("report.question-number", { number: question.number });
          line.appendChild(label);
          cell(line, shown(question.pre));
          line.lastChild.setAttribute("data-prepost-cell", "pre");
          cell(line, shown(question.post));
          line.lastChild.setAttribute("data-prepost-cell", "post");
          tbody.appendChild(line);
        });
        table.appendChild(tbody);
        var wrap = document.createElement("div");
        wrap.className = "md-typeset__table";
        wrap.appendChild(table);
        questions.appendChild(wrap);
      });
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
      showPrePost(report.prepost);
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
})();
