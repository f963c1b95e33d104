// The Word report's sections, top to bottom: title page, headline figures with the status chart, what changed
// since the last report, and Appendix A. Each returns its blocks; docx.ts puts them in the document.
import { HeadingLevel, ImageRun, Paragraph } from "docx";
import type { Table } from "docx";
import { formatUkDate } from "../domain/iso-date.ts";
import type { IsoDate } from "../domain/types.ts";
import { drawStatusChart } from "./chart.ts";
import type { CellLine, Column } from "./docx-parts.ts";
import {
  dataTable,
  heading,
  LANDSCAPE_WIDTH,
  para,
  PORTRAIT_WIDTH,
  STYLE,
  textRuns,
  widths,
} from "./docx-parts.ts";
import type {
  ActionMention,
  ReportActionLine,
  DateMove,
  HeadlineFigure,
  MissingUpdates,
  ReportModel,
} from "./types.ts";

export type Block = Paragraph | Table;

const ukDate = (date: IsoDate | null): string => (date === null ? "" : formatUkDate(date));

/** "Q1 2024/25 progress report": the period's title, saying it is a report unless it already does. */
export function reportName(model: ReportModel): string {
  return /\breport\b/i.test(model.periodTitle) ? model.periodTitle : `${model.periodTitle} progress report`;
}

/** The title page: the plan, the period, the committee date, the figures' day and when it was produced. */
export function titlePage(model: ReportModel): Block[] {
  const previous = model.previous
    ? `Compared with the previous report: ${model.previous.title} (figures as of ${formatUkDate(model.previous.asOf)})`
    : "This is the first report on this plan, so there is no earlier report to compare with.";
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(model.planTitle) }),
    para(reportName(model), { style: STYLE.subtitle }),
    para(`Report date: ${formatUkDate(model.reportDate)}`),
    para(`Figures as of: ${formatUkDate(model.asOf)}`),
    para(previous),
    para(`Produced on ${formatUkDate(model.producedOn)} by Action Plan Tracker`),
  ];
}

/** Headline figures now and at the previous report, then the status chart and its figures as a table. */
export function headlineSection(model: ReportModel): Block[] {
  const before = model.previous ? `At ${model.previous.title}` : null;
  const shares = before ? [5, 2, 2] : [6, 3];
  const w = widths(PORTRAIT_WIDTH, shares);
  const columns: Column<HeadlineFigure>[] = [
    { label: "Figure", width: w[0] ?? 0, cell: (row) => row.label },
    { label: "Now", width: w[1] ?? 0, cell: (row) => row.now },
  ];
  if (before) columns.push({ label: before, width: w[2] ?? 0, cell: (row) => row.before });
  const intro = model.previous
    ? `The figures as of ${formatUkDate(model.asOf)}, beside those at the previous report, ${model.previous.title} (as of ${formatUkDate(model.previous.asOf)}).`
    : `The figures as of ${formatUkDate(model.asOf)}.`;
  return [
    heading("Headline figures", 1, { newPage: true }),
    para(intro),
    dataTable(columns, model.headline),
    ...statusChart(model),
  ];
}

function statusChart(model: ReportModel): Block[] {
  const chart = drawStatusChart(model.byStatus.map((row) => ({ status: row.status, count: row.now })));
  const w = widths(PORTRAIT_WIDTH, model.previous ? [5, 2, 2] : [6, 3]);
  type StatusRow = ReportModel["byStatus"][number];
  const columns: Column<StatusRow>[] = [
    { label: "Status", width: w[0] ?? 0, cell: (row) => row.status },
    { label: "Actions now", width: w[1] ?? 0, cell: (row) => String(row.now) },
  ];
  if (model.previous) {
    columns.push({
      label: `At ${model.previous.title}`,
      width: w[2] ?? 0,
      cell: (row) => (row.before === null ? "" : String(row.before)),
    });
  }
  return [
    heading("Actions by status", 2),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: chart.png,
          transformation: { width: chart.width, height: chart.height },
          altText: { name: "Status chart", title: "Actions by status", description: model.chartAltText },
        }),
      ],
    }),
    para("The same figures as a table:", { keepNext: true }),
    dataTable(columns, model.byStatus),
  ];
}

const mentionColumns = (shares: readonly number[]): Column<ActionMention>[] => {
  const w = widths(PORTRAIT_WIDTH, shares);
  return [
    { label: "No.", width: w[0] ?? 0, cell: (row) => row.ref },
    { label: "Action", width: w[1] ?? 0, cell: (row) => row.text },
    { label: "SRO post", width: w[2] ?? 0, cell: (row) => row.sroPost },
  ];
};

