// Carrying out a SyncPlan (import-changes.ts): five stages, each in $batches of up to 100 writes, each
// stage needing the ids the one before it made. The plan and site people; posts, periods and
// recommendations; actions (parents first, so milestones can point at them); changes to existing actions
// with their target-date revisions; progress updates. A batch part that fails stops the import after its
// batch: what was written stays, and running the import again reads it back and writes only the rest.
// A new plan is written first with ImportUnfinished set and cleared by one more write after the last stage,
// so that until then only coordinators see it (not SROs, viewers, reminders or figures); a run that
// finishes a stopped import clears it even when nothing else was left to write.
import type { SPFI } from "@pnp/sp";
import { z } from "../../lib/zod.ts";
import type { IsoDate } from "../../domain/index.ts";
import { inOneBatch, MAX_BATCH, settle } from "../core/batch.ts";
import { listOf, type DataContext } from "../core/context.ts";
import {
  actionColumns,
  actionTextColumns,
  importedDateChangeColumns,
  importFinishedColumns,
  latestColumns,
  periodColumns,
  periodOn,
  planColumns,
  postColumns,
  recommendationColumns,
  targetColumns,
  updateColumns,
} from "./columns.ts";
import { ImportInputError, type ActionEdit, type SyncPlan } from "./changes.ts";
import { addItem, updateItem } from "../core/writes.ts";
import type { ActionWrite } from "../schema/rows.ts";

export interface WriteOptions {
  /** Told after every batch: writes done so far, writes in all, and the stage being written. */
  onProgress?: ((done: number, total: number, stage: string) => void) | undefined;
  /** The reason recorded on target dates the import moves. */
  reason: string;
  /** The mapping saved with the plan; null leaves the plan's saved mapping as it is. */
  mappingJson: string | null;
  /** The day recorded on target-date revisions. */
  today: IsoDate;
}

/** The site ids of everything the plan now has, by ref (posts by title). */
export interface WrittenIds {
  planId: string;
  recommendationIds: Map<string, string>;
  actionIds: Map<string, string>;
  postIds: Map<string, string>;
}

/** Part of a batch failed; what was written before it is kept, and a second run finishes the import. */
export class ImportWriteError extends Error {
  override name = "ImportWriteError";
}

interface Op {
  /** What the write is, in the words of the error that reports it failing. */
  what: string;
  run: (sp: SPFI) => Promise<unknown>;
}

const withId = z.looseObject({ Id: z.int() });

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? text).slice(0, 300);
}

/** Runs the stages' writes in batches and reports progress. */
function stageRunner(ctx: DataContext, total: number, options: WriteOptions) {
  let done = 0;
  return async (stage: string, ops: readonly Op[]): Promise<unknown[]> => {
    const results: unknown[] = [];
    for (let start = 0; start < ops.length; start += MAX_BATCH) {
      const chunk = ops.slice(start, start + MAX_BATCH);
      const parts = await inOneBatch(ctx.sp, (sp) => chunk.map((op) => settle(op.run(sp))));
      const outcomes = await Promise.all(parts);
      const failed = outcomes.flatMap((o, i) =>
        o.ok ? [] : [{ what: chunk[i]?.what ?? "", error: o.error }],
      );
      const first = failed[0];
      if (first !== undefined)
        throw new ImportWriteError(
          `${String(failed.length)} of ${String(chunk.length)} writes failed while writing ${stage} (the first, ${first.what}: ${firstLine(first.error)}); everything written before is kept, so run the import again to finish it.`,
        );
      results.push(...outcomes.map((o) => (o.ok ? o.value : undefined)));
      done += chunk.length;
      options.onProgress?.(done, total, stage);
    }
    return results;
  };
}

function idOf(value: unknown): string {
  return String(z.int().parse(value));
}

/** The writes of each stage, counted before any is made so that progress has a total. */
function countWrites(plan: SyncPlan, upns: readonly string[], planWrite: boolean, finish: boolean): number {
  return (
    upns.length +
    (planWrite ? 1 : 0) +
    (finish ? 1 : 0) +
    plan.newPosts.length +
    plan.newPeriods.length +
    plan.newRecommendations.length +
    plan.recommendationEdits.length +
    plan.newActions.length +
    plan.actionEdits.length +
    plan.actionEdits.filter((e) => e.target?.record === true).length +
    plan.newUpdates.length
  );
}

