// The committee report page's data and its one action. On opening: the site's plans and the plan's reporting
// periods (two requests). On "Download": the report's data in one batch (src/sharepoint/reports/report-data.ts), then
// the report core, loaded only now (it brings docx or ExcelJS with it), builds the model and writes the file,
// saying each step. The file is handed to the browser as a Blob through an <a download> click: in Teams on
// the web and the desktop client (both Chromium-based) that saves it like any download; the tab's iframe
// carries no sandbox attribute that would block it.
import { useCallback, useRef, useState } from "react";
import type { IsoDate } from "../../../domain/iso-date.ts";
import { withOwnWarnings, type DataContext } from "../../../sharepoint/core/index.ts";
import { loadPeriods } from "../../../sharepoint/periods/index.ts";
import { listPlans } from "../../../sharepoint/plans/index.ts";
import type { PeriodRecord, PlanRecord } from "../../../sharepoint/schema/index.ts";
import { loadReportInput } from "../../../sharepoint/reports/index.ts";
import { choosePeriods, ReportPeriodError } from "../../../report/periods.ts";
import type { ReportFormat } from "../../../report/types.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { saveFile } from "../../lib/save-file.ts";
import { useRemote } from "../../lib/use-remote.ts";

export interface ReportSetup {
  /** Null when the site has no plans, or the one asked for is not there. */
  plan: PlanRecord | null;
  /** The plan's periods, newest first. */
  periods: PeriodRecord[];
  /** The period chosen when the page opens (as the CLI chooses with no --period); null with no periods. */
  defaultPeriodId: string | null;
}

/**
 * The plan (by id, else the first live one), its periods newest first, and the period chosen at first. The
 * page is the coordinators', so a plan whose import has not finished is there too (with a notice).
 */
export async function loadSetup(base: DataContext, planId: string | null): Promise<ReportSetup> {
  const ctx = withOwnWarnings(base);
  const plans = await listPlans(ctx, { includeArchived: true, includeUnfinished: true });
  const plan =
    planId === null
      ? (plans.find((p) => !p.archived && !p.importUnfinished) ?? plans[0] ?? null)
      : (plans.find((p) => p.id === planId) ?? null);
  if (plan === null) return { plan: null, periods: [], defaultPeriodId: null };
  const periods = (await loadPeriods(ctx, plan.id)).sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
  return {
    plan,
    periods,
    defaultPeriodId: periods.length === 0 ? null : choosePeriods(periods).period.id,
  };
}

/** The plan (by id, else the first not archived) and its reporting periods. */
export function useReportSetup(planId: string | null) {
  const ctx = useDataContext();
  return useRemote(`report-setup:${planId ?? ""}`, () => loadSetup(ctx, planId));
}

export type ReportRun =
  | { state: "idle" }
  | { state: "working"; step: string }
  | { state: "done"; fileName: string; kilobytes: number }
  | { state: "failed"; message: string };

/** Words for a failure to make the report. */
export function reportFailure(error: unknown): string {
  if (error instanceof ReportPeriodError) return error.message;
  return `The report could not be made. ${describeError(error)}`;
}

export interface MadeReport {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
}

/**
 * The report on `periodId` of the set-up's plan in `format`: the report core loaded now, the data in one
 * batch, each step said through `onStep`. Throws a ReportPeriodError (in words) for a period not there.
 */
export async function makeReport(
  ctx: DataContext,
  setup: ReportSetup,
  request: { periodId: string; format: ReportFormat; today: IsoDate },
  onStep: (step: string) => void,
): Promise<MadeReport> {
  const { plan } = setup;
  const chosen = setup.periods.find((p) => p.id === request.periodId);
  if (plan === null || chosen === undefined)
    throw new ReportPeriodError("Choose a reporting period to report on.");
  onStep("Loading the report tools");
  const report = await import("../../../report/index.ts");
  const { period, previous } = choosePeriods(setup.periods, chosen.title);
  onStep(`Reading ${plan.title} from SharePoint`);
  const input = await loadReportInput(withOwnWarnings(ctx), plan.id, period, previous, request.today);
  onStep("Working out the figures");
  const model = report.buildReport(input);
  const bytes = await report.renderReport(model, request.format, onStep);
  return {
    bytes,
    fileName: report.reportFileName(model, request.format),
    mediaType: report.REPORT_MEDIA_TYPES[request.format],
  };
}

/** Make the report on `periodId` of the plan in `format` and download it, with progress in words. */
export function useReportDownload(setup: ReportSetup) {
  const ctx = useDataContext();
  const today = useToday();
  const [run, setRun] = useState<ReportRun>({ state: "idle" });
  const busy = useRef(false);

  const download = useCallback(
    async (periodId: string, format: ReportFormat) => {
      if (busy.current) return;
      busy.current = true;
      try {
        const { bytes, fileName, mediaType } = await makeReport(
          ctx,
          setup,
          { periodId, format, today },
          (step) => {
            setRun({ state: "working", step });
          },
        );
        saveFile(bytes, fileName, mediaType);
        setRun({ state: "done", fileName, kilobytes: Math.max(1, Math.round(bytes.length / 1024)) });
      } catch (error) {
        setRun({ state: "failed", message: reportFailure(error) });
      } finally {
        busy.current = false;
      }
    },
    [ctx, today, setup],
  );
  return { run, download };
}
