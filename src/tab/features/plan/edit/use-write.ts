// One write of the plan's structure from a form: saving while it runs, and why it failed in words. A
// conflict (someone else changed the item since it was read) keeps what was typed and reads the plan again,
// so the next save is checked against their version; a refusal by SharePoint (403) says who may do it.
import { useState } from "react";
import type { DataContext } from "../../../../sharepoint/context.ts";
import { ConflictError } from "../../../../sharepoint/conflict.ts";
import { RemoteError } from "../../../../lib/remote-error.ts";
import { useDataContext } from "../../../lib/data.tsx";
import { describeError } from "../../../lib/describe-error.ts";

/** Words for a failed change of the plan's structure; `what` completes "Only … can <what>". */
export function describeEditError(error: unknown, what: string): string {
  if (error instanceof RemoteError && error.status === 403)
    return `Only the plan's coordinators (site Owners) can ${what}. SharePoint refused this change for your account: ask a coordinator to make it, or to add you to the site's Owners.`;
  return describeError(error);
}

export interface Write {
  saving: boolean;
  failure: string | null;
  /** Run `op`; true when it saved. */
  run: (op: (ctx: DataContext) => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
}

/** A form's write; `onConflict` reloads the plan (what was typed stays in the form). */
export function useWrite(what: string, onConflict: () => void): Write {
  const ctx = useDataContext();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function run(op: (ctx: DataContext) => Promise<unknown>): Promise<boolean> {
    setSaving(true);
    setFailure(null);
    try {
      await op(ctx);
      return true;
    } catch (error) {
      setFailure(describeEditError(error, what));
      if (error instanceof ConflictError) onConflict();
      return false;
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
