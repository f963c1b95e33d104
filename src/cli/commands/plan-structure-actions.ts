// `actionplan plan action …`: add, edit, move, reorder, make a milestone and back, retire and reinstate an
// action or milestone, revise its target date with a reason, and show its change history in words.
import { z } from "zod";
import { formatUkDate, sortActions, type IsoDate } from "../../domain/index.ts";
import { londonDate } from "../../lib/clock.ts";
import { loadChangeHistory } from "../../sharepoint/actions/index.ts";
import {
  addAction,
  makeAction,
  makeMilestone,
  moveAction,
  reinstateAction,
  reorder,
  retireAction,
  reviseTargetDate,
  updateAction,
} from "../../sharepoint/plans/index.ts";
import type { ActionRecord } from "../../sharepoint/schema/index.ts";
import { type OptionSpec, UsageError, type Command } from "../command.ts";
import { isoDateOption, todayFor } from "../site.ts";
import {
  actionJson,
  describeAction,
  findAction,
  findPost,
  findRecommendation,
  orderOption,
  structureCommand,
  type Structure,
} from "./plan-structure-find.ts";

const text = (message: string) => z.string().trim().min(1, message);
const actionSpec = {
  type: "string",
  value: "NUMBER|ID",
  help: "the action or milestone, e.g. 2.1",
} as const satisfies OptionSpec;
const actionOption = text("name the action by its number, e.g. 2.1");

function print(record: ActionRecord, json: boolean, said: string, s: Structure): void {
  if (json) console.log(JSON.stringify(actionJson(record), null, 2));
  else console.log(`${said} ${describeAction(record, s)}.`);
}

async function dayOf(site: string, on: string | undefined): Promise<IsoDate> {
  return (on ?? (await todayFor(site))) as IsoDate;
}

const addCommand = structureCommand({
  group: "action",
  name: "add",
  summary: "add an action to a recommendation, or a milestone to an action",
  usage:
    "--rec <number> --ref <number> --text <text> [--target <date as written>]\n                              [--sro-post <id or title>] [--milestone-of <number>] ",
  about:
    "Adds an action at the end of a recommendation's actions (or, with --milestone-of, a milestone at the end\nof an action's). Its target date is kept as written and as its baseline.",
  options: {
    rec: {
      type: "string",
      value: "NUMBER|ID",
      help: "the recommendation (for a milestone: its action's, which is the default)",
    },
    ref: { type: "string", value: "NUMBER", help: "its number, e.g. 2.4 or 2.4.1" },
    text: { type: "string", value: "TEXT", help: "what the action is" },
    target: {
      type: "string",
      value: "DATE",
      help: `the target date as the plan writes it: "March 2025", "Sept-24", "TBC"`,
    },
    "sro-post": {
      type: "string",
      value: "ID|TITLE",
      help: "the SRO post that owns it (see `actionplan post list`)",
    },
    "milestone-of": { type: "string", value: "NUMBER|ID", help: "make it a milestone of this action" },
  },
  schema: z.object({
    rec: text("name the recommendation by its number").optional(),
    ref: text("give its number, e.g. 2.4"),
    text: text("say what the action is"),
    target: z.string().default(""),
    "sro-post": z.string().optional(),
    "milestone-of": text("name the action by its number").optional(),
  }),
  doing: "add actions",
  run: async (ctx, s, o) => {
    const parent = o["milestone-of"] === undefined ? null : await findAction(ctx, s, o["milestone-of"]);
    if (o.rec === undefined && parent === null) throw new UsageError("say which recommendation: --rec");
    const recommendationId =
      o.rec === undefined ? (parent?.action.recommendationId ?? "") : findRecommendation(s, o.rec).id;
    const added = await addAction(ctx, {
      planId: s.plan.id,
      recommendationId,
      parentId: parent?.action.id ?? null,
      ref: o.ref,
      text: o.text,
      sroPostId: o["sro-post"] === undefined ? null : findPost(s, o["sro-post"]),
      targetDateText: o.target,
    });
    print(added, o.json, "Added", { ...s, actions: [...s.actions, added] });
  },
});

const editCommand = structureCommand({
  group: "action",
  name: "edit",
  summary: "change an action's number, text or SRO post",
  usage: "--action <number> [--ref <number>] [--text <text>] [--sro-post <id, title or none>] ",
  about: "Changes what is given. To change the target date, use `plan action revise` (it keeps the reason).",
  options: {
    action: actionSpec,
    ref: { type: "string", value: "NUMBER", help: "its new number" },
    text: { type: "string", value: "TEXT", help: "its new text" },
    "sro-post": { type: "string", value: "ID|TITLE|none", help: "the SRO post that owns it now" },
  },
  schema: z.object({
    action: actionOption,
    ref: text("give the new number").optional(),
    text: text("give the new text").optional(),
    "sro-post": text("name the post, or none").optional(),
  }),
  doing: "change actions",
  run: async (ctx, s, o) => {
    const record = await findAction(ctx, s, o.action);
    const changes = {
      ...(o.ref === undefined ? {} : { ref: o.ref }),
      ...(o.text === undefined ? {} : { text: o.text }),
      ...(o["sro-post"] === undefined ? {} : { sroPostId: findPost(s, o["sro-post"]) }),
    };
    if (Object.keys(changes).length === 0)
      throw new UsageError("say what to change: --ref, --text or --sro-post");
    print(await updateAction(ctx, record, changes), o.json, "Changed", s);
  },
});

