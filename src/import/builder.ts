// Rows to recommendations, actions and milestones, sheet by sheet: heading rows read as areas, activities or
// milestone headings; workstreams grouping their activities; refs as written, or numbered and said so once.
import { classifyParts } from "./classify.ts";
import { activityHeading, Groups, parseHeading } from "./groups.ts";
import { readDetails } from "./cells.ts";
import type { ImportAction, PlanImport } from "./plan-shape.ts";
import { type Problems } from "./problems.ts";
import type { SheetRows } from "./rows.ts";
import { resolveSros } from "./sro-match.ts";
import type { ColumnRole, HeadingReading, HeadingRow, MapContext } from "./types.ts";

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

const span = (items: readonly string[]) =>
  items.length === 1 ? `"${items[0] ?? ""}"` : `${items[0] ?? ""}–${items.at(-1) ?? ""}`;

/** One sheet (or a plan's rows of it) to read, and the area it is when a plan has a sheet per area. */
export interface Part {
  rows: SheetRows;
  area: { ref: string; title: string } | null;
  /** The coordinator's readings of heading rows, by 1-based row. */
  readings: Record<number, HeadingReading>;
  /** How a named workstream is kept: an action holding its activities, or a label on each activity. */
  workstreams: "action" | "label";
  fillDown: ReadonlySet<ColumnRole>;
  skip: ReadonlySet<number>;
}

/** Builds one plan from its parts; `build` every part first, then `finish`. */
export class PlanBuilder {
  readonly groups: Groups;
  readonly counts = { actions: 0, milestones: 0, updates: 0, rowsSkipped: 0 };
  readonly headings: HeadingRow[] = [];
  readonly #refs = new Map<string, { sheet: string; row: number }>();
  readonly #written = new Set<string>();
  readonly #generated = new Map<string, number>();
  readonly #sroRows = new Map<string, number[]>();
  readonly #sroFirst = new Map<string, { sheet: string; row: number; part: Part }>();
  readonly #sroOf: { action: ImportAction; text: string }[] = [];
  readonly #filled = new Map<ColumnRole, string>();
  readonly #workstreamActions = new Map<string, { action: ImportAction; rec: Recommendation }>();
  #part: Part | null = null;
  #parent: { action: ImportAction; rec: Recommendation } | null = null;
  #milestonesFollow = false;
  #single = false;
  /** The part's data rows, in order: an activity heading above its phase's first row looks ahead to it. */
  #dataRows: number[] = [];

  constructor(
    readonly parts: readonly Part[],
    readonly context: MapContext,
    readonly problems: Problems,
  ) {
    this.groups = new Groups(problems);
  }

  get #rows(): SheetRows {
    if (this.#part === null) throw new Error("No part is being read.");
    return this.#part.rows;
  }

  /** Reads every part; `resolveSros` then settles the SROs. */
  build(): void {
    const kinds = classifyParts(this.parts, this.headings);
    for (const [i, part] of this.parts.entries())
      for (const [row, kind] of kinds[i]?.kinds ?? [])
        if (kind === "data" && part.rows.raw(row, "ref") !== "") this.#written.add(part.rows.raw(row, "ref"));
    this.#single = this.parts.every((part, i) => part.area === null && !(kinds[i]?.grouped ?? false));
    this.parts.forEach((part, i) => {
      this.#enter(part);
      this.#dataRows = [...(kinds[i]?.kinds ?? [])].flatMap(([row, kind]) => (kind === "data" ? [row] : []));
      if (part.area !== null) this.groups.area(part.area.ref, part.area.title, part.rows.headerRow);
      for (const row of part.rows.numbers()) {
        const kind = kinds[i]?.kinds.get(row);
        if (kind === undefined) this.counts.rowsSkipped += 1;
        else if (kind === "heading") this.#heading(row, kinds[i]?.readings.get(row) ?? "area");
        else if (kind === "data") this.#dataRow(row);
      }
    });
    this.groups.finish();
  }

