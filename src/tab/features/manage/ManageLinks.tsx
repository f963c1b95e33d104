// Above each coordinator's page of a plan: the way back to the plan it is about (the app's navigation has
// the other coordinator pages). A real link, so it opens with the keyboard, a middle click or a screen
// reader's links list.
import { Link } from "@fluentui/react-components";

export type ManageView = "plan" | "plan-settings" | "periods" | "posts";

/** How a manage page goes to another view (the app shell's navigate). */
export interface ManageNav {
  go: (view: ManageView, planId: string | null) => void;
}

export function ManageLinks(props: { nav: ManageNav; planId: string | null }) {
  if (props.planId === null) return null;
  const planId = props.planId;
  return (
    <div>
      <Link
        href={`?view=plan&planId=${planId}`}
        onClick={(event) => {
          event.preventDefault();
          props.nav.go("plan", planId);
        }}
      >
        Back to the plan
      </Link>
    </div>
  );
}
