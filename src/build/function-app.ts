// `npm run build:functions`: the Function App as one folder to zip-deploy (dist/function-app): the timer
// function bundled with its dependencies into one ES module, host.json and a package.json naming it.
// Bundled, the app needs no `npm install` on Azure and carries none of the tab's or the CLI's packages.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** host.json: Functions runtime 4, the extension bundle (the timer needs none, but the runtime asks). */
export const HOST_JSON = {
  version: "2.0",
  logging: { applicationInsights: { samplingSettings: { isEnabled: true, excludedTypes: "Request" } } },
  extensionBundle: { id: "Microsoft.Azure.Functions.ExtensionBundle", version: "[4.*, 5.0.0)" },
  // The run waits up to 3 minutes for another's lease, then sends; 10 minutes is the Consumption plan's most.
  functionTimeout: "00:10:00",
};

/** Build the Function App into `out` (default dist/function-app); returns the folder. */
export async function buildFunctionApp(out = join(root, "dist", "function-app")): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, "src", "functions", "index.ts")],
    outfile: join(out, "dist", "index.mjs"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // Some bundled packages are CommonJS and call require() for Node's own modules.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    // The Functions worker provides this module itself at run time.
    external: ["@azure/functions-core"],
    legalComments: "linked",
    logLevel: "warning",
  });
  writeFileSync(join(out, "host.json"), `${JSON.stringify(HOST_JSON, null, 2)}\n`);
  writeFileSync(
    join(out, "package.json"),
    `${JSON.stringify({ name: "action-plan-tracker-reminders", private: true, type: "module", main: "dist/index.mjs" }, null, 2)}\n`,
  );
  return out;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildFunctionApp();
  console.log(
    `The Function App is in ${out}: zip its contents and deploy them (see README, "Deploy to your tenant").`,
  );
}
