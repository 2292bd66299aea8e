/*
 * Present mode: a lesson shown to a room, one section (h2) at a time, in large type,
 * on screens that never scroll (a trainer in front of a room cannot scroll a slide).
 *
 * [data-present] (a button on every lesson, drawn and shown by aci.js, which loads this
 * script on the first press: a lesson that is never presented never loads it) starts it.
 * ArrowRight / PageDown / Space go forward, ArrowLeft / PageUp back (what a
 * presentation clicker sends), Escape leaves and gives focus back to the button.
 * The position shows as "3 / 12" (screens) and is announced. The lesson's own elements
 * are moved into the screen and back, so quizzes keep working while shown.
 *
 * Fitting the screen: each section's text is set as large as the present size
 * (--aci-present-size in present.css) allows while it fits. A section that does not fit
 * even at the smallest size (--aci-present-min) continues on the next screen, cut
 * between its blocks (paragraphs, lists, sub-headings, which never end a screen); a
 * block taller than a screen is cut between its own items (list items, table rows,
 * the paragraphs of a box). A quiz shows one question per screen. The screens of one
 * section share one size (as large as the fullest allows), each continued screen
 * repeats the section's heading above it, and a screen that still does not fit (one
 * item taller than the screen) gets smaller type rather than a scroll bar. Done when
 * present mode starts, again when the window changes size (the position stays on the
 * same text), and a screen shrinks if its content grows (a checked quiz's feedback).
 * The dialog's data-present-fit says the window size the screens were made for.
 *
 * Facilitator edition (the page has [data-edition="facilitator"]): the trainer notes
 * ([data-facilitator]) are never shown on the screen; those of the current section
 * go to a second window that follows along. It is an about:blank window written to
 * directly by this page (same origin, so it works over file:// where postMessage
 * between file pages has no usable origin); when the browser blocks it, a
 * message says so and the presentation goes on without it.
 *
 * Texts come from data/ui.yml, never from here: the language's on-demand texts
 * (aci.texts, loaded by aci.js before this script) and, for the trainer notes of the
 * facilitator edition, the button's data-present-text-* attributes.
 */
