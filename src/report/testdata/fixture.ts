// A ReportInput made from the demo plan, for the report core's tests: the April 2024 report (closed, its
// figures frozen from the seed's updates) and Q1 2024/25 (open), with a few Q1 updates (one reporting
// Completed, one with a % complete, one whose text looks like formulas, markup and links), one approved and
// one requested target date change, and SRO posts with and without their holders' names.
import { planFigures } from "../../domain/figures.ts";
import { isoDate } from "../../domain/iso-date.ts";
import { parseTargetDate } from "../../domain/target-date.ts";
import type {
  Action,
  IsoDate,
  LatestUpdate,
  ProgressUpdate,
  ReportingPeriod,
  SroPost,
  TargetDateChange,
} from "../../domain/types.ts";
import { SEED_AS_OF, loadSeedPlan, seedPlan } from "../../domain/testdata/lga-cpc-2023.ts";
import type { ReportInput } from "../types.ts";
import { HOSTILE_TEXTS } from "./hand-model.ts";

export const PLAN_ID = "lga-cpc-2023";
export const APRIL_ID = "period-april-2024";
export const Q1_ID = "period-q1-2024-25";
export const APRIL_TITLE = "April 2024 progress report";
export const Q1_TITLE = "Q1 2024/25 progress report";

/** People the fixture names (UPNs), and the names SharePoint gives for some of them. */
export const HELEN = "helen.fairbairn@lbth.example";
export const RESOURCES_HOLDER = "cdr@lbth.example";
export const SAM = "sam.oneill@lbth.example";
export const NAMELESS_AUTHOR = "j.smith@lbth.example";
export const NAMES: Readonly<Record<string, string>> = {
  [HELEN]: "Helen Fairbairn",
  [SAM]: "Sam O'Neill",
};

/** The Q1 updates: 1.1 reported Completed, 1.2 with a % complete, 2.2 carrying hostile text. */
export const Q1_COMPLETED = { actionId: "1.1", date: isoDate("2024-04-20") } as const;
export const Q1_PERCENT = { actionId: "1.2", date: isoDate("2024-04-25"), percent: 40 } as const;
export const Q1_HOSTILE = {
  actionId: "2.2",
  date: isoDate("2024-04-30"),
  text: HOSTILE_TEXTS.join("\n"),
} as const;

/** The approved change (1.2, "Sept-24" to "Dec-24") and the requested one that must not be reported. */
export const APPROVED_REASON = "The Mayor's review of the Strategic Plan won't finish until the autumn";
export const APPROVED_ON = isoDate("2024-04-22");
export const REQUESTED_ACTION = "2.2";

export interface FixtureOptions {
  /** Today in Europe/London; default 1 May 2024. Updates dated after it are left out. */
  today?: IsoDate;
}

function q1Updates(): ProgressUpdate[] {
  const base = { periodId: Q1_ID, evidenceUrl: null } as const;
  return [
    {
      ...base,
      id: "Q1-1.1",
      actionId: Q1_COMPLETED.actionId,
      date: Q1_COMPLETED.date,
      text: "Complete - the Mayor's vision was agreed by Cabinet on 17 April.",
      reportedStatus: "Completed",
      percentComplete: 100,
      authorUpn: HELEN,
    },
    {
      ...base,
      id: "Q1-1.2",
      actionId: Q1_PERCENT.actionId,
      date: Q1_PERCENT.date,
      text: "Strategic Plan refresh under way; target date moved to December.",
      reportedStatus: "On target",
      percentComplete: Q1_PERCENT.percent,
      authorUpn: NAMELESS_AUTHOR,
    },
    {
      ...base,
      id: "Q1-2.2",
      actionId: Q1_HOSTILE.actionId,
      date: Q1_HOSTILE.date,
      text: Q1_HOSTILE.text,
      reportedStatus: "On target",
      percentComplete: null,
      evidenceUrl: "https://example.org/evidence",
      authorUpn: RESOURCES_HOLDER,
    },
  ];
}

