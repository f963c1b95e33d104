// "Today" as the app means it: the calendar date in Europe/London, whatever the server's own zone.

const LONDON_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Europe/London calendar date of an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return LONDON_DATE.format(instant);
}

/**
 * A clock whose date is `today` and whose time of day follows the real one, for running the 2024 demo
 * plan as if it were then.
 */
export function shiftedClock(today: string, real: () => number = Date.now): () => Date {
  const startedAt = real();
  const msIntoDay = startedAt % 86_400_000;
  let offset = Date.parse(`${today}T00:00:00Z`) + msIntoDay - startedAt;
  // Late in the UTC day, British Summer Time would already be the next day in London: keep London on `today`.
  if (londonDate(new Date(startedAt + offset)) > today) offset -= 3_600_000;
  return () => new Date(real() + offset);
}
