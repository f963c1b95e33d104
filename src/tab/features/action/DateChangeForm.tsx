// "Ask to move the target date": the new date as people write it ("30 Sept 2025", "Sept-25") and a reason,
// both required; the date after today and unlike the current one. While a request waits, the form says so
// (its date and reason) and offers to withdraw it instead of asking again. A sent request is told to the
// plan's coordinators in Teams; a coordinator approves or declines it from the plan view.
import {
  Body1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { formatUkDate } from "../../../domain/index.ts";
import { loadCoordinatorUpns, requestDateChange, withdrawDateChange } from "./api/index.ts";
import type { ActionRecord, DateChangeRecord } from "../../../sharepoint/schema/index.ts";
import { targetDateText } from "../../components/target-date.ts";
import { useDataContext, useGraphAccess, useToday } from "../../lib/data.tsx";
import { tellOfDateChange } from "../../lib/date-change-notify.ts";
import { describeError } from "../../lib/describe-error.ts";
import { ActionForm } from "./ActionForm.tsx";
import { dateChangeProblems, type DateChangeProblems } from "./date-change-form.ts";

type Outcome = { intent: "success" | "warning"; text: string } | null;

/**
 * The form; `waiting` is a request not yet decided (then the form offers its asker, `me`, to withdraw it,
 * and tells anyone else a coordinator decides it).
 */
export function DateChangeForm(props: {
  record: ActionRecord;
  waiting: DateChangeRecord | null;
  me: string | null;
  onRequested: (change: DateChangeRecord) => void;
  onWithdrawn: (change: DateChangeRecord) => void;
}) {
  const ctx = useDataContext();
  const graph = useGraphAccess();
  const today = useToday();
  const [toText, setToText] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<DateChangeProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const { record, waiting } = props;

  async function ask() {
    const problems = dateChangeProblems(
      { toText, reason },
      record.action.targetDate,
      record.planReferenceDate,
      today,
    );
    setErrors(problems);
    setFailure(null);
    setOutcome(null);
    if (problems.toText !== undefined) return dateRef.current?.focus();
    if (problems.reason !== undefined) return reasonRef.current?.focus();
    setSaving(true);
    try {
      const change = await requestDateChange(ctx, record, { toText, reason, requestedOn: today });
      setToText("");
      setReason("");
      props.onRequested(change);
      const notice = {
        event: "requested" as const,
        actionId: record.action.id,
        actionRef: record.action.ref,
      };
      const unsent = await tellOfDateChange(
        graph,
        { ...notice, from: change.from, to: change.to, reason: change.reason },
        await loadCoordinatorUpns(ctx),
        "The plan's coordinators",
      );
      setOutcome(
        unsent === null
          ? { intent: "success", text: "Your request has been sent to the plan's coordinators." }
          : { intent: "warning", text: `Your request has been saved. ${unsent}` },
      );
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  async function withdraw(change: DateChangeRecord) {
    setFailure(null);
    setOutcome(null);
    setSaving(true);
    try {
      const withdrawn = await withdrawDateChange(ctx, change, today, record.planReferenceDate);
      props.onWithdrawn(withdrawn);
      setOutcome({ intent: "success", text: "Your request has been withdrawn. You can ask again below." });
      requestAnimationFrame(() => dateRef.current?.focus());
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  const said = outcome !== null && (
    <MessageBar intent={outcome.intent} layout="multiline" role="status">
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );

  const waitingWords = waiting !== null && (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        A request to move this date to {targetDateText(waiting.to)} (asked {formatUkDate(waiting.requestedOn)}
        ) is waiting for a coordinator&apos;s decision. Reason: {waiting.reason}
      </MessageBarBody>
    </MessageBar>
  );

  if (waiting !== null && waiting.requestedBy !== props.me?.toLowerCase())
    return (
      <section
        aria-labelledby={`${headingId}-waiting`}
        style={{ display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "640px" }}
      >
        <h2 id={`${headingId}-waiting`} tabIndex={-1} style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
          Ask to move the target date
        </h2>
        {waitingWords}
        <Body1>A coordinator decides it from the plan view; only the person who asked can withdraw it.</Body1>
      </section>
    );

  if (waiting !== null)
    return (
      <ActionForm
        title="Ask to move the target date"
        name="date-change"
        onSubmit={() => void withdraw(waiting)}
        failure={failure}
        failurePrefix="Your request was not withdrawn."
        saving={saving}
        button={{ label: "Withdraw the request", savingLabel: "Withdrawing…" }}
      >
        {said}
        {waitingWords}
      </ActionForm>
    );

  return (
    <ActionForm
      title="Ask to move the target date"
      name="date-change"
      onSubmit={() => void ask()}
      failure={failure}
      failurePrefix="Your request was not sent."
      saving={saving}
      button={{ label: "Ask to move the date", savingLabel: "Sending…" }}
    >
      {said}
      <Field
        label="New target date"
        required
        validationMessage={errors.toText}
        hint={`Currently ${targetDateText(record.action.targetDate)}. For example 30 September 2025, or Sept-25`}
      >
        <Input
          ref={dateRef}
          name="newTargetDate"
          value={toText}
          onChange={(_, data) => {
            setToText(data.value);
            setOutcome(null);
          }}
        />
      </Field>
      <Field label="Reason for the change" required validationMessage={errors.reason}>
        <Textarea
          ref={reasonRef}
          name="dateChangeReason"
          value={reason}
          rows={3}
          resize="vertical"
          onChange={(_, data) => {
            setReason(data.value);
            setOutcome(null);
          }}
        />
      </Field>
    </ActionForm>
  );
}
