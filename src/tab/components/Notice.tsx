// A message in words inside the page's layout (a failure, or why something is not there). A titled box in the
// theme's status colours with a bar at its start, rather than Fluent's MessageBar (2.9 KB gzip of the first
// screen); the title says what kind of message it is, so colour is never the only signal, and errors are
// announced as alerts, the rest politely.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Page } from "./Page.tsx";

type Intent = "error" | "warning" | "info" | "success";

const useStyles = makeStyles({
  box: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  error: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusDangerForeground1}`,
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusWarningForeground3}`,
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
  success: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusSuccessForeground1}`,
  },
});

/** A notice; `inline` puts it in the current page instead of a page of its own. */
export function Notice(props: { title: string; intent: Intent; children: ReactNode; inline?: boolean }) {
  const styles = useStyles();
  const bar = (
    <div
      className={mergeClasses(styles.box, styles[props.intent])}
      role={props.intent === "error" ? "alert" : "status"}
    >
      <span className={styles.title}>{props.title}</span> {props.children}
    </div>
  );
  return props.inline === true ? bar : <Page title="Action Plan Tracker">{bar}</Page>;
}
