// The plan's withdrawn actions, each with when and why: they stay in the plan and its reports as withdrawn,
// outside the status figures (never overdue). Shown only when there are any.
import { Body1, Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { WithdrawnBadge } from "../../components/WithdrawnBadge.tsx";
import type { WithdrawnAction } from "./dashboard-view.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** The section, or nothing when no action has been withdrawn. */
export function WithdrawnList(props: { actions: readonly WithdrawnAction[] }) {
  const styles = useStyles();
  if (props.actions.length === 0) return null;
  const count = props.actions.length;
  return (
    <section className={styles.section} aria-labelledby="withdrawn-heading">
      <Subtitle1 as="h2" id="withdrawn-heading">
        Withdrawn
      </Subtitle1>
      <Body1>
        {count === 1 ? "1 action was" : `${String(count)} actions were`} withdrawn by the plan's coordinators.
        They are not counted in the figures above.
      </Body1>
      <ul className={styles.list} aria-label="Withdrawn actions">
        {props.actions.map((a) => (
          <li key={a.id} className={styles.item} data-withdrawn-ref={a.ref}>
            <span className={styles.line}>
              <WithdrawnBadge />
              <Body1>
                {a.milestone ? "Milestone" : "Action"} {a.ref}: {a.text}
              </Body1>
            </span>
            <Caption1>
              Withdrawn on {formatUkDate(a.on)}: {a.reason}
            </Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
