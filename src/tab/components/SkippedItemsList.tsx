// The list inside SkippedItemsNotice, loaded with the schema only when there is something to list.
import { describeSkipped, type SkippedItem } from "../../sharepoint/core/index.ts";

// Inline (Fluent's spacing tokens as CSS variables): importing Fluent here would split its shared code out
// of the first screen's chunk.
const LIST_STYLE = {
  margin: "var(--spacingVerticalXS) 0 0",
  paddingLeft: "var(--spacingHorizontalL)",
} as const;

export default function SkippedItemsList(props: { items: readonly SkippedItem[] }) {
  return (
    <ul style={LIST_STYLE} aria-label="Items left out">
      {props.items.map((item, index) => (
        <li key={`${item.list}-${String(item.itemId ?? index)}-${item.field}`}>{describeSkipped(item)}</li>
      ))}
    </ul>
  );
}
