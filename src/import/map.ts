// Mapping one sheet to a plan: rows to recommendations, actions and milestones, each cell read with the
// domain's rules, every doubt reported against its row and column. Nothing is written here: the caller
// writes only when `canWrite`, so a plan is never half-imported.
import {
  deriveStatus,
  inferReportedStatus,
  parseTargetDate,
  SHORT_TEXT_LIMIT,
  STATUSES,
  tooLongMessage,
  type Status,
} from "../domain/index.ts";
import { DEFAULT_FILL_DOWN, locateColumns, type ImportMapping } from "./detect.ts";
import { readCompletedOn, readPercent, readStatus } from "./fields.ts";
import { Groups } from "./groups.ts";
import type { ImportAction, ImportUpdate, PlanImport } from "./plan-shape.ts";
import { Problems } from "./problems.ts";
import { SheetRows, type RowKind } from "./rows.ts";
import { resolveSros } from "./sro-match.ts";
import type { ColumnRole, MapContext, MappedPlan, Sheet } from "./types.ts";

type Recommendation = PlanImport["recommendations"][number];

/** A milestone's own ref that only numbers it within its action: "(a)", "a", "ii", "3". */
const LOCAL_MARKER = /^\(?([a-z]{1,4}|\d{1,2})[).]?$/i;
/** A marker opening the milestone's text: "(a) Agree the budget". */
const TEXT_MARKER = /^\s*\(?([a-z]|[ivx]{1,4}|\d{1,2})\)\s/i;
const DETAIL_ROLES: readonly ColumnRole[] = [
  "ref",
  "sro",
  "targetDate",
  "status",
  "percentComplete",
  "progressUpdate",
];

function quote(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return `"${line.length > 40 ? `${line.slice(0, 40).trimEnd()}…` : line}"`;
}

class PlanBuilder {
  readonly groups: Groups;
  readonly counts = { actions: 0, milestones: 0, updates: 0, rowsSkipped: 0 };
  readonly #refs = new Map<string, number>();
  readonly #written = new Set<string>();
  readonly #generated = new Map<string, number>();
  readonly #sroRows = new Map<string, number[]>();
  readonly #sroOf: { action: ImportAction; text: string }[] = [];
  readonly #filled = new Map<ColumnRole, string>();
  #parent: { action: ImportAction; rec: Recommendation } | null = null;
  #single = false;

  constructor(
    readonly rows: SheetRows,
    readonly context: MapContext,
    readonly problems: Problems,
    readonly fillDown: ReadonlySet<ColumnRole>,
  ) {
    this.groups = new Groups(problems);
  }

