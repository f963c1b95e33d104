// One of my actions in a list: ref and text (a link to the action), plan, target date with "was …" when
// moved, status, and when it was last updated.
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { ActionLink } from "../../components/ActionLink.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { targetWithMoveText } from "../../components/target-date.ts";
import { lateWords, type MyActionItem } from "./group-actions.ts";

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: "2px" },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A list item for one action; `onOpen` opens the action page. */
export function ActionListItem(props: { item: MyActionItem; onOpen: (actionId: string) => void }) {
  const styles = useStyles();
  const { record, status, updateDueFor, updateDaysLate, as, post } = props.item;
  const { action } = record;
  return (
    <li className={styles.item} data-action-ref={action.ref}>
      <ActionLink action={action} onOpen={props.onOpen} />
      <div className={styles.facts}>
        <Caption1>{record.planTitle ?? "Plan not known"}</Caption1>
        <Caption1>Target: {targetWithMoveText(action.targetDate, record.baseline)}</Caption1>
        <Caption1>
          {record.latest === null ? "No update yet" : `Last updated ${formatUkDate(record.latest.date)}`}
        </Caption1>
        {updateDueFor !== null &&
          (updateDaysLate > 0 ? (
            <Caption1 className={styles.late}>
              {lateWords(updateDaysLate)} (was due {formatUkDate(updateDueFor.updateDeadline)})
            </Caption1>
          ) : (
            <Caption1>Update due by {formatUkDate(updateDueFor.updateDeadline)}</Caption1>
          ))}
        {as === "delegate" && <Caption1>Covering for {post.holderName ?? post.title}</Caption1>}
      </div>
      <div>
        <StatusBadge status={status.derived} />
      </div>
    </li>
  );
}
