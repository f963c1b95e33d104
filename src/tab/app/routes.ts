// Which view to show, from the page's URL and Teams' context. Deep links arrive as the sub-page id (the
// action's id, as src/notify/cards/deep-links.ts writes it); the update dialog has its own URL
// (`?view=update&actionId=12`), which a reminder card opens in a Teams dialog.
import { z } from "../../lib/zod.ts";
import {
  planLayoutParams,
  planQueryParams,
  readPlanLayout,
  readPlanQuery,
} from "../features/plan/plan-query.ts";
import type { PlanFilters } from "../features/plan/plan-filters.ts";
import type { PlanLayout } from "../features/plan/plan-layout.ts";

export type Route =
  // `landing`: the tab opened with no view asked for, so it may send the person on by their role.
  | { view: "my-actions"; landing?: true }
  | { view: "action"; actionId: string }
  | { view: "update"; actionId: string }
  // The plan's filters and layout travel in the address (absent: none, the list), so Back and a reload keep them.
  | { view: "plan"; planId: string | null; filters?: PlanFilters; layout?: PlanLayout }
  | { view: "import"; planId: string | null }
  | { view: "dashboard"; planId?: string }
  | { view: "configure" }
  // A coordinator's running of plans: a new plan, a plan's settings, its reporting periods, the SRO posts.
  | { view: "new-plan" }
  | { view: "plan-settings"; planId: string | null }
  | { view: "periods"; planId: string | null }
  | { view: "posts"; planId: string | null }
  // A coordinator's committee report on a plan: choose the period and the format, download.
  | { view: "report"; planId: string | null };

/** The entityId of the channel tab (the plan dashboard) in the app manifest. */
export const DASHBOARD_PAGE_ID = "dashboard";

const actionId = z.string().check(z.regex(/^[1-9]\d{0,9}$/));
const params = z.object({
  view: z.catch(
    z.optional(
      z.enum([
        "my-actions",
        "update",
        "action",
        "plan",
        "import",
        "dashboard",
        "configure",
        "new-plan",
        "plan-settings",
        "periods",
        "posts",
        "report",
      ]),
    ),
    undefined,
  ),
  actionId: z.catch(z.optional(actionId), undefined),
  planId: z.catch(z.optional(actionId), undefined),
});

/**
 * The route for a URL's query and the context's page and sub-page ids. Nothing asked for is the landing (My
 * actions, which sends coordinators and viewers on by role); anything unreadable is My actions.
 */
export function routeFor(
  search: string,
  context: { pageId: string | null; subPageId: string | null },
): Route {
  const all = new URLSearchParams(search);
  const query = params.parse(Object.fromEntries(all));
  if (query.view === "my-actions") return { view: "my-actions" };
  if (query.view === "plan") {
    const filters = readPlanQuery(all);
    const layout = readPlanLayout(all);
    return {
      view: "plan",
      planId: query.planId ?? null,
      ...(planQueryParams(filters).length === 0 ? {} : { filters }),
      ...(planLayoutParams(layout).length === 0 ? {} : { layout }),
    };
  }
  // A coordinator's "New plan from a file" (no plan) and "Update this plan from a file".
  if (query.view === "import") return { view: "import", planId: query.planId ?? null };
  if (query.view === "new-plan") return { view: "new-plan" };
  if (
    query.view === "plan-settings" ||
    query.view === "periods" ||
    query.view === "posts" ||
    query.view === "report"
  )
    return { view: query.view, planId: query.planId ?? null };
  // The channel tab's configuration page, and the dashboard its saved contentUrl opens.
  if (query.view === "configure") return { view: "configure" };
  if (query.view === "dashboard")
    return query.planId === undefined ? { view: "dashboard" } : { view: "dashboard", planId: query.planId };
  if (query.actionId !== undefined)
    return { view: query.view === "update" ? "update" : "action", actionId: query.actionId };
  const deepLinked = actionId.safeParse(context.subPageId);
  if (deepLinked.success) return { view: "action", actionId: deepLinked.data };
  // An escalation card's "Open the action plan": `plan:<planId>:<id>,<id>` (src/notify/cards/deep-links.ts).
  const planLink = /^plan:([1-9]\d{0,9}):((?:[1-9]\d{0,9},)*(?:[1-9]\d{0,9})?)$/.exec(
    context.subPageId ?? "",
  );
  if (planLink !== null) {
    const filters = readPlanQuery(new URLSearchParams([["only", planLink[2] ?? ""]]));
    return filters.only.length === 0
      ? { view: "plan", planId: planLink[1] ?? null }
      : { view: "plan", planId: planLink[1] ?? null, filters };
  }
  if (context.pageId === DASHBOARD_PAGE_ID) return { view: "dashboard" };
  return search.replace(/^\?/, "") === "" ? { view: "my-actions", landing: true } : { view: "my-actions" };
}

/** The query string that shows a route inside the tab (for links and the browser history). */
export function searchFor(route: Route): string {
  switch (route.view) {
    case "my-actions":
      return route.landing === true ? "" : "?view=my-actions";
    case "action":
      return `?actionId=${route.actionId}`;
    case "update":
      return `?view=update&actionId=${route.actionId}`;
    case "plan": {
      const query = new URLSearchParams([
        ["view", "plan"],
        ...(route.planId === null ? [] : [["planId", route.planId] as [string, string]]),
        ...(route.filters === undefined ? [] : planQueryParams(route.filters)),
        ...(route.layout === undefined ? [] : planLayoutParams(route.layout)),
      ]);
      return `?${query.toString()}`;
    }
    case "import":
      return route.planId === null ? "?view=import" : `?view=import&planId=${route.planId}`;
    case "dashboard":
      return route.planId === undefined ? "?view=dashboard" : `?view=dashboard&planId=${route.planId}`;
    case "configure":
      return "?view=configure";
    case "new-plan":
      return "?view=new-plan";
    case "plan-settings":
    case "periods":
    case "posts":
    case "report":
      return route.planId === null ? `?view=${route.view}` : `?view=${route.view}&planId=${route.planId}`;
    default:
      return "";
  }
}
