// Every problem the mapping found, as a table a coordinator can read down: where (row, column) and what.
// Long lists are cut to the first few hundred rows on screen, saying how many more there are.
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { ImportProblem } from "../../../import/index.ts";
import { rowRanges } from "../../../import/problems.ts";
import { useTableStyles } from "./table-styles.ts";

const SHOWN = 200;
const HEADINGS = ["Kind", "Sheet", "Row", "Column", "What is wrong"] as const;

const useStyles = makeStyles({
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
});

/** The problems table, or a sentence when there are none. */
export function ImportProblems(props: { problems: readonly ImportProblem[] }) {
  const styles = { ...useTableStyles(), ...useStyles() };
  const { problems } = props;
  if (problems.length === 0) return <Body1>No problems found in the file.</Body1>;
  const errors = problems.filter((p) => p.severity === "error").length;
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>
          Problems in the file: {errors} {errors === 1 ? "error" : "errors"}, {problems.length - errors}{" "}
          {problems.length - errors === 1 ? "warning" : "warnings"}
        </caption>
        <thead>
          <tr>
            {HEADINGS.map((heading) => (
              <th key={heading} scope="col" className={styles.cell}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((p, i) => (
            <tr key={`${String(p.row)}-${String(i)}`} data-severity={p.severity}>
              <td className={styles.cell}>{p.severity === "error" ? "Error" : "Warning"}</td>
              <td className={styles.cell}>{p.sheet}</td>
              <td className={styles.cell}>
                {p.rows !== undefined && p.rows.length > 1 ? rowRanges(p.rows) : (p.row ?? "–")}
              </td>
              <td className={styles.cell}>
                {p.column === null ? "–" : p.field === null ? p.column : `${p.column} (${p.field})`}
              </td>
              <td className={styles.cell}>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN && (
        <Body1>And {problems.length - SHOWN} more; `actionplan import --dry-run` lists them all.</Body1>
      )}
    </div>
  );
}
