// Closing the open period, in two steps: "Close Q1 2024/25" reads what is still owed and shows it with the
// deadline (in words, a warning while updates are owed or the deadline is still to come); "Yes, close …"
// closes it, "Keep it open" steps back. Closing is refused while target-date change requests wait, unless
// the coordinator ticks that they want to close it anyway. A period closed by mistake can be reopened
// (ReopenPeriodForm.tsx) until the next one is opened.
import { Body1, Button, Checkbox, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { formatUkDate, type IsoDate } from "../../../../domain/index.ts";
import { checkClosing, closePeriod, RequestsWaitingError, type ClosingCheck } from "../api/index.ts";
import type { PeriodRecord } from "../../../../sharepoint/schema/index.ts";
import { ManageForm } from "../ManageForm.tsx";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

interface Props {
  period: PeriodRecord;
  today: IsoDate;
  onChanged: (period: PeriodRecord, message: string) => void;
  /** Someone else changed the period: read it again. */
  onConflict: () => void;
}

/** "53 of 56 updates are still owed for Q1 2024/25, due by 5 June 2024, which has not passed yet." */
export function closingWords(period: PeriodRecord, check: ClosingCheck): string {
  const due = formatUkDate(period.updateDeadline);
  const deadline = check.deadlinePassed
    ? `The deadline, ${due}, has passed.`
    : `Updates are due by ${due}, which has not passed yet.`;
  if (check.updates === null) return `No updates are owed for ${period.title}. ${deadline}`;
  const { due: count, received } = check.updates;
  const owed = count - received;
  const updates = `${String(count)} ${count === 1 ? "update" : "updates"}`;
  const owing =
    owed === 0
      ? `All ${updates} for ${period.title} are in.`
      : `${String(owed)} of ${updates} ${owed === 1 ? "is" : "are"} still owed for ${period.title}.`;
  return `${owing} ${deadline}`;
}

export function ClosePeriodForm(props: Props) {
  const [waiting, setWaiting] = useState<string[] | null>(null);
  const [anyway, setAnyway] = useState(false);
  const [check, setCheck] = useState<ClosingCheck | null>(null);
  const write = useCoordinatorWrite("close reporting periods", props.onConflict);

  async function ask() {
    write.clear();
    const read = await write.run((ctx) => checkClosing(ctx, props.period, props.today));
    if (read === undefined) return;
    setCheck(read);
    if (read.waitingRefs.length > 0) setWaiting(read.waitingRefs);
  }

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

  const owing =
    check !== null && (!check.deadlinePassed || (check.updates?.received ?? 0) < (check.updates?.due ?? 0));
  return (
    <ManageForm
      title="Close the period"
      name="close-period"
      level="h3"
      onSubmit={() => void (check === null ? ask() : close())}
      failure={write.failure === null ? null : `The period was not closed. ${write.failure}`}
      saving={write.saving}
      button={
        check === null
          ? { label: `Close ${props.period.title}`, savingLabel: "Checking…" }
          : { label: `Yes, close ${props.period.title}`, savingLabel: "Closing…" }
      }
      extra={
        check !== null && (
          <Button
            type="button"
            onClick={() => {
              setCheck(null);
              write.clear();
            }}
          >
            Keep it open
          </Button>
        )
      }
    >
      <Body1>
        Closing keeps the plan's figures as they stand today ({formatUkDate(props.today)}), so the next report
        can say what changed since. Updates are no longer collected for it.
      </Body1>
      {check !== null && (
        <MessageBar intent={owing ? "warning" : "info"} layout="multiline" data-closing-check="">
          <MessageBarBody>
            {closingWords(props.period, check)} Close it now? It can be reopened until the next period is
            opened.
          </MessageBarBody>
        </MessageBar>
      )}
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
