// The coordinator's pages that run a plan (a new plan, a plan's settings, its reporting periods, the SRO
// posts), loaded with the first of them: nobody else ever opens them, so the first screen does not carry them.
import { NewPlanPage } from "../features/manage/plan-settings/NewPlanPage.tsx";
import { PeriodsPage } from "../features/manage/periods/PeriodsPage.tsx";
import { PlanSettingsPage } from "../features/manage/plan-settings/PlanSettingsPage.tsx";
import { PostsPage } from "../features/manage/posts/PostsPage.tsx";
import type { Route } from "./routes.ts";

export type ManageRoute = Extract<Route, { view: "new-plan" | "plan-settings" | "periods" | "posts" }>;

interface Props {
  route: ManageRoute;
  navigate: (route: Route) => void;
}

export default function ManageRoutes({ route, navigate }: Props) {
  const nav = {
    go: (view: "plan" | "plan-settings" | "periods" | "posts", planId: string | null) => {
      navigate({ view, planId });
    },
  };
  switch (route.view) {
    case "new-plan":
      return (
        <NewPlanPage
          onCreated={(id) => {
            navigate({ view: "plan", planId: id });
          }}
          onImport={() => {
            navigate({ view: "import", planId: null });
          }}
        />
      );
    case "plan-settings":
      return <PlanSettingsPage planId={route.planId} nav={nav} />;
    case "periods":
      return <PeriodsPage planId={route.planId} nav={nav} />;
    case "posts":
      return <PostsPage planId={route.planId} nav={nav} />;
  }
}
