// The pure parts of core.js: message formatting, storage keys, the store's fallbacks.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");

const core = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "core.js"));

/* A Storage-like object; `full` makes every write throw as a full disk does. */
function fakeStorage(options = {}) {
  const items = new Map();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem(k, v) {
      if (options.full && k !== "aci:probe") throw new Error("QuotaExceededError");
      items.set(k, String(v));
    },
    removeItem: (k) => items.delete(k),
    items,
  };
}

test("format fills named placeholders and leaves unknown ones", () => {
  assert.equal(core.format("{score} / {total}", { score: 3, total: 5 }), "3 / 5");
  assert.equal(core.format("{n} of {missing}", { n: 0 }), "0 of {missing}");
  assert.equal(core.format("no values"), "no values");
  assert.equal(core.format("{toString}", {}), "{toString}");
});

test("keys start with aci: and the course version", () => {
  const key = core.keyMaker("aci:2026.1:");
  assert.equal(key("progress"), "aci:2026.1:progress");
  assert.equal(key("quiz:m/q"), "aci:2026.1:quiz:m/q");
});

test("a working storage keeps JSON and text", () => {
  const storage = fakeStorage();
  const store = core.makeStore(() => storage);
  assert.equal(store.ok, true);
  assert.equal(store.set("aci:1:a", { x: [1] }), true);
  assert.deepEqual(store.get("aci:1:a"), { x: [1] });
  assert.equal(storage.items.get("aci:1:a"), '{"x":[1]}');
  assert.equal(store.write("aci:1:t", "2"), true);
  assert.equal(store.read("aci:1:t"), "2");
  assert.deepEqual(store.keys().sort(), ["aci:1:a", "aci:1:t"]);
  store.remove("aci:1:a");
  assert.equal(store.get("aci:1:a"), null);
  assert.equal(storage.items.has("aci:probe"), false);
});

test("refused storage (private mode, file:// settings): the page keeps values in memory", () => {
  const store = core.makeStore(() => {
    throw new Error("SecurityError");
  });
  assert.equal(store.ok, false);
  assert.equal(store.set("aci:1:a", { n: 1 }), false);
  assert.deepEqual(store.get("aci:1:a"), { n: 1 });
  assert.deepEqual(store.keys(), ["aci:1:a"]);
  store.remove("aci:1:a");
  assert.equal(store.get("aci:1:a"), null);
});

test("full storage: a write that fails is kept in memory and reported", () => {
  const storage = fakeStorage({ full: true });
  const store = core.makeStore(() => storage);
  assert.equal(store.ok, true);
  assert.equal(store.set("aci:1:a", [1, 2]), false);
  assert.deepEqual(store.get("aci:1:a"), [1, 2]);
  assert.equal(storage.items.has("aci:1:a"), false);
});

test("garbage in storage reads as nothing", () => {
  const storage = fakeStorage();
  storage.items.set("aci:1:a", "{not json");
  const store = core.makeStore(() => storage);
  assert.equal(store.get("aci:1:a"), null);
  assert.equal(store.read("aci:1:a"), "{not json");
});

test("no storage object at all", () => {
  const store = core.makeStore(() => null);
  assert.equal(store.ok, false);
  assert.equal(store.write("k", "v"), false);
  assert.equal(store.read("k"), "v");
});
