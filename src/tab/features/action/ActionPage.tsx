// The action page: the action's details, the update form, its updates newest first, a page at a time, and
// its changes (who changed what, when). A saved update goes to the top of the history at once; someone
// else's change is loaded in so the person can review it. A withdrawn action says so and takes no updates.
import { Link, Subtitle1 } from "@fluentui/react-components";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { canChangeAction } from "../../lib/permissions.ts";
import { useSiteRole } from "../../lib/use-site-role.ts";
import { useTeamsContext } from "../../lib/use-teams-context.tsx";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { ActionDetails } from "./ActionDetails.tsx";
import { ChangeHistory } from "./ChangeHistory.tsx";
import { CompleteForm } from "./CompleteForm.tsx";
import { DateChangeForm } from "./DateChangeForm.tsx";
import { Milestones } from "./Milestones.tsx";
import { TargetDateHistory } from "./TargetDateHistory.tsx";
import { UpdateForm } from "./UpdateForm.tsx";
import { UpdateHistory } from "./UpdateHistory.tsx";
import { useAction, useMoreUpdates, withUpdate } from "./use-action.ts";

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
  const waiting = data.dateChanges.find((c) => c.status === "requested") ?? null;
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
      <section aria-labelledby="target-history-heading">
        <Subtitle1 as="h2" id="target-history-heading">
          Target date history
        </Subtitle1>
        <TargetDateHistory baseline={data.record.baseline} changes={data.dateChanges} />
      </section>
      <Milestones milestones={data.milestones} />
      {mayChange && (
        <UpdateForm
          record={data.record}
          openPeriod={data.openPeriod}
          onSaved={(update, record) => {
            view.replace(withUpdate(data, update, record));
          }}
          onConflict={() => {
            view.reload();
          }}
        />
      )}
      {mayChange && action.completedOn === null && (
        <DateChangeForm
          record={data.record}
          waiting={waiting}
          me={upn}
          onRequested={(change) => {
            view.replace({ ...data, dateChanges: [change, ...data.dateChanges] });
          }}
          onWithdrawn={(change) => {
            view.replace({
              ...data,
              dateChanges: data.dateChanges.map((c) => (c.id === change.id ? change : c)),
            });
          }}
        />
      )}
      {mayChange && action.completedOn === null && (
        <CompleteForm
          record={data.record}
          openPeriod={data.openPeriod}
          onCompleted={(update, record) => {
            view.replace(withUpdate(data, update, record));
          }}
          onConflict={() => {
            view.reload();
          }}
        />
      )}
      <section aria-labelledby="updates-heading">
        <Subtitle1 as="h2" id="updates-heading">
          Updates
        </Subtitle1>
        <UpdateHistory
          updates={data.updates}
          more={{
            available: data.moreUpdates !== null,
            loading: more.loading,
            error: more.error,
            firstNew: more.firstNew,
            onShowMore: more.showMore,
          }}
        />
      </section>
      <ChangeHistory actionId={action.id} version={data.record.etag} />
    </Page>
  );
}

export default ActionPage;
