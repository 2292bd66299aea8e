// Lists the files each language's service worker precaches, with Workbox's revisions.
//
//   node precache.cjs <project root> <site dir>  < {"ru": {"globPatterns": [...], "globIgnores": [...]}, ...}
//
// Prints {"ru": [{"url", "revision"}...], ...}, urls relative to the site dir. Only
// workbox-build's getManifest is loaded (not generateSW, whose bundler takes seconds);
// the service worker itself is rendered by aci_course/progress/webapp.py.
"use strict";

const path = require("path");

const [root, site] = process.argv.slice(2);
const { getManifest } = require(path.join(root, "node_modules", "workbox-build", "build", "get-manifest.js"));
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));

(async () => {
  const out = {};
  for (const [lang, globs] of Object.entries(input)) {
    const result = await getManifest({
      globDirectory: site,
      globPatterns: globs.globPatterns,
      globIgnores: globs.globIgnores,
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024, // a large course's search index
    });
    for (const warning of result.warnings) process.stderr.write(`${warning}\n`);
    out[lang] = result.manifestEntries;
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => {
  process.stderr.write(`${error && error.message ? error.message : error}\n`);
  process.exit(1);
});
