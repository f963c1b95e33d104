// Node's `assert` for the browser, as far as the reminder cards' libraries use it: antlr4ts (under
// adaptive-expressions, which adaptivecards-templating uses to fill "Chase now"'s cards) calls
// `assert(condition)`. vite.config.ts points `assert` here; the copy inside adaptive-expressions' own
// browser bundle is not callable ("assert is not a function"), so the tab uses its Node build with these.
/* global module */
"use strict";

function assert(condition, message) {
  if (!condition) throw new Error(typeof message === "string" ? message : "Assertion failed");
}
assert.ok = assert;
module.exports = assert;
