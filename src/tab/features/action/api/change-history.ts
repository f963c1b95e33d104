// The action's "Changes" section: its changes from SharePoint's version history, a page at a time.
export { loadChangeHistory } from "../../../../sharepoint/actions/index.ts";
