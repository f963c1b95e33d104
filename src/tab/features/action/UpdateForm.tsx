// "Post an update": text, status, % complete and an optional evidence link, saved in one request. What was
// typed stays in the form until it is saved; a failure (someone else's change included) is shown in words
// above the button. Native controls throughout, so it works with the keyboard alone and on a phone.
// An update whose status is Completed is the one path to completion too: it is confirmed, and saved as
// "Mark complete" saves it (the text as the closing note, 100%, complete today).
import {
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ProgressUpdate } from "../../../domain/types.ts";
import type { PeriodRecord, ActionRecord } from "../../../sharepoint/schema/index.ts";
import { addProgressUpdate, ConflictError } from "./api/index.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { StatusOptions, TextAreaField } from "../../components/FormParts.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { ConfirmComplete } from "./ConfirmComplete.tsx";
import {
  checkUpdateForm,
  EMPTY_FORM,
  isStatus,
  startingForm,
  toNewUpdate,
  type UpdateFormErrors,
  type UpdateFormValues,
} from "./update-form.ts";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
});

interface Props {
  record: ActionRecord;
  openPeriod: PeriodRecord | null;
  /** The plan's rule for Delayed becoming Overdue (1 month unless the plan says otherwise). */
  overdueAfterMonths?: number;
  onSaved: (update: ProgressUpdate, record: ActionRecord) => void;
  /** Someone else changed the action since it was read. */
  onConflict: () => void;
}

/** The update form for one action as read (`record` carries the ETag the save is checked against). */
export function UpdateForm(props: Props) {
  const styles = useStyles();
  const ctx = useDataContext();
  const today = useToday();
  // The action's status as the plan shows it, not only as last reported (a Delayed action opens as Delayed).
  const [values, setValues] = useState<UpdateFormValues>(() =>
    startingForm(props.record, today, props.overdueAfterMonths),
  );
  const [errors, setErrors] = useState<UpdateFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const completing = values.status === "Completed" && props.record.action.completedOn === null;

  const set = (field: keyof UpdateFormValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };

  function check() {
    const problems = checkUpdateForm(values);
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    if (completing) setConfirming(true);
    else void save();
  }

  async function save() {
    setConfirming(false);
    setSaving(true);
    try {
      const update = toNewUpdate(values, today, props.openPeriod?.id ?? null);
      const result = await addProgressUpdate(
        ctx,
        props.record,
        completing ? { ...update, percentComplete: 100 } : update,
        completing ? { completeOn: today } : {},
      );
      setValues({ ...EMPTY_FORM, status: values.status, percent: values.percent });
      setSaved(true);
      props.onSaved(result.update, result.record);
    } catch (error) {
      setFailure(describeError(error));
      if (error instanceof ConflictError) props.onConflict();
    } finally {
      setSaving(false);
    }
  }

  return (
    <ActionForm
      title="Post an update"
      name="update"
      onSubmit={check}
      failure={failure}
      failurePrefix="Your update was not saved."
      after={
        saved && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>Your update has been saved.</MessageBarBody>
          </MessageBar>
        )
      }
      saving={saving}
      button={{
        label: completing ? "Save and mark complete" : "Save update",
        savingLabel: "Saving…",
        primary: true,
        hidden: confirming,
      }}
    >
      <TextAreaField
        label="What has happened since the last update"
        required
        problem={errors.text}
        value={values.text}
        rows={5}
        onChange={set("text")}
      />
      <div className={styles.row}>
        <Field
          label="Status"
          required
          validationMessage={errors.status}
          hint={
            completing
              ? "Completed marks the action complete today, with this update as its closing note."
              : undefined
          }
        >
          <Select
            value={values.status}
            onChange={(_, data) => {
              set("status")(isStatus(data.value) ? data.value : "");
            }}
          >
            <option value="">Choose…</option>
            <StatusOptions />
          </Select>
        </Field>
        <Field label="% complete" validationMessage={errors.percent} hint="0 to 100">
          <Input
            inputMode="numeric"
            value={values.percent}
            onChange={(_, data) => {
              set("percent")(data.value);
            }}
          />
        </Field>
      </div>
      <Field label="Evidence link (optional)" validationMessage={errors.evidenceUrl}>
        <Input
          type="url"
          value={values.evidenceUrl}
          onChange={(_, data) => {
            set("evidenceUrl")(data.value);
          }}
        />
      </Field>
      {confirming && (
        <ConfirmComplete
          ref_={props.record.action.ref}
          today={today}
          onConfirm={() => void save()}
          onCancel={() => {
            setConfirming(false);
          }}
        />
      )}
    </ActionForm>
  );
}
