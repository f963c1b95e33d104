// `npm run build:functions`: the Function App as one folder (dist/function-app) and the same as a zip to
// deploy (dist/function-app.zip): the timer function bundled with its dependencies into one ES module,
// host.json and a package.json naming it. Bundled, the app needs no `npm install` on Azure and carries none
// of the tab's or the CLI's packages. The bundle targets the Node.js version production runs
// (infra/runtime.json), not the Node 20 of development machines.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { zipSync } from "fflate";
import { PRODUCTION_NODE_MAJOR } from "./production-runtime.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** host.json: Functions runtime 4, the extension bundle (the timer needs none, but the runtime asks). */
export const HOST_JSON = {
  version: "2.0",
  logging: { applicationInsights: { samplingSettings: { isEnabled: true, excludedTypes: "Request" } } },
  extensionBundle: { id: "Microsoft.Azure.Functions.ExtensionBundle", version: "[4.*, 5.0.0)" },
  // The run waits up to 3 minutes for another's lease, then sends; 10 minutes leaves room and stops a hung run.
  functionTimeout: "00:10:00",
};

/** esbuild's target: the Node.js version the Function App runs on in Azure. */
export const BUNDLE_TARGET = `node${String(PRODUCTION_NODE_MAJOR)}`;

/** Build the Function App into `out` (default dist/function-app) and `<out>.zip`; returns the folder. */
export async function buildFunctionApp(out = join(root, "dist", "function-app")): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, "src", "functions", "index.ts")],
    outfile: join(out, "dist", "index.mjs"),
    bundle: true,
    platform: "node",
    target: BUNDLE_TARGET,
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
  writeFileSync(`${out}.zip`, zipFolder(out));
  return out;
}

/** The folder's files as a zip, paths relative to it with forward slashes (the package One Deploy takes). */
function zipFolder(folder: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(folder, path).split(sep).join("/")] = readFileSync(path);
  }
  return zipSync(files);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildFunctionApp();
  console.log(
    `The Function App is in ${out}, zipped in ${out}.zip to deploy (see README, "Deploy to your tenant").`,
  );
}
