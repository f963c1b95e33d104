// The pieces every write schema builds on, so each refuses the same out-of-bounds input in the same words
// before anything is sent: a date within 1900–2100, text within what its column holds (the write path is
// the only guard for multi-line columns, which have no MaxLength in SharePoint), a link that is https.
import {
  DATE_RANGE_ADVICE,
  isWithinDateRange,
  LONG_TEXT_LIMIT,
  toIsoDate,
  tooLongMessage,
  type IsoDate,
} from "../../domain/index.ts";
import { isSafeLink, LOCAL_HTTP } from "../../lib/safe-link.ts";
import { z } from "../../lib/zod.ts";

/** A "YYYY-MM-DD" day within 1900–2100; `what` names it in the refusal ("The update date"). */
export function boundedDate(what: string) {
  return z.pipe(
    z.string(),
    z.transform((text: string, ctx): IsoDate => {
      const date = toIsoDate(text);
      if (date === null) {
        ctx.issues.push({
          code: "custom",
          message: `${what} '${text}' is not a date; give it as YYYY-MM-DD, e.g. 2024-04-09.`,
          input: text,
        });
        return z.NEVER;
      }
      if (!isWithinDateRange(date)) {
        ctx.issues.push({ code: "custom", message: `${what} ${date} ${DATE_RANGE_ADVICE}`, input: text });
        return z.NEVER;
      }
      return date;
    }),
  );
}

/**
 * Refused input that no schema field holds alone (a date read from text with the plan's reference date):
 * the same error a schema gives, so the tab and the CLI say its message like any other refusal.
 */
export function inputRefused(message: string): z.core.$ZodError {
  // $ZodRealError is what `parse` throws: an Error as well as a $ZodError.
  return new z.core.$ZodRealError([{ code: "custom", message, path: [], input: undefined }]);
}

/** Throws `inputRefused` when a day (already known to be a date) lies outside 1900–2100. */
export function checkDateRange(what: string, date: IsoDate | null): void {
  if (date !== null && !isWithinDateRange(date)) throw inputRefused(`${what} (${date}) ${DATE_RANGE_ADVICE}`);
}

/**
 * Text for a column that holds at most `limit` characters (a multi-line column: LONG_TEXT_LIMIT), trimmed;
 * `empty` is the refusal for no text, or null when none is allowed.
 */
export function boundedText(what: string, empty: string | null, limit = LONG_TEXT_LIMIT) {
  const tooLong = z.maxLength(limit, {
    error: (issue) =>
      `${tooLongMessage(what, typeof issue.input === "string" ? issue.input.length : limit + 1, limit)} Shorten it, or put the detail in a document and link to it.`,
  });
  return empty === null
    ? z.string().check(z.trim(), tooLong)
    : z.string().check(z.trim(), z.minLength(1, empty), tooLong);
}

/**
 * A link people will open from the tab: https, or plain http only to a local sandbox (the data layer cannot
 * tell which port the sandbox is on; the tab narrows it to the sandbox's own origin when it renders).
 */
export function safeLink(what: string) {
  return z.string().check(
    z.refine((text) => isSafeLink(text, LOCAL_HTTP), {
      error: `${what} must be a web address starting with https:// (plain http:// only for the local sandbox).`,
    }),
  );
}
