// The landing's hand-over by role, for a person with no actions of their own: coordinators to the plan
// (where the period is run), viewers to the dashboard; SROs stay on My actions.
import { useEffect } from "react";
import { useSiteRole } from "../../lib/use-site-role.ts";

export type Elsewhere = "plan" | "dashboard";

/** With no actions on the landing: coordinators go to the plan, viewers to the dashboard; SROs stay. */
export function LandByRole(props: { onLandElsewhere: (to: Elsewhere) => void }) {
  const role = useSiteRole();
  const { onLandElsewhere } = props;
  useEffect(() => {
    if (role.data === "coordinator") onLandElsewhere("plan");
    else if (role.data === "viewer") onLandElsewhere("dashboard");
  }, [role.data, onLandElsewhere]);
  return null;
}

export default LandByRole;
