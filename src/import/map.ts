// Mapping a plan's sheets to a plan: rows to recommendations, actions and milestones (builder.ts), each
// cell read with the domain's rules, every doubt reported against its sheet, row and column, every column
// of the file either read or named. Nothing is written here: the caller writes only when `canWrite`, so a
// plan is never half-imported.
import { SHORT_TEXT_LIMIT, tooLongMessage } from "../domain/index.ts";
import { PlanBuilder, type Part } from "./builder.ts";
import { DEFAULT_FILL_DOWN, locateColumns, type ImportMapping } from "./detect.ts";
import { roleOfHeader } from "./headers.ts";
import { Problems } from "./problems.ts";
import { SheetRows } from "./rows.ts";
import {
  COLUMN_ROLES,
  type ColumnRole,
  type HeadingReading,
  type MapContext,
  type MappedPlan,
  type Sheet,
} from "./types.ts";

/** What each role is called in a warning: "no target dates will be imported". */
const ROLE_WORDS: Record<ColumnRole, string> = {
  recommendation: "recommendations",
  recommendationTitle: "recommendation titles",
  ref: "refs",
  action: "actions",
  milestone: "milestones",
  sro: "SROs",
  targetDate: "target dates",
  status: "statuses",
  percentComplete: "% complete figures",
  progressUpdate: "progress updates",
  completedOn: "completion dates",
  plan: "plan names",
  workstream: "workstreams",
};

/** One sheet of a plan as the caller gives it: the sheet, its mapping, and its area when sheets are areas. */
export interface PlanSheet {
  sheet: Sheet;
  mapping: ImportMapping;
  area?: { ref: string; title: string } | null;
}

/** The coordinator's heading readings for one sheet, from the mapping's "Sheet!row" keys. */
function readingsFor(mapping: ImportMapping, sheet: string): Record<number, HeadingReading> {
  const readings: Record<number, HeadingReading> = {};
  for (const [key, reading] of Object.entries(mapping.headingReadings ?? {})) {
    const at = key.lastIndexOf("!");
    if (key.slice(0, at) === sheet) readings[Number(key.slice(at + 1))] = reading;
  }
  return readings;
}

/** Names every header cell the mapping does not read, so that no column is lost in silence. */
function warnUnread(
  sheet: Sheet,
  headerRow: number,
  read: ReadonlyMap<ColumnRole, { index: number; header: string }>,
  problems: Problems,
): void {
  const indexes = new Set([...read.values()].map((c) => c.index));
  (sheet.rows[headerRow - 1] ?? []).forEach((cell, index) => {
    const header = cell.trim();
    if (header === "" || indexes.has(index)) return;
    const role = roleOfHeader(header);
    const winner = role === null ? undefined : read.get(role);
    const place = { row: headerRow, column: { index, header } };
    if (role !== null && winner !== undefined)
      problems.warning(
        place,
        `The column "${header}" is not imported: "${winner.header}" is read for ${ROLE_WORDS[role]}.`,
      );
    else if (role !== null)
      problems.warning(
        place,
        `The column "${header}" is not mapped, so no ${ROLE_WORDS[role]} will be imported from it; map it if it holds them.`,
      );
    else
      problems.warning(
        place,
        `The column "${header}" is not imported: no field of the plan is mapped to it.`,
      );
  });
}

