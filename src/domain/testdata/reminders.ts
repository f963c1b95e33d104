// Small worlds for the reminder rules' tests: one plan, its actions and posts, and a helper that runs the job
// every day over a span, keeping the reminder log as the real job does.
import type { Action, ProgressUpdate, ReportingPeriod, SroPost } from "../types.ts";
import type { IsoDate } from "../iso-date.ts";
import { addDays, isoDate } from "../iso-date.ts";
import { parseTargetDate } from "../target-date.ts";
import type { Reminder, ReminderInput, ReminderSelection } from "../reminders/types.ts";
import { selectDueReminders } from "../reminders/select.ts";
import { SEED_AS_OF, loadSeedPlan } from "./lga-cpc-2023.ts";

export const PLAN = {
  id: "bv-2024",
  title: "Best Value improvement plan",
  referenceDate: isoDate("2024-01-01"),
  overdueAfterMonths: 1,
};

export const HOLDER = "sam.holder@council.gov.uk";
export const DELEGATE = "dee.legate@council.gov.uk";
export const MANAGER = "max.manager@council.gov.uk";
export const COORDINATOR = "pat.pmo@council.gov.uk";

/** The post most fixtures use: Corporate Director Resources, held by HOLDER, no cover. */
export function post(over: Partial<SroPost> = {}): SroPost {
  return {
    id: "post-cdr",
    title: "Corporate Director Resources",
    holderUpn: HOLDER,
    delegateUpn: null,
    delegateFrom: null,
    delegateTo: null,
    ...over,
  };
}

/** An open action of PLAN owned by the post above; `due` is an ISO date, or null for "Ongoing". */
export function action(ref: string, due: string | null, over: Partial<Action> = {}): Action {
  return {
    id: `A${ref}`,
    planId: PLAN.id,
    recommendationId: "R1",
    ref,
    text: `Action ${ref}`,
    sroPost: "Corporate Director Resources",
    targetDate:
      due === null
        ? parseTargetDate("Ongoing", { referenceDate: PLAN.referenceDate })
        : { text: due, due: isoDate(due), kind: "date", flags: [] },
    completedOn: null,
    ...over,
  };
}

/** An open reporting period of PLAN. */
export function period(startsOn: string, updateDeadline: string, over: Partial<ReportingPeriod> = {}) {
  const p: ReportingPeriod = {
    id: "Q1-2024-25",
    planId: PLAN.id,
    title: "Q1 2024/25",
    startsOn: isoDate(startsOn),
    updateDeadline: isoDate(updateDeadline),
    reportDate: addDays(isoDate(updateDeadline), 21),
    state: "open",
    snapshot: null,
    ...over,
  };
  return p;
}

/** A progress update for an action. */
export function update(actionId: string, date: string, over: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return {
    id: `U-${actionId}-${date}`,
    actionId,
    periodId: null,
    date: isoDate(date),
    text: "Progressing",
    reportedStatus: "On target",
    percentComplete: null,
    evidenceUrl: null,
    ...over,
  };
}

/** A world with PLAN, the given actions and the default post, manager and coordinator. */
export function world(over: Partial<ReminderInput> = {}): ReminderInput {
  return {
    plans: [PLAN],
    actions: [],
    updates: [],
    periods: [],
    sroPosts: [post()],
    directory: {
      managers: { [HOLDER]: MANAGER, [DELEGATE]: MANAGER },
      coordinators: { [PLAN.id]: COORDINATOR },
    },
    sentKeys: [],
    ...over,
  };
}

/** A reminder as one line a test can compare: "recipient kind action dueOn (late)". */
export function line(r: Reminder): string {
  const period = r.period === null ? "" : ` ${r.period.id}`;
  return `${r.recipientUpn.split("@")[0] ?? ""} ${r.kind} ${r.actionRef}${period} ${r.dueOn} (${String(r.workingDaysLate)})`;
}

/** Every reminder of a selection as lines, digest by digest. */
export function lines(selection: ReminderSelection): string[] {
  return selection.digests.flatMap((d) => d.reminders.map(line));
}

/**
 * Runs the job on every day from `from` to `to` (inclusive), or only on the days in `runOn`, logging what
 * each run selected as sent. Returns the lines sent, by day, for the days that sent anything.
 */
export function runDaily(
  input: ReminderInput,
  from: string,
  to: string,
  runOn?: (day: IsoDate) => boolean,
): Record<string, string[]> {
  const log = new Set(input.sentKeys);
  const sent: Record<string, string[]> = {};
  for (let day = isoDate(from); day <= isoDate(to); day = addDays(day, 1)) {
    if (runOn && !runOn(day)) continue;
    const selection = selectDueReminders({ ...input, sentKeys: log }, day);
    for (const r of selection.digests.flatMap((d) => d.reminders)) {
      if (log.has(r.key)) throw new Error(`sent twice: ${r.key}`);
      log.add(r.key);
    }
    const today = lines(selection);
    if (today.length > 0) sent[day] = today;
  }
  return sent;
}

const lgaUpn = (name: string) => `${name}@towerhamlets.example`;
// Who holds each post the LGA plan names. "Acting Director" (8.2) is left out on purpose: the plan does not
// say which one, so the rules must report it rather than guess. Corporate Director Resources is on leave
// 20-31 May 2024, covered by a deputy.
const LGA_HOLDERS: Record<string, string> = {
  "Acting Director SIT": "ad.sit",
  "Corporate Director Resources": "cd.resources",
  CEO: "ceo",
  "Deputy CEO": "deputy.ceo",
  "Corporate Director Health and Social Care": "cd.hsc",
  "Corporate Director Housing and Regeneration": "cd.housing",
  "CEO/Monitoring Officer": "ceo",
  "Head of Democratic Services/ CEO": "head.democratic",
  "Corporate Director Communities": "cd.communities",
};

/** The real LGA plan with its posts, a Q1 2024/25 period (deadline Wed 5 June 2024) and a directory. */
export function lgaReminderWorld(): ReminderInput {
  const { actions, updates } = loadSeedPlan();
  const plan = {
    id: "lga-cpc-2023",
    title: "LGA Corporate Peer Challenge 2023",
    referenceDate: SEED_AS_OF,
    overdueAfterMonths: 1,
  };
  const sroPosts = Object.entries(LGA_HOLDERS).map(([title, holder], i): SroPost => {
    const covered = title === "Corporate Director Resources";
    return {
      id: `post-${String(i)}`,
      title,
      holderUpn: lgaUpn(holder),
      delegateUpn: covered ? lgaUpn("resources.deputy") : null,
      delegateFrom: covered ? isoDate("2024-05-20") : null,
      delegateTo: covered ? isoDate("2024-05-31") : null,
    };
  });
  // Everyone reports to the CEO, who has no manager in the directory: their escalations go to the PMO.
  const managers: Record<string, string | null> = { [lgaUpn("ceo")]: null };
  for (const holder of Object.values(LGA_HOLDERS))
    if (holder !== "ceo") managers[lgaUpn(holder)] = lgaUpn("ceo");
  managers[lgaUpn("resources.deputy")] = lgaUpn("cd.resources");
  return {
    plans: [plan],
    actions,
    updates,
    periods: [
      {
        id: "q1-2024-25",
        planId: plan.id,
        title: "Q1 2024/25",
        startsOn: isoDate("2024-04-01"),
        updateDeadline: isoDate("2024-06-05"),
        reportDate: isoDate("2024-06-27"),
        state: "open",
        snapshot: null,
      },
    ],
    sroPosts,
    directory: { managers, coordinators: { [plan.id]: lgaUpn("sit.pmo") } },
    sentKeys: [],
  };
}
