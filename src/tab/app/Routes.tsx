// One view per route. My actions is the first screen and is bundled with the shell; the action page and the
// update dialog load when first opened.
import { lazy, Suspense, useEffect, useState } from "react";
import { AppNav, type NavTarget } from "../components/AppNav.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { MyActionsPage } from "../features/my-actions/MyActionsPage.tsx";
import { NO_FILTERS } from "../features/plan/plan-filters.ts";
import { LIST_LAYOUT } from "../features/plan/plan-layout.ts";
import { notifyTeamsReady, useTeamsContext } from "../lib/use-teams-context.tsx";
import type { ManageRoute } from "./ManageRoutes.tsx";
import { DASHBOARD_PAGE_ID, searchFor, type Route } from "./routes.ts";
import { useRoute, type Navigate } from "./use-route.ts";

const ActionPage = lazy(() => import("../features/action/ActionPage.tsx"));
const UpdateDialog = lazy(() => import("../features/action/UpdateDialog.tsx"));
const PlanPage = lazy(() => import("../features/plan/PlanPage.tsx"));
const ImportPage = lazy(() => import("../features/import/ImportPage.tsx"));
const loadDashboardPage = () => import("../features/dashboard/DashboardPage.tsx");
const DashboardPage = lazy(loadDashboardPage);
// A dashboard tab names its view in its URL: its chunk is fetched while the start-up runs, not after it, so
// a return visit shows the kept dashboard (lib/kept-data.ts) without waiting for it (issue 28).
if (new URLSearchParams(window.location.search).get("view") === "dashboard") void loadDashboardPage();
const ConfigurePage = lazy(() => import("../features/configure/ConfigurePage.tsx"));
const ManageRoutes = lazy(() => import("./ManageRoutes.tsx"));
// The committee report, for coordinators; its writers (docx, ExcelJS) load only when a file is made.
const ReportPage = lazy(() => import("../features/report/ReportPage.tsx"));

function isManaging(route: Route): route is ManageRoute {
  return (
    route.view === "new-plan" ||
    route.view === "plan-settings" ||
    route.view === "periods" ||
    route.view === "posts"
  );
}

function navCurrent(route: Route): NavTarget | null {
  if (route.view === "plan" || route.view === "import" || route.view === "report") return "plan";
  if (route.view === "my-actions" || route.view === "dashboard") return route.view;
  return isManaging(route) ? route.view : null;
}

/** The back link's words for the view an action was opened from. */
function backTo(route: Route): { label: string; href: string } {
  const href = searchFor(route) || "?view=my-actions";
  if (route.view === "plan") return { label: "← Plan", href };
  if (route.view === "dashboard") return { label: "← Dashboard", href };
  return { label: "← My actions", href: "?view=my-actions" };
}

/** The view for the current route. */
export function Routes() {
  const context = useTeamsContext();
  const { route, navigate: go } = useRoute(context);
  // Where an action was opened from, for its back link ("← Plan").
  const [cameFrom, setCameFrom] = useState<Route>({ view: "my-actions" });
  const navigate: Navigate = (to, options) => {
    if (to.view === "action" && route.view !== "action" && route.view !== "update")
      setCameFrom(route.view === "my-actions" ? { view: "my-actions" } : route);
    go(to, options);
  };
  useEffect(() => {
    notifyTeamsReady(context);
    // Once, when the first view is mounted: Teams hides its loading indicator then.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const managing = isManaging(route);
  // The channel tab is the dashboard alone; in the personal tab the dashboard is one of the views.
  const personalDashboard = route.view === "dashboard" && context.pageId !== DASHBOARD_PAGE_ID;
  const navigable =
    personalDashboard ||
    route.view === "my-actions" ||
    route.view === "action" ||
    route.view === "plan" ||
    route.view === "import" ||
    route.view === "report" ||
    managing;
  const planId = "planId" in route && route.planId !== undefined ? route.planId : null;
  return (
    <Suspense fallback={<PageSkeleton />}>
      {navigable && (
        <AppNav
          current={navCurrent(route)}
          withCoordinatorLinks={route.view === "plan" || route.view === "report" || managing}
          planId={planId}
          onGo={(target) => {
            if (target === "my-actions") navigate({ view: "my-actions" });
            else if (target === "new-plan") navigate({ view: "new-plan" });
            else if (target === "dashboard")
              navigate(planId === null ? { view: "dashboard" } : { view: "dashboard", planId });
            else navigate({ view: target, planId: target === "plan" ? null : planId });
          }}
        />
      )}
      {route.view === "my-actions" && (
        <MyActionsPage
          landing={route.landing === true}
          onOpen={(actionId) => {
            navigate({ view: "action", actionId });
          }}
          onLandElsewhere={(to) => {
            // Only while still on the landing: a view asked for meanwhile wins.
            if (window.location.search.replace(/^\?/, "") !== "") return;
            navigate(to === "plan" ? { view: "plan", planId: null } : { view: "dashboard" }, {
              replace: true,
            });
          }}
        />
      )}
      {route.view === "action" && (
        <ActionPage
          actionId={route.actionId}
          back={backTo(cameFrom)}
          onBack={() => {
            navigate(cameFrom);
          }}
        />
      )}
      {route.view === "update" && <UpdateDialog actionId={route.actionId} />}
      {route.view === "plan" && (
        <PlanPage
          planId={route.planId}
          filters={route.filters ?? NO_FILTERS}
          onFilters={(filters) => {
            // Each keystroke of a search replaces the address, so Back leaves the plan in one step.
            navigate({ ...route, filters }, { replace: true });
          }}
          layout={route.layout ?? LIST_LAYOUT}
          onLayout={(layout) => {
            navigate({ ...route, layout }, { replace: true });
          }}
          onOpenAction={(actionId) => {
            navigate({ view: "action", actionId });
          }}
          onChoosePlan={(planId) => {
            navigate({ view: "plan", planId });
          }}
          onImport={(planId) => {
            navigate({ view: "import", planId });
          }}
          onNewPlan={() => {
            navigate({ view: "new-plan" });
          }}
          onReport={(planId) => {
            navigate({ view: "report", planId });
          }}
        />
      )}
      {route.view === "import" && (
        <ImportPage
          planId={route.planId}
          onOpenPlan={(planId) => {
            navigate({ view: "plan", planId });
          }}
        />
      )}
      {route.view === "dashboard" && <DashboardPage planId={route.planId ?? null} />}
      {route.view === "configure" && <ConfigurePage />}
      {route.view === "report" && (
        <ReportPage
          planId={route.planId}
          onOpenPlan={(planId) => {
            navigate({ view: "plan", planId });
          }}
        />
      )}
      {isManaging(route) && <ManageRoutes route={route} navigate={navigate} />}
    </Suspense>
  );
}
