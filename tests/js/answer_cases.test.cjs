// quiz.js's fill-answer normaliser against the table the Python one is checked against
// (tests/quiz/answer_cases.json). Run by `node --test tests/js/*.test.cjs`.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");

const { normalize } = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "quiz.js"));
const { cases } = require(path.join(__dirname, "..", "quiz", "answer_cases.json"));

test("quiz.js normalises typed answers as the shared table says", () => {
  for (const [typed, normalised] of cases) {
    assert.equal(normalize(typed), normalised, JSON.stringify(typed));
  }
});
