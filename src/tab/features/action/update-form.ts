// The "Post an update" form as plain data: what was typed, checked in words before anything is sent, and
// turned into the data access's NewUpdate. Kept apart from the component so the rules are unit-tested.
import { STATUSES, type Status } from "../../../domain/types.ts";
import type { IsoDate } from "../../../domain/iso-date.ts";
import { LONG_TEXT_LIMIT, tooLongMessage } from "../../../domain/limits.ts";
import { deriveStatus } from "../../../domain/status.ts";
import { isSafeLink, LOCAL_HTTP } from "../../../lib/safe-link.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";
import type { NewUpdate } from "../../../sharepoint/updates/index.ts";

export interface UpdateFormValues {
  text: string;
  /** "" until a status is chosen. */
  status: Status | "";
  /** As typed; "" for none. */
  percent: string;
  /** As typed; "" for none. */
  evidenceUrl: string;
}

export type UpdateFormErrors = Partial<Record<keyof UpdateFormValues, string>>;

export const EMPTY_FORM: UpdateFormValues = { text: "", status: "", percent: "", evidenceUrl: "" };

/**
 * The form as it opens for an action: its status as the plan shows it (the dates' rule over what was last
 * reported, so an action past its target date starts from Delayed or Overdue, not the "On target" of its
 * last update), and its last % complete.
 */
export function startingForm(
  record: Pick<ActionRecord, "action" | "latest">,
  today: IsoDate,
  overdueAfterMonths = 1,
): UpdateFormValues {
  const reported = record.latest?.reportedStatus ?? null;
  return {
    ...EMPTY_FORM,
    status: deriveStatus(record.action, { today, reported, overdueAfterMonths }).derived,
    percent: record.latest?.percentComplete?.toString() ?? "",
  };
}

/** Whether a string is one of the five statuses. */
export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** What is wrong with the form, field by field, in words; empty when it can be saved. */
export function checkUpdateForm(values: UpdateFormValues): UpdateFormErrors {
  const errors: UpdateFormErrors = {};
  const text = values.text.trim();
  if (text === "") errors.text = "Write what has happened since the last update.";
  else if (text.length > LONG_TEXT_LIMIT)
    errors.text = `${tooLongMessage("Your update", text.length, LONG_TEXT_LIMIT)} Shorten it, or put the detail in a document and link to it.`;
  if (values.status === "") errors.status = "Choose the action's status.";
  const percent = values.percent.trim();
  if (percent !== "" && (!/^\d{1,3}$/.test(percent) || Number(percent) > 100))
    errors.percent = "Enter a whole number from 0 to 100.";
  const evidence = values.evidenceUrl.trim();
  // The data layer's rule (https, or http to a local sandbox); the page links it only if it is https.
  if (evidence !== "" && !isSafeLink(evidence, LOCAL_HTTP))
    errors.evidenceUrl = "Enter a web address starting with https://, or leave this empty.";
  return errors;
}

/** The update to save from a form that passed `checkUpdateForm`. */
export function toNewUpdate(values: UpdateFormValues, today: IsoDate, periodId: string | null): NewUpdate {
  const percent = values.percent.trim();
  const evidence = values.evidenceUrl.trim();
  return {
    date: today,
    text: values.text.trim(),
    reportedStatus: values.status === "" ? null : values.status,
    percentComplete: percent === "" ? null : Number(percent),
    periodId,
    evidenceUrl: evidence === "" ? null : evidence,
  };
}
