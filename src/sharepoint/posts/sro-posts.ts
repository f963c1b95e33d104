// One SRO post with its holder and delegate, for the action page ("SRO: Director of Finance, held by …").
import { listOf, type DataContext } from "../core/context.ts";
import type { SroPostRecord } from "../plans/plans.ts";
import { itemId, toSroPost } from "../schema/records.ts";
import { readRow, SRO_POST_EXPAND, SRO_POST_SELECT, sroPostItemSchema } from "../schema/rows.ts";

/** An SRO post by id, holder and delegate expanded. One request. */
export async function loadSroPost(ctx: DataContext, postId: string): Promise<SroPostRecord> {
  const row: unknown = await listOf(ctx.sp, "sroPosts")
    .items.getById(itemId(postId, "SRO post"))
    .select(...SRO_POST_SELECT)
    .expand(...SRO_POST_EXPAND)();
  return readRow(sroPostItemSchema, row, "sroPosts", toSroPost);
}
