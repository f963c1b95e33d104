// The fields of a plan as typed (a new plan's, or a plan's settings), checked before anything is sent:
// each problem in words against its field.
import { NATIONS, type IsoDate, type Nation } from "../../../../domain/index.ts";
import type { PlanRecord } from "../../../../sharepoint/schema/index.ts";
import { readDay } from "../uk-date.ts";

export interface PlanFieldsText {
  title: string;
  referenceDate: string;
  overdueAfterMonths: string;
  nation: Nation;
}

export type PlanFieldProblems = Partial<Record<keyof PlanFieldsText, string>>;

export interface PlanFieldsValue {
  title: string;
  referenceDate: IsoDate;
  overdueAfterMonths: number;
  nation: Nation;
}

/** A new plan's fields: the Best Value rule (overdue one month past its date), England and Wales. */
export function emptyPlanFields(today: IsoDate): PlanFieldsText {
  return { title: "", referenceDate: isoToUk(today), overdueAfterMonths: "1", nation: NATIONS[0] };
}

/** A plan's settings as the form shows them. */
export function planFieldsOf(plan: PlanRecord): PlanFieldsText {
  return {
    title: plan.title,
    referenceDate: isoToUk(plan.referenceDate),
    overdueAfterMonths: String(plan.overdueAfterMonths),
    nation: plan.nation,
  };
}

/** "2024-04-10" as "10/04/2024". */
export function isoToUk(date: IsoDate): string {
  const [year, month, day] = date.split("-");
  return `${day ?? ""}/${month ?? ""}/${year ?? ""}`;
}

/** The plan the fields describe, or the problems with them. */
export function checkPlanFields(
  text: PlanFieldsText,
): { value: PlanFieldsValue; problems: null } | { value: null; problems: PlanFieldProblems } {
  const problems: PlanFieldProblems = {};
  const title = text.title.trim();
  if (title === "")
    problems.title = "Give the plan a title, e.g. 'LGA Corporate Peer Challenge 2023 action plan'.";
  else if (title.length > 255)
    problems.title = `The title is ${title.length} characters; shorten it to 255 or fewer.`;
  const reference = readDay(text.referenceDate, "the reference date", true);
  if (reference.problem !== undefined) problems.referenceDate = reference.problem;
  const monthsText = text.overdueAfterMonths.trim();
  const months = Number(monthsText);
  if (!/^\d{1,2}$/.test(monthsText) || months > 24)
    problems.overdueAfterMonths = "Give a whole number of months from 0 to 24, e.g. 1.";
  if (reference.day === null || Object.keys(problems).length > 0) return { value: null, problems };
  return {
    value: { title, referenceDate: reference.day, overdueAfterMonths: months, nation: text.nation },
    problems: null,
  };
}
