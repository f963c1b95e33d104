// `actionplan post …`: the SRO posts a coordinator keeps: list them (with the vacant ones and holders who have
// left the directory), create, rename, give to a new holder, set or end a delegate's cover, and split a post
// written as two into two.
import { z } from "zod";
import { formatUkDate, type IsoDate } from "../../domain/index.ts";
import { stillInDirectory } from "../../notify/directory.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import { loadDashboard, type SroPostRecord } from "../../sharepoint/plans/index.ts";
import {
  createSroPost,
  loadSroPosts,
  postProblems,
  splitSroPost,
  updateSroPost,
  type SroPostChanges,
} from "../../sharepoint/posts/index.ts";
import { dispatcher, findPlan, reportAdminFailure } from "../admin.ts";
import {
  type Command,
  defineCommand,
  optionsHelp,
  type OptionSpec,
  type OptionSpecs,
  UsageError,
} from "../command.ts";
import { asSpec, siteSpec } from "../common-options.ts";
import { connect, isoDateOption, reportSkipped, siteSchema } from "../site.ts";
import { directoryClient } from "./import-directory.ts";

const postSpec = {
  type: "string",
  value: "ID|TITLE",
  help: "the post, by its id (see `actionplan post list`) or its title",
} as const satisfies OptionSpec;

/** The site's options, with --json printing `json`. */
function siteSpecs(json: readonly string[]) {
  return { site: siteSpec, as: asSpec, json: { type: "boolean", help: json } } as const satisfies OptionSpecs;
}
const postSiteSpecs = siteSpecs([
  "print the post as JSON: { id, title, holder: { upn, name } | null,",
  "delegate: { upn, from, to } | null }",
]);

const upnOption = z.email("is a person's sign-in name, e.g. sam.jones@council.gov.uk").toLowerCase();

function shown(post: SroPostRecord) {
  return {
    id: post.id,
    title: post.title,
    holder: post.holderUpn === null ? null : { upn: post.holderUpn, name: post.holderName },
    delegate:
      post.delegateUpn === null
        ? null
        : { upn: post.delegateUpn, from: post.delegateFrom, to: post.delegateTo },
  };
}

function describePost(post: SroPostRecord): string {
  const holder =
    post.holderUpn === null ? "vacant" : `held by ${post.holderName ?? post.holderUpn} <${post.holderUpn}>`;
  const cover =
    post.delegateUpn === null
      ? ""
      : `; covered by ${post.delegateUpn}${post.delegateFrom === null ? "" : ` from ${formatUkDate(post.delegateFrom)}`}${post.delegateTo === null ? " until further notice" : ` to ${formatUkDate(post.delegateTo)}`}`;
  return `${post.id.padStart(4)}  ${post.title}: ${holder}${cover}`;
}

function printPost(post: SroPostRecord, json: boolean, said: string): void {
  if (json) console.log(JSON.stringify(shown(post), null, 2));
  else console.log(`${said} ${describePost(post).trim()}.`);
}

/** The post `key` names: its id, or its title (titles are unique, ignoring capitals). */
async function findPost(ctx: DataContext, key: string): Promise<SroPostRecord> {
  const posts = await loadSroPosts(ctx);
  const found =
    posts.find((p) => p.id === key) ?? posts.find((p) => p.title.toLowerCase() === key.trim().toLowerCase());
  if (found !== undefined) return found;
  throw new UsageError(
    `no SRO post "${key}" on this site. Posts: ${posts.map((p) => `${p.id} "${p.title}"`).join(", ") || "none"}.`,
  );
}

const listSpecs = siteSpecs([
  "print JSON: { posts: [{ id, title, holder, delegate }], vacant: [id],",
  "holderLeft: [id] }",
]);

const listHelp = `Usage: actionplan post list --site <url> [--as <upn>] [--json]

Lists the site's SRO posts with who holds and covers each, then the posts nobody holds and those whose
holder has left the organisation's directory (asked of Microsoft Graph, which needs User.Read.All).

${optionsHelp(listSpecs)}`;

