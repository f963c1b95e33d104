// The open period's two changes: extend its deadline (and the report date with it, when the new deadline
// would pass it), and close it (ClosePeriodForm.tsx), which freezes the figures the dashboard's "since the
// last report" reads, once the coordinator has confirmed what is still owed. Both are saved with the
// period's ETag: if another coordinator changed it, this one is told, the period is read again, and what
// they typed stays.
import { useRef, useState } from "react";
import { formatUkDate, type IsoDate } from "../../../../domain/index.ts";
import { extendPeriod } from "../api/index.ts";
import type { PeriodRecord } from "../../../../sharepoint/schema/index.ts";
import { DayField } from "../DayField.tsx";
import { ClosePeriodForm } from "./ClosePeriodForm.tsx";
import { ManageForm } from "../ManageForm.tsx";
import { readDay } from "../uk-date.ts";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

interface Props {
  period: PeriodRecord;
  today: IsoDate;
  onChanged: (period: PeriodRecord, message: string) => void;
  /** Someone else changed the period: read it again. */
  onConflict: () => void;
}

function ExtendForm(props: Props) {
  const [deadline, setDeadline] = useState("");
  const [report, setReport] = useState("");
  const [problems, setProblems] = useState<{ deadline?: string; report?: string }>({});
  const write = useCoordinatorWrite("extend reporting periods", props.onConflict);
  const deadlineRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLInputElement>(null);

  async function save() {
    const d = readDay(deadline, "the new update deadline", true);
    const r = readDay(report, "the new report date", false);
    setProblems({ deadline: d.problem, report: r.problem });
    write.clear();
    if (d.day === null) return deadlineRef.current?.focus();
    if (r.problem !== undefined) return reportRef.current?.focus();
    const day = d.day;
    const period = await write.run((ctx) =>
      extendPeriod(ctx, props.period, day, r.day === null ? undefined : r.day),
    );
    if (period === undefined) return;
    setDeadline("");
    setReport("");
    props.onChanged(
      period,
      `Updates for ${period.title} are now due by ${formatUkDate(period.updateDeadline)}; the report date is ${formatUkDate(period.reportDate)}.`,
    );
  }

  return (
    <ManageForm
      title="Extend the deadline"
      name="extend-period"
      level="h3"
      onSubmit={() => void save()}
      failure={write.failure === null ? null : `The deadline was not changed. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Extend deadline", savingLabel: "Saving…", primary: false }}
    >
      <DayField
        label="New update deadline"
        name="newUpdateDeadline"
        required
        value={deadline}
        problem={problems.deadline}
        hint={`Now ${formatUkDate(props.period.updateDeadline)}. For example 30/06/2024.`}
        inputRef={deadlineRef}
        onChange={setDeadline}
      />
      <DayField
        label="New report date (if it moves too)"
        name="newReportDate"
        value={report}
        problem={problems.report}
        hint={`Now ${formatUkDate(props.period.reportDate)}. Leave it empty to keep it.`}
        inputRef={reportRef}
        onChange={setReport}
      />
    </ManageForm>
  );
}

/** The open period's forms. */
export function OpenPeriodPanel(props: Props) {
  return (
    <>
      <ExtendForm {...props} />
      <ClosePeriodForm {...props} />
    </>
  );
}
