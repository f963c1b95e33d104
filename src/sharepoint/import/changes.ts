// What an import would do to a site, worked out without I/O from the plan to import and what the site holds
// (import-existing.ts): items to create, fields to change, items left alone, and items that are on the site
// but no longer in the file. Everything is matched by ref (posts by title, updates by action, date and
// text), so running the same file again finds nothing to do, and a run that stopped half-way is finished.
// Nothing is ever deleted: an action missing from the file may have been dropped by mistake, and its
// updates and date history are the council's record.
import type { IsoDate, ProgressUpdate, TargetDate } from "../../domain/index.ts";
import type {
  ImportAction,
  ImportPeriod,
  ImportPost,
  ImportUpdate,
  PlanImport,
} from "../../import/plan-shape.ts";
import type { ExistingPlan, SiteState } from "./existing.ts";
import type { ActionRecord } from "../schema/records.ts";

export type ItemKind = "recommendation" | "action" | "milestone";
export type ChangedField =
  "title" | "description" | "text" | "sroPost" | "targetDate" | "parent" | "recommendation";

/** One field of one item that the import changes. */
export interface FieldChange {
  kind: ItemKind;
  ref: string;
  field: ChangedField;
  from: string | null;
  to: string | null;
}

/** What an import creates, changes, leaves alone and finds missing from the file, by ref. */
export interface ImportChanges {
  /** Posts by title, periods by title, updates as "<action ref> <date>". */
  created: {
    posts: string[];
    periods: string[];
    recommendations: string[];
    actions: string[];
    milestones: string[];
    updates: string[];
  };
  changed: FieldChange[];
  unchanged: { posts: number; recommendations: number; actions: number; milestones: number; updates: number };
  /** On the site but not in the file: listed, never deleted. */
  disappeared: { recommendations: string[]; actions: string[]; milestones: string[] };
  /** Items created plus fields changed: 0 when the site already matches the file. */
  total: number;
}

export type ImportRecommendation = PlanImport["recommendations"][number];

export interface NewAction {
  action: ImportAction;
  recRef: string;
}

/** An existing action's columns to change; refs and post titles become ids when it is written. */
export interface ActionEdit {
  record: ActionRecord;
  ref: string;
  text?: string;
  sroPost?: string | null;
  parentRef?: string | null;
  recRef?: string;
  /** `record` is false when an earlier run already recorded this very change (and then stopped). */
  target?: { from: TargetDate; toText: string; record: boolean };
  /** The file's update is the action's newest: copy it onto the action. */
  latest?: ImportUpdate;
}

/** Everything an import writes, in terms of the input and the site as read. */
export interface SyncPlan {
  title: string;
  referenceDate: IsoDate;
  state: SiteState;
  newPosts: ImportPost[];
  newPeriods: ImportPeriod[];
  newRecommendations: ImportRecommendation[];
  recommendationEdits: { id: number; ref: string; title: string; description: string }[];
  newActions: NewAction[];
  actionEdits: ActionEdit[];
  newUpdates: { ref: string; update: ImportUpdate }[];
  changes: ImportChanges;
}

/** The plan to import cannot be written as it is (two actions share a number, say). */
export class ImportInputError extends Error {
  override name = "ImportInputError";
}

const TITLE_LENGTH = 255;

function assertUnique(refs: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref))
      throw new ImportInputError(`${what} ${ref} appears twice in the plan; give each its own number.`);
    seen.add(ref);
  }
}

/** Every post the plan names: its own list, plus any SRO post an action names that the list left out. */
function postsNamed(input: PlanImport): ImportPost[] {
  const posts = new Map(input.posts.map((p) => [p.title, p]));
  for (const r of input.recommendations)
    for (const a of r.actions)
      if (a.sroPost !== null && !posts.has(a.sroPost))
        posts.set(a.sroPost, { title: a.sroPost, holderUpn: null });
  return [...posts.values()];
}

function updateKey(date: string, text: string): string {
  return `${date}\n${text}`;
}

interface Lookups {
  actionsByRef: Map<string, ActionRecord>;
  refOfAction: Map<string, string>;
  refOfRecommendation: Map<string, string>;
  updatesOf: Map<string, ProgressUpdate[]>;
}

