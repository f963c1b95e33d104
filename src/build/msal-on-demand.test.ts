// The build's rewrite of MSAL's PublicClientApplication.mjs: it applies to the installed version (or says
// which part no longer does), and leaves the standard client reachable only through a dynamic import.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, test } from "vitest";
import { rewritePublicClientApplication } from "./msal-on-demand.ts";

// The ES module build the bundler uses ("import" condition), which Node's require.resolve would not pick.
const installed = readFileSync(
  fileURLToPath(
    import.meta.resolve("@azure/msal-browser").replace(/index\.mjs$/, "app/PublicClientApplication.mjs"),
  ),
  "utf8",
);

describe("MSAL's standard client on demand", () => {
  test("the installed PublicClientApplication.mjs is rewritten so only a dynamic import reaches the standard client", () => {
    const result = rewritePublicClientApplication(installed);
    assert.ok("code" in result, "error" in result ? result.error : "");
    assert.doesNotMatch(result.code, /^import .*StandardController/m);
    assert.doesNotMatch(result.code, /^import .*StandardOperatingContext/m);
    assert.match(result.code, /import\('\.\.\/controllers\/StandardController\.mjs'\)/);
    assert.match(result.code, /standardModules \?\?= await loadStandardModules\(\);/);
    // The nestable client, the NAA path, is untouched.
    assert.match(result.code, /new NestedAppAuthController\(nestedAppAuth\)/);
  });

  test("a changed MSAL is refused with the rewrites that no longer apply", () => {
    const changed = installed.replace(
      "async function createStandardPublicClientApplication",
      "async function x",
    );
    const result = rewritePublicClientApplication(changed);
    assert.ok("error" in result);
    assert.match(result.error, /these rewrites no longer apply: createStandardPublicClientApplication\./);
  });
});
