// The Reminder Runs list as the run lease reads and writes it: one item per site (Title "reminders"), saying
// which run holds it, where that run is, and until when. Every write after the first goes at the ETag the
// writer last read (If-Match), so of two runs that read the same free item only one can take it: SharePoint
// answers the other 412. See run-lease.ts for how a run uses it.
import { z } from "../../lib/zod.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { type DataContext, eq, listOf } from "../../sharepoint/core/index.ts";

/** The lease's Title: one reminder run at a time for the whole site, whichever plans it covers. */
export const LEASE_KEY = "reminders";

/** Who runs a reminder run, as the lease records it for whoever has to wait. */
export interface LeaseHolder {
  /** The signed-in person's UPN, or "the app" for an app-only run. */
  who: string;
  /** The machine (or "the Teams tab") it runs on. */
  host: string;
  /** The process id, when it is a process (the CLI); null in the tab. */
  pid: number | null;
  /** What the run is: "actionplan reminders (every plan)", "Chase now: <plan>". */
  run: string;
}

/** The lease item as read. `expiresAt` is null when no run holds it (released, or never taken). */
export interface LeaseItem {
  itemId: number;
  etag: string;
  holder: LeaseHolder;
  startedAt: string | null;
  expiresAt: string | null;
  runId: string | null;
}

/** What a run writes when it takes or renews the lease. */
export interface LeaseValues {
  holder: LeaseHolder;
  startedAt: string;
  expiresAt: string;
  runId: string;
}

const SELECT = ["Id", "HeldBy", "HeldOn", "ProcessId", "RunName", "StartedAt", "ExpiresAt", "RunId"];
const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v: string | null | undefined) => v ?? null),
);
const leaseRow = z.object({
  Id: z.int(),
  "odata.etag": z.string().check(z.minLength(1)),
  HeldBy: text,
  HeldOn: text,
  ProcessId: z.nullish(z.number()),
  RunName: text,
  StartedAt: text,
  ExpiresAt: text,
  RunId: text,
});
const added = z.looseObject({ Id: z.int(), "odata.etag": z.optional(z.string()) });
const updated = z.looseObject({ etag: z.nullish(z.string()) });

function toItem(row: z.infer<typeof leaseRow>): LeaseItem {
  return {
    itemId: row.Id,
    etag: row["odata.etag"],
    holder: {
      who: row.HeldBy ?? "someone",
      host: row.HeldOn ?? "an unknown host",
      pid: row.ProcessId ?? null,
      run: row.RunName ?? "a reminder run",
    },
    startedAt: row.StartedAt,
    // A value that is not a time (edited by hand) cannot hold anyone up: read as free.
    expiresAt: row.ExpiresAt !== null && Number.isFinite(Date.parse(row.ExpiresAt)) ? row.ExpiresAt : null,
    runId: row.RunId,
  };
}

function columns(values: LeaseValues | null) {
  if (values === null) return { ExpiresAt: null };
  return {
    HeldBy: values.holder.who.slice(0, 255),
    HeldOn: values.holder.host.slice(0, 255),
    ProcessId: values.holder.pid,
    RunName: values.holder.run.slice(0, 255),
    StartedAt: values.startedAt,
    ExpiresAt: values.expiresAt,
    RunId: values.runId,
  };
}

/**
 * The site's lease items, oldest first. There is one (the Title is unique); more than one only if the
 * column's uniqueness was lost, and then the oldest is the lease (run-lease.ts removes the others it adds).
 */
export async function readLeaseItems(ctx: DataContext): Promise<LeaseItem[]> {
  const rows: unknown = await listOf(ctx.sp, "reminderRuns")
    .items.select(...SELECT)
    .filter(eq("Title", LEASE_KEY))
    .orderBy("Id")
    .top(10)();
  return z.array(leaseRow).parse(rows).map(toItem);
}

/** The last reminder run the lease records: when its item was last written, and by which run. */
export interface LastRun {
  /** SharePoint's Modified (ISO): a run's last write is giving the lease up as it finishes. */
  finishedAt: string;
  holder: LeaseHolder;
}

const lastRunRow = z.object({
  Modified: z.string(),
  HeldBy: text,
  HeldOn: text,
  ProcessId: z.nullish(z.number()),
  RunName: text,
});

/** The last run the site's Reminder Runs list records, or null when no run has taken the lease yet. */
export async function readLastRun(ctx: DataContext): Promise<LastRun | null> {
  const rows: unknown = await listOf(ctx.sp, "reminderRuns")
    .items.select("Modified", "HeldBy", "HeldOn", "ProcessId", "RunName")
    .filter(eq("Title", LEASE_KEY))
    .orderBy("Id")
    .top(1)();
  const row = z.array(lastRunRow).parse(rows)[0];
  if (row === undefined) return null;
  return {
    finishedAt: row.Modified,
    holder: {
      who: row.HeldBy ?? "someone",
      host: row.HeldOn ?? "an unknown host",
      pid: row.ProcessId ?? null,
      run: row.RunName ?? "a reminder run",
    },
  };
}

/** Add the site's lease item, held by `values`; resolves to its id and ETag. */
export async function addLeaseItem(
  ctx: DataContext,
  values: LeaseValues,
): Promise<{ itemId: number; etag: string | null }> {
  const item = added.parse(
    await listOf(ctx.sp, "reminderRuns").items.add({ Title: LEASE_KEY, ...columns(values) }),
  );
  return { itemId: item.Id, etag: item["odata.etag"] ?? null };
}

/**
 * Write the lease (take or renew it with `values`; release it with null) only if nobody wrote it since
 * `etag`; resolves to the new ETag. SharePoint answers 412 (RemoteError.isConflict) when someone did.
 */
export async function writeLeaseItem(
  ctx: DataContext,
  itemId: number,
  etag: string,
  values: LeaseValues | null,
): Promise<string | null> {
  const result = updated.parse(
    await listOf(ctx.sp, "reminderRuns").items.getById(itemId).update(columns(values), etag),
  );
  return result.etag ?? null;
}

/** Remove a lease item this run added when an older one turned out to exist. */
export async function deleteLeaseItem(ctx: DataContext, itemId: number, etag: string): Promise<void> {
  await listOf(ctx.sp, "reminderRuns").items.getById(itemId).delete(etag);
}

/**
 * SharePoint's refusal of a value a unique column already holds (EnforceUniqueValues): the error's code
 * names Microsoft.SharePoint.SPDuplicateValuesFoundException ("The list item could not be added or updated
 * because duplicate values were found in the following field(s) in the list"), as PnP's provisioning
 * engine matches it (pnp/PnP-Sites-Core#608, ServerErrorTypeName).
 */
export function isDuplicateRefusal(error: unknown): boolean {
  return (
    error instanceof RemoteError &&
    error.service === "SharePoint" &&
    (error.code.includes("SPDuplicateValuesFoundException") ||
      /duplicate values were found/i.test(error.serviceMessage))
  );
}
