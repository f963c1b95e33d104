// The plan dashboard (the channel tab a CMT or board pins): the figures of `actionplan summary` for today,
// actions by status, % complete against the forecast, what changed since the last closed period, and the
// actions withdrawn (listed as such, outside the figures).
// Read-only for everyone: it offers no controls that change anything.
import { Body1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { ImportUnfinishedNotice } from "../../components/ImportUnfinishedNotice.tsx";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { Refreshing } from "../../components/Refreshing.tsx";
import { SkippedItemsNotice } from "../../components/SkippedItemsNotice.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { ChangesSince } from "./ChangesSince.tsx";
import { FigureTiles } from "./FigureTiles.tsx";
import { ForecastChart } from "./ForecastChart.tsx";
import { StatusChart } from "./StatusChart.tsx";
import { WithdrawnList } from "./WithdrawnList.tsx";
import { NoPlanError, useDashboard } from "./use-dashboard.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The dashboard of one plan (the site's first when `planId` is null). */
export default function DashboardPage(props: { planId: string | null }) {
  const styles = useStyles();
  const dashboard = useDashboard(props.planId);
  if (dashboard.data === null) {
    return dashboard.status === "failed" ? (
      <Notice title="The plan dashboard could not be loaded" intent="error">
        {dashboard.error instanceof NoPlanError ? dashboard.error.message : describeError(dashboard.error)}
      </Notice>
    ) : (
      <PageSkeleton title="Plan dashboard" rows={6} />
    );
  }
  const view = dashboard.data;
  return (
    <Page title={view.title} busy={dashboard.status === "loading"}>
      <Refreshing refreshing={dashboard.status === "loading"} />
      {dashboard.status === "failed" && (
        <Notice inline title="The dashboard could not be refreshed" intent="warning">
          {describeError(dashboard.error)}
        </Notice>
      )}
      <ImportUnfinishedNotice plan={view} />
      <SkippedItemsNotice items={view.skipped} />
      <Body1>Figures as of {formatUkDate(view.figures.asOf)}.</Body1>
      <FigureTiles figures={view.figures} />
      <section className={styles.section} aria-labelledby="status-heading">
        <Subtitle1 as="h2" id="status-heading">
          Status
        </Subtitle1>
        <StatusChart figures={view.figures} />
      </section>
      <section className={styles.section} aria-labelledby="forecast-heading">
        <Subtitle1 as="h2" id="forecast-heading">
          Progress and forecast
        </Subtitle1>
        <ForecastChart points={view.progress} />
      </section>
      <ChangesSince view={view} />
      <WithdrawnList actions={view.withdrawn} />
    </Page>
  );
}
