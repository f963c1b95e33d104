// What a card says about each action: the reminders of one digest grouped by action, in words an officer
// reads at a glance ("12 working days overdue", "Update for Q1 2024/25 due in 3 working days"). Every piece
// of SharePoint text is truncated and escaped here, so the templates only ever see safe strings.
import type { Reminder } from "../../domain/index.ts";
import { formatUkDate } from "../../domain/index.ts";
import { escapeCardText, truncateText } from "./escape.ts";

/** How an action's line is coloured: Attention (red) for late, Warning for due now, Default otherwise. */
export type StatusColor = "Attention" | "Warning" | "Default";

/** One line about an action in a card: what is due or late, and how urgently. */
export interface StatusLine {
  text: string;
  color: StatusColor;
}

/** One action in a card, every text field already truncated and escaped. */
export interface CardActionView {
  actionId: string;
  /** Unescaped, for the dialog title (a URL parameter, not markdown). */
  rawRef: string;
  ref: string;
  text: string;
  plan: string;
  targetDate: string;
  lastUpdate: string;
  statuses: StatusLine[];
  /** The post whose reminders these are, when the recipient is covering it: "Covering Corporate Director ...". */
  covering: string | null;
  /** For manager digests: who the action is waiting on. */
  sroUpn: string | null;
  sroPost: string | null;
}

/** How long a card lets an action's text run before cutting it at a word. */
export const SHORT_TEXT_LENGTH = 140;

const days = (n: number) => `${String(n)} working day${n === 1 ? "" : "s"}`;

/** What a reminder says: "Target date in 3 working days", "12 working days overdue", "Update ... late". */
export function statusLine(reminder: Reminder): StatusLine {
  const late = reminder.workingDaysLate;
  if (reminder.kind === "target-near") {
    return late < 0
      ? { text: `Target date in ${days(-late)}`, color: -late <= 3 ? "Warning" : "Default" }
      : { text: "Target date is today", color: "Warning" };
  }
  if (reminder.kind === "target-passed" || reminder.kind === "escalation-overdue") {
    return { text: late > 0 ? `${days(late)} overdue` : "Target date is today", color: "Attention" };
  }
  const update = `Update for ${escapeCardText(reminder.period?.title ?? "this period")}`;
  const deadline = reminder.period === null ? "" : formatUkDate(reminder.period.updateDeadline);
  if (late < 0) return { text: `${update} due ${deadline}, in ${days(-late)}`, color: "Default" };
  if (late === 0) return { text: `${update} due today`, color: "Warning" };
  return { text: `${update} ${days(late)} late (due ${deadline})`, color: "Attention" };
}

/** The reminders of a digest as one view per action, in the digest's order. */
export function actionViews(reminders: readonly Reminder[]): CardActionView[] {
  const views = new Map<string, CardActionView>();
  for (const r of reminders) {
    let view = views.get(r.actionId);
    if (view === undefined) {
      view = {
        actionId: r.actionId,
        rawRef: r.actionRef,
        ref: escapeCardText(r.actionRef),
        text: escapeCardText(truncateText(r.actionText, SHORT_TEXT_LENGTH)),
        plan: escapeCardText(r.planTitle),
        targetDate: r.targetDate === null ? "Not set" : formatUkDate(r.targetDate),
        lastUpdate: r.lastUpdateOn === null ? "None yet" : formatUkDate(r.lastUpdateOn),
        statuses: [],
        covering:
          r.role === "delegate" && r.sroPost !== null ? `Covering ${escapeCardText(r.sroPost)}` : null,
        sroUpn: r.sroUpn,
        sroPost: r.sroPost === null ? null : escapeCardText(r.sroPost),
      };
      views.set(r.actionId, view);
    }
    const line = statusLine(r);
    if (!view.statuses.some((s) => s.text === line.text)) view.statuses.push(line);
  }
  return [...views.values()];
}
