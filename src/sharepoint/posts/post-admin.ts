// SRO posts as a coordinator runs them: create, rename, give to a new holder, set or end a delegate's cover,
// split a post written as two ("CEO/Monitoring Officer") into two, and find the posts nobody holds or whose
// holder has left the directory. People are added to the site with ensureUser (person columns hold site
// user ids). Every change carries the ETag it was read at: a 412 becomes ConflictError with the post as it
// is now, and nothing of the refused change is kept.
import { z } from "../../lib/zod.ts";
import { SHORT_TEXT_LIMIT, type IsoDate } from "../../domain/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { allRows, firstPage } from "../core/batch.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "../core/conflict.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { sharePointDateOrNull } from "../core/dates.ts";
import { boundedDate, boundedText, inputRefused } from "../core/input-bounds.ts";
import { anyOf } from "../core/odata.ts";
import type { SroPostRecord } from "../plans/plans.ts";
import { itemId, toActionRecord, type ActionRecord } from "../schema/records.ts";
import { actionItemSchema, readRows } from "../schema/rows.ts";
import { actionItems, allSroPostsQuery, sroPostRecords } from "../schema/shared-reads.ts";
import { loadSroPost } from "./sro-posts.ts";
import { addItem, causeOf, updateItem, WriteFailed, writeTogether, type ItemWrite } from "../core/writes.ts";

const titleSchema = boundedText(
  "The post's title",
  "Give the post a title, e.g. 'Director of Place'.",
  SHORT_TEXT_LIMIT,
);
const upnSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "Give the person's sign-in name, e.g. sam.jones@council.gov.uk."),
  );
const delegateSchema = z
  .object({
    upn: upnSchema,
    from: boundedDate("The cover's first day"),
    to: z.nullable(boundedDate("The cover's last day")),
  })
  .check(
    z.refine((d) => d.to === null || d.from <= d.to, "The cover's last day cannot be before its first day."),
  );

const personIds = z.object({ HolderId: z.nullish(z.int()), DelegateId: z.nullish(z.int()) });

