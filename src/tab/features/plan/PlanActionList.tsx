// The plan's actions under their recommendations, each a link to its page with its SRO, target date,
// status and whether this period's update is in; a withdrawn action says so, with when and why, instead.
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ActionLink } from "../../components/ActionLink.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { WithdrawnBadge } from "../../components/WithdrawnBadge.tsx";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { targetWithMoveText } from "../../components/target-date.ts";
import { updateWords, type RecommendationGroup } from "./plan-view.ts";
import { shownText } from "../../../lib/bidi.ts";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    listStyleType: "none",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  facts: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalL },
});

/** Recommendations with their actions; `onOpen` opens an action's page. */
export function PlanActionList(props: {
  groups: readonly RecommendationGroup[];
  hasPeriod: boolean;
  onOpen: (actionId: string) => void;
}) {
  const styles = useStyles();
  return (
    <>
      {props.groups.map((group) => {
        const key = group.recommendation?.id ?? "none";
        return (
          <section key={key} className={styles.group} aria-labelledby={`rec-${key}`}>
            <Subtitle2 as="h3" id={`rec-${key}`}>
              {group.recommendation === null
                ? "Not under a recommendation"
                : shownText(`Recommendation ${group.recommendation.ref}: ${group.recommendation.title}`)}
            </Subtitle2>
            <ul className={styles.list}>
              {group.items.map(({ record, status, updated, owesUpdate, withdrawn, daysLate }) => {
                const { action } = record;
                return (
                  <li key={action.id} className={styles.item} data-action-ref={action.ref}>
                    <ActionLink action={action} onOpen={props.onOpen} />
                    <div className={styles.facts}>
                      {withdrawn ? <WithdrawnBadge /> : <StatusBadge status={status} />}
                      <Caption1>SRO: {shownText(action.sroPost) ?? "none named"}</Caption1>
                      <Caption1>Target: {targetWithMoveText(action.targetDate, record.baseline)}</Caption1>
                      {action.withdrawn !== undefined && (
                        <Caption1>
                          Withdrawn on {formatUkDate(action.withdrawn.on)}:{" "}
                          {shownText(action.withdrawn.reason)}
                        </Caption1>
                      )}
                      {props.hasPeriod && !withdrawn && (
                        <Caption1>{updateWords({ updated, owesUpdate, daysLate })}</Caption1>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
