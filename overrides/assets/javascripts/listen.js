/*
 * Read aloud: the lesson, sentence by sentence, with one of the device's own voices.
 *
 * aci.js shows the control (templates/quality/listen.html) when the browser has a
 * voice with localService true for the page's language, and loads this script on the
 * first press; window.aciListen(box, lang, present) starts reading. Only local voices
 * are ever used: a network voice would send the text to someone's server, and the
 * course promises that nothing leaves the device (and it must work offline).
 *
 * On first use the lesson's sentences are wrapped in <span data-sentence="N">; the one
 * being read carries data-reading and is kept in view. What is never read: quiz forms,
 * trainer notes ([data-facilitator]), the course's own controls ([data-search-exclude],
 * buttons), code blocks, screen-reader-only and hidden text (checked when reading
 * starts, so a version shown later, such as the plain-language one, is read then).
 *
 * Keyboard: the bar's buttons (pause/resume, previous, next, stop); the sentence
 * being read is one tab stop, ArrowUp/ArrowDown move to the previous/next sentence
 * and Enter or Space reads from there (a click on a sentence does the same);
 * Escape stops. State changes are announced in the box's status line.
 *
 * In present mode (present.js: "aci:present" events) the bar sits in the
 * presentation and reads the screen shown; it is off until the presenter presses it.
 *
 * The sentence splitter is pure and exported to Node (tests/js/listen.test.cjs).
 */
