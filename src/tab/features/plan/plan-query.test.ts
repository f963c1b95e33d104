import assert from "node:assert/strict";
import { test } from "vitest";
import { NO_FILTERS, type PlanFilters } from "./plan-filters.ts";
import { DEFAULT_COLUMNS, LIST_LAYOUT, type PlanLayout } from "./plan-layout.ts";
import { planLayoutParams, planQueryParams, readPlanLayout, readPlanQuery } from "./plan-query.ts";

const read = (query: string) => readPlanQuery(new URLSearchParams(query));

test("the filters go into the address and come back the same", () => {
  const filters: PlanFilters = {
    status: "Delayed",
    sro: "Director of Housing & Regeneration",
    due: "30",
    updated: "no",
    search: "Mayor's Office",
    only: ["12", "15"],
  };
  const query = new URLSearchParams(planQueryParams(filters)).toString();
  assert.deepEqual(read(query), filters);
  assert.deepEqual(planQueryParams(NO_FILTERS), [], "no filters, no parameters");
});

test("what cannot be read is dropped, never trusted", () => {
  assert.deepEqual(read("status=Evil&due=7&updated=maybe&only=1,x,0,2%27,3,3"), {
    ...NO_FILTERS,
    only: ["1", "3"],
  });
  assert.equal(read(`q=${"a".repeat(500)}`).search.length, 200);
  assert.deepEqual(read(""), NO_FILTERS);
});

const layoutOf = (query: string) => readPlanLayout(new URLSearchParams(query));

test("the table's sort, columns and grouping go into the address and come back the same", () => {
  const layout: PlanLayout = {
    show: "table",
    sort: { column: "target", direction: "descending" },
    columns: ["ref", "action", "sro", "status", "percent"],
    group: "sro",
  };
  const query = new URLSearchParams(planLayoutParams(layout)).toString();
  assert.equal(query, "show=table&sort=target-desc&cols=ref%2Caction%2Csro%2Cstatus%2Cpercent&group=sro");
  assert.deepEqual(layoutOf(query), layout);
  assert.deepEqual(planLayoutParams(LIST_LAYOUT), [], "the list as it opens, no parameters");
  assert.deepEqual(layoutOf("show=table&sort=ref"), {
    ...LIST_LAYOUT,
    show: "table",
    sort: { column: "ref", direction: "ascending" },
  });
});

test("a layout that cannot be read is the list as it opens; the action's text is never hidden", () => {
  assert.deepEqual(layoutOf("show=grid&sort=evil-desc&cols=x,y&group=owner"), LIST_LAYOUT);
  assert.deepEqual(layoutOf("cols=status,ref").columns, ["ref", "action", "status"]);
  assert.deepEqual(layoutOf("").columns, DEFAULT_COLUMNS);
});