function lookups(existing: ExistingPlan | null): Lookups {
  const actions = existing?.actions ?? [];
  const updatesOf = new Map<string, ProgressUpdate[]>();
  for (const u of existing?.updates ?? [])
    updatesOf.set(u.actionId, [...(updatesOf.get(u.actionId) ?? []), u]);
  return {
    // The first of any duplicate refs (added by hand in SharePoint) is the one the import keeps up to date.
    actionsByRef: new Map([...actions].reverse().map((r) => [r.action.ref, r])),
    refOfAction: new Map(actions.map((r) => [r.action.id, r.action.ref])),
    refOfRecommendation: new Map((existing?.recommendations ?? []).map((r) => [r.id, r.ref])),
    updatesOf,
  };
}

/** Compare one action of the file with the site's; the edit is null when nothing differs. */
function editOf(
  action: ImportAction,
  recRef: string,
  record: ActionRecord,
  found: Lookups,
  changed: FieldChange[],
  alreadyRecorded: (record: ActionRecord, toText: string) => boolean,
): ActionEdit | null {
  const kind: ItemKind = action.parentRef === undefined ? "action" : "milestone";
  const edit: ActionEdit = { record, ref: action.ref };
  const note = (field: ChangedField, from: string | null, to: string | null) => {
    changed.push({ kind, ref: action.ref, field, from, to });
  };
  const current = record.action;
  if (current.text !== action.text) {
    edit.text = action.text;
    note("text", current.text, action.text);
  }
  if (current.sroPost !== action.sroPost) {
    edit.sroPost = action.sroPost;
    note("sroPost", current.sroPost, action.sroPost);
  }
  if (current.targetDate.text !== action.targetDateText) {
    const record_ = !alreadyRecorded(record, action.targetDateText);
    edit.target = { from: current.targetDate, toText: action.targetDateText, record: record_ };
    note("targetDate", current.targetDate.text, action.targetDateText);
  }
  const parentNow = current.parentId === undefined ? null : (found.refOfAction.get(current.parentId) ?? null);
  const parentWanted = action.parentRef ?? null;
  if (parentNow !== parentWanted) {
    edit.parentRef = parentWanted;
    note("parent", parentNow, parentWanted);
  }
  const recNow = found.refOfRecommendation.get(current.recommendationId) ?? null;
  if (recNow !== recRef) {
    edit.recRef = recRef;
    note("recommendation", recNow, recRef);
  }
  return Object.keys(edit).length > 2 ? edit : null;
}

/** Changes that change nothing (the report of an import that could not be worked out). */
export function noChanges(): ImportChanges {
  return {
    created: { posts: [], periods: [], recommendations: [], actions: [], milestones: [], updates: [] },
    changed: [],
    unchanged: { posts: 0, recommendations: 0, actions: 0, milestones: 0, updates: 0 },
    disappeared: { recommendations: [], actions: [], milestones: [] },
    total: 0,
  };
}

