// Every form of the words the site uses, from belmorph's Belarusian dictionary
// (GrammarDB), for aci_course/search/lexicon.py at build time. Offline: the
// dictionary comes with the npm package.
//
//   node belmorph_forms.mjs <node_modules dir>  < ["word", ...]  > [[[form, ...], ...], ...]
//
// For each word (in order): the lexemes of its dictionary parses (guesses left
// out), each as the list of its forms.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const modules = process.argv[2];
const belmorph = path.join(modules, "belmorph", "dist");
const { MorphAnalyzer } = await import(pathToFileURL(path.join(belmorph, "index.js")).href);
const { loadDict } = await import(pathToFileURL(path.join(belmorph, "node-loader.js")).href);

const morph = new MorphAnalyzer(loadDict());
const words = JSON.parse(readFileSync(0, "utf-8"));
const out = words.map(word => {
  const lexemes = new Map();
  for (const parse of morph.parse(word)) {
    if (parse.predicted) continue;
    const forms = [...new Set(parse.lexeme.map(form => form.word))];
    lexemes.set(forms.join(" "), forms);
  }
  return [...lexemes.values()];
});
process.stdout.write(JSON.stringify(out));
