// Skipped items (skipped-items.ts) in words, with each column's title as SharePoint shows it: the schema is
// needed for that, so this is apart from what every read loads.
import { SCHEMA, type ListKey } from "../schema/schema.ts";
import { itemName, WHAT_TO_DO, type SkippedItem } from "./skipped-items.ts";

/** The column's display name (what SharePoint shows) with its internal name, e.g. "Reference date (ReferenceDate)". */
function columnName(list: ListKey, field: string): string {
  const [name = field] = field.split("/");
  const spec = SCHEMA.lists.find((l) => l.key === list);
  const title =
    name === "Title" ? spec?.titleColumn.title : spec?.columns.find((c) => c.name === name)?.title;
  return title === undefined || title === field ? `"${field}"` : `"${title}" (${field})`;
}

function columnProblem(item: SkippedItem): string {
  return `its column ${columnName(item.list, item.field)} ${item.problem}`;
}

/** One sentence for a person: which item was left out, what is wrong with it and what to do. */
export function describeSkipped(item: SkippedItem): string {
  return `${itemName(item)} was left out: ${columnProblem(item)}. ${WHAT_TO_DO}`;
}

/** The same for an item that was asked for (or is needed) and cannot be read. */
export function describeUnreadable(item: SkippedItem): string {
  return `${itemName(item)} cannot be read: ${columnProblem(item)}. ${WHAT_TO_DO}`;
}
