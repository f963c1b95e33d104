// An SRO's progress update (and a completion, which is one), as the action's forms save it.
export { addProgressUpdate } from "../../../../sharepoint/updates/index.ts";
