// For coordinators: the items a screen left out because they could not be read (a plan added by hand with
// no reference date, a choice written over REST that is not one of its choices), each with what to do. Only a
// coordinator can fix them, so others see the screen without them and no notice. Rendered only when there is
// something to say, so the role is asked for only then (My actions keeps its request budget). A Notice, not
// Fluent's MessageBar: My actions is the first screen, and MessageBar would add 2.9 KB gzip to it (measured
// here: bundled lazily it still cost 1.2 KB, as a Notice nothing measurable); Notice is titled and a polite
// live region, so the warning is announced and never told by colour alone.
import { lazy, Suspense } from "react";
import type { SkippedItem } from "../../sharepoint/core/index.ts";
import { canCoordinate } from "../lib/abilities.ts";
import { useSiteRole } from "../lib/use-site-role.ts";
import { Notice } from "./Notice.tsx";

// The sentences need the schema (each column's title as SharePoint shows it): loaded only when shown.
const SkippedItemsList = lazy(() => import("./SkippedItemsList.tsx"));

/** A warning listing the skipped items, shown to coordinators only; nothing when there are none. */
export function SkippedItemsNotice(props: { items: readonly SkippedItem[] }) {
  if (props.items.length === 0) return null;
  return <ForCoordinators items={props.items} />;
}

function ForCoordinators(props: { items: readonly SkippedItem[] }) {
  const role = useSiteRole();
  if (role.data === null || !canCoordinate(role.data)) return null;
  const count = props.items.length;
  const title = count === 1 ? "One item could not be read." : `${String(count)} items could not be read.`;
  return (
    <Notice inline intent="warning" title={title}>
      They are left out of what this page shows.
      <Suspense fallback={null}>
        <SkippedItemsList items={props.items} />
      </Suspense>
    </Notice>
  );
}
