// Which reminders a run sends today: the series in schedule.ts, routed to a person, less what the log says
// was sent, grouped into one digest per recipient.
import type { IsoDate } from "../iso-date.ts";
import { addDays } from "../iso-date.ts";
import { groupBy } from "../group-by.ts";
import { isWithdrawn } from "../figures.ts";
import { deriveStatus, latestReportedStatus } from "../status.ts";
import { isDelegateCovering, reminderRecipient } from "../sro.ts";
import type { Action, ReportingPeriod, SroPost } from "../types.ts";
import { occurrenceId, reminderKey, sentOccurrences } from "./keys.ts";
import type { Occurrence } from "./schedule.ts";
import {
  latestOnOrBefore,
  overdueEscalation,
  targetOccurrence,
  updateEscalation,
  updateOccurrence,
} from "./schedule.ts";
import { DEFAULT_REMINDER_SETTINGS } from "./settings.ts";
import type {
  RecipientRole,
  Reminder,
  ReminderDigest,
  ReminderInput,
  ReminderPlan,
  ReminderSelection,
  UnroutedReminder,
} from "./types.ts";
import { REMINDER_KINDS } from "./types.ts";
import { DEFAULT_NATION, isWorkingDay, workingDaysBetween } from "./working-days.ts";

/** An occurrence owed today with what it is about, before it is routed to a person. */
interface Owed extends Occurrence {
  period: ReportingPeriod | null;
  /** The target date or update deadline the reminder is about. */
  about: IsoDate;
}

/**
 * The reminders to send on `today` (a date in Europe/London), one digest per recipient. Nothing is sent for
 * a plan on a weekend or one of its nation's bank holidays: what fell due is caught up on the plan's next
 * working day (see schedule.ts). Archived plans, and plans whose import has not finished, are not chased at all.
 */
export function selectDueReminders(input: ReminderInput, today: IsoDate): ReminderSelection {
  const selection: ReminderSelection = { today, digests: [], unrouted: [] };
  const sent = sentOccurrences(input.sentKeys);
  const updatesByAction = groupBy(input.updates, (u) => u.actionId);
  const posts = new Map<string, SroPost>();
  for (const post of input.sroPosts) posts.set(post.title.trim().toLowerCase(), post).set(post.id, post);
  const managers = lowerCaseKeys(input.directory.managers);
  const actionsById = new Map(input.actions.map((a) => [a.id, a]));
  const actionsByPlan = groupBy(input.actions, (a) => a.planId);
  const isOpen = (action: Action, day: IsoDate) => {
    const reported = latestReportedStatus(updatesByAction.get(action.id) ?? [], action.id, day);
    return deriveStatus(action, { today: day, reported }).derived !== "Completed";
  };
  const reminders: Reminder[] = [];

  for (const plan of input.plans) {
    if (plan.closedOn != null && plan.closedOn <= today) continue;
    // Nor is a plan still being imported: half a plan is not a plan yet (the import's last write clears it).
    if (plan.archived === true || plan.importUnfinished === true) continue;
    const nation = plan.nation ?? DEFAULT_NATION;
    if (!isWorkingDay(today, nation)) continue;
    const settings = input.settings?.[plan.id] ?? DEFAULT_REMINDER_SETTINGS;
    const periods = input.periods.filter(
      (p) => p.planId === plan.id && p.state === "open" && p.startsOn <= today,
    );
    for (const action of actionsByPlan.get(plan.id) ?? []) {
      // A withdrawn action (or a milestone of one) is not chased: it stays in the plan as withdrawn.
      if (isWithdrawn(action, today, (id) => actionsById.get(id))) continue;
      if (!isOpen(action, today)) continue;
      const parent = action.parentId === undefined ? undefined : actionsById.get(action.parentId);
      if (parent !== undefined && !isOpen(parent, today)) continue;
      const updates = updatesByAction.get(action.id) ?? [];
      const owed: Owed[] = [];
      const due = action.targetDate.due;
      if (due !== null) {
        const near = targetOccurrence(due, today, settings, nation);
        if (near) owed.push({ ...near, period: null, about: due });
        // Managers hear about actions, not each milestone: those roll up into their action.
        const escalation = parent === undefined ? overdueEscalation(due, today, settings, nation) : null;
        if (escalation) owed.push({ ...escalation, period: null, about: due });
      }
      // Period updates are owed by actions (as in the figures), those still open the day before it started.
      for (const period of parent === undefined ? periods : []) {
        if (!isOpen(action, addDays(period.startsOn, -1))) continue;
        if (updates.some((u) => u.periodId === period.id && u.date <= today)) continue;
        const ask = updateOccurrence(period.updateDeadline, today, settings, nation);
        if (ask) owed.push({ ...ask, period, about: period.updateDeadline });
        const escalation = updateEscalation(period.updateDeadline, today, settings, nation);
        if (escalation) owed.push({ ...escalation, period, about: period.updateDeadline });
      }
      if (owed.length === 0) continue;
      const post = action.sroPost === null ? undefined : posts.get(action.sroPost.trim().toLowerCase());
      const sroUpn = post === undefined ? null : reminderRecipient(post, today);
      const lastUpdateOn = latestOnOrBefore(
        updates.map((u) => u.date),
        today,
      );
      for (const o of owed) {
        if (sent.has(occurrenceId({ ...o, actionId: action.id, periodId: o.period?.id ?? null }))) continue;
        const route = routeOf(o, action, post, sroUpn, today, {
          managers,
          coordinator: coordinatorOf(input, plan),
        });
        if ("reason" in route) {
          selection.unrouted.push({ ...pick(o, action), reason: route.reason });
          continue;
        }
        reminders.push({
          key: reminderKey({ ...o, actionId: action.id, periodId: o.period?.id ?? null, ...route }),
          ...pick(o, action),
          recipientUpn: route.recipientUpn.toLowerCase(),
          role: route.role,
          planTitle: plan.title,
          actionText: action.text,
          sroPost: action.sroPost,
          sroUpn,
          targetDate: due,
          period: o.period && {
            id: o.period.id,
            title: o.period.title,
            updateDeadline: o.period.updateDeadline,
          },
          workingDaysLate: workingDaysBetween(o.about, today, nation),
          lastUpdateOn,
        });
      }
    }
  }
  selection.digests = toDigests(reminders);
  return selection;
}

