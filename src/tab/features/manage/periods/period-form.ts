// A reporting period's fields as typed, checked before anything is sent, and the title a period starting on
// a day usually has: the UK financial year's quarter ("Q2 2024/25": July to September 2024).
import { dateParts, type IsoDate } from "../../../../domain/index.ts";
import { readDay } from "../uk-date.ts";

/** The financial quarter a day falls in, as councils title their reporting periods. */
export function quarterTitle(day: IsoDate): string {
  const { year, month } = dateParts(day);
  const startYear = month >= 4 ? year : year - 1;
  const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return `Q${String(quarter)} ${String(startYear)}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export interface PeriodText {
  title: string;
  startsOn: string;
  updateDeadline: string;
  reportDate: string;
}

export type PeriodProblems = Partial<Record<keyof PeriodText, string>>;

export interface PeriodValue {
  title: string;
  startsOn: IsoDate;
  updateDeadline: IsoDate;
  reportDate: IsoDate;
}

/** The period the fields describe, or the problems with them, each against its field. */
export function checkPeriod(
  text: PeriodText,
): { value: PeriodValue; problems: null } | { value: null; problems: PeriodProblems } {
  const problems: PeriodProblems = {};
  const title = text.title.trim();
  if (title === "") problems.title = "Give the period a title, e.g. 'Q2 2024/25'.";
  else if (title.length > 255)
    problems.title = `The title is ${title.length} characters; shorten it to 255 or fewer.`;
  const start = readDay(text.startsOn, "the start", true);
  const deadline = readDay(text.updateDeadline, "the update deadline", true);
  const report = readDay(text.reportDate, "the report date", true);
  if (start.problem !== undefined) problems.startsOn = start.problem;
  if (deadline.problem !== undefined) problems.updateDeadline = deadline.problem;
  if (report.problem !== undefined) problems.reportDate = report.problem;
  if (start.day !== null && deadline.day !== null && deadline.day < start.day)
    problems.updateDeadline = "The update deadline cannot be before the period starts.";
  if (deadline.day !== null && report.day !== null && report.day < deadline.day)
    problems.reportDate = "The report date cannot be before the update deadline.";
  if (start.day === null || deadline.day === null || report.day === null || Object.keys(problems).length > 0)
    return { value: null, problems };
  return {
    value: { title, startsOn: start.day, updateDeadline: deadline.day, reportDate: report.day },
    problems: null,
  };
}
