// Actions by status as horizontal bars, each labelled with its status and count (colour is never the only
// signal), with the same numbers in a table for screen readers and anyone who prefers one.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PlanFigures, Status } from "../../../domain/types.ts";
import { STATUSES } from "../../../domain/types.ts";
import { useChartStyles } from "./chart-styles.ts";

const useBarStyles = makeStyles({
  "Not started": { fill: tokens.colorNeutralForeground3 },
  "On target": { fill: tokens.colorBrandBackground },
  Delayed: { fill: tokens.colorPaletteMarigoldBorderActive },
  Overdue: { fill: tokens.colorPaletteRedBackground3 },
  Completed: { fill: tokens.colorPaletteGreenBackground3 },
  track: { fill: tokens.colorNeutralBackground3 },
});

const ROW = 28;
const LABEL = 110;
// Drawn at 1:1 on a desktop and only a little smaller on a 360 px phone, so its labels stay legible.
const WIDTH = 340;

/** Actions by status: bars and a table. */
export function StatusChart(props: { figures: PlanFigures }) {
  const styles = useChartStyles();
  const bars = useBarStyles();
  const { byStatus, actionsTotal } = props.figures;
  const scale = (WIDTH - LABEL - 40) / Math.max(actionsTotal, 1);
  const summary = STATUSES.map((s: Status) => `${s} ${byStatus[s]}`).join(", ");
  return (
    <figure className={styles.figure} aria-labelledby="status-chart-caption">
      <figcaption id="status-chart-caption">Actions by status ({actionsTotal} actions)</figcaption>
      <svg
        className={styles.svg}
        style={{ maxWidth: `${WIDTH}px` }}
        viewBox={`0 0 ${WIDTH} ${STATUSES.length * ROW}`}
        role="img"
        aria-label={`Actions by status: ${summary}.`}
      >
        {STATUSES.map((status, i) => {
          const y = i * ROW;
          const count = byStatus[status];
          return (
            <g key={status}>
              <text className={styles.text} x={0} y={y + 18}>
                {status}
              </text>
              <rect className={bars.track} x={LABEL} y={y + 4} width={WIDTH - LABEL - 40} height={ROW - 10} />
              <rect className={bars[status]} x={LABEL} y={y + 4} width={count * scale} height={ROW - 10} />
              <text className={styles.text} x={LABEL + count * scale + 6} y={y + 18}>
                {count}
              </text>
            </g>
          );
        })}
      </svg>
      <details className={styles.tableWrap}>
        <summary>Show as a table</summary>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {STATUSES.map((status) => (
              <tr key={status}>
                <th scope="row">{status}</th>
                <td>{byStatus[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
