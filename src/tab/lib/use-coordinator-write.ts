// One coordinator's write from a form (reporting periods, posts, plan settings, the plan's structure): saving
// while it runs, and why it failed in words. A conflict (another coordinator changed the item since it was
// read) is said as such and handed to `onConflict` with the item as it is now, so the form keeps what was
// typed and the next save is checked against their version; a refusal by SharePoint itself (403: a Member
// who reached the form by its address) says who may do it, in one wording for every coordinator's form.
import { useState } from "react";
import { RemoteError } from "../../lib/remote-error.ts";
import { ConflictError, type DataContext } from "../../sharepoint/core/index.ts";
import { RequestsWaitingError } from "../../sharepoint/periods/index.ts";
import { useDataContext } from "./data.tsx";
import { describeError } from "./describe-error.ts";

/** Words for a failed coordinator's change; `what` completes "Only … can <what>". */
export function describeCoordinatorError(error: unknown, what: string): string {
  if (error instanceof RemoteError && error.status === 403)
    return `Only the plan's coordinators (site Owners) can ${what}. SharePoint refused this change for your account: ask a coordinator to make it, or to add you to the site's Owners.`;
  if (error instanceof RequestsWaitingError) return error.message;
  const words = describeError(error);
  // Errors of our own data layer that say what to do are better than the general "something went wrong".
  if (words.startsWith("Something went wrong") && error instanceof Error && error.constructor === Error)
    return error.message;
  return words;
}

export interface CoordinatorWrite {
  saving: boolean;
  failure: string | null;
  /** Run `op`; its result, or undefined when it failed (the failure is then in `failure`). */
  run: <T>(op: (ctx: DataContext) => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
}

/** A form's write; `onConflict` is given the item as it is now (null: deleted). */
export function useCoordinatorWrite(what: string, onConflict?: (current: unknown) => void): CoordinatorWrite {
  const ctx = useDataContext();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function run<T>(op: (ctx: DataContext) => Promise<T>): Promise<T | undefined> {
    setSaving(true);
    setFailure(null);
    try {
      return await op(ctx);
    } catch (error) {
      setFailure(describeCoordinatorError(error, what));
      if (error instanceof ConflictError) onConflict?.(error.current);
      return undefined;
    } finally {
      setSaving(false);
    }
  }
  return {
    saving,
    failure,
    run,
    clear: () => {
      setFailure(null);
    },
  };
}
