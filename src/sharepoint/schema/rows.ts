// What each list's items look like on the wire, as zod schemas that are each list's one declaration of its
// columns: the $select/$expand that produce them and the column names filters and writes use (ACTION_COLUMNS,
// UPDATE_COLUMNS) are derived from them. an item that does not match (a column left empty or written by hand) fails here, naming the column,
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

/** Expanded lookup and person columns: the projected fields each one selects (`Plan/Title`, `Author/EMail`). */
const projections = new WeakMap<object, readonly string[]>();

/** An expanded lookup or person column, read as an object (or null); `selected` are the fields it selects. */
function expanded<S extends Record<string, z.ZodMiniType>>(
  shape: S,
  selected: readonly (keyof S & string)[] = Object.keys(shape),
) {
  const schema = orNull(z.object(shape));
  projections.set(schema, selected);
  return schema;
}

const personFields = { Id: z.optional(id), Title: optionalText, EMail: optionalText, Name: optionalText };
/** An expanded person column (SP.Data.UserInfoItem projection), selecting `selected`. */
function person(...selected: ("Title" | "EMail" | "Name")[]) {
  return expanded(personFields, selected.length > 0 ? selected : ["Title", "EMail", "Name"]);
}
export type PersonValue = z.infer<ReturnType<typeof person>>;

type Shape = Record<string, z.ZodMiniType>;

function projectionOf(column: z.ZodMiniType): readonly string[] | undefined {
  const def = column._zod.def;
  return projections.get(def.type === "optional" ? (def as z.core.$ZodOptionalDef).innerType : column);
}

/** The $select that reads `schema`'s columns: its keys, an expanded column's projected fields (`Plan/Title`). */
export function selectOf(schema: { shape: Shape }): string[] {
  return Object.entries(schema.shape).flatMap(([name, column]) => {
    if (name === "odata.etag") return [];
    const fields = projectionOf(column);
    return fields === undefined ? [name] : fields.map((field) => `${name}/${field}`);
  });
}

/** The $expand `schema` needs: its expanded lookup and person columns. */
export function expandOf(schema: { shape: Shape }): string[] {
  return Object.entries(schema.shape)
    .filter(([, column]) => projectionOf(column) !== undefined)
    .map(([name]) => name);
}

/** Each column's internal name by itself (`ACTION_COLUMNS.CompletedOn` is "CompletedOn"), for filters and writes. */
function columnsOf<S extends Shape, W extends string = never>(
  shape: S,
  writeOnly: readonly W[] = [],
): { readonly [K in Exclude<keyof S, "odata.etag"> | W]: K } {
  const names = [...Object.keys(shape).filter((name) => name !== "odata.etag"), ...writeOnly];
  return Object.fromEntries(names.map((name) => [name, name])) as {
    [K in Exclude<keyof S, "odata.etag"> | W]: K;
  };
}

/** Columns every item query selects for the ETag and id. */
const item = { Id: id, "odata.etag": etag };

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
export const PLAN_SELECT = selectOf(planItemSchema);

export const recommendationItemSchema = z.object({
  ...item,
  Title: optionalText,
  Ref: optionalText,
  Details: optionalText,
  PlanId: optionalId,
  SortOrder: optionalNumber,
});
export type RecommendationItem = z.infer<typeof recommendationItemSchema>;
export const RECOMMENDATION_SELECT = selectOf(recommendationItemSchema);

// Five lookup columns (Plan, Recommendation, ParentAction, SroPost, LatestUpdatePeriod): well inside
// SharePoint's limit of 12 lookup and person columns in one query.
export const actionItemSchema = z.object({
  ...item,
  Title: optionalText,
  Ref: optionalText,
  ActionText: optionalText,
  PlanId: optionalId,
  Plan: expanded({ Title: optionalText, ReferenceDate: optionalText }),
  RecommendationId: optionalId,
  ParentActionId: optionalId,
  SroPostId: optionalId,
  SroPost: expanded({ Title: optionalText }),
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
export const ACTION_SELECT = selectOf(actionItemSchema);
export const ACTION_EXPAND = expandOf(actionItemSchema);
export const ACTION_COLUMNS = columnsOf(actionItemSchema.shape);
/**
 * Actions items of one plan as its dashboard reads them: without the Plan and SroPost lookups, which that
 * read has already (the plan, and every SRO post). Each expanded lookup costs an entity with its metadata
 * per item: a third of a 5,000-action plan's bytes, and the server's work of reading the other list.
 */
export const planActionItemSchema = z.omit(actionItemSchema, { Plan: true, SroPost: true });
export type PlanActionItem = z.infer<typeof planActionItemSchema>;
export const PLAN_ACTION_SELECT = selectOf(planActionItemSchema);
/** A write to the Actions list: only its declared columns. */
export type ActionWrite = { [K in keyof typeof ACTION_COLUMNS]?: unknown };

export const sroPostItemSchema = z.object({
  ...item,
  Title: z.string(),
  HolderId: optionalId,
  Holder: person(),
  DelegateId: optionalId,
  Delegate: person(),
  DelegateFrom: optionalText,
  DelegateTo: optionalText,
});
export type SroPostItem = z.infer<typeof sroPostItemSchema>;
export const SRO_POST_SELECT = selectOf(sroPostItemSchema);
export const SRO_POST_EXPAND = expandOf(sroPostItemSchema);

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
  Author: person("Name", "EMail", "Title"),
});
export type ProgressUpdateItem = z.infer<typeof progressUpdateItemSchema>;
export const UPDATE_SELECT = selectOf(progressUpdateItemSchema);
export const UPDATE_EXPAND = expandOf(progressUpdateItemSchema);
/** An update not yet applied to its action, with the completion date it brings (read by applyPendingUpdates). */
export const pendingUpdateItemSchema = z.object({
  ...progressUpdateItemSchema.shape,
  CompletedOn: z.nullish(z.string()),
});
export const PENDING_UPDATE_SELECT = selectOf(pendingUpdateItemSchema);
/** The Progress Updates columns; Title and Applied are written (and Applied filtered on), never read. */
export const UPDATE_COLUMNS = columnsOf(pendingUpdateItemSchema.shape, ["Title", "Applied"]);
/** A write to the Progress Updates list: only its declared columns. */
export type UpdateWrite = { [K in keyof typeof UPDATE_COLUMNS]?: unknown };

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
  Author: person("Name", "EMail", "Title"),
  DecidedBy: person("Name", "EMail", "Title"),
  // Who wrote the item last: a decision counts only when that was a coordinator (see trustedDecisions).
  Editor: z.optional(person("Name", "EMail")),
});
export type DateChangeItem = z.infer<typeof dateChangeItemSchema>;
export const DATE_CHANGE_SELECT = selectOf(dateChangeItemSchema);
export const DATE_CHANGE_EXPAND = expandOf(dateChangeItemSchema);

export const periodItemSchema = z.object({
  ...item,
  Title: z.string(),
  PlanId: optionalId,
  StartsOn: requiredDate,
  UpdateDeadline: requiredDate,
  ReportDate: requiredDate,
  PeriodState: z.enum(PERIOD_STATES),
  ClosedOn: optionalText,
  ClosedAt: optionalText,
  Reopenings: optionalText,
  Snapshot: optionalText,
});
export type PeriodItem = z.infer<typeof periodItemSchema>;
export const PERIOD_SELECT = selectOf(periodItemSchema);

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
