// A write refused because someone else changed the item since it was read (HTTP 412 on the ETag). The
// caller gets the other person's version to show ("someone else changed this action; here is their
// version"), and nothing of the refused write is left behind.
import { RemoteError } from "../../lib/remote-error.ts";

export type ConflictSubject =
  "action" | "target date change" | "reporting period" | "plan" | "recommendation" | "SRO post";

export class ConflictError<T> extends Error {
  constructor(
    readonly subject: ConflictSubject,
    /** The item as it is now; null when it has been deleted since. */
    readonly current: T | null,
    readonly remote: RemoteError,
  ) {
    super(`Someone else changed this ${subject}; here is their version.`);
    this.name = "ConflictError";
  }
}

/** Whether an error is SharePoint's 412 for a stale ETag. */
export function isStaleETag(error: unknown): error is RemoteError {
  return error instanceof RemoteError && error.isConflict;
}

/** Whether an error is SharePoint refusing a query past the list view threshold. */
export function isThresholdError(error: unknown): error is RemoteError {
  return error instanceof RemoteError && error.code.includes("SPQueryThrottledException");
}

/** Whether an error is a 404 (the item was deleted). */
export function isNotFound(error: unknown): boolean {
  return error instanceof RemoteError && error.status === 404;
}

/** The item a read resolves to, or null when it has been deleted since (for a conflict's "current"). */
export async function orNullIfGone<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
