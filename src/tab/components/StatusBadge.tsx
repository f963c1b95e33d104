// An action's status as a badge whose colour and words agree (colour is never the only signal). Drawn with the
// theme's status tokens rather than Fluent's Badge, which costs 3 KB gzip of the first screen for what is a
// coloured label here; the tokens carry the dark and high-contrast themes, and the border keeps the shape
// visible in forced colours.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Status } from "../../domain/types.ts";

/** The badge's frame and its tones (WithdrawnBadge's too). */
export const useBadgeStyles = makeStyles({
  badge: {
    display: "inline-flex",
    alignItems: "center",
    minHeight: "20px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
  },
  subtle: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  informative: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorStatusWarningForeground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
  },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorStatusDangerForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
  },
  success: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    color: tokens.colorStatusSuccessForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
  },
  withdrawn: {
    backgroundColor: tokens.colorNeutralBackground5,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
});

const TONES: Record<Status, "subtle" | "informative" | "warning" | "danger" | "success"> = {
  "Not started": "subtle",
  "On target": "informative",
  Delayed: "warning",
  Overdue: "danger",
  Completed: "success",
};

/** A status badge; `label` prefixes the status for screen readers and sighted readers alike. */
export function StatusBadge(props: { status: Status; label?: string }) {
  const styles = useBadgeStyles();
  return (
    <span className={mergeClasses(styles.badge, styles[TONES[props.status]])}>
      {props.label === undefined ? props.status : `${props.label}: ${props.status}`}
    </span>
  );
}