const listCommand: Command = defineCommand({
  name: "list",
  usageName: "post list",
  summary: "list the SRO posts, the vacant ones and holders who have left",
  help: listHelp,
  options: listSpecs,
  schema: siteSchema,
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const posts = await loadSroPosts(ctx);
      const { graph } = directoryClient(options.site, options.as);
      const problems = await postProblems(posts, (upn) => stillInDirectory(graph, upn));
      if (options.json) {
        const ids = (list: SroPostRecord[]) => list.map((p) => p.id);
        const report = {
          posts: posts.map(shown),
          vacant: ids(problems.vacant),
          holderLeft: ids(problems.holderLeft),
        };
        console.log(JSON.stringify(report, null, 2));
      } else if (posts.length === 0) console.log("No SRO posts on this site yet.");
      else {
        for (const post of posts) console.log(describePost(post));
        const titles = (list: SroPostRecord[]) => list.map((p) => `"${p.title}"`).join(", ");
        if (problems.vacant.length > 0) console.log(`\nNobody holds: ${titles(problems.vacant)}.`);
        for (const post of problems.holderLeft)
          console.log(
            `${problems.vacant.length > 0 ? "" : "\n"}${post.holderUpn ?? ""}, who holds "${post.title}", has left the directory: give the post to someone else (\`actionplan post hold\`).`,
          );
      }
      reportSkipped("post list", ctx);
      return 0;
    } catch (error) {
      return reportAdminFailure("post list", "read SRO posts", error);
    }
  },
});

const createSpecs = {
  title: {
    type: "string",
    value: "TITLE",
    help: `e.g. "Corporate Director Resources"; no two posts share one`,
  },
  holder: { type: "string", value: "UPN", help: "who holds it (default: vacant)" },
  ...postSiteSpecs,
} as const satisfies OptionSpecs;

const createHelp = `Usage: actionplan post create --site <url> --title <title> [--holder <upn>] [--as <upn>] [--json]

Creates an SRO post, held by a person from the directory (added to the site as SharePoint's ensureUser
does), or vacant.

${optionsHelp(createSpecs)}`;

const createCommand: Command = defineCommand({
  name: "create",
  usageName: "post create",
  summary: "create an SRO post, held or vacant",
  help: createHelp,
  options: createSpecs,
  schema: siteSchema.extend({
    title: z.string().trim().min(1, "give the post a title"),
    holder: upnOption.optional(),
  }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const post = await createSroPost(ctx, { title: options.title, holderUpn: options.holder ?? null });
      printPost(post, options.json, "Created post");
      return 0;
    } catch (error) {
      return reportAdminFailure("post create", "create SRO posts", error);
    }
  },
});

/** A sub-command that changes one post named by --post. */
function changeCommand<S extends z.ZodRawShape>(spec: {
  name: string;
  summary: string;
  usage: string;
  about: string;
  options: OptionSpecs;
  shape: S;
  changes: (options: z.infer<z.ZodObject<S>>) => SroPostChanges;
  said: string;
}): Command {
  const name = `post ${spec.name}`;
  const specs = { post: postSpec, ...spec.options, ...postSiteSpecs };
  const help = `Usage: actionplan post ${spec.name} --site <url> --post <id or title> ${spec.usage}[--as <upn>] [--json]

${spec.about}

${optionsHelp(specs)}`;
  return defineCommand({
    name: spec.name,
    usageName: name,
    summary: spec.summary,
    help,
    options: specs,
    schema: siteSchema.extend({ post: z.string().trim().min(1, "name the post") }).extend(spec.shape),
    run: async (parsed) => {
      const options = parsed as z.infer<typeof siteSchema> & { post: string } & z.infer<z.ZodObject<S>>;
      const ctx = connect(options.site, options.as);
      try {
        const post = await findPost(ctx, options.post);
        const changed = await updateSroPost(ctx, post, spec.changes(options));
        printPost(changed, options.json, spec.said);
        return 0;
      } catch (error) {
        return reportAdminFailure(name, "change SRO posts", error);
      }
    },
  });
}

const renameCommand = changeCommand({
  name: "rename",
  summary: "give a post a new title",
  usage: "--title <title> ",
  about: "Gives a post a new title; its actions keep it, and reminders and reports use the new title.",
  options: { title: { type: "string", value: "TITLE", help: "the new title" } },
  shape: { title: z.string().trim().min(1, "give the new title") },
  changes: (o) => ({ title: o.title }),
  said: "Renamed post",
});

const holdCommand = changeCommand({
  name: "hold",
  summary: "give a post to a new holder (or leave it vacant)",
  usage: "(--holder <upn> | --vacant) ",
  about: "Gives a post to a new holder from the directory: reminders for its actions go to them from now.",
  options: {
    holder: { type: "string", value: "UPN", help: "the new holder" },
    vacant: { type: "boolean", help: "nobody holds it now" },
  },
  shape: { holder: upnOption.optional(), vacant: z.boolean().default(false) },
  changes: (o) => {
    if ((o.holder === undefined) === !o.vacant) throw new UsageError("give either --holder or --vacant.");
    return { holderUpn: o.holder ?? null };
  },
  said: "Gave post",
});

