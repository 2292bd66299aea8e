// Lists the files the service workers precache, with Workbox's revisions.
//
//   node precache.cjs <project root> <site dir>  < {"globPatterns": [...], "globIgnores": [...]}
//
// Prints [{"url", "revision"}...], urls relative to the site dir; the languages' parts
// are made by aci_course/progress/webapp.py (split_entries). Only
// workbox-build's getManifest is loaded (not generateSW, whose bundler takes seconds);
// the service worker itself is rendered by aci_course/progress/webapp.py.
"use strict";

const path = require("path");

const [root, site] = process.argv.slice(2);
const { getManifest } = require(path.join(root, "node_modules", "workbox-build", "build", "get-manifest.js"));
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));

(async () => {
  const result = await getManifest({
    globDirectory: site,
    globPatterns: input.globPatterns,
    globIgnores: input.globIgnores,
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024, // a large course's search index
  });
  for (const warning of result.warnings) process.stderr.write(`${warning}\n`);
  process.stdout.write(JSON.stringify(result.manifestEntries));
})().catch((error) => {
  process.stderr.write(`${error && error.message ? error.message : error}\n`);
  process.exit(1);
});