/** Write what `plan` says is missing or changed; returns the ids of the whole plan and the writes made. */
export async function writeSync(
  ctx: DataContext,
  plan: SyncPlan,
  input: { plan: { referenceDate: IsoDate; overdueAfterMonths?: number } },
  options: WriteOptions,
): Promise<{ ids: WrittenIds; writes: number }> {
  const existing = plan.state.existing;
  const upns = [
    ...new Set(plan.newPosts.flatMap((p) => [p.holderUpn, p.delegateUpn ?? null].filter((u) => u !== null))),
  ].map((u) => u.toLowerCase());
  const saveMapping = options.mappingJson !== null && options.mappingJson !== existing?.mappingJson;
  const planWrite = existing === null || saveMapping;
  // Only a plan this import created, or one a stopped import left unfinished, is marked finished at the end.
  // An existing, finished plan updated from an edited file is never marked unfinished: that would hide a
  // live plan from its SROs, the reminders and the dashboard mid-quarter while the edits are written.
  const finish = existing === null || existing.plan.importUnfinished;
  const writes = countWrites(plan, upns, planWrite, finish);
  const run = stageRunner(ctx, writes, options);

  // 1. The plan (a new one is the import's first write, marked unfinished), and the people who hold new
  // posts, as site users (person columns hold their ids).
  const planOps: Op[] = [];
  if (existing === null)
    planOps.push({
      what: `plan "${plan.title}"`,
      run: (sp) =>
        addItem("plans", planColumns({ ...input.plan, title: plan.title }, options.mappingJson)).apply(sp),
    });
  else if (saveMapping)
    planOps.push({
      what: "the plan's saved mapping",
      run: (sp) =>
        listOf(sp, "plans")
          .items.getById(Number(existing.plan.id))
          .update({ ImportMapping: options.mappingJson }),
    });
  const people: Op[] = upns.map((upn) => ({
    what: `adding ${upn} to the site`,
    run: (sp) => sp.web.ensureUser(`i:0#.f|membership|${upn}`),
  }));
  const first = await run("people and the plan", [...planOps, ...people]);
  const userIds = new Map(upns.map((upn, i) => [upn, withId.parse(first[planOps.length + i]).Id]));
  const planId = existing === null ? Number(idOf(first[0])) : Number(existing.plan.id);
  const personId = (upn: string | null | undefined) =>
    upn == null ? null : (userIds.get(upn.toLowerCase()) ?? null);

  // 2. Posts, periods and recommendations: none depends on another.
  const second = await run("posts, periods and recommendations", [
    ...plan.newPosts.map((p) => ({
      what: `SRO post "${p.title}"`,
      run: (sp: SPFI) => addItem("sroPosts", postColumns(p, personId)).apply(sp),
    })),
    ...plan.newPeriods.map((p) => ({
      what: `period "${p.title}"`,
      run: (sp: SPFI) => addItem("reportingPeriods", periodColumns(p, planId)).apply(sp),
    })),
    ...plan.newRecommendations.map((r) => ({
      what: `recommendation ${r.ref}`,
      run: (sp: SPFI) => addItem("recommendations", recommendationColumns(r, planId)).apply(sp),
    })),
    ...plan.recommendationEdits.map((r) => ({
      what: `recommendation ${r.ref}`,
      run: (sp: SPFI) =>
        listOf(sp, "recommendations").items.getById(r.id).update({ Title: r.title, Details: r.description }),
    })),
  ]);
  const postIds = new Map(plan.state.posts.map((p) => [p.title, p.id]));
  plan.newPosts.forEach((p, i) => postIds.set(p.title, idOf(second[i])));
  const periods: { id: number; startsOn: IsoDate; reportDate: IsoDate }[] = (existing?.periods ?? []).map(
    (p) => ({ id: Number(p.id), startsOn: p.startsOn, reportDate: p.reportDate }),
  );
  plan.newPeriods.forEach((p, i) => {
    periods.push({ ...p, id: Number(idOf(second[plan.newPosts.length + i])) });
  });
  const recIds = new Map((existing?.recommendations ?? []).map((r) => [r.ref, r.id]));
  const recsAt = plan.newPosts.length + plan.newPeriods.length;
  plan.newRecommendations.forEach((r, i) => recIds.set(r.ref, idOf(second[recsAt + i])));

  const postId = (title: string | null) => {
    const id = title === null ? undefined : postIds.get(title);
    return id === undefined ? null : Number(id);
  };
  const actionIds = new Map((existing?.actions ?? []).map((r) => [r.action.ref, r.action.id]));
  const actionId = (ref: string | null | undefined) => {
    const id = ref == null ? undefined : actionIds.get(ref);
    return id === undefined ? null : Number(id);
  };

  // 3. New actions, a round per level: top-level actions first, then milestones of those, and so on.
  let pending = plan.newActions;
  while (pending.length > 0) {
    const ready = pending.filter(
      (x) => x.action.parentRef === undefined || actionIds.has(x.action.parentRef),
    );
    // Milestones that only point at each other can never be written: a file problem, not a site one.
    if (ready.length === 0)
      throw new ImportInputError(
        `Milestones ${pending.map((x) => x.action.ref).join(", ")} belong to each other in a circle; give each a parent action that exists.`,
      );
    pending = pending.filter((x) => !ready.includes(x));
    const added = await run(
      ready.some((x) => x.action.parentRef !== undefined) ? "milestones" : "actions",
      ready.map(({ action, recRef }) => ({
        what: `action ${action.ref}`,
        run: (sp: SPFI) =>
          addItem(
            "actions",
            actionColumns(
              action,
              {
                plan: planId,
                recommendation: Number(recIds.get(recRef)),
                parent: actionId(action.parentRef),
                post: postId(action.sroPost),
                period: action.update == null ? null : periodOn(periods, action.update.date),
              },
              plan.referenceDate,
            ),
          ).apply(sp),
      })),
    );
    ready.forEach((x, i) => actionIds.set(x.action.ref, idOf(added[i])));
  }

  // 4. Changes to actions already there, each target-date move recorded as an approved revision.
  const decidedBy = plan.actionEdits.some((e) => e.target?.record === true) ? await ctx.currentUserId() : 0;
  const editColumns = (edit: ActionEdit): ActionWrite => ({
    ...(edit.text === undefined ? {} : actionTextColumns(edit.text)),
    ...(edit.sroPost === undefined ? {} : { SroPostId: postId(edit.sroPost) }),
    ...(edit.target === undefined ? {} : targetColumns(edit.target.toText, plan.referenceDate)),
    ...(edit.parentRef === undefined ? {} : { ParentActionId: actionId(edit.parentRef) }),
    ...(edit.recRef === undefined ? {} : { RecommendationId: Number(recIds.get(edit.recRef)) }),
    ...(edit.latest === undefined ? {} : latestColumns(edit.latest, periodOn(periods, edit.latest.date))),
  });
  await run(
    "changes to actions",
    plan.actionEdits.flatMap((edit): Op[] => {
      const id = Number(edit.record.action.id);
      const revision: Op[] =
        edit.target?.record === true
          ? [
              {
                what: `the target date change of ${edit.ref}`,
                run: (sp) =>
                  addItem(
                    "targetDateChanges",
                    importedDateChangeColumns({
                      ref: edit.ref,
                      actionId: id,
                      planId,
                      from: edit.target?.from ?? edit.record.action.targetDate,
                      toText: edit.target?.toText ?? "",
                      referenceDate: plan.referenceDate,
                      reason: options.reason,
                      on: options.today,
                      decidedBy,
                    }),
                  ).apply(sp),
              },
            ]
          : [];
      return [
        ...revision,
        {
          what: `action ${edit.ref}`,
          run: (sp) => updateItem("actions", id, edit.record.etag, editColumns(edit), {}).apply(sp),
        },
      ];
    }),
  );

  // 5. Progress updates, now that every action has its id.
  await run(
    "progress updates",
    plan.newUpdates.map(({ ref, update }) => ({
      what: `the update of ${ref} on ${update.date}`,
      run: (sp: SPFI) =>
        addItem(
          "progressUpdates",
          updateColumns(ref, update, {
            action: Number(actionIds.get(ref)),
            plan: planId,
            period: periodOn(periods, update.date),
          }),
        ).apply(sp),
    })),
  );

  // 6. Last, and only once everything else is written: the plan is whole, so everyone may see it.
  if (finish)
    await run("the finished plan", [
      {
        what: `plan "${plan.title}" marked finished`,
        run: (sp) => listOf(sp, "plans").items.getById(planId).update(importFinishedColumns()),
      },
    ]);

  return { ids: { planId: String(planId), recommendationIds: recIds, actionIds, postIds }, writes };
}