const moveCommand = structureCommand({
  group: "action",
  name: "move",
  summary: "move an action, with its milestones, to another recommendation",
  usage: "--action <number> --to-rec <number> ",
  about: "Moves an action and its milestones to the end of another recommendation's actions.",
  options: {
    action: actionSpec,
    "to-rec": { type: "string", value: "NUMBER|ID", help: "the recommendation it moves to" },
  },
  schema: z.object({ action: actionOption, "to-rec": text("name the recommendation by its number") }),
  doing: "move actions",
  run: async (ctx, s, o) => {
    const record = await findAction(ctx, s, o.action);
    const moved = await moveAction(ctx, record, findRecommendation(s, o["to-rec"]).id);
    print(moved, o.json, "Moved", s);
  },
});

const reorderCommand = structureCommand({
  group: "action",
  name: "reorder",
  summary: "put a recommendation's actions (or an action's milestones) in a new order",
  usage: "(--rec <number> | --milestones-of <number>) --order <n,n,…> ",
  about:
    "Puts the actions given first, in that order; the others follow in theirs. Numbers stay as they are.",
  options: {
    rec: { type: "string", value: "NUMBER|ID", help: "order this recommendation's actions" },
    "milestones-of": { type: "string", value: "NUMBER|ID", help: "or order this action's milestones" },
    order: { type: "string", value: "N,N,…", help: `their numbers in the new order, e.g. "2.2,2.1"` },
  },
  schema: z.object({
    rec: text("name the recommendation").optional(),
    "milestones-of": text("name the action").optional(),
    order: orderOption,
  }),
  doing: "reorder actions",
  run: async (ctx, s, o) => {
    const parent = o["milestones-of"] === undefined ? null : await findAction(ctx, s, o["milestones-of"]);
    if ((o.rec === undefined) === (parent === null))
      throw new UsageError("give either --rec or --milestones-of");
    const rec = o.rec === undefined ? null : findRecommendation(s, o.rec);
    const siblings = sortActions(
      s.actions.filter((a) =>
        parent === null
          ? a.action.recommendationId === rec?.id && a.action.parentId === undefined
          : a.action.parentId === parent.action.id,
      ),
    );
    const named = o.order.map((key) => {
      const found = siblings.find(
        (a) => a.action.ref.toLowerCase() === key.toLowerCase() || a.action.id === key,
      );
      if (found === undefined)
        throw new UsageError(`${key} is not one of them (${siblings.map((a) => a.action.ref).join(", ")})`);
      return found;
    });
    const order = [...named, ...siblings.filter((a) => !named.includes(a))];
    await reorder(
      ctx,
      "actions",
      order.map((a) => a.action.id),
    );
    const refs = order.map((a) => a.action.ref);
    if (o.json) console.log(JSON.stringify({ order: refs }, null, 2));
    else console.log(`Now in the order ${refs.join(", ")}.`);
  },
});

const milestoneCommand = structureCommand({
  group: "action",
  name: "milestone",
  summary: "make an action a milestone of another action",
  usage: "--action <number> --of <number> ",
  about: "Makes an action (with no milestones of its own) a milestone of another action of the plan.",
  options: {
    action: actionSpec,
    of: { type: "string", value: "NUMBER|ID", help: "the action it becomes a milestone of" },
  },
  schema: z.object({ action: actionOption, of: text("name the action it becomes a milestone of") }),
  doing: "change actions",
  run: async (ctx, s, o) => {
    const record = await findAction(ctx, s, o.action);
    const parent = await findAction(ctx, s, o.of);
    print(await makeMilestone(ctx, record, parent.action.id), o.json, "Made", s);
  },
});

const unmilestoneCommand = structureCommand({
  group: "action",
  name: "unmilestone",
  summary: "make a milestone an action again",
  usage: "--action <number> ",
  about: "Makes a milestone an action of its action's recommendation again.",
  options: { action: actionSpec },
  schema: z.object({ action: actionOption }),
  doing: "change actions",
  run: async (ctx, s, o) => {
    print(await makeAction(ctx, await findAction(ctx, s, o.action)), o.json, "Made", s);
  },
});

