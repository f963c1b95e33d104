// A plan's reporting periods (`?view=periods&planId=`): the list, newest first, and for the open one its
// deadline's extension and its closing; with none open, the form to open the next, and the latest period's
// reopening (closed by mistake) until a later one is opened. The quarterly cycle.
import { Body1, makeStyles, MessageBar, MessageBarBody, Subtitle1, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatUkDate } from "../../../../domain/index.ts";
import { loadPeriods, periodAfter, withOwnWarnings } from "../api/index.ts";
import type { PeriodRecord, PlanRecord } from "../../../../sharepoint/schema/index.ts";
import { Notice } from "../../../components/Notice.tsx";
import { useDataContext, useToday } from "../../../lib/data.tsx";
import { describeError } from "../../../lib/describe-error.ts";
import { useRemote } from "../../../lib/use-remote.ts";
import { ChosenPlanPage } from "../ChosenPlanPage.tsx";
import type { ManageNav } from "../ManageLinks.tsx";
import { OpenPeriodForm } from "./OpenPeriodForm.tsx";
import { OpenPeriodPanel } from "./OpenPeriodPanel.tsx";
import { ReopenPeriodForm } from "./ReopenPeriodForm.tsx";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalS },
});

function periodWords(p: PeriodRecord): string {
  const days = `starts ${formatUkDate(p.startsOn)}, updates due by ${formatUkDate(p.updateDeadline)}, report ${formatUkDate(p.reportDate)}`;
  const reopened = (p.reopenings ?? []).map((r) => ` Reopened on ${formatUkDate(r.on)}: “${r.reason}”.`);
  return p.state === "open"
    ? `open: ${days}.${reopened.join("")}`
    : `closed${p.snapshot === null ? "" : ` (figures kept as of ${formatUkDate(p.snapshot.asOf)})`}: ${days}.${reopened.join("")}`;
}

function Periods(props: { plan: PlanRecord }) {
  const styles = useStyles();
  const base = useDataContext();
  const today = useToday();
  const periods = useRemote(`manage-periods:${props.plan.id}`, () =>
    loadPeriods(withOwnWarnings(base), props.plan.id),
  );
  const [said, setSaid] = useState<string | null>(null);
  if (periods.data === null)
    return periods.status === "failed" ? (
      <Notice inline title="The reporting periods could not be loaded." intent="error">
        {describeError(periods.error)}
      </Notice>
    ) : (
      <Body1>Reading the reporting periods…</Body1>
    );
  const list = [...periods.data].sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
  const open = list.find((p) => p.state === "open") ?? null;
  const latest = list[0];
  const reopenable =
    open === null && latest !== undefined && periodAfter(list, latest) === null ? latest : null;
  const changed = (period: PeriodRecord, message: string) => {
    setSaid(message);
    const others = (periods.data ?? []).filter((p) => p.id !== period.id);
    periods.replace([...others, period]);
  };
  return (
    <>
      {said !== null && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{said}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.section} aria-labelledby="open-period-heading">
        <Subtitle1 as="h2" id="open-period-heading">
          {open === null ? "No period is open" : `Open: ${open.title}`}
        </Subtitle1>
        {reopenable !== null && (
          <ReopenPeriodForm
            key={`${reopenable.id}:${reopenable.etag}`}
            period={reopenable}
            today={today}
            onReopened={changed}
            onConflict={periods.reload}
          />
        )}
        {open === null ? (
          <OpenPeriodForm
            planId={props.plan.id}
            today={today}
            onOpened={(period) => {
              changed(
                period,
                `${period.title} is open: updates are due by ${formatUkDate(period.updateDeadline)}.`,
              );
            }}
          />
        ) : (
          <OpenPeriodPanel
            key={open.id}
            period={open}
            today={today}
            onChanged={changed}
            onConflict={periods.reload}
          />
        )}
      </section>
      <section className={styles.section} aria-labelledby="periods-heading">
        <Subtitle1 as="h2" id="periods-heading">
          All periods
        </Subtitle1>
        {list.length === 0 ? (
          <Body1>This plan has had no reporting periods yet.</Body1>
        ) : (
          <ul className={styles.list} aria-labelledby="periods-heading">
            {list.map((p) => (
              <li key={p.id} data-period={p.title}>
                <strong>{p.title}</strong>, {periodWords(p)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The reporting periods page. */
export function PeriodsPage(props: { planId: string | null; nav: ManageNav }) {
  return (
    <ChosenPlanPage
      title="Reporting periods"
      what="open and close reporting periods"
      view="periods"
      planId={props.planId}
      nav={props.nav}
    >
      {(plan) => <Periods key={plan.id} plan={plan} />}
    </ChosenPlanPage>
  );
}

export default PeriodsPage;
