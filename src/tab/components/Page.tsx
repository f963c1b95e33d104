// The frame of every view: one <main> landmark with the view's heading, padded for a Teams tab and
// narrowing to a 360 px phone without sideways scrolling.
import { makeStyles, tokens, Title2 } from "@fluentui/react-components";
import type { ReactNode } from "react";

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
});

/** A view with its heading; `before` sits above the heading (a back link), `children` below it. */
export function Page(props: { title: ReactNode; before?: ReactNode; children: ReactNode; busy?: boolean }) {
  const styles = useStyles();
  return (
    <main className={styles.main} aria-busy={props.busy === true}>
      <header className={styles.header}>
        {props.before}
        <Title2 as="h1">{props.title}</Title2>
      </header>
      {props.children}
    </main>
  );
}
