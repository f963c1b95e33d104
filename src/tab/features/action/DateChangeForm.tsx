// "Ask to move the target date": the new date as people write it ("30 Sept 2024", "Sept-24") and a reason,
// both required. A coordinator approves or declines it from the plan view. One request to save.
import { Field, Input, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { useRef, useState } from "react";
import {
  formatUkDate,
  isWithinDateRange,
  LONG_TEXT_LIMIT,
  parseTargetDate,
  tooLongMessage,
} from "../../../domain/index.ts";
import { requestDateChange } from "../../../sharepoint/date-changes.ts";
import type { ActionRecord, DateChangeRecord } from "../../../sharepoint/records.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { ActionForm } from "./ActionForm.tsx";

/** The form; `waiting` is a request not yet decided (then the form says so instead of asking again). */
export function DateChangeForm(props: {
  record: ActionRecord;
  waiting: DateChangeRecord | null;
  onRequested: (change: DateChangeRecord) => void;
}) {
  const ctx = useDataContext();
  const today = useToday();
  const [toText, setToText] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ toText?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [sent, setSent] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  async function save() {
    const problems: { toText?: string; reason?: string } = {};
    const context =
      props.record.planReferenceDate === null ? {} : { referenceDate: props.record.planReferenceDate };
    const due = parseTargetDate(toText, context).due;
    if (toText.trim() === "") problems.toText = "Enter the new target date, for example 30 September 2024.";
    else if (due === null)
      problems.toText = "Enter a date that can be read, for example 30 September 2024 or Sept-24.";
    else if (!isWithinDateRange(due))
      problems.toText = `That reads as ${formatUkDate(due)}, outside 1900–2100: enter a date within the plan's life, for example 30 September 2024.`;
    if (reason.trim() === "") problems.reason = "Give the reason the date needs to move.";
    else if (reason.trim().length > LONG_TEXT_LIMIT)
      problems.reason = `${tooLongMessage("The reason", reason.trim().length, LONG_TEXT_LIMIT)} Shorten it, or put the detail in a document and link to it.`;
    setErrors(problems);
    setFailure(null);
    if (problems.toText !== undefined) return dateRef.current?.focus();
    if (problems.reason !== undefined) return reasonRef.current?.focus();
    setSaving(true);
    try {
      const change = await requestDateChange(ctx, props.record, { toText, reason, requestedOn: today });
      setToText("");
      setReason("");
      setSent(true);
      props.onRequested(change);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <ActionForm
      title="Ask to move the target date"
      name="date-change"
      onSubmit={() => void save()}
      failure={failure}
      failurePrefix="Your request was not sent."
      saving={saving}
      button={{ label: "Ask to move the date", savingLabel: "Sending…" }}
    >
      {sent && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Your request has been sent to the plan's coordinators.</MessageBarBody>
        </MessageBar>
      )}
      {props.waiting !== null && !sent && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>
            A request to move this date is waiting for a coordinator's decision.
          </MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="New target date"
        required
        validationMessage={errors.toText}
        hint="For example 30 September 2024, or Sept-24"
      >
        <Input
          ref={dateRef}
          name="newTargetDate"
          value={toText}
          onChange={(_, data) => {
            setToText(data.value);
            setSent(false);
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
            setSent(false);
          }}
        />
      </Field>
    </ActionForm>
  );
}
