// What the data commands share: the connection to a site, the day they count as "today", and how they
// report a failure from SharePoint in words.
import { z } from "zod";
import { toIsoDate } from "../domain/index.ts";
import { londonDate } from "../lib/clock.ts";
import { describeForPeople, RemoteError } from "../lib/remote-error.ts";
import {
  createSharePoint,
  dataContext,
  type DataContext,
  describeSkipped,
  describeUnreadable,
  UnreadableItemError,
} from "../sharepoint/core/index.ts";
import { readNotifySettings, SettingsError, type NotifySettings } from "../notify/reminders/settings.ts";
import { isSandboxSite, tokenSourceFor } from "./auth.ts";
import { UsageError } from "./command.ts";

/** The options every data command takes. */
export const siteOptions = {
  site: { type: "string" },
  as: { type: "string" },
  json: { type: "boolean" },
} as const;

export const siteSchema = z.object({
  site: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, "")),
  as: z.string().min(3).optional(),
  json: z.boolean().default(false),
});

/** A YYYY-MM-DD option that must be a real calendar date (month 13 and 31 April are refused). */
export const isoDateOption = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD, e.g. 2024-04-09")
  .refine((d) => toIsoDate(d) !== null, "is not a real date")
  // A plan runs for years, not millennia: a date like 9999-12-01 is a slip, and figures reaching it would
  // count month ends for eight thousand years.
  .refine(
    (d) => d >= "1900-01-01" && d <= "2100-12-31",
    "is outside 1900-2100; give a date within a plan's life, e.g. 2024-04-09",
  );

export function connect(site: string, as: string | undefined): DataContext {
  return dataContext(createSharePoint({ siteUrl: site, getToken: tokenSourceFor(site, as) }));
}

/** Today in Europe/London; against the sandbox, the sandbox's own clock (the demo runs in 2024). */
export async function todayFor(site: string): Promise<string> {
  if (!isSandboxSite(site)) return londonDate(new Date());
  const origin = new URL(site).origin;
  let response: Response;
  try {
    response = await fetch(`${origin}/sandbox/clock`);
  } catch {
    throw new UsageError(
      `cannot reach the sandbox at ${origin}. Is it running? Start it with \`npm start\`.`,
    );
  }
  return z.object({ today: z.string() }).parse(await response.json()).today;
}

/**
 * Say on stderr, one sentence each, which items the command's reads left out (the rest of its output
 * stands without them, so the exit code is unchanged).
 */
export function reportSkipped(command: string, ctx: DataContext): void {
  for (const item of ctx.warnings.items) console.error(`actionplan ${command}: ${describeSkipped(item)}`);
}

/**
 * Print a SharePoint failure, or an item asked for that cannot be read, in words (with the technical line
 * for support) and give the exit code.
 */
export function reportRemoteFailure(command: string, error: unknown): number {
  if (error instanceof RemoteError) {
    const words =
      error.status === 404
        ? "nothing found there: check --site, and that the app is provisioned on that site (`actionplan provision`)."
        : describeForPeople(error);
    console.error(`actionplan ${command}: ${words}\n  (${error.message.slice(0, 300)})`);
    return 1;
  }
  if (error instanceof UnreadableItemError) {
    console.error(`actionplan ${command}: ${describeUnreadable(error.item)}`);
    return 1;
  }
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
    console.error(`actionplan ${command}: cannot reach the site. Check --site and your network.`);
    return 1;
  }
  throw error;
}

/** The notifier's settings for a site (sandbox defaults for a local one); a missing one is a usage error. */
export function notifySettingsFor(site: string): NotifySettings {
  try {
    return readNotifySettings(site, isSandboxSite(site));
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}