/** Every SRO post on the site, holder and delegate expanded, by title. One request a page. */
export async function loadSroPosts(ctx: DataContext): Promise<SroPostRecord[]> {
  const page = await firstPage(allSroPostsQuery(ctx.sp, ctx.pageSize));
  const posts = sroPostRecords(await allRows(ctx.sp, page), ctx.warnings);
  return posts.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * The site user id of a person in the directory, adding them to the site's users when they are not yet
 * (SharePoint's ensureUser). A person SharePoint cannot find is an Error in words.
 */
export async function siteUserId(ctx: DataContext, upn: string): Promise<number> {
  const name = upnSchema.parse(upn);
  try {
    const user: unknown = await ctx.sp.web.ensureUser(`i:0#.f|membership|${name}`);
    return z.object({ Id: z.int() }).parse(user).Id;
  } catch (error) {
    if (error instanceof RemoteError && error.status === 404)
      throw inputRefused(
        `${name} is not in the organisation's directory; check the sign-in name (as in their e-mail address).`,
      );
    throw error;
  }
}

function isDuplicateTitle(error: unknown): boolean {
  return error instanceof RemoteError && error.code.includes("SPDuplicateValuesFoundException");
}

function duplicateTitle(title: string): Error {
  return inputRefused(
    `There is already an SRO post called '${title}' (titles are compared ignoring capitals); choose another title, or change that post instead.`,
  );
}

/** A new SRO post, held by `holderUpn` (null: vacant). Two requests, three with a holder. */
export async function createSroPost(
  ctx: DataContext,
  input: { title: string; holderUpn: string | null },
): Promise<SroPostRecord> {
  const title = titleSchema.parse(input.title);
  const holderId = input.holderUpn === null ? null : await siteUserId(ctx, input.holderUpn);
  let id: number;
  try {
    id = await addItem("sroPosts", { Title: title, HolderId: holderId }).apply(ctx.sp);
  } catch (error) {
    if (isDuplicateTitle(error)) throw duplicateTitle(title);
    throw error;
  }
  return loadSroPost(ctx, String(id));
}

/** What a coordinator may change on a post: its title, its holder, its delegate and their cover dates. */
export type SroPostChanges = Partial<{
  title: string;
  holderUpn: string | null;
  /** Null ends the cover; `to` null means until further notice. */
  delegate: { upn: string; from: IsoDate; to: IsoDate | null } | null;
}>;

// The columns a change writes, and what they held before (to take it back if a batch fails part-way).
async function postColumns(
  ctx: DataContext,
  post: SroPostRecord,
  changes: SroPostChanges,
): Promise<{ values: Record<string, unknown>; previous: Record<string, unknown> }> {
  const values: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  if (changes.title !== undefined) {
    values.Title = titleSchema.parse(changes.title);
    previous.Title = post.title;
  }
  // The people the post names now, by site user id (a holder who has left may no longer resolve by name).
  const people = async () =>
    changes.holderUpn === undefined && changes.delegate === undefined
      ? null
      : personIds.parse(
          await listOf(ctx.sp, "sroPosts")
            .items.getById(itemId(post.id, "SRO post"))
            .select("HolderId", "DelegateId")(),
        );
  const now = await people();
  if (changes.holderUpn !== undefined) {
    values.HolderId = changes.holderUpn === null ? null : await siteUserId(ctx, changes.holderUpn);
    previous.HolderId = now?.HolderId ?? null;
  }
  if (changes.delegate !== undefined) {
    const cover = changes.delegate === null ? null : delegateSchema.parse(changes.delegate);
    const holder = changes.holderUpn === undefined ? post.holderUpn : changes.holderUpn;
    if (cover !== null && cover.upn === holder?.toLowerCase())
      throw inputRefused(
        `${cover.upn} holds '${post.title}'; a delegate covers for the holder, so choose someone else.`,
      );
    values.DelegateId = cover === null ? null : await siteUserId(ctx, cover.upn);
    values.DelegateFrom = sharePointDateOrNull(cover?.from ?? null);
    values.DelegateTo = sharePointDateOrNull(cover?.to ?? null);
    previous.DelegateId = now?.DelegateId ?? null;
    previous.DelegateFrom = sharePointDateOrNull(post.delegateFrom);
    previous.DelegateTo = sharePointDateOrNull(post.delegateTo);
  }
  return { values, previous };
}

function etagOf(post: SroPostRecord): string {
  if (post.etag === undefined)
    throw new Error(`'${post.title}' was read without its version; read the posts again and retry.`);
  return post.etag;
}

/** The write of a post change (as read): only if the post is still at the version read. */
async function postWrite(
  ctx: DataContext,
  post: SroPostRecord,
  changes: SroPostChanges,
): Promise<ItemWrite<string>> {
  const { values, previous } = await postColumns(ctx, post, changes);
  return updateItem("sroPosts", itemId(post.id, "SRO post"), etagOf(post), values, previous);
}

async function postConflict(ctx: DataContext, post: SroPostRecord, reason: RemoteError): Promise<never> {
  const now = await orNullIfGone(loadSroPost(ctx, post.id));
  throw new ConflictError("SRO post", now, reason);
}

/**
 * Change a post (as read): rename it, give it to a new holder (null: vacant), set or end a delegate's cover.
 * People are ensured as site users first; then one write with the post's ETag, and the post read back.
 */
export async function updateSroPost(
  ctx: DataContext,
  post: SroPostRecord,
  changes: SroPostChanges,
): Promise<SroPostRecord> {
  const write = await postWrite(ctx, post, changes);
  try {
    await writeTogether(ctx.sp, [write]);
  } catch (error) {
    const reason = causeOf(error);
    if (isStaleETag(reason)) return postConflict(ctx, post, reason);
    if (isDuplicateTitle(reason)) throw duplicateTitle(changes.title?.trim() ?? post.title);
    throw reason;
  }
  return loadSroPost(ctx, post.id);
}

async function loadActionsById(ctx: DataContext, ids: readonly string[]): Promise<ActionRecord[]> {
  const records: ActionRecord[] = [];
  for (let i = 0; i < ids.length; i += 40) {
    const group = ids.slice(i, i + 40).map((id) => itemId(id, "action"));
    const page = await firstPage(actionItems(ctx.sp).filter(anyOf("Id", group)).top(MAX_PAGE));
    records.push(
      ...readRows(actionItemSchema, await allRows(ctx.sp, page), "actions", ctx.warnings, toActionRecord),
    );
  }
  return records;
}

/**
 * Split a post written as two ("CEO/Monitoring Officer") into two: the post keeps its id as `keepTitle`,
 * a new post `newTitle` (held by `newHolderUpn`) is created, and the chosen actions move to it. The rename
 * and the moves are one $batch, each with its ETag; if any part is refused, none is kept and the new post
 * is deleted again.
 */
export async function splitSroPost(
  ctx: DataContext,
  post: SroPostRecord,
  input: { keepTitle: string; newTitle: string; newHolderUpn: string | null; moveActionIds: string[] },
): Promise<{ kept: SroPostRecord; created: SroPostRecord }> {
  const keepTitle = titleSchema.parse(input.keepTitle);
  const newTitle = titleSchema.parse(input.newTitle);
  if (keepTitle.toLowerCase() === newTitle.toLowerCase())
    throw inputRefused("The two posts need different titles.");
  const wanted = [...new Set(input.moveActionIds)];
  const actions = await loadActionsById(ctx, wanted);
  const missing = wanted.filter((id) => !actions.some((a) => a.action.id === id));
  if (missing.length > 0) throw inputRefused(`No action with id ${missing.join(", ")}; nothing was split.`);
  const elsewhere = actions.filter((a) => a.sroPostId !== post.id);
  if (elsewhere.length > 0)
    throw inputRefused(
      `${elsewhere.map((a) => a.action.ref).join(", ")} ${elsewhere.length === 1 ? "is" : "are"} not under '${post.title}'; only its own actions can move. Nothing was split.`,
    );
  const rename = keepTitle === post.title ? [] : [await postWrite(ctx, post, { title: keepTitle })];
  const created = await createSroPost(ctx, { title: newTitle, holderUpn: input.newHolderUpn });
  const newId = itemId(created.id, "SRO post");
  const moves = actions.map((a) =>
    updateItem(
      "actions",
      itemId(a.action.id, "action"),
      a.etag,
      { SroPostId: newId },
      { SroPostId: itemId(post.id, "SRO post") },
    ),
  );
  try {
    await writeTogether(ctx.sp, [...rename, ...moves]);
  } catch (error) {
    await listOf(ctx.sp, "sroPosts").items.getById(newId).delete();
    const reason = causeOf(error);
    if (isDuplicateTitle(reason)) throw duplicateTitle(keepTitle);
    if (!isStaleETag(reason)) throw reason;
    if (rename.length > 0 && error instanceof WriteFailed && error.index === 0)
      return postConflict(ctx, post, reason);
    throw new ConflictError("action", null, reason);
  }
  return { kept: await loadSroPost(ctx, post.id), created: await loadSroPost(ctx, created.id) };
}

/** Posts nobody holds, and posts whose holder is no longer in the organisation's directory. */
export interface PostProblems {
  vacant: SroPostRecord[];
  holderLeft: SroPostRecord[];
}

/**
 * Which posts have no holder and which holders have left, asking `directory` once per holder (Graph's
 * /users/{upn}: see stillInDirectory in src/notify/directory.ts). Posts keep the order given.
 */
export async function postProblems(
  posts: readonly SroPostRecord[],
  directory: (upn: string) => Promise<boolean>,
): Promise<PostProblems> {
  const holders = [...new Set(posts.flatMap((p) => (p.holderUpn === null ? [] : [p.holderUpn])))];
  const present = new Map(
    await Promise.all(holders.map(async (upn) => [upn, await directory(upn)] as const)),
  );
  return {
    vacant: posts.filter((p) => p.holderUpn === null),
    holderLeft: posts.filter((p) => p.holderUpn !== null && present.get(p.holderUpn) === false),
  };
}
