// What every data-access function is given: the configured PnPjs root for one site, the page size for
// queries that read a whole small list, and the signed-in user's site id once it has been looked up.
import type { SPFI } from "@pnp/sp";
import type { IList } from "@pnp/sp/lists/index.js";
import { z } from "../../lib/zod.ts";
import { LIST_TITLES, type ListKey } from "../schema/list-titles.ts";
import { ReadWarnings } from "./skipped-items.ts";

/** SharePoint returns at most 5,000 items a page, the same as its list view threshold. */
export const MAX_PAGE = 5000;

export interface DataContext {
  sp: SPFI;
  /**
   * Items per page when a query reads a small list whole (plans, SRO posts): 5,000 on SharePoint Online.
   * Tests against a sandbox with a lowered threshold lower it to match, as paging past it is what works there.
   */
  pageSize: number;
  /** The signed-in user's id in the site's user list (person columns hold it), looked up once. */
  currentUserId: () => Promise<number>;
  /** Items reads left out because they do not parse: collected here, said in words by the CLI and the tab. */
  warnings: ReadWarnings;
}

/** Data access for one site. */
export function dataContext(sp: SPFI, options: { pageSize?: number } = {}): DataContext {
  let me: Promise<number> | null = null;
  return {
    sp,
    pageSize: Math.min(options.pageSize ?? MAX_PAGE, MAX_PAGE),
    warnings: new ReadWarnings(),
    currentUserId: () => {
      me ??= sp.web.currentUser
        .select("Id")()
        .then((user: unknown) => z.object({ Id: z.int() }).parse(user).Id)
        .catch((error: unknown) => {
          me = null;
          throw error;
        });
      return me;
    },
  };
}

/** The same data access with warnings of its own: what one screen's load left out, apart from the rest. */
export function withOwnWarnings(ctx: DataContext): DataContext {
  return { ...ctx, warnings: new ReadWarnings() };
}

/** One of the app's lists on a (possibly batched) root. */
export function listOf(sp: SPFI, key: ListKey): IList {
  return sp.web.lists.getByTitle(LIST_TITLES[key]);
}
