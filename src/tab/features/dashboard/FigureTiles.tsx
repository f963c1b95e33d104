// The headline figures as tiles: each a labelled number in words, in a description list so a screen reader
// reads "Overdue: 9".
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { PlanFigures } from "../../../domain/types.ts";

const useStyles = makeStyles({
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  value: {
    margin: 0,
    order: -1,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  label: { color: tokens.colorNeutralForeground2 },
});

/** The tiles' label and value text, in the order shown (exported for tests). */
export function tileValues(
  figures: PlanFigures,
): { key: string; label: string; value: string; note?: string }[] {
  return [
    {
      key: "percentComplete",
      label: "Actions complete",
      value: `${figures.percentComplete}%`,
      note: `${figures.actionsCompleted} of ${figures.actionsTotal} actions`,
    },
    {
      key: "recommendationsComplete",
      label: "Recommendations fully complete",
      value: figures.recommendationsComplete.text,
    },
    { key: "overdue", label: "Overdue", value: String(figures.overdue) },
    { key: "delayed", label: "Delayed", value: String(figures.delayed) },
    { key: "dueNext30Days", label: "Due in the next 30 days", value: String(figures.dueNext30Days) },
    { key: "noTargetDate", label: "No target date", value: String(figures.noTargetDate) },
    {
      key: "slippage",
      label: "Target dates moved",
      value: String(figures.slippage.actionsMoved),
      note: `${figures.slippage.totalDaysMoved} days in all; ${figures.slippage.awaitingDecision} awaiting a decision`,
    },
    ...(figures.withdrawn === undefined || figures.withdrawn === 0
      ? []
      : [
          {
            key: "withdrawn",
            label: "Withdrawn",
            value: String(figures.withdrawn),
            note: "Not counted in the other figures",
          },
        ]),
    ...(figures.milestones.total === 0
      ? []
      : [
          {
            key: "milestones",
            label: "Milestones complete",
            value: `${figures.milestones.completed} of ${figures.milestones.total}`,
            note: `${figures.milestones.overdue} overdue, ${figures.milestones.delayed} delayed`,
          },
        ]),
    figures.updates === null
      ? { key: "updates", label: "Updates received", value: "—", note: "No reporting period is open" }
      : {
          key: "updates",
          label: "Updates received",
          value: `${figures.updates.received} of ${figures.updates.due}`,
          note: figures.updates.periodTitle,
        },
  ];
}

/** The headline figures of the plan. */
export function FigureTiles(props: { figures: PlanFigures }) {
  const styles = useStyles();
  return (
    <dl className={styles.tiles} aria-label="Headline figures">
      {tileValues(props.figures).map((tile) => (
        <div key={tile.key} className={styles.tile} data-figure={tile.key}>
          <dt className={styles.label}>
            {tile.label}
            {tile.note !== undefined && <Caption1 block>{tile.note}</Caption1>}
          </dt>
          <dd className={styles.value}>{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
