import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../domain/index.ts";
import type { Action } from "../../../domain/types.ts";
import type { Dashboard } from "../../../sharepoint/plans/index.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";
import { actionRecord } from "../../lib/testdata/action-record.ts";
import { withdrawnActions } from "./dashboard-view.ts";

function record(id: string, ref: string, extra: Partial<Action> = {}): ActionRecord {
  return actionRecord(id, ref, extra, "31 January 2024");
}

test("the dashboard lists withdrawn actions and milestones by number, with when and why", () => {
  const on = isoDate("2024-04-10");
  const actions = [
    record("1", "1.10", { withdrawn: { on, reason: "Merged into 1.2" } }),
    record("2", "1.2"),
    record("3", "1.9.1", { parentId: "9", withdrawn: { on, reason: "Not needed" } }),
  ];
  const dashboard = { actions } as Pick<Dashboard, "actions"> as Dashboard;
  assert.deepEqual(withdrawnActions(dashboard), [
    { id: "3", ref: "1.9.1", text: "Action 1.9.1", milestone: true, on, reason: "Not needed" },
    { id: "1", ref: "1.10", text: "Action 1.10", milestone: false, on, reason: "Merged into 1.2" },
  ]);
});
