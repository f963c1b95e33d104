// Thousands of progress updates on one action, put straight into the sandbox's store (as big-plan.ts does
// for the scale tests): writing 10,000 items through the REST API would only measure the emulator. Update n
// (1-based) is dated n days after `firstDate` and says "Update n", so the newest is the last one added.
import { randomUUID } from "node:crypto";
import { addDays, isoDate, type IsoDate } from "../../src/domain/index.ts";
import type { SandboxStore } from "../../src/sandbox/store.ts";

/** Add `count` updates to action `actionId` of plan `planId`; returns their item ids, oldest first. */
export function seedManyUpdates(
  store: SandboxStore,
  options: {
    actionId: number;
    planId: number;
    count: number;
    firstDate?: IsoDate;
    evidenceUrl?: string;
  },
): number[] {
  const list = store.sites.get("improvement")?.lists.find((l) => l.Title === "Progress Updates");
  if (list === undefined) throw new Error("the sandbox has no Progress Updates list: provision it first");
  const first = options.firstDate ?? isoDate("2000-01-01");
  const ids: number[] = [];
  for (let n = 1; n <= options.count; n++) {
    const id = list.nextItemId++;
    const date = addDays(first, n);
    list.items.set(id, {
      Id: id,
      GUID: randomUUID(),
      version: 1,
      Created: `${date}T09:00:00Z`,
      Modified: `${date}T09:00:00Z`,
      AuthorId: 6,
      EditorId: 6,
      values: {
        Title: `Update ${String(n)}`,
        Action: options.actionId,
        Plan: options.planId,
        UpdateDate: `${date}T12:00:00Z`,
        UpdateText: `Update ${String(n)}`,
        ReportedStatus: "On target",
        PercentComplete: n % 101,
        Applied: true,
        ...(options.evidenceUrl === undefined
          ? {}
          : { EvidenceUrl: { Url: options.evidenceUrl, Description: options.evidenceUrl } }),
      },
    });
    ids.push(id);
  }
  return ids;
}
