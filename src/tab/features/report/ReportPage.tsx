// The committee report (`?view=report&planId=`), for coordinators (site Owners): choose the reporting period
// (the open one, else the latest closed, as the CLI does) and the format, then "Download". The report is made
// in the browser from one batched read; a progress line says each step in a live region, and a failure is
// said in words. Anyone else who reaches the address is told who may do this.
import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useState, type SyntheticEvent } from "react";
import { formatUkDate } from "../../../domain/iso-date.ts";
import type { PeriodRecord } from "../../../sharepoint/schema/index.ts";
import type { ReportFormat } from "../../../report/types.ts";
import { ImportUnfinishedNotice } from "../../components/ImportUnfinishedNotice.tsx";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { canCoordinate } from "../../lib/abilities.ts";
import { useSiteRole } from "../../lib/use-site-role.ts";
import { useReportDownload, useReportSetup, type ReportRun, type ReportSetup } from "./use-report.ts";

const TITLE = "Committee report";

const FORMATS: { value: ReportFormat; label: string; description: string }[] = [
  {
    value: "docx",
    label: "Word (.docx)",
    description:
      "The report pack to edit and send: headline figures, what changed, and the Appendix A table.",
  },
  {
    value: "xlsx",
    label: "Excel (.xlsx)",
    description: "A summary sheet, every action and milestone on one sheet, and the period's updates.",
  },
  {
    value: "csv",
    label: "CSV (.csv)",
    description: "Every action and milestone as plain rows, for other systems or a spreadsheet.",
  },
];

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "640px",
    minWidth: 0,
  },
  // A native select is as wide as its longest option ("April 2024 progress report (closed, figures as of
  // …)"), wider than a phone; held to the form's width, the chosen option is cut short instead.
  field: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%" },
  selectControl: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  option: { display: "flex", flexDirection: "column" },
  description: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
});

function periodLabel(p: PeriodRecord): string {
  const state =
    p.state === "open"
      ? "open"
      : p.snapshot === null
        ? "closed"
        : `closed, figures as of ${formatUkDate(p.snapshot.asOf)}`;
  return `${p.title} (${state}; report ${formatUkDate(p.reportDate)})`;
}

function runWords(run: ReportRun): string {
  switch (run.state) {
    case "idle":
      return "";
    case "working":
      return `${run.step}…`;
    case "done":
      return `Downloaded ${run.fileName} (${String(run.kilobytes)} KB). Your browser has saved it with your other downloads.`;
    case "failed":
      return "";
  }
}

function ReportForm(props: { setup: ReportSetup }) {
  const styles = useStyles();
  const { setup } = props;
  const [periodId, setPeriodId] = useState(setup.defaultPeriodId ?? "");
  const [format, setFormat] = useState<ReportFormat>("docx");
  const { run, download } = useReportDownload(setup);
  const working = run.state === "working";
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    void download(periodId, format);
  };
  return (
    <form className={styles.form} data-form="committee-report" onSubmit={submit} aria-busy={working}>
      <Field
        className={styles.field}
        label="Reporting period"
        hint="The figures of a closed period are those kept when it closed."
      >
        <Select
          className={styles.select}
          select={{ className: styles.selectControl }}
          value={periodId}
          disabled={working}
          onChange={(_, data) => {
            setPeriodId(data.value);
          }}
        >
          {setup.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {periodLabel(p)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Format">
        <RadioGroup
          value={format}
          disabled={working}
          onChange={(_, data) => {
            const chosen = FORMATS.find((f) => f.value === data.value);
            if (chosen !== undefined) setFormat(chosen.value);
          }}
        >
          {FORMATS.map((f) => (
            <Radio
              key={f.value}
              value={f.value}
              label={
                <span className={styles.option}>
                  <span>{f.label}</span>
                  <Caption1 className={styles.description}>{f.description}</Caption1>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={working}>
          Download
        </Button>
        <Body1 role="status" aria-live="polite" data-report-progress="">
          {runWords(run)}
        </Body1>
      </div>
      {run.state === "failed" && (
        <Notice inline title="The report was not made" intent="error">
          {run.message}
        </Notice>
      )}
    </form>
  );
}

function Report(props: { planId: string | null; onOpenPlan: (planId: string) => void }) {
  const setup = useReportSetup(props.planId);
  if (setup.data === null)
    return setup.status === "failed" ? (
      <Notice title="The plan could not be loaded" intent="error">
        {describeError(setup.error)}
      </Notice>
    ) : (
      <PageSkeleton title={TITLE} />
    );
  const { plan } = setup.data;
  if (plan === null)
    return (
      <Page title={TITLE}>
        <Body1>
          {props.planId === null
            ? "There are no plans on this site yet."
            : "This plan is not on the site: it may have been deleted."}
        </Body1>
      </Page>
    );
  return (
    <Page
      title={TITLE}
      before={
        <Link
          href={`?view=plan&planId=${plan.id}`}
          onClick={(event) => {
            event.preventDefault();
            props.onOpenPlan(plan.id);
          }}
        >
          Back to the plan
        </Link>
      }
    >
      <Body1>
        Plan: <strong>{plan.title}</strong>
      </Body1>
      <ImportUnfinishedNotice plan={plan} />
      {setup.data.periods.length === 0 ? (
        <Body1>
          This plan has had no reporting periods yet: open one under Reporting periods, and report on it.
        </Body1>
      ) : (
        <ReportForm key={plan.id} setup={setup.data} />
      )}
    </Page>
  );
}

/** The committee report page. */
export function ReportPage(props: { planId: string | null; onOpenPlan: (planId: string) => void }) {
  const role = useSiteRole();
  if (role.data === null)
    return role.status === "failed" ? (
      <Notice title="Your role on the site could not be read" intent="error">
        {describeError(role.error)}
      </Notice>
    ) : (
      <PageSkeleton title={TITLE} />
    );
  if (!canCoordinate(role.data))
    return (
      <Notice title="For coordinators only" intent="info">
        Only the plan&apos;s coordinators (site Owners) can make the committee report. Ask a coordinator for
        the latest report.
      </Notice>
    );
  return <Report planId={props.planId} onOpenPlan={props.onOpenPlan} />;
}

export default ReportPage;
