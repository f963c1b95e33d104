// Closing the Teams dialog the update form runs in (opened from a reminder card): teams-js's
// dialog.url.submit sends "tasks.completeTask" and Teams closes the dialog. Outside a dialog, or where the
// host does not support dialogs (a browser, an old client), nothing happens and the page says it was saved.
import { dialog } from "@microsoft/teams-js";

/** Close the dialog with `result` for its opener; false when this page is not in a Teams dialog. */
export function closeDialog(result: Record<string, string>): boolean {
  try {
    if (!dialog.url.isSupported()) return false;
    dialog.url.submit(result);
    return true;
  } catch {
    // teams-js throws when it was never initialised (the page opened outside Teams) or not in a dialog.
    return false;
  }
}
