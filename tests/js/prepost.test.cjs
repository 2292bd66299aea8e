// The test before a module and the first check after it: the progress file (format 2,
// merge, older files) and the group report's before/after table and CSV.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");

const js = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts");
const progress = require(path.join(js, "progress.js"));
const file = require(path.join(js, "progress-file.js"));
const report = require(path.join(js, "group-report.js"));

const T1 = "2026-01-01T00:00:00.000Z";
const T2 = "2026-02-01T00:00:00.000Z";
const T3 = "2026-03-01T00:00:00.000Z";

const COURSE = {
  course: "c",
  version: "2",
  lang: "en",
  complete: true,
  modules: [
    {
      id: "m",
      title: "M",
      lessons: [{ id: "m/01-a", quizzes: ["m/q"] }],
      quizzes: [
        {
          id: "m/q",
          title: "Q",
          total: 4,
          needed: 3,
          questions: [
            { id: "a", number: 1 },
            { id: "b", number: 2 },
            { id: "c", number: 3 },
            { id: "d", number: 4 },
          ],
        },
      ],
    },
  ],
};

function attempt(score, at, missed) {
  return { score: score, total: 4, missed: missed, at: at };
}

function exported(learner, quiz, formatVersion) {
  return {
    name: learner + ".json",
    text: JSON.stringify({
      format: "aci-course-progress",
      formatVersion: formatVersion || 2,
      course: "c",
      courseVersion: "2",
      language: "en",
      exportedAt: T3,
      learner: learner,
      lessons: {},
      quizzes: quiz ? { "m/q": quiz } : {},
      last: null,
    }),
  };
}

function entry(pre, first, post) {
  return {
    attempts: first ? 1 : 0,
    best: first ? first.score : 0,
    total: 4,
    passed: Boolean(first && first.score >= 3),
    at: first ? first.at : null,
    first: first,
    last: first,
    pre: pre,
    post: post,
  };
}

/* Three with both tests, one who took the quiz without a test before (an older file),
 * one with a test before only. */
const FILES = [
  exported("p1", entry(attempt(1, T1, ["a", "b", "c"]), attempt(3, T2, ["d"]), attempt(3, T2, ["d"]))),
  exported("p2", entry(attempt(2, T1, ["a", "b"]), attempt(4, T2, []), attempt(4, T2, []))),
  exported("p3", entry(attempt(0, T1, ["a", "b", "c", "d"]), attempt(2, T2, ["c", "d"]), attempt(2, T2, ["c", "d"]))),
  exported("old", { attempts: 2, best: 4, total: 4, passed: true, at: T2, first: attempt(4, T2, []), last: attempt(4, T2, []) }, 1),
  exported("early", entry(attempt(1, T1, ["a", "b", "c"]), null, null)),
];

test("an older file (format 1) is still read, with neither pre nor post", () => {
  const read = file.readFile(FILES[3].text, COURSE);
  assert.equal(read.ok, true);
  assert.equal(read.state.quizzes["m/q"].pre, null);
  assert.equal(read.state.quizzes["m/q"].post, null);
  assert.equal(file.FORMAT_VERSION, 2);
});

test("the group report compares only those with both tests, the rest counted apart", () => {
  const result = report.groupReport(FILES, COURSE);
  assert.equal(result.files, 5);
  const row = result.prepost[0];
  assert.equal(row.id, "m/q");
  assert.equal(row.both, 3);
  assert.equal(row.preOnly, 1);
  assert.equal(row.noPre, 1);
  // before 25 %, 50 %, 0 %; after 75 %, 100 %, 50 %
  assert.equal(row.pre, 25);
  assert.equal(row.post, 75);
  assert.equal(row.gain, 50);
  const share = Object.fromEntries(row.questions.map((q) => [q.id, [q.pre, q.post]]));
  assert.deepEqual(share, { a: [0, 100], b: [0, 100], c: [33.3, 66.7], d: [66.7, 33.3] });
});

test("the CSV carries per quiz participants_both, pre_mean, post_mean, gain and per question", () => {
  const csv = report.reportCsv(report.groupReport(FILES, COURSE)).trim().split("\r\n");
  const head = csv[0].split(",");
  const line = csv[1].split(",");
  const cell = (name) => line[head.indexOf(name)];
  for (const name of ["quiz", "participants_both", "pre_mean", "post_mean", "gain"]) {
    assert.ok(head.includes(name), name);
  }
  assert.equal(cell("quiz"), "m/q");
  assert.equal(cell("participants_both"), "3");
  assert.equal(cell("pre_mean"), "25");
  assert.equal(cell("post_mean"), "75");
  assert.equal(cell("gain"), "50");
  assert.equal(cell("pre_only"), "1");
  assert.equal(cell("without_pre"), "1");
  assert.equal(cell("q3_pre"), "33.3");
  assert.equal(cell("q4_post"), "33.3");
});

test("with nobody to compare, the means are blank, not zero", () => {
  const csv = report.reportCsv(report.groupReport([FILES[3]], COURSE)).trim().split("\r\n");
  const head = csv[0].split(",");
  const line = csv[1].split(",");
  assert.equal(line[head.indexOf("participants_both")], "0");
  assert.equal(line[head.indexOf("pre_mean")], "");
  assert.equal(line[head.indexOf("gain")], "");
});

test("merging keeps the earliest test before and the first check after it", () => {
  const base = progress.cleanState({ learner: "a", quizzes: { "m/q": entry(attempt(1, T2, ["a"]), attempt(3, T3, []), attempt(3, T3, [])) } });
  const other = progress.cleanState({ learner: "a", quizzes: { "m/q": entry(attempt(2, T1, []), attempt(2, T2, []), attempt(2, T2, [])) } });
  const merged = file.merge(base, other).quizzes["m/q"];
  assert.deepEqual(merged.pre, attempt(2, T1, []));
  assert.deepEqual(merged.post, attempt(2, T2, []));
  const none = file.merge(progress.cleanState({ learner: "a" }), progress.cleanState({ learner: "a" }));
  assert.deepEqual(none.quizzes, {});
});
