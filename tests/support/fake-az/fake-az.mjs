// The Azure CLI as the deployment tests need it: the subset of `az` commands `actionplan deploy` runs,
// answered from a JSON state file (FAKE_AZ_STATE) the test writes and reads back. Every call is recorded.
// Refusals and "not found" are printed to stderr with a non-zero exit, as `az` does.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Buffer } from "node:buffer";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";

const file = process.env.FAKE_AZ_STATE;
if (file === undefined) fail(2, "ERROR: FAKE_AZ_STATE is not set");
const state = JSON.parse(readFileSync(file, "utf8"));
const args = process.argv.slice(2).filter((a) => a !== "--only-show-errors");
const outputAt = args.indexOf("--output");
if (outputAt >= 0) args.splice(outputAt, 2);
state.calls.push(args);
const command = args
  .filter((a) => !a.startsWith("-"))
  .slice(0, 4)
  .join(" ");
const opt = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

function save() {
  writeFileSync(file, JSON.stringify(state, null, 2));
}
function fail(code, text) {
  if (state !== undefined) save();
  process.stderr.write(`${text}\n`);
  process.exit(code);
}
function answer(value) {
  save();
  process.stdout.write(`${JSON.stringify(value)}\n`);
  process.exit(0);
}
const refused = Object.keys(state.refuse ?? {}).find((prefix) => command.startsWith(prefix));
if (refused !== undefined)
  fail(
    1,
    `ERROR: (AuthorizationFailed) The client '${state.user.upn}' does not have authorization to perform action over scope.`,
  );
if (!state.signedIn) fail(1, "ERROR: Please run 'az login' to setup account.");

const sp = (appId) => state.servicePrincipals.find((s) => s.appId === appId);
const body = () => {
  const value = opt("--body");
  return JSON.parse(value.startsWith("@") ? readFileSync(value.slice(1), "utf8") : value);
};

if (command.startsWith("account show"))
  answer({ id: state.subscription, tenantId: state.tenantId, user: { name: state.user.upn } });
if (command.startsWith("ad signed-in-user show"))
  answer({ id: state.user.id, userPrincipalName: state.user.upn });