/** Work out what importing `input` into the site as read would write. */
export function planSync(input: PlanImport, state: SiteState, reason: string): SyncPlan {
  const all = input.recommendations.flatMap((r) => r.actions.map((action) => ({ action, recRef: r.ref })));
  assertUnique(
    input.recommendations.map((r) => r.ref),
    "Recommendation",
  );
  assertUnique(
    all.map((x) => x.action.ref),
    "Action",
  );
  const existing = state.existing;
  const found = lookups(existing);
  const inFile = new Set(all.map((x) => x.action.ref));
  for (const { action } of all) {
    const parent = action.parentRef;
    if (parent !== undefined && !inFile.has(parent) && !found.actionsByRef.has(parent))
      throw new ImportInputError(
        `Milestone ${action.ref} belongs to action ${parent}, which is neither in the plan nor on the site.`,
      );
  }
  const changes = noChanges();

  const sitePosts = new Set(state.posts.map((p) => p.title));
  const newPosts = postsNamed(input).filter((p) => !sitePosts.has(p.title));
  changes.created.posts = newPosts.map((p) => p.title);
  changes.unchanged.posts = postsNamed(input).length - newPosts.length;

  const sitePeriods = new Set((existing?.periods ?? []).map((p) => p.title));
  const newPeriods = (input.periods ?? []).filter((p) => !sitePeriods.has(p.title));
  changes.created.periods = newPeriods.map((p) => p.title);

  const siteRecs = new Map((existing?.recommendations ?? []).map((r) => [r.ref, r]));
  const newRecommendations: ImportRecommendation[] = [];
  const recommendationEdits: SyncPlan["recommendationEdits"] = [];
  for (const rec of input.recommendations) {
    const onSite = siteRecs.get(rec.ref);
    if (onSite === undefined) {
      newRecommendations.push(rec);
      continue;
    }
    const title = rec.title.slice(0, TITLE_LENGTH);
    const before = changes.changed.length;
    if (onSite.title !== title)
      changes.changed.push({
        kind: "recommendation",
        ref: rec.ref,
        field: "title",
        from: onSite.title,
        to: title,
      });
    if (onSite.description !== rec.description)
      changes.changed.push({
        kind: "recommendation",
        ref: rec.ref,
        field: "description",
        from: onSite.description,
        to: rec.description,
      });
    if (changes.changed.length > before)
      recommendationEdits.push({ id: Number(onSite.id), ref: rec.ref, title, description: rec.description });
    else changes.unchanged.recommendations++;
  }
  changes.created.recommendations = newRecommendations.map((r) => r.ref);

  // A date change an earlier run of the same import recorded before it stopped is not recorded twice.
  const alreadyRecorded = (record: ActionRecord, toText: string) =>
    (existing?.dateChanges ?? []).some(
      (c) =>
        c.actionId === record.action.id &&
        c.status === "approved" &&
        c.reason === reason &&
        c.from.text === record.action.targetDate.text &&
        c.to.text === toText,
    );
  const newActions: NewAction[] = [];
  const actionEdits: ActionEdit[] = [];
  const newUpdates: SyncPlan["newUpdates"] = [];
  for (const { action, recRef } of all) {
    const kind = action.parentRef === undefined ? "actions" : "milestones";
    const record = found.actionsByRef.get(action.ref);
    const update = action.update ?? null;
    if (record === undefined) {
      newActions.push({ action, recRef });
      changes.created[kind].push(action.ref);
      if (update !== null) newUpdates.push({ ref: action.ref, update });
      continue;
    }
    let edit = editOf(action, recRef, record, found, changes.changed, alreadyRecorded);
    if (edit === null) changes.unchanged[kind]++;
    if (update !== null) {
      const have = found.updatesOf.get(record.action.id) ?? [];
      if (have.some((u) => updateKey(u.date, u.text) === updateKey(update.date, update.text))) {
        changes.unchanged.updates++;
      } else {
        newUpdates.push({ ref: action.ref, update });
        const newest = [record.latest?.date, ...have.map((u) => u.date)].every(
          (d) => d === undefined || d <= update.date,
        );
        if (newest) edit = { ...(edit ?? { record, ref: action.ref }), latest: update };
      }
    }
    if (edit !== null) actionEdits.push(edit);
  }
  changes.created.updates = newUpdates.map((u) => `${u.ref} ${u.update.date}`);

  for (const r of existing?.actions ?? [])
    if (!inFile.has(r.action.ref))
      changes.disappeared[r.action.parentId === undefined ? "actions" : "milestones"].push(r.action.ref);
  const recsInFile = new Set(input.recommendations.map((r) => r.ref));
  changes.disappeared.recommendations = (existing?.recommendations ?? [])
    .map((r) => r.ref)
    .filter((ref) => !recsInFile.has(ref));

  const created = Object.values(changes.created).reduce((n, list) => n + list.length, 0);
  changes.total = created + changes.changed.length;
  return {
    title: existing?.plan.title ?? input.plan.title,
    referenceDate: existing?.plan.referenceDate ?? input.plan.referenceDate,
    state,
    newPosts,
    newPeriods,
    newRecommendations,
    recommendationEdits,
    newActions,
    actionEdits,
    newUpdates,
    changes,
  };
}
