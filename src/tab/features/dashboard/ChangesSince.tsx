// What changed since the last closed period: each headline figure then and now, in words.
import { Body1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { changeText, type DashboardView } from "./dashboard-view.ts";
import { useChartStyles } from "./chart-styles.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The table of changes since the last closed period, or why there is none. */
export function ChangesSince(props: { view: DashboardView }) {
  const styles = useStyles();
  const chart = useChartStyles();
  const { lastClosed, changes } = props.view;
  return (
    <section className={styles.section} aria-labelledby="changes-heading">
      <Subtitle1 as="h2" id="changes-heading">
        Since the last report
      </Subtitle1>
      {lastClosed === null ? (
        <Body1>No reporting period has been closed yet, so there is nothing to compare with.</Body1>
      ) : (
        <div className={chart.tableWrap}>
          <table className={chart.table}>
            <caption>
              Compared with {lastClosed.title} (figures as of {formatUkDate(lastClosed.asOf)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Then</th>
                <th scope="col">Now</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.label}>
                  <th scope="row">{change.label}</th>
                  <td>{change.before}</td>
                  <td>{change.now}</td>
                  <td>{changeText(change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
