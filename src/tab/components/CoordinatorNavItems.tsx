// The navigation's links to the pages that run a plan, for coordinators once their role is known: the plan's
// reporting periods, the SRO posts, its settings, a new plan. Loaded by AppNav only where they may show.
import { canCoordinate } from "../lib/abilities.ts";
import { useSiteRole } from "../lib/use-site-role.ts";
import { Items, type Item, type Props } from "./AppNav.tsx";

function coordinatorItems(planId: string | null): Item[] {
  const of = planId === null ? "" : `&planId=${planId}`;
  return [
    { target: "periods", label: "Reporting periods", href: `?view=periods${of}` },
    { target: "posts", label: "SRO posts", href: `?view=posts${of}` },
    { target: "plan-settings", label: "Plan settings", href: `?view=plan-settings${of}` },
    { target: "new-plan", label: "New plan", href: "?view=new-plan" },
  ];
}

export default function CoordinatorItems(props: Props) {
  const role = useSiteRole();
  if (role.data === null || !canCoordinate(role.data)) return null;
  return <Items {...props} items={coordinatorItems(props.planId ?? null)} />;
}
