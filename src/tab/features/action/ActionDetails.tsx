// What an action is and where it stands: full text, plan, SRO post and holder, target date (and what it
// was), status as reported and as the dates say (with a flag when they disagree), % complete; a withdrawn
// action shows "Withdrawn" in place of its status.
import { Body1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { deriveStatus } from "../../../domain/status.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { WithdrawnBadge } from "../../components/WithdrawnBadge.tsx";
import { targetWithMoveText } from "../../components/target-date.ts";
import { useToday } from "../../lib/data.tsx";
import type { ActionView } from "./use-action.ts";
import { shownText } from "../../../lib/bidi.ts";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "minmax(8em, max-content) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The action's facts as a description list. */
export function ActionDetails(props: { view: ActionView }) {
  const styles = useStyles();
  const today = useToday();
  const { record, post } = props.view;
  const { action } = record;
  const status = deriveStatus(action, {
    today,
    reported: record.latest?.reportedStatus ?? null,
    overdueAfterMonths: props.view.overdueAfterMonths,
  });
  const holder = post === null ? null : (post.holderName ?? post.holderUpn);
  return (
    <>
      <Body1 as="p" style={{ whiteSpace: "pre-wrap", margin: 0 }}>
        {shownText(action.text)}
      </Body1>
      <dl className={styles.facts}>
        <dt className={styles.term}>Plan</dt>
        <dd className={styles.value}>{shownText(record.planTitle) ?? "Not known"}</dd>
        <dt className={styles.term}>SRO</dt>
        <dd className={styles.value}>
          {shownText(action.sroPost) ?? "No SRO named"}
          {holder === null ? "" : ` (held by ${shownText(holder)})`}
        </dd>
        <dt className={styles.term}>Target date</dt>
        <dd className={styles.value}>{targetWithMoveText(action.targetDate, record.baseline)}</dd>
        <dt className={styles.term}>Status</dt>
        <dd className={styles.value}>
          {action.withdrawn !== undefined ? (
            <WithdrawnBadge />
          ) : (
            <>
              <span className={styles.badges}>
                <StatusBadge status={status.derived} />
                {status.disagrees && status.reported !== null && (
                  <StatusBadge status={status.reported} label="SRO reported" />
                )}
              </span>
              {status.disagrees && (
                <Text as="p" size={200} style={{ margin: `${tokens.spacingVerticalXS} 0 0` }}>
                  The status the SRO reported differs from what the target date says; the plan shows{" "}
                  {status.derived}.
                </Text>
              )}
            </>
          )}
        </dd>
        <dt className={styles.term}>% complete</dt>
        <dd className={styles.value}>
          {record.latest?.percentComplete == null
            ? "Not reported"
            : `${String(record.latest.percentComplete)}%`}
        </dd>
      </dl>
    </>
  );
}
