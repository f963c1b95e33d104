// What each list's items look like on the wire, as zod schemas next to the $select/$expand that produce
// them: a response that does not match (a renamed column, a site on an older schema) fails here, loudly,
// instead of turning into undefined somewhere in the tab.
import { z } from "../lib/zod.ts";
import { STATUSES } from "../domain/index.ts";
import { CHANGE_STATUSES, PERIOD_STATES } from "./schema.ts";

/** A column SharePoint may leave out or send as null, read as null when it does. */
function orNull<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    z.nullish(schema),
    z.transform((v: z.output<T> | null | undefined) => v ?? null),
  );
}

const id = z.int();
const optionalId = orNull(id);
const optionalText = orNull(z.string());
const optionalNumber = orNull(z.number());
const status = orNull(z.enum(STATUSES));
const etag = z.string().check(z.minLength(1));

/** An expanded person column (SP.Data.UserInfoItem projection). */
const person = orNull(
  z.object({ Id: z.optional(id), Title: optionalText, EMail: optionalText, Name: optionalText }),
);
export type PersonValue = z.infer<typeof person>;

/** Columns every item query selects for the ETag and id. */
const item = { Id: id, "odata.etag": etag };

export const PLAN_SELECT = ["Id", "Title", "ReferenceDate", "OverdueAfterMonths"];
export const planRow = z.object({
  ...item,
  Title: z.string(),
  ReferenceDate: z.string(),
  OverdueAfterMonths: optionalNumber,
});
export type PlanRow = z.infer<typeof planRow>;

export const RECOMMENDATION_SELECT = ["Id", "Title", "Ref", "Details", "PlanId"];
export const recommendationRow = z.object({
  ...item,
  Title: optionalText,
  Ref: optionalText,
  Details: optionalText,
  PlanId: optionalId,
});
export type RecommendationRow = z.infer<typeof recommendationRow>;

// Five lookup columns (Plan, Recommendation, ParentAction, SroPost, LatestUpdatePeriod): well inside
// SharePoint's limit of 12 lookup and person columns in one query.
export const ACTION_SELECT = [
  "Id",
  "Title",
  "Ref",
  "ActionText",
  "PlanId",
  "Plan/Title",
  "Plan/ReferenceDate",
  "RecommendationId",
  "ParentActionId",
  "SroPostId",
  "SroPost/Title",
  "TargetDateText",
  "DueDate",
  "BaselineTargetText",
  "BaselineDueDate",
  "CompletedOn",
  "ReportedStatus",
  "LatestUpdateDate",
  "LatestUpdateText",
  "LatestUpdatePercent",
  "LatestUpdatePeriodId",
];
export const ACTION_EXPAND = ["Plan", "SroPost"];
export const actionRow = z.object({
  ...item,
  Title: optionalText,
  Ref: optionalText,
  ActionText: optionalText,
  PlanId: optionalId,
  Plan: orNull(z.object({ Title: optionalText, ReferenceDate: optionalText })),
  RecommendationId: optionalId,
  ParentActionId: optionalId,
  SroPostId: optionalId,
  SroPost: orNull(z.object({ Title: optionalText })),
  TargetDateText: optionalText,
  DueDate: optionalText,
  BaselineTargetText: optionalText,
  BaselineDueDate: optionalText,
  CompletedOn: optionalText,
  ReportedStatus: status,
  LatestUpdateDate: optionalText,
  LatestUpdateText: optionalText,
  LatestUpdatePercent: optionalNumber,
  LatestUpdatePeriodId: optionalId,
});
export type ActionRow = z.infer<typeof actionRow>;

export const SRO_POST_SELECT = [
  "Id",
  "Title",
  "HolderId",
  "Holder/Title",
  "Holder/EMail",
  "Holder/Name",
  "DelegateId",
  "Delegate/Title",
  "Delegate/EMail",
  "Delegate/Name",
  "DelegateFrom",
  "DelegateTo",
];
export const SRO_POST_EXPAND = ["Holder", "Delegate"];
export const sroPostRow = z.object({
  ...item,
  Title: z.string(),
  HolderId: optionalId,
  Holder: person,
  DelegateId: optionalId,
  Delegate: person,
  DelegateFrom: optionalText,
  DelegateTo: optionalText,
});
export type SroPostRow = z.infer<typeof sroPostRow>;

export const UPDATE_SELECT = [
  "Id",
  "ActionId",
  "PlanId",
  "PeriodId",
  "UpdateDate",
  "UpdateText",
  "ReportedStatus",
  "PercentComplete",
  "EvidenceUrl",
  "Author/Name",
  "Author/EMail",
];
export const UPDATE_EXPAND = ["Author"];
export const updateRow = z.object({
  ...item,
  ActionId: optionalId,
  PlanId: optionalId,
  PeriodId: optionalId,
  UpdateDate: z.string(),
  UpdateText: optionalText,
  ReportedStatus: status,
  PercentComplete: optionalNumber,
  EvidenceUrl: orNull(z.object({ Url: z.string() })),
  Author: person,
});
export type UpdateRow = z.infer<typeof updateRow>;

export const DATE_CHANGE_SELECT = [
  "Id",
  "ActionId",
  "PlanId",
  "FromText",
  "FromDue",
  "ToText",
  "ToDue",
  "Reason",
  "RequestedOn",
  "ChangeStatus",
  "DecidedOn",
  "DecisionNote",
  "Author/Name",
  "Author/EMail",
  "DecidedBy/Name",
  "DecidedBy/EMail",
];
export const DATE_CHANGE_EXPAND = ["Author", "DecidedBy"];
export const dateChangeRow = z.object({
  ...item,
  ActionId: optionalId,
  PlanId: optionalId,
  FromText: optionalText,
  FromDue: optionalText,
  ToText: optionalText,
  ToDue: optionalText,
  Reason: optionalText,
  RequestedOn: optionalText,
  ChangeStatus: z.enum(CHANGE_STATUSES),
  DecidedOn: optionalText,
  DecisionNote: optionalText,
  Author: person,
  DecidedBy: person,
});
export type DateChangeRow = z.infer<typeof dateChangeRow>;

export const PERIOD_SELECT = [
  "Id",
  "Title",
  "PlanId",
  "StartsOn",
  "UpdateDeadline",
  "ReportDate",
  "PeriodState",
  "ClosedOn",
  "Snapshot",
];
export const periodRow = z.object({
  ...item,
  Title: z.string(),
  PlanId: optionalId,
  StartsOn: optionalText,
  UpdateDeadline: optionalText,
  ReportDate: optionalText,
  PeriodState: z.enum(PERIOD_STATES),
  ClosedOn: optionalText,
  Snapshot: optionalText,
});
export type PeriodRow = z.infer<typeof periodRow>;

/** Parse a page of rows, naming the list in the error so a schema drift is easy to trace. */
export function parseRows<T extends z.ZodMiniType>(schema: T, rows: unknown[], list: string): z.infer<T>[] {
  return rows.map((row, index) => {
    const result = schema.safeParse(row);
    if (!result.success)
      throw new Error(
        `Unexpected ${list} item at position ${String(index)}: ${z.prettifyError(result.error)}`,
      );
    return result.data;
  });
}

/** Parse one row. */
export function parseRow<T extends z.ZodMiniType>(schema: T, row: unknown, list: string): z.infer<T> {
  const [parsed] = parseRows(schema, [row], list);
  return parsed as z.infer<T>;
}
