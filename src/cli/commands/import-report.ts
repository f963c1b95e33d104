// What `actionplan import` prints for a person (without --json): what the file holds, every problem with
// its sheet, row and column, what the import creates, changes, leaves alone and no longer finds in the file,
// and a last line that says plainly what was (or was not) written.
import {
  formatProblem,
  type HeadingReading,
  type HeadingRow,
  type ImportProblem,
  type MappedPlan,
} from "../../import/index.ts";
import type { FieldChange, ImportChanges } from "../../sharepoint/import/index.ts";

const FIELD_WORDS: Record<FieldChange["field"], string> = {
  title: "title",
  description: "description",
  text: "text",
  sroPost: "SRO post",
  targetDate: "target date",
  parent: "parent action",
  recommendation: "recommendation",
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** A value as a person reads it on one line: quoted, cut short when long, "(none)" when empty. */
function shown(value: string | null): string {
  if (value === null || value === "") return "(none)";
  const flat = value.replace(/\s+/g, " ").trim();
  return `"${flat.length > 70 ? `${flat.slice(0, 67)}…` : flat}"`;
}

function list(refs: readonly string[], limit = 20): string {
  return refs.length <= limit
    ? refs.join(", ")
    : `${refs.slice(0, limit).join(", ")} and ${String(refs.length - limit)} more`;
}

/** What mapping one plan of the file found, before anything is written. */
export interface ImportReportBase {
  file: string;
  /** The first sheet read (kept for callers of a one-sheet plan); `sheets` lists them all. */
  sheet: string;
  sheets: string[];
  plan: { id: string | null; title: string };
  dryRun: boolean;
  counts: MappedPlan["counts"];
  problems: ImportProblem[];
  unmatchedSros: MappedPlan["unmatchedSros"];
  headings: HeadingRow[];
  /** What --confirm would confirm; empty when confirmed or nothing needs it. */
  confirmations: string[];
  notes: string[];
}

export interface ImportReport extends ImportReportBase {
  changes: ImportChanges;
  written: boolean;
}

const READING_WORDS: Record<HeadingReading, string> = {
  area: "area",
  activity: "activity",
  milestones: "milestone heading (not imported)",
  ignore: "ignored",
};

function cut(text: string, limit = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** How each heading row was read, a line each, with the option that changes one. */
function headingLines(headings: readonly HeadingRow[]): string[] {
  if (headings.length === 0) return [];
  return [
    "",
    `Heading rows (change one with --headings "Sheet!row=area|activity|milestones|ignore"):`,
    ...headings.map(
      (h) =>
        `  ${h.sheet} row ${String(h.row)} "${cut(h.text)}": ${READING_WORDS[h.reading]}${h.chosen ? " (your choice)" : ""}`,
    ),
  ];
}

/** What the file holds and its problems; `areas` when each sheet is an area of the plan. */
export function formatMapped(report: ImportReportBase, areas = false): string {
  const c = report.counts;
  const into =
    report.plan.id === null
      ? `a new plan "${report.plan.title}"`
      : `plan ${report.plan.id} "${report.plan.title}"`;
  const from =
    report.sheets.length > 1
      ? `sheets ${report.sheets.map((name) => `"${name}"`).join(", ")}${areas ? ", an area each" : ""}`
      : `sheet "${report.sheet}"`;
  const lines = [
    `Importing ${report.file} (${from}) into ${into}${report.dryRun ? " (dry run: nothing is written)" : ""}.`,
    `The file has ${plural(c.recommendations, "recommendation")}, ${plural(c.actions, "action")}, ${plural(c.milestones, "milestone")} and ${plural(c.updates, "progress update")}${c.rowsSkipped > 0 ? `; ${plural(c.rowsSkipped, "row")} skipped` : ""}.`,
  ];
  const errors = report.problems.filter((p) => p.severity === "error");
  const warnings = report.problems.filter((p) => p.severity === "warning");
  if (report.problems.length > 0) {
    lines.push("", `Problems: ${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`);
    for (const p of [...errors, ...warnings])
      lines.push(`  ${p.severity === "error" ? "error  " : "warning"}  ${formatProblem(p)}`);
  }
  if (report.unmatchedSros.length > 0) {
    lines.push("", "SROs that match no post or person in the directory:");
    for (const sro of report.unmatchedSros) {
      const hint =
        sro.suggestions.length === 0 ? "" : `; perhaps ${sro.suggestions.map((s) => s.label).join(" or ")}`;
      lines.push(`  "${sro.text}" (rows ${sro.rows.join(", ")})${hint}`);
    }
  }
  lines.push(...headingLines(report.headings));
  if (report.confirmations.length > 0)
    lines.push(
      "",
      "Needs your confirmation (run again with --confirm to import it as it is):",
      ...report.confirmations.map((c) => `  ${c}`),
    );
  return lines.join("\n");
}

/** What the import creates, changes, leaves alone and finds missing. */
export function formatChanges(changes: ImportChanges, dryRun: boolean): string {
  const { created, changed, unchanged, disappeared } = changes;
  const will = dryRun ? "Would create" : "Creates";
  const lines: string[] = [""];
  const made = [
    plural(created.posts.length, "SRO post"),
    plural(created.periods.length, "reporting period"),
    plural(created.recommendations.length, "recommendation"),
    plural(created.actions.length, "action"),
    plural(created.milestones.length, "milestone"),
    plural(created.updates.length, "progress update"),
  ].filter((words) => !words.startsWith("0 "));
  lines.push(`${will}: ${made.length === 0 ? "nothing" : made.join(", ")}.`);
  if (created.posts.length > 0)
    lines.push(
      `  new SRO posts: ${list(
        created.posts.map((p) => `"${p}"`),
        10,
      )}`,
    );
  if (changed.length > 0) {
    lines.push(`${dryRun ? "Would change" : "Changes"} ${plural(changed.length, "field")}:`);
    for (const c of changed)
      lines.push(`  ${c.kind} ${c.ref} ${FIELD_WORDS[c.field]}: ${shown(c.from)} -> ${shown(c.to)}`);
  }
  lines.push(
    `Left alone: ${plural(unchanged.recommendations, "recommendation")}, ${plural(unchanged.actions, "action")}, ${plural(unchanged.milestones, "milestone")}, ${plural(unchanged.updates, "progress update")}, ${plural(unchanged.posts, "SRO post")}.`,
  );
  const gone = [
    ...disappeared.recommendations.map((r) => `recommendation ${r}`),
    ...disappeared.actions.map((r) => `action ${r}`),
    ...disappeared.milestones.map((r) => `milestone ${r}`),
  ];
  if (gone.length > 0) lines.push(`On the site but not in the file (kept, not deleted): ${list(gone)}.`);
  return lines.join("\n");
}

/** The last line: what was written, or why nothing was (`blockedBy`: another plan of the file held it back). */
export function formatOutcome(report: ImportReport, blockedBy: string | null = null): string {
  const errors = report.problems.filter((p) => p.severity === "error");
  const skip = (p: ImportProblem) =>
    report.sheets.length > 1 ? `${p.sheet}!${String(p.row)}` : String(p.row);
  if (errors.length > 0)
    return `\n${plural(errors.length, "error")} in the file, so nothing was written: correct the file, or leave the rows out with --skip-rows (e.g. --skip-rows ${[...new Set(errors.filter((p) => p.row !== null).map(skip))].slice(0, 3).join(",") || "12,14"}).`;
  if (report.confirmations.length > 0)
    return `\nNothing was written: ${report.confirmations[0] ?? ""} If the plan is right as it is, run the import again with --confirm.`;
  if (blockedBy !== null)
    return `\nNothing was written to "${report.plan.title}": ${blockedBy} has problems to settle first, and every plan of the file is checked before any is written.`;
  if (report.changes.total === 0 && report.written)
    return `\nDone: the import of plan ${report.plan.id ?? ""} "${report.plan.title}" is finished; its SROs and viewers now see it.`;
  if (report.changes.total === 0)
    return "\nNothing to change: the site already matches the file (0 changes).";
  if (report.dryRun)
    return `\nDry run: ${plural(report.changes.total, "change")} found, nothing was written.`;
  return `\nDone: ${plural(report.changes.total, "change")} written to plan ${report.plan.id ?? ""} "${report.plan.title}".`;
}

function reportObject(report: ImportReport): Record<string, unknown> {
  const { created, changed, unchanged, disappeared } = report.changes;
  return {
    file: report.file,
    sheet: report.sheet,
    sheets: report.sheets,
    plan: report.plan,
    dryRun: report.dryRun,
    counts: report.counts,
    problems: report.problems,
    unmatchedSros: report.unmatchedSros,
    headings: report.headings,
    confirmations: report.confirmations,
    notes: report.notes,
    changes: { total: report.changes.total, created, changed, unchanged, disappeared },
    written: report.written,
  };
}

/** The --json output (documented in the command's --help): one plan's object, or the file's plans. */
export function importJson(report: ImportReport | { file: string; plans: ImportReport[] }): string {
  const value =
    "plans" in report ? { file: report.file, plans: report.plans.map(reportObject) } : reportObject(report);
  return JSON.stringify(value, null, 2);
}
