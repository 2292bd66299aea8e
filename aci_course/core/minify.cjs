// Minifies the site's own scripts and style sheets in place with esbuild, then cuts
// Material's style sheet down to the rules the site can use (PurgeCSS).
//
//   node minify.cjs <project root>  < {"files": [...], "purge": {...} | null}
//
// Each file is transformed alone (no bundling: they stay plain scripts, which run
// over file://), without a source map. Called by aci_course/core/minify.py, which
// documents the purge's fields.
"use strict";

const fs = require("fs");
const path = require("path");

const [root] = process.argv.slice(2);
const esbuild = require(path.join(root, "node_modules", "esbuild"));
const { files, purge } = JSON.parse(fs.readFileSync(0, "utf8"));

let saved = 0;
const bundled = new Set(); // files a bundle took in: no page loads them on their own
for (const file of files) {
  const source = fs.readFileSync(file, "utf8");
  const loader = file.endsWith(".css") ? "css" : "js";
  // es2017: what the site's browsers run; esbuild keeps the scripts' own syntax.
  const options = { minify: true, target: "es2017", charset: "utf8", legalComments: "none" };
  // A style sheet of @imports (course.css) becomes one file: one request instead of several.
  let result;
  if (loader === "css" && /@import/.test(source)) {
    const built = esbuild.buildSync({ ...options, entryPoints: [file], bundle: true, write: false, metafile: true });
    result = built.outputFiles[0];
    for (const input of Object.keys(built.metafile.inputs)) {
      const taken = path.resolve(input);
      if (taken !== path.resolve(file)) bundled.add(taken);
    }
  } else {
    result = esbuild.transformSync(source, { ...options, loader });
  }
  const code = result.code !== undefined ? result.code : result.text;
  for (const warning of result.warnings || []) process.stderr.write(`${file}: ${warning.text}\n`);
  fs.writeFileSync(file, code);
  saved += Buffer.byteLength(source) - Buffer.byteLength(code);
}

// The words of Material's runtime script that name what it may put into a page:
// its own classes (md-...) only when they belong to a feature the site uses
// (`keep`), other words unless they name a feature the site leaves out (`drop`).
function runtimeWords(script) {
  const keep = purge.keep.map((source) => new RegExp(source));
  const drop = purge.drop.map((source) => new RegExp(source));
  const words = new Set(fs.readFileSync(script, "utf8").match(/[A-Za-z0-9_-]+/g) || []);
  return [...words].filter((word) =>
    word.startsWith("md-") ? keep.some((re) => re.test(word)) : !drop.some((re) => re.test(word)));
}

async function purgeCss() {
  if (!purge) return 0;
  const { PurgeCSS } = require(path.join(root, "node_modules", "purgecss"));
  const raw = purge.scripts.map((script) => ({ raw: runtimeWords(script).join(" "), extension: "txt" }));
  // Custom properties no kept rule reads (icons of unused features) go as well,
  // unless another style sheet (the palette, ours) or a page reads them.
  const read = new Set();
  for (const file of purge.readers) {
    for (const found of fs.readFileSync(file, "utf8").matchAll(/var\(\s*(--[\w-]+)/g)) read.add(found[1]);
  }
  const results = await new PurgeCSS().purge({
    content: [...purge.content, ...raw],
    css: purge.css,
    variables: true,
    safelist: { variables: [...read] },
    keyframes: true,
    fontFace: true,
  });
  let cut = 0;
  for (const result of results) {
    cut += fs.statSync(result.file).size - Buffer.byteLength(result.css);
    fs.writeFileSync(result.file, result.css);
  }
  return cut;
}

purgeCss().then((purged) => {
  process.stdout.write(JSON.stringify({ files: files.length, saved, purged, bundled: [...bundled] }));
}, (error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
