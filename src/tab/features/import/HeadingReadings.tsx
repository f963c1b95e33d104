// How each heading row (one value across the row) was read, and the coordinator's say by row: an area, an
// activity (an action whose milestones follow), a milestone heading ("Key Milestones") or ignored. A summary
// line, with the rows themselves on demand, so a workbook of fifty headings is not a wall of text.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  makeStyles,
  Select,
} from "@fluentui/react-components";
import type { HeadingReading, HeadingRow } from "../../../import/index.ts";
import { countOf } from "./ImportChangesView.tsx";
import { useTableStyles } from "./table-styles.ts";

const READINGS: readonly [HeadingReading, string][] = [
  ["area", "An area (a recommendation)"],
  ["activity", "An activity (its milestones follow)"],
  ["milestones", "A milestone heading (not imported)"],
  ["ignore", "Ignored"],
];

const useStyles = makeStyles({
  select: { minWidth: "14rem" },
});

/** "12 activities, 12 milestone headings and 1 area". */
function summary(headings: readonly HeadingRow[]): string {
  const count = (reading: HeadingReading) => headings.filter((h) => h.reading === reading).length;
  const parts = [
    countOf(count("area"), "area"),
    `${String(count("activity"))} ${count("activity") === 1 ? "activity" : "activities"}`,
    countOf(count("milestones"), "milestone heading"),
    `${String(count("ignore"))} ignored`,
  ].filter((p) => !p.startsWith("0 "));
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
}

interface Props {
  headings: readonly HeadingRow[];
  /** Several sheets: the sheet is shown beside each row. */
  sheets: boolean;
  onRead: (key: string, reading: HeadingReading) => void;
}

/** The heading rows' readings, each changeable. */
export function HeadingReadings(props: Props) {
  const styles = { ...useTableStyles(), ...useStyles() };
  if (props.headings.length === 0) return null;
  return (
    <Accordion collapsible>
      <AccordionItem value="headings">
        <AccordionHeader as="h3">Heading rows: {summary(props.headings)}</AccordionHeader>
        <AccordionPanel>
          <Body1>
            A row with one value across it is read as below; change any row the file means otherwise.
          </Body1>
          <div className={styles.wrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  {props.sheets && (
                    <th scope="col" className={styles.cell}>
                      Sheet
                    </th>
                  )}
                  <th scope="col" className={styles.cell}>
                    Row
                  </th>
                  <th scope="col" className={styles.cell}>
                    Text
                  </th>
                  <th scope="col" className={styles.cell}>
                    Read as
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.headings.map((h) => {
                  const key = `${h.sheet}!${String(h.row)}`;
                  return (
                    <tr key={key} data-heading-row={key}>
                      {props.sheets && <td className={styles.cell}>{h.sheet}</td>}
                      <td className={styles.cell}>{h.row}</td>
                      <td className={styles.cell}>{h.text}</td>
                      <td className={styles.cell}>
                        <Select
                          className={styles.select}
                          aria-label={`Row ${String(h.row)}${props.sheets ? ` of ${h.sheet}` : ""} read as`}
                          value={h.reading}
                          onChange={(_, data) => {
                            const reading = READINGS.find(([r]) => r === data.value)?.[0];
                            if (reading !== undefined) props.onRead(key, reading);
                          }}
                        >
                          {READINGS.map(([reading, label]) => (
                            <option key={reading} value={reading}>
                              {label}
                            </option>
                          ))}
                        </Select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