if (command.startsWith("ad app create")) {
  const app = {
    appId: state.nextClientId ?? randomUUID(),
    id: randomUUID(),
    displayName: opt("--display-name"),
  };
  state.apps.push(app);
  answer(app);
}
if (command.startsWith("ad sp show")) {
  const found = sp(opt("--id"));
  if (found === undefined) fail(3, `ERROR: Service principal '${opt("--id")}' doesn't exist`);
  answer(found);
}
if (command.startsWith("ad sp create")) {
  const created = { id: randomUUID(), appId: opt("--id"), appRoles: [], oauth2PermissionScopes: [] };
  state.servicePrincipals.push(created);
  answer(created);
}
if (command.startsWith("ad app credential list")) answer(state.credentials);
if (command.startsWith("ad app credential reset")) {
  const pem = readFileSync(opt("--cert").slice(1), "utf8");
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
  state.credentials.push({ customKeyIdentifier: createHash("sha1").update(der).digest("hex").toUpperCase() });
  answer({ appId: opt("--id") });
}
if (command.startsWith("deployment group create")) {
  const params = Object.fromEntries(
    args
      .slice(args.indexOf("--parameters") + 1)
      .filter((a) => a.includes("=") && !a.startsWith("-"))
      .map((a) => a.split(/=(.*)/s).slice(0, 2)),
  );
  state.deployments.push(params);
  const url = new URL(state.tabEndpoint);
  answer({
    TAB_AZURE_STORAGE_RESOURCE_ID: {
      type: "String",
      value: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/stnorth123",
    },
    TAB_ENDPOINT: { type: "String", value: state.tabEndpoint },
    TAB_DOMAIN: { type: "String", value: url.host },
    FUNCTION_APP_RESOURCE_ID: {
      type: "String",
      value: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/func-north-123",
    },
    KEY_VAULT_NAME: { type: "String", value: "kvnorth123" },
    KEY_VAULT_URL: { type: "String", value: "https://kvnorth123.vault.azure.net/" },
  });
}
if (command.startsWith("storage blob service-properties update")) {
  state.staticWebsite = { index: opt("--index-document"), error: opt("--404-document") };
  answer({ staticWebsite: { enabled: true } });
}
if (command.startsWith("storage blob upload-batch")) {
  cpSync(opt("--source"), state.webDir, { recursive: true });
  answer([]);
}
if (command.startsWith("rest")) {
  const method = opt("--method");
  const uri = decodeURIComponent(opt("--uri"));
  if (method === "PATCH" && /\/applications\//.test(uri)) {
    state.application = body();
    answer(null);
  }
  const assignments = /servicePrincipals\/([^/]+)\/appRoleAssignments/.exec(uri);
  if (method === "GET" && assignments !== null) {
    const granted = state.consented ? (state.application?.requiredResourceAccess ?? []) : [];
    answer({
      value: granted.flatMap((r) =>
        r.resourceAccess
          .filter((a) => a.type === "Role")
          .map((a) => ({ appRoleId: a.id, resourceId: sp(r.resourceAppId).id })),
      ),
    });
  }
  if (method === "GET" && uri.includes("/oauth2PermissionGrants")) {
    const granted = state.consented ? (state.application?.requiredResourceAccess ?? []) : [];
    answer({
      value: granted.map((r) => {
        const names = new Map(sp(r.resourceAppId).oauth2PermissionScopes.map((s) => [s.id, s.value]));
        return {
          resourceId: sp(r.resourceAppId).id,
          scope: r.resourceAccess
            .filter((a) => a.type === "Scope")
            .map((a) => names.get(a.id))
            .join(" "),
        };
      }),
    });
  }
  fail(1, `ERROR: fake az has no answer for ${method} ${uri}`);
}
if (command.startsWith("keyvault certificate show")) {
  if (state.certificate === null)
    fail(
      3,
      "ERROR: (CertificateNotFound) A certificate with (name/id) actionplan-app was not found in this key vault.",
    );
  answer(state.certificate);
}
if (command.startsWith("keyvault certificate get-default-policy"))
  answer({
    secretProperties: { contentType: "application/x-pkcs12" },
    x509CertificateProperties: { subject: "CN=CLIGetDefaultPolicy", validityInMonths: 12 },
  });
if (command.startsWith("keyvault certificate create")) {
  const policy = JSON.parse(readFileSync(opt("--policy").slice(1), "utf8"));
  const der = randomBytes(300);
  state.certificate = {
    cer: der.toString("base64"),
    x509ThumbprintHex: createHash("sha1").update(der).digest("hex").toUpperCase(),
    attributes: { expires: new Date(Date.now() + 365 * 86_400_000).toISOString() },
    policy,
  };
  answer(state.certificate);
}
if (command.startsWith("keyvault certificate contact add")) {
  state.certificateContacts = [...new Set([...(state.certificateContacts ?? []), opt("--email")])];
  answer({ contactList: state.certificateContacts.map((email) => ({ email })) });
}
if (command.startsWith("functionapp config appsettings set")) {
  for (const pair of args.slice(args.indexOf("--settings") + 1).filter((a) => a.includes("="))) {
    const [k, v] = pair.split(/=(.*)/s);
    state.appSettings[k] = v;
  }
  answer([]);
}
if (command.startsWith("functionapp deployment source config-zip")) {
  const src = opt("--src");
  if (!existsSync(src)) fail(1, `ERROR: ${src} does not exist`);
  state.functionZips.push(readFileSync(src).length);
  answer({ status: 4 });
}
fail(1, `ERROR: fake az has no answer for: az ${args.join(" ")}`);
