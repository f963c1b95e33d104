// The flat Actions table's columns, shared by the Excel sheet and the CSV so the two always agree.
import type { IsoDate } from "../domain/types.ts";
import type { ReportActionLine, ReportUpdateLine } from "./types.ts";

export type CellKind = "text" | "date" | "number";

/** One column: its header, a width in characters for Excel, and what each row holds in it. */
export interface ReportColumn<Row> {
  header: string;
  width: number;
  kind: CellKind;
  /** Text exactly as written, a day, a number, or null for an empty cell. */
  value: (row: Row) => string | IsoDate | number | null;
}

const text = <Row>(header: string, width: number, value: (row: Row) => string | null): ReportColumn<Row> => ({
  header,
  width,
  kind: "text",
  value,
});
const date = <Row>(header: string, value: (row: Row) => IsoDate | null): ReportColumn<Row> => ({
  header,
  width: 14,
  kind: "date",
  value,
});
const number = <Row>(
  header: string,
  width: number,
  value: (row: Row) => number | null,
): ReportColumn<Row> => ({
  header,
  width,
  kind: "number",
  value,
});

/** One row per action and milestone: Appendix A's columns, flat, with what a filter needs beside them. */
export const ACTION_COLUMNS: readonly ReportColumn<ReportActionLine>[] = [
  text("Recommendation no.", 10, (r) => r.recommendationRef),
  text("Recommendation", 40, (r) => r.recommendationTitle),
  text("No.", 8, (r) => r.ref),
  text("Milestone of", 10, (r) => r.milestoneOf),
  text("Action", 60, (r) => r.text),
  text("SRO post", 28, (r) => r.sroPost),
  text("SRO", 22, (r) => r.sro),
  text("Target date (as written)", 16, (r) => r.targetDateText),
  date("Target date", (r) => r.targetDate),
  text("Status", 12, (r) => r.status),
  number("% complete", 10, (r) => r.percentComplete),
  text("Progress update", 80, (r) => r.progressUpdate),
  date("Update date", (r) => r.updateDate),
  date("Completed", (r) => r.completedOn),
  date("Withdrawn on", (r) => r.withdrawnOn),
  text("Withdrawn because", 30, (r) => r.withdrawnReason),
];

/** The Updates sheet: each update given for the period. */
export const UPDATE_COLUMNS: readonly ReportColumn<ReportUpdateLine>[] = [
  text("No.", 8, (u) => u.actionRef),
  text("Action", 50, (u) => u.actionText),
  date("Date", (u) => u.date),
  text("Status reported", 14, (u) => u.status),
  number("% complete", 10, (u) => u.percentComplete),
  text("Update", 80, (u) => u.text),
  text("Evidence", 40, (u) => u.evidenceUrl),
  text("Given by", 22, (u) => u.author),
];
