// One view per route. My actions is the first screen and is bundled with the shell; the action page and the
// update dialog load when first opened.
import { lazy, Suspense, useEffect } from "react";
import { AppNav, type NavTarget } from "../components/AppNav.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { MyActionsPage } from "../features/my-actions/MyActionsPage.tsx";
import { notifyTeamsReady, useTeamsContext } from "../lib/use-teams-context.tsx";
import type { ManageRoute } from "./ManageRoutes.tsx";
import type { Route } from "./routes.ts";
import { useRoute } from "./use-route.ts";

const ActionPage = lazy(() => import("../features/action/ActionPage.tsx"));
const UpdateDialog = lazy(() => import("../features/action/UpdateDialog.tsx"));
const PlanPage = lazy(() => import("../features/plan/PlanPage.tsx"));
const ImportPage = lazy(() => import("../features/import/ImportPage.tsx"));
const DashboardPage = lazy(() => import("../features/dashboard/DashboardPage.tsx"));
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
  if (route.view === "my-actions") return "my-actions";
  return isManaging(route) ? route.view : null;
}

/** The view for the current route. */
export function Routes() {
  const context = useTeamsContext();
  const { route, navigate } = useRoute(context);
  useEffect(() => {
    notifyTeamsReady(context);
    // Once, when the first view is mounted: Teams hides its loading indicator then.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const managing = isManaging(route);
  const navigable =
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
            else navigate({ view: target, planId: target === "plan" ? null : planId });
          }}
        />
      )}
      {route.view === "my-actions" && (
        <MyActionsPage
          onOpen={(actionId) => {
            navigate({ view: "action", actionId });
          }}
        />
      )}
      {route.view === "action" && (
        <ActionPage
          actionId={route.actionId}
          onBack={() => {
            navigate({ view: "my-actions" });
          }}
        />
      )}
      {route.view === "update" && <UpdateDialog actionId={route.actionId} />}
      {route.view === "plan" && (
        <PlanPage
          planId={route.planId}
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
