// What adaptive-expressions and antlr4ts take from Node's `util`, `os` and `fs` in the code paths the
// reminder cards use, for the browser (see assert.cjs and vite.config.ts). Nothing here touches files.
/* global module */
"use strict";

function unsupported() {
  throw new Error("Not available in the browser.");
}
const inspect = () => "";
inspect.custom = Symbol.for("nodejs.util.inspect.custom");

module.exports = {
  EOL: "\n",
  TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
  inspect,
  promisify: () => unsupported,
  readFile: unsupported,
};
