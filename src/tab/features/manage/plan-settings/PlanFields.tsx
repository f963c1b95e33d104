// A plan's four settings as fields: title, reference date, the status rule's "overdue after N months", and
// the UK nation whose bank holidays its reminders count. Each has a name, so the form can put focus on the first problem.
import { Field, Input, Select } from "@fluentui/react-components";
import { NATIONS, type Nation } from "../../../../domain/index.ts";
import { DayField } from "../DayField.tsx";
import { focusField } from "../ManageForm.tsx";
import type { PlanFieldProblems, PlanFieldsText } from "./plan-form.ts";

const FIELD_NAMES = {
  title: "planTitle",
  referenceDate: "referenceDate",
  overdueAfterMonths: "overdueAfterMonths",
} as const;

/** Focus the first field with a problem. */
export function focusFirstProblem(form: HTMLFormElement, problems: PlanFieldProblems): void {
  const first = (["title", "referenceDate", "overdueAfterMonths"] as const).find(
    (k) => problems[k] !== undefined,
  );
  if (first !== undefined) focusField(form, FIELD_NAMES[first]);
}

export function PlanFields(props: {
  value: PlanFieldsText;
  problems: PlanFieldProblems;
  onChange: (value: PlanFieldsText) => void;
}) {
  const { value, problems } = props;
  const set = (changes: Partial<PlanFieldsText>) => {
    props.onChange({ ...value, ...changes });
  };
  return (
    <>
      <Field label="Title" required validationMessage={problems.title}>
        <Input
          name="planTitle"
          value={value.title}
          onChange={(_, data) => {
            set({ title: data.value });
          }}
        />
      </Field>
      <DayField
        label="Reference date"
        name="referenceDate"
        required
        value={value.referenceDate}
        problem={problems.referenceDate}
        hint="The date the plan's target dates are read against: 'April' means the first April after it. For example 01/04/2024."
        onChange={(text) => {
          set({ referenceDate: text });
        }}
      />
      <Field
        label="Overdue after (months)"
        required
        validationMessage={problems.overdueAfterMonths}
        hint="An action not complete is Delayed up to this many months past its target date, and Overdue after."
      >
        <Input
          name="overdueAfterMonths"
          inputMode="numeric"
          value={value.overdueAfterMonths}
          onChange={(_, data) => {
            set({ overdueAfterMonths: data.value });
          }}
        />
      </Field>
      <Field label="Bank holidays of" hint="Reminders skip the bank holidays of this nation.">
        <Select
          name="nation"
          value={value.nation}
          onChange={(_, data) => {
            const nation = NATIONS.find((n) => n === data.value);
            if (nation !== undefined) set({ nation: nation satisfies Nation });
          }}
        >
          {NATIONS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
