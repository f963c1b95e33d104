// The plan view (`?view=plan&planId=`): the plan's recommendations with their actions, filters and search.
// Coordinators also see, per SRO, the updates still due this period, the date-change requests waiting for
// a decision, and "Chase now"; and "Edit plan", which swaps the list for the plan editor (loaded only then).
import {
  Body1,
  Button,
  Field,
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useMemo, useState } from "react";
import { ImportUnfinishedNotice, planChoiceLabel } from "../../components/ImportUnfinishedNotice.tsx";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { SkippedItemsNotice } from "../../components/SkippedItemsNotice.tsx";
import { useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { canCoordinate } from "../../lib/abilities.ts";
import { useSiteRole } from "../../lib/use-site-role.ts";
import { ChaseNow } from "./ChaseNow.tsx";
import { DateChangeQueue } from "./DateChangeQueue.tsx";
import { PlanActionList } from "./PlanActionList.tsx";
import { PlanFilterBar } from "./PlanFilterBar.tsx";
import type { PlanLayout } from "./plan-layout.ts";
import {
  byRecommendation,
  filterItems,
  planItems,
  sroPostsOf,
  updatesDueBySro,
  type PlanFilters,
} from "./plan-view.ts";
import { SroDueTable } from "./SroDueTable.tsx";
import { useApplyPending } from "./use-apply-pending.ts";
import { usePlan } from "./use-plan.ts";

const PlanEditor = lazy(() => import("./edit/PlanEditor.tsx"));
// The table (Fluent's DataGrid) loads the first time it is shown; the list needs none of it.
const PlanTable = lazy(() => import("./table/PlanTable.tsx"));

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  heading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

interface Props {
  planId: string | null;
  /** The filters, from the address; every change gives the whole new set. */
  filters: PlanFilters;
  onFilters: (filters: PlanFilters) => void;
  /** List or table, and the table's sort, columns and grouping, from the address. */
  layout: PlanLayout;
  onLayout: (layout: PlanLayout) => void;
  onOpenAction: (actionId: string) => void;
  onChoosePlan: (planId: string) => void;
  /** A coordinator's import: into the plan shown, or (null) a new plan. */
  onImport: (planId: string | null) => void;
  /** A coordinator's new plan, from nothing. */
  onNewPlan: () => void;
  /** A coordinator's committee report on the plan shown. */
  onReport: (planId: string) => void;
}

/** The plan view. */
export function PlanPage(props: Props) {
  const styles = useStyles();
  const today = useToday();
  const plan = usePlan(props.planId);
  const role = useSiteRole();
  const { filters } = props;
  const [editing, setEditing] = useState(false);
  const dashboard = plan.data?.dashboard ?? null;
  const items = useMemo(() => (dashboard === null ? [] : planItems(dashboard, today)), [dashboard, today]);
  useApplyPending(dashboard, role.data !== null && canCoordinate(role.data));

  if (plan.data === null) {
    return plan.status === "failed" ? (
      <Notice title="The plan could not be loaded" intent="error">
        {describeError(plan.error)}
      </Notice>
    ) : (
      <PageSkeleton title="Plan" />
    );
  }
  const coordinator = role.data !== null && canCoordinate(role.data);
  if (dashboard === null)
    return (
      <Page title="Plan">
        <SkippedItemsNotice items={plan.data.skipped} />
        <Body1>There are no plans on this site yet.</Body1>
        {coordinator && (
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={props.onNewPlan}>
              Create a plan
            </Button>
            <Button
              onClick={() => {
                props.onImport(null);
              }}
            >
              New plan from a file
            </Button>
          </div>
        )}
      </Page>
    );

  const data = plan.data;
  const period = dashboard.currentPeriod;
  const shown = filterItems(items, filters, today);
  const groups = byRecommendation(dashboard.recommendations, shown);
  return (
    <Page title={dashboard.plan.title} busy={plan.status === "loading"}>
      {plan.status === "failed" && (
        <Notice inline title="The plan could not be refreshed" intent="warning">
          {describeError(plan.error)}
        </Notice>
      )}
      <ImportUnfinishedNotice plan={dashboard.plan} />
      <SkippedItemsNotice items={data.skipped} />
      {data.plans.length > 1 && (
        <Field label="Plan">
          <Select
            style={{ minWidth: 0, maxWidth: "100%" }}
            select={{ style: { minWidth: 0, width: "100%" } }}
            value={dashboard.plan.id}
            onChange={(_, data) => {
              props.onChoosePlan(data.value);
            }}
          >
            {data.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {planChoiceLabel(p)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Body1>
        {period === null ? "No reporting period is open." : `Reporting period open: ${period.title}.`}
      </Body1>
      {coordinator && (
        <section className={styles.section} aria-labelledby="coordinator-heading">
          <Subtitle1 as="h2" id="coordinator-heading">
            Running the period
          </Subtitle1>
          <div className={styles.buttons}>
            <Button
              onClick={() => {
                props.onImport(dashboard.plan.id);
              }}
            >
              Update this plan from a file
            </Button>
            <Button
              onClick={() => {
                props.onImport(null);
              }}
            >
              New plan from a file
            </Button>
            <Button
              onClick={() => {
                props.onReport(dashboard.plan.id);
              }}
            >
              Committee report
            </Button>
          </div>
          {period !== null && (
            <SroDueTable rows={updatesDueBySro(dashboard, items)} periodTitle={period.title} />
          )}
          {period !== null && !dashboard.plan.importUnfinished && (
            <ChaseNow plan={dashboard.plan} period={period} />
          )}
          <Subtitle1 as="h3" id="requests-heading" style={{ fontSize: tokens.fontSizeBase400 }}>
            Requests to move a target date
          </Subtitle1>
          <DateChangeQueue
            dashboard={dashboard}
            onDecided={(next) => {
              plan.replace({ ...data, dashboard: next });
            }}
            onConflict={() => {
              plan.reload();
            }}
          />
        </section>
      )}
      <section className={styles.section} aria-labelledby="actions-heading">
        <div className={styles.heading}>
          <Subtitle1 as="h2" id="actions-heading">
            Recommendations and actions
          </Subtitle1>
          {coordinator && (
            <Button
              appearance={editing ? "primary" : "secondary"}
              onClick={() => {
                setEditing(!editing);
              }}
            >
              {editing ? "Finish editing" : "Edit plan"}
            </Button>
          )}
        </div>
        {coordinator && editing ? (
          <Suspense fallback={<Body1>Opening the plan editor…</Body1>}>
            <PlanEditor dashboard={dashboard} loading={plan.status === "loading"} onChanged={plan.reload} />
          </Suspense>
        ) : (
          <>
            <PlanFilterBar
              filters={filters}
              sroPosts={sroPostsOf(items)}
              hasPeriod={period !== null}
              onChange={props.onFilters}
            />
            {filters.only.length > 0 && (
              <Body1>
                Only the {filters.only.length === 1 ? "action" : `${String(filters.only.length)} actions`} the
                card named.{" "}
                <Link
                  href="?view=plan"
                  onClick={(event) => {
                    event.preventDefault();
                    props.onFilters({ ...filters, only: [] });
                  }}
                >
                  Show every action
                </Link>
              </Body1>
            )}
            <Field label="Show the actions as">
              <RadioGroup
                layout="horizontal"
                value={props.layout.show}
                onChange={(_, data) => {
                  props.onLayout({ ...props.layout, show: data.value === "table" ? "table" : "list" });
                }}
              >
                <Radio value="list" label="List" />
                <Radio value="table" label="Table" />
              </RadioGroup>
            </Field>
            <Body1 role="status">
              Showing {shown.length} of {items.length} actions.
            </Body1>
            {props.layout.show === "table" ? (
              <Suspense fallback={<Body1>Opening the table…</Body1>}>
                <PlanTable
                  items={shown}
                  recommendations={dashboard.recommendations}
                  layout={props.layout}
                  onLayout={props.onLayout}
                  onOpen={props.onOpenAction}
                  planTitle={dashboard.plan.title}
                  today={today}
                />
              </Suspense>
            ) : (
              <PlanActionList groups={groups} hasPeriod={period !== null} onOpen={props.onOpenAction} />
            )}
          </>
        )}
      </section>
    </Page>
  );
}

export default PlanPage;
