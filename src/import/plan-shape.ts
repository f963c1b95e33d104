// A whole plan as it is written into the lists: what the import core builds from a file, what the demo seed
// builds from its JSON, and what `src/sharepoint/import/plan.ts` writes. Plain data, no I/O.
import type { IsoDate, Status } from "../domain/index.ts";

export interface ImportUpdate {
  date: IsoDate;
  text: string;
  reportedStatus: Status | null;
  percentComplete?: number | null;
}

export interface ImportAction {
  ref: string;
  text: string;
  sroPost: string | null;
  targetDateText: string;
  /** The ref of the action this is a milestone of. */
  parentRef?: string;
  completedOn?: IsoDate | null;
  update?: ImportUpdate | null;
}

export interface ImportPost {
  title: string;
  holderUpn: string | null;
  delegateUpn?: string | null;
  delegateFrom?: IsoDate | null;
  delegateTo?: IsoDate | null;
}

export interface ImportPeriod {
  title: string;
  startsOn: IsoDate;
  updateDeadline: IsoDate;
  reportDate: IsoDate;
}

export interface PlanImport {
  plan: { title: string; referenceDate: IsoDate; overdueAfterMonths?: number };
  /** Reporting periods, added open; each update belongs to the period whose dates hold its date. */
  periods?: ImportPeriod[];
  posts: ImportPost[];
  recommendations: { ref: string; title: string; description: string; actions: ImportAction[] }[];
}
