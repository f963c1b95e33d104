// A plan's settings (`?view=plan-settings&planId=`): rename it, change its reference date, status rule and
// bank holidays, and archive it (hidden from My actions and reminders, kept for reports) or bring it back.
// Saved with the ETag the plan was read at: if another coordinator changed it meanwhile, this one is told,
// sees their version, keeps what they typed, and saves again against it.
import { Body1, Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatUkDate } from "../../../../domain/index.ts";
import type { PlanChanges } from "../../../../sharepoint/plans/index.ts";
import { updatePlan } from "../api/index.ts";
import type { PlanRecord } from "../../../../sharepoint/schema/index.ts";
import { Notice } from "../../../components/Notice.tsx";
import { ChosenPlanPage } from "../ChosenPlanPage.tsx";
import { ManageForm } from "../ManageForm.tsx";
import type { ManageNav } from "../ManageLinks.tsx";
import { checkPlanFields, planFieldsOf, type PlanFieldProblems, type PlanFieldsValue } from "./plan-form.ts";
import { focusFirstProblem, PlanFields } from "./PlanFields.tsx";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "640px" },
});

function changesFrom(plan: PlanRecord, value: PlanFieldsValue): PlanChanges {
  const changes: PlanChanges = {};
  if (value.title !== plan.title) changes.title = value.title;
  if (value.referenceDate !== plan.referenceDate) changes.referenceDate = value.referenceDate;
  if (value.overdueAfterMonths !== plan.overdueAfterMonths)
    changes.overdueAfterMonths = value.overdueAfterMonths;
  if (value.nation !== plan.nation) changes.nation = value.nation;
  return changes;
}

function TheirVersion(props: { plan: PlanRecord }) {
  const { plan } = props;
  return (
    <Body1 data-their-version>
      Their version: '{plan.title}', reference date {formatUkDate(plan.referenceDate)}, overdue after{" "}
      {plan.overdueAfterMonths} {plan.overdueAfterMonths === 1 ? "month" : "months"}, bank holidays of{" "}
      {plan.nation}
      {plan.archived ? ", archived" : ""}.
    </Body1>
  );
}

function isPlan(value: unknown): value is PlanRecord {
  return typeof value === "object" && value !== null && "referenceDate" in value && "etag" in value;
}

function SettingsForms(props: { plan: PlanRecord; onSaved: (plan: PlanRecord) => void }) {
  const styles = useStyles();
  const [base, setBase] = useState(props.plan);
  const [theirs, setTheirs] = useState<PlanRecord | null>(null);
  const [fields, setFields] = useState(() => planFieldsOf(props.plan));
  const [problems, setProblems] = useState<PlanFieldProblems>({});
  const [saved, setSaved] = useState<string | null>(null);
  const onConflict = (current: unknown) => {
    if (isPlan(current)) {
      setBase(current);
      setTheirs(current);
    }
  };
  const write = useCoordinatorWrite("change a plan's settings", onConflict);
  const archive = useCoordinatorWrite("archive plans", onConflict);

  const done = (plan: PlanRecord, message: string) => {
    setBase(plan);
    setTheirs(null);
    setSaved(message);
    props.onSaved(plan);
  };

  async function save(form: HTMLFormElement) {
    const checked = checkPlanFields(fields);
    setProblems(checked.problems ?? {});
    setSaved(null);
    write.clear();
    if (checked.value === null) {
      focusFirstProblem(form, checked.problems);
      return;
    }
    const changes = changesFrom(base, checked.value);
    if (Object.keys(changes).length === 0) {
      setSaved("Nothing has changed, so nothing was saved.");
      return;
    }
    const plan = await write.run((ctx) => updatePlan(ctx, base, changes));
    if (plan !== undefined) done(plan, `The settings of '${plan.title}' were saved.`);
  }

  async function setArchived(archived: boolean) {
    setSaved(null);
    const plan = await archive.run((ctx) => updatePlan(ctx, base, { archived }));
    if (plan !== undefined)
      done(
        plan,
        archived
          ? `'${plan.title}' is archived: hidden from My actions and reminders, kept for reports.`
          : `'${plan.title}' is back: shown in My actions, and its reminders go out again.`,
      );
  }

  return (
    <>
      <ManageForm
        title="Settings"
        name="plan-settings"
        onSubmit={(form) => void save(form)}
        failure={write.failure === null ? null : `The settings were not saved. ${write.failure}`}
        saved={saved}
        saving={write.saving}
        button={{ label: "Save settings", savingLabel: "Saving…" }}
      >
        {theirs !== null && <TheirVersion plan={theirs} />}
        <PlanFields value={fields} problems={problems} onChange={setFields} />
      </ManageForm>
      <section className={styles.section} aria-labelledby="archive-heading">
        <Subtitle1 as="h2" id="archive-heading">
          {base.archived ? "Archived" : "Archive"}
        </Subtitle1>
        <Body1>
          {base.archived
            ? "This plan is archived: it is hidden from My actions and sends no reminders, but stays in reports. Bring it back to run it again."
            : "Archiving hides the plan from My actions and stops its reminders; it stays on the site and in reports, and can be brought back."}
        </Body1>
        {archive.failure !== null && (
          <Notice inline intent="error" title="Not changed.">
            {archive.failure}
          </Notice>
        )}
        <div>
          <Button disabledFocusable={archive.saving} onClick={() => void setArchived(!base.archived)}>
            {archive.saving ? "Saving…" : base.archived ? "Bring the plan back" : "Archive the plan"}
          </Button>
        </div>
      </section>
    </>
  );
}

/** The plan settings page. */
export function PlanSettingsPage(props: { planId: string | null; nav: ManageNav }) {
  return (
    <ChosenPlanPage
      title="Plan settings"
      what="change a plan's settings"
      view="plan-settings"
      planId={props.planId}
      nav={props.nav}
    >
      {(plan, replace) => <SettingsForms key={plan.id} plan={plan} onSaved={replace} />}
    </ChosenPlanPage>
  );
}

export default PlanSettingsPage;
