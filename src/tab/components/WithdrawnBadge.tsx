// "Withdrawn" as a badge in place of a status: a retired action has no status to show (it is neither due nor
// overdue). Drawn like StatusBadge, in the theme's neutral tokens with a border for forced colours.
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
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
    backgroundColor: tokens.colorNeutralBackground5,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
});

/** The badge of a withdrawn action. */
export function WithdrawnBadge() {
  const styles = useStyles();
  return <span className={styles.badge}>Withdrawn</span>;
}
