// Writing several items as one change. SharePoint's $batch is not a transaction: when one part fails (a
// stale ETag, say) the others still happen. So each write knows how to take itself back, and when any part
// fails the parts that succeeded are undone (one more request) before the failure is reported: a refused
// change leaves nothing half-written behind.
import type { SPFI } from "@pnp/sp";
import { z } from "../../lib/zod.ts";
import { inOneBatch, settle, type Settled } from "./batch.ts";
import { listOf } from "./context.ts";
import type { ListKey } from "../schema/list-titles.ts";
import type { ActionWrite, UpdateWrite } from "../schema/rows.ts";

/** What a write to `list` may set: the columns its schema declares, for the lists declared so far. */
export type WriteTo<L extends ListKey> = L extends "actions"
  ? ActionWrite
  : L extends "progressUpdates"
    ? UpdateWrite
    : Record<string, unknown>;

// Methods (not function-typed properties) so that writes with different results fit one list.
export interface ItemWrite<R> {
  apply(sp: SPFI): Promise<R>;
  undo(sp: SPFI, result: R): Promise<unknown>;
}

/** A part of a change failed; the other parts were undone. */
export class WriteFailed extends Error {
  constructor(
    /** Which write (by position) failed first. */
    readonly index: number,
    readonly reason: unknown,
  ) {
    super(`Write ${String(index + 1)} failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = "WriteFailed";
  }
}

/** What a failed write failed on: the failed part's own error for WriteFailed, else the error itself. */
export function causeOf(error: unknown): unknown {
  return error instanceof WriteFailed ? error.reason : error;
}

const added = z.looseObject({ Id: z.int() });
const updated = z.looseObject({ etag: z.nullish(z.string()) });

/** Add an item; undone by deleting it. Resolves to the new item's id. */
export function addItem<L extends ListKey>(list: L, values: WriteTo<L>): ItemWrite<number> {
  return {
    apply: async (sp) => added.parse(await listOf(sp, list).items.add(values)).Id,
    undo: (sp, id) => listOf(sp, list).items.getById(id).delete(),
  };
}

/**
 * Change an item only if it is still at `etag`; undone by writing `previous` back over the version this
 * write produced (so an undo never overwrites a third person's change either). Resolves to the new ETag.
 */
export function updateItem<L extends ListKey>(
  list: L,
  id: number,
  etag: string,
  values: WriteTo<L>,
  previous: WriteTo<L>,
): ItemWrite<string> {
  return {
    apply: async (sp) => {
      const result = updated.parse(await listOf(sp, list).items.getById(id).update(values, etag));
      return result.etag ?? "*";
    },
    undo: (sp, newEtag) => listOf(sp, list).items.getById(id).update(previous, newEtag),
  };
}

type Results<T extends readonly ItemWrite<unknown>[]> = {
  [K in keyof T]: T[K] extends ItemWrite<infer R> ? R : never;
};

/**
 * Apply the writes in order in one $batch. If every part succeeds, resolve to their results; otherwise undo
 * the parts that succeeded (one more $batch) and reject with WriteFailed naming the first failed part.
 */
export async function writeTogether<const T extends readonly ItemWrite<unknown>[]>(
  sp: SPFI,
  writes: T,
): Promise<Results<T>> {
  const pending = await inOneBatch(sp, (batched) => writes.map((w) => settle(w.apply(batched))));
  const outcomes: Settled<unknown>[] = await Promise.all(pending);
  const failed = outcomes.findIndex((o) => !o.ok);
  if (failed < 0) return outcomes.map((o) => (o.ok ? o.value : undefined)) as Results<T>;

  const undone = await inOneBatch(sp, (batched) =>
    outcomes.flatMap((o, i) => {
      const write = writes[i];
      return o.ok && write !== undefined ? [settle(write.undo(batched, o.value))] : [];
    }),
  );
  const undoProblems = (await Promise.all(undone)).filter((o) => !o.ok);
  const failure = outcomes[failed];
  const reason = failure !== undefined && !failure.ok ? failure.error : undefined;
  if (undoProblems.length > 0) {
    // Rare (someone changed the item again within the same second); say so rather than hide it.
    throw new Error(
      `Part of this change could not be saved and ${String(undoProblems.length)} saved part(s) could not be taken back; please check the item. Cause: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  }
  throw new WriteFailed(failed, reason);
}
