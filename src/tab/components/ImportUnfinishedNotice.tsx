// On the pages of a plan whose import has not finished (only coordinators reach them): what it means and
// what to do. SROs, viewers, the reminders and My actions do not see the plan until the import is run again.
import type { PlanRecord } from "../../sharepoint/schema/index.ts";
import { Notice } from "./Notice.tsx";

/** The notice for `plan`, or nothing when its import has finished. */
export function ImportUnfinishedNotice(props: { plan: Pick<PlanRecord, "importUnfinished"> }) {
  if (!props.plan.importUnfinished) return null;
  return (
    <Notice inline title="Import not finished:" intent="warning">
      run the import again to complete it. Until then only coordinators see this plan.
    </Notice>
  );
}

/** A plan's name in a chooser, saying when it is archived or its import has not finished. */
export function planChoiceLabel(plan: Pick<PlanRecord, "title" | "archived" | "importUnfinished">): string {
  return `${plan.title}${plan.archived ? " (archived)" : ""}${plan.importUnfinished ? " (import not finished)" : ""}`;
}
