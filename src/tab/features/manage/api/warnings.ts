// The same data access with warnings of its own, so what one screen's load left out is told apart.
export { withOwnWarnings } from "../../../../sharepoint/core/index.ts";
