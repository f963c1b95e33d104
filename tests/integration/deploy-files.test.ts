// The deployment files, offline: m365agents.yml against the Microsoft 365 Agents Toolkit's published YAML
// schema (v1.11, vendored from @microsoft/teamsfx-core 3.1.3 in tests/fixtures/schemas), every ${{VARIABLE}}
// they use written by someone, the Bicep template's parameters, outputs and app settings against what the
// toolkit passes and the daily job reads, and the Entra app's permissions against the one permissions table.
// The Bicep CLI compiles the template too where it is installed (it is a .NET binary from GitHub, not on
// npm or Debian, so not here).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, test } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
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

  test("the Function App is given every setting the daily job reads, the timer's time zone and Node 20", () => {
    const settings = [...bicep.matchAll(/\{ name: '([A-Za-z0-9_]+)', value: /g)].map((m) => m[1] ?? "");
    const needed = [...FUNCTION_SETTING_NAMES, "ACTIONPLAN_TEAMS_APP_ID", "ACTIONPLAN_UPDATE_FORM_URL"];
    assert.deepEqual(
      needed.filter((n) => !settings.includes(n)),
      [],
    );
    assert.match(bicep, /\{ name: 'WEBSITE_TIME_ZONE', value: 'GMT Standard Time' \}/);
    assert.match(bicep, /\{ name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' \}/);
    assert.match(bicep, /\{ name: 'WEBSITE_NODE_DEFAULT_VERSION', value: '~20' \}/);
    // Windows Consumption: Linux Consumption ignores WEBSITE_TIME_ZONE.
    assert.match(bicep, /kind: 'functionapp'\n/);
    assert.match(
      bicep,
      /'@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=\$\{certificateName\}\)'/,
    );
  });

  test("it declares only resource types and API versions Azure publishes", () => {
    const types = [...bicep.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1] ?? "").sort();
    assert.deepEqual(types, [
      "Microsoft.Authorization/roleAssignments@2022-04-01",
      "Microsoft.Insights/components@2020-02-02",
      "Microsoft.KeyVault/vaults@2023-07-01",
      "Microsoft.Storage/storageAccounts@2023-05-01",
      "Microsoft.Web/serverfarms@2023-12-01",
      "Microsoft.Web/sites@2023-12-01",
    ]);
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
  const asked = manifest.requiredResourceAccess.flatMap((r) =>
    r.resourceAccess.map((a) => `${r.resourceAppId} ${a.id} ${a.type}`),
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
