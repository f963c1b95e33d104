// The Node.js version the Function App runs on in Azure, from one file (infra/runtime.json) that three readers
// share: the Bicep template (loadJsonContent, the Flex Consumption plan's functionAppConfig.runtime), the
// bundle build (esbuild's target) and tests/integration/deploy-files.test.ts (package.json's "engines" must
// include it). Development machines and CI run Node 20 ("engines": ">=20.19"), so the code is written and
// tested against Node 20's API; production runs a newer LTS because Node 20 reached end of life on
// 30 April 2026. Node 24 is supported by Azure Functions until 30 April 2028 (Node 22 only until
// 30 April 2027): https://learn.microsoft.com/azure/azure-functions/supported-languages?pivots=programming-language-javascript
import { readFileSync } from "node:fs";
import { z } from "zod";

const runtimeFile = new URL("../../infra/runtime.json", import.meta.url);

/** The production Node.js major version, e.g. 24. */
export const PRODUCTION_NODE_MAJOR: number = z
  .object({ node: z.string().regex(/^\d+$/).transform(Number) })
  .parse(JSON.parse(readFileSync(runtimeFile, "utf8"))).node;
