// Above the plan table: which columns to show, how to group the rows, and "Export to Excel" of what is
// shown (the columns chosen, in the order and groups shown, after the filters).
import {
  Body1,
  Button,
  Field,
  makeStyles,
  Menu,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { IsoDate } from "../../../../domain/iso-date.ts";
import { REPORT_MEDIA_TYPES, renderTableXlsx } from "../../../../report/index.ts";
import { describeError } from "../../../lib/describe-error.ts";
import { saveFile } from "../../../lib/save-file.ts";
import {
  GROUPING_LABELS,
  GROUPINGS,
  orderedColumns,
  REQUIRED_COLUMN,
  TABLE_COLUMN_IDS,
  TABLE_COLUMN_LABELS,
  type PlanLayout,
  type TableColumnId,
  isGrouping,
  isTableColumn,
} from "../plan-layout.ts";
import { exportFileName, exportTable, type TableColumn, type TableGroup } from "./table-model.ts";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalM,
  },
  field: { minWidth: 0, maxWidth: "100%" },
});

type ExportState =
  | { state: "idle" }
  | { state: "working" }
  | { state: "done"; file: string; rows: number }
  | { state: "failed"; message: string };

export function TableToolbar(props: {
  layout: PlanLayout;
  onLayout: (layout: PlanLayout) => void;
  groups: readonly TableGroup[];
  columns: Record<TableColumnId, TableColumn>;
  planTitle: string;
  today: IsoDate;
}) {
  const styles = useStyles();
  const { layout, onLayout } = props;
  const [exported, setExported] = useState<ExportState>({ state: "idle" });
  const shown = orderedColumns(layout.columns);
  const rows = props.groups.reduce((sum, g) => sum + g.items.length, 0);

  const exportShown = async () => {
    setExported({ state: "working" });
    try {
      const table = exportTable(props.groups, shown, layout.group, props.columns);
      const bytes = await renderTableXlsx({
        title: props.planTitle,
        sheetName: "Actions",
        producedOn: props.today,
        ...table,
      });
      const file = exportFileName(props.planTitle, props.today);
      saveFile(bytes, file, REPORT_MEDIA_TYPES.xlsx);
      setExported({ state: "done", file, rows: table.rows.length });
    } catch (error) {
      setExported({ state: "failed", message: `The table could not be exported. ${describeError(error)}` });
    }
  };

  return (
    <div className={styles.bar}>
      {/* Inline, so the menu stays inside the page's main landmark rather than in a portal outside it. */}
      <Menu
        inline
        checkedValues={{ columns: shown }}
        onCheckedValueChange={(_, data) => {
          const chosen = data.checkedItems.filter(isTableColumn);
          onLayout({ ...layout, columns: orderedColumns(chosen) });
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button>
            Columns ({shown.length} of {TABLE_COLUMN_IDS.length})
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {TABLE_COLUMN_IDS.map((id) => (
              <MenuItemCheckbox key={id} name="columns" value={id} disabled={id === REQUIRED_COLUMN}>
                {TABLE_COLUMN_LABELS[id]}
                {id === REQUIRED_COLUMN ? " (always shown)" : ""}
              </MenuItemCheckbox>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Field className={styles.field} label="Group by">
        <Select
          value={layout.group}
          onChange={(_, data) => {
            if (isGrouping(data.value)) onLayout({ ...layout, group: data.value });
          }}
        >
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {GROUPING_LABELS[g]}
            </option>
          ))}
        </Select>
      </Field>
      <Button disabled={exported.state === "working" || rows === 0} onClick={() => void exportShown()}>
        Export to Excel
      </Button>
      <Body1 role="status">
        {exported.state === "working" && "Writing the Excel file…"}
        {exported.state === "done" &&
          `Saved ${exported.file}: ${exported.rows === 1 ? "1 action" : `${String(exported.rows)} actions`}, as shown.`}
        {exported.state === "failed" && exported.message}
      </Body1>
    </div>
  );
}