type Route = { recipientUpn: string; role: RecipientRole } | { reason: UnroutedReminder["reason"] };

// SRO reminders go to whoever covers the post today; escalations to the manager of the person holding the
// post (the post's line), else to the plan's coordinator. A manager who is also the one being chased (say,
// covering their own report's post) is no escalation, so that falls back to the coordinator too.
function routeOf(
  o: Owed,
  action: Action,
  post: SroPost | undefined,
  sroUpn: string | null,
  today: IsoDate,
  people: { managers: ReadonlyMap<string, string | null>; coordinator: string | null },
): Route {
  if (!o.kind.startsWith("escalation-")) {
    if (action.sroPost === null) return { reason: "no SRO post" };
    if (post === undefined) return { reason: "unknown SRO post" };
    if (sroUpn === null) return { reason: "post vacant and not covered" };
    const delegated = post.holderUpn === null || isDelegateCovering(post, today);
    return { recipientUpn: sroUpn, role: delegated ? "delegate" : "sro" };
  }
  const line = post?.holderUpn ?? post?.delegateUpn ?? null;
  const manager = line === null ? null : (people.managers.get(line.toLowerCase()) ?? null);
  if (manager !== null && manager.toLowerCase() !== sroUpn?.toLowerCase()) {
    return { recipientUpn: manager, role: "manager" };
  }
  if (people.coordinator !== null) return { recipientUpn: people.coordinator, role: "coordinator" };
  return { reason: "no manager or coordinator" };
}

function coordinatorOf(input: ReminderInput, plan: ReminderPlan): string | null {
  return input.directory.coordinators[plan.id] ?? null;
}

function pick(o: Owed, action: Action) {
  return { kind: o.kind, dueOn: o.dueOn, planId: action.planId, actionId: action.id, actionRef: action.ref };
}

const KIND_ORDER = new Map(REMINDER_KINDS.map((kind, i) => [kind, i]));
// One collator for every comparison: localeCompare with options builds a new one per call, which made
// sorting the largest digests the slowest part of a run. Numeric, so "1.10" comes after "1.2".
const collator = new Intl.Collator("en", { numeric: true });

// One digest per recipient, recipients in order, each listing its reminders by plan, action number, kind.
function toDigests(reminders: Reminder[]): ReminderDigest[] {
  const byRecipient = groupBy(reminders, (r) => r.recipientUpn);
  return [...byRecipient.keys()].sort().map((recipientUpn) => ({
    recipientUpn,
    reminders: (byRecipient.get(recipientUpn) ?? []).sort(
      (a, b) =>
        collator.compare(a.planTitle, b.planTitle) ||
        collator.compare(a.actionRef, b.actionRef) ||
        (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
        (a.period?.id ?? "").localeCompare(b.period?.id ?? ""),
    ),
  }));
}

function lowerCaseKeys(record: Readonly<Record<string, string | null>>): Map<string, string | null> {
  return new Map(Object.entries(record).map(([upn, manager]) => [upn.toLowerCase(), manager]));
}
