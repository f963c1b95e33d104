// The mapping, as the coordinator checks and corrects it: which row holds the headers, which column is what,
// and whether rows with one value are headings. Every control is labelled; changes re-map the file at once
// (the preview below follows). The sheets to read are chosen in LayoutForm.
import { Checkbox, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { ColumnRole, ImportMapping, Sheet } from "../../../import/index.ts";
import { headerCells } from "./import-flow.ts";

const ROLE_LABELS: Record<ColumnRole, string> = {
  recommendation: "Recommendation (number or heading)",
  recommendationTitle: "Recommendation title",
  ref: "Ref (action number)",
  action: "Action",
  milestone: "Milestone",
  sro: "SRO or lead officer",
  targetDate: "Target date",
  status: "Status or RAG",
  percentComplete: "% complete",
  progressUpdate: "Progress update or comments",
  completedOn: "Completion date",
  plan: "Plan name (a file of several plans)",
  workstream: "Workstream",
};

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  select: { minWidth: 0, maxWidth: "100%" },
});

interface Props {
  /** The sheet whose header row the columns are chosen from (the first read). */
  sheet: Sheet | undefined;
  mapping: ImportMapping;
  roles: readonly ColumnRole[];
  onMapping: (mapping: ImportMapping) => void;
}

/** The sheet, header row and column choices. */
export function MappingForm(props: Props) {
  const styles = useStyles();
  const { mapping } = props;
  const { sheet } = props;
  const headers = sheet === undefined ? [] : headerCells(sheet, mapping.headerRow);
  const setColumn = (role: ColumnRole, header: string) => {
    const others = Object.entries(mapping.columns).filter(([key]) => key !== role);
    const columns = Object.fromEntries(header === "" ? others : [...others, [role, header]]);
    props.onMapping({ ...mapping, columns });
  };
  return (
    <>
      <Field label="Header row" hint="The spreadsheet row that names the columns.">
        <Input
          type="number"
          min={1}
          max={Math.max(1, sheet?.rows.length ?? 1)}
          value={String(mapping.headerRow)}
          onChange={(_, data) => {
            const row = Number(data.value);
            if (Number.isInteger(row) && row >= 1) props.onMapping({ ...mapping, headerRow: row });
          }}
        />
      </Field>
      <div className={styles.grid} role="group" aria-label="Which column is what">
        {props.roles.map((role) => (
          <Field key={role} label={ROLE_LABELS[role]}>
            <Select
              className={styles.select}
              value={mapping.columns[role] ?? ""}
              onChange={(_, data) => {
                setColumn(role, data.value);
              }}
            >
              <option value="">Not in this file</option>
              {headers.map((header, i) => (
                <option key={`${header}-${String(i)}`} value={header}>
                  {header}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Checkbox
        checked={mapping.headingRows !== "none"}
        label="A row with only one cell filled in is a heading (a recommendation, area or phase)"
        onChange={(_, data) => {
          props.onMapping({ ...mapping, headingRows: data.checked === true ? "auto" : "none" });
        }}
      />
    </>
  );
}
