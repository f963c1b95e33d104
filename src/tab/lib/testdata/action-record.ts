// An action as the tab reads it, for the unit tests of the views that sort, group or filter actions: one plan,
// no SRO post, no update yet; `extra` sets whatever the test is about (parent, withdrawn, sort order…).
import { parseTargetDate } from "../../../domain/index.ts";
import type { Action } from "../../../domain/types.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";

export function actionRecord(
  id: string,
  ref: string,
  extra: Partial<Action> = {},
  targetText = "TBC",
): ActionRecord {
  const target = parseTargetDate(targetText);
  return {
    action: {
      id,
      planId: "1",
      recommendationId: "1",
      ref,
      text: `Action ${ref}`,
      sroPost: null,
      targetDate: target,
      completedOn: null,
      ...extra,
    },
    etag: "1",
    planTitle: "Plan",
    planReferenceDate: null,
    baseline: target,
    sroPostId: null,
    latest: null,
  };
}
