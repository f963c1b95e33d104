// Shared styles of the dashboard's charts: Fluent tokens (CSS variables) for every colour, so the SVG
// follows the default, dark and high-contrast themes live; and the data table every chart comes with.
import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles for a chart's figure, its SVG and its data table. */
export const useChartStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  svg: { width: "100%", height: "auto", maxWidth: "640px", overflow: "visible" },
  text: { fill: tokens.colorNeutralForeground1, fontSize: "12px", fontFamily: tokens.fontFamilyBase },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: "2 3" },
  actual: { stroke: tokens.colorBrandForeground1, strokeWidth: 3, fill: "none" },
  actualDot: { fill: tokens.colorBrandForeground1 },
  forecast: {
    stroke: tokens.colorNeutralForeground2,
    strokeWidth: 2,
    strokeDasharray: "6 4",
    fill: "none",
  },
  forecastDot: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorNeutralForeground2,
    strokeWidth: 2,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& caption": { textAlign: "left", paddingBottom: tokens.spacingVerticalXS },
    "& th, & td": {
      textAlign: "left",
      // The page breaks long words anywhere; a narrow table cell must not break "Then" into letters.
      overflowWrap: "normal",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  tableWrap: { maxWidth: "100%", overflowX: "auto" },
});