  #enter(part: Part): void {
    this.#part = part;
    this.problems.reading(part.rows.sheet.name);
    this.#filled.clear();
    this.#parent = null;
    this.#milestonesFollow = false;
  }

  /** Sets each action's SRO post once every SRO text is known, and returns the posts to create. */
  resolveSros(): ReturnType<typeof resolveSros> {
    const resolution = resolveSros(this.#sroRows, this.context);
    for (const { action, text } of this.#sroOf) action.sroPost = resolution.outcomes.get(text)?.post ?? null;
    for (const [text, outcome] of resolution.outcomes) {
      const first = this.#sroFirst.get(text);
      if (first === undefined) continue;
      const place = { ...first.part.rows.place(first.row, "sro"), sheet: first.sheet };
      if (outcome.error !== undefined) this.problems.error(place, outcome.error);
      if (outcome.warning !== undefined) this.problems.warning(place, outcome.warning);
    }
    return resolution;
  }

  /** How many actions and milestones have a target date and an SRO. */
  get coverage(): { items: number; dated: number; withSro: number } {
    const items = this.groups.recommendations.flatMap((r) => r.actions);
    return {
      items: items.length,
      dated: items.filter((a) => a.targetDateText !== "").length,
      withSro: new Set(this.#sroOf.map((s) => s.action)).size,
    };
  }

  #raw(row: number, role: ColumnRole): string {
    return this.#rows.raw(row, role);
  }

  /** A cell, or (for fill-down roles) the last value above it; a new recommendation clears its title. */
  #cell(row: number, role: ColumnRole): string {
    const text = this.#rows.get(row, role);
    if (!(this.#part?.fillDown.has(role) ?? false)) return text;
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
    if (this.groups.column(value, title, row)) {
      this.#parent = null;
      this.#milestonesFollow = false;
    }
  }

  #heading(row: number, reading: HeadingReading): void {
    const text = this.#rows.headingText(row);
    if (reading === "ignore") return;
    if (reading === "milestones") {
      if (this.#parent === null)
        this.problems.warning(
          { row },
          `${quote(text)} comes before any activity or action, so the rows under it are read as actions.`,
        );
      else this.#milestonesFollow = true;
      return;
    }
    // A heading merged across the row repeats its text in the recommendation column: that is no value.
    if (this.#raw(row, "recommendation") !== text) this.#recommendationColumns(row);
    if (reading === "area") {
      this.groups.heading(text, row);
      this.#parent = null;
      this.#milestonesFollow = false;
      return;
    }
    const rec = this.#recommendation(row, text);
    if (rec === null) return;
    const parsed = activityHeading(text) ?? parseHeading(text);
    const own = parsed.ref;
    const numbered =
      own === null ? "" : own.startsWith(`${rec.ref}.`) || rec.ref === "" ? own : `${rec.ref}.${own}`;
    // An activity's number that a row's ref (written or given) already has is numbered afresh instead.
    const ref = this.#refs.has(numbered) || this.#written.has(numbered) ? "" : numbered;
    // Bare: a heading merged across the row repeats its text in every column, none of it a detail.
    this.#addAction(row, rec, parsed.title, ref, false, true);
    this.#milestonesFollow = true;
  }

  #recommendation(row: number, text: string): Recommendation | null {
    if (this.#single) return this.#singleRecommendation();
    if (!this.groups.open) {
      // A heading above the first row of its phase (in a plan split from others): that row's phase.
      const next = this.#dataRows.find((r) => r > row && this.#raw(r, "recommendation") !== "");
      if (next !== undefined) this.#recommendationColumns(next);
    }
    const rec = this.groups.current();
    if (rec === null)
      this.problems.error(
        { row },
        `Action ${quote(text)} comes before any recommendation or heading, so it belongs to none.`,
      );
    return rec;
  }

  #dataRow(row: number): void {
    this.#recommendationColumns(row);
    const actionText = this.#rows.get(row, "action");
    const milestoneText = this.#rows.get(row, "milestone");
    const ref = this.#rows.get(row, "ref");
    if (actionText === "" && milestoneText === "") {
      if (DETAIL_ROLES.some((role) => this.#raw(row, role) !== ""))
        this.problems.warning({ row }, "The row has no action text, so it is not imported.");
      return;
    }
    if (actionText !== "" && milestoneText === "" && this.#milestonesFollow && this.#parent !== null) {
      this.#addMilestone(row, actionText, ref, this.#parent);
      return;
    }
    if (actionText === "") {
      if (this.#parent === null)
        this.problems.error(
          { row },
          `Milestone ${quote(milestoneText)} has no parent: no action comes before it under its recommendation or heading.`,
        );
      else this.#addMilestone(row, milestoneText, ref, this.#parent);
      return;
    }
    const rec = this.#recommendation(row, actionText);
    if (rec === null) return;
    const workstream = this.#rows.get(row, "workstream");
    if (workstream !== "" && this.#part?.workstreams === "label") {
      this.#addAction(row, rec, `${workstream}: ${actionText}`, ref, milestoneText === "");
    } else if (workstream !== "") {
      const holder = this.#workstream(row, rec, workstream);
      const activity = this.#addMilestone(row, actionText, ref, holder);
      this.#parent = holder;
      if (milestoneText !== "") this.#addMilestone(row, milestoneText, "", { action: activity, rec });
      return;
    } else this.#addAction(row, rec, actionText, ref, milestoneText === "");
    const parent = this.#parent;
    if (milestoneText !== "" && parent !== null) this.#addMilestone(row, milestoneText, "", parent);
  }

  /** The action a named workstream is under its recommendation, made at its first activity. */
  #workstream(row: number, rec: Recommendation, name: string): { action: ImportAction; rec: Recommendation } {
    const key = `${rec.ref}\u0000${name.toLowerCase()}`;
    const known = this.#workstreamActions.get(key);
    if (known !== undefined) return known;
    const made = { action: this.#addAction(row, rec, name, "", false, true), rec };
    this.#workstreamActions.set(key, made);
    return made;
  }

  #singleRecommendation(): Recommendation {
    const rec = this.groups.recommendations[0];
    if (rec !== undefined) return rec;
    this.problems.warning(
      { row: null },
      `The sheet has no recommendation column or area headings, so every action goes under one recommendation, "${this.context.planTitle}".`,
    );
    return this.groups.single(this.context.planTitle);
  }

  #addAction(
    row: number,
    rec: Recommendation,
    text: string,
    written: string,
    details: boolean,
    bare = false,
  ): ImportAction {
    let ref = written;
    if (ref === "") {
      ref = this.#nextRef(rec.ref);
      this.problems.tally("action without ref", this.#rows.place(row, "ref"), ref, (count, refs) =>
        count === 1
          ? `Action ${quote(text)} has no ref, so it is given "${ref}".`
          : `${String(count)} actions have no ref, so they are numbered ${span(refs)} in the order they come.`,
      );
    }
    const action: ImportAction = { ref, text, sroPost: null, targetDateText: "" };
    this.#claim(ref, row);
    if (!bare) this.#details(row, action, details);
    rec.actions.push(action);
    this.#parent = { action, rec };
    this.#milestonesFollow = false;
    this.counts.actions += 1;
    return action;
  }

  #addMilestone(
    row: number,
    text: string,
    written: string,
    parent: { action: ImportAction; rec: Recommendation },
  ): ImportAction {
    const under = parent.action.ref;
    let ref = written;
    if (ref === "" || LOCAL_MARKER.test(ref)) {
      const marker = LOCAL_MARKER.exec(ref)?.[1] ?? TEXT_MARKER.exec(text)?.[1];
      ref = marker === undefined ? this.#nextRef(under) : `${under}.${marker}`;
      const from = marker === undefined ? "has no ref" : `is marked "${written || marker}"`;
      this.problems.tally(
        `milestone ${marker === undefined ? "without ref" : "marked"}`,
        this.#rows.place(row, "ref"),
        ref,
        (count) =>
          count === 1
            ? `Milestone ${quote(text)} ${from}, so it is numbered "${ref}" under action ${under}.`
            : marker === undefined
              ? `${String(count)} milestones have no ref, so each is numbered under its action in the order they come ("${ref}" is the first).`
              : `${String(count)} milestones are marked only within their action ("(a)", "ii"), so each is numbered under its action ("${ref}" is the first).`,
      );
    }
    const milestone: ImportAction = { ref, text, sroPost: null, targetDateText: "", parentRef: under };
    this.#claim(ref, row);
    this.#details(row, milestone, true);
    parent.rec.actions.push(milestone);
    this.counts.milestones += 1;
    return milestone;
  }

  #claim(ref: string, row: number): void {
    const first = this.#refs.get(ref);
    const sheet = this.#rows.sheet.name;
    if (first === undefined) this.#refs.set(ref, { sheet, row });
    else
      this.problems.error(
        this.#rows.place(row, "ref"),
        `Ref "${ref}" is used twice: on row ${String(first.row)}${first.sheet === sheet ? "" : ` of sheet "${first.sheet}"`} and on row ${String(row)}.`,
      );
  }

  /** The next free "<prefix>.<n>", skipping refs written anywhere in the plan. */
  #nextRef(prefix: string): string {
    let n = this.#generated.get(prefix) ?? 0;
    let ref: string;
    do {
      n += 1;
      ref = prefix === "" ? String(n) : `${prefix}.${n}`;
    } while (this.#written.has(ref) || this.#refs.has(ref));
    this.#generated.set(prefix, n);
    return ref;
  }

  /** The SRO, target date, completion date and first update; an action holding milestones gets the first two. */
  #details(row: number, action: ImportAction, all: boolean): void {
    const sro = this.#rows.get(row, "sro");
    if (sro !== "" && this.#part !== null) {
      this.#sroOf.push({ action, text: sro });
      this.#sroRows.set(sro, [...(this.#sroRows.get(sro) ?? []), row]);
      if (!this.#sroFirst.has(sro))
        this.#sroFirst.set(sro, { sheet: this.#rows.sheet.name, row, part: this.#part });
    }
    if (readDetails(this.#rows, row, action, all, this.context, this.problems)) this.counts.updates += 1;
  }
}
