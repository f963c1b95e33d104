// The open period's two changes: extend its deadline (and the report date with it, when the new deadline
// would pass it), and close it, which freezes the figures the dashboard's "since the last report" reads.
// Closing is refused while target-date change requests wait, unless the coordinator ticks that they want
// to close it anyway. Both are saved with the period's ETag: if another coordinator changed it, this one is
// told, the period is read again, and what they typed stays.
import { Body1, Checkbox } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatUkDate, type IsoDate } from "../../../../domain/index.ts";
import { closePeriod, extendPeriod, RequestsWaitingError } from "../api/index.ts";
import type { PeriodRecord } from "../../../../sharepoint/schema/index.ts";
import { DayField } from "../DayField.tsx";
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

function CloseForm(props: Props) {
  const [waiting, setWaiting] = useState<string[] | null>(null);
  const [anyway, setAnyway] = useState(false);
  const write = useCoordinatorWrite("close reporting periods", props.onConflict);

  async function close() {
    write.clear();
    const closed = await write.run(async (ctx) => {
      try {
        return await closePeriod(ctx, props.period, props.today, { evenWithRequestsWaiting: anyway });
      } catch (error) {
        if (error instanceof RequestsWaitingError) setWaiting(error.actionRefs);
        throw error;
      }
    });
    if (closed !== undefined)
      props.onChanged(
        closed.period,
        `${closed.period.title} is closed: its figures as of ${formatUkDate(props.today)} are kept for the next report.`,
      );
  }

  return (
    <ManageForm
      title="Close the period"
      name="close-period"
      level="h3"
      onSubmit={() => void close()}
      failure={write.failure === null ? null : `The period was not closed. ${write.failure}`}
      saving={write.saving}
      button={{ label: `Close ${props.period.title}`, savingLabel: "Closing…" }}
    >
      <Body1>
        Closing keeps the plan's figures as they stand today ({formatUkDate(props.today)}), so the next report
        can say what changed since. Updates are no longer collected for it.
      </Body1>
      {waiting !== null && (
        <Checkbox
          name="closeAnyway"
          checked={anyway}
          onChange={(_, data) => {
            setAnyway(data.checked === true);
          }}
          label={`Close it anyway, with ${waiting.length === 1 ? "the request" : `the ${String(waiting.length)} requests`} to move a target date still waiting (${waiting.length === 1 ? "action" : "actions"} ${waiting.join(", ")})`}
        />
      )}
    </ManageForm>
  );
}

/** The open period's forms. */
export function OpenPeriodPanel(props: Props) {
  return (
    <>
      <ExtendForm {...props} />
      <CloseForm {...props} />
    </>
  );
}
