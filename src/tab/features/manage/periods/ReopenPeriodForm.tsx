// Reopening the plan's latest period when it was closed by mistake: the coordinator says why (kept with the
// period), and SROs can post updates for it again; closing it again freezes its figures anew. Offered only
// while no later period has been opened; the data layer refuses it in words otherwise.
import { Body1 } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatUkDate, type IsoDate } from "../../../../domain/index.ts";
import { reopenPeriod } from "../api/index.ts";
import type { PeriodRecord } from "../../../../sharepoint/schema/index.ts";
import { TextAreaField } from "../../../components/FormParts.tsx";
import { ManageForm } from "../ManageForm.tsx";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

export function ReopenPeriodForm(props: {
  period: PeriodRecord;
  today: IsoDate;
  onReopened: (period: PeriodRecord, message: string) => void;
  onConflict: () => void;
}) {
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const write = useCoordinatorWrite("reopen reporting periods", props.onConflict);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const { period } = props;

  async function reopen() {
    write.clear();
    if (reason.trim() === "") {
      setProblem("Say why it is being reopened, e.g. “closed by mistake before the deadline”.");
      reasonRef.current?.focus();
      return;
    }
    setProblem(undefined);
    const reopened = await write.run((ctx) => reopenPeriod(ctx, period, reason, props.today));
    if (reopened === undefined) return;
    setReason("");
    props.onReopened(
      reopened,
      `${reopened.title} is open again: SROs can post updates for it until ${formatUkDate(reopened.updateDeadline)}. The reason is kept with the period.`,
    );
  }

  return (
    <ManageForm
      title={`Reopen ${period.title}`}
      name="reopen-period"
      level="h3"
      onSubmit={() => void reopen()}
      failure={write.failure === null ? null : `The period was not reopened. ${write.failure}`}
      saving={write.saving}
      button={{ label: `Reopen ${period.title}`, savingLabel: "Reopening…", primary: false }}
    >
      <Body1>
        Closed by mistake? Reopening takes updates for {period.title} again, until the next period is opened;
        its figures are kept afresh when it closes again.
      </Body1>
      <TextAreaField
        label="Why it is being reopened"
        name="reopenReason"
        required
        problem={problem}
        value={reason}
        rows={2}
        textareaRef={reasonRef}
        onChange={(text) => {
          setReason(text);
          if (text.trim() !== "") setProblem(undefined);
        }}
      />
    </ManageForm>
  );
}
