// One view per route. My actions is the first screen and is bundled with the shell; the action page and the
// update dialog load when first opened.
import { lazy, Suspense, useEffect } from "react";
import { AppNav } from "../components/AppNav.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { MyActionsPage } from "../features/my-actions/MyActionsPage.tsx";
import { notifyTeamsReady, useTeamsContext } from "../lib/use-teams-context.tsx";
import { useRoute } from "./use-route.ts";

const ActionPage = lazy(() => import("../features/action/ActionPage.tsx"));
const UpdateDialog = lazy(() => import("../features/action/UpdateDialog.tsx"));
const PlanPage = lazy(() => import("../features/plan/PlanPage.tsx"));
const ImportPage = lazy(() => import("../features/import/ImportPage.tsx"));
const DashboardPage = lazy(() => import("../features/dashboard/DashboardPage.tsx"));
const ConfigurePage = lazy(() => import("../features/configure/ConfigurePage.tsx"));

/** The view for the current route. */
export function Routes() {
  const context = useTeamsContext();
  const { route, navigate } = useRoute(context);
  useEffect(() => {
    notifyTeamsReady(context);
    // Once, when the first view is mounted: Teams hides its loading indicator then.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const navigable =
    route.view === "my-actions" ||
    route.view === "action" ||
    route.view === "plan" ||
    route.view === "import";
  return (
    <Suspense fallback={<PageSkeleton />}>
      {navigable && (
        <AppNav
          current={
            route.view === "plan" || route.view === "import"
              ? "plan"
              : route.view === "my-actions"
                ? "my-actions"
                : null
          }
          onGo={(target) => {
            navigate(target === "plan" ? { view: "plan", planId: null } : { view: "my-actions" });
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
    </Suspense>
  );
}
