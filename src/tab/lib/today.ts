// "Today" for the tab: the date in Europe/London, or the sandbox's own date when the configuration names a
// clock (the demo plan is from 2024 and the sandbox keeps its own calendar).
import { z } from "../../lib/zod.ts";
import { toIsoDate, type IsoDate } from "../../domain/iso-date.ts";
import { londonDate } from "../../lib/clock.ts";

const clockSchema = z.object({ today: z.string() });

/** The app's "today" as an IsoDate. */
export async function loadToday(clockUrl: string | undefined, now: Date = new Date()): Promise<IsoDate> {
  const text =
    clockUrl === undefined
      ? londonDate(now)
      : clockSchema.parse(await (await fetch(clockUrl, { cache: "no-cache" })).json()).today;
  const today = toIsoDate(text);
  if (today === null) throw new Error(`The clock gave '${text}', which is not a date.`);
  return today;
}
