// An action's details from its row: the SRO text, target date, completion date and first progress update,
// each read with the domain's rules; doubts become warnings, those many rows share said once per kind.
import {
  deriveStatus,
  inferReportedStatus,
  parseTargetDate,
  STATUSES,
  type Status,
} from "../domain/index.ts";
import { readCompletedOn, readPercent, readStatus } from "./fields.ts";
import type { ImportAction, ImportUpdate } from "./plan-shape.ts";
import type { Problems } from "./problems.ts";
import type { SheetRows } from "./rows.ts";
import type { MapContext } from "./types.ts";

const examples = (items: readonly string[]) =>
  `${[...new Set(items)].slice(0, 3).join(", ")}${new Set(items).size > 3 ? ", …" : ""}`;

/** The target date, and (with `all`) the completion date and first update; returns whether it had an update. */
export function readDetails(
  rows: SheetRows,
  row: number,
  action: ImportAction,
  all: boolean,
  context: MapContext,
  problems: Problems,
): boolean {
  action.targetDateText = rows.get(row, "targetDate");
  const target = parseTargetDate(action.targetDateText, { referenceDate: context.referenceDate });
  if (target.flags.includes("unrecognised"))
    problems.tally(
      "target date unrecognised",
      rows.place(row, "targetDate"),
      `"${action.targetDateText}"`,
      (count, items) =>
        count === 1
          ? `"${action.targetDateText}" is not a date the plan's rules understand, so the action has no due date.`
          : `${String(count)} target dates are not dates the plan's rules understand (${examples(items)}), so those actions have no due date.`,
    );
  if (!all) return false;
  const completed = rows.get(row, "completedOn");
  if (completed !== "") {
    action.completedOn = readCompletedOn(completed, context.referenceDate);
    if (action.completedOn === null)
      problems.warning(
        rows.place(row, "completedOn"),
        `"${completed}" is not a date, so no completion date is recorded.`,
      );
  }
  const update = readUpdate(rows, row, context, problems);
  if (update === null) return false;
  action.update = update;
  const said = rows.get(row, "status");
  if (said === "" || update.reportedStatus === null) return true;
  const status = deriveStatus(
    { completedOn: action.completedOn ?? null, targetDate: { due: target.due } },
    { today: context.today, reported: update.reportedStatus, overdueAfterMonths: context.overdueAfterMonths },
  );
  if (status.disagrees)
    problems.tally(
      "status disagrees",
      rows.place(row, "status"),
      `${action.ref} "${said}" shows as ${status.derived}`,
      (count, items) =>
        count === 1
          ? `The file reports "${said}", but by its target date "${action.targetDateText}" the plan will show it as ${status.derived}.`
          : `${String(count)} actions report a status their target date contradicts, so the plan shows the status their target date gives (${examples(items)}).`,
    );
  return true;
}

/** The first update: the file's status (or one inferred from the text), % complete and progress text. */
function readUpdate(
  rows: SheetRows,
  row: number,
  context: MapContext,
  problems: Problems,
): ImportUpdate | null {
  const said = rows.get(row, "status");
  const percentText = rows.get(row, "percentComplete");
  const text = rows.get(row, "progressUpdate");
  if (said === "" && percentText === "" && text === "") return null;
  const status = readStatus(said);
  if (status === "unknown")
    problems.warning(
      rows.place(row, "status"),
      `"${said}" is not a status the plan knows (${STATUSES.join(", ")}), so none is recorded.`,
    );
  const read = readPercent(percentText);
  if (read === "invalid")
    problems.warning(
      rows.place(row, "percentComplete"),
      `"${percentText}" is not a percentage from 0 to 100, so no % complete is recorded.`,
    );
  const percent = read === "invalid" ? null : read;
  let reported: Status | null = status === "unknown" ? null : status;
  // No status column (or a blank cell): the demo seed's rule, with 100% counting as done.
  if (status === null)
    reported =
      percent === 100
        ? "Completed"
        : text !== ""
          ? inferReportedStatus(text)
          : percent !== null && percent > 0
            ? "On target"
            : "Not started";
  return { date: context.today, text, reportedStatus: reported, percentComplete: percent };
}
