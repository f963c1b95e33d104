// "Withdrawn" as a badge in place of a status: a retired action has no status to show (it is neither due nor
// overdue). Drawn like StatusBadge, in the theme's neutral tokens with a border for forced colours.
import { mergeClasses } from "@fluentui/react-components";
import { useBadgeStyles } from "./StatusBadge.tsx";

/** The badge of a withdrawn action. */
export function WithdrawnBadge() {
  const styles = useBadgeStyles();
  return <span className={mergeClasses(styles.badge, styles.withdrawn)}>Withdrawn</span>;
}
