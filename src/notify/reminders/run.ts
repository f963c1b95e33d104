// One reminder run for a site: take the site's run lease (one sending run at a time, run-lease.ts), load,
// settle what an interrupted run left, select, deliver, and release the lease (or, for a dry run, only say
// what would go, without the lease). The CLI, the tab's "Chase now" and the tests call this.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { IsoDate, Reminder, ReminderSelection, SroPost } from "../../domain/index.ts";
import { occurrenceId, selectDueReminders, sentOccurrences } from "../../domain/reminders/index.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import type { PlanRecord } from "../../sharepoint/schema/index.ts";
import type { CardLinks } from "../cards/index.ts";
import type { DeliveryChannel } from "./channels.ts";
import type { DeliveryDeps, NotReached } from "./delivery.ts";
import { deliverDigests, recoverPending } from "./delivery.ts";
import { loadSiteReminderData, planCoordinators } from "./load.ts";
import { Pacer, intervalMs } from "./pacing.ts";
import { ManagerLookup } from "./people.ts";
import { loadReminderLog } from "./reminder-log.ts";
import type { LeaseHolder, LeaseOptions, RunLease } from "./run-lease.ts";
import { DEFAULT_LEASE_SECONDS, DEFAULT_WAIT_SECONDS, withRunLease } from "./run-lease.ts";

/** How a run takes the lease: who it is, and the lease's length and the wait (defaults 120 s, 180 s). */
export type LeaseRequest = Partial<Omit<LeaseOptions, "holder">> & {
  holder?: Partial<LeaseHolder>;
  /** Told once the lease is held (the CLI releases it on Ctrl+C). */
  onAcquired?: (lease: RunLease) => void;
};

/** What a run is given. */
export interface ReminderRun {
  ctx: DataContext;
  /** Graph for reading managers (any token that may read users). */
  graph: Client;
  /** How digests go; absent for a dry run. */
  channel: DeliveryChannel | null;
  plans: readonly PlanRecord[];
  /** True when every plan of the site is in `plans` (then the whole log is read, chats included). */
  allPlans: boolean;
  today: IsoDate;
  links: CardLinks;
  coordinator?: string;
  hooks?: DeliveryDeps["hooks"];
  lease?: LeaseRequest;
}

/** One selected reminder as the summary lists it. */
export interface SelectedReminder {
  key: string;
  recipient: string;
  role: Reminder["role"];
  kind: Reminder["kind"];
  plan: string;
  action: string;
  dueOn: string;
  period: string | null;
}

/** What a run did: the summary the CLI prints (and prints as JSON with --json). */
export interface RunSummary {
  today: IsoDate;
  dryRun: boolean;
  channel: "chat" | "activity" | null;
  /** Digests delivered (one per recipient). */
  sent: number;
  skipped: NotReached[];
  failed: NotReached[];
  /**
   * Not sent and not recorded: the sender's own reminders (nobody chats with themselves), sent by the next
   * run by someone else. Their reminders are in `reminders` too, so whoever ran the run sees them.
   */
  owed: NotReached[];
  /** Entries an interrupted run left Pending, found delivered and marked Sent. */
  recovered: number;
  /**
   * People due a reminder today who already had it (an earlier run today sent it, so the log holds it):
   * not sent again, and why a second "Chase now" sends nothing.
   */
  alreadyReminded: AlreadyReminded[];
  reminders: SelectedReminder[];
  unrouted: ReminderSelection["unrouted"];
}

/** Someone whose reminders due today were all sent already, by an earlier run. */
export interface AlreadyReminded {
  recipient: string;
  reminders: number;
}

// The reminders due today that an earlier run already sent, by recipient: what the log held back.
function alreadySent(due: ReminderSelection, doneKeys: readonly string[]): AlreadyReminded[] {
  const done = sentOccurrences(doneKeys);
  const counts = new Map<string, number>();
  for (const r of due.digests.flatMap((d) => d.reminders)) {
    const id = occurrenceId({ ...r, periodId: r.period?.id ?? null });
    if (done.has(id)) counts.set(r.recipientUpn, (counts.get(r.recipientUpn) ?? 0) + 1);
  }
  return [...counts].map(([recipient, reminders]) => ({ recipient, reminders }));
}

function listed(r: Reminder): SelectedReminder {
  return {
    key: r.key,
    recipient: r.recipientUpn,
    role: r.role,
    kind: r.kind,
    plan: r.planTitle,
    action: r.actionRef,
    dueOn: r.dueOn,
    period: r.period?.title ?? null,
  };
}

