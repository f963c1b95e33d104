// When a change was made, in words: "3 December 2026 at 09:41", the day and time in the UK (a council's
// clock), whatever time zone the browser is in.
import { formatUkDate, toIsoDate } from "../../../domain/iso-date.ts";

const UK_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An ISO date-time as "3 December 2026 at 09:41" (UK time); the text itself when it is not a date-time. */
export function whenText(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = Object.fromEntries(UK_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  const day = toIsoDate(`${parts.year ?? ""}-${parts.month ?? ""}-${parts.day ?? ""}`);
  if (day === null) return iso;
  return `${formatUkDate(day)} at ${parts.hour ?? "00"}:${parts.minute ?? "00"}`;
}
