// `actionplan report`: the committee report pack for a period, as Word, Excel or CSV, from the same report
// core the tab uses (src/report). Two reads: the plan's periods (to choose the one reported on and the one
// before it), then everything else in one $batch (src/sharepoint/reports/report-data.ts).
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import type { IsoDate, ReportingPeriod } from "../../domain/index.ts";
import {
  buildReport,
  choosePeriods,
  renderReport,
  reportFileName,
  ReportPeriodError,
  REPORT_FORMATS,
} from "../../report/index.ts";
import { loadPeriods } from "../../sharepoint/periods/index.ts";
import { loadReportInput } from "../../sharepoint/reports/index.ts";
import { findPlan, planOption, sayIfUnfinished } from "../admin.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import { anyPlanSpec, asSpec, siteSpec } from "../common-options.ts";
import { connect, reportRemoteFailure, reportSkipped, siteSchema, todayFor } from "../site.ts";

const specs = {
  site: siteSpec,
  plan: { ...anyPlanSpec, value: "TITLE|ID" },
  period: {
    type: "string",
    value: "TITLE",
    help: [
      `the reporting period, e.g. "Q1 2024/25" (any case); default: the open period, else`,
      "the latest closed one",
    ],
  },
  format: {
    type: "string",
    value: "FORMAT",
    help: [
      "docx (Word: the report pack), xlsx (Excel: Summary, Actions and Updates sheets) or",
      "csv (the Actions sheet, UTF-8 for Excel)",
    ],
  },
  out: {
    type: "string",
    value: "FILE",
    help: `where to write it (default: "<plan> - <period>.<format>" in this folder)`,
  },
  as: asSpec,
} as const satisfies OptionSpecs;

const help = `Usage: actionplan report --site <url> --plan <title or id> [--period <title>]
                         --format docx|xlsx|csv [--out FILE] [--as <upn>]

Writes the committee report for a reporting period: the headline figures beside the last report's, the
status chart, what changed since the last report (completed, newly overdue, target dates moved, no update
received, by SRO post) and the Appendix A table grouped by recommendation. A closed period reports its
frozen figures; an open one, today's. Progress goes to stderr.

${optionsHelp(specs)}`;

const FORMAT_WORDS = "choose docx (Word), xlsx (Excel) or csv";

const schema = siteSchema.extend({
  plan: planOption,
  period: z.string().trim().min(1, 'name the period, e.g. "Q1 2024/25"').optional(),
  format: z.enum(REPORT_FORMATS, { error: () => FORMAT_WORDS }),
  out: z.string().trim().min(1, "give a file name").optional(),
});

function kilobytes(bytes: number): string {
  return (bytes / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** The period reported on and the one before it; a title that names none is the user's to fix. */
function periodsFor(
  periods: readonly ReportingPeriod[],
  title: string | undefined,
): { period: ReportingPeriod; previous: ReportingPeriod | null } {
  try {
    return choosePeriods(periods, title);
  } catch (error) {
    if (error instanceof ReportPeriodError) throw new UsageError(error.message);
    throw error;
  }
}

export const reportCommand: Command = defineCommand({
  name: "report",
  summary: "write a period's committee report as Word, Excel or CSV",
  help,
  options: specs,
  schema: schema,
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    const progress = (step: string) => {
      console.error(`  ${step}`);
    };
    try {
      const today = (await todayFor(options.site)) as IsoDate;
      const plan = await findPlan(ctx, options.plan);
      sayIfUnfinished("report", plan);
      progress(`Reading "${plan.title}"`);
      const chosen = periodsFor(await loadPeriods(ctx, plan.id), options.period);
      const input = await loadReportInput(ctx, plan.id, chosen.period, chosen.previous, today);
      const model = buildReport(input);
      const bytes = await renderReport(model, options.format, progress);
      const file = resolve(options.out ?? reportFileName(model, options.format));
      await writeFile(file, bytes);
      reportSkipped("report", ctx);
      console.log(`Wrote ${file} (${kilobytes(bytes.byteLength)} KB)`);
      return 0;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportRemoteFailure("report", error);
    }
  },
});
