// How the file is laid out, as the coordinator checks it: which sheets are read (a workbook with a sheet per
// area is one plan, an area per sheet), which column names the plan when the file holds several, and how a
// named workstream is kept. Every control is labelled; changes re-map the file at once.
import {
  Body1,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from "@fluentui/react-components";
import type { FileLayout, ImportMapping, PlanFile } from "../../../import/index.ts";
import { headerCells, type Reading } from "./import-flow.ts";

const useStyles = makeStyles({
  sheets: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    border: "none",
    padding: 0,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
});

interface Props {
  file: PlanFile;
  layout: FileLayout;
  reading: Reading;
  /** The first sheet read's header row, whose cells the plan column is chosen from. */
  headerRow: number;
  onReading: (reading: Reading) => void;
  /** Re-detect the columns from a sheet (when the sheets chosen leave out the one they came from). */
  detect: (sheetName: string) => ImportMapping;
}

/** The sheets, plan column and workstream choices. */
export function LayoutForm(props: Props) {
  const styles = useStyles();
  const { layout, reading, file } = props;
  const chosen = layout.sheets.filter((s) => s.chosen).map((s) => s.name);
  const firstSheet = file.sheets.find((s) => s.name === chosen[0]);
  const headers = firstSheet === undefined ? [] : headerCells(firstSheet, props.headerRow);
  const setSheets = (names: string[]) => {
    if (names.length === 0) return;
    const first = names[0] ?? "";
    const mapping = names.includes(reading.mapping.sheet) ? reading.mapping : props.detect(first);
    props.onReading({ ...reading, mapping, sheets: names, fromSaved: false });
  };
  return (
    <>
      {file.sheets.length > 1 && (
        <fieldset className={styles.sheets}>
          <legend className={styles.legend}>Sheets to read</legend>
          {layout.sheets.map((sheet) => (
            <Checkbox
              key={sheet.name}
              checked={sheet.chosen}
              label={`${sheet.name}${sheet.sameLayout ? "" : " (laid out differently)"}`}
              onChange={(_, data) => {
                setSheets(
                  data.checked === true
                    ? file.sheets.map((s) => s.name).filter((n) => n === sheet.name || chosen.includes(n))
                    : chosen.filter((n) => n !== sheet.name),
                );
              }}
            />
          ))}
          <Body1>
            {layout.areas
              ? "The sheets share one layout: each sheet read is an area (a recommendation) of one plan, numbered in the workbook's order."
              : "Only the sheets ticked are read."}
          </Body1>
        </fieldset>
      )}
      <Field
        label="Several plans in one file"
        hint="A column naming each row's plan splits the file into plans, each imported on its own."
      >
        <Select
          className={styles.select}
          value={layout.planColumn ?? ""}
          onChange={(_, data) => {
            props.onReading({
              ...reading,
              planColumn: data.value === "" ? null : data.value,
              fromSaved: false,
            });
          }}
        >
          <option value="">None: the file holds one plan</option>
          {headers.map((header, i) => (
            <option key={`${header}-${String(i)}`} value={header}>
              Plans named in “{header}”
            </option>
          ))}
        </Select>
      </Field>
      {reading.mapping.columns.workstream !== undefined && (
        <Field label="Named workstreams">
          <RadioGroup
            value={reading.mapping.workstreams ?? "action"}
            onChange={(_, data) => {
              const workstreams = data.value === "label" ? "label" : "action";
              props.onReading({ ...reading, mapping: { ...reading.mapping, workstreams }, fromSaved: false });
            }}
          >
            <Radio value="action" label="An action holding its activities as milestones" />
            <Radio value="label" label="A label in front of each activity's text" />
          </RadioGroup>
        </Field>
      )}
      {layout.notes.map((note) => (
        <Body1 key={note}>{note}</Body1>
      ))}
    </>
  );
}
