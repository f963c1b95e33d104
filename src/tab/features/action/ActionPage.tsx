// The action page: the action's details, what can be done (each form behind its button, ActionWork.tsx),
// its updates newest first, a page at a time, its target date history, milestones and changes. A saved update goes to the top of the history at once; someone
// else's change is loaded in so the person can review it. A withdrawn action says so and takes no updates.
import { Link, Subtitle1 } from "@fluentui/react-components";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { canChangeAction, canCoordinate } from "../../lib/abilities.ts";
import { useSiteRole } from "../../lib/use-site-role.ts";
import { useTeamsContext } from "../../lib/use-teams-context.tsx";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { ActionDetails } from "./ActionDetails.tsx";
import { ChangeHistory } from "./ChangeHistory.tsx";
import { deriveStatus } from "../../../domain/status.ts";
import { lateWords, updateDaysLate } from "../../lib/late-update.ts";
import { ActionWork } from "./ActionWork.tsx";
import { Milestones } from "./Milestones.tsx";
import { TargetDateHistory } from "./TargetDateHistory.tsx";
import { useAction, useMoreUpdates } from "./use-action.ts";

/** One action, by id; `onBack` returns to the view it was opened from, which `back` names. */
export function ActionPage(props: {
  actionId: string;
  back: { label: string; href: string };
  onBack: () => void;
}) {
  const view = useAction(props.actionId);
  const more = useMoreUpdates(view.data, view.replace);
  const role = useSiteRole();
  const { upn } = useTeamsContext();
  const today = useToday();
  const back = (
    <Link
      href={props.back.href}
      onClick={(event) => {
        event.preventDefault();
        props.onBack();
      }}
    >
      {props.back.label}
    </Link>
  );
  if (view.data === null) {
    return view.status === "failed" ? (
      <Page title="Action" before={back}>
        <Notice inline title="This action could not be loaded" intent="error">
          {describeError(view.error)}
        </Notice>
      </Page>
    ) : (
      <PageSkeleton title="Action" />
    );
  }
  const data = view.data;
  const { action } = data.record;
  // Controls only once the role is known, and only for the action's SRO, its delegate or a coordinator.
  const mayChange =
    role.data !== null && canChangeAction(role.data, data.post, upn, today) && action.withdrawn === undefined;
  const late = updateDaysLate(
    data.openPeriod,
    data.record.latest?.periodId,
    deriveStatus(action, { today, reported: data.record.latest?.reportedStatus ?? null }).derived ===
      "Completed" || action.withdrawn !== undefined,
    today,
  );
  return (
    <Page title={`Action ${action.ref}`} before={back} busy={view.status === "loading"}>
      {action.withdrawn !== undefined && (
        <Notice inline title="Withdrawn." intent="info">
          A coordinator withdrew this {action.parentId === undefined ? "action" : "milestone"} on{" "}
          {formatUkDate(action.withdrawn.on)}: {action.withdrawn.reason}. It stays in the plan's history and
          reports, and takes no more updates.
        </Notice>
      )}
      <ActionDetails view={data} />
      {late > 0 && data.openPeriod !== null && (
        <Notice inline title={`${lateWords(late)}.`} intent="warning">
          The update for {data.openPeriod.title} was due by {formatUkDate(data.openPeriod.updateDeadline)}.
        </Notice>
      )}
      <ActionWork
        data={data}
        mayChange={mayChange}
        coordinator={role.data !== null && canCoordinate(role.data)}
        me={upn}
        more={more}
        replace={view.replace}
        reload={view.reload}
      />
      <section aria-labelledby="target-history-heading">
        <Subtitle1 as="h2" id="target-history-heading">
          Target date history
        </Subtitle1>
        <TargetDateHistory baseline={data.record.baseline} changes={data.dateChanges} />
      </section>
      <Milestones milestones={data.milestones} overdueAfterMonths={data.overdueAfterMonths} />
      {/* Read again when the action is saved, or an update is posted (marking complete is posted as one). */}
      <ChangeHistory actionId={action.id} version={`${data.record.etag}:${data.updates[0]?.id ?? ""}`} />
    </Page>
  );
}

export default ActionPage;