(function () {
  "use strict";

  var FORWARD = ["ArrowRight", "PageDown", " ", "Spacebar"];
  var BACK = ["ArrowLeft", "PageUp"];
  /* Smallest type for one item that cannot be cut, as a share of --aci-present-min. */
  var FLOOR = 0.6;
  /* Sizes are searched to half a pixel. */
  var STEP = 0.5;
  var OFF = "data-present-off";

  var KEYS = { label: "present.dialog", prev: "present.previous" };

  function text(button, name) {
    var ui = window.aci.ui || {};
    return button.getAttribute("data-present-text-" + name) ||
      ui[KEYS[name] || "present." + name] || "";
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

  /* A choice (radio, checkbox) has no use for Page Up / Page Down: a clicker still works. */
  function choosing(target) {
    return !!target && (target.type === "radio" || target.type === "checkbox");
  }

  function children(node) {
    return Array.prototype.slice.call(node.children);
  }

  function headingText(heading) {
    return heading.textContent.replace(/¶\s*$/, "").trim();
  }

  /* The parts a block can be cut into between screens, or null for a block kept whole.
     What is not a part (a box's title, a table's header) shows with every part. */
  function partsOf(node) {
    if (node.tagName === "UL" || node.tagName === "OL") return children(node);
    if (node.matches("form[data-quiz]")) return children(node);
    if (node.tagName === "DETAILS" && !node.open) return null;
    if (node.matches(".admonition, details, blockquote")) {
      return children(node).filter(function (child) {
        return !child.matches(".admonition-title, summary");
      });
    }
    /* Material wraps a table in scrolling boxes once the page runs. */
    var table = node.tagName === "TABLE" ? node : node.querySelector(":scope > * > table");
    if (table && table.tBodies.length) {
      var rows = [];
      Array.prototype.forEach.call(table.tBodies, function (body) {
        rows = rows.concat(children(body));
      });
      return rows;
    }
    return null;
  }

  /* A screen is made of units: a whole block ({node}) or some parts of one ({node,
     items}). A quiz is always cut: its introduction, then one unit per question (a
     screen holding a question takes no other), its buttons and result kept with the last. */
  function quizUnits(form) {
    var units = [];
    var last = null;
    children(form).forEach(function (child) {
      if (child.hasAttribute("data-question")) {
        last = { node: form, items: [child], question: true };
        units.push(last);
      } else if (last && last.question) {
        last = { node: form, items: [child], glue: true };
        units.push(last);
      } else if (last) {
        last.items.push(child);
      } else {
        last = { node: form, items: [child] };
        units.push(last);
      }
    });
    return units;
  }

  function isHeading(unit) {
    return !unit.items && /^H[1-6]$/.test(unit.node.tagName);
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
        /* never shown: a quiz's note for readers without scripts (aci_course/quiz/scripts.py) */
        node.tagName === "NOSCRIPT" ||
        node.tagName === "SCRIPT" ||
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
    this.marks = new Map();
    this.starts = new Map();
    this.shown = [];
    var self = this;
    this.sections.forEach(function (nodes) {
      nodes.forEach(function (node) {
        var mark = document.createComment("aci-present");
        node.parentNode.insertBefore(mark, node);
        self.marks.set(node, mark);
      });
    });
    this.build();
    this.running = element("p", "aci-present__running");
    this.running.setAttribute("data-present-running", "");
    this.stash = element("div");
    this.stash.hidden = true;
    this.dialog.appendChild(this.stash);
    this.sections.forEach(function (nodes) {
      nodes.forEach(function (node) {
        self.stash.appendChild(node);
      });
    });
    this.scrolled = window.scrollY;
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
    this.onResize = this.resized.bind(this);
    window.addEventListener("resize", this.onResize);
    this.observer = new MutationObserver(this.changed.bind(this));
    this.dialog.addEventListener("click", this.follow.bind(this), true);
    this.index = undefined;
    this.layout();
    this.go(0, true);
    this.tell("start");
    if (this.facilitator && document.querySelector("[data-facilitator]")) this.openNotes();
  };

  Presenter.prototype.stop = function () {
    if (!this.active) return;
    this.active = false;
    this.observer.disconnect();
    document.removeEventListener("keydown", this.onKey, true);
    window.removeEventListener("resize", this.onResize);
    var self = this;
    this.marks.forEach(function (mark, node) {
      self.showParts(node, null);
      mark.parentNode.insertBefore(node, mark);
      mark.parentNode.removeChild(mark);
    });
    this.dialog.parentNode.removeChild(this.dialog);
    this.inerted.forEach(function (child) {
      child.inert = false;
    });
    document.documentElement.classList.remove("aci-presenting");
    window.scrollTo(window.scrollX, this.scrolled);
    this.tell("stop");
    if (this.notesWindow && !this.notesWindow.closed) this.notesWindow.close();
    this.notesWindow = null;
    this.button.focus();
  };

  /* --- fitting the screen -------------------------------------------------- */

  /* A size of present.css in pixels (they depend on the window's width). */
  Presenter.prototype.px = function (name) {
    var probe = element("span");
    probe.style.fontSize = "var(" + name + ")";
    this.dialog.appendChild(probe);
    var size = parseFloat(window.getComputedStyle(probe).fontSize);
    this.dialog.removeChild(probe);
    return size;
  };

  Presenter.prototype.setSize = function (size) {
    this.slide.style.fontSize = size + "px";
  };

  Presenter.prototype.fits = function () {
    var slide = this.slide;
    return slide.scrollHeight <= slide.clientHeight && slide.scrollWidth <= slide.clientWidth;
  };

  /* Shows only `items` of a cut block (all of it for null); a cut numbered list goes on
     counting from where the previous screen stopped. */
  Presenter.prototype.showParts = function (node, items) {
    var parts = partsOf(node);
    if (!parts) return;
    parts.forEach(function (part) {
      var off = !!items && items.indexOf(part) === -1;
      if (off !== part.hasAttribute(OFF)) part.toggleAttribute(OFF, off);
    });
    if (node.tagName !== "OL") return;
    if (!this.starts.has(node)) this.starts.set(node, node.getAttribute("start"));
    var start = this.starts.get(node);
    var first = items ? parts.indexOf(items[0]) : 0;
    if (first > 0) node.setAttribute("start", String(parseInt(start || "1", 10) + first));
    else if (start === null) node.removeAttribute("start");
    else node.setAttribute("start", start);
  };

  /* Puts `units` on the slide (and the section's heading above a continued screen). */
  Presenter.prototype.render = function (units, running) {
    var self = this;
    var parts = [];
    units.forEach(function (unit) {
      var last = parts[parts.length - 1];
      if (last && last.node === unit.node && last.items && unit.items) {
        last.items = last.items.concat(unit.items);
      } else {
        parts.push({ node: unit.node, items: unit.items ? unit.items.slice() : null });
      }
    });
    var nodes = parts.map(function (part) {
      return part.node;
    });
    this.shown.forEach(function (node) {
      if (nodes.indexOf(node) === -1) self.putBack(node);
    });
    if (running) {
      if (this.running.textContent !== running) this.running.textContent = running;
      if (this.slide.firstChild !== this.running) {
        this.slide.insertBefore(this.running, this.slide.firstChild);
      }
    } else if (this.running.parentNode) {
      this.running.parentNode.removeChild(this.running);
    }
    /* Only what moves is moved: a quiz laid out again costs more than the check. */
    var offset = running ? 1 : 0;
    parts.forEach(function (part, i) {
      self.showParts(part.node, part.items);
      var here = self.slide.children[offset + i] || null;
      if (here !== part.node) self.slide.insertBefore(part.node, here);
    });
    this.shown = nodes;
  };

  /* Off the slide, a block waits in a hidden box of the dialog, not in the lesson:
     the lesson's page (under the dialog) is laid out again only when present mode
     starts and stops, never each time a screen is tried. */
  Presenter.prototype.putBack = function (node) {
    this.showParts(node, null);
    this.stash.appendChild(node);
  };

  /* The largest size from `low` to `high` at which what is on the slide fits; below
     `low` (down to FLOOR) only when it does not fit even there. */
  Presenter.prototype.largest = function (low, high) {
    this.setSize(high);
    if (this.fits()) return high;
    this.setSize(low);
    if (!this.fits()) {
      high = low;
      low = this.min * FLOOR;
      this.setSize(low);
      if (!this.fits()) return low;
    }
    while (high - low > STEP) {
      var middle = (low + high) / 2;
      this.setSize(middle);
      if (this.fits()) low = middle;
      else high = middle;
    }
    return low;
  };

  /* Cuts a section's units into screens at one size: as much as fits on each screen;
     a heading never ends a screen; a unit taller than a screen is cut into its parts. */
  Presenter.prototype.pack = function (units, heading, size) {
    var self = this;
    var screens = [];
    var current = [];
    var queue = units.slice();
    this.setSize(size);
    function fitsWith(list, continued) {
      self.render(list, continued ? heading : null);
      return self.fits();
    }
    while (queue.length) {
      var unit = queue.shift();
      var closed = !unit.glue && current.some(function (u) {
        return u.question;
      });
      if (!closed && fitsWith(current.concat([unit]), screens.length > 0)) {
        current.push(unit);
        continue;
      }
      var parts = unit.items ? null : partsOf(unit.node);
      var cut = parts && parts.length > 1 && !closed;
      if (cut && (!current.length || !fitsWith([unit], true))) {
        queue = parts
          .map(function (part) {
            return { node: unit.node, items: [part] };
          })
          .concat(queue);
        continue;
      }
      if (!current.length) {
        current.push(unit); /* taller than the screen and cannot be cut: smaller type */
        continue;
      }
      var carried = [];
      while (current.length > 1 && isHeading(current[current.length - 1])) {
        carried.unshift(current.pop());
      }
      screens.push(current);
      current = carried;
      queue.unshift(unit);
    }
    if (current.length) screens.push(current);
    return screens;
  };

  /* Makes the screens of every section for the window as it is now. */
  Presenter.prototype.layout = function () {
    var self = this;
    this.observer.disconnect();
    this.present = this.px("--aci-present-size");
    this.min = Math.min(this.px("--aci-present-min"), this.present);
    this.screens = [];
    this.sections.forEach(function (nodes, section) {
      var units = [];
      nodes.forEach(function (node) {
        if (node.matches("form[data-quiz]")) units = units.concat(quizUnits(node));
        else units.push({ node: node });
      });
      var heading = nodes[0].tagName === "H2" ? headingText(nodes[0]) : null;
      self.screens = self.screens.concat(self.fit(units, heading, section));
    });
    this.render([], null);
    this.dialog.setAttribute("data-present-fit", window.innerWidth + "x" + window.innerHeight);
  };

  Presenter.prototype.fit = function (units, heading, section) {
    var self = this;
    var high = this.present;
    var low = this.min;
    var quiz = units.some(function (unit) {
      return unit.question;
    });
    var screens = null;
    if (!quiz) {
      this.render(units, null);
      this.setSize(high);
      if (this.fits()) screens = [units];
    }
    if (!screens) {
      screens = this.pack(units, heading, low);
      /* A few larger sizes: the largest that needs no more screens. */
      [1, 2 / 3, 1 / 3].some(function (share) {
        var size = low + (high - low) * share;
        var tried = self.pack(units, heading, size);
        if (tried.length > screens.length) {
          high = size;
          return false;
        }
        screens = tried;
        low = size;
        return true;
      });
    }
    var sizes = screens.map(function (screen, i) {
      self.render(screen, i ? heading : null);
      return self.largest(low, high);
    });
    var shared = Math.min.apply(
      null,
      sizes.filter(function (size) {
        return size >= low;
      }).concat([high])
    );
    return screens.map(function (screen, i) {
      return {
        section: section,
        units: screen,
        running: i ? heading : null,
        size: Math.min(sizes[i], shared),
      };
    });
  };

  /* The screen that shows `target` (an element inside the lesson), or -1. */
  Presenter.prototype.find = function (target) {
    for (var i = 0; i < this.screens.length; i += 1) {
      var found = this.screens[i].units.some(function (unit) {
        if (!unit.node.contains(target)) return false;
        return (
          !unit.items ||
          unit.items.some(function (item) {
            return item.contains(target);
          })
        );
      });
      if (found) return i;
    }
    return -1;
  };

  /* A new window size (the laptop's screen was mirrored to a projector): new screens,
     still showing the text that was on the screen. */
  Presenter.prototype.resized = function () {
    if (this.resizing) return;
    this.resizing = true;
    var self = this;
    window.requestAnimationFrame(function () {
      self.resizing = false;
      if (!self.active) return;
      var first = self.screens[self.index].units[0];
      self.layout();
      self.go(Math.max(0, self.find(first.items ? first.items[0] : first.node)), true);
    });
  };

  /* What is on the screen changed (a checked quiz shows its feedback): smaller type if
     it no longer fits, back up to the screen's size when it fits again. */
  Presenter.prototype.changed = function () {
    if (!this.active || this.index === undefined) return;
    var size = this.screens[this.index].size;
    var self = this;
    this.quietly(function () {
      self.setSize(self.largest(Math.min(size, self.min), size));
    });
  };

  /* Changes made here are not changes of the content. */
  Presenter.prototype.quietly = function (change) {
    this.observer.disconnect();
    change();
    this.observer.observe(this.slide, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  };

  /* A link to a place in the lesson (a quiz's "Question 2") shows its screen first. */
  Presenter.prototype.follow = function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link) return;
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    var index = target ? this.find(target) : -1;
    if (index !== -1 && index !== this.index) this.go(index);
  };

  Presenter.prototype.go = function (index, first) {
    if (index < 0 || index >= this.screens.length) return;
    var self = this;
    var screen = this.screens[index];
    this.index = index;
    this.quietly(function () {
      self.render(screen.units, screen.running);
      self.setSize(screen.size);
      /* It may have grown while on another screen (a quiz checked on its last one). */
      if (!self.fits()) self.setSize(self.largest(Math.min(screen.size, self.min), screen.size));
    });
    var total = this.screens.length;
    this.position.textContent = index + 1 + " / " + total;
    this.live.textContent = text(this.button, "position")
      .replace("{n}", String(index + 1))
      .replace("{total}", String(total));
    this.prev.disabled = index === 0;
    this.next.disabled = index === total - 1;
    this.slide.scrollTop = 0;
    var focused = document.activeElement;
    if (
      first ||
      !focused ||
      !this.dialog.contains(focused) ||
      focused.disabled ||
      !focused.getClientRects().length
    ) {
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

  Presenter.prototype.key = function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (event.key === "Escape") {
      event.preventDefault();
      this.stop();
      return;
    }
    var page = event.key === "PageDown" || event.key === "PageUp";
    if (typing(target) && !(page && choosing(target))) return;
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
    var section = this.sections[this.screens[this.index].section];
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
