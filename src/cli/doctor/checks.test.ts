import assert from "node:assert/strict";
import { test } from "vitest";
import { checkToken } from "./checks.ts";

/** The tenant and app registration a tenant's tokens name (`tid`, `appid`). */
const TENANT = { tid: "4f1c3b2a-9d8e-4c7b-a6f5-0e1d2c3b4a59", appid: "0b7f4e8a-1c2d-4e3f-9a8b-7c6d5e4f3a21" };

/** An unsigned JWT with these claims (doctor reads claims; the service checks signatures). */
function jwt(claims: Record<string, unknown>): () => Promise<string> {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return () => Promise.resolve(`${part({ alg: "none" })}.${part(claims)}.`);
}

test("a person's Graph token missing a chat permission is named, with what to do", async () => {
  const result = await checkToken(
    "Graph",
    jwt({ upn: "reminders@northbridge.gov.uk", scp: "User.Read User.Read.All Chat.Read", ...TENANT }),
  );
  assert.equal(result.ok, false);
  assert.deepEqual(result.lines, [
    "reminders@northbridge.gov.uk lacks the delegated permission Graph Chat.Create (the one-on-one chat a reminder card goes to): add it to the app registration's API permissions and grant admin consent",
    "reminders@northbridge.gov.uk lacks the delegated permission Graph ChatMessage.Send (posting the reminder card): add it to the app registration's API permissions and grant admin consent",
    "an Application Administrator or Cloud Application Administrator (or a Privileged Role Administrator or Global Administrator) can grant admin consent to delegated permissions: App registrations → the app → API permissions → Grant admin consent, or https://login.microsoftonline.com/4f1c3b2a-9d8e-4c7b-a6f5-0e1d2c3b4a59/adminconsent?client_id=0b7f4e8a-1c2d-4e3f-9a8b-7c6d5e4f3a21",
  ]);
});

test("a broader permission counts: Chat.ReadWrite covers the chat ones, Sites.FullControl.All the one site", async () => {
  const person = await checkToken(
    "Graph",
    jwt({ upn: "a@b.gov.uk", scp: "User.Read User.Read.All Chat.ReadWrite" }),
  );
  assert.equal(person.ok, true, person.lines.join("\n"));
  const app = await checkToken("SharePoint", jwt({ appid: "x", roles: ["Sites.FullControl.All"] }));
  assert.equal(app.ok, true);
});

test("the app's token is checked against the daily job's column (roles, not scp)", async () => {
  const result = await checkToken("Graph", jwt({ ...TENANT, roles: ["User.Read.All"] }));
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.lines.slice(0, -1).map((l) => /permission Graph (\S+)/.exec(l)?.[1]),
    ["AppCatalog.Read.All", "TeamsAppInstallation.ReadWriteForUser.All", "TeamsActivity.Send"],
  );
  assert.match(
    result.lines[0] ?? "",
    new RegExp(`^the app ${TENANT.appid} lacks the application permission`),
  );
});

test("Graph application permissions lacking name the privileged roles that consent to them, and the address", async () => {
  const result = await checkToken("Graph", jwt({ ...TENANT, roles: ["User.Read.All"] }), {
    tenantId: "northbridge.gov.uk",
    clientId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  });
  assert.equal(
    result.lines.at(-1),
    "a Privileged Role Administrator or Global Administrator grants admin consent (Application and Cloud Application Administrators cannot consent to Microsoft Graph application permissions): App registrations → the app → API permissions → Grant admin consent, or https://login.microsoftonline.com/northbridge.gov.uk/adminconsent?client_id=9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  );
  // SharePoint's Sites.Selected is no Microsoft Graph app role: an Application Administrator may consent to it.
  const sharePoint = await checkToken("SharePoint", jwt({ ...TENANT, roles: [] }));
  assert.match(
    sharePoint.lines.at(-1) ?? "",
    /^an Application Administrator or Cloud Application Administrator .* can grant admin consent to SharePoint application permissions: .*adminconsent\?client_id=0b7f4e8a-/,
  );
});

test("no token at all is one line saying why", async () => {
  const result = await checkToken("SharePoint", () =>
    Promise.reject(new Error("AADSTS700016: app not found")),
  );
  assert.equal(result.ok, false);
  assert.match(result.lines[0] ?? "", /^no SharePoint token: /);
});
