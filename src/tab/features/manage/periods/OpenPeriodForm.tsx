// "Open a reporting period": title (the quarter the start falls in, to begin with), start, update deadline
// and report date. One open period per plan: SharePoint's data layer refuses a second, in words.
import { Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import type { IsoDate } from "../../../../domain/index.ts";
import { createPeriod } from "../api/index.ts";
import type { PeriodRecord } from "../../../../sharepoint/schema/index.ts";
import { DayField } from "../DayField.tsx";
import { focusField, ManageForm } from "../ManageForm.tsx";
import { checkPeriod, quarterTitle, type PeriodProblems, type PeriodText } from "./period-form.ts";
import { isoToUk } from "../plan-settings/plan-form.ts";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

const FIELDS = {
  title: "periodTitle",
  startsOn: "startsOn",
  updateDeadline: "updateDeadline",
  reportDate: "reportDate",
} as const;

export function OpenPeriodForm(props: {
  planId: string;
  today: IsoDate;
  onOpened: (period: PeriodRecord) => void;
}) {
  const [fields, setFields] = useState<PeriodText>(() => ({
    title: quarterTitle(props.today),
    startsOn: isoToUk(props.today),
    updateDeadline: "",
    reportDate: "",
  }));
  const [problems, setProblems] = useState<PeriodProblems>({});
  const write = useCoordinatorWrite("open reporting periods");
  const set = (changes: Partial<PeriodText>) => {
    setFields({ ...fields, ...changes });
  };

  async function save(form: HTMLFormElement) {
    const checked = checkPeriod(fields);
    setProblems(checked.problems ?? {});
    write.clear();
    if (checked.value === null) {
      const first = (["title", "startsOn", "updateDeadline", "reportDate"] as const).find(
        (k) => checked.problems[k] !== undefined,
      );
      if (first !== undefined) focusField(form, FIELDS[first]);
      return;
    }
    const period = await write.run((ctx) => createPeriod(ctx, props.planId, checked.value));
    if (period !== undefined) props.onOpened(period);
  }

  return (
    <ManageForm
      title="Open a reporting period"
      name="open-period"
      level="h3"
      onSubmit={(form) => void save(form)}
      failure={write.failure === null ? null : `The period was not opened. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Open period", savingLabel: "Opening…" }}
    >
      <Field label="Title" required validationMessage={problems.title} hint="For example Q2 2024/25">
        <Input
          name="periodTitle"
          value={fields.title}
          onChange={(_, data) => {
            set({ title: data.value });
          }}
        />
      </Field>
      <DayField
        label="Starts on"
        name="startsOn"
        required
        value={fields.startsOn}
        problem={problems.startsOn}
        hint="Actions still open on this day owe an update for the period."
        onChange={(text) => {
          set({ startsOn: text });
        }}
      />
      <DayField
        label="Update deadline"
        name="updateDeadline"
        required
        value={fields.updateDeadline}
        problem={problems.updateDeadline}
        hint="The day SROs' updates are due; reminders count down to it."
        onChange={(text) => {
          set({ updateDeadline: text });
        }}
      />
      <DayField
        label="Report date"
        name="reportDate"
        required
        value={fields.reportDate}
        problem={problems.reportDate}
        hint="The day the report goes to the board or committee."
        onChange={(text) => {
          set({ reportDate: text });
        }}
      />
    </ManageForm>
  );
}
