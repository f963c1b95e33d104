// Reopening a completed action: the statuses it may go back to, and the write.
export { REOPEN_STATUSES, reopenAction } from "../../../../sharepoint/actions/index.ts";
