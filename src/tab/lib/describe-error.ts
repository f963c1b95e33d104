// Every failure the tab shows, in words an officer understands: never a stack, a status code on its own, or
// anything from a token. Remote failures go through the one translation in src/lib/remote-error.ts.
import { describeForPeople, RemoteError } from "../../lib/remote-error.ts";
import { z } from "../../lib/zod.ts";
import { ConflictError, UnreadableItemError } from "../../sharepoint/core/index.ts";
import { ConfigError } from "./config.ts";
import { SignInError } from "./token-cache.ts";

/** Words for a failure, for the person using the tab. */
export function describeError(error: unknown): string {
  if (error instanceof ConflictError) {
    return error.current === null
      ? `This ${error.subject} has been deleted by someone else since you opened it.`
      : `Someone else changed this ${error.subject} while you were writing. Review their change below; what you typed is still here, so you can save it again.`;
  }
  if (error instanceof RemoteError) return describeForPeople(error);
  // Which item, which column and what is wrong with it: what a coordinator needs to fix it in SharePoint.
  if (error instanceof UnreadableItemError) return error.message;
  if (error instanceof SignInError) return error.message;
  if (error instanceof ConfigError) {
    return `The app is not set up correctly. Please tell the app's support team: ${error.problems.join("; ")}.`;
  }
  if (error instanceof z.core.$ZodError) return error.issues.map((issue) => issue.message).join(" ");
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return "SharePoint could not be reached. Check your connection and try again.";
  }
  return "Something went wrong. Please try again; if it keeps happening, tell the app's support team.";
}
