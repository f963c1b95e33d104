// What the `plan rec …` and `plan action …` sub-commands share: one plan's structure read once (its
// recommendations with their ETags, its actions and the site's SRO posts), finding what an option names by
// number or id, the sub-command skeleton, and one line describing an action or a recommendation.
import { z } from "zod";
import { formatUkDate, sortActions, sortRecommendations } from "../../domain/index.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import { loadAction } from "../../sharepoint/actions/index.ts";
import {
  loadDashboard,
  loadRecommendations,
  type RecommendationRecord,
  type SroPostRecord,
} from "../../sharepoint/plans/index.ts";
import type { ActionRecord, PlanRecord } from "../../sharepoint/schema/index.ts";
import { findPlan, planOption, reportAdminFailure } from "../admin.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import { anyPlanSpec, asSpec, siteSpec } from "../common-options.ts";
import { connect, reportSkipped, siteSchema } from "../site.ts";

export interface Structure {
  plan: PlanRecord;
  recommendations: RecommendationRecord[];
  actions: ActionRecord[];
  posts: SroPostRecord[];
}

/** A plan's recommendations and actions, in plan order. Two requests. */
export async function loadStructure(ctx: DataContext, planKey: string): Promise<Structure> {
  const found = await findPlan(ctx, planKey);
  const [dashboard, recommendations] = await Promise.all([
    loadDashboard(ctx, found.id),
    loadRecommendations(ctx, found.id),
  ]);
  return {
    plan: dashboard.plan,
    recommendations: sortRecommendations(recommendations),
    actions: sortActions(dashboard.actions),
    posts: dashboard.sroPosts,
  };
}

/** "1, 3, 2" as the numbers it lists. */
export const orderOption = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  )
  .refine((refs) => refs.length > 0, 'list the numbers in their new order, e.g. "1,3,2"');

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The recommendation `key` names: its number ("3"), else its id. */
export function findRecommendation(s: Structure, key: string): RecommendationRecord {
  const byRef = s.recommendations.filter((r) => same(r.ref, key));
  if (byRef.length === 1 && byRef[0] !== undefined) return byRef[0];
  if (byRef.length > 1)
    throw new UsageError(
      `more than one recommendation is numbered ${key} (ids ${byRef.map((r) => r.id).join(", ")}); give its id.`,
    );
  const byId = s.recommendations.find((r) => r.id === key.trim());
  if (byId !== undefined) return byId;
  throw new UsageError(
    `plan "${s.plan.title}" has no recommendation ${key}. Its recommendations: ${s.recommendations.map((r) => r.ref).join(", ") || "none yet (add one with `actionplan plan rec add`)"}.`,
  );
}

/** The action or milestone `key` names: its number ("2.1"), else its id; read afresh (its ETag now). */
export async function findAction(ctx: DataContext, s: Structure, key: string): Promise<ActionRecord> {
  const byRef = s.actions.filter((a) => same(a.action.ref, key));
  if (byRef.length > 1)
    throw new UsageError(
      `more than one action is numbered ${key} (ids ${byRef.map((a) => a.action.id).join(", ")}); give its id.`,
    );
  const found = byRef[0] ?? s.actions.find((a) => a.action.id === key.trim());
  if (found === undefined)
    throw new UsageError(
      `plan "${s.plan.title}" has no action ${key}. Its actions: ${s.actions.map((a) => a.action.ref).join(", ") || "none yet"}.`,
    );
  return loadAction(ctx, found.action.id);
}

/** The SRO post `key` names (id or title, ignoring capitals); "none" for no post. */
export function findPost(s: Structure, key: string): string | null {
  if (same(key, "none")) return null;
  const post = s.posts.find((p) => p.id === key.trim()) ?? s.posts.find((p) => same(p.title, key));
  if (post !== undefined) return post.id;
  throw new UsageError(
    `no SRO post "${key}" on this site (create it with \`actionplan post create\`). Posts: ${s.posts.map((p) => `${p.id} "${p.title}"`).join(", ") || "none"}.`,
  );
}

/** One line for an action or milestone. */
export function describeAction(record: ActionRecord, s: Structure | null = null): string {
  const a = record.action;
  const kind = a.parentId === undefined ? "Action" : "Milestone";
  const text = a.text.length > 70 ? `${a.text.slice(0, 69)}…` : a.text;
  const rec = s?.recommendations.find((r) => r.id === a.recommendationId);
  const parent = a.parentId === undefined ? undefined : s?.actions.find((x) => x.action.id === a.parentId);
  const where =
    parent !== undefined
      ? `; milestone of ${parent.action.ref}`
      : rec !== undefined
        ? `; recommendation ${rec.ref}`
        : "";
  const withdrawn =
    a.withdrawn === undefined ? "" : `; withdrawn on ${formatUkDate(a.withdrawn.on)}: ${a.withdrawn.reason}`;
  return `${kind} ${a.ref} (id ${a.id}) "${text}": target date '${a.targetDate.text}'; SRO post ${a.sroPost ?? "none"}${where}${withdrawn}`;
}

/** One line for a recommendation. */
export function describeRecommendation(rec: RecommendationRecord): string {
  return `Recommendation ${rec.ref} (id ${rec.id}) "${rec.title}"`;
}

/** An action as --json prints it (no ETag). */
export function actionJson(record: ActionRecord) {
  const { etag: _etag, ...shown } = record;
  return shown;
}

/** The options every `plan rec …` and `plan action …` sub-command ends with. */
const siteSpecs = {
  site: siteSpec,
  as: asSpec,
  json: { type: "boolean", help: "print the result as JSON" },
} as const satisfies OptionSpecs;

/** A `plan rec …` or `plan action …` sub-command on one plan's structure. */
export function structureCommand<S extends z.ZodObject>(spec: {
  group: "rec" | "action";
  name: string;
  summary: string;
  usage: string;
  about: string;
  options: OptionSpecs;
  schema: S;
  doing: string;
  run: (
    ctx: DataContext,
    s: Structure,
    options: z.infer<S> & { json: boolean; site: string },
  ) => Promise<void>;
}): Command {
  const name = `plan ${spec.group} ${spec.name}`;
  const specs = { plan: anyPlanSpec, ...spec.options, ...siteSpecs };
  const help = `Usage: actionplan ${name} --site <url> --plan <id or title> ${spec.usage}[--as <upn>] [--json]

${spec.about}
Only the site's coordinators (its Owners) can; SharePoint refuses anyone else.

${optionsHelp(specs)}`;
  return defineCommand({
    name: spec.name,
    usageName: name,
    summary: spec.summary,
    help,
    options: specs,
    schema: siteSchema.extend({ plan: planOption }).extend(spec.schema.shape),
    run: async (parsed) => {
      const options = parsed as z.infer<S> & z.infer<typeof siteSchema> & { plan: string };
      const ctx = connect(options.site, options.as);
      try {
        const s = await loadStructure(ctx, options.plan);
        await spec.run(ctx, s, options);
        reportSkipped(name, ctx);
        return 0;
      } catch (error) {
        return reportAdminFailure(name, spec.doing, error);
      }
    },
  });
}
