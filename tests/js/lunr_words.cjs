// What lunr.aci makes of single words, in Node, with the scripts a browser loads.
//
//   node lunr_words.cjs <assets/javascripts dir> <lang> <lunr lang>,... < ["word", ...]
//   node lunr_words.cjs <assets/javascripts dir> <lang> <lunr lang>,... --table
//
// Loads Material's search worker (for its lunr), then lunr/min/lunr.<lunr lang>.min.js
// for each of the comma-separated names, in order, as the worker would. Prints
// {word: {fold, stem, key, keys}} for each word of the JSON list on stdin; with --table,
// the form table as written (encoded) and as lunr.aci decodes it:
// {encoded, forms: {form: [key, ...]}, taken: [stem, ...]}.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [assets, lang, names, option] = process.argv.slice(2);
const workers = path.join(assets, "workers");
const worker = fs.readdirSync(workers).find(name => /^search\.[0-9a-f]+\.min\.js$/.test(name));
const context = vm.createContext({ console });
context.self = context;
context.addEventListener = () => {};
context.postMessage = () => {};
const load = file => vm.runInContext(fs.readFileSync(file, "utf-8"), context, { filename: file });
load(path.join(workers, worker));
load(path.join(assets, "lunr", "min", "lunr.stemmer.support.min.js"));
for (const name of names.split(","))
  load(path.join(assets, "lunr", "min", `lunr.${name}.min.js`));
const aci = context.lunr.aci;
if (aci.language !== lang)
  throw new Error(`lunr.aci set up for ${aci.language}, not ${lang}`);
function words() {
  const out = {};
  for (const word of JSON.parse(fs.readFileSync(0, "utf-8"))) {
    const folded = aci.fold(word);
    out[word] = { fold: folded, stem: aci.stem(folded), key: aci.key(folded), keys: aci.keys(folded) };
  }
  return out;
}
function table() {
  const encoded = context.lunr.aciData.forms;
  const decoded = aci.decodeForms(encoded);
  return { encoded, forms: decoded.forms, taken: Object.keys(decoded.taken) };
}
process.stdout.write(JSON.stringify(option === "--table" ? table() : words()));
