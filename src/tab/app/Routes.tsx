// One view per route. My actions is the first screen and is bundled with the shell; the action page and the
// update dialog load when first opened.
import { lazy, Suspense, useEffect } from "react";
import { Notice } from "../components/Notice.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { MyActionsPage } from "../features/my-actions/MyActionsPage.tsx";
import { notifyTeamsReady, useTeamsContext } from "../lib/use-teams-context.tsx";
import { useRoute } from "./use-route.ts";

const ActionPage = lazy(() => import("../features/action/ActionPage.tsx"));
const UpdateDialog = lazy(() => import("../features/action/UpdateDialog.tsx"));

/** The view for the current route. */
export function Routes() {
  const context = useTeamsContext();
  const { route, navigate } = useRoute(context);
  useEffect(() => {
    notifyTeamsReady(context);
    // Once, when the first view is mounted: Teams hides its loading indicator then.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Suspense fallback={<PageSkeleton />}>
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
      {route.view === "dashboard" && (
        <Notice title="Plan dashboard" intent="info">
          The plan dashboard for channels is not available in this version yet. Open the Action Plan Tracker
          app from the side bar to see your actions.
        </Notice>
      )}
    </Suspense>
  );
}
