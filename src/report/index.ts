// The committee report's public surface: choose the period, build the model once, write it as Word, Excel or
// CSV. Pure: data in, bytes out. The writers (and their libraries, docx and ExcelJS) load on first use, so
// nothing here weighs on the tab's first screen.
import type { ReportFormat, ReportModel, ReportProgress } from "./types.ts";
import type { TableWorkbook } from "./xlsx.ts";

export { buildReport } from "./build.ts";
export { choosePeriods, ReportPeriodError } from "./periods.ts";
export { REPORT_FORMATS } from "./types.ts";
export type * from "./types.ts";

/** The media type of each format, for a download or a Content-Type. */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv;charset=utf-8",
};

/** The report as a file's bytes, in the format asked for; `onProgress` hears each step. */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
  onProgress: ReportProgress = () => undefined,
): Promise<Uint8Array> {
  switch (format) {
    case "docx":
      return (await import("./docx.ts")).writeDocx(model, onProgress);
    case "xlsx":
      return (await import("./xlsx.ts")).writeXlsx(model, onProgress);
    case "csv":
      return (await import("./csv.ts")).writeCsv(model, onProgress);
  }
}

/** A file name an officer can keep: "Corporate Peer Challenge - Q1 2024-25 progress report.docx". */
export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const safe = (text: string) =>
    text
      // Control characters are exactly what a file name must not hold.
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 100);
  return `${safe(model.planTitle)} - ${safe(model.periodTitle)}.${format}`;
}

/** A table (the plan table's rows and columns as shown) as an Excel workbook's bytes, with the report's writer. */
export async function renderTableXlsx<Row>(table: TableWorkbook<Row>): Promise<Uint8Array> {
  return (await import("./xlsx.ts")).writeTableXlsx(table);
}

export type { TableWorkbook } from "./xlsx.ts";
export type { ReportColumn } from "./columns.ts";
