// The deployment files, offline: m365agents.yml against the Microsoft 365 Agents Toolkit's published YAML
// schema (v1.11, vendored from @microsoft/teamsfx-core 3.1.3 in tests/fixtures/schemas), every ${{VARIABLE}}
// they use written by someone, the Bicep template's parameters, outputs and app settings against what the
// toolkit passes and the daily job reads, its runtime, plan, monitoring, alerts, names and tenant, and the
// Entra app's permissions against the one permissions table. The Bicep CLI compiles the template too where it
// is installed (it is a .NET binary from GitHub, not on npm or Debian, so not here); these checks read its
// text, so each one names the line it expects.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, test } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { BUNDLE_TARGET } from "../../src/build/function-app.ts";
import { PRODUCTION_NODE_MAJOR } from "../../src/build/production-runtime.ts";
import { CERTIFICATE_EXPIRY_NOTICE } from "../../src/functions/certificate.ts";
import { RUN_FINISHED_NOTICE } from "../../src/functions/schedule.ts";
import { FUNCTION_SETTING_NAMES } from "../../src/functions/settings.ts";
import { PERMISSIONS } from "../../src/lib/permissions.ts";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const variablesIn = (text: string) => [...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1] ?? "");

const yml = read("m365agents.yml");
const bicep = read("infra/main.bicep");
const envFile = read("env/.env.dev");
const envKeys = envFile.split("\n").flatMap((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1] ?? []);

const actionSchema = z.looseObject({
  uses: z.string(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  writeToEnvironmentFile: z.record(z.string(), z.string()).optional(),
});
const project = z
  .object({
    version: z.string(),
    provision: z.array(actionSchema),
    deploy: z.array(actionSchema),
    publish: z.array(actionSchema),
  })
  .parse(parse(yml));

const bicepParams = [...bicep.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)].map((m) => ({
  name: m[1] ?? "",
  optional: m[3] !== undefined,
}));
const bicepOutputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1] ?? "");
const appSettings = [...bicep.matchAll(/\{ name: '([A-Za-z0-9_]+)', value: /g)].map((m) => m[1] ?? "");

/** One `resource <symbol> '<type>' = { ... }` declaration of the template, up to its closing brace. */
function resource(symbol: string): string {
  const block = new RegExp(`^resource ${symbol} '[^']+' = \\{\\n[\\s\\S]*?^\\}$`, "m").exec(bicep)?.[0];
  assert.ok(block !== undefined, `resource ${symbol}`);
  return block;
}

/**
 * Whether an npm "engines" range admits some release of a Node.js major version. It reads the comparators this
 * project uses (>=, >, <=, <, ^ and bare versions, joined by spaces or ||) and fails on others.
 */
function enginesAdmit(range: string, major: number): boolean {
  const parse = (comparator: string) => {
    const m = /^(>=|<=|>|<|\^)?v?(\d+(?:\.\d+){0,2})$/.exec(comparator);
    assert.ok(m !== null, `engines comparator '${comparator}' is one this test reads`);
    return { op: m[1] ?? "", bound: (m[2] ?? "").split(".").map(Number) };
  };
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i += 1) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return Math.sign(d);
    }
    return 0;
  };
  const satisfies = (v: number[], { op, bound }: ReturnType<typeof parse>) => {
    const c = compare(v, bound);
    if (op === ">=") return c >= 0;
    if (op === ">") return c > 0;
    if (op === "<=") return c <= 0;
    if (op === "<") return c < 0;
    if (op === "^") return c >= 0 && v[0] === bound[0];
    return bound.every((part, i) => v[i] === part);
  };
  return range.split("||").some((alternative) => {
    const comparators = alternative.trim().split(/\s+/).map(parse);
    // A range's edges are its bounds, so the major's first and last releases and any bound inside it suffice.
    const candidates = [[major, 0, 0], [major, Infinity, Infinity], ...comparators.map((c) => c.bound)];
    return candidates.some((v) => v[0] === major && comparators.every((c) => satisfies(v, c)));
  });
}

