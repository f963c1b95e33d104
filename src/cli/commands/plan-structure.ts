// `actionplan plan rec …` and `actionplan plan action …`: a coordinator edits a plan's structure. The
// recommendations' commands are here; the actions' are in plan-structure-actions.ts. `plan.ts` dispatches
// to `structureSubcommands`.
import { z } from "zod";
import { addRecommendation, reorder, updateRecommendation } from "../../sharepoint/plans/index.ts";
import { dispatcher } from "../admin.ts";
import { UsageError, type Command } from "../command.ts";
import { actionSubcommands } from "./plan-structure-actions.ts";
import {
  describeAction,
  describeRecommendation,
  findRecommendation,
  orderOption,
  structureCommand,
  type Structure,
} from "./plan-structure-find.ts";

const text = (message: string) => z.string().trim().min(1, message);

function printTree(s: Structure): void {
  console.log(`Plan ${s.plan.id} "${s.plan.title}":`);
  if (s.recommendations.length === 0) console.log("  no recommendations yet");
  for (const rec of s.recommendations) {
    console.log(`  ${describeRecommendation(rec)}`);
    for (const a of s.actions.filter(
      (x) => x.action.recommendationId === rec.id && x.action.parentId === undefined,
    )) {
      console.log(`    ${describeAction(a)}`);
      for (const m of s.actions.filter((x) => x.action.parentId === a.action.id))
        console.log(`      ${describeAction(m)}`);
    }
  }
}

const listCommand = structureCommand({
  group: "rec",
  name: "list",
  summary: "show the plan's recommendations, actions and milestones, in order, with their ids",
  usage: "",
  about: "Shows the plan's structure in its order: each recommendation, its actions and their milestones.",
  options: {},
  schema: z.object({}),
  doing: "read plans",
  run: (_ctx, s, options) => {
    if (options.json)
      console.log(
        JSON.stringify(
          {
            plan: { id: s.plan.id, title: s.plan.title },
            recommendations: s.recommendations,
            actions: s.actions.map((a) => a.action),
          },
          null,
          2,
        ),
      );
    else printTree(s);
    return Promise.resolve();
  },
});

const addCommand = structureCommand({
  group: "rec",
  name: "add",
  summary: "add a recommendation at the end of the plan",
  usage: "--ref <number> --title <title> [--details <text>] ",
  about: "Adds a recommendation (a numbered heading: theme, priority area) at the end of the plan.",
  options: {
    ref: {
      type: "string",
      value: "NUMBER",
      help: "its number as the plan writes it, e.g. 19 or 3a (unique in the plan)",
    },
    title: { type: "string", value: "TITLE", help: "its heading" },
    details: { type: "string", value: "TEXT", help: "what the review said (optional)" },
  },
  schema: z.object({
    ref: text("give its number, e.g. 19"),
    title: text("give its title"),
    details: z.string().default(""),
  }),
  doing: "add recommendations",
  run: async (ctx, s, options) => {
    const rec = await addRecommendation(ctx, {
      planId: s.plan.id,
      ref: options.ref,
      title: options.title,
      details: options.details,
    });
    if (options.json) console.log(JSON.stringify(rec, null, 2));
    else console.log(`Added ${describeRecommendation(rec)} to plan "${s.plan.title}".`);
  },
});

const editCommand = structureCommand({
  group: "rec",
  name: "edit",
  summary: "change a recommendation's number, title or details",
  usage: "--rec <number> [--ref <number>] [--title <title>] [--details <text>] ",
  about: "Changes what is given; the recommendation's actions stay with it.",
  options: {
    rec: { type: "string", value: "NUMBER|ID", help: "the recommendation to change" },
    ref: { type: "string", value: "NUMBER", help: "its new number" },
    title: { type: "string", value: "TITLE", help: "its new title" },
    details: { type: "string", value: "TEXT", help: "its new details" },
  },
  schema: z.object({
    rec: text("name the recommendation by its number"),
    ref: text("give the new number").optional(),
    title: text("give the new title").optional(),
    details: z.string().optional(),
  }),
  doing: "change recommendations",
  run: async (ctx, s, options) => {
    const rec = findRecommendation(s, options.rec);
    const changes = {
      ...(options.ref === undefined ? {} : { ref: options.ref }),
      ...(options.title === undefined ? {} : { title: options.title }),
      ...(options.details === undefined ? {} : { details: options.details }),
    };
    if (Object.keys(changes).length === 0)
      throw new UsageError("say what to change: --ref, --title or --details");
    const changed = await updateRecommendation(ctx, rec, changes);
    if (options.json) console.log(JSON.stringify(changed, null, 2));
    else console.log(`Changed ${describeRecommendation(changed)}.`);
  },
});

const reorderCommand = structureCommand({
  group: "rec",
  name: "reorder",
  summary: "put the plan's recommendations in a new order",
  usage: "--order <n,n,…> ",
  about:
    "Puts the recommendations in the order given (those left out follow, in their order). Their numbers\nstay as they are; renumber with `plan rec edit --ref`.",
  options: {
    order: {
      type: "string",
      value: "N,N,…",
      help: `the recommendations' numbers in their new order, e.g. "2,1,3"`,
    },
  },
  schema: z.object({ order: orderOption }),
  doing: "reorder recommendations",
  run: async (ctx, s, options) => {
    const named = options.order.map((key) => findRecommendation(s, key));
    const rest = s.recommendations.filter((r) => !named.includes(r));
    await reorder(
      ctx,
      "recommendations",
      [...named, ...rest].map((r) => r.id),
    );
    const order = [...named, ...rest].map((r) => r.ref);
    if (options.json) console.log(JSON.stringify({ order }, null, 2));
    else console.log(`Plan "${s.plan.title}" now lists its recommendations as ${order.join(", ")}.`);
  },
});

const recCommand = dispatcher({
  name: "plan rec",
  summary: "list, add, edit and reorder a plan's recommendations",
  intro:
    "A plan's recommendations (numbered headings). Only the site's coordinators (its Owners) can change them.",
  subcommands: () => [listCommand, addCommand, editCommand, reorderCommand],
});

const actionCommand = dispatcher({
  name: "plan action",
  summary: "add, edit, move, reorder, retire an action or milestone; revise its date; its history",
  intro:
    "A plan's actions and milestones, named by their number (e.g. 2.1) or id. Only the site's coordinators\n(its Owners) can change them.",
  subcommands: () => actionSubcommands,
});

/** `plan rec …` and `plan action …`, dispatched by `actionplan plan`. */
export const structureSubcommands: Command[] = [named("rec", recCommand), named("action", actionCommand)];

// The dispatcher says "actionplan plan rec" in its help; `plan` finds it by the word "rec".
function named(word: string, command: Command): Command {
  return {
    name: word,
    summary: command.summary,
    get help() {
      return command.help;
    },
    handlesHelp: true,
    run: (argv) => command.run(argv),
  };
}
