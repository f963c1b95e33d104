// A coordinator's decision on a request to move a target date.
export { approveDateChange, declineDateChange } from "../../../../sharepoint/date-changes/index.ts";
