// Actions by status as horizontal bars, each labelled with its status and count (colour is never the only
// signal), with the same numbers in a table for screen readers and anyone who prefers one.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PlanFigures, Status } from "../../../domain/types.ts";
import { STATUSES } from "../../../domain/types.ts";
import { useChartStyles } from "./chart-styles.ts";
import { useChartWidth } from "./use-chart-width.ts";

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
// At most this wide, and drawn at the width it has (one unit one pixel), so its 12 px labels stay 12 px on a
// 360 px phone: the bars, not the text, get shorter.
const WIDTH = 340;

/** Actions by status: bars and a table. */
export function StatusChart(props: { figures: PlanFigures }) {
  const styles = useChartStyles();
  const bars = useBarStyles();
  const { byStatus, actionsTotal } = props.figures;
  const { ref, width } = useChartWidth<HTMLDivElement>(WIDTH, 240, WIDTH);
  const scale = (width - LABEL - 40) / Math.max(actionsTotal, 1);
  const summary = STATUSES.map((s: Status) => `${s} ${byStatus[s]}`).join(", ");
  return (
    <figure className={styles.figure} aria-labelledby="status-chart-caption">
      <figcaption id="status-chart-caption">Actions by status ({actionsTotal} actions)</figcaption>
      <div ref={ref} style={{ width: "100%", maxWidth: `${String(WIDTH)}px` }}>
        <svg
          className={styles.svg}
          width={width}
          height={STATUSES.length * ROW}
          viewBox={`0 0 ${String(width)} ${String(STATUSES.length * ROW)}`}
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
                <rect
                  className={bars.track}
                  x={LABEL}
                  y={y + 4}
                  width={width - LABEL - 40}
                  height={ROW - 10}
                />
                <rect className={bars[status]} x={LABEL} y={y + 4} width={count * scale} height={ROW - 10} />
                <text className={styles.text} x={LABEL + count * scale + 6} y={y + 18}>
                  {count}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
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
