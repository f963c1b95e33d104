// The coordinator's pages open for site Owners only. Anyone else who reaches one by its address is told, in
// words, who may do this; SharePoint refuses their changes anyway (the lists are writable by Owners only).
import type { ReactNode } from "react";
import { Notice } from "../../components/Notice.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { canCoordinate } from "../../lib/abilities.ts";
import { useSiteRole } from "../../lib/use-site-role.ts";

/** `children` for a coordinator; `title` is the page's heading while the role is read. */
export function CoordinatorsOnly(props: { title: string; what: string; children: ReactNode }) {
  const role = useSiteRole();
  if (role.data === null)
    return role.status === "failed" ? (
      <Notice title="Your role on the site could not be read" intent="error">
        {describeError(role.error)}
      </Notice>
    ) : (
      <PageSkeleton title={props.title} />
    );
  if (!canCoordinate(role.data))
    return (
      <Notice title="For coordinators only" intent="info">
        Only the plan's coordinators (site Owners) can {props.what}. Ask a coordinator if something here needs
        to change.
      </Notice>
    );
  return <>{props.children}</>;
}
