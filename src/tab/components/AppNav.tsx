// The tab's own navigation between its views: My actions and Plan. Links with real addresses, so they open
// with the keyboard, a middle click or a screen reader's links list; the current one is marked.
import { Link, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  nav: {
    display: "flex",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
  },
  list: { display: "flex", gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: "none" },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: "underline" },
});

export type NavTarget = "my-actions" | "plan";

const ITEMS: { target: NavTarget; label: string; href: string }[] = [
  { target: "my-actions", label: "My actions", href: "?" },
  { target: "plan", label: "Plan", href: "?view=plan" },
];

/** The navigation bar; `current` is the view shown (null for none of these). */
export function AppNav(props: { current: NavTarget | null; onGo: (target: NavTarget) => void }) {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Action Plan Tracker">
      <ul className={styles.list}>
        {ITEMS.map((item) => (
          <li key={item.target}>
            <Link
              href={item.href}
              className={props.current === item.target ? styles.current : undefined}
              aria-current={props.current === item.target ? "page" : undefined}
              onClick={(event) => {
                event.preventDefault();
                props.onGo(item.target);
              }}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
