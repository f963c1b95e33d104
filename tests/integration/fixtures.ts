// Shared set-up for the integration tests: a sandbox with the app's lists provisioned, data access as a
// chosen person, and plans to import (the real LGA plan, or generated ones of any size).
import type { SPFI } from "@pnp/sp";
import { isoDate, type IsoDate, inferReportedStatus } from "../../src/domain/index.ts";
import { seedPlan, SEED_AS_OF } from "../../src/domain/testdata/lga-cpc-2023.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import type { SandboxOptions } from "../../src/sandbox/server.ts";
import { createSharePoint, dataContext, type DataContext } from "../../src/sharepoint/core/index.ts";
import type { PlanImport } from "../../src/sharepoint/import/index.ts";
import { provisionSite } from "../../src/sharepoint/provision/index.ts";
import { openSandbox, type Principal } from "../support/targets.ts";

export interface Provisioned {
  target: Awaited<ReturnType<typeof openSandbox>>;
  sp: (as?: Principal) => SPFI;
  ctx: (as?: Principal) => DataContext;
  /** SharePoint requests the sandbox has answered so far (a $batch counts once). */
  requests: () => number;
}

/** A sandbox with the app's lists provisioned by the site owner. */
export async function openProvisioned(
  options: Partial<SandboxOptions> = {},
  pageSize?: number,
): Promise<Provisioned> {
  const target = await openSandbox(options);
  const sp = (as: Principal = "owner") =>
    createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token(as) });
  await provisionSite(sp("owner"));
  return {
    target,
    sp,
    ctx: (as = "owner") => dataContext(sp(as), pageSize === undefined ? {} : { pageSize }),
    requests: () => target.sandbox.stats.sharePointRequests,
  };
}

/** Requests made while `body` runs. */
export async function countRequests<T>(
  env: Provisioned,
  body: () => Promise<T>,
): Promise<{ result: T; requests: number }> {
  const before = env.requests();
  const result = await body();
  return { result, requests: env.requests() - before };
}

/** The directory's SROs (site Members), who hold the plan's posts in the fixtures. */
export const MEMBERS = DIRECTORY.filter((p) => p.siteGroup === "Members").map((p) => p.upn.toLowerCase());

/** The real LGA Corporate Peer Challenge plan (18 recommendations, 64 actions), its posts held by Members. */
export function lgaPlan(): PlanImport {
  const posts = [
    ...new Set(
      seedPlan.recommendations.flatMap((r) => r.actions.flatMap((a) => (a.sro === null ? [] : [a.sro]))),
    ),
  ];
  return {
    plan: { title: seedPlan.plan.title, referenceDate: SEED_AS_OF },
    posts: posts.map((title, i) => ({ title, holderUpn: MEMBERS[i % MEMBERS.length] ?? null })),
    recommendations: seedPlan.recommendations.map((r) => ({
      ref: String(r.number),
      title: r.title,
      description: r.description,
      actions: r.actions.map((a) => ({
        ref: a.ref,
        text: a.text,
        sroPost: a.sro,
        targetDateText: a.targetDate ?? "",
        update: {
          date: SEED_AS_OF,
          text: a.progressUpdate,
          reportedStatus: inferReportedStatus(a.progressUpdate),
        },
      })),
    })),
  };
}

/** A generated plan: `recommendations` x `perRecommendation` actions over the given posts. */
export function generatedPlan(
  title: string,
  recommendations: number,
  perRecommendation: number,
  posts: readonly string[],
  referenceDate: IsoDate = isoDate("2024-04-09"),
): PlanImport {
  return {
    plan: { title, referenceDate },
    posts: posts.map((p, i) => ({ title: p, holderUpn: MEMBERS[i % MEMBERS.length] ?? null })),
    recommendations: Array.from({ length: recommendations }, (_, r) => ({
      ref: String(r + 1),
      title: `${title} recommendation ${String(r + 1)}`,
      description: "",
      actions: Array.from({ length: perRecommendation }, (_, a) => ({
        ref: `${String(r + 1)}.${String(a + 1)}`,
        text: `${title} action ${String(r + 1)}.${String(a + 1)}`,
        sroPost: posts[(r + a) % posts.length] ?? null,
        targetDateText: ["May-24", "Sept-24", "Ongoing", "Jan to March 24"][a % 4] ?? "TBC",
        update: {
          date: referenceDate,
          text: `Update for ${String(r + 1)}.${String(a + 1)}`,
          reportedStatus: "On target",
        },
      })),
    })),
  };
}
