// An action's progress updates, newest first, each with its date, status, % complete and evidence link.
// The text is SharePoint's as written and is shown as text (React escapes it), never as HTML.
import { Body1, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import type { ProgressUpdate } from "../../../domain/types.ts";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: {
    listStyleType: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  text: { whiteSpace: "pre-wrap", margin: 0 },
});

function summary(update: ProgressUpdate): string {
  const parts = [formatUkDate(update.date)];
  if (update.reportedStatus !== null) parts.push(update.reportedStatus);
  if (update.percentComplete !== null) parts.push(`${String(update.percentComplete)}% complete`);
  return parts.join(" · ");
}

/** The updates, or a sentence saying there are none. */
export function UpdateHistory(props: { updates: readonly ProgressUpdate[] }) {
  const styles = useStyles();
  if (props.updates.length === 0) return <Body1>No updates have been posted for this action yet.</Body1>;
  return (
    <ol className={styles.list} aria-label="Updates, newest first">
      {props.updates.map((update) => (
        <li key={update.id} className={styles.item} data-update-id={update.id}>
          <Caption1>{summary(update)}</Caption1>
          <Body1 as="p" className={styles.text}>
            {update.text}
          </Body1>
          {update.evidenceUrl !== null && (
            <Link href={update.evidenceUrl} target="_blank" rel="noopener noreferrer">
              Evidence
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