const delegateCommand = changeCommand({
  name: "delegate",
  summary: "set who covers a post, from and to which days",
  usage: "--delegate <upn> --from YYYY-MM-DD [--to YYYY-MM-DD] ",
  about:
    "Sets a delegate to cover a post (leave, vacancy): on the days of cover, reminders go to the delegate.",
  options: {
    delegate: { type: "string", value: "UPN", help: "who covers the post" },
    from: { type: "string", value: "DATE", help: "the first day of cover" },
    to: { type: "string", value: "DATE", help: "the last day of cover (default: until further notice)" },
  },
  shape: { delegate: upnOption, from: isoDateOption, to: isoDateOption.optional() },
  changes: (o) => ({
    delegate: { upn: o.delegate, from: o.from as IsoDate, to: (o.to ?? null) as IsoDate | null },
  }),
  said: "Delegated post",
});

const undelegateCommand = changeCommand({
  name: "undelegate",
  summary: "end a delegate's cover",
  usage: "",
  about: "Ends a delegate's cover of a post: reminders go to its holder again.",
  options: {},
  shape: {},
  changes: () => ({ delegate: null }),
  said: "Ended the cover of post",
});

const splitSpecs = {
  post: postSpec,
  "keep-title": { type: "string", value: "TITLE", help: `the title the post keeps, e.g. "CEO"` },
  "new-title": { type: "string", value: "TITLE", help: `the new post's title, e.g. "Monitoring Officer"` },
  "new-holder": { type: "string", value: "UPN", help: "who holds the new post (default: vacant)" },
  move: {
    type: "string",
    value: "LIST",
    help: "the actions that move, comma-separated: ids, or refs of --plan's actions",
  },
  plan: { type: "string", value: "ID|TITLE", help: `read --move as action refs ("2.3") of this plan` },
  ...siteSpecs(["print JSON: { kept: post, created: post }"]),
} as const satisfies OptionSpecs;

const splitHelp = `Usage: actionplan post split --site <url> --post <id or title> --keep-title <title>
                            --new-title <title> [--new-holder <upn>] --move <ids or refs> [--plan <plan>]
                            [--as <upn>] [--json]

Splits a post written as two ("CEO/Monitoring Officer") into two: the post keeps its holder and the
actions not moved as --keep-title; a new post --new-title gets the actions moved. All or nothing.

${optionsHelp(splitSpecs)}`;

const splitCommand: Command = defineCommand({
  name: "split",
  usageName: "post split",
  summary: "split a post written as two into two posts",
  help: splitHelp,
  options: splitSpecs,
  schema: siteSchema.extend({
    post: z.string().trim().min(1, "name the post"),
    "keep-title": z.string().trim().min(1, "give the title the post keeps"),
    "new-title": z.string().trim().min(1, "give the new post's title"),
    "new-holder": upnOption.optional(),
    move: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((m) => m.trim())
          .filter((m) => m !== ""),
      )
      .refine((list) => list.length > 0, "name at least one action to move"),
    plan: z.string().trim().min(1).optional(),
  }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const post = await findPost(ctx, options.post);
      const ids =
        options.plan === undefined ? options.move : await idsOfRefs(ctx, options.plan, post, options.move);
      const { kept, created } = await splitSroPost(ctx, post, {
        keepTitle: options["keep-title"],
        newTitle: options["new-title"],
        newHolderUpn: options["new-holder"] ?? null,
        moveActionIds: ids,
      });
      if (options.json) console.log(JSON.stringify({ kept: shown(kept), created: shown(created) }, null, 2));
      else {
        console.log(`Kept ${describePost(kept).trim()}.`);
        console.log(
          `Created ${describePost(created).trim()}, with ${String(ids.length)} action(s) moved to it.`,
        );
      }
      reportSkipped("post split", ctx);
      return 0;
    } catch (error) {
      return reportAdminFailure("post split", "change SRO posts", error);
    }
  },
});

async function idsOfRefs(
  ctx: DataContext,
  planKey: string,
  post: SroPostRecord,
  refs: string[],
): Promise<string[]> {
  const plan = await findPlan(ctx, planKey);
  const actions = (await loadDashboard(ctx, plan.id)).actions;
  return refs.map((ref) => {
    const found = actions.find((r) => r.action.ref === ref);
    if (found === undefined) throw new UsageError(`"${plan.title}" has no action ${ref}.`);
    if (found.sroPostId !== post.id) throw new UsageError(`action ${ref} is not under "${post.title}".`);
    return found.action.id;
  });
}

export const postCommand: Command = dispatcher({
  name: "post",
  summary: "list, create, rename, hold, delegate and split SRO posts",
  intro:
    "The site's SRO posts: who holds each and who covers it. Only the site's coordinators (its Owners) can\nchange them; SharePoint itself refuses anyone else.",
  subcommands: () => [
    listCommand,
    createCommand,
    renameCommand,
    holdCommand,
    delegateCommand,
    undelegateCommand,
    splitCommand,
  ],
});
