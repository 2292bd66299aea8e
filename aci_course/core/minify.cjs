// Minifies the site's own scripts and style sheets in place with esbuild.
//
//   node minify.cjs <project root>  < ["<absolute path of a .js or .css file>", ...]
//
// Each file is transformed alone (no bundling: they stay plain scripts, which run
// over file://), without a source map. Called by aci_course/core/minify.py.
"use strict";

const fs = require("fs");
const path = require("path");

const [root] = process.argv.slice(2);
const esbuild = require(path.join(root, "node_modules", "esbuild"));
const files = JSON.parse(fs.readFileSync(0, "utf8"));

let saved = 0;
for (const file of files) {
  const source = fs.readFileSync(file, "utf8");
  const loader = file.endsWith(".css") ? "css" : "js";
  // es2017: what the site's browsers run; esbuild keeps the scripts' own syntax.
  const options = { minify: true, target: "es2017", charset: "utf8", legalComments: "none" };
  // A style sheet of @imports (course.css) becomes one file: one request instead of several.
  const result = loader === "css" && /@import/.test(source)
    ? esbuild.buildSync({ ...options, entryPoints: [file], bundle: true, write: false }).outputFiles[0]
    : esbuild.transformSync(source, { ...options, loader });
  const code = result.code !== undefined ? result.code : result.text;
  for (const warning of result.warnings || []) process.stderr.write(`${file}: ${warning.text}\n`);
  fs.writeFileSync(file, code);
  saved += Buffer.byteLength(source) - Buffer.byteLength(code);
}
process.stdout.write(JSON.stringify({ files: files.length, saved }));
