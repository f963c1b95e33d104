// "Mark complete" with a closing note: the note is posted as the action's last update (Completed, 100%) and
// the action recorded as complete today, as one change in one request, checked against the version read:
// someone else's change in between is shown in words rather than overwritten, and nothing is half-saved.
// The SRO confirms first (ConfirmComplete), as they do when an update's status is Completed.
import { useRef, useState } from "react";
import type { ProgressUpdate } from "../../../domain/types.ts";
import type { ActionRecord, PeriodRecord } from "../../../sharepoint/schema/index.ts";
import { addProgressUpdate, ConflictError } from "./api/index.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { TextAreaField } from "../../components/FormParts.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { ConfirmComplete } from "./ConfirmComplete.tsx";

/** The closing-note form for an open action. */
export function CompleteForm(props: {
  record: ActionRecord;
  openPeriod: PeriodRecord | null;
  onCompleted: (update: ProgressUpdate, record: ActionRecord) => void;
  onConflict: () => void;
}) {
  const ctx = useDataContext();
  const today = useToday();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);

  function check() {
    setFailure(null);
    if (note.trim() === "") {
      setError("Write a closing note: what was delivered, and where the evidence is.");
      noteRef.current?.focus();
      return;
    }
    setError(undefined);
    setConfirming(true);
  }

  async function save() {
    setConfirming(false);
    setSaving(true);
    try {
      const posted = await addProgressUpdate(
        ctx,
        props.record,
        {
          date: today,
          text: note,
          reportedStatus: "Completed",
          percentComplete: 100,
          periodId: props.openPeriod?.id ?? null,
          evidenceUrl: null,
        },
        { completeOn: today },
      );
      setNote("");
      props.onCompleted(posted.update, posted.record);
    } catch (caught) {
      setFailure(describeError(caught));
      if (caught instanceof ConflictError) props.onConflict();
    } finally {
      setSaving(false);
    }
  }

  return (
    <ActionForm
      title="Mark complete"
      name="complete"
      onSubmit={check}
      failure={failure}
      failurePrefix="The action was not marked complete."
      saving={saving}
      button={{ label: "Mark complete", savingLabel: "Saving…", hidden: confirming }}
    >
      <TextAreaField
        label="Closing note"
        required
        problem={error}
        value={note}
        textareaRef={noteRef}
        onChange={setNote}
      />
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
