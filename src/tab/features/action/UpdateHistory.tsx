// An action's progress updates, newest first, each with its date, status, % complete and evidence link; the
// newest page at first, and "Show more updates" for each older page (an action may have thousands). After a
// page loads, focus moves to its first update, so a keyboard or screen reader user carries on reading where
// the new ones begin, and a polite status says how many are shown. The text is SharePoint's as written and
// is shown as text (React escapes it), never as HTML; the evidence address is a link only when it is https
// (DataLink), since anyone can write any address over REST.
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { whenText } from "./change-words.ts";
import type { ProgressUpdate } from "../../../domain/types.ts";
import { DataLink } from "../../components/DataLink.tsx";
import { Notice } from "../../components/Notice.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { shownText } from "../../../lib/bidi.ts";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: {
    listStyleType: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  text: { whiteSpace: "pre-wrap", margin: 0 },
  more: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  count: { margin: 0 },
});

function summary(update: ProgressUpdate): string {
  const parts = [formatUkDate(update.date)];
  if (update.reportedStatus !== null) parts.push(update.reportedStatus);
  if (update.percentComplete !== null) parts.push(`${String(update.percentComplete)}% complete`);
  return parts.join(" · ");
}

/** "By Helen Fairbairn, 10 April 2024 at 14:02": who wrote it and when (UK time); "" when unknown. */
export function byline(update: ProgressUpdate): string {
  const who = update.authorName ?? null;
  const when = update.createdAt === undefined ? null : whenText(update.createdAt);
  if (who === null && when === null) return "";
  return `By ${who ?? "someone not named"}${when === null ? "" : `, ${when}`}`;
}

function countText(shown: number, more: boolean): string {
  const updates = shown === 1 ? "1 update" : `${shown.toLocaleString("en-GB")} updates`;
  return more ? `Showing the newest ${updates}; older ones follow.` : `Showing all ${updates}.`;
}

/** Older pages of the updates: whether there are any, and reading the next. */
export interface MoreUpdates {
  available: boolean;
  loading: boolean;
  error: unknown;
  /** The first update the last page added: focus goes to it. */
  firstNew: string | null;
  onShowMore: () => void;
}

/** The updates, or a sentence saying there are none. */
export function UpdateHistory(props: { updates: readonly ProgressUpdate[]; more: MoreUpdates }) {
  const styles = useStyles();
  const list = useRef<HTMLOListElement>(null);
  const { firstNew } = props.more;
  useEffect(() => {
    if (firstNew === null) return;
    list.current?.querySelector<HTMLElement>(`li[data-update-id="${CSS.escape(firstNew)}"]`)?.focus();
  }, [firstNew]);
  if (props.updates.length === 0) return <Body1>No updates have been posted for this action yet.</Body1>;
  return (
    <>
      <ol ref={list} className={styles.list} aria-label="Updates, newest first">
        {props.updates.map((update) => (
          // Focusable from script only (tabIndex -1): where "Show more updates" leaves the reader.
          <li key={update.id} className={styles.item} data-update-id={update.id} tabIndex={-1}>
            <Caption1>{summary(update)}</Caption1>
            {byline(update) !== "" && <Caption1>{byline(update)}</Caption1>}
            <Body1 as="p" className={styles.text}>
              {shownText(update.text)}
            </Body1>
            {update.evidenceUrl !== null && <DataLink address={update.evidenceUrl}>Evidence</DataLink>}
          </li>
        ))}
      </ol>
      <div className={styles.more}>
        <Body1 as="p" role="status" className={styles.count}>
          {countText(props.updates.length, props.more.available)}
        </Body1>
        {props.more.error !== null && (
          <Notice inline intent="error" title="Older updates could not be loaded.">
            {describeError(props.more.error)}
          </Notice>
        )}
        {props.more.available && (
          <Button
            onClick={() => {
              if (!props.more.loading) props.more.onShowMore();
            }}
          >
            {props.more.loading ? "Loading older updates…" : "Show more updates"}
          </Button>
        )}
      </div>
    </>
  );
}