(function () {
  "use strict";

  /* Abbreviations after which a full stop does not end a sentence (lower case). */
  var ABBREVIATIONS = [
    "т", "е", "д", "п", "г", "гг", "ст", "стр", "см", "рис", "им", "ул", "др", "пр", "тыс", "млн",
    "напр", "руб", "ч", "мм", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "art", "p", "pp", "vs", "cf"
  ];
  var END = /[.!?…]+["'»”’)\]]*(?=\s)/g;
  var STARTS_SENTENCE = /^\s+["'«“„([—–-]?\s*[A-ZА-ЯЁІЎ0-9]/;

  /* [start, end) offsets of the sentences of `text`, blank ones left out. */
  function splitSentences(text) {
    var ranges = [];
    var start = 0;
    var match;
    END.lastIndex = 0;
    while ((match = END.exec(text)) !== null) {
      var end = match.index + match[0].length;
      var before = text.slice(start, match.index).match(/([\wА-яЁёІіЎў.]+)$/);
      var word = before ? before[1].toLowerCase() : "";
      var single = before && /^[A-ZА-ЯЁІЎ]$/.test(before[1]); /* an initial: "А. С." */
      if (match[0].charAt(0) === "." && match[0].length === 1 && (single || ABBREVIATIONS.indexOf(word) !== -1)) {
        continue;
      }
      if (!STARTS_SENTENCE.test(text.slice(end))) continue;
      push(ranges, text, start, end);
      start = end;
    }
    push(ranges, text, start, text.length);
    return ranges;
  }

  function push(ranges, text, start, end) {
    while (start < end && /\s/.test(text.charAt(start))) start += 1;
    while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
    if (/[0-9A-Za-zА-яЁёІіЎў]/.test(text.slice(start, end))) ranges.push([start, end]);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { splitSentences: splitSentences };
  }
  if (typeof document === "undefined") return;

  var SKIP = "form, [data-facilitator], [data-search-exclude], [aria-hidden='true'], script, style, " +
    "template, noscript, pre, svg, button, select, textarea, .headerlink, .aci-sr-only, .md-source-file";
  var BLOCK = "p, li, h1, h2, h3, h4, h5, h6, dt, dd, td, th, caption, figcaption, summary, " +
    "blockquote, div, section, article";
  var next = 0; /* sentence numbers, for the whole page */

  /* Wraps the sentences of `root` not wrapped yet. */
  function wrap(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest(SKIP) || parent.closest("[data-sentence]")) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var segments = [];
    var last = null;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var block = node.parentElement.closest(BLOCK);
      if (!last || last.block !== block) {
        last = { block: block, nodes: [] };
        segments.push(last);
      }
      last.nodes.push(node);
    }
    segments.forEach(wrapSegment);
  }

  function wrapSegment(segment) {
    var text = "";
    var offsets = [];
    segment.nodes.forEach(function (node) {
      offsets.push(text.length);
      text += node.nodeValue;
    });
    var pieces = segment.nodes.map(function () { return []; });
    splitSentences(text).forEach(function (range) {
      var id = String(next++);
      segment.nodes.forEach(function (node, i) {
        var from = Math.max(range[0], offsets[i]) - offsets[i];
        var to = Math.min(range[1], offsets[i] + node.nodeValue.length) - offsets[i];
        if (to > from && /\S/.test(node.nodeValue.slice(from, to))) pieces[i].push([from, to, id]);
      });
    });
    segment.nodes.forEach(function (node, i) {
      /* last piece first, so the earlier offsets stay right */
      for (var p = pieces[i].length - 1; p >= 0; p--) {
        var piece = pieces[i][p];
        node.splitText(piece[1]);
        var middle = node.splitText(piece[0]);
        var span = document.createElement("span");
        span.className = "aci-sentence";
        span.setAttribute("data-sentence", piece[2]);
        middle.parentNode.insertBefore(span, middle);
        span.appendChild(middle);
      }
    });
  }

  /* The sentences under `root` that show, in reading order: [{id, spans, text}]. */
  function sentences(root) {
    var byId = {};
    var list = [];
    Array.prototype.forEach.call(root.querySelectorAll("[data-sentence]"), function (span) {
      if (!span.getClientRects().length || span.closest("[hidden]")) return;
      var id = span.getAttribute("data-sentence");
      if (!byId[id]) {
        byId[id] = { id: id, spans: [], text: "" };
        list.push(byId[id]);
      }
      byId[id].spans.push(span);
      byId[id].text += span.textContent;
    });
    list.forEach(function (sentence) {
      sentence.text = sentence.text.replace(/\s+/g, " ").trim();
    });
    return list;
  }

  function localVoice(lang) {
    var voices = window.speechSynthesis.getVoices() || [];
    var found = null;
    for (var i = 0; i < voices.length; i++) {
      var voice = voices[i];
      var code = String(voice.lang || "").toLowerCase().replace("_", "-").split("-")[0];
      if (voice.localService === true && code === lang && (!found || voice["default"])) found = voice;
    }
    return found;
  }

  /* aci.js loads the language's on-demand texts (aci.texts) before this script. */
  function text(box, name) {
    return (window.aci.ui || {})["listen." + name] || "";
  }

  function button(label, name) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "md-button";
    node.textContent = label;
    node.setAttribute(name, "");
    return node;
  }

  function Reader(box) {
    this.box = box;
    this.status = box.querySelector("[data-listen-status]");
    this.list = [];
    this.index = -1;
    this.playing = false;
    this.turn = 0; /* which utterance's end still counts (cancel() ends the others) */
    this.bar = null;
    this.present = null;
  }

  Reader.prototype.root = function () {
    if (this.present) return this.present.slide;
    return this.box.closest("article") || document.querySelector("article") || document.body;
  };

  Reader.prototype.say = function (message) {
    this.status.textContent = message;
  };

  Reader.prototype.open = function (lang, present, origin) {
    this.voice = localVoice(lang);
    if (!this.voice) return; /* aci.js offers only what a local voice can read */
    this.origin = origin;
    this.present = present || null;
    wrap(this.root());
    this.list = sentences(this.root());
    if (!this.list.length) return;
    if (!this.bar) this.build();
    (this.present ? this.present.bar : this.box).appendChild(this.bar);
    this.bar.hidden = false;
    this.box.classList.add("aci-listen--open");
    document.documentElement.classList.add("aci-listening");
    this.play(this.firstShown(), true);
    this.pause.focus();
  };

  Reader.prototype.build = function () {
    var self = this;
    var bar = document.createElement("div");
    bar.className = "aci-listen__bar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", this.box.getAttribute("aria-label"));
    bar.setAttribute("data-listen-bar", "");
    this.pause = button(text(this.box, "pause"), "data-listen-pause");
    var prev = button(text(this.box, "previous"), "data-listen-previous");
    var nextButton = button(text(this.box, "next"), "data-listen-next");
    var stop = button(text(this.box, "stop"), "data-listen-stop");
    var help = document.createElement("p");
    help.className = "aci-sr-only";
    help.id = "aci-listen-help";
    help.textContent = text(this.box, "help");
    [this.pause, prev, nextButton, stop, help].forEach(function (node) { bar.appendChild(node); });
    bar.setAttribute("aria-describedby", help.id);
    this.pause.addEventListener("click", function () { self.toggle(); });
    prev.addEventListener("click", function () { self.move(-1, true); });
    nextButton.addEventListener("click", function () { self.move(1, true); });
    stop.addEventListener("click", function () { self.stop(true); });
    this.bar = bar;
    this.onKey = this.key.bind(this);
    this.onClick = this.click.bind(this);
  };

  /* Where a reader who pressed Listen most likely is: a sentence they selected, else
     the first one on screen. */
  Reader.prototype.firstShown = function () {
    var selection = window.getSelection && window.getSelection();
    var anchor = selection && selection.rangeCount ? selection.anchorNode : null;
    var chosen = anchor && (anchor.nodeType === 1 ? anchor : anchor.parentElement);
    chosen = chosen && chosen.closest && chosen.closest("[data-sentence]");
    if (chosen) {
      var at = this.find(chosen);
      if (at !== -1) return at;
    }
    for (var i = 0; i < this.list.length; i++) {
      if (this.list[i].spans[0].getBoundingClientRect().bottom > 0) return i;
    }
    return 0;
  };

  Reader.prototype.find = function (span) {
    var id = span.getAttribute("data-sentence");
    for (var i = 0; i < this.list.length; i++) {
      if (this.list[i].id === id) return i;
    }
    return -1;
  };

  Reader.prototype.mark = function (index) {
    var old = this.list[this.index];
    if (old) {
      old.spans.forEach(function (span) { span.removeAttribute("data-reading"); });
      old.spans[0].removeAttribute("tabindex");
    }
    this.index = index;
    var sentence = this.list[index];
    sentence.spans.forEach(function (span) { span.setAttribute("data-reading", ""); });
    sentence.spans[0].setAttribute("tabindex", "0");
    var box = sentence.spans[0].getBoundingClientRect();
    var reserved = this.bar && !this.present ? this.bar.getBoundingClientRect().height : 0;
    if (box.top < 0 || box.bottom > window.innerHeight - reserved) {
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      sentence.spans[0].scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  };

  Reader.prototype.play = function (index, announce) {
    var self = this;
    if (index < 0 || index >= this.list.length) return;
    this.mark(index);
    this.playing = true;
    this.pause.textContent = text(this.box, "pause");
    this.pause.setAttribute("aria-pressed", "false");
    if (announce) {
      this.say(window.aci.format(text(this.box, "reading"), { n: index + 1, total: this.list.length }));
    }
    var turn = ++this.turn;
    window.speechSynthesis.cancel();
    var utterance = new window.SpeechSynthesisUtterance(this.list[index].text);
    utterance.voice = this.voice;
    utterance.lang = this.voice.lang;
    utterance.onend = function () {
      if (turn !== self.turn || !self.playing) return;
      if (self.index + 1 < self.list.length) {
        self.play(self.index + 1, false);
      } else {
        self.stop(false);
        self.say(text(self.box, "done"));
      }
    };
    window.speechSynthesis.speak(utterance);
  };

  /* Pausing cancels the sentence and resuming reads it again from its start:
     speechSynthesis.pause() is unreliable across browsers (Chrome on Android ignores it). */
  Reader.prototype.toggle = function () {
    if (this.playing) {
      this.halt();
      this.pause.textContent = text(this.box, "resume");
      this.pause.setAttribute("aria-pressed", "true");
      this.say(text(this.box, "paused"));
    } else {
      this.play(this.index, true);
    }
  };

  Reader.prototype.halt = function () {
    this.playing = false;
    this.turn += 1;
    window.speechSynthesis.cancel();
  };

  Reader.prototype.move = function (step, announce) {
    var index = Math.max(0, Math.min(this.list.length - 1, this.index + step));
    if (this.playing) {
      this.play(index, announce);
    } else {
      this.mark(index);
      if (announce) this.say(window.aci.format(text(this.box, "reading"), { n: index + 1, total: this.list.length }));
    }
  };

  Reader.prototype.stop = function (announce) {
    if (!this.bar || this.bar.hidden) return;
    var hadFocus = this.bar.contains(document.activeElement);
    this.halt();
    var sentence = this.list[this.index];
    if (sentence) {
      sentence.spans.forEach(function (span) { span.removeAttribute("data-reading"); });
      sentence.spans[0].removeAttribute("tabindex");
    }
    this.index = -1;
    this.bar.hidden = true;
    this.box.classList.remove("aci-listen--open");
    document.documentElement.classList.remove("aci-listening");
    if (announce) this.say(text(this.box, "stopped"));
    if (hadFocus && this.origin && this.origin.isConnected) this.origin.focus();
  };

  Reader.prototype.active = function () {
    return Boolean(this.bar && !this.bar.hidden);
  };

  Reader.prototype.key = function (event) {
    if (!this.active() || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && !this.present) {
      event.preventDefault();
      this.stop(true);
      return;
    }
    var span = event.target && event.target.closest && event.target.closest("[data-sentence]");
    if (!span) return;
    var at = this.find(span);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      this.move(event.key === "ArrowDown" ? 1 : -1, true);
      this.list[this.index].spans[0].focus();
    } else if ((event.key === "Enter" || event.key === " ") && at !== -1) {
      event.preventDefault();
      this.play(at, true);
    }
  };

  Reader.prototype.click = function (event) {
    if (!this.active() || event.button !== 0) return;
    var target = event.target;
    if (!target.closest || target.closest("a, button, input, select, textarea, label, summary")) return;
    var span = target.closest("[data-sentence]");
    var at = span ? this.find(span) : -1;
    if (at !== -1) this.play(at, true);
  };

  var readers = [];

  function readerFor(box) {
    for (var i = 0; i < readers.length; i++) {
      if (readers[i].box === box) return readers[i];
    }
    var reader = new Reader(box);
    readers.push(reader);
    return reader;
  }

  var listening = false;
  function listenOnce() {
    if (listening) return;
    listening = true;
    document.addEventListener("keydown", function (event) {
      readers.forEach(function (reader) { if (reader.bar) reader.onKey(event); });
    });
    document.addEventListener("click", function (event) {
      readers.forEach(function (reader) { if (reader.bar) reader.onClick(event); });
    });
    /* Present mode: a new screen is read from its start if reading was on; leaving
       the presentation stops reading. */
    document.addEventListener("aci:present", function (event) {
      var detail = event.detail || {};
      readers.forEach(function (reader) {
        if (!reader.present) return;
        if (detail.state === "stop") {
          reader.stop(false);
          reader.present = null;
        } else if (detail.state === "go" && reader.active()) {
          var was = reader.playing;
          reader.halt();
          reader.index = -1;
          wrap(reader.root());
          reader.list = sentences(reader.root());
          if (was && reader.list.length) reader.play(0, true);
          else if (reader.list.length) reader.mark(0);
        }
      });
    });
    /* Instant navigation or leaving the page: no voice goes on reading a page that is gone. */
    window.addEventListener("pagehide", function () { window.speechSynthesis.cancel(); });
    if (window.document$ && window.document$.subscribe) {
      window.document$.subscribe(function () {
        readers.forEach(function (reader) { if (!reader.box.isConnected) reader.halt(); });
      });
    }
  }

  window.aciListen = function (box, lang, present, origin) {
    listenOnce();
    var reader = readerFor(box);
    if (reader.active()) reader.stop(false);
    reader.open(lang, present, origin);
  };
})();
