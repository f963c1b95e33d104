// A plan none of whose actions has a target date (or an SRO) is more likely a column missed than a plan:
// the coordinator says they have checked before anything is written.
import { Checkbox } from "@fluentui/react-components";
import { Notice } from "../../components/Notice.tsx";

interface Props {
  confirmations: readonly string[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}

/** What to check, and the box that says it was; nothing when there is nothing to check. */
export function ConfirmCheck(props: Props) {
  if (props.confirmations.length === 0 && !props.confirmed) return null;
  return (
    <Notice inline title="Check before importing" intent="warning">
      <ul>
        {props.confirmations.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Checkbox
        checked={props.confirmed}
        label="I have checked: import it as it is"
        onChange={(_, d) => {
          props.onConfirm(d.checked === true);
        }}
      />
    </Notice>
  );
}
