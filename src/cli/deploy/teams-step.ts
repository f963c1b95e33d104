// Deploy's step 7: the Teams app in the organisation's catalog through Graph (the same work as `actionplan
// teams-app publish`), and its catalog id written back to the settings file for the tab's config.json, the
// daily job's setting and the next run's Bicep parameter.
import { isSandboxSite } from "../auth.ts";
import { publishPackage } from "../commands/teams-app.ts";
import { UsageError } from "../command.ts";
import type { DeployContext } from "./context.ts";

export async function publishToCatalog(
  ctx: DeployContext,
  packageFile: string,
  as: string | undefined,
  review: boolean,
): Promise<void> {
  const site = new URL(ctx.settings.SHAREPOINT_SITE_URL);
  // The sandbox serves Graph beside its sites; a tenant's Graph is Microsoft's.
  const graphUrl = isSandboxSite(site.href) ? `${site.origin}/graph` : "https://graph.microsoft.com";
  if (as === undefined && isSandboxSite(site.href))
    throw new UsageError(
      "say who publishes the app on the sandbox, with --teams-as <upn> (its Teams Administrator).",
    );
  const outcome = await publishPackage(packageFile, { as, review, graphUrl });
  if (!outcome.ok) throw new UsageError(outcome.message);
  ctx.log(outcome.said);
  ctx.save({ TEAMS_APP_PUBLISHED_APP_ID: outcome.result.catalogId });
}
