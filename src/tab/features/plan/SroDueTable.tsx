// For coordinators: per SRO, how many updates are still due for the open period.
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { SroDue } from "./plan-view.ts";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "right" },
});

/** The table, or a sentence when every update is in. */
export function SroDueTable(props: { rows: readonly SroDue[]; periodTitle: string }) {
  const styles = useStyles();
  if (props.rows.length === 0)
    return <Body1>Every SRO has given their update for {props.periodTitle}.</Body1>;
  return (
    <table className={styles.table}>
      <caption style={{ textAlign: "left" }}>Updates still due for {props.periodTitle}, by SRO</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            SRO post
          </th>
          <th scope="col" className={styles.cell}>
            Held by
          </th>
          <th scope="col" className={`${styles.cell} ${styles.number}`}>
            Updates due
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.post}>
            <th scope="row" className={styles.cell} style={{ fontWeight: "normal" }}>
              {row.post}
            </th>
            <td className={styles.cell}>{row.holder ?? "Vacant"}</td>
            <td className={`${styles.cell} ${styles.number}`}>{row.due}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
