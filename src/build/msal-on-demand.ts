// A Vite plugin that keeps MSAL's standard browser client (pop-up, redirect and hidden-iframe sign-in: about
// 35 KB gzip) out of the tab's first screen, loading it only if it is ever needed.
//
// In Teams the tab signs in with Nested App Authentication: `createNestablePublicClientApplication` builds a
// PublicClientApplication around MSAL's NestedAppAuthController, and only when the host has no NAA bridge does
// it fall back to `createStandardPublicClientApplication`. But PublicClientApplication.mjs imports the
// StandardController statically (its constructor's default), so every bundle that signs in with NAA also
// carries the whole standard client. This plugin rewrites that one file so the standard client is imported on
// demand, inside the (already async) `createStandardPublicClientApplication`. MSAL's code is otherwise
// unchanged, and the fallback still works: it loads one more chunk first.
//
// (The published file has CRLF line endings, hence the \r? below.)
// Each rewrite must match the installed MSAL exactly; if an upgrade changes the file, the build stops and says
// which rewrite no longer applies (and msal-on-demand.test.ts fails), rather than silently shipping it whole.
import type { Plugin } from "vite";

const TARGET = /[\\/]@azure[\\/]msal-browser[\\/]dist[\\/]app[\\/]PublicClientApplication\.mjs$/;

interface Rewrite {
  what: string;
  find: RegExp;
  replace: string;
}

const REWRITES: Rewrite[] = [
  {
    what: "the static import of StandardController",
    find: /^import \{ StandardController \} from '\.\.\/controllers\/StandardController\.mjs';\r?\n/m,
    replace: "",
  },
  {
    what: "the static import of StandardOperatingContext",
    find: /^import \{ StandardOperatingContext \} from '\.\.\/operatingcontext\/StandardOperatingContext\.mjs';\r?\n/m,
    replace: "",
  },
  {
    what: "the constructor's default controller",
    find: /controller \|\|\s*new StandardController\(new StandardOperatingContext\(configuration, \{\s*waitForPopupResponse: this\.waitForPopupResponse\.bind\(this\),\s*waitForIframeResponse: this\.waitForIframeResponse\.bind\(this\),\s*\}\)\);/,
    replace: "controller || standardControllerFor(this, configuration);",
  },
  {
    what: "createStandardPublicClientApplication",
    find: /async function createStandardPublicClientApplication\(configuration\) \{\r?\n([ \t]*)const pca = new PublicClientApplication\(configuration\);/,
    replace:
      "async function createStandardPublicClientApplication(configuration) {\n$1standardModules ??= await loadStandardModules();\n$1const pca = new PublicClientApplication(configuration);",
  },
];

const HELPERS = `
// Added by the tab's build (src/build/msal-on-demand.ts): the standard client is loaded on demand.
let standardModules;
async function loadStandardModules() {
    const [controller, context] = await Promise.all([
        import('../controllers/StandardController.mjs'),
        import('../operatingcontext/StandardOperatingContext.mjs'),
    ]);
    return { StandardController: controller.StandardController, StandardOperatingContext: context.StandardOperatingContext };
}
function standardControllerFor(pca, configuration) {
    if (!standardModules) {
        throw new Error("MSAL's standard client loads on demand in this build: create the client with createStandardPublicClientApplication or createNestablePublicClientApplication.");
    }
    return new standardModules.StandardController(new standardModules.StandardOperatingContext(configuration, {
        waitForPopupResponse: pca.waitForPopupResponse.bind(pca),
        waitForIframeResponse: pca.waitForIframeResponse.bind(pca),
    }));
}
`;

/** The rewritten PublicClientApplication.mjs, or an error naming the rewrites that no longer match. */
export function rewritePublicClientApplication(code: string): { code: string } | { error: string } {
  let rewritten = code;
  const missing: string[] = [];
  for (const rewrite of REWRITES) {
    if (!rewrite.find.test(rewritten)) missing.push(rewrite.what);
    else rewritten = rewritten.replace(rewrite.find, rewrite.replace);
  }
  if (missing.length > 0)
    return {
      error: `msal-on-demand: @azure/msal-browser's PublicClientApplication.mjs has changed; these rewrites no longer apply: ${missing.join("; ")}. Update src/build/msal-on-demand.ts for the installed version.`,
    };
  return { code: `${rewritten}\n${HELPERS}` };
}

/** The Vite plugin. */
export function msalOnDemand(): Plugin {
  return {
    name: "msal-standard-client-on-demand",
    enforce: "pre",
    transform(code, id) {
      if (!TARGET.test(id.split("?")[0] ?? id)) return null;
      const result = rewritePublicClientApplication(code);
      if ("error" in result) this.error(result.error);
      return { code: result.code, map: null };
    },
  };
}
