// listen.js's sentence splitter (the pure part of read aloud): node --test tests/js
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const { splitSentences } = require(path.join(__dirname, "../../overrides/assets/javascripts/listen.js"));

function split(text) {
  return splitSentences(text).map(([start, end]) => text.slice(start, end));
}

test("splits at full stops, questions and exclamations followed by a capital", () => {
  assert.deepEqual(split("Ребёнок растёт в семье. Кто помогает? Все!"), [
    "Ребёнок растёт в семье.",
    "Кто помогает?",
    "Все!",
  ]);
  assert.deepEqual(split("Дзіця расце ў сям'і. Ўсе дапамагаюць. Іншыя таксама."), [
    "Дзіця расце ў сям'і.",
    "Ўсе дапамагаюць.",
    "Іншыя таксама.",
  ]);
});

test("keeps abbreviations, initials and lower-case continuations together", () => {
  assert.deepEqual(split("См. ст. 12 Конвенции. А. С. Пушкин писал, т. е. говорил."), [
    "См. ст. 12 Конвенции.",
    "А. С. Пушкин писал, т. е. говорил.",
  ]);
  assert.deepEqual(split("Use plain words, e.g. Home. Then stop."), ["Use plain words, e.g. Home.", "Then stop."]);
  assert.deepEqual(split("Version 2.5 is out. Good."), ["Version 2.5 is out.", "Good."]);
});

test("closing quotes and brackets stay with their sentence; ellipses end one", () => {
  assert.deepEqual(split("Он сказал: «Нет.» Потом ушёл… Дальше (и это важно.) Конец"), [
    "Он сказал: «Нет.»",
    "Потом ушёл…",
    "Дальше (и это важно.)",
    "Конец",
  ]);
  assert.deepEqual(split("Stop. «Quoted start.» — Dash start."), ["Stop.", "«Quoted start.»", "— Dash start."]);
});

test("blank and punctuation-only pieces are left out; offsets point into the text", () => {
  assert.deepEqual(splitSentences("   "), []);
  assert.deepEqual(split(" — "), []);
  const text = "  One.  Two.  ";
  assert.deepEqual(splitSentences(text), [
    [2, 6],
    [8, 12],
  ]);
});
