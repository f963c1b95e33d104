// % complete over time: the actual (closed periods' snapshots, then today) as a solid line and the forecast
// by month end (if every open action finishes on its target date) as a dashed one, with a table of both.
import { dateParts, monthName, type IsoDate } from "../../../domain/iso-date.ts";
import type { ProgressPoint } from "./dashboard-view.ts";
import { useChartStyles } from "./chart-styles.ts";

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 40, right: 24, top: 12, bottom: 44 };

// "Apr 24": enough to place a point on the time axis; the table gives the full dates.
function shortMonth(date: IsoDate): string {
  return `${monthName(dateParts(date).month).slice(0, 3)} ${date.slice(2, 4)}`;
}

// At most five evenly spaced labels on the time axis, always the first and the last point.
function ticks(points: readonly ProgressPoint[]): ProgressPoint[] {
  if (points.length <= 5) return [...points];
  const step = (points.length - 1) / 4;
  return [0, 1, 2, 3, 4].flatMap((i) => points[Math.round(i * step)] ?? []);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function pathOf(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
}

/** The forecast of % complete by month end against the actual. */
export function ForecastChart(props: { points: ProgressPoint[] }) {
  const styles = useChartStyles();
  const { points } = props;
  const days = points.map((p) => dayNumber(p.date));
  const first = Math.min(...days);
  const span = Math.max(Math.max(...days) - first, 1);
  const x = (date: string) => PAD.left + ((dayNumber(date) - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (pct: number) => PAD.top + (1 - pct / 100) * (HEIGHT - PAD.top - PAD.bottom);
  const actual = points.filter((p) => p.kind === "actual");
  const today = actual.at(-1);
  const forecast = [...(today ? [today] : []), ...points.filter((p) => p.kind === "forecast")];
  const xy = (p: ProgressPoint) => ({ x: x(p.date), y: y(p.percentComplete) });
  const last = forecast.at(-1);
  const description =
    `Actual: ${actual.map((p) => `${p.label} ${p.percentComplete}%`).join(", ")}.` +
    (last && last.kind === "forecast" ? ` Forecast: ${last.percentComplete}% by ${last.label}.` : "");
  return (
    <figure className={styles.figure} aria-labelledby="forecast-chart-caption">
      <figcaption id="forecast-chart-caption">
        % of actions complete: actual and forecast by month end
      </figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        {[0, 25, 50, 75, 100].map((pct) => (
          <g key={pct}>
            <line className={styles.grid} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(pct)} y2={y(pct)} />
            <text className={styles.text} x={PAD.left - 6} y={y(pct) + 4} textAnchor="end">
              {pct}%
            </text>
          </g>
        ))}
        {ticks(points).map((p) => (
          <text key={`t${p.date}`} className={styles.text} x={x(p.date)} y={y(0) + 16} textAnchor="middle">
            {shortMonth(p.date)}
          </text>
        ))}
        <line className={styles.axis} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <path className={styles.forecast} d={pathOf(forecast.map(xy))} />
        <path className={styles.actual} d={pathOf(actual.map(xy))} />
        {forecast.slice(1).map((p) => (
          <circle
            key={`f${p.date}`}
            className={styles.forecastDot}
            cx={x(p.date)}
            cy={y(p.percentComplete)}
            r={3}
          />
        ))}
        {actual.map((p) => (
          <circle
            key={`a${p.date}`}
            className={styles.actualDot}
            cx={x(p.date)}
            cy={y(p.percentComplete)}
            r={4}
          />
        ))}
        <line className={styles.actual} x1={PAD.left} x2={PAD.left + 20} y1={HEIGHT - 10} y2={HEIGHT - 10} />
        <text className={styles.text} x={PAD.left + 26} y={HEIGHT - 6}>
          actual
        </text>
        <line
          className={styles.forecast}
          x1={PAD.left + 90}
          x2={PAD.left + 110}
          y1={HEIGHT - 10}
          y2={HEIGHT - 10}
        />
        <text className={styles.text} x={PAD.left + 116} y={HEIGHT - 6}>
          forecast (if every open action finishes on its target date)
        </text>
      </svg>
      <details className={styles.tableWrap}>
        <summary>Show as a table</summary>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">% complete</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={`${p.kind}${p.date}`}>
                <th scope="row">{p.label}</th>
                <td>{p.kind === "actual" ? "Actual" : "Forecast"}</td>
                <td>{p.percentComplete}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
