// "Reopen" for coordinators: why, and the status the action goes back to; written as an update
// ("Reopened: …") and the completion date cleared, together (src/sharepoint/actions/reopen.ts).
import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { ProgressUpdate } from "../../../domain/types.ts";
import type { ActionRecord, PeriodRecord } from "../../../sharepoint/schema/index.ts";
import type { ReopenStatus } from "../../../sharepoint/actions/index.ts";
import { ConflictError, REOPEN_STATUSES, reopenAction } from "./api/index.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { TextAreaField } from "../../components/FormParts.tsx";
import { ActionForm } from "./ActionForm.tsx";

/** The reopen form for a completed action. */
export function ReopenForm(props: {
  record: ActionRecord;
  openPeriod: PeriodRecord | null;
  onReopened: (update: ProgressUpdate, record: ActionRecord) => void;
  onConflict: () => void;
}) {
  const ctx = useDataContext();
  const today = useToday();
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<ReopenStatus>("On target");
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    setFailure(null);
    if (reason.trim() === "") {
      setError("Say why the action is reopened: the history and the next report show it.");
      return;
    }
    setError(undefined);
    setSaving(true);
    try {
      const result = await reopenAction(ctx, props.record, {
        date: today,
        reason,
        status,
        periodId: props.openPeriod?.id ?? null,
      });
      props.onReopened(result.update, result.record);
    } catch (caught) {
      setFailure(describeError(caught));
      if (caught instanceof ConflictError) props.onConflict();
    } finally {
      setSaving(false);
    }
  }

  return (
    <ActionForm
      title="Reopen the action"
      name="reopen"
      onSubmit={() => void save()}
      failure={failure}
      failurePrefix="The action was not reopened."
      saving={saving}
      button={{ label: "Reopen", savingLabel: "Reopening…", primary: true }}
    >
      <TextAreaField
        label="Why it is reopened"
        required
        problem={error}
        value={reason}
        onChange={setReason}
      />
      <Field label="Status from now" required>
        <Select
          value={status}
          onChange={(_, data) => {
            const chosen = REOPEN_STATUSES.find((s) => s === data.value);
            if (chosen !== undefined) setStatus(chosen);
          }}
        >
          {REOPEN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
    </ActionForm>
  );
}
