// Reporting periods: reading a plan's, opening one, extending its deadline, closing it.
export {
  closePeriod,
  createPeriod,
  extendPeriod,
  loadPeriods,
  RequestsWaitingError,
} from "../../../../sharepoint/periods/index.ts";
