// What the import will do to the site (from previewImport) or did (from applyImport): counts created,
// every field changed (old → new), what is left alone, and what is on the site but no longer in the file.
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { ImportChanges } from "../../../sharepoint/import/index.ts";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const FIELD_WORDS: Record<string, string> = {
  title: "title",
  description: "description",
  text: "text",
  sroPost: "SRO",
  targetDate: "target date",
  parent: "parent action",
  recommendation: "recommendation",
};

/** "1 action", "3 actions". */
export const countOf = (n: number, noun: string): string => `${String(n)} ${noun}${n === 1 ? "" : "s"}`;

const quote = (value: string | null) => (value === null || value === "" ? "(blank)" : `"${value}"`);

/** The changes in words; `done` switches the tense once the import has run. */
export function ImportChangesView(props: { changes: ImportChanges; done: boolean }) {
  const styles = useStyles();
  const { created, changed, unchanged, disappeared } = props.changes;
  const will = props.done ? "" : "will be ";
  if (props.changes.total === 0)
    return <Body1>The site already matches the file: importing it changes nothing.</Body1>;
  const gone = [...disappeared.recommendations, ...disappeared.actions, ...disappeared.milestones];
  return (
    <>
      <ul className={styles.list} aria-label={props.done ? "What was imported" : "What will be imported"}>
        <li>
          {countOf(created.recommendations.length, "recommendation")},{" "}
          {countOf(created.actions.length, "action")}, {countOf(created.milestones.length, "milestone")} and{" "}
          {countOf(created.updates.length, "progress update")} {will}
          created; {countOf(created.posts.length, "SRO post")} {will}created.
        </li>
        <li>
          {changed.length} {changed.length === 1 ? "change" : "changes"} to what is already there;{" "}
          {unchanged.actions + unchanged.milestones} actions and milestones left as they are.
        </li>
        {gone.length > 0 && <li>On the site but not in the file (kept, not deleted): {gone.join(", ")}.</li>}
      </ul>
      {changed.length > 0 && (
        <ul className={styles.list} aria-label="Changes">
          {changed.slice(0, 100).map((c, i) => (
            <li key={`${c.ref}-${c.field}-${String(i)}`}>
              {c.ref}: {FIELD_WORDS[c.field] ?? c.field} {quote(c.from)} → {quote(c.to)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
