// Lists the files the service workers precache, in the order Workbox's getManifest
// lists them: each glob pattern in turn, with Workbox's own glob package and
// options, a file met twice kept where it was first met.
//
//   node precache.cjs <project root> <site dir>  < {"globPatterns": [...], "globIgnores": [...]}
//
// Prints ["<path relative to the site dir>", ...] (directories included: the caller
// keeps files). Only the listing is done here (workbox-build's glob, without loading
// workbox-build itself); aci_course/progress/webapp.py adds Workbox's revisions (the
// md5 of each file), drops what is above Workbox's size limit, splits the list per
// language and keeps it by the site's file names, so that a rebuild whose files have
// the same names starts no node.
"use strict";

const path = require("path");

const [root, site] = process.argv.slice(2);
const workbox = path.join(root, "node_modules", "workbox-build");
const { globSync } = require(require.resolve("glob", { paths: [workbox] }));
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));

const listed = new Set();
try {
  for (const pattern of input.globPatterns) {
    for (const file of globSync(pattern, { cwd: site, follow: undefined, ignore: input.globIgnores })) {
      listed.add(path.relative(site, path.join(site, file)).replace(/\\/g, "/"));
    }
  }
} catch (error) {
  process.stderr.write(`${error && error.message ? error.message : error}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify([...listed]));
