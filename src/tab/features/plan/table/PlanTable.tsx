// The plan as a table, as an officer used to Lists expects: Fluent's DataGrid with sortable columns, a column
// chooser, grouping by SRO post or recommendation, and "Export to Excel" of exactly what is shown. Loaded
// only when the table is first shown; ExcelJS only when a file is made.
import {
  Body1,
  Caption1,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  Subtitle2,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { IsoDate } from "../../../../domain/iso-date.ts";
import { formatUkDate } from "../../../../domain/iso-date.ts";
import type { Recommendation } from "../../../../domain/types.ts";
import { shownText } from "../../../../lib/bidi.ts";
import { ActionLink } from "../../../components/ActionLink.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { WithdrawnBadge } from "../../../components/WithdrawnBadge.tsx";
import { orderedColumns, type PlanLayout, type TableColumnId } from "../plan-layout.ts";
import { updateWords, type PlanItem } from "../plan-view.ts";
import { TableToolbar } from "./TableToolbar.tsx";
import {
  groupItems,
  recommendationLookup,
  recommendationText,
  sortItems,
  tableColumns,
  targetText,
} from "./table-model.ts";

/** Each column's share of the row and the narrowest it may be; the table scrolls sideways below that. */
const WIDTHS: Record<TableColumnId, { grow: number; min: number }> = {
  ref: { grow: 0.5, min: 64 },
  action: { grow: 4, min: 240 },
  recommendation: { grow: 2, min: 160 },
  sroPost: { grow: 1.5, min: 140 },
  sro: { grow: 1.2, min: 120 },
  target: { grow: 1.2, min: 120 },
  status: { grow: 1, min: 110 },
  percent: { grow: 0.7, min: 96 },
  lastUpdate: { grow: 1, min: 110 },
  thisPeriod: { grow: 1.3, min: 130 },
};

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // A data table may scroll in two dimensions at 320 CSS px (WCAG 1.4.10); the region is focusable so the
  // keyboard can scroll it too.
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  late: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  items: readonly PlanItem[];
  recommendations: readonly Recommendation[];
  layout: PlanLayout;
  onLayout: (layout: PlanLayout) => void;
  onOpen: (actionId: string) => void;
  planTitle: string;
  today: IsoDate;
}

function Cell(props: {
  id: TableColumnId;
  item: PlanItem;
  recommendation: string | null;
  onOpen: Props["onOpen"];
}) {
  const styles = useStyles();
  const { item } = props;
  const { action } = item.record;
  switch (props.id) {
    case "ref":
      return <>{shownText(action.ref)}</>;
    case "action":
      return <ActionLink action={action} onOpen={props.onOpen} withRef={false} />;
    case "recommendation":
      return <>{shownText(props.recommendation) ?? "None"}</>;
    case "sroPost":
      return <>{shownText(action.sroPost) ?? "None named"}</>;
    case "sro":
      return <>{shownText(item.holder) ?? "Vacant"}</>;
    case "target":
      return <>{targetText(item)}</>;
    case "status":
      return item.withdrawn ? <WithdrawnBadge /> : <StatusBadge status={item.status} />;
    case "percent": {
      const percent = item.record.latest?.percentComplete;
      return <>{percent === null || percent === undefined ? "" : `${String(percent)}%`}</>;
    }
    case "lastUpdate":
      return <>{item.record.latest === null ? "None yet" : formatUkDate(item.record.latest.date)}</>;
    case "thisPeriod":
      return <span className={item.daysLate > 0 ? styles.late : undefined}>{updateWords(item)}</span>;
  }
}

/** The table (one grid per group when grouped); sort, columns and grouping come from and go to `layout`. */
export function PlanTable(props: Props) {
  const styles = useStyles();
  const { layout, onLayout } = props;
  const columns = useMemo(() => tableColumns(props.recommendations), [props.recommendations]);
  const recommendationOf = useMemo(
    () => recommendationLookup(props.recommendations),
    [props.recommendations],
  );
  const shown = orderedColumns(layout.columns);
  const sorted = sortItems(props.items, layout.sort, columns);
  const groups = groupItems(sorted, layout.group, props.recommendations);
  // The grid is given rows already in order (sortItems, which keeps empty cells last either way), so its own
  // sort must keep them as they are; a compare taking two arguments is what marks the column sortable.
  const definitions: TableColumnDefinition<PlanItem>[] = shown.map((id) =>
    createTableColumn<PlanItem>({
      columnId: id,
      compare: (_a: PlanItem, _b: PlanItem) => 0,
      renderHeaderCell: () => columns[id].label,
      renderCell: (item) => (
        <Cell
          id={id}
          item={item}
          recommendation={recommendationText(recommendationOf(item))}
          onOpen={props.onOpen}
        />
      ),
    }),
  );
  const minWidth = shown.reduce((sum, id) => sum + WIDTHS[id].min, 0);
  const cellStyle = (id: TableColumnId) => ({
    flexGrow: WIDTHS[id].grow,
    flexBasis: 0,
    minWidth: WIDTHS[id].min,
  });
  const sortState = {
    sortColumn: layout.sort?.column,
    sortDirection: layout.sort?.direction ?? ("ascending" as const),
  };

  return (
    <>
      <TableToolbar
        layout={layout}
        onLayout={onLayout}
        groups={groups}
        columns={columns}
        planTitle={props.planTitle}
        today={props.today}
      />
      {props.items.length === 0 && <Body1>No actions match these filters.</Body1>}
      {groups.map((group) => {
        const headingId = `table-${group.key}`;
        return (
          <section
            key={group.key}
            className={styles.group}
            aria-labelledby={group.title === null ? undefined : headingId}
          >
            {group.title !== null && (
              <Subtitle2 as="h3" id={headingId}>
                {shownText(group.title)}{" "}
                <Caption1>
                  ({group.items.length === 1 ? "1 action" : `${String(group.items.length)} actions`})
                </Caption1>
              </Subtitle2>
            )}
            <div
              className={styles.scroller}
              role="region"
              tabIndex={0}
              aria-label={
                group.title === null
                  ? "The plan's actions (scrolls sideways)"
                  : `${group.title} (scrolls sideways)`
              }
            >
              <DataGrid
                items={group.items}
                columns={definitions}
                getRowId={(item: PlanItem) => item.record.action.id}
                sortable
                sortState={sortState}
                onSortChange={(_, state) => {
                  const column = state.sortColumn as TableColumnId | undefined;
                  onLayout({
                    ...layout,
                    sort: column === undefined ? null : { column, direction: state.sortDirection },
                  });
                }}
                aria-label={group.title ?? "The plan's actions"}
                style={{ minWidth }}
              >
                <DataGridHeader>
                  <DataGridRow>
                    {({ columnId, renderHeaderCell }) => (
                      <DataGridHeaderCell style={cellStyle(columnId as TableColumnId)}>
                        {renderHeaderCell()}
                      </DataGridHeaderCell>
                    )}
                  </DataGridRow>
                </DataGridHeader>
                <DataGridBody<PlanItem>>
                  {({ item, rowId }) => (
                    <DataGridRow<PlanItem> key={rowId} data-action-ref={item.record.action.ref}>
                      {({ columnId, renderCell }) => (
                        <DataGridCell
                          style={cellStyle(columnId as TableColumnId)}
                          focusMode={columnId === "action" ? "none" : "cell"}
                        >
                          {renderCell(item)}
                        </DataGridCell>
                      )}
                    </DataGridRow>
                  )}
                </DataGridBody>
              </DataGrid>
            </div>
          </section>
        );
      })}
    </>
  );
}

export default PlanTable;
