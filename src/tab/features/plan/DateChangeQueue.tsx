// The date-change requests waiting for a coordinator: each with its action, the move asked for and the
// reason, and Approve / Decline. Each decision is one request, checked against the versions read: when
// someone else got there first, or the date has moved since the request was made, the coordinator is told in
// words (and the plan is read again). Decline asks for the reason, which the SRO is shown; Approve asks to
// confirm the move, from which date to which. Once approved, "Reverse" moves the date back as a coordinator's
// own change with its reason, so the target date history keeps both (an undo would erase an approval the SRO
// has already been told of in Teams). The SRO is told of every decision in Teams.
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
import { approveDateChange, ConflictError, declineDateChange, reviseTargetDate } from "./api/index.ts";
import type { Dashboard } from "../../../sharepoint/plans/index.ts";
import type { ActionRecord, DateChangeRecord } from "../../../sharepoint/schema/index.ts";
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
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxWidth: "640px",
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** "from 31 March 2024 to 30 June 2024" */
const moveWords = (change: DateChangeRecord) =>
  `from ${targetDateText(change.from)} to ${targetDateText(change.to)}`;

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
  // The request whose Approve is asking to confirm; the last approval, which "Reverse" can move back.
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const [approved, setApproved] = useState<{ change: DateChangeRecord; record: ActionRecord } | null>(null);
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
    setConfirming(null);
    setApproved(null);
    try {
      const decision = approve ? { decidedOn: today } : { decidedOn: today, note };
      let next: Dashboard;
      if (approve) {
        if (record === undefined) throw new Error("The action of this request is not in the plan.");
        const done = await approveDateChange(ctx, change, record, decision);
        setApproved(done);
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

  // The approval moved back by the coordinator's own change, recorded with its reason beside the approval.
  async function reverse(last: { change: DateChangeRecord; record: ActionRecord }) {
    const ref = last.record.action.ref;
    setBusy(last.change.id);
    try {
      const reason = `Reverses the approval on ${formatUkDate(today)} of the move ${moveWords(last.change)}.`;
      const record = await reviseTargetDate(ctx, last.record, last.change.from.text, reason, today);
      setApproved(null);
      props.onDecided({
        ...dashboard,
        actions: dashboard.actions.map((r) => (r.action.id === record.action.id ? record : r)),
      });
      setMessage({
        intent: "success",
        text: `The approval for action ${ref} was reversed: its target date is back to ${targetDateText(last.change.from)}. The target date history keeps both. Tell the SRO, who was told of the approval.`,
      });
    } catch (error) {
      setMessage({
        intent: "error",
        text: `The approval for action ${ref} was not reversed. ${describeError(error)}`,
      });
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
      {approved !== null && (
        <div>
          <Button disabledFocusable={busy !== null} onClick={() => void reverse(approved)}>
            Reverse the approval for action {approved.record.action.ref}
          </Button>
        </div>
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
                ) : confirming === change.id ? (
                  <div
                    className={styles.confirm}
                    role="group"
                    aria-label={`Approve the new date for action ${ref}?`}
                  >
                    <p ref={confirmRef} tabIndex={-1} style={{ margin: 0 }}>
                      <Body1>
                        Move action {ref}&apos;s target date {moveWords(change)}? The SRO is told in Teams.
                      </Body1>
                    </p>
                    <div className={styles.buttons}>
                      <Button
                        appearance="primary"
                        disabledFocusable={busy !== null}
                        onClick={() => void decide(change, true)}
                      >
                        Yes, approve
                      </Button>
                      <Button
                        disabledFocusable={busy !== null}
                        onClick={() => {
                          setConfirming(null);
                          // Back to the request's Approve, where the question was asked from.
                          requestAnimationFrame(() => {
                            document
                              .querySelector<HTMLElement>(`[data-date-change-id="${change.id}"] button`)
                              ?.focus();
                          });
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
                      onClick={() => {
                        setMessage(null);
                        setDeclining(null);
                        setConfirming(change.id);
                        requestAnimationFrame(() => confirmRef.current?.focus());
                      }}
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
