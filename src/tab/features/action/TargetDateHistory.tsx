// The target date's history: the baseline the plan set, then every request to move it, each with its
// reason and what was decided (with a decline's reason), oldest first so it reads as a story.
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import type { TargetDate } from "../../../domain/types.ts";
import type { DateChangeRecord } from "../../../sharepoint/schema/index.ts";
import { targetDateText } from "../../components/target-date.ts";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { listStyleType: "none", display: "flex", flexDirection: "column" },
});

const DECIDED: Record<DateChangeRecord["status"], string> = {
  requested: "waiting for a coordinator",
  approved: "approved",
  declined: "declined",
  withdrawn: "withdrawn by the SRO",
};

/** The baseline and every change; `changes` may come in any order. */
export function TargetDateHistory(props: { baseline: TargetDate; changes: readonly DateChangeRecord[] }) {
  const styles = useStyles();
  const oldestFirst = [...props.changes].sort((a, b) =>
    a.requestedOn === b.requestedOn ? Number(a.id) - Number(b.id) : a.requestedOn < b.requestedOn ? -1 : 1,
  );
  return (
    <ol className={styles.list} aria-label="Target date history, oldest first">
      <li className={styles.item}>
        <Body1>Baseline: {targetDateText(props.baseline)}</Body1>
        {props.baseline.text.trim() !== "" && props.baseline.due !== null && (
          <Caption1>As the plan wrote it: “{props.baseline.text}”</Caption1>
        )}
      </li>
      {oldestFirst.map((change) => (
        <li key={change.id} className={styles.item} data-date-change-id={change.id}>
          <Body1>
            {formatUkDate(change.requestedOn)}: {change.requestedByName ?? "the SRO"} asked to move from{" "}
            {targetDateText(change.from)} to {targetDateText(change.to)} — {DECIDED[change.status]}
            {change.decidedByName === undefined || change.status === "withdrawn"
              ? ""
              : ` by ${change.decidedByName}`}
            {change.decidedOn === undefined ? "" : ` on ${formatUkDate(change.decidedOn)}`}
          </Body1>
          <Caption1>Reason: {change.reason}</Caption1>
          {change.decisionNote !== undefined && (
            <Caption1>
              {change.status === "declined" ? "Reason for declining" : "Coordinator's note"}:{" "}
              {change.decisionNote}
            </Caption1>
          )}
        </li>
      ))}
    </ol>
  );
}
