/*
 * The progress page: certificate, export, import and forgetting, on top of
 * progress.js and progress-file.js (loaded before it, on this page only).
 */
(function () {
  "use strict";

  var P = window.aciProgress;
  var Progress = P.Progress;
  var time = P.time;
  var merge = P.merge;
  var toFile = P.toFile;
  var readFile = P.readFile;
  var isEmpty = P.isEmpty;
  var emptyState = P.emptyState;
  var moduleProgress = P.moduleProgress;
  var lessonDone = P.lessonDone;
  var download = P.download;
  var readText = P.readText;

  Progress.prototype.date = function (iso) {
    var when = iso ? new Date(iso) : new Date();
    try {
      return when.toLocaleDateString(this.data.lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (error) {
      return when.toISOString().slice(0, 10);
    }
  };

  /* What the progress page shows beyond the modules' states (progress.js's render). */
  Progress.prototype.showPage = function (page) {
    this.showContinue(page);
    this.showCertificateForm(page);
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
})();
