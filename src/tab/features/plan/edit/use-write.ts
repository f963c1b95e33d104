// One write of the plan's structure from a form: the coordinators' write (tab/lib/use-coordinator-write.ts),
// saying whether it saved. A conflict (someone else changed the item since it was read) keeps what was typed
// and reads the plan again, so the next save is checked against their version.
import type { DataContext } from "../../../../sharepoint/core/index.ts";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

export interface Write {
  saving: boolean;
  failure: string | null;
  /** Run `op`; true when it saved. */
  run: (op: (ctx: DataContext) => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
}

/** A form's write; `what` completes "Only … can <what>"; `onConflict` reloads the plan. */
export function useWrite(what: string, onConflict: () => void): Write {
  const write = useCoordinatorWrite(what, onConflict);
  return {
    saving: write.saving,
    failure: write.failure,
    run: async (op) =>
      (await write.run(async (ctx) => {
        await op(ctx);
        return true;
      })) === true,
    clear: write.clear,
  };
}
