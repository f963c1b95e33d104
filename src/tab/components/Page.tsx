// The frame of every view: one <main> landmark with the view's heading, padded for a Teams tab and
// narrowing to a 360 px phone without sideways scrolling. When the person moves to another view, focus
// moves to the new view's heading (a screen reader says where they are) and the document title changes.
import { makeStyles, tokens, Title2 } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import { neutraliseBidi } from "../../lib/bidi.ts";

const useStyles = makeStyles({
  main: {
    boxSizing: "border-box",
    maxWidth: "960px",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { ":focus": { outlineStyle: "none" } },
});

const APP_NAME = "Action Plan Tracker";

// Set by navigation (a link, Back): the next view's heading takes focus once it is shown. Not on the first
// view, where focus stays where Teams puts it.
let headingWanted = false;

/** Say that the view is changing: the next page shown moves focus to its heading. */
export function viewChanged(): void {
  headingWanted = true;
}

/**
 * A view with its heading; `before` sits above the heading (a back link), `children` below it. `placeholder`
 * marks the loading frame, which takes focus but leaves it wanted for the page that replaces it.
 */
export function Page(props: {
  title: ReactNode;
  before?: ReactNode;
  children: ReactNode;
  busy?: boolean;
  placeholder?: boolean;
}) {
  const styles = useStyles();
  // Fluent's Title2 passes no ref on: the header finds its heading.
  const header = useRef<HTMLElement>(null);
  // A plan's or an action's title is text people typed: shown without controls that reorder it.
  const title = typeof props.title === "string" ? neutraliseBidi(props.title) : null;
  useEffect(() => {
    if (title !== null && props.placeholder !== true) document.title = `${title} – ${APP_NAME}`;
  }, [title, props.placeholder]);
  useEffect(() => {
    if (!headingWanted) return;
    header.current?.querySelector("h1")?.focus();
    if (props.placeholder !== true) headingWanted = false;
  }, [props.placeholder]);
  return (
    <main className={styles.main} aria-busy={props.busy === true}>
      <header className={styles.header} ref={header}>
        {props.before}
        <Title2 as="h1" tabIndex={-1} className={styles.heading}>
          {title ?? props.title}
        </Title2>
      </header>
      {props.children}
    </main>
  );
}
