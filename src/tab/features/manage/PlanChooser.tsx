// Which plan a coordinator's page is about, when the site has more than one; archived ones say so, and so do
// those whose import has not finished.
import { Field, Select } from "@fluentui/react-components";
import type { PlanRecord } from "../../../sharepoint/schema/index.ts";
import { planChoiceLabel } from "../../components/ImportUnfinishedNotice.tsx";

export function PlanChooser(props: {
  plans: readonly PlanRecord[];
  value: string;
  onChoose: (planId: string) => void;
}) {
  if (props.plans.length < 2) return null;
  return (
    <Field label="Plan">
      <Select
        style={{ minWidth: 0, maxWidth: "100%" }}
        select={{ style: { minWidth: 0, width: "100%" } }}
        value={props.value}
        onChange={(_, data) => {
          props.onChoose(data.value);
        }}
      >
        {props.plans.map((p) => (
          <option key={p.id} value={p.id}>
            {planChoiceLabel(p)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
