// Requests to move the action's target date: asking, withdrawing, and who the coordinators to tell are.
export {
  loadCoordinatorUpns,
  requestDateChange,
  withdrawDateChange,
} from "../../../../sharepoint/date-changes/index.ts";
