// What an import maps a file against, read once when the page opens: the site's SRO posts, the directory
// (Graph's /users, for SROs who hold no post yet), and, when updating a plan, the plan and the mapping its
// last import saved. The import core itself loads only once a file is chosen.
import { loadDirectoryWith, type DirectoryPerson } from "../../../notify/directory.ts";
import type { DataContext } from "../../../sharepoint/core/index.ts";
import { loadImportMapping, readSitePosts } from "../../../sharepoint/import/index.ts";
import { listPlans, type SroPostRecord } from "../../../sharepoint/plans/index.ts";
import type { PlanRecord } from "../../../sharepoint/schema/index.ts";
import { useDataContext, useGraphAccess } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";

export interface ImportSources {
  posts: SroPostRecord[];
  people: DirectoryPerson[];
  /** The plan being updated; null for a new plan. */
  plan: PlanRecord | null;
  savedMapping: string | null;
  /** Titles already used on the site (archived and unfinished plans too): a new plan must not take one. */
  planTitles: string[];
  /** Plans whose import has not finished, by title: importing into one again finishes it. */
  unfinishedTitles: string[];
}

async function loadSources(
  ctx: DataContext,
  planId: string | null,
  graph: { baseUrl: string; getToken: () => Promise<string> },
): Promise<ImportSources> {
  const [posts, people, plans] = await Promise.all([
    readSitePosts(ctx),
    loadDirectoryWith(graph),
    // Every plan: one being imported is updated (and finished) here, and no title may be taken twice.
    listPlans(ctx, { includeArchived: true, includeUnfinished: true }),
  ]);
  const plan = planId === null ? null : (plans.find((p) => p.id === planId) ?? null);
  if (planId !== null && plan === null) throw new Error("That plan is no longer on the site.");
  const savedMapping = plan === null ? null : await loadImportMapping(ctx, plan.id);
  return {
    posts,
    people,
    plan,
    savedMapping,
    planTitles: plans.map((p) => p.title),
    unfinishedTitles: plans.filter((p) => p.importUnfinished).map((p) => p.title),
  };
}

/** The posts, people and plan an import into `planId` (null: a new plan) is mapped against. */
export function useImportSources(planId: string | null) {
  const ctx = useDataContext();
  const { config, getGraphToken } = useGraphAccess();
  // Against the sandbox (its configuration names its clock) the sandbox's own Graph, as "Chase now" does.
  const baseUrl = config.clockUrl === undefined ? config.graphUrl : `${new URL(config.siteUrl).origin}/graph`;
  return useRemote(`import-sources:${planId ?? "new"}`, () =>
    loadSources(ctx, planId, { baseUrl, getToken: getGraphToken }),
  );
}
