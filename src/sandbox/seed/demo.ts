// The demo plan: the LGA Corporate Peer Challenge 2023 action plan as its April 2024 progress report left
// it, loaded through the app's own provisioning and import code (PnPjs over HTTP) as a coordinator would.
import { z } from "zod";
import seed from "../../../data/lga-cpc-2023-progress-april-2024.json" with { type: "json" };
import { inferReportedStatus, isoDate, type IsoDate } from "../../domain/index.ts";
import { createSharePoint, dataContext, type SkippedItem } from "../../sharepoint/core/index.ts";
import { importPlan, type ImportPost, type PlanImport } from "../../sharepoint/import/index.ts";
import { closePeriod, createPeriod, loadPeriods } from "../../sharepoint/periods/index.ts";
import { listPlans } from "../../sharepoint/plans/index.ts";
import { provisionSite } from "../../sharepoint/provision/index.ts";
import { DIRECTORY, postHolders } from "../directory.ts";

/** The report's own date, 09/04/24: the first period's updates were written by then. */
export const DEMO_REPORT_DATE = isoDate(seed.plan.asOf);
/** The demo's default "today": the day after the report. */
export const DEMO_TODAY = isoDate("2024-04-10");

const seedSchema = z.object({
  plan: z.object({ title: z.string(), asOf: z.string() }),
  recommendations: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      description: z.string(),
      actions: z.array(
        z.object({
          ref: z.string(),
          text: z.string(),
          sro: z.string().nullable(),
          targetDate: z.string().nullable(),
          progressUpdate: z.string().nullable(),
        }),
      ),
    }),
  ),
});

/**
 * The SRO column as written ("CEO/Monitoring Officer") is the post; its holder is whoever holds the first
 * post it names. The text is kept exactly, so the plan still reads as the council wrote it.
 */
function postsOf(plan: z.infer<typeof seedSchema>): ImportPost[] {
  const titles = [
    ...new Set(
      plan.recommendations
        .flatMap((r) => r.actions.map((a) => a.sro))
        .filter((s): s is string => s !== null && s.trim() !== ""),
    ),
  ];
  return titles.map((title) => {
    const holder = postHolders(title)[0];
    if (holder === undefined) throw new Error(`The demo directory has nobody holding "${title}".`);
    return { title, holderUpn: holder.upn };
  });
}

/** The seed file as a plan import: every recommendation, action and April 2024 update, text exactly as written. */
export function demoPlanImport(): PlanImport {
  const plan = seedSchema.parse(seed);
  const updateDate: IsoDate = DEMO_REPORT_DATE;
  return {
    plan: { title: plan.plan.title, referenceDate: DEMO_REPORT_DATE },
    periods: [
      {
        title: "April 2024 progress report",
        startsOn: isoDate("2024-01-01"),
        updateDeadline: DEMO_REPORT_DATE,
        reportDate: DEMO_REPORT_DATE,
      },
    ],
    posts: postsOf(plan),
    recommendations: plan.recommendations.map((r) => ({
      ref: String(r.number),
      title: r.title,
      description: r.description,
      actions: r.actions.map((a) => ({
        ref: a.ref,
        text: a.text,
        sroPost: a.sro !== null && a.sro.trim() !== "" ? a.sro : null,
        targetDateText: a.targetDate ?? "",
        update:
          a.progressUpdate === null || a.progressUpdate.trim() === ""
            ? null
            : {
                date: updateDate,
                text: a.progressUpdate,
                reportedStatus: inferReportedStatus(a.progressUpdate),
              },
      })),
    })),
  };
}

/** The coordinator who loads the demo plan (a site Owner in the directory). */
export function demoCoordinator(): string {
  const owner = DIRECTORY.find((p) => p.siteGroup === "Owners");
  if (owner === undefined) throw new Error("The demo directory has no coordinator.");
  return owner.upn;
}

export interface SeedResult {
  seeded: boolean;
  planTitle: string;
  actions: number;
  /** Items already on the site that could not be read (someone wrote them by hand): left out, for saying. */
  skipped: SkippedItem[];
}

/**
 * Provision the site and load the demo plan unless a plan is already there: the April 2024 period is
 * closed as of the report date, and the next one, "Q1 2024/25", is opened so that SROs have updates due.
 */
export async function seedDemo(siteUrl: string, token: () => Promise<string>): Promise<SeedResult> {
  const sp = createSharePoint({ siteUrl, getToken: token });
  await provisionSite(sp);
  const ctx = dataContext(sp);
  const input = demoPlanImport();
  const actions = input.recommendations.reduce((n, r) => n + r.actions.length, 0);
  // A plan that cannot be read is still a plan there, and so is one whose import has not finished: the
  // demo is not loaded over someone's own data.
  const plans = await listPlans(ctx, { includeUnfinished: true });
  if (plans.length > 0 || ctx.warnings.items.length > 0)
    return { seeded: false, planTitle: input.plan.title, actions, skipped: ctx.warnings.items };
  const result = await importPlan(ctx, input);
  const [april] = await loadPeriods(ctx, result.planId);
  if (april === undefined) throw new Error("The demo's first reporting period was not created.");
  await closePeriod(ctx, april, DEMO_REPORT_DATE);
  // The next period is the demo's own choice (the report does not give one): updates due 5 June 2024 for a
  // report on 18 June, so reminders have something to chase on the demo's dates.
  await createPeriod(ctx, result.planId, {
    title: "Q1 2024/25 progress report",
    startsOn: "2024-04-10",
    updateDeadline: "2024-06-05",
    reportDate: "2024-06-18",
  });
  return { seeded: true, planTitle: input.plan.title, actions, skipped: ctx.warnings.items };
}
