// The plan view's filters and search: status, SRO, due window, updated this period or not, and free text.
// Native selects with visible labels, so they work with the keyboard alone and on a phone.
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { STATUSES } from "../../../domain/types.ts";
import { DUE_WINDOW_LABELS, DUE_WINDOWS, type DueWindow, type PlanFilters } from "./plan-view.ts";
import { StatusOptions } from "../../components/FormParts.tsx";

const useStyles = makeStyles({
  bar: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(180px, 100%), 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  // Long SRO posts must not widen the page on a phone: fields and selects may shrink below their text.
  field: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
  control: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

const isStatus = (value: string): value is PlanFilters["status"] =>
  value === "any" || (STATUSES as readonly string[]).includes(value);
const isWindow = (value: string): value is DueWindow => (DUE_WINDOWS as readonly string[]).includes(value);
const isUpdated = (value: string): value is PlanFilters["updated"] => ["any", "yes", "no"].includes(value);

/** The filters; every change gives the whole new set. */
export function PlanFilterBar(props: {
  filters: PlanFilters;
  sroPosts: readonly string[];
  hasPeriod: boolean;
  onChange: (filters: PlanFilters) => void;
}) {
  const styles = useStyles();
  const { filters, onChange } = props;
  return (
    <div role="search" className={styles.bar} aria-label="Filter the plan's actions">
      <Field className={styles.field} label="Search">
        <Input
          type="search"
          value={filters.search}
          onChange={(_, data) => {
            onChange({ ...filters, search: data.value });
          }}
        />
      </Field>
      <Field className={styles.field} label="Status">
        <Select
          className={styles.select}
          select={{ className: styles.control }}
          value={filters.status}
          onChange={(_, data) => {
            if (isStatus(data.value)) onChange({ ...filters, status: data.value });
          }}
        >
          <option value="any">Any status</option>
          <StatusOptions />
        </Select>
      </Field>
      <Field className={styles.field} label="SRO">
        <Select
          className={styles.select}
          select={{ className: styles.control }}
          value={filters.sro}
          onChange={(_, data) => {
            onChange({ ...filters, sro: data.value });
          }}
        >
          <option value="any">Any SRO</option>
          {props.sroPosts.map((post) => (
            <option key={post} value={post}>
              {post}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.field} label="Target date">
        <Select
          className={styles.select}
          select={{ className: styles.control }}
          value={filters.due}
          onChange={(_, data) => {
            if (isWindow(data.value)) onChange({ ...filters, due: data.value });
          }}
        >
          {DUE_WINDOWS.map((window) => (
            <option key={window} value={window}>
              {DUE_WINDOW_LABELS[window]}
            </option>
          ))}
        </Select>
      </Field>
      {props.hasPeriod && (
        <Field className={styles.field} label="Update this period">
          <Select
            className={styles.select}
            select={{ className: styles.control }}
            value={filters.updated}
            onChange={(_, data) => {
              if (isUpdated(data.value)) onChange({ ...filters, updated: data.value });
            }}
          >
            <option value="any">Updated or not</option>
            <option value="yes">Updated</option>
            <option value="no">Still due</option>
          </Select>
        </Field>
      )}
    </div>
  );
}
