// Importing a plan a council brings (a spreadsheet mapped by src/import) into a site: a preview of what
// would be created, changed, left alone and found missing, and the writes themselves. Both read the site
// afresh, so an import can be run any number of times: the same file again changes nothing, an edited file
// changes what was edited, and a run that stopped half-way is finished without duplicating anything.
import { londonDate } from "../../lib/clock.ts";
import { toIsoDate, type IsoDate } from "../../domain/index.ts";
import type { PlanImport } from "../../import/plan-shape.ts";
import type { DataContext } from "../core/context.ts";
import { planSync, type ImportChanges } from "./changes.ts";
import { readSiteState } from "./existing.ts";
import { writeSync, type WrittenIds } from "./write.ts";

export { ImportInputError, noChanges, type FieldChange, type ImportChanges } from "./changes.ts";
export { ImportTargetError, loadImportMapping } from "./existing.ts";
export { ImportWriteError, type WrittenIds } from "./write.ts";

/** Which plan to import into: by id, else the plan titled as the import's plan (created when missing). */
export interface ImportTarget {
  planId?: string | undefined;
}

export interface ImportPreview {
  /** The plan's id; null when the import would create it. */
  plan: { id: string | null; title: string };
  changes: ImportChanges;
}

export interface ApplyOptions {
  /** Told after every batch: writes done so far, writes in all, and the stage being written. */
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Told what the import will do, after reading the site and before writing anything. */
  onPreview?: (preview: ImportPreview) => void;
  /** Recorded on every target date the import moves; by default "Changed by import". */
  reason?: string;
  /** The mapping (JSON) to save with the plan, so that the next import of the file reuses it. */
  mapping?: string;
  /** The day recorded on target-date revisions; by default today in Europe/London. */
  today?: IsoDate;
}

export interface ApplyOutcome {
  plan: { id: string; title: string };
  changes: ImportChanges;
  /** Whether anything was written (false when the site already matched the file). */
  written: boolean;
  ids: WrittenIds;
}

const DEFAULT_REASON = "Changed by import";

/** What importing `input` would do to the site; writes nothing. One to three requests. */
export async function previewImport(
  ctx: DataContext,
  input: PlanImport,
  target: ImportTarget = {},
): Promise<ImportPreview> {
  const state = await readSiteState(ctx, input.plan.title, target);
  const plan = planSync(input, state, DEFAULT_REASON);
  return { plan: { id: state.existing?.plan.id ?? null, title: plan.title }, changes: plan.changes };
}

/**
 * Import `input` into the site: adds what is missing, updates changed actions by ref (a moved target date
 * becomes an approved revision with `reason`), deletes nothing. About one request per 100 writes.
 */
export async function applyImport(
  ctx: DataContext,
  input: PlanImport,
  target: ImportTarget = {},
  options: ApplyOptions = {},
): Promise<ApplyOutcome> {
  const reason = options.reason ?? DEFAULT_REASON;
  const state = await readSiteState(ctx, input.plan.title, target);
  const plan = planSync(input, state, reason);
  options.onPreview?.({
    plan: { id: state.existing?.plan.id ?? null, title: plan.title },
    changes: plan.changes,
  });
  const today = options.today ?? toIsoDate(londonDate(new Date()));
  if (today === null) throw new RangeError("Today is not a date.");
  const { ids, writes } = await writeSync(ctx, plan, input, {
    onProgress: options.onProgress,
    reason,
    mappingJson: options.mapping ?? null,
    today,
  });
  return { plan: { id: ids.planId, title: plan.title }, changes: plan.changes, written: writes > 0, ids };
}
