/*
 * Present mode: a lesson shown to a room, one section (h2) per screen, in large type.
 *
 * [data-present] (a button on every lesson, shown by aci.js, which loads this
 * script on the first press: a lesson that is never presented never loads it) starts it.
 * ArrowRight / PageDown / Space go forward, ArrowLeft / PageUp back (what a
 * presentation clicker sends), Escape leaves and gives focus back to the button.
 * The position shows as "3 / 12" and is announced. The lesson's own elements are
 * moved into the screen and back, so quizzes keep working while shown.
 *
 * Facilitator edition (the page has [data-edition="facilitator"]): the trainer notes
 * ([data-facilitator]) are never shown on the screen; those of the current section
 * go to a second window that follows along. It is an about:blank window written to
 * directly by this page (same origin, so it works over file:// where postMessage
 * between file pages has no usable origin); when the browser blocks it, a
 * message says so and the presentation goes on without it.
 *
 * Texts come from the button's data-present-text-* attributes (data/ui.yml), never from here.
 */
(function () {
  "use strict";

  var FORWARD = ["ArrowRight", "PageDown", " ", "Spacebar"];
  var BACK = ["ArrowLeft", "PageUp"];

  function text(button, name) {
    return button.getAttribute("data-present-text-" + name) || "";
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function typing(target) {
    if (!target || !target.closest) return false;
    if (target.isContentEditable) return true;
    return !!target.closest("input, textarea, select");
  }

  function Presenter(button) {
    this.button = button;
    this.active = false;
    this.notesWindow = null;
    this.facilitator = !!document.querySelector("[data-edition='facilitator']");
  }

  /* The lesson's blocks, grouped: what comes before the first h2, then each h2 with
     what follows it. */
  Presenter.prototype.collect = function () {
    var article = this.button.closest("article") || document.querySelector("article");
    /* The plain-language version (plain.js) is not shown in present mode. */
    var firstH2 = article ? article.querySelector("h2:not([data-plain] h2)") : null;
    var container = firstH2 ? firstH2.parentElement : article;
    var start = this.button.closest(".aci-present-start");
    var sections = [[]];
    this.container = container;
    Array.prototype.forEach.call(container ? container.children : [], function (node) {
      if (
        node === start ||
        node.contains(start) ||
        node.classList.contains("md-source-file") ||
        node.hasAttribute("data-plain") ||
        node.classList.contains("aci-plain-bar")
      ) {
        return;
      }
      if (node.tagName === "H2" && sections[sections.length - 1].length) sections.push([]);
      sections[sections.length - 1].push(node);
    });
    return sections.filter(function (nodes) {
      return nodes.length;
    });
  };

  Presenter.prototype.build = function () {
    var b = this.button;
    var dialog = element("div", "aci-present");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", text(b, "label"));
    dialog.setAttribute("data-present-dialog", "");
    var lang = this.container && this.container.closest("[lang]");
    if (lang) dialog.setAttribute("lang", lang.getAttribute("lang"));
    var helpId = "aci-present-help";
    var slide = element("div", "aci-present__slide md-typeset");
    slide.setAttribute("tabindex", "0"); /* scrollable: reachable by keyboard */
    slide.setAttribute("data-present-slide", "");
    slide.setAttribute("aria-describedby", helpId);
    var bar = element("div", "aci-present__bar");
    var prev = element("button", "", text(b, "prev"));
    prev.type = "button";
    prev.setAttribute("data-present-prev", "");
    var position = element("span", "aci-present__position");
    position.setAttribute("data-present-position", "");
    position.setAttribute("aria-hidden", "true");
    var next = element("button", "", text(b, "next"));
    next.type = "button";
    next.setAttribute("data-present-next", "");
    var exit = element("button", "", text(b, "exit"));
    exit.type = "button";
    exit.setAttribute("data-present-exit", "");
    var live = element("p", "aci-sr-only");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");
    live.setAttribute("data-present-announce", "");
    var help = element("p", "aci-sr-only", text(b, "help"));
    help.id = helpId;
    var status = element("p", "aci-present__status");
    status.setAttribute("role", "status");
    status.setAttribute("data-present-status", "");
    bar.appendChild(prev);
    bar.appendChild(position);
    bar.appendChild(next);
    if (this.facilitator) {
      var notes = element("button", "", text(b, "notes"));
      notes.type = "button";
      notes.setAttribute("data-present-notes", "");
      notes.addEventListener("click", this.openNotes.bind(this));
      bar.appendChild(notes);
    }
    bar.appendChild(exit);
    bar.appendChild(live);
    bar.appendChild(help);
    bar.appendChild(status);
    dialog.appendChild(slide);
    dialog.appendChild(bar);
    var self = this;
    prev.addEventListener("click", function () {
      self.go(self.index - 1);
    });
    next.addEventListener("click", function () {
      self.go(self.index + 1);
    });
    exit.addEventListener("click", function () {
      self.stop();
    });
    this.dialog = dialog;
    this.slide = slide;
    this.prev = prev;
    this.next = next;
    this.exit = exit;
    this.position = position;
    this.live = live;
    this.status = status;
  };

  Presenter.prototype.start = function () {
    if (this.active) return;
    this.sections = this.collect();
    if (!this.sections.length) return;
    this.marks = [];
    var self = this;
    this.sections.forEach(function (nodes) {
      nodes.forEach(function (node) {
        var mark = document.createComment("aci-present");
        node.parentNode.insertBefore(mark, node);
        self.marks.push({ node: node, mark: mark });
      });
    });
    this.build();
    this.inerted = [];
    Array.prototype.forEach.call(document.body.children, function (child) {
      if (!child.inert && child.tagName !== "SCRIPT") {
        child.inert = true;
        self.inerted.push(child);
      }
    });
    document.body.appendChild(this.dialog);
    document.documentElement.classList.add("aci-presenting");
    this.active = true;
    this.onKey = this.key.bind(this);
    document.addEventListener("keydown", this.onKey, true);
    this.index = undefined;
    this.go(0, true);
    this.tell("start");
    if (this.facilitator && document.querySelector("[data-facilitator]")) this.openNotes();
  };

  Presenter.prototype.stop = function () {
    if (!this.active) return;
    this.active = false;
    document.removeEventListener("keydown", this.onKey, true);
    this.marks.forEach(function (entry) {
      entry.mark.parentNode.insertBefore(entry.node, entry.mark);
      entry.mark.parentNode.removeChild(entry.mark);
    });
    this.dialog.parentNode.removeChild(this.dialog);
    this.inerted.forEach(function (child) {
      child.inert = false;
    });
    document.documentElement.classList.remove("aci-presenting");
    this.tell("stop");
    if (this.notesWindow && !this.notesWindow.closed) this.notesWindow.close();
    this.notesWindow = null;
    this.button.focus();
  };

  Presenter.prototype.go = function (index, first) {
    if (index < 0 || index >= this.sections.length) return;
    var self = this;
    if (this.index !== undefined && !first) {
      this.sections[this.index].forEach(function (node) {
        self.putBack(node);
      });
    }
    this.index = index;
    this.sections[index].forEach(function (node) {
      self.slide.appendChild(node);
    });
    var total = this.sections.length;
    this.position.textContent = index + 1 + " / " + total;
    this.live.textContent = text(this.button, "position")
      .replace("{n}", String(index + 1))
      .replace("{total}", String(total));
    this.prev.disabled = index === 0;
    this.next.disabled = index === total - 1;
    this.slide.scrollTop = 0;
    var focused = document.activeElement;
    if (first || !focused || !this.dialog.contains(focused) || focused.disabled) {
      this.slide.focus();
    }
    this.updateNotes();
    if (!first) this.tell("go");
  };

  /* Read aloud (listen.js, via aci.js) follows the presentation through this event. */
  Presenter.prototype.tell = function (state) {
    var detail = { state: state, dialog: this.dialog, slide: this.slide, bar: this.dialog.querySelector(".aci-present__bar"), exit: this.exit };
    document.dispatchEvent(new CustomEvent("aci:present", { detail: detail }));
  };

  Presenter.prototype.putBack = function (node) {
    for (var i = 0; i < this.marks.length; i += 1) {
      if (this.marks[i].node === node) {
        this.marks[i].mark.parentNode.insertBefore(node, this.marks[i].mark);
        return;
      }
    }
  };

  Presenter.prototype.key = function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (event.key === "Escape") {
      event.preventDefault();
      this.stop();
      return;
    }
    if (typing(target)) return;
    var onControl = target && target.closest && target.closest("button, a, summary");
    if (FORWARD.indexOf(event.key) !== -1) {
      if ((event.key === " " || event.key === "Spacebar") && onControl) return;
      event.preventDefault();
      this.go(this.index + 1);
    } else if (BACK.indexOf(event.key) !== -1) {
      event.preventDefault();
      this.go(this.index - 1);
    }
  };

  /* The second window: opened from a click or key press (browsers allow that). */
  Presenter.prototype.openNotes = function () {
    var win;
    try {
      win = window.open("", "aci-present-notes", "popup=yes,width=640,height=720");
    } catch (error) {
      win = null;
    }
    var doc = null;
    try {
      doc = win ? win.document : null;
    } catch (error) {
      doc = null; /* not ours to write to */
    }
    if (!doc) {
      this.status.textContent = text(this.button, "notes-blocked");
      return;
    }
    this.status.textContent = "";
    this.notesWindow = win;
    /* A fresh standards-mode document (about:blank has no doctype). */
    doc.open();
    doc.write("<!DOCTYPE html><html><head></head><body></body></html>");
    doc.close();
    doc.documentElement.setAttribute("lang", document.documentElement.getAttribute("lang") || "");
    var meta = doc.createElement("meta");
    meta.setAttribute("charset", "utf-8");
    doc.head.appendChild(meta);
    var title = doc.createElement("title");
    title.textContent = text(this.button, "notes-title");
    doc.head.appendChild(title);
    Array.prototype.forEach.call(document.querySelectorAll("link[rel=stylesheet]"), function (link) {
      var copy = doc.createElement("link");
      copy.rel = "stylesheet";
      copy.href = link.href;
      doc.head.appendChild(copy);
    });
    var main = doc.createElement("main");
    main.className = "md-typeset aci-present-notes";
    main.setAttribute("data-present-notes-window", "");
    main.style.padding = "1rem 1.5rem";
    doc.body.appendChild(main);
    /* A clicker's keys reach whichever window has the focus: both drive the screen. */
    doc.addEventListener("keydown", this.onKey, true);
    this.updateNotes();
    try {
      window.focus();
    } catch (error) {
      /* the room's screen keeps working from the notes window's keys */
    }
  };

  Presenter.prototype.updateNotes = function () {
    var win = this.notesWindow;
    if (!win || win.closed || this.index === undefined) return;
    var doc = win.document;
    var main = doc.querySelector("[data-present-notes-window]");
    if (!main) return;
    main.textContent = "";
    var heading = doc.createElement("h1");
    var section = this.sections[this.index];
    var h = section[0] && /^H[12]$/.test(section[0].tagName) ? section[0] : null;
    heading.textContent =
      text(this.button, "notes-title") +
      " — " +
      this.position.textContent +
      (h ? " — " + h.textContent.replace(/¶$/, "").trim() : "");
    main.appendChild(heading);
    var found = 0;
    section.forEach(function (node) {
      var notes = node.matches("[data-facilitator]")
        ? [node]
        : node.querySelectorAll("[data-facilitator]");
      Array.prototype.forEach.call(notes, function (note) {
        main.appendChild(doc.importNode(note, true));
        found += 1;
      });
    });
    if (!found) {
      var none = doc.createElement("p");
      none.textContent = text(this.button, "notes-none");
      main.appendChild(none);
    }
  };

  /* aci.js loads this script when a [data-present] button is first pressed, then
     calls this for that button (and for any later press). */
  window.aciPresent = function (button) {
    if (!button.aciPresenter) button.aciPresenter = new Presenter(button);
    button.aciPresenter.start();
  };
})();