const retireCommand = structureCommand({
  group: "action",
  name: "retire",
  summary: "withdraw an action, with a reason (it is kept and reported as withdrawn)",
  usage: "--action <number> --reason <text> [--on YYYY-MM-DD] ",
  about:
    "Withdraws an action: nothing is deleted; from that day it is reported as withdrawn, leaves the status\nfigures and is no longer chased. `plan action reinstate` brings it back.",
  options: {
    action: actionSpec,
    reason: { type: "string", value: "TEXT", help: "why it is withdrawn" },
    on: { type: "string", value: "DATE", help: "the day it is withdrawn (default today)" },
  },
  schema: z.object({
    action: actionOption,
    reason: text("give a reason"),
    on: isoDateOption.optional(),
  }),
  doing: "withdraw actions",
  run: async (ctx, s, o) => {
    const record = await findAction(ctx, s, o.action);
    print(await retireAction(ctx, record, o.reason, await dayOf(o.site, o.on)), o.json, "Withdrew", s);
  },
});

const reinstateCommand = structureCommand({
  group: "action",
  name: "reinstate",
  summary: "bring a withdrawn action back",
  usage: "--action <number> ",
  about: "Brings a withdrawn action back into the figures and the reminders.",
  options: { action: actionSpec },
  schema: z.object({ action: actionOption }),
  doing: "reinstate actions",
  run: async (ctx, s, o) => {
    print(await reinstateAction(ctx, await findAction(ctx, s, o.action)), o.json, "Reinstated", s);
  },
});

const reviseCommand = structureCommand({
  group: "action",
  name: "revise",
  summary: "change an action's target date, with a reason (kept in its target date history)",
  usage: "--action <number> --target <date as written> --reason <text> [--on YYYY-MM-DD] ",
  about:
    "Changes the target date as a revision decided by you, with the reason, as an approved request is:\nthe dashboard counts it among target dates moved.",
  options: {
    action: actionSpec,
    target: { type: "string", value: "DATE", help: `the new target date as written: "June 2025", "Sept-25"` },
    reason: { type: "string", value: "TEXT", help: "why it moves" },
    on: { type: "string", value: "DATE", help: "the day of the decision (default today)" },
  },
  schema: z.object({
    action: actionOption,
    target: text("give the new target date"),
    reason: text("give a reason"),
    on: isoDateOption.optional(),
  }),
  doing: "change target dates",
  run: async (ctx, s, o) => {
    const record = await findAction(ctx, s, o.action);
    const on = await dayOf(o.site, o.on);
    print(await reviseTargetDate(ctx, record, o.target, o.reason, on), o.json, "Revised", s);
  },
});

const historyCommand = structureCommand({
  group: "action",
  name: "history",
  summary: "show an action's changes in words, newest first",
  usage: "--action <number> [--limit N] [--older-than <version>] ",
  about: "Shows who changed the action, when, and what changed (from SharePoint's versions of it).",
  options: {
    action: actionSpec,
    limit: { type: "string", value: "N", help: "at most N changes (default 50)" },
    "older-than": {
      type: "string",
      value: "VERSION",
      help: "the changes before this version (the last one shown), for the next page",
    },
  },
  schema: z.object({
    action: actionOption,
    limit: z.coerce.number().int().min(1).max(500).default(50),
    "older-than": z
      .string()
      .regex(/^\d+\.\d+$/, "is a version such as 3.0")
      .optional(),
  }),
  doing: "read actions",
  run: async (ctx, s, o) => {
    const record = await findAction(ctx, s, o.action);
    const entries = await loadChangeHistory(ctx, record.action.id, {
      limit: o.limit,
      ...(o["older-than"] === undefined ? {} : { olderThan: o["older-than"] }),
    });
    if (o.json) {
      console.log(
        JSON.stringify(
          { action: { id: record.action.id, ref: record.action.ref }, changes: entries },
          null,
          2,
        ),
      );
      return;
    }
    console.log(
      `Changes to ${record.action.parentId === undefined ? "action" : "milestone"} ${record.action.ref}, newest first:`,
    );
    if (entries.length === 0) console.log("  none recorded");
    for (const e of entries) {
      // In London time, as the council reads it.
      const at = new Date(e.when);
      const time = at.toLocaleTimeString("en-GB", {
        timeZone: "Europe/London",
        hour: "2-digit",
        minute: "2-digit",
      });
      console.log(
        `  ${formatUkDate(londonDate(at) as IsoDate)} ${time}  ${e.who}: ${e.what}  [v${e.version}]`,
      );
    }
    if (entries.length === o.limit)
      console.log(`  (more: add --older-than ${entries[entries.length - 1]?.version ?? ""})`);
  },
});

export const actionSubcommands: Command[] = [
  addCommand,
  editCommand,
  moveCommand,
  reorderCommand,
  milestoneCommand,
  unmilestoneCommand,
  retireCommand,
  reinstateCommand,
  reviseCommand,
  historyCommand,
];
