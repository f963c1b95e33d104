// The error a save gives when someone else changed the item since it was read.
export { ConflictError } from "../../../../sharepoint/core/index.ts";