/**
 * The template's resource names for some parameters, worked out from its `var` lines as Bicep would for the
 * functions they use (toLower, replace, take, and uniqueString, which stands in for `token`).
 */
function bicepNames(params: Record<string, string>, token: string): (variable: string) => string {
  const vars = new Map([...bicep.matchAll(/^var (\w+) = (.+)$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]));
  const value = (name: string): string => {
    if (name in params) return params[name] ?? "";
    const text = vars.get(name);
    assert.ok(text !== undefined, `var or parameter ${name}`);
    return evaluate(text);
  };
  function evaluate(text: string): string {
    let at = 0;
    const skip = () => {
      while (text[at] === " ") at += 1;
    };
    const expression = (): string => {
      skip();
      if (text[at] === "'") {
        at += 1;
        let out = "";
        while (text[at] !== "'") {
          if (text.startsWith("${", at)) {
            at += 2;
            out += expression();
            skip();
            assert.equal(text[at], "}", text);
            at += 1;
          } else out += text[at++] ?? assert.fail(`unterminated string in ${text}`);
        }
        at += 1;
        return out;
      }
      const word = /^[\w.]+/.exec(text.slice(at))?.[0] ?? assert.fail(`cannot read ${text.slice(at)}`);
      at += word.length;
      if (text[at] !== "(") return /^\d+$/.test(word) ? word : value(word);
      at += 1;
      const args: string[] = [];
      skip();
      while (text[at] !== ")") {
        args.push(expression());
        skip();
        if (text[at] === ",") at += 1;
      }
      at += 1;
      while (text[at] === ".") at += (/^\.\w+/.exec(text.slice(at))?.[0] ?? ".").length;
      const [a = "", b = "", c = ""] = args;
      switch (word) {
        case "toLower":
          return a.toLowerCase();
        case "replace":
          return a.split(b).join(c);
        case "take":
          return a.slice(0, Number(b));
        case "uniqueString":
          return token;
        case "resourceGroup":
          return "";
        default:
          return assert.fail(`the names use ${word}(), which this test does not work out`);
      }
    };
    return expression();
  }
  return value;
}

describe("Microsoft 365 Agents Toolkit files", () => {
  test("m365agents.yml validates against the toolkit's published schema", () => {
    const schema: unknown = JSON.parse(read("tests/fixtures/schemas/m365agents.v1.11.yaml.schema.json"));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema as object);
    const valid = validate(parse(yml));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(project.version, "v1.11");
  });

  test("a file the schema refuses is refused (the check can fail)", () => {
    const schema: unknown = JSON.parse(read("tests/fixtures/schemas/m365agents.v1.11.yaml.schema.json"));
    const validate = new Ajv({ strict: false }).compile(schema as object);
    const broken = parse(yml) as { deploy: { with?: Record<string, unknown> }[] };
    const storage = broken.deploy.find((a) => (a as { uses?: string }).uses === "azureStorage/deploy");
    delete storage?.with?.resourceId;
    assert.equal(validate(broken), false);
  });

  test("the toolkit compiles the template with a Bicep release it names, not whichever is on the PATH", () => {
    const armDeploy = project.provision.find((step) => step.uses === "arm/deploy");
    assert.match(String(armDeploy?.with?.bicepCliVersion), /^v\d+\.\d+\.\d+$/);
  });

  test("the Function App is deployed through One Deploy, which Flex Consumption takes", () => {
    assert.equal(
      project.deploy.some((step) => step.uses === "azureFunctions/zipDeploy"),
      false,
      "the toolkit's azureFunctions/zipDeploy posts to /api/zipdeploy",
    );
    const script = project.deploy.find((step) => step.uses === "script");
    assert.equal(
      script?.with?.run,
      "az functionapp deployment source config-zip --ids ${{FUNCTION_APP_RESOURCE_ID}} --src dist/function-app.zip",
    );
  });

  test("every ${{VARIABLE}} is set by the council, by an earlier step or by the Bicep outputs", () => {
    const builtIn = new Set([
      "TEAMSFX_ENV",
      "AZURE_SUBSCRIPTION_ID",
      "AZURE_RESOURCE_GROUP_NAME",
      "AAD_APP_ACCESS_AS_USER_PERMISSION_ID",
    ]);
    const written = new Set<string>(builtIn);
    for (const key of envKeys) written.add(key);
    const steps = [...project.provision, ...project.deploy, ...project.publish];
    for (const step of steps)
      for (const name of Object.values(step.writeToEnvironmentFile ?? {})) written.add(name);
    for (const output of bicepOutputs) written.add(output);
    const used = [yml, read("infra/main.parameters.json"), read("infra/aad.manifest.json")].flatMap(
      variablesIn,
    );
    assert.deepEqual([...new Set(used.filter((v) => !written.has(v)))], []);
    // The template lists everything the toolkit writes, so a council sees the whole set.
    const toolkitWritten = [
      ...steps.flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})),
      ...bicepOutputs,
    ];
    assert.deepEqual(
      toolkitWritten.filter((v) => !envKeys.includes(v)),
      [],
    );
  });
});

