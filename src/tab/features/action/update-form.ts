// The "Post an update" form as plain data: what was typed, checked in words before anything is sent, and
// turned into the data access's NewUpdate. Kept apart from the component so the rules are unit-tested.
import { STATUSES, type Status } from "../../../domain/types.ts";
import type { IsoDate } from "../../../domain/iso-date.ts";
import type { NewUpdate } from "../../../sharepoint/updates.ts";

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

/** Whether a string is one of the five statuses. */
export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** What is wrong with the form, field by field, in words; empty when it can be saved. */
export function checkUpdateForm(values: UpdateFormValues): UpdateFormErrors {
  const errors: UpdateFormErrors = {};
  if (values.text.trim() === "") errors.text = "Write what has happened since the last update.";
  if (values.status === "") errors.status = "Choose the action's status.";
  const percent = values.percent.trim();
  if (percent !== "" && (!/^\d{1,3}$/.test(percent) || Number(percent) > 100))
    errors.percent = "Enter a whole number from 0 to 100.";
  const evidence = values.evidenceUrl.trim();
  if (evidence !== "" && !isWebAddress(evidence))
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