// The person whose manager hears of an escalation: the post's holder (or delegate of a vacant post).
function lineOf(r: Reminder, posts: Map<string, SroPost>): string | null {
  const post = r.sroPost === null ? undefined : posts.get(r.sroPost.trim().toLowerCase());
  return post?.holderUpn ?? post?.delegateUpn ?? null;
}

/**
 * Run the reminders once. A run that sends holds the site's lease throughout, and throws RunInProgress when
 * another run held it for longer than it may wait, or LeaseLost when it lost the lease part-way.
 */
export async function runReminders(run: ReminderRun): Promise<RunSummary> {
  const channel = run.channel;
  if (channel === null) return selectAndDeliver(run, null, null);
  const request = run.lease ?? {};
  const holder: LeaseHolder = {
    who: channel.sender ?? "the app",
    host: "an unnamed host",
    pid: null,
    run: run.allPlans
      ? "reminders for every plan"
      : `reminders for ${run.plans.map((p) => p.title).join(", ")}`,
    ...request.holder,
  };
  const options: LeaseOptions = {
    seconds: DEFAULT_LEASE_SECONDS,
    waitSeconds: DEFAULT_WAIT_SECONDS,
    ...request,
    holder,
  };
  return withRunLease(run.ctx, options, (lease) => {
    request.onAcquired?.(lease);
    return selectAndDeliver(run, channel, lease);
  });
}

async function selectAndDeliver(
  run: ReminderRun,
  channel: DeliveryChannel | null,
  lease: RunLease | null,
): Promise<RunSummary> {
  const { ctx } = run;
  const planIds = run.plans.map((p) => p.id);
  const data = await loadSiteReminderData(ctx, run.plans);
  const log = await loadReminderLog(ctx, run.allPlans ? undefined : planIds);
  const recovery =
    channel === null ? { confirmed: [], inDoubt: [] } : await recoverPending(ctx, channel, log);
  const confirmed = new Set(recovery.confirmed);
  // Skipped is done (the reason is the recipient's), bar what older runs skipped for being the sender's own.
  const done = log.filter(
    (e) => e.status === "Sent" || (e.status === "Skipped" && !e.skippedAsSender) || confirmed.has(e.key),
  );
  const sentKeys = [...done.map((e) => e.key), ...recovery.inDoubt];
  const coordinators = await planCoordinators(ctx, planIds, run.coordinator);

  // Managers are asked of Graph only for the people someone must escalate about: a first pass finds them.
  const input = { ...data, sentKeys, directory: { managers: {}, coordinators } };
  const first = selectDueReminders(input, run.today);
  const posts = new Map(data.sroPosts.map((p) => [p.title.trim().toLowerCase(), p]));
  const lines = first.digests
    .flatMap((d) => d.reminders)
    .filter((r) => r.kind.startsWith("escalation-"))
    .flatMap((r) => lineOf(r, posts) ?? []);
  const managers = await new ManagerLookup(run.graph).managersOf(lines);
  const selection = selectDueReminders({ ...input, directory: { managers, coordinators } }, run.today);
  // The same selection with nothing held back: the difference is who already had today's reminders.
  const due = selectDueReminders(
    { ...input, sentKeys: [], directory: { managers, coordinators } },
    run.today,
  );
  const held = alreadySent(
    due,
    log.filter((e) => e.status === "Sent" || confirmed.has(e.key)).map((e) => e.key),
  );

  const summary: RunSummary = {
    today: run.today,
    dryRun: channel === null,
    channel: channel?.name ?? null,
    sent: 0,
    skipped: [],
    owed: [],
    failed:
      recovery.inDoubt.length === 0
        ? []
        : [
            {
              recipient: "(several)",
              reason: "an earlier send could not be confirmed; held back",
              reminders: recovery.inDoubt.length,
            },
          ],
    recovered: recovery.confirmed.length,
    alreadyReminded: held,
    reminders: selection.digests.flatMap((d) => d.reminders.map(listed)),
    unrouted: selection.unrouted,
  };
  if (channel === null) return summary;
  const pacer = new Pacer(
    intervalMs(channel.perSecond),
    channel.perChatPerSecond === null ? 0 : intervalMs(channel.perChatPerSecond),
  );
  const result = await deliverDigests(
    {
      ctx,
      channel,
      links: run.links,
      pacer,
      hooks: run.hooks,
      displayName: (upn) => data.names.get(upn.toLowerCase()),
      ...(lease === null ? {} : { lease }),
    },
    selection.digests,
    log,
  );
  return {
    ...summary,
    sent: result.sent,
    skipped: result.skipped,
    owed: result.owed,
    failed: [...summary.failed, ...result.failed],
  };
}