function targetDateChanges(): TargetDateChange[] {
  const at = (text: string) => parseTargetDate(text, { referenceDate: SEED_AS_OF });
  return [
    {
      id: "TDC-approved",
      actionId: "1.2",
      from: at("Sept-24"),
      to: at("Dec-24"),
      reason: APPROVED_REASON,
      requestedBy: HELEN,
      requestedOn: isoDate("2024-04-15"),
      status: "approved",
      decidedBy: SAM,
      decidedOn: APPROVED_ON,
    },
    {
      id: "TDC-requested",
      actionId: REQUESTED_ACTION,
      from: at("Sept-24"),
      to: at("Mar-25"),
      reason: "Waiting for the Strategic vision",
      requestedBy: RESOURCES_HOLDER,
      requestedOn: isoDate("2024-04-26"),
      status: "requested",
    },
  ];
}

/** The seed's distinct SRO texts as posts: the first held by Helen Fairbairn, the second by a UPN with no
 * name, "CEO" vacant, the rest held by UPNs. */
function sroPosts(actions: readonly Action[]): ReportInput["sroPosts"] {
  const titles = [...new Set(actions.map((a) => a.sroPost).filter((t): t is string => t !== null))];
  return titles.map((title, i): SroPost & { holderName: string | null } => {
    const holder =
      i === 0 ? HELEN : i === 1 ? RESOURCES_HOLDER : title === "CEO" ? null : `post${String(i)}@lbth.example`;
    return {
      id: `post-${String(i)}`,
      title,
      holderUpn: holder,
      holderName: holder === null ? null : (NAMES[holder] ?? null),
      delegateUpn: null,
      delegateFrom: null,
      delegateTo: null,
    };
  });
}

/** The demo plan's report input for Q1 2024/25 (open), compared with April 2024 (closed). */
export function reportFixture(options: FixtureOptions = {}): ReportInput {
  const today = options.today ?? isoDate("2024-05-01");
  const seed = loadSeedPlan();
  const plan = {
    id: PLAN_ID,
    title: seedPlan.plan.title,
    referenceDate: SEED_AS_OF,
    overdueAfterMonths: 1,
  };
  const aprilUpdates = seed.updates.map((u) => ({ ...u, periodId: APRIL_ID }));
  const changes = targetDateChanges();
  const april: ReportingPeriod = {
    id: APRIL_ID,
    planId: PLAN_ID,
    title: APRIL_TITLE,
    startsOn: isoDate("2024-01-01"),
    updateDeadline: SEED_AS_OF,
    reportDate: SEED_AS_OF,
    state: "closed",
    snapshot: null,
  };
  april.snapshot = planFigures(
    {
      recommendations: seed.recommendations,
      actions: seed.actions,
      updates: aprilUpdates,
      targetDateChanges: changes,
      currentPeriod: april,
      overdueAfterMonths: plan.overdueAfterMonths,
    },
    SEED_AS_OF,
  );
  const q1: ReportingPeriod = {
    id: Q1_ID,
    planId: PLAN_ID,
    title: Q1_TITLE,
    startsOn: isoDate("2024-04-10"),
    updateDeadline: isoDate("2024-06-05"),
    reportDate: isoDate("2024-06-18"),
    state: "open",
    snapshot: null,
  };
  // The approved change is the action's current target date.
  const actions = seed.actions.map((a): Action => {
    const moved = changes.find(
      (c) => c.status === "approved" && c.actionId === a.id && (c.decidedOn ?? c.requestedOn) <= today,
    );
    return moved === undefined ? a : { ...a, targetDate: moved.to };
  });
  const updates = [...aprilUpdates, ...q1Updates()].filter((u) => u.date <= today);
  const latest: Record<string, LatestUpdate> = {};
  for (const u of updates) {
    const kept = latest[u.actionId];
    if (kept !== undefined && kept.date > u.date) continue;
    latest[u.actionId] = {
      date: u.date,
      text: u.text,
      reportedStatus: u.reportedStatus,
      percentComplete: u.percentComplete,
      periodId: u.periodId,
    };
  }
  return {
    plan,
    recommendations: seed.recommendations,
    actions,
    latest,
    updates,
    sroPosts: sroPosts(actions),
    periods: [april, q1],
    period: q1,
    previous: april,
    targetDateChanges: changes,
    names: NAMES,
    today,
  };
}
