// The plans `actionplan import` finds in a file, each ready to map: the file's layout (sheets joined as areas,
// a column naming several plans), the mapping given, saved with the plan or found, and the coordinator's
// answers from the command line (heading readings, workstreams, rows to skip, the plans to import).
import {
  HEADING_READINGS,
  parseSavedMapping,
  readLayout,
  type FileLayout,
  type HeadingReading,
  type ImportMapping,
  type PlanDraft,
  type PlanFile,
} from "../../import/index.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import { loadImportMapping } from "../../sharepoint/import/index.ts";
import type { PlanRecord } from "../../sharepoint/schema/index.ts";
import { UsageError } from "../command.ts";

/** What the command line says about how to read the file. */
export interface ReadingOptions {
  /** --sheet NAME (one) or --sheets all|a,b. */
  sheets: "all" | string[] | undefined;
  /** False for --sheet: the one sheet read as a plan of its own, as before sheets were joined. */
  areas: boolean | undefined;
  /** --plan-column HEADER, or "none". */
  planColumn: string | undefined;
  /** --plan, each naming a plan (its title or id; in a file of several plans, one of them). */
  plans: string[];
  workstreams: "action" | "label" | undefined;
  /** --headings Sheet!row=reading,... */
  headings: Record<string, HeadingReading>;
}

/** One plan to import: the draft, the title it goes under and the site's plan of that title (or null). */
export interface PlanToImport {
  draft: PlanDraft;
  title: string;
  existing: PlanRecord | null;
}

/** --skip-rows as the mapping takes it: bare rows on a one-sheet plan, "Sheet!row" on any sheet. */
export function skipRowsOf(text: string | undefined): { rows: number[]; bySheet: Record<string, number[]> } {
  const rows: number[] = [];
  const bySheet: Record<string, number[]> = {};
  for (const part of (text ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const at = part.lastIndexOf("!");
    if (at === -1) rows.push(Number(part));
    else (bySheet[part.slice(0, at).trim()] ??= []).push(Number(part.slice(at + 1)));
  }
  return { rows, bySheet };
}

/** Parses "--headings Elections!4=activity,12=ignore" (a bare row is on the first sheet read). */
export function parseHeadings(text: string | undefined): Record<string, HeadingReading> {
  if (text === undefined) return {};
  const readings: Record<string, HeadingReading> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const match = /^(?:(.+)!)?(\d+)\s*=\s*([a-z]+)$/i.exec(part);
    const reading = HEADING_READINGS.find((r) => r === match?.[3]?.toLowerCase());
    if (match === null || reading === undefined)
      throw new UsageError(
        `--headings: "${part}" is not Sheet!row=reading; the readings are ${HEADING_READINGS.join(", ")} (e.g. --headings "Elections!4=activity,Elections!5=milestones").`,
      );
    // A row with no sheet is on the first sheet read, known once the file's layout is: kept as "!row" until then.
    readings[`${match[1] ?? ""}!${match[2] ?? ""}`] = reading;
  }
  return readings;
}

/** The coordinator's answers laid over a draft's mapping, on every sheet it reads. */
function withAnswers(draft: PlanDraft, options: ReadingOptions): PlanDraft {
  const first = draft.sheets[0]?.sheet.name ?? draft.mapping.sheet;
  const headings = Object.fromEntries(
    Object.entries(options.headings).map(([key, reading]) => [
      key.startsWith("!") ? `${first}${key}` : key,
      reading,
    ]),
  );
  const mapping: ImportMapping = {
    ...draft.mapping,
    ...(options.workstreams === undefined ? {} : { workstreams: options.workstreams }),
    headingReadings: { ...draft.mapping.headingReadings, ...headings },
  };
  return { ...draft, mapping, sheets: draft.sheets.map((s) => ({ ...s, mapping })) };
}

function fileLayout(file: PlanFile, options: ReadingOptions, mapping: ImportMapping | null): FileLayout {
  return readLayout(file, {
    sheets: options.sheets,
    areas: options.areas,
    mapping,
    planColumn: options.planColumn === "none" ? null : options.planColumn,
  });
}

/**
 * The plans to import from the file. A file of one plan goes into the plan --plan names (id or title) or
 * the one titled as the file, read with the mapping given, else the one saved with that plan, else found;
 * a file of several plans goes into a plan per name in its plan column (those --plan names, or all).
 */
export async function plansToImport(
  ctx: DataContext,
  file: PlanFile,
  given: ImportMapping | null,
  options: ReadingOptions,
  findPlan: (key: string, byId: boolean) => Promise<PlanRecord | null>,
): Promise<{ layout: FileLayout; plans: PlanToImport[] }> {
  const layout = fileLayout(file, options, given);
  if (layout.planColumn === null) {
    if (options.plans.length > 1)
      throw new UsageError(
        `--plan: the file holds one plan, so name one plan, not ${String(options.plans.length)}.`,
      );
    const title = options.plans[0] ?? layout.plans[0]?.title ?? file.fileName;
    const existing = await findPlan(title, options.plans[0] !== undefined);
    let read = layout;
    if (given === null && existing !== null) {
      const saved = await loadImportMapping(ctx, existing.id);
      const mapping = saved === null ? null : parseSavedMapping(saved);
      // A mapping saved for a sheet this file does not have is no guide to it: the file is read afresh.
      if (mapping !== null && file.sheets.some((s) => s.name === mapping.sheet))
        read = fileLayout(file, options, mapping);
    }
    const draft = read.plans[0];
    if (draft === undefined) return { layout: read, plans: [] };
    return {
      layout: read,
      plans: [{ draft: withAnswers(draft, options), title: existing?.title ?? title, existing }],
    };
  }
  const names = layout.plans.map((p) => p.title);
  const unknown = options.plans.filter((name) => !names.includes(name));
  if (unknown.length > 0)
    throw new UsageError(
      `--plan: the file's "${layout.planColumn}" column names no plan ${unknown.map((n) => `"${n}"`).join(", ")}; it names ${names.map((n) => `"${n}"`).join(", ")}.`,
    );
  const chosen = layout.plans.filter((p) => options.plans.length === 0 || options.plans.includes(p.title));
  const plans: PlanToImport[] = [];
  for (const draft of chosen)
    plans.push({
      draft: withAnswers(draft, options),
      title: draft.title,
      existing: await findPlan(draft.title, false),
    });
  return { layout, plans };
}
