import assert from "node:assert/strict";
import { test } from "vitest";
import { checkToken } from "./checks.ts";

/** An unsigned JWT with these claims (doctor reads claims; the service checks signatures). */
function jwt(claims: Record<string, unknown>): () => Promise<string> {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return () => Promise.resolve(`${part({ alg: "none" })}.${part(claims)}.`);
}

test("a person's Graph token missing a chat permission is named, with what to do", async () => {
  const result = await checkToken(
    "Graph",
    jwt({ upn: "reminders@northbridge.gov.uk", scp: "User.Read User.Read.All Chat.Read" }),
  );
  assert.equal(result.ok, false);
  assert.deepEqual(result.lines, [
    "reminders@northbridge.gov.uk lacks the delegated permission Graph Chat.Create (the one-on-one chat a reminder card goes to): add it to the app registration's API permissions and grant admin consent",
    "reminders@northbridge.gov.uk lacks the delegated permission Graph ChatMessage.Send (posting the reminder card): add it to the app registration's API permissions and grant admin consent",
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
  const result = await checkToken("Graph", jwt({ appid: "0b7f4e8a", roles: ["User.Read.All"] }));
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.lines.map((l) => /permission Graph (\S+)/.exec(l)?.[1]),
    ["AppCatalog.Read.All", "TeamsAppInstallation.ReadWriteForUser.All", "TeamsActivity.Send"],
  );
  assert.match(result.lines[0] ?? "", /^the app 0b7f4e8a lacks the application permission/);
});

test("no token at all is one line saying why", async () => {
  const result = await checkToken("SharePoint", () =>
    Promise.reject(new Error("AADSTS700016: app not found")),
  );
  assert.equal(result.ok, false);
  assert.match(result.lines[0] ?? "", /^no SharePoint token: /);
});
