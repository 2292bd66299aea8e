// ESLint (flat config) for the course's own JavaScript: `make lint-js`, part of `make test`.
// Browser scripts are plain scripts (not ES modules: those do not run over file://);
// some also export their pure parts to Node for tests (module, require).
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    ignores: ["node_modules/**", ".venv/**", "site/**", "site-*/**", "dist/**", "aci_course/templates/**"],
  },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly", require: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      "no-var": "off",
      strict: ["error", "function"],
      eqeqeq: ["error", "always"],
    },
  },
  {
    // lunr's language extensions (search) keep lunr's own style of escapes.
    files: ["overrides/assets/javascripts/lunr/**/*.js"],
    rules: { "no-useless-escape": "off" },
  },
  {
    files: ["**/*.cjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
    rules: { "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }] },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
