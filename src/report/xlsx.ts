// The report as an Excel workbook (ExcelJS, loaded on first use): a Summary sheet (the headline figures now
// and at the previous report, the statuses, what changed since), the flat Actions sheet (one row per action
// and milestone, filters on, header frozen, widths set, dates as real dates) and the Updates sheet. Every
// text is written as a plain string: ExcelJS makes a formula or a hyperlink only from an object saying so,
// so an update that reads "=HYPERLINK(…)" stays those characters.
import type { Workbook, Worksheet } from "exceljs";
import { dateParts, formatUkDate } from "../domain/iso-date.ts";
import type { IsoDate } from "../domain/types.ts";
import { interopDefault } from "../lib/interop.ts";
import { ACTION_COLUMNS, UPDATE_COLUMNS, type ReportColumn } from "./columns.ts";
import type { ActionMention, ReportModel, ReportProgress } from "./types.ts";

const DATE_FORMAT = "d mmm yyyy";

/** A day as ExcelJS writes it: UTC midnight, which it turns into the Excel serial for that day. */
function excelDate(date: IsoDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

type Value = string | number | Date | null;

/**
 * A row of values; text with carriage returns has them as line feeds, which is how Excel breaks lines in a
 * cell (the file's XML would turn a bare CR into a line feed on reading anyway).
 */
function addRow(sheet: Worksheet, values: readonly Value[]): ReturnType<Worksheet["addRow"]> {
  return sheet.addRow(values.map((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v)));
}

function boldRow(sheet: Worksheet, values: (string | number | null)[]): void {
  addRow(sheet, values).font = { bold: true };
}

/** A table sheet from columns: header row frozen and filtered, widths set, long text wrapped. */
function tableSheet<Row>(
  workbook: Workbook,
  name: string,
  columns: readonly ReportColumn<Row>[],
  rows: readonly Row[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style:
      c.kind === "date"
        ? { numFmt: DATE_FORMAT, alignment: { vertical: "top" } }
        : { alignment: { vertical: "top", wrapText: c.kind === "text" && c.width >= 20 } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows)
    addRow(
      sheet,
      columns.map((c) => {
        const value = c.value(row);
        if (value === null) return null;
        return c.kind === "date" ? excelDate(value as IsoDate) : value;
      }),
    );
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

const mention = (m: ActionMention): string[] => [m.ref, m.text, m.sroPost ?? ""];

function summarySheet(workbook: Workbook, model: ReportModel): void {
  const sheet = workbook.addWorksheet("Summary");
  sheet.columns = [{ width: 34 }, { width: 60 }, { width: 30 }, { width: 30 }, { width: 30 }, { width: 24 }];
  addRow(sheet, [model.planTitle]).font = { bold: true, size: 14 };
  addRow(sheet, ["Period", model.periodTitle]);
  addRow(sheet, ["Report date", formatUkDate(model.reportDate)]);
  addRow(sheet, ["Figures as of", formatUkDate(model.asOf)]);
  addRow(sheet, ["Compared with", model.previous ? model.previous.title : "No earlier report"]);
  addRow(sheet, ["Produced on", formatUkDate(model.producedOn)]);
  addRow(sheet, []);

  const before = model.previous ? `At ${model.previous.title}` : null;
  boldRow(sheet, before ? ["Figure", "Now", before] : ["Figure", "Now"]);
  for (const figure of model.headline)
    addRow(sheet, [figure.label, figure.now, ...(before ? [figure.before] : [])]);
  addRow(sheet, []);
  boldRow(sheet, before ? ["Status", "Actions now", before] : ["Status", "Actions now"]);
  for (const row of model.byStatus) addRow(sheet, [row.status, row.now, ...(before ? [row.before] : [])]);

  const list = (title: string, header: string[], rows: string[][], none: string): void => {
    addRow(sheet, []);
    addRow(sheet, [title]).font = { bold: true, size: 12 };
    if (rows.length === 0) {
      addRow(sheet, [none]);
      return;
    }
    boldRow(sheet, header);
    for (const row of rows) addRow(sheet, row);
  };
  const { since } = model;
  if (model.previous) {
    list(
      "Completed since the last report",
      ["No.", "Action", "SRO post", "Completed"],
      since.completed.map((c) => [...mention(c), c.on === null ? "" : formatUkDate(c.on)]),
      "No actions were completed in this time.",
    );
    list(
      "Newly overdue",
      ["No.", "Action", "SRO post"],
      since.newlyOverdue.map(mention),
      "No actions became overdue in this time.",
    );
    list(
      "Target dates moved",
      ["No.", "Action", "SRO post", "From → to", "Reason", "Approved by"],
      since.datesMoved.map((d) => [
        ...mention(d),
        `${d.from} → ${d.to}`,
        d.reason,
        `${d.approvedBy}, ${formatUkDate(d.approvedOn)}`,
      ]),
      "No target dates were moved in this time.",
    );
  }
  list(
    "No update received",
    ["SRO post", "Holder", "No.", "Action"],
    since.noUpdate.flatMap((g) => g.actions.map((a) => [g.sroPost, g.holder ?? "Vacant", a.ref, a.text])),
    "Every update due for this period has been received.",
  );
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
}

/** The workbook's bytes. */
export async function writeXlsx(model: ReportModel, onProgress: ReportProgress): Promise<Uint8Array> {
  onProgress("Loading the Excel writer");
  const { Workbook } = interopDefault(await import("exceljs"));
  const workbook: Workbook = new Workbook();
  workbook.title = `${model.planTitle}: ${model.periodTitle}`;
  workbook.subject = "Committee report";
  workbook.creator = "Action Plan Tracker";
  workbook.created = excelDate(model.producedOn);
  workbook.modified = excelDate(model.producedOn);
  onProgress("Writing the Summary sheet");
  summarySheet(workbook, model);
  onProgress(`Writing the Actions sheet (${String(model.rows.length)} rows)`);
  tableSheet(workbook, "Actions", ACTION_COLUMNS, model.rows);
  onProgress(`Writing the Updates sheet (${String(model.updates.length)} updates)`);
  tableSheet(workbook, "Updates", UPDATE_COLUMNS, model.updates);
  onProgress("Packing the workbook");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A table as its own workbook: one sheet, header frozen and filtered, as the report's Actions sheet is. */
export interface TableWorkbook<Row> {
  /** The workbook's title (File › Info), e.g. the plan's. */
  title: string;
  sheetName: string;
  producedOn: IsoDate;
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
}

/** The workbook's bytes: what the plan table shows, as "Export to Excel" writes it. */
export async function writeTableXlsx<Row>(table: TableWorkbook<Row>): Promise<Uint8Array> {
  const { Workbook } = interopDefault(await import("exceljs"));
  const workbook: Workbook = new Workbook();
  workbook.title = table.title;
  workbook.creator = "Action Plan Tracker";
  workbook.created = excelDate(table.producedOn);
  workbook.modified = excelDate(table.producedOn);
  // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
  tableSheet(workbook, table.sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31), table.columns, table.rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
