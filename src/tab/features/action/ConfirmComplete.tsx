// The one question before an action is recorded as complete, whichever way the SRO got there ("Mark
// complete", or an update whose status is Completed): what will happen, in words, and a way back.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { formatUkDate, type IsoDate } from "../../../domain/iso-date.ts";

/** An alert dialog asking to confirm completing action `ref` on `today`. */
export function ConfirmComplete(props: {
  open: boolean;
  ref_: string;
  today: IsoDate;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      modalType="alert"
      open={props.open}
      onOpenChange={(_, data) => {
        if (!data.open) props.onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Mark action {props.ref_} complete?</DialogTitle>
          <DialogContent>
            It will show as complete from {formatUkDate(props.today)} on the plan, the dashboard and the next
            committee report, with your note as its closing note. Only a coordinator can reopen it.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              Yes, mark it complete
            </Button>
            <Button onClick={props.onCancel}>Go back</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