/** "Since the last report": completed, newly overdue, target dates moved and updates not received. */
export function sinceSection(model: ReportModel): Block[] {
  const { previous, since } = model;
  if (!previous) {
    return [
      heading("Since the last report", 1, { newPage: true }),
      para("This is the first report on this plan, so there is no earlier report to compare with."),
    ];
  }
  const window = `between ${formatUkDate(previous.asOf)} (the figures for ${previous.title}) and ${formatUkDate(model.asOf)}`;
  const completed: Column<ActionMention & { on: IsoDate | null }>[] = [
    ...mentionColumns([1, 5, 2.2, 1.8]),
    {
      label: "Completed on",
      width: widths(PORTRAIT_WIDTH, [1, 5, 2.2, 1.8])[3] ?? 0,
      cell: (row) => ukDate(row.on),
    },
  ];
  return [
    heading("Since the last report", 1, { newPage: true }),
    para(`What changed ${window}.`),
    heading("Actions completed", 2),
    ...listOrSentence(since.completed, completed, "No actions were completed in this time."),
    heading("Newly overdue", 2),
    ...listOrSentence(
      since.newlyOverdue,
      mentionColumns([1, 6, 2.5]),
      "No actions became overdue in this time.",
    ),
    heading("Target dates moved", 2),
    ...listOrSentence(since.datesMoved, moveColumns(), "No target dates were moved in this time."),
    heading("No update received", 2),
    ...listOrSentence(
      since.noUpdate,
      missingColumns(),
      `Every update due for ${model.periodTitle} had been received by ${formatUkDate(model.asOf)}.`,
    ),
  ];
}

function listOrSentence<T>(rows: readonly T[], columns: readonly Column<T>[], none: string): Block[] {
  return rows.length === 0 ? [para(none)] : [dataTable(columns, rows)];
}

function moveColumns(): Column<DateMove>[] {
  const w = widths(PORTRAIT_WIDTH, [0.9, 3, 1.1, 1.1, 2.6, 1.8]);
  return [
    { label: "No.", width: w[0] ?? 0, cell: (row) => row.ref },
    { label: "Action", width: w[1] ?? 0, cell: (row) => row.text },
    { label: "Old date", width: w[2] ?? 0, cell: (row) => row.from },
    { label: "New date", width: w[3] ?? 0, cell: (row) => row.to },
    { label: "Reason", width: w[4] ?? 0, cell: (row) => row.reason },
    {
      label: "Approved by",
      width: w[5] ?? 0,
      cell: (row) => [{ text: row.approvedBy }, { text: `on ${formatUkDate(row.approvedOn)}`, note: true }],
    },
  ];
}

function missingColumns(): Column<MissingUpdates>[] {
  const w = widths(PORTRAIT_WIDTH, [2.2, 2, 5.5]);
  return [
    { label: "SRO post", width: w[0] ?? 0, cell: (row) => row.sroPost },
    { label: "Held by", width: w[1] ?? 0, cell: (row) => row.holder ?? "Vacant" },
    {
      label: "Actions without an update",
      width: w[2] ?? 0,
      cell: (row) => row.actions.map((action): CellLine => ({ text: `${action.ref} ${action.text}` })),
    },
  ];
}

/** Appendix A: every action and milestone by recommendation, with its latest update (landscape pages). */
export function appendixSection(model: ReportModel): Block[] {
  const blocks: Block[] = [
    heading("Appendix A: progress on each action", 1),
    para(
      `Each action and milestone with its target date and latest progress update as of ${formatUkDate(model.asOf)}, by recommendation.`,
    ),
  ];
  for (const group of model.appendix) {
    blocks.push(heading(`Recommendation ${group.ref}: ${group.title}`, 2));
    blocks.push(
      ...listOrSentence(group.rows, appendixColumns(), "This recommendation has no actions recorded."),
    );
  }
  return blocks;
}

function appendixColumns(): Column<ReportActionLine>[] {
  const w = widths(LANDSCAPE_WIDTH, [0.8, 3.4, 1.9, 1.2, 5.2, 1.5]);
  return [
    { label: "No.", width: w[0] ?? 0, cell: (row) => row.ref },
    {
      label: "Action",
      width: w[1] ?? 0,
      cell: (row) =>
        row.milestoneOf === null
          ? row.text
          : [{ text: `Milestone of ${row.milestoneOf}`, note: true }, { text: row.text }],
    },
    {
      label: "SRO",
      width: w[2] ?? 0,
      cell: (row) => [
        ...(row.sroPost === null ? [] : [{ text: row.sroPost }]),
        ...(row.sro === null ? [] : [{ text: row.sro, note: true }]),
      ],
    },
    { label: "Target date", width: w[3] ?? 0, cell: (row) => row.targetDateText },
    {
      label: "Progress update",
      width: w[4] ?? 0,
      cell: (row) => [
        ...(row.progressUpdate === null ? [] : [{ text: row.progressUpdate }]),
        ...(row.updateDate === null
          ? []
          : [{ text: `Update of ${formatUkDate(row.updateDate)}`, note: true }]),
      ],
    },
    { label: "Completed", width: w[5] ?? 0, cell: completedCell },
  ];
}

function completedCell(row: ReportActionLine): CellLine[] {
  if (row.withdrawnOn !== null) {
    return [
      { text: `Withdrawn on ${formatUkDate(row.withdrawnOn)}` },
      ...(row.withdrawnReason === null ? [] : [{ text: row.withdrawnReason, note: true }]),
    ];
  }
  return row.completedOn === null ? [] : [{ text: formatUkDate(row.completedOn) }];
}
