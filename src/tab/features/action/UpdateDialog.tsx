// The update form on its own, for a Teams dialog opened from a reminder card (`?view=update&actionId=12`):
// the action's ref and text, then the form; the latest update under it so the SRO sees what they said last.
// Once saved, the dialog closes (teams-js dialog.url.submit).
import { Body1, Caption1 } from "@fluentui/react-components";
import { formatUkDate } from "../../../domain/iso-date.ts";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { closeDialog } from "../../lib/dialog.ts";
import { UpdateForm } from "./UpdateForm.tsx";
import { useAction, withUpdate } from "./use-action.ts";

/** The update dialog for one action. */
export function UpdateDialog(props: { actionId: string }) {
  const view = useAction(props.actionId);
  if (view.data === null) {
    return view.status === "failed" ? (
      <Notice title="This action could not be loaded" intent="error">
        {describeError(view.error)}
      </Notice>
    ) : (
      <PageSkeleton title="Update action" rows={3} />
    );
  }
  const data = view.data;
  const { action } = data.record;
  const latest = data.updates[0];
  return (
    <Page title={`Update action ${action.ref}`} busy={view.status === "loading"}>
      <Body1 as="p" style={{ margin: 0 }}>
        {action.text}
      </Body1>
      {latest !== undefined && (
        <Caption1 as="p" style={{ margin: 0 }}>
          Last update, {formatUkDate(latest.date)}: {latest.text}
        </Caption1>
      )}
      <UpdateForm
        record={data.record}
        openPeriod={data.openPeriod}
        onSaved={(update, record) => {
          view.replace(withUpdate(data, update, record));
          // Saved: Teams closes the dialog and the SRO is back at the card they opened it from.
          closeDialog({ actionId: action.id, updateId: update.id });
        }}
        onConflict={() => {
          view.reload();
        }}
      />
    </Page>
  );
}

export default UpdateDialog;
