// The "Changes" section of the action page: every change to the action (its words, number, SRO post,
// recommendation, target date, withdrawn or reinstated, marked complete), newest first, each saying who
// made it and when, in words, from SharePoint's own version history, 50 at a time ("Show older changes"). Loaded on its own so
// the rest of the page never waits for it, and a failure here says so without hiding the rest.
import { Body1, Button, Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { DataContext } from "../../../sharepoint/core/index.ts";
import type { ChangeEntry } from "../../../sharepoint/actions/index.ts";
import { loadChangeHistory } from "./api/index.ts";
import { Notice } from "../../components/Notice.tsx";
import { useDataContext } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { useRemote } from "../../lib/use-remote.ts";
import { whenText } from "./change-words.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
  },
});

const PAGE = 50;

interface Changes {
  entries: ChangeEntry[];
  /** Whether older changes may follow (the last page read was full). */
  more: boolean;
}

async function load(ctx: DataContext, actionId: string, olderThan?: string): Promise<Changes> {
  const entries = await loadChangeHistory(ctx, actionId, {
    limit: PAGE,
    ...(olderThan === undefined ? {} : { olderThan }),
  });
  return { entries, more: entries.length === PAGE };
}

/** The section; `version` changes when the action has been saved, to read its history again. */
export function ChangeHistory(props: { actionId: string; version: string }) {
  const styles = useStyles();
  const ctx = useDataContext();
  const history = useRemote(`changes:${props.actionId}:${props.version}`, () => load(ctx, props.actionId));
  const [older, setOlder] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const data = history.data;
  function showOlder() {
    if (data === null) return;
    const last = data.entries.at(-1);
    setOlder({ loading: true, error: null });
    load(ctx, props.actionId, last?.version).then(
      (page) => {
        history.replace({ entries: [...data.entries, ...page.entries], more: page.more });
        setOlder({ loading: false, error: null });
      },
      (error: unknown) => {
        setOlder({ loading: false, error });
      },
    );
  }
  return (
    <section
      className={styles.section}
      aria-labelledby="changes-heading"
      aria-busy={history.status === "loading"}
    >
      <Subtitle1 as="h2" id="changes-heading">
        Changes
      </Subtitle1>
      {history.status === "failed" && (
        <Notice inline title="The action's changes could not be loaded" intent="warning">
          {describeError(history.error)}
        </Notice>
      )}
      {data === null ? (
        history.status === "loading" && <Body1>Loading the changes…</Body1>
      ) : data.entries.length === 0 ? (
        <Body1>No changes have been recorded since it was added.</Body1>
      ) : (
        <ol className={styles.list} aria-label="Changes, newest first">
          {data.entries.map((entry, i) => (
            <li key={`${entry.version}-${String(i)}`} className={styles.item}>
              <Body1>{entry.what}</Body1>
              <Caption1>
                <time dateTime={entry.when}>{whenText(entry.when)}</time>, by {entry.who}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
      {older.error !== null && (
        <Notice inline title="Older changes could not be loaded" intent="warning">
          {describeError(older.error)}
        </Notice>
      )}
      {data?.more === true && (
        <div>
          <Button disabledFocusable={older.loading} onClick={showOlder}>
            {older.loading ? "Loading older changes…" : "Show older changes"}
          </Button>
        </div>
      )}
    </section>
  );
}
