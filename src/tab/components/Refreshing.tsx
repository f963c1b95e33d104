// The mark on a view showing data while newer data loads: what the person last saw (kept in the browser) on
// a return visit, or the previous data during a reload. A polite live region, present from the first render
// so a screen reader hears "Refreshing…" when it starts and "Up to date." when the fresh data is in; plain
// text and a pulsing dot rather than Fluent's Spinner, which would add to the first screen's JavaScript.
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  status: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "20px",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  dot: {
    width: "8px",
    height: "8px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandForeground1,
    animationName: { from: { opacity: 1 }, to: { opacity: 0.25 } },
    animationDuration: "0.8s",
    animationIterationCount: "infinite",
    animationDirection: "alternate",
    "@media (prefers-reduced-motion: reduce)": { animationName: "none" },
    "@media (forced-colors: active)": { backgroundColor: "CanvasText" },
  },
  // Said to screen readers, not shown: the view itself shows that it is up to date.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** "Refreshing…" while `refreshing`; kept in the layout (empty) once the fresh data is in. */
export function Refreshing(props: { refreshing: boolean }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.status} data-refreshing={props.refreshing}>
      {props.refreshing ? (
        <>
          <span className={styles.dot} aria-hidden="true" />
          Refreshing…
        </>
      ) : (
        <span className={styles.hidden}>Up to date.</span>
      )}
    </div>
  );
}
