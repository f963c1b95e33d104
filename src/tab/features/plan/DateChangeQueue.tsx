// The date-change requests waiting for a coordinator: each with its action, the move asked for and the
// reason, and Approve / Decline. Each decision is one request, checked against the versions read: when
// someone else got there first, the coordinator is told in words and the plan is read again.
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { ConflictError } from "../../../sharepoint/conflict.ts";
import { approveDateChange, declineDateChange } from "../../../sharepoint/date-changes.ts";
import type { Dashboard } from "../../../sharepoint/plans.ts";
import type { DateChangeRecord } from "../../../sharepoint/records.ts";
import { targetDateText } from "../../components/target-date.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** The waiting requests of a plan; `onDecided` gives the plan with the decision in it. */
export function DateChangeQueue(props: {
  dashboard: Dashboard;
  onDecided: (dashboard: Dashboard) => void;
  onConflict: () => void;
}) {
  const styles = useStyles();
  const ctx = useDataContext();
  const today = useToday();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const { dashboard } = props;
  const waiting = dashboard.dateChanges.filter((c) => c.status === "requested");
  const actions = new Map(dashboard.actions.map((r) => [r.action.id, r]));

  async function decide(change: DateChangeRecord, approve: boolean) {
    const record = actions.get(change.actionId);
    const ref = record?.action.ref ?? "this action";
    setBusy(change.id);
    setMessage(null);
    try {
      const decision = { decidedOn: today };
      let next: Dashboard;
      if (approve) {
        if (record === undefined) throw new Error("The action of this request is not in the plan.");
        const done = await approveDateChange(ctx, change, record, decision);
        next = {
          ...dashboard,
          actions: dashboard.actions.map((r) => (r.action.id === change.actionId ? done.record : r)),
          dateChanges: dashboard.dateChanges.map((c) => (c.id === change.id ? done.change : c)),
        };
      } else {
        const done = await declineDateChange(ctx, change, decision, dashboard.plan.referenceDate);
        next = {
          ...dashboard,
          dateChanges: dashboard.dateChanges.map((c) => (c.id === change.id ? done : c)),
        };
      }
      setMessage({
        intent: "success",
        text: `The request for action ${ref} was ${approve ? "approved: its target date is now " + targetDateText(change.to) : "declined"}.`,
      });
      props.onDecided(next);
    } catch (error) {
      setMessage({ intent: "error", text: `Nothing was changed for action ${ref}. ${describeError(error)}` });
      if (error instanceof ConflictError) props.onConflict();
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {message !== null && (
        <MessageBar
          intent={message.intent}
          layout="multiline"
          role={message.intent === "error" ? "alert" : "status"}
        >
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {waiting.length === 0 ? (
        <Body1>No requests to move a target date are waiting.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Requests waiting">
          {waiting.map((change) => {
            const ref = actions.get(change.actionId)?.action.ref ?? "?";
            return (
              <li key={change.id} className={styles.item} data-date-change-id={change.id}>
                <Body1>
                  Action {ref}: from {targetDateText(change.from)} to {targetDateText(change.to)}
                </Body1>
                <Caption1>
                  Asked {formatUkDate(change.requestedOn)}
                  {change.requestedBy === "" ? "" : ` by ${change.requestedBy}`}. Reason: {change.reason}
                </Caption1>
                <div className={styles.buttons}>
                  <Button
                    appearance="primary"
                    disabledFocusable={busy !== null}
                    aria-label={`Approve the new date for action ${ref}`}
                    onClick={() => void decide(change, true)}
                  >
                    Approve
                  </Button>
                  <Button
                    disabledFocusable={busy !== null}
                    aria-label={`Decline the new date for action ${ref}`}
                    onClick={() => void decide(change, false)}
                  >
                    Decline
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
