// A coordinator creates a plan from nothing (`?view=new-plan`): title, reference date, the status rule and
// the nation of its bank holidays. Then its recommendations and actions are added on the Plan page.
import { Link } from "@fluentui/react-components";
import { useState } from "react";
import { Page } from "../../../components/Page.tsx";
import { createPlan } from "../api/index.ts";
import { useToday } from "../../../lib/data.tsx";
import { CoordinatorsOnly } from "../CoordinatorsOnly.tsx";
import { ManageForm } from "../ManageForm.tsx";
import { checkPlanFields, emptyPlanFields, type PlanFieldProblems } from "./plan-form.ts";
import { focusFirstProblem, PlanFields } from "./PlanFields.tsx";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

interface Props {
  /** The plan was created: open it, to add its recommendations and actions. */
  onCreated: (planId: string) => void;
  onImport: () => void;
}

function NewPlanForm(props: Props) {
  const today = useToday();
  const [fields, setFields] = useState(() => emptyPlanFields(today));
  const [problems, setProblems] = useState<PlanFieldProblems>({});
  const write = useCoordinatorWrite("create plans");

  async function save(form: HTMLFormElement) {
    const checked = checkPlanFields(fields);
    setProblems(checked.problems ?? {});
    write.clear();
    if (checked.value === null) {
      focusFirstProblem(form, checked.problems);
      return;
    }
    const plan = await write.run((ctx) => createPlan(ctx, checked.value));
    if (plan !== undefined) props.onCreated(plan.id);
  }

  return (
    <ManageForm
      title="The plan's settings"
      name="new-plan"
      onSubmit={(form) => void save(form)}
      failure={write.failure === null ? null : `The plan was not created. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Create plan", savingLabel: "Creating…" }}
    >
      <PlanFields value={fields} problems={problems} onChange={setFields} />
    </ManageForm>
  );
}

/** The new plan page. */
export function NewPlanPage(props: Props) {
  return (
    <CoordinatorsOnly title="New plan" what="create plans">
      <Page title="New plan">
        <p style={{ margin: 0 }}>
          An empty plan: you add its recommendations, actions and milestones on the Plan page once it is
          created. To start from a spreadsheet instead,{" "}
          <Link
            href="?view=import"
            onClick={(event) => {
              event.preventDefault();
              props.onImport();
            }}
          >
            import a plan from a file
          </Link>
          .
        </p>
        <NewPlanForm {...props} />
      </Page>
    </CoordinatorsOnly>
  );
}

export default NewPlanPage;
