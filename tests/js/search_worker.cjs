// Runs Material's own search worker in Node, as a browser would run it.
//
//   node search_worker.cjs <assets/javascripts dir> <search_index.json> <query>...
//
// The worker script is loaded from <dir>/workers/search.<hash>.min.js; it loads
// lunr languages with importScripts("../lunr/min/lunr.<lang>.min.js"), which this
// resolves against the same folder. Prints {query: [[{location, title, terms}]]}:
// per query, the result groups (a page and its sections) in Material's order.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [assets, indexFile, ...queries] = process.argv.slice(2);
const workers = path.join(assets, "workers");
const worker = fs.readdirSync(workers).find(name => /^search\.[0-9a-f]+\.min\.js$/.test(name));

let listener = null;
let reply = null;
const context = vm.createContext({ console });
context.self = context;
context.addEventListener = (type, fn) => { listener = fn; };
context.postMessage = message => { reply = message; };
context.importScripts = (...urls) => {
  for (const url of urls) {
    const file = path.resolve(workers, url);
    vm.runInContext(fs.readFileSync(file, "utf-8"), context, { filename: file });
  }
};
vm.runInContext(fs.readFileSync(path.join(workers, worker), "utf-8"), context);

// Message types of Material's worker: SETUP 0, READY 1, QUERY 2, RESULT 3.
async function send(data) {
  reply = null;
  await listener({ data });
  return reply;
}

(async () => {
  const index = JSON.parse(fs.readFileSync(indexFile, "utf-8"));
  await send({ type: 0, data: { ...index, options: { suggest: false } } });
  const out = {};
  for (const query of queries) {
    const result = await send({ type: 2, data: query });
    out[query] = result.data.items.map(group => group.map(item => ({
      location: item.location,
      title: item.title,
      terms: item.terms,
    })));
  }
  process.stdout.write(JSON.stringify(out));
})().catch(error => {
  console.error(error);
  process.exit(1);
});
