// % complete over time: the actual (closed periods' snapshots, then today) as a solid line and the forecast
// by month end (if every open action finishes on its target date) as a dashed one, with a table of both.
// Drawn at the width it has (use-chart-width.ts), so its text stays 12 px on a phone; there the time axis
// names three months, not five, and the key sits below the drawing as text that wraps.
import { makeStyles, tokens } from "@fluentui/react-components";
import { dateParts, monthName, type IsoDate } from "../../../domain/iso-date.ts";
import type { ProgressPoint } from "./dashboard-view.ts";
import { useChartStyles } from "./chart-styles.ts";
import { useChartWidth } from "./use-chart-width.ts";

const WIDE = 560;
const NARROW = 420;
const HEIGHT = 190;
const PAD = { left: 40, right: 24, top: 12, bottom: 28 };

const useKeyStyles = makeStyles({
  key: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  entry: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  swatch: { flexShrink: 0 },
});

// "Apr 24": enough to place a point on the time axis; the table gives the full dates.
function shortMonth(date: IsoDate): string {
  return `${monthName(dateParts(date).month).slice(0, 3)} ${date.slice(2, 4)}`;
}

// At most `most` evenly spaced labels on the time axis, always the first and the last point.
function ticks(points: readonly ProgressPoint[], most: number): ProgressPoint[] {
  if (points.length <= most) return [...points];
  const step = (points.length - 1) / (most - 1);
  return Array.from({ length: most }, (_, i) => points[Math.round(i * step)] ?? []).flat();
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
  const keyStyles = useKeyStyles();
  const { ref, width } = useChartWidth<HTMLDivElement>(WIDE, 240, WIDE);
  const narrow = width < NARROW;
  const { points } = props;
  const days = points.map((p) => dayNumber(p.date));
  const first = Math.min(...days);
  const span = Math.max(Math.max(...days) - first, 1);
  const x = (date: string) => PAD.left + ((dayNumber(date) - first) / span) * (width - PAD.left - PAD.right);
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
      <div ref={ref} style={{ width: "100%", maxWidth: `${String(WIDE)}px` }}>
        <svg
          className={styles.svg}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${String(width)} ${String(HEIGHT)}`}
          role="img"
          aria-label={description}
        >
          {[0, 25, 50, 75, 100].map((pct) => (
            <g key={pct}>
              <line className={styles.grid} x1={PAD.left} x2={width - PAD.right} y1={y(pct)} y2={y(pct)} />
              <text className={styles.text} x={PAD.left - 6} y={y(pct) + 4} textAnchor="end">
                {pct}%
              </text>
            </g>
          ))}
          {ticks(points, narrow ? 3 : 5).map((p, i, shown) => (
            <text
              key={`t${p.date}`}
              className={styles.text}
              x={x(p.date)}
              y={y(0) + 16}
              // The first and last labels keep inside the drawing on a narrow screen.
              textAnchor={narrow && i === 0 ? "start" : narrow && i === shown.length - 1 ? "end" : "middle"}
            >
              {shortMonth(p.date)}
            </text>
          ))}
          <line className={styles.axis} x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} />
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
        </svg>
      </div>
      <ul className={keyStyles.key} aria-label="Key">
        <li className={keyStyles.entry}>
          <svg className={keyStyles.swatch} width="24" height="8" aria-hidden="true">
            <line className={styles.actual} x1={0} x2={24} y1={4} y2={4} />
          </svg>
          actual
        </li>
        <li className={keyStyles.entry}>
          <svg className={keyStyles.swatch} width="24" height="8" aria-hidden="true">
            <line className={styles.forecast} x1={0} x2={24} y1={4} y2={4} />
          </svg>
          forecast (if every open action finishes on its target date)
        </li>
      </ul>
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
