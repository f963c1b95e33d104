// The layouts councils publish, built exactly as the import issue describes them, for the unit, integration
// and browser tests and the bench: a Best Value delivery plan kept as a workbook with a sheet per priority
// area (numbered activity rows, a "Key Milestones" row, then milestones), and a CSV holding two programme
// plans told apart by a Plan column (Phase, a Workstream often empty, Activity, Status; a byte-order mark).
// Test-only; nothing in production imports this.
import { csv, utf8, xlsx, type SheetInput } from "./fixtures.ts";

/** The five areas with their activities' milestone counts: 5 areas, 26 activities, 115 milestones. */
export const BEST_VALUE_AREAS: readonly { name: string; milestones: readonly number[] }[] = [
  { name: "Elections", milestones: [11, 10] },
  { name: "Communications", milestones: [4, 4, 4, 4, 4, 4] },
  { name: "Property", milestones: [4, 4, 3, 4, 3, 4, 3] },
  { name: "Grants", milestones: [4, 4, 4, 4, 4] },
  { name: "Organisational Culture", milestones: [5, 4, 4, 4, 4, 4] },
];

const LEADS = [
  "Head of Electoral Services",
  "Director of Communications",
  "Director of Property",
  "Chief Executive",
];
const STATUSES = ["Complete", "On track", "Amber", "Red", "Not started"];

export interface BestValueOptions {
  /** The first column's header; councils write "Activity", "Key Activities / Milestones" and others. */
  firstHeader?: string;
  /** The row that says milestones follow; "Key Milestones" by default. */
  marker?: string;
  /** How an activity's number is written: "1." by default, or "Activity 1:", "1)". */
  numbering?: (n: number) => string;
  /** A title row above each sheet's header: the same on every sheet, the sheet's own, or none. */
  titles?: "shared" | "own" | "none";
  /** Milestone rows per activity, overriding BEST_VALUE_AREAS (for the bench's bigger file). */
  extraMilestones?: number;
}

/** The rows of one area's sheet. */
export function bestValueSheet(
  area: { name: string; milestones: readonly number[] },
  options: BestValueOptions = {},
): SheetInput {
  const titles = options.titles ?? "shared";
  const numbering = options.numbering ?? ((n: number) => `${String(n)}.`);
  const rows: (string | number | null)[][] = [];
  if (titles === "shared") rows.push(["Best Value Delivery Plan 2018/19: Quarter 2 monitoring"], []);
  if (titles === "own") rows.push([`${area.name}: delivery plan 2018/19`], []);
  rows.push([
    options.firstHeader ?? "Activity",
    "Lead Officer",
    "Deadline",
    "Status",
    "%Comp",
    "QUARTER 2 COMMENTS",
  ]);
  area.milestones.forEach((count, a) => {
    rows.push([`${numbering(a + 1)} ${activityText(area.name, a + 1)}`]);
    rows.push([options.marker ?? "Key Milestones"]);
    for (let m = 1; m <= count + (options.extraMilestones ?? 0); m++) {
      const done = m === 1;
      rows.push([
        `${area.name} milestone ${String(a + 1)}.${String(m)}: agree and deliver the council's step ${String(m)}`,
        LEADS[(a + m) % LEADS.length] ?? "",
        m % 4 === 0 ? "TBC" : `${["Sept", "Oct", "Dec", "Mar"][m % 4] ?? "Mar"}-18`,
        done ? "Complete" : (STATUSES[m % STATUSES.length] ?? ""),
        done ? 1 : Math.min(m * 10, 90) / 100,
        m % 3 === 0
          ? ""
          : `Quarter 2: progress on step ${String(m)} reported to the board, with the lead's note.`,
      ]);
    }
  });
  return { name: area.name, rows, formats: Object.fromEntries(percentCells(rows)) };
}

function activityText(area: string, n: number): string {
  return area === "Elections" && n === 1
    ? "Planning for 2018 Mayoral and local elections"
    : `${area}: improvement activity ${String(n)}`;
}

// The %Comp column (E) is a percent cell, as Excel saves it.
function percentCells(rows: readonly (readonly unknown[])[]): [string, string][] {
  return rows.flatMap((row, i) =>
    typeof row[4] === "number" ? [[`E${String(i + 1)}`, "0%"] as [string, string]] : [],
  );
}

/** The whole workbook: one sheet per area (the five, or others of that layout). */
export function bestValueWorkbook(
  options: BestValueOptions = {},
  areas: readonly { name: string; milestones: readonly number[] }[] = BEST_VALUE_AREAS,
): Promise<Uint8Array> {
  return xlsx(...areas.map((area) => bestValueSheet(area, options)));
}

export const HR_PLAN = "HR / OD / Business Support Improvement Plan";
export const PROCUREMENT_PLAN = "Procurement Improvement Plan";

/** The two programme plans' rows: Plan, Phase, Workstream (often empty), Activity, Status. */
export function twoPlanRows(): string[][] {
  return [
    ["Plan", "Phase", "Workstream", "Activity", "Status"],
    [HR_PLAN, "Phase 1: Analyse and stabilise", "", "Review the HR operating model", "Complete"],
    [HR_PLAN, "Phase 1: Analyse and stabilise", "", "Baseline sickness absence and agency spend", "Complete"],
    [
      HR_PLAN,
      "Phase 1: Analyse and stabilise",
      "Recruitment",
      "Map the recruitment process end to end",
      "In progress",
    ],
    [
      HR_PLAN,
      "Phase 1: Analyse and stabilise",
      "Recruitment",
      "Agree a single applicant tracking system",
      "Not started",
    ],
    [HR_PLAN, "Phase 2: Design and build", "", "Design the new HR business partner model", "In progress"],
    [
      HR_PLAN,
      "Phase 2: Design and build",
      "Policies",
      "Refresh the council's managing attendance policy",
      "Not started",
    ],
    [
      HR_PLAN,
      "Phase 2: Design and build",
      "Policies",
      "Consult the trade unions on the policy changes",
      "Not started",
    ],
    [HR_PLAN, "Phase 2: Design and build", "", "Launch manager self-service in the HR system", "Not started"],
    [PROCUREMENT_PLAN, "Phase 1: Analyse and stabilise", "", "Publish the contracts register", "Complete"],
    [
      PROCUREMENT_PLAN,
      "Phase 1: Analyse and stabilise",
      "",
      "Review waivers granted in 2023/24",
      "In progress",
    ],
    [
      PROCUREMENT_PLAN,
      "Phase 1: Analyse and stabilise",
      "Category management",
      "Set up the category boards",
      "In progress",
    ],
    [
      PROCUREMENT_PLAN,
      "Phase 2: Design and build",
      "",
      "Rewrite the contract procedure rules",
      "Not started",
    ],
    [
      PROCUREMENT_PLAN,
      "Phase 2: Design and build",
      "",
      "Train budget holders on the new rules",
      "Not started",
    ],
  ];
}

/** The two-plan CSV as a council saves it from Excel: UTF-8 with a byte-order mark. */
export function twoPlanCsv(rows: string[][] = twoPlanRows()): Uint8Array {
  return utf8(csv(rows), true);
}
