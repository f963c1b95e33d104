import assert from "node:assert/strict";
import { test } from "vitest";
import { NO_FILTERS, type PlanFilters } from "./plan-filters.ts";
import { planQueryParams, readPlanQuery } from "./plan-query.ts";

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
