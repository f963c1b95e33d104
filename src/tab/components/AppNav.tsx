// The tab's own navigation between its views: My actions and Plan, and for coordinators, once their role is
// known, the pages that run a plan (its reporting periods, the SRO posts, its settings, a new plan). Links
// with real addresses, so they open with the keyboard, a middle click or a screen reader's links list; the
// current one is marked. The role is asked for only where the view asks for it anyway (the Plan page and
// the coordinator's pages), so My actions keeps its request budget.
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense } from "react";

// Only coordinators see these, and only on the views that read the role anyway: not on the first screen.
const CoordinatorItems = lazy(() => import("./CoordinatorNavItems.tsx"));

const useStyles = makeStyles({
  nav: {
    display: "flex",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
  },
  list: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: "underline" },
});

export type NavTarget =
  "my-actions" | "plan" | "dashboard" | "periods" | "posts" | "plan-settings" | "new-plan";

export interface Item {
  target: NavTarget;
  label: string;
  href: string;
}

const ITEMS: Item[] = [
  { target: "my-actions", label: "My actions", href: "?view=my-actions" },
  { target: "plan", label: "Plan", href: "?view=plan" },
  { target: "dashboard", label: "Dashboard", href: "?view=dashboard" },
];

export interface Props {
  /** The view shown (null for none of these). */
  current: NavTarget | null;
  onGo: (target: NavTarget) => void;
  /** Show the coordinator's links (when the person is one): on views that read the role anyway. */
  withCoordinatorLinks?: boolean;
  /** The plan shown, for the coordinator's links of one plan. */
  planId?: string | null;
}

export function Items(props: Props & { items: Item[] }) {
  const styles = useStyles();
  return props.items.map((item) => (
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
  ));
}

/** The navigation bar. */
export function AppNav(props: Props) {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Action Plan Tracker">
      <ul className={styles.list}>
        <Items {...props} items={ITEMS} />
        {props.withCoordinatorLinks === true && (
          <Suspense fallback={null}>
            <CoordinatorItems {...props} />
          </Suspense>
        )}
      </ul>
    </nav>
  );
}
