// An action's milestones, each with its target date and status as the dates say (or "Withdrawn"); shown
// only when it has any.
import { Caption1, makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import { deriveStatus } from "../../../domain/status.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { WithdrawnBadge } from "../../components/WithdrawnBadge.tsx";
import { targetDateText } from "../../components/target-date.ts";
import { useToday } from "../../lib/data.tsx";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { listStyleType: "none", display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

/** The milestones section, or nothing for an action without milestones. */
export function Milestones(props: { milestones: readonly ActionRecord[]; overdueAfterMonths: number }) {
  const styles = useStyles();
  const today = useToday();
  if (props.milestones.length === 0) return null;
  return (
    <section aria-labelledby="milestones-heading">
      <Subtitle1 as="h2" id="milestones-heading">
        Milestones
      </Subtitle1>
      <ul className={styles.list}>
        {props.milestones.map((m) => (
          <li key={m.action.id} className={styles.item}>
            <Text>
              <Text weight="semibold">{m.action.ref}</Text> {m.action.text}
            </Text>
            <Caption1>Target: {targetDateText(m.action.targetDate)}</Caption1>
            {m.action.withdrawn !== undefined ? (
              <WithdrawnBadge />
            ) : (
              <StatusBadge
                status={
                  deriveStatus(m.action, {
                    today,
                    reported: m.latest?.reportedStatus ?? null,
                    overdueAfterMonths: props.overdueAfterMonths,
                  }).derived
                }
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
