// Several SharePoint operations in one HTTP request ($batch), and reading every page of a query. SharePoint
// runs a batch's parts in order but not as a transaction (a failed part does not undo the others), so each
// part's outcome is kept on its own and callers decide what a partial failure means.
import type { SPFI } from "@pnp/sp";
import type { IItems } from "@pnp/sp/items/index.js";
import { SPCollection } from "@pnp/sp";
import { parseBinderWithErrorCheck, parseODataJSON } from "@pnp/queryable";
import { z } from "../../lib/zod.ts";

/** SharePoint accepts up to 100 operations in one $batch; PnPjs's default of 20 would split ours. */
export const MAX_BATCH = 100;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Capture a batched operation's outcome at once: a batch part that fails rejects before the caller gets
 * to await it, and an unobserved rejection would take the process down.
 */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** The value of a settled part, or its error thrown. */
export function valueOf<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw settled.error;
}

/** Build operations on a batched root, send them as one $batch, and return what `build` returned. */
export async function inOneBatch<T>(sp: SPFI, build: (batched: SPFI) => T): Promise<T> {
  const [batched, execute] = sp.batched({ maxRequests: MAX_BATCH });
  const parts = build(batched);
  await execute();
  return parts;
}

/** One page of a query, with SharePoint's link to the next page when there is one. */
export interface Page {
  rows: unknown[];
  nextLink: string | null;
}

const envelope = z.object({ "odata.nextLink": z.optional(z.string()), d: z.optional(z.unknown()) });

function pageParser() {
  return parseBinderWithErrorCheck(async (response): Promise<Page> => {
    const json: unknown = await response.json();
    const rows: unknown = parseODataJSON(json);
    const head = envelope.parse(json);
    const verboseNext = z.object({ __next: z.optional(z.string()) }).safeParse(head.d);
    return {
      rows: Array.isArray(rows) ? (rows as unknown[]) : [],
      nextLink: head["odata.nextLink"] ?? (verboseNext.success ? (verboseNext.data.__next ?? null) : null),
    };
  });
}

/** Run an items query as one page that keeps the next-page link (works inside a batch too). */
export function firstPage(items: IItems): Promise<Page> {
  const paged = SPCollection(items).using(pageParser());
  // A new queryable starts with an empty query string: carry over $select, $filter, $top and the rest.
  for (const [key, value] of items.query) paged.query.set(key, value);
  return paged<Page>();
}

/** The page SharePoint's next-page link points at, with the link after it. One request. */
export function nextPage(sp: SPFI, nextLink: string): Promise<Page> {
  return SPCollection([sp.web, nextLink]).using(pageParser())<Page>();
}

/** Every row of a query: the first page's rows, then each following page, one request each. */
export async function allRows(sp: SPFI, page: Page): Promise<unknown[]> {
  const rows = [...page.rows];
  let next = page.nextLink;
  while (next !== null) {
    const more = await nextPage(sp, next);
    rows.push(...more.rows);
    next = more.nextLink;
  }
  return rows;
}
