// What each list's items look like on the wire, as zod schemas next to the $select/$expand that produce
// them: an item that does not match (a column left empty or written by hand) fails here, naming the column,
// instead of turning into undefined somewhere in the tab; lists leave it out (see skipped-items.ts).
import { z } from "../../lib/zod.ts";
import { STATUSES } from "../../domain/index.ts";
import { dateFromSharePoint } from "../core/dates.ts";
import { CHANGE_STATUSES, NATION_CHOICES, PERIOD_STATES, type ListKey } from "./list-titles.ts";
import {
  ColumnProblem,
  skippedByParse,
  skippedItem,
  UnreadableItemError,
  type ReadWarnings,
} from "../core/skipped-items.ts";

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
/** A DateTime column the app cannot do without (a plan's reference date): empty or not a date fails the row. */
const requiredDate = z.string().check(z.refine((v) => dateFromSharePoint(v) !== null, "not a date"));

/** An expanded person column (SP.Data.UserInfoItem projection). */
const person = orNull(
  z.object({ Id: z.optional(id), Title: optionalText, EMail: optionalText, Name: optionalText }),
);
export type PersonValue = z.infer<typeof person>;

/** Columns every item query selects for the ETag and id. */
const item = { Id: id, "odata.etag": etag };

export const PLAN_SELECT = [
  "Id",
  "Title",
  "ReferenceDate",
  "OverdueAfterMonths",
  "Nation",
  "Archived",
  "ImportUnfinished",
];
export const planItemSchema = z.object({
  ...item,
  Title: z.string(),
  ReferenceDate: requiredDate,
  OverdueAfterMonths: optionalNumber,
  Nation: orNull(z.enum(NATION_CHOICES)),
  Archived: orNull(z.boolean()),
  ImportUnfinished: orNull(z.boolean()),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const RECOMMENDATION_SELECT = ["Id", "Title", "Ref", "Details", "PlanId", "SortOrder"];
export const recommendationItemSchema = z.object({
  ...item,
  Title: optionalText,
  Ref: optionalText,
  Details: optionalText,
  PlanId: optionalId,
  SortOrder: optionalNumber,
});
export type RecommendationItem = z.infer<typeof recommendationItemSchema>;

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
  "SortOrder",
  "WithdrawnOn",
  "WithdrawnReason",
];
export const ACTION_EXPAND = ["Plan", "SroPost"];
export const actionItemSchema = z.object({
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
  SortOrder: optionalNumber,
  WithdrawnOn: optionalText,
  WithdrawnReason: optionalText,
});
export type ActionItem = z.infer<typeof actionItemSchema>;

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
export const sroPostItemSchema = z.object({
  ...item,
  Title: z.string(),
  HolderId: optionalId,
  Holder: person,
  DelegateId: optionalId,
  Delegate: person,
  DelegateFrom: optionalText,
  DelegateTo: optionalText,
});
export type SroPostItem = z.infer<typeof sroPostItemSchema>;

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
  "Created",
  "Author/Name",
  "Author/EMail",
  "Author/Title",
];
export const UPDATE_EXPAND = ["Author"];
export const progressUpdateItemSchema = z.object({
  ...item,
  ActionId: optionalId,
  PlanId: optionalId,
  PeriodId: optionalId,
  UpdateDate: requiredDate,
  UpdateText: optionalText,
  ReportedStatus: status,
  PercentComplete: optionalNumber,
  EvidenceUrl: orNull(z.object({ Url: z.string() })),
  Created: z.optional(optionalText),
  Author: person,
});
export type ProgressUpdateItem = z.infer<typeof progressUpdateItemSchema>;

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
  "Author/Title",
  "DecidedBy/Name",
  "DecidedBy/EMail",
  "DecidedBy/Title",
  // Who wrote the item last: a decision counts only when that was a coordinator (see trustedDecisions).
  "Editor/Name",
  "Editor/EMail",
];
export const DATE_CHANGE_EXPAND = ["Author", "DecidedBy", "Editor"];
export const dateChangeItemSchema = z.object({
  ...item,
  ActionId: optionalId,
  PlanId: optionalId,
  FromText: optionalText,
  FromDue: optionalText,
  ToText: optionalText,
  ToDue: optionalText,
  Reason: optionalText,
  RequestedOn: requiredDate,
  ChangeStatus: z.enum(CHANGE_STATUSES),
  DecidedOn: optionalText,
  DecisionNote: optionalText,
  Author: person,
  DecidedBy: person,
  Editor: z.optional(person),
});
export type DateChangeItem = z.infer<typeof dateChangeItemSchema>;

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
export const periodItemSchema = z.object({
  ...item,
  Title: z.string(),
  PlanId: optionalId,
  StartsOn: requiredDate,
  UpdateDeadline: requiredDate,
  ReportDate: requiredDate,
  PeriodState: z.enum(PERIOD_STATES),
  ClosedOn: optionalText,
  Snapshot: optionalText,
});
export type PeriodItem = z.infer<typeof periodItemSchema>;

/**
 * The rows of `list` that parse, each turned into a record by `convert`. An item that does not parse (or
 * whose conversion throws ColumnProblem) is left out and reported to `warnings`, so one item written by hand
 * in SharePoint cannot stop everything else from loading.
 */
export function readRows<T extends z.ZodMiniType, R>(
  schema: T,
  rows: readonly unknown[],
  list: ListKey,
  warnings: ReadWarnings,
  convert: (row: z.infer<T>) => R,
): R[] {
  return rows.flatMap((row) => {
    try {
      return [readRow(schema, row, list, convert)];
    } catch (error) {
      if (!(error instanceof UnreadableItemError)) throw error;
      warnings.add(error.item);
      return [];
    }
  });
}

/** One item of `list` (asked for directly) parsed and converted, or UnreadableItemError naming the column. */
export function readRow<T extends z.ZodMiniType, R>(
  schema: T,
  row: unknown,
  list: ListKey,
  convert: (row: z.infer<T>) => R,
): R {
  const result = schema.safeParse(row, { reportInput: true });
  if (!result.success) throw new UnreadableItemError(skippedByParse(list, row, result.error));
  try {
    return convert(result.data);
  } catch (error) {
    if (!(error instanceof ColumnProblem)) throw error;
    throw new UnreadableItemError(skippedItem(list, row, error.field, error.problem));
  }
}

/** The rows of `list` that parse; the rest are left out and reported to `warnings`. */
export function parseRows<T extends z.ZodMiniType>(
  schema: T,
  rows: readonly unknown[],
  list: ListKey,
  warnings: ReadWarnings,
): z.infer<T>[] {
  return readRows(schema, rows, list, warnings, (row) => row);
}

/** One item of `list` parsed, or UnreadableItemError naming the column that is wrong. */
export function parseRow<T extends z.ZodMiniType>(schema: T, row: unknown, list: ListKey): z.infer<T> {
  return readRow(schema, row, list, (parsed) => parsed);
}
