// The README's one permissions table is exactly what each way of running needs: every Graph endpoint that way
// calls is allowed by the permissions listed for it (per the sandbox's table of Learn's least-privileged
// permissions), every permission listed is used by one of them, and the tab's column is what the sandbox
// grants for the tab's `.default`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "vitest";
import { DEFAULT_APP_SCOPES, DEFAULT_SCOPES } from "../../src/sandbox/audiences.ts";
import { rowFor } from "../../src/sandbox/graph/permissions.ts";
import { PERMISSIONS } from "../../src/lib/permissions.ts";

type Mode = "tab" | "cli" | "job";

/**
 * The Graph calls a person's token makes, in the tab ("Chase now" and date-change notices run the chat
 * channel as the signed-in coordinator; the people picker) and in the CLI (`reminders --channel chat` as a
 * coordinator or a service account; `import` reads the directory): the same calls.
 */
const AS_A_PERSON = [
  "GET /me",
  "GET /users",
  "GET /users/{id}",
  "GET /users/{id}/manager",
  "POST /chats",
  "POST /chats/{id}/messages",
  "GET /chats/{id}/messages",
];

/** The Graph calls each way of running makes (src/notify: directory, people, chat and activity channels). */
const CALLS: Record<Mode, string[]> = {
  tab: AS_A_PERSON,
  // And `teams-app publish`: the app found by its manifest id, then published, or a new version added.
  cli: [
    ...AS_A_PERSON,
    "GET /appCatalogs/teamsApps",
    "POST /appCatalogs/teamsApps",
    "POST /appCatalogs/teamsApps/{id}/appDefinitions",
  ],
  // `reminders --channel activity` as the app.
  job: [
    "GET /users/{id}",
    "GET /users/{id}/manager",
    "GET /appCatalogs/teamsApps",
    "GET /users/{id}/teamwork/installedApps",
    "POST /users/{id}/teamwork/installedApps",
    "POST /users/{id}/teamwork/sendActivityNotification",
  ],
};

function readmeTable(): Record<Mode, string[]> {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf("<!-- permissions-table -->");
  const end = readme.indexOf("<!-- /permissions-table -->");
  assert.ok(start >= 0 && end > start, "the README has the permissions table between its markers");
  const rows = readme
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("| Graph "))
    .map((line) => line.split("|").map((cell) => cell.trim()));
  const column = (index: number) =>
    rows
      .filter((cells) => cells[index] === "yes")
      .map((cells) => /`([^`]+)`/.exec(cells[1] ?? "")?.[1] ?? "");
  return { tab: column(2), cli: column(3), job: column(4) };
}

test("each way of running is allowed every Graph call it makes, and is given nothing it does not use", () => {
  const table = readmeTable();
  for (const mode of ["tab", "cli", "job"] as const) {
    const kind = mode === "job" ? "application" : "delegated";
    const used = new Set<string>();
    for (const call of CALLS[mode]) {
      const [method = "", path = ""] = call.split(" ");
      const row = rowFor(method, path.replace("{id}", "x"));
      assert.ok(row !== undefined, `${call} is in the sandbox's permission table`);
      const accepted = kind === "delegated" ? row.delegated : row.application;
      const granted = accepted.filter((p) => table[mode].includes(p));
      assert.ok(granted.length > 0, `${mode}: ${call} needs one of ${accepted.join(", ")} (${row.learn})`);
      for (const p of granted) used.add(p);
    }
    assert.deepEqual(
      table[mode].filter((p) => !used.has(p)),
      [],
      `${mode}: every permission listed is used by one of its calls`,
    );
  }
  // One app registration serves the tab and the CLI, and Entra's `.default` carries all it was consented: a
  // person's Graph token in the sandbox holds both columns.
  assert.deepEqual(
    [...new Set([...table.tab, ...table.cli])].sort(),
    [...DEFAULT_SCOPES.graph].sort(),
    "a person's .default in the sandbox (the tab's and the CLI's)",
  );
  assert.deepEqual(
    [...table.job].sort(),
    [...DEFAULT_APP_SCOPES.graph].sort(),
    "the app's .default in the sandbox",
  );
});

test("a person's SharePoint `.default` in the sandbox is every delegated SharePoint permission of the table", () => {
  // One app registration serves the tab and the CLI, and Entra's `.default` carries all it was consented.
  const delegated = PERMISSIONS.filter(
    (p) => p.resource === "SharePoint" && p.ways.some((w) => w !== "app"),
  ).map((p) => p.name);
  assert.deepEqual([...DEFAULT_SCOPES.sharePoint].sort(), [...delegated].sort());
  // The app's `.default` in the sandbox is Sites.FullControl.All, which reaches every site: broader than the
  // table's Sites.Selected, so the daily job's tests need no grant.
  const selected = PERMISSIONS.find((p) => p.name === "Sites.Selected");
  assert.ok(selected?.broader?.includes(DEFAULT_APP_SCOPES.sharePoint[0] ?? ""));
});

test("the README's table is the one `actionplan doctor` checks tokens against (src/lib/permissions.ts)", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const table = readme.slice(
    readme.indexOf("<!-- permissions-table -->"),
    readme.indexOf("<!-- /permissions-table -->"),
  );
  const rows = table
    .split("\n")
    .filter((line) => /^\| (SharePoint|Graph) /.test(line))
    .map((line) => line.split("|").map((cell) => cell.trim()));
  const fromReadme = rows.map((cells) => ({
    permission: cells[1] ?? "",
    ways: [
      cells[2] === "yes" ? "tab" : "",
      cells[3] === "yes" ? "person" : "",
      cells[4] === "yes" ? "app" : "",
    ]
      .filter(Boolean)
      .join(","),
    why: cells[5] ?? "",
  }));
  assert.deepEqual(
    fromReadme,
    PERMISSIONS.map((p) => ({
      permission: `${p.resource} \`${p.name}\``,
      ways: p.ways.join(","),
      why: p.why,
    })),
  );
});