describe("infra/main.bicep", () => {
  test("its parameters are the ones the toolkit passes, and the outputs the steps use exist", () => {
    const parameters = z
      .object({ parameters: z.record(z.string(), z.object({ value: z.string() })) })
      .parse(JSON.parse(read("infra/main.parameters.json"))).parameters;
    const names = bicepParams.map((p) => p.name);
    assert.deepEqual(
      Object.keys(parameters).filter((p) => !names.includes(p)),
      [],
      "no parameter the template lacks",
    );
    assert.deepEqual(
      bicepParams.filter((p) => !p.optional && !(p.name in parameters)).map((p) => p.name),
      [],
      "every required parameter is given",
    );
    for (const output of [
      "TAB_AZURE_STORAGE_RESOURCE_ID",
      "TAB_ENDPOINT",
      "TAB_DOMAIN",
      "FUNCTION_APP_RESOURCE_ID",
    ])
      assert.ok(bicepOutputs.includes(output), output);
  });

  test("the Function App is given every setting the daily job reads, and its certificate from Key Vault", () => {
    const needed = [
      ...FUNCTION_SETTING_NAMES,
      "ACTIONPLAN_TEAMS_APP_ID",
      "ACTIONPLAN_TEAMS_CATALOG_ID",
      "ACTIONPLAN_UPDATE_FORM_URL",
    ];
    assert.deepEqual(
      needed.filter((n) => !appSettings.includes(n)),
      [],
    );
    // Card buttons open the app by its catalog id, a parameter of its own (known once the app is published).
    assert.match(bicep, /\{ name: 'ACTIONPLAN_TEAMS_CATALOG_ID', value: teamsCatalogAppId \}/);
    assert.match(
      bicep,
      /'@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=\$\{certificateName\}\)'/,
    );
  });

  test("production runs a supported Node.js LTS, the one the bundle targets and package.json's engines admit", () => {
    // One version, in infra/runtime.json: the Bicep loads it, the bundle build targets it.
    const runtime = z.object({ node: z.string() }).parse(JSON.parse(read("infra/runtime.json")));
    assert.equal(runtime.node, String(PRODUCTION_NODE_MAJOR));
    assert.equal(BUNDLE_TARGET, `node${String(PRODUCTION_NODE_MAJOR)}`);
    assert.match(bicep, /^var productionRuntime = loadJsonContent\('runtime\.json'\)$/m);
    assert.match(resource("functions"), /runtime: \{ name: 'node', version: productionRuntime\.node \}/);
    // Development and CI run Node 20; "engines" must admit both it and production's version.
    const engines = z
      .object({ engines: z.object({ node: z.string() }) })
      .parse(JSON.parse(read("package.json"))).engines.node;
    assert.ok(
      enginesAdmit(engines, PRODUCTION_NODE_MAJOR),
      `${engines} admits Node ${String(PRODUCTION_NODE_MAJOR)}`,
    );
    assert.ok(enginesAdmit(engines, 20), `${engines} admits the development machines' Node 20`);
    // End-of-life dates (https://nodejs.org/en/about/previous-releases); Azure Functions follows them
    // (https://learn.microsoft.com/azure/azure-functions/language-support-policy). Node 20 ended on 30 April 2026.
    const endOfLife: Record<number, string> = { 20: "2026-04-30", 22: "2027-04-30", 24: "2028-04-30" };
    const end = endOfLife[PRODUCTION_NODE_MAJOR];
    assert.ok(
      end !== undefined,
      `add Node ${String(PRODUCTION_NODE_MAJOR)}'s end-of-life date to this table`,
    );
    assert.ok(
      new Date(`${end}T00:00:00Z`) > new Date(),
      `Node ${String(PRODUCTION_NODE_MAJOR)} ended on ${end}`,
    );
  });

  test("the daily job is on the Flex Consumption plan, its timer in UTC, with none of the settings Flex refuses", () => {
    // Microsoft calls the Consumption plan legacy and recommends Flex Consumption for new apps
    // (https://learn.microsoft.com/azure/azure-functions/consumption-plan).
    assert.match(resource("plan"), /sku: \{ tier: 'FlexConsumption', name: 'FC1' \}/);
    assert.match(resource("plan"), /properties: \{ reserved: true \}/);
    assert.match(resource("functions"), /kind: 'functionapp,linux'/);
    assert.match(resource("functions"), /functionAppConfig: \{/);
    // Flex takes the runtime from functionAppConfig and ignores WEBSITE_TIME_ZONE: the job keeps its own time.
    const refused = [
      "FUNCTIONS_WORKER_RUNTIME",
      "FUNCTIONS_EXTENSION_VERSION",
      "WEBSITE_NODE_DEFAULT_VERSION",
      "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
      "WEBSITE_CONTENTSHARE",
      "WEBSITE_TIME_ZONE",
    ];
    assert.deepEqual(
      appSettings.filter((n) => refused.includes(n)),
      [],
    );
    const code = bicep.replace(/^\s*\/\/.*\n/gm, "");
    assert.doesNotMatch(code, /linuxFxVersion|use32BitWorkerProcess/);
    assert.ok(!FUNCTION_SETTING_NAMES.includes("WEBSITE_TIME_ZONE"));
    // Its package goes to a container of the storage account the identity may write to; no account key.
    assert.match(resource("functions"), /authentication: \{ type: 'SystemAssignedIdentity' \}/);
    assert.match(bicep, /\{ name: 'AzureWebJobsStorage__accountName', value: storage\.name \}/);
    assert.doesNotMatch(bicep, /listKeys\(/);
    assert.match(resource("functionsUseStorage"), /storageBlobDataOwner/);
  });

  test("Application Insights is workspace-based, the workspace keeping what a parameter says", () => {
    assert.match(resource("insights"), /WorkspaceResourceId: workspace\.id/);
    assert.match(resource("insights"), /IngestionMode: 'LogAnalytics'/);
    assert.match(resource("workspace"), /retentionInDays: logRetentionDays/);
    assert.match(bicep, /@minValue\(30\)\n@maxValue\(730\)\nparam logRetentionDays int = \d+\n/);
  });

  test("a failed or missing daily run, and a certificate near its end, e-mail the alert mailbox", () => {
    const group = resource("alertMailbox");
    assert.match(group, /emailAddress: alertEmail/);
    assert.match(group, /location: 'global'/);
    const shortName = /groupShortName: '([^']+)'/.exec(group)?.[1] ?? "";
    assert.ok(
      shortName.length > 0 && shortName.length <= 12,
      "an action group's short name has 1-12 characters",
    );
    assert.ok(bicepParams.some((p) => p.name === "alertEmail"));
    const functionName = /app\.timer\("(\w+)"/.exec(read("src/functions/index.ts"))?.[1];
    assert.equal(functionName, "dailyReminders");
    for (const [rule, file, notice] of [
      ["dailyRunAlert", "infra/alerts/daily-run.kql", RUN_FINISHED_NOTICE],
      ["certificateAlert", "infra/alerts/certificate-expiry.kql", CERTIFICATE_EXPIRY_NOTICE],
    ] as const) {
      const block = resource(rule);
      assert.match(block, /kind: 'LogAlert'/, rule);
      assert.match(block, /scopes: \[workspace\.id\]/, rule);
      assert.match(block, /actions: \{ actionGroups: \[alertMailbox\.id\] \}/, rule);
      assert.match(block, /evaluationFrequency: 'PT1H'\n\s+windowSize: 'P1D'/, rule);
      assert.ok(
        block.includes(
          `query: replace(loadTextContent('${file.replace("infra/", "")}'), alertQueryComponent, insights.id)`,
        ),
        rule,
      );
      const query = read(file);
      assert.ok(query.includes(`let component = '{appInsightsId}';`), file);
      assert.ok(query.includes(`'${notice}'`), `${file} looks for the job's notice "${notice}"`);
    }
    assert.match(bicep, /^var alertQueryComponent = '\{appInsightsId\}'$/m);
    const dailyRun = read("infra/alerts/daily-run.kql");
    assert.match(dailyRun, /Name == '(\w+)' and Success == false/);
    assert.ok(dailyRun.includes(`Name == '${functionName}'`));
    assert.match(dailyRun, /dayofweek\(londonNow\) between \(1d \.\. 5d\)/);
    assert.match(dailyRun, /datetime_utc_to_local\(now\(\), 'Europe\/London'\)/);
  });

  test("every resource name is unique per council and resource group, and valid for its type", () => {
    assert.match(bicep, /^var token = uniqueString\(resourceGroup\(\)\.id, prefix\)$/m);
    assert.match(bicep, /@minLength\(2\)\n@maxLength\(12\)\nparam councilPrefix string\n/);
    const named = {
      storage: "storageAccountName",
      vault: "keyVaultName",
      functions: "functionAppName",
      plan: "planName",
      workspace: "workspaceName",
      insights: "insightsName",
      alertMailbox: "actionGroupName",
    } as const;
    for (const [symbol, variable] of Object.entries(named))
      assert.match(resource(symbol), new RegExp(`^  name: ${variable}$`, "m"), symbol);
    // Each type's rules (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
    const rules: Record<keyof typeof named, (name: string) => boolean> = {
      storage: (n) => /^[a-z0-9]{3,24}$/.test(n),
      vault: (n) => /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(n) && !n.includes("--"),
      // 2-60 letters, digits and hyphens; 32 at most, so the host ID (the first 32 characters) is the whole name.
      functions: (n) => /^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$/.test(n),
      plan: (n) => /^[a-zA-Z0-9-]{1,60}$/.test(n),
      workspace: (n) => /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/.test(n),
      insights: (n) => /^[^%&\\?/]{1,260}$/.test(n) && !/[. ]$/.test(n),
      alertMailbox: (n) => /^[^%&\\?/]{1,260}$/.test(n) && !/[. ]$/.test(n),
    };
    // uniqueString gives 13 lowercase letters and digits; both ends of that range are tried.
    for (const councilPrefix of ["north-bridge", "NBC", "ab", "x-y-z-123456", "Council2026"])
      for (const token of ["abcdefghijklm", "0123456789012"]) {
        const names = bicepNames({ councilPrefix }, token);
        for (const [symbol, variable] of Object.entries(named)) {
          const name = names(variable);
          assert.ok(
            rules[symbol as keyof typeof named](name),
            `${symbol} '${name}' (prefix ${councilPrefix})`,
          );
          assert.ok(name.includes(token), `${symbol} '${name}' carries the resource group's hash`);
        }
      }
    assert.equal(
      bicepNames({ councilPrefix: "north-bridge" }, "abcdefghijklm")("storageAccountName"),
      "stnorthbridabcdefghijklm",
    );
  });

  test("the Microsoft 365 tenant is a required parameter; only the vault trusts the subscription's tenant", () => {
    assert.match(bicep, /^param tenantId string$/m);
    assert.match(bicep, /\{ name: 'ACTIONPLAN_TENANT_ID', value: tenantId \}/);
    assert.equal([...bicep.matchAll(/subscription\(\)\.tenantId/g)].length, 1);
    assert.match(resource("vault"), /tenantId: subscription\(\)\.tenantId/);
    const parameters = JSON.parse(read("infra/main.parameters.json")) as {
      parameters: Record<string, { value: string }>;
    };
    assert.equal(parameters.parameters.tenantId?.value, "${{AAD_APP_TENANT_ID}}");
  });

  test("it declares only resource types and API versions Azure publishes", () => {
    const types = [...new Set([...bicep.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1] ?? ""))];
    // Each is in the ARM template reference, https://learn.microsoft.com/azure/templates/<provider>/<version>/<type>
    // (e.g. .../microsoft.insights/2023-12-01/scheduledqueryrules).
    assert.deepEqual(
      types.sort(),
      [
        "Microsoft.Authorization/roleAssignments@2022-04-01",
        "Microsoft.Insights/actionGroups@2023-01-01",
        "Microsoft.Insights/components@2020-02-02",
        "Microsoft.Insights/scheduledQueryRules@2023-12-01",
        "Microsoft.KeyVault/vaults@2023-07-01",
        "Microsoft.OperationalInsights/workspaces@2023-09-01",
        "Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01",
        "Microsoft.Storage/storageAccounts/blobServices@2023-05-01",
        "Microsoft.Storage/storageAccounts@2023-05-01",
        // functionAppConfig (Flex Consumption) is in Microsoft.Web's 2023-12-01 and later.
        "Microsoft.Web/serverfarms@2023-12-01",
        "Microsoft.Web/sites@2023-12-01",
      ].sort(),
    );
  });

  const bicepCli = spawnSync("bicep", ["--version"], { encoding: "utf8" });
  test.skipIf(bicepCli.status !== 0)("compiles with the Bicep CLI (where it is installed)", () => {
    const built = spawnSync("bicep", ["build", "infra/main.bicep", "--stdout"], { encoding: "utf8" });
    assert.equal(built.status, 0, built.stderr);
  });
});