/** Maps a plan read from one or more sheets to a plan ready to write, with every problem found. */
export function mapPlan(sheets: readonly PlanSheet[], context: MapContext): MappedPlan {
  const problems = new Problems(sheets[0]?.sheet.name ?? "");
  // The plan's title is a Title column (255 characters), which SharePoint itself would refuse mid-import.
  if (context.planTitle.length > SHORT_TEXT_LIMIT)
    problems.error(
      { row: null },
      `${tooLongMessage("The plan's title", context.planTitle.length, SHORT_TEXT_LIMIT)} Give a shorter title.`,
    );
  const parts: Part[] = [];
  for (const [index, { sheet, mapping, area }] of sheets.entries()) {
    problems.reading(sheet.name);
    const located = locateColumns(sheet, mapping);
    for (const header of located.missing) {
      // Another area sheet of the workbook may lack a column its first sheet has: its rows go without it.
      const role = Object.entries(mapping.columns).find(([, h]) => h === header)?.[0];
      const words = ROLE_WORDS[COLUMN_ROLES.find((r) => r === role) ?? "action"];
      if (sheet.name !== mapping.sheet && located.columns.has("action"))
        problems.warning(
          { row: located.headerRow },
          `The sheet has no "${header}" column, so its rows are read without ${words}.`,
        );
      else
        problems.error(
          { row: located.headerRow },
          `The column "${header}" that the saved mapping uses is not in the header row.`,
        );
    }
    if (!located.columns.has("action") && !located.columns.has("milestone")) {
      problems.error(
        { row: null },
        "No header row was found: none of the first 50 rows names an Action, Activity or Milestone column.",
      );
      continue;
    }
    warnUnread(sheet, located.headerRow, located.columns, problems);
    // Rows given without a sheet are on the first sheet read.
    const skip = [
      ...(context.skipSheetRows?.[sheet.name] ?? []),
      ...(index === 0 ? (context.skipRows ?? []) : []),
    ];
    parts.push({
      rows: new SheetRows(
        sheet,
        located.headerRow,
        located.columns,
        mapping.headingRows !== "none",
        problems,
      ),
      area: area ?? null,
      readings: readingsFor(mapping, sheet.name),
      workstreams: mapping.workstreams ?? "action",
      fillDown: new Set(mapping.fillDown ?? DEFAULT_FILL_DOWN),
      skip: new Set(skip),
    });
  }
  const builder = new PlanBuilder(parts, context, problems);
  builder.build();
  const sros = builder.resolveSros();
  const recommendations = builder.groups.recommendations.filter((r) => r.actions.length > 0);
  if (builder.counts.actions === 0 && parts.length > 0 && !problems.hasErrors)
    problems.error({ row: null }, "The sheet has no actions below its header row.");
  const confirmations = confirmationsFor({ ...builder.coverage, milestones: builder.counts.milestones });
  return {
    plan: {
      plan: {
        title: context.planTitle,
        referenceDate: context.referenceDate,
        overdueAfterMonths: context.overdueAfterMonths,
      },
      posts: sros.postsToCreate,
      recommendations,
    },
    problems: problems.sorted(),
    counts: {
      recommendations: recommendations.length,
      ...builder.counts,
      postsToCreate: sros.postsToCreate.length,
    },
    unmatchedSros: sros.unmatched,
    headings: builder.headings,
    sheets: sheets.map((s) => s.sheet.name),
    confirmations,
    canWrite: !problems.hasErrors && (confirmations.length === 0 || context.confirmed === true),
  };
}

/** A plan whose every action lacks a target date or an SRO is more likely a column missed than a plan. */
function confirmationsFor(coverage: {
  items: number;
  milestones: number;
  dated: number;
  withSro: number;
}): string[] {
  const { items, milestones, dated, withSro } = coverage;
  if (items === 0) return [];
  const what = milestones === 0 ? "actions" : "actions and milestones";
  const none = (field: string, article: string) =>
    items === 1
      ? `The plan's one action has no ${field}`
      : `None of the plan's ${String(items)} ${what} has ${article} ${field}`;
  const them = items === 1 ? "it" : "them";
  return [
    ...(dated === 0
      ? [
          `${none("target date", "a")}, so the dashboard will count ${items === 1 ? "it" : "every one"} as having none: check no column of target dates was missed.`,
        ]
      : []),
    ...(withSro === 0
      ? [`${none("SRO", "an")}, so nobody will be reminded of ${them}: check no column of SROs was missed.`]
      : []),
  ];
}

/** Maps one sheet to a plan ready to write, with every problem found and the SROs still to settle. */
export function mapSheet(sheet: Sheet, mapping: ImportMapping, context: MapContext): MappedPlan {
  return mapPlan([{ sheet, mapping }], context);
}
