// The plan view's filters as data: small, so the address can be read on the first screen without the plan
// view's code.
import type { Status } from "../../../domain/types.ts";

export const DUE_WINDOWS = ["any", "past", "30", "90", "none"] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

export const DUE_WINDOW_LABELS: Record<DueWindow, string> = {
  any: "Any time",
  past: "Past its target date",
  "30": "Due in the next 30 days",
  "90": "Due in the next 90 days",
  none: "No target date",
};

export interface PlanFilters {
  status: Status | "any";
  /** An SRO post's title, or "any". */
  sro: string;
  due: DueWindow;
  updated: "any" | "yes" | "no";
  search: string;
  /** Only these actions (by id), as an escalation card asks; empty for all. */
  only: readonly string[];
}

export const NO_FILTERS: PlanFilters = {
  status: "any",
  sro: "any",
  due: "any",
  updated: "any",
  search: "",
  only: [],
};