test("the Entra app asks for exactly the permissions of the README's one table", () => {
  const manifest = z
    .object({
      requiredResourceAccess: z.array(
        z.object({
          resourceAppId: z.string(),
          resourceAccess: z.array(z.object({ id: z.string(), type: z.enum(["Scope", "Role"]) })),
        }),
      ),
      spa: z.object({ redirectUris: z.array(z.string()) }),
      identifierUris: z.array(z.string()),
    })
    .parse(JSON.parse(read("infra/aad.manifest.json")));
  const resource = { SharePoint: "Office 365 SharePoint Online", Graph: "Microsoft Graph" } as const;
  // A permission the manifest names by its Entra id (the toolkit takes a name or an id) is read as its name.
  const nameOf = new Map(PERMISSIONS.flatMap((p) => (p.scopeId === undefined ? [] : [[p.scopeId, p.name]])));
  const asked = manifest.requiredResourceAccess.flatMap((r) =>
    r.resourceAccess.map(
      (a) => `${r.resourceAppId} ${a.type === "Scope" ? (nameOf.get(a.id) ?? a.id) : a.id} ${a.type}`,
    ),
  );
  const table = PERMISSIONS.flatMap((p) => [
    ...(p.ways.some((w) => w !== "app") ? [`${resource[p.resource]} ${p.name} Scope`] : []),
    ...(p.ways.includes("app") ? [`${resource[p.resource]} ${p.name} Role`] : []),
  ]);
  assert.deepEqual([...asked].sort(), [...table].sort());
  // Nested App Authentication needs the broker's redirect beside the page; Teams SSO the api:// resource.
  assert.ok(manifest.spa.redirectUris.includes("brk-multihub://${{TAB_DOMAIN}}"));
  assert.ok(manifest.spa.redirectUris.includes("${{TAB_ENDPOINT}}/tab/"));
  assert.deepEqual(manifest.identifierUris, ["api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"]);
});
