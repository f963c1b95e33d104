// An action's status as a badge whose colour and words agree (colour is never the only signal).
import { Badge } from "@fluentui/react-components";
import type { Status } from "../../domain/types.ts";

const COLOURS: Record<Status, "informative" | "success" | "warning" | "danger" | "subtle"> = {
  "Not started": "subtle",
  "On target": "informative",
  Delayed: "warning",
  Overdue: "danger",
  Completed: "success",
};

/** A status badge; `label` prefixes the status for screen readers and sighted readers alike. */
export function StatusBadge(props: { status: Status; label?: string }) {
  return (
    <Badge appearance="tint" color={COLOURS[props.status]} shape="rounded">
      {props.label === undefined ? props.status : `${props.label}: ${props.status}`}
    </Badge>
  );
}
