// One person of the sandbox's fictional council as written in directory-people.ts and directory-services.ts,
// and the places they work.
import type { SiteGroup } from "./directory.ts";

export const TOWN_HALL = "Town Hall, Northbridge Square";
export const CIVIC_CENTRE = "Civic Centre, Riverside Road";
export const DEPOT = "Marsh Lane Depot";

export interface Entry {
  id: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  /** The manager's post (their jobTitle): easier to read and check than a UPN. */
  reportsTo?: string;
  siteGroup: SiteGroup | null;
  officeLocation?: string;
  phone?: string;
  mobile?: string;
  interim?: true;
  /** No Teams licence; see Person.teams. */
  teams?: false;
}
