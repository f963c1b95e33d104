// The date-change requests waiting for a coordinator: each with its action, the move asked for and the
// reason, and Approve / Decline. Each decision is one request, checked against the versions read: when
// someone else got there first, or the date has moved since the request was made, the coordinator is told in
// words (and the plan is read again). Decline asks for the reason, which the SRO is shown; the SRO is told of
// every decision in Teams.
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { approveDateChange, ConflictError, declineDateChange } from "./api/index.ts";
import type { Dashboard } from "../../../sharepoint/plans/index.ts";
import type { DateChangeRecord } from "../../../sharepoint/schema/index.ts";
import { targetDateText } from "../../components/target-date.ts";
import { useDataContext, useGraphAccess, useToday } from "../../lib/data.tsx";
import { tellOfDateChange } from "../../lib/date-change-notify.ts";
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
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  decline: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "640px" },
});

/** The waiting requests of a plan; `onDecided` gives the plan with the decision in it. */
export function DateChangeQueue(props: {
  dashboard: Dashboard;
  onDecided: (dashboard: Dashboard) => void;
  onConflict: () => void;
}) {
  const styles = useStyles();
  const ctx = useDataContext();
  const graph = useGraphAccess();
  const today = useToday();
  const [busy, setBusy] = useState<string | null>(null);
  // The request whose Decline is open, with the reason typed so far and its refusal.
  const [declining, setDeclining] = useState<{ id: string; note: string; error?: string } | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [message, setMessage] = useState<{
    intent: "success" | "warning" | "error";
    text: string;
  } | null>(null);
  const { dashboard } = props;
  const waiting = dashboard.dateChanges.filter((c) => c.status === "requested");
  const actions = new Map(dashboard.actions.map((r) => [r.action.id, r]));

  async function decide(change: DateChangeRecord, approve: boolean) {
    const record = actions.get(change.actionId);
    const ref = record?.action.ref ?? "this action";
    const note = declining?.id === change.id ? declining.note.trim() : "";
    if (!approve && note === "") {
      setDeclining({ id: change.id, note: "", error: "Give the reason for declining the request." });
      noteRef.current?.focus();
      return;
    }
    setBusy(change.id);
    setMessage(null);
    try {
      const decision = approve ? { decidedOn: today } : { decidedOn: today, note };
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
      setDeclining(null);
      props.onDecided(next);
      const done = `The request for action ${ref} was ${approve ? "approved: its target date is now " + targetDateText(change.to) : "declined"}.`;
      const unsent = await tellOfDateChange(
        graph,
        {
          event: approve ? "approved" : "declined",
          actionId: change.actionId,
          actionRef: ref,
          from: change.from,
          to: change.to,
          reason: note,
        },
        change.requestedBy === "" ? [] : [change.requestedBy],
        "The SRO who asked",
      );
      setMessage(
        unsent === null
          ? { intent: "success", text: `${done} The SRO has been told in Teams.` }
          : { intent: "warning", text: `${done} ${unsent}` },
      );
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
                  {change.requestedByName !== undefined
                    ? ` by ${change.requestedByName}`
                    : change.requestedBy === ""
                      ? ""
                      : ` by ${change.requestedBy}`}
                  . Reason: {change.reason}
                </Caption1>
                {declining?.id === change.id ? (
                  <div className={styles.decline}>
                    <Field
                      label={`Reason for declining the request for action ${ref}`}
                      required
                      validationMessage={declining.error}
                      hint="The SRO is shown this reason."
                    >
                      <Textarea
                        ref={noteRef}
                        name="declineReason"
                        value={declining.note}
                        rows={3}
                        resize="vertical"
                        onChange={(_, data) => {
                          setDeclining({ id: change.id, note: data.value });
                        }}
                      />
                    </Field>
                    <div className={styles.buttons}>
                      <Button
                        appearance="primary"
                        disabledFocusable={busy !== null}
                        onClick={() => void decide(change, false)}
                      >
                        Decline the request
                      </Button>
                      <Button
                        disabledFocusable={busy !== null}
                        onClick={() => {
                          setDeclining(null);
                        }}
                      >
                        Cancel
                      </Button>
                    </div>
                  </div>
                ) : (
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
                      onClick={() => {
                        setMessage(null);
                        setDeclining({ id: change.id, note: "" });
                        requestAnimationFrame(() => noteRef.current?.focus());
                      }}
                    >
                      Decline
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
