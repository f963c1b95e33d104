// The import page's tables (problems, heading rows): scrolling sideways in a narrow tab, cells read top-down.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTableStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});
