// Reporting periods: reading a plan's, opening one, extending its deadline, closing it (after checking what
// is still owed), reopening one closed by mistake.
export {
  checkClosing,
  closePeriod,
  createPeriod,
  extendPeriod,
  loadPeriods,
  periodAfter,
  reopenPeriod,
  RequestsWaitingError,
  type ClosingCheck,
} from "../../../../sharepoint/periods/index.ts";