  build(): void {
    const skip = new Set(this.context.skipRows ?? []);
    const kinds = new Map<number, RowKind>();
    let grouped = false;
    for (const row of this.rows.numbers()) {
      if (skip.has(row)) continue;
      const kind = this.rows.kind(row);
      kinds.set(row, kind);
      if (kind === "heading" || this.#raw(row, "recommendation") !== "") grouped = true;
      if (kind === "data" && this.#raw(row, "ref") !== "") this.#written.add(this.#raw(row, "ref"));
    }
    this.#single = !grouped;
    for (const row of this.rows.numbers()) {
      const kind = kinds.get(row);
      if (kind === undefined) this.counts.rowsSkipped += 1;
      else if (kind === "heading") {
        this.#recommendationColumns(row);
        this.groups.heading(this.rows.headingText(row), row);
        this.#parent = null;
      } else if (kind === "data") this.#dataRow(row);
    }
    this.groups.finish();
  }

  /** Sets each action's SRO post once every SRO text is known, and returns the posts to create. */
  resolveSros(): ReturnType<typeof resolveSros> {
    const resolution = resolveSros(this.#sroRows, this.context);
    for (const { action, text } of this.#sroOf) action.sroPost = resolution.outcomes.get(text)?.post ?? null;
    for (const [text, outcome] of resolution.outcomes) {
      const place = this.rows.place(this.#sroRows.get(text)?.[0] ?? 0, "sro");
      if (outcome.error !== undefined) this.problems.error(place, outcome.error);
      if (outcome.warning !== undefined) this.problems.warning(place, outcome.warning);
    }
    return resolution;
  }

  #raw(row: number, role: ColumnRole): string {
    const column = this.rows.columns.get(role);
    return column === undefined ? "" : (this.rows.sheet.rows[row - 1]?.[column.index]?.trim() ?? "");
  }

  /** A cell, or (for fill-down roles) the last value above it; a new recommendation clears its title. */
  #cell(row: number, role: ColumnRole): string {
    const text = this.rows.get(row, role);
    if (!this.fillDown.has(role)) return text;
    if (text !== "") {
      if (role === "recommendation" && text !== this.#filled.get(role))
        this.#filled.delete("recommendationTitle");
      this.#filled.set(role, text);
    }
    return this.#filled.get(role) ?? "";
  }

  #recommendationColumns(row: number): void {
    const value = this.#cell(row, "recommendation");
    const title = this.#cell(row, "recommendationTitle");
    if (this.groups.column(value, title, row)) this.#parent = null;
  }

  #dataRow(row: number): void {
    this.#recommendationColumns(row);
    const actionText = this.rows.get(row, "action");
    const milestoneText = this.rows.get(row, "milestone");
    const ref = this.rows.get(row, "ref");
    if (actionText === "" && milestoneText === "") {
      if (DETAIL_ROLES.some((role) => this.#raw(row, role) !== ""))
        this.problems.warning({ row }, "The row has no action text, so it is not imported.");
      return;
    }
    if (actionText !== "") {
      const rec = this.#single ? this.#singleRecommendation() : this.groups.current();
      if (rec === null) {
        this.problems.error(
          { row },
          `Action ${quote(actionText)} comes before any recommendation or heading, so it belongs to none.`,
        );
        return;
      }
      this.#addAction(row, rec, actionText, ref, milestoneText === "");
      if (milestoneText !== "") this.#addMilestone(row, milestoneText, "");
    } else this.#addMilestone(row, milestoneText, ref);
  }

  #singleRecommendation(): Recommendation {
    const rec = this.groups.recommendations[0];
    if (rec !== undefined) return rec;
    this.problems.warning(
      { row: null },
      `The sheet has no recommendation column or heading rows, so every action goes under one recommendation, "${this.context.planTitle}".`,
    );
    return this.groups.single(this.context.planTitle);
  }

  #addAction(row: number, rec: Recommendation, text: string, written: string, details: boolean): void {
    let ref = written;
    if (ref === "") {
      ref = this.#nextRef(rec.ref);
      this.problems.warning(
        this.rows.place(row, "ref"),
        `Action ${quote(text)} has no ref, so it is given "${ref}".`,
      );
    }
    const action: ImportAction = { ref, text, sroPost: null, targetDateText: "" };
    this.#claim(ref, row);
    this.#details(row, action, details);
    rec.actions.push(action);
    this.#parent = { action, rec };
    this.counts.actions += 1;
  }

  #addMilestone(row: number, text: string, written: string): void {
    const parent = this.#parent;
    if (parent === null) {
      this.problems.error(
        { row },
        `Milestone ${quote(text)} has no parent: no action comes before it under its recommendation or heading.`,
      );
      return;
    }
    const under = parent.action.ref;
    let ref = written;
    if (ref === "" || LOCAL_MARKER.test(ref)) {
      const marker = LOCAL_MARKER.exec(ref)?.[1] ?? TEXT_MARKER.exec(text)?.[1];
      ref = marker === undefined ? this.#nextRef(under) : `${under}.${marker}`;
      const from = marker === undefined ? "has no ref" : `is marked "${written || marker}"`;
      this.problems.warning(
        this.rows.place(row, "ref"),
        `Milestone ${quote(text)} ${from}, so it is numbered "${ref}" under action ${under}.`,
      );
    }
    const milestone: ImportAction = { ref, text, sroPost: null, targetDateText: "", parentRef: under };
    this.#claim(ref, row);
    this.#details(row, milestone, true);
    parent.rec.actions.push(milestone);
    this.counts.milestones += 1;
  }

  #claim(ref: string, row: number): void {
    const first = this.#refs.get(ref);
    if (first === undefined) this.#refs.set(ref, row);
    else
      this.problems.error(
        this.rows.place(row, "ref"),
        `Ref "${ref}" is used twice: on row ${first} and on row ${row}.`,
      );
  }

  /** The next free "<prefix>.<n>", skipping refs written anywhere in the sheet. */
  #nextRef(prefix: string): string {
    let n = this.#generated.get(prefix) ?? 0;
    let ref: string;
    do {
      n += 1;
      ref = `${prefix}.${n}`;
    } while (this.#written.has(ref) || this.#refs.has(ref));
    this.#generated.set(prefix, n);
    return ref;
  }

