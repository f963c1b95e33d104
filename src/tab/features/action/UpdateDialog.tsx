// The update form on its own, for a Teams dialog opened from a reminder card (`?view=update&actionId=12`):
// the action's ref and text, its target date and status as the plan shows them, the latest update so the SRO
// sees what they said last, then the form (which starts from that status).
// Once saved, the dialog closes (teams-js dialog.url.submit).
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { deriveStatus } from "../../../domain/status.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { targetWithMoveText } from "../../components/target-date.ts";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { closeDialog } from "../../lib/dialog.ts";
import { UpdateForm } from "./UpdateForm.tsx";
import { useAction, withUpdate } from "./use-action.ts";

const useStyles = makeStyles({
  facts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  fact: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

/** The update dialog for one action. */
export function UpdateDialog(props: { actionId: string }) {
  const view = useAction(props.actionId);
  const today = useToday();
  const styles = useStyles();
  if (view.data === null) {
    return view.status === "failed" ? (
      <Notice title="This action could not be loaded" intent="error">
        {describeError(view.error)}
      </Notice>
    ) : (
      <PageSkeleton title="Update action" rows={3} />
    );
  }
  const data = view.data;
  const { action } = data.record;
  const latest = data.updates[0];
  const status = deriveStatus(action, {
    today,
    reported: data.record.latest?.reportedStatus ?? null,
    overdueAfterMonths: data.overdueAfterMonths,
  }).derived;
  return (
    <Page title={`Update action ${action.ref}`} busy={view.status === "loading"}>
      <Body1 as="p" style={{ margin: 0 }}>
        {action.text}
      </Body1>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt className={styles.term}>Target date</dt>
          <dd className={styles.value}>{targetWithMoveText(action.targetDate, data.record.baseline)}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>Status</dt>
          <dd className={styles.value}>
            <StatusBadge status={status} />
          </dd>
        </div>
      </dl>
      {latest !== undefined && (
        <Caption1 as="p" style={{ margin: 0 }}>
          Last update, {formatUkDate(latest.date)}: {latest.text}
        </Caption1>
      )}
      <UpdateForm
        record={data.record}
        openPeriod={data.openPeriod}
        overdueAfterMonths={data.overdueAfterMonths}
        onSaved={(update, record) => {
          view.replace(withUpdate(data, update, record));
          // Saved: Teams closes the dialog and the SRO is back at the card they opened it from.
          closeDialog({ actionId: action.id, updateId: update.id });
        }}
        onConflict={() => {
          view.reload();
        }}
      />
    </Page>
  );
}

export default UpdateDialog;
