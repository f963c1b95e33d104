// `actionplan sandbox`: run the local Microsoft 365 sandbox until interrupted.
import { resolve } from "node:path";
import { z } from "zod";
// eslint-disable-next-line import-x/no-restricted-paths -- the one place production code starts the sandbox: the command that runs it.
import { DEFAULT_SITE, startSandbox } from "../../sandbox/server.ts";
import { sandboxAppTokenSource, sandboxTokenSource } from "../auth.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs } from "../command.ts";
import { isoDateOption, todayFor } from "../site.ts";
import { describeSkipped } from "../../sharepoint/core/index.ts";
import { applyUpdatesEvery } from "../../sharepoint/updates/index.ts";
// eslint-disable-next-line import-x/no-restricted-paths -- the demo seed is part of running the sandbox.
import { DEMO_TODAY, demoCoordinator, seedDemo } from "../../sandbox/seed/demo.ts";

/** The client id the sandbox's stand-in for the Function App's timer signs in as (any id gets app tokens). */
const FUNCTION_APP = "actionplan-function-app";

const specs = {
  port: { type: "string", value: "N", help: `port to listen on (default 4300)` },
  data: { type: "string", value: "DIR", help: `folder for the sandbox's state (default .sandbox/)` },
  threshold: { type: "string", value: "N", help: `list view threshold (default 5000, as SharePoint Online)` },
  latency: { type: "string", value: "MS", help: `delay added to every request (default 0)` },
  "fault-rate": {
    type: "string",
    value: "R",
    help: `share of SharePoint/Graph requests answered 429 or 503 with Retry-After, 0 to 1 (default 0)`,
  },
  "retry-after": {
    type: "string",
    value: "S",
    help: `seconds sent in Retry-After with those faults (default 1)`,
  },
  seed: {
    type: "string",
    value: "demo",
    help: [
      `on first start, provision the site and load the demo plan (the LGA Corporate Peer`,
      `Challenge 2023 plan as its April 2024 progress report left it)`,
    ],
  },
  today: {
    type: "string",
    value: "DATE",
    help: [
      `the sandbox's date, YYYY-MM-DD; the figures, the CLI, the tab and the reminders use it`,
      `against the sandbox (default with --seed demo: 2024-04-10, the day after the report;`,
      `otherwise the real date)`,
    ],
  },
  "apply-every": {
    type: "string",
    value: "S",
    help: [
      `copy the SROs' progress updates onto their actions every S seconds, as the app, as the`,
      `Function App's two-minute timer does in a tenant (default 30; 0 to leave them pending)`,
    ],
  },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan sandbox [options]

Runs a local stand-in for SharePoint Online and Microsoft Graph that the real clients talk to,
keeping its state in a folder so a restart loses nothing. Stops on Ctrl+C.

${optionsHelp(specs)}`;

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4300),
  data: z.string().min(1).default(".sandbox"),
  threshold: z.coerce.number().int().min(1).default(5000),
  latency: z.coerce.number().int().min(0).default(0),
  "fault-rate": z.coerce.number().min(0).max(1).default(0),
  "retry-after": z.coerce.number().int().min(0).default(1),
  seed: z.enum(["demo"]).optional(),
  today: isoDateOption.optional(),
  "apply-every": z.coerce.number().int().min(0).max(86_400).default(30),
});

export const sandboxCommand: Command = defineCommand({
  name: "sandbox",
  summary: "run the local SharePoint and Graph sandbox",
  help,
  options: specs,
  schema: schema,
  run: async (options) => {
    const dataDir = resolve(options.data);
    const sandbox = await startSandbox({
      port: options.port,
      dataDir,
      threshold: options.threshold,
      latencyMs: options.latency,
      faultRate: options["fault-rate"],
      retryAfterSeconds: options["retry-after"],
      today: options.today ?? (options.seed === "demo" ? DEMO_TODAY : undefined),
    });
    const siteUrl = `${sandbox.url}/sites/${DEFAULT_SITE}`;
    const today = await todayFor(siteUrl);
    let seeded = "";
    if (options.seed === "demo") {
      const coordinator = demoCoordinator();
      const result = await seedDemo(siteUrl, sandboxTokenSource(sandbox.url, coordinator));
      seeded = `  Demo plan        "${result.planTitle}", ${String(result.actions)} actions${result.seeded ? ` (loaded now, as ${coordinator})` : " (already loaded)"}`;
      for (const item of result.skipped) console.error(`actionplan sandbox: ${describeSkipped(item)}`);
    }
    const everyS = options["apply-every"];
    const applying =
      everyS === 0
        ? null
        : applyUpdatesEvery(
            everyS * 1000,
            siteUrl,
            sandboxAppTokenSource(sandbox.url, FUNCTION_APP, `${sandbox.url}/.default`),
            (message) => {
              console.log(`actionplan sandbox: ${message}`);
            },
          );
    console.log(
      [
        `Sandbox running at ${sandbox.url} (state in ${dataDir})`,
        `  SharePoint site  ${siteUrl}`,
        `  Teams host       ${sandbox.url}/teams  (the tab as Teams shows it; npm start builds it first)`,
        ...(seeded === "" ? [] : [seeded]),
        `  Today            ${today} (Europe/London, the sandbox's clock)`,
        `  Graph            ${sandbox.url}/graph/v1.0`,
        `  Tokens           POST ${sandbox.url}/sandbox/token  {"user":"<upn>","scope":"<resource>/.default"} | {"app":"<client id>"}`,
        `  People           ${sandbox.url}/sandbox/people`,
        `  Threshold ${options.threshold}, latency ${options.latency} ms, fault rate ${options["fault-rate"]}`,
        `  Updates applied ${everyS === 0 ? "never (--apply-every 0)" : `every ${String(everyS)} s, as the app (the Function App's timer)`}`,
        "Press Ctrl+C to stop.",
      ].join("\n"),
    );
    await new Promise<void>((done) => {
      const stop = () => {
        void (applying?.stop() ?? Promise.resolve()).then(() => sandbox.close()).then(done);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    console.log("Sandbox stopped; state saved.");
    return 0;
  },
});