  /** The SRO, target date, completion date and first update; an action holding milestones gets the first two. */
  #details(row: number, action: ImportAction, all: boolean): void {
    const sro = this.rows.get(row, "sro");
    if (sro !== "") {
      this.#sroOf.push({ action, text: sro });
      this.#sroRows.set(sro, [...(this.#sroRows.get(sro) ?? []), row]);
    }
    action.targetDateText = this.rows.get(row, "targetDate");
    const target = parseTargetDate(action.targetDateText, { referenceDate: this.context.referenceDate });
    if (target.flags.includes("unrecognised"))
      this.problems.warning(
        this.rows.place(row, "targetDate"),
        `"${action.targetDateText}" is not a date the plan's rules understand, so the action has no due date.`,
      );
    if (!all) return;
    const completed = this.rows.get(row, "completedOn");
    if (completed !== "") {
      action.completedOn = readCompletedOn(completed, this.context.referenceDate);
      if (action.completedOn === null)
        this.problems.warning(
          this.rows.place(row, "completedOn"),
          `"${completed}" is not a date, so no completion date is recorded.`,
        );
    }
    const update = this.#update(row);
    if (update === null) return;
    action.update = update;
    this.counts.updates += 1;
    const said = this.rows.get(row, "status");
    if (said === "" || update.reportedStatus === null) return;
    const status = deriveStatus(
      { completedOn: action.completedOn ?? null, targetDate: { due: target.due } },
      {
        today: this.context.today,
        reported: update.reportedStatus,
        overdueAfterMonths: this.context.overdueAfterMonths,
      },
    );
    if (status.disagrees)
      this.problems.warning(
        this.rows.place(row, "status"),
        `The file reports "${said}", but by its target date "${action.targetDateText}" the plan will show it as ${status.derived}.`,
      );
  }

  /** The first update: the file's status (or one inferred from the text), % complete and progress text. */
  #update(row: number): ImportUpdate | null {
    const said = this.rows.get(row, "status");
    const percentText = this.rows.get(row, "percentComplete");
    const text = this.rows.get(row, "progressUpdate");
    if (said === "" && percentText === "" && text === "") return null;
    const status = readStatus(said);
    if (status === "unknown")
      this.problems.warning(
        this.rows.place(row, "status"),
        `"${said}" is not a status the plan knows (${STATUSES.join(", ")}), so none is recorded.`,
      );
    const read = readPercent(percentText);
    if (read === "invalid")
      this.problems.warning(
        this.rows.place(row, "percentComplete"),
        `"${percentText}" is not a percentage from 0 to 100, so no % complete is recorded.`,
      );
    const percent = read === "invalid" ? null : read;
    let reported: Status | null = status === "unknown" ? null : status;
    // No status column (or a blank cell): the demo seed's rule, with 100% counting as done.
    if (status === null)
      reported =
        percent === 100
          ? "Completed"
          : text !== ""
            ? inferReportedStatus(text)
            : percent !== null && percent > 0
              ? "On target"
              : "Not started";
    return { date: this.context.today, text, reportedStatus: reported, percentComplete: percent };
  }
}

/** Maps one sheet to a plan ready to write, with every problem found and the SROs still to settle. */
export function mapSheet(sheet: Sheet, mapping: ImportMapping, context: MapContext): MappedPlan {
  const problems = new Problems(sheet.name);
  // The plan's title is a Title column (255 characters), which SharePoint itself would refuse mid-import.
  if (context.planTitle.length > SHORT_TEXT_LIMIT)
    problems.error(
      { row: null },
      `${tooLongMessage("The plan's title", context.planTitle.length, SHORT_TEXT_LIMIT)} Give a shorter title.`,
    );
  const located = locateColumns(sheet, mapping);
  for (const header of located.missing)
    problems.error(
      { row: located.headerRow },
      `The column "${header}" that the saved mapping uses is not in the header row.`,
    );
  const rows = new SheetRows(
    sheet,
    located.headerRow,
    located.columns,
    mapping.headingRows !== "none",
    problems,
  );
  const builder = new PlanBuilder(rows, context, problems, new Set(mapping.fillDown ?? DEFAULT_FILL_DOWN));
  if (located.columns.has("action") || located.columns.has("milestone")) builder.build();
  else
    problems.error(
      { row: null },
      "No header row was found: none of the first 50 rows names an Action, Activity or Milestone column.",
    );
  const sros = builder.resolveSros();
  const recommendations = builder.groups.recommendations.filter((r) => r.actions.length > 0);
  if (builder.counts.actions === 0 && located.columns.size > 0 && !problems.hasErrors)
    problems.error({ row: null }, "The sheet has no actions below its header row.");
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
    canWrite: !problems.hasErrors,
  };
}
