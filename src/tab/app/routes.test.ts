import assert from "node:assert/strict";
import { test } from "vitest";
import { routeFor, searchFor } from "./routes.ts";

const none = { pageId: null, subPageId: null };

test("routes come from the URL first, then the deep link's sub-page id, then the page id", () => {
  const cases: [string, { pageId: string | null; subPageId: string | null }, ReturnType<typeof routeFor>][] =
    [
      // Nothing asked for: the landing, which sends coordinators and viewers on by role.
      ["", none, { view: "my-actions", landing: true }],
      ["?view=my-actions", none, { view: "my-actions" }],
      ["?actionId=12", none, { view: "action", actionId: "12" }],
      ["?view=update&actionId=12", none, { view: "update", actionId: "12" }],
      ["", { pageId: "myActions", subPageId: "7" }, { view: "action", actionId: "7" }],
      ["", { pageId: "dashboard", subPageId: null }, { view: "dashboard" }],
      // An escalation card opens the plan at its actions.
      [
        "",
        { pageId: "myActions", subPageId: "plan:3:12,15" },
        {
          view: "plan",
          planId: "3",
          filters: { status: "any", sro: "any", due: "any", updated: "any", search: "", only: ["12", "15"] },
        },
      ],
      ["", { pageId: "myActions", subPageId: "plan:3:" }, { view: "plan", planId: "3" }],
      ["", { pageId: "myActions", subPageId: "plan:3:1;drop" }, { view: "my-actions", landing: true }],
      // Unreadable input is My actions, never an error or an injected id.
      ["?actionId=12%27%20or%201", none, { view: "my-actions" }],
      ["?view=evil&actionId=3", none, { view: "action", actionId: "3" }],
      ["", { pageId: null, subPageId: "<script>" }, { view: "my-actions", landing: true }],
      ["?view=plan&planId=2", none, { view: "plan", planId: "2" }],
      ["?view=plan&planId=2%27", none, { view: "plan", planId: null }],
      [
        "?view=plan&planId=2&status=Delayed&q=Mayor%27s",
        none,
        {
          view: "plan",
          planId: "2",
          filters: { status: "Delayed", sro: "any", due: "any", updated: "any", search: "Mayor's", only: [] },
        },
      ],
      ["?view=dashboard&planId=1", none, { view: "dashboard", planId: "1" }],
      ["?view=dashboard&planId=x", none, { view: "dashboard" }],
      ["?view=configure", none, { view: "configure" }],
      ["?view=import", none, { view: "import", planId: null }],
      ["?view=import&planId=3", none, { view: "import", planId: "3" }],
      ["?view=import&planId=3%20or%201", none, { view: "import", planId: null }],
      ["?view=new-plan", none, { view: "new-plan" }],
      ["?view=new-plan&planId=3", none, { view: "new-plan" }],
      ["?view=plan-settings&planId=3", none, { view: "plan-settings", planId: "3" }],
      ["?view=plan-settings", none, { view: "plan-settings", planId: null }],
      ["?view=periods&planId=4", none, { view: "periods", planId: "4" }],
      ["?view=periods&planId=4%27", none, { view: "periods", planId: null }],
      ["?view=posts", none, { view: "posts", planId: null }],
      ["?view=posts&planId=2", none, { view: "posts", planId: "2" }],
      ["?view=report", none, { view: "report", planId: null }],
      ["?view=report&planId=2", none, { view: "report", planId: "2" }],
    ];
  for (const [search, context, expected] of cases)
    assert.deepEqual(routeFor(search, context), expected, search);
});

test("searchFor writes what routeFor reads", () => {
  for (const route of [
    { view: "my-actions" },
    { view: "my-actions", landing: true },
    { view: "action", actionId: "5" },
    { view: "update", actionId: "9" },
    { view: "plan", planId: "4" },
    { view: "plan", planId: null },
    {
      view: "plan",
      planId: "3",
      filters: { status: "any", sro: "CEO", due: "past", updated: "no", search: "a & b", only: ["4"] },
    },
    {
      view: "plan",
      planId: "3",
      layout: {
        show: "table",
        sort: { column: "target", direction: "descending" },
        columns: ["ref", "action", "status"],
        group: "recommendation",
      },
    },
    { view: "import", planId: null },
    { view: "import", planId: "6" },
    { view: "dashboard", planId: "3" },
    { view: "configure" },
    { view: "new-plan" },
    { view: "plan-settings", planId: "2" },
    { view: "plan-settings", planId: null },
    { view: "periods", planId: "7" },
    { view: "periods", planId: null },
    { view: "posts", planId: "1" },
    { view: "posts", planId: null },
    { view: "report", planId: "1" },
    { view: "report", planId: null },
  ] as const) {
    assert.deepEqual(routeFor(searchFor(route), none), route);
  }
});
