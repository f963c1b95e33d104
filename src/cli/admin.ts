// What the coordinator's commands (`plan`, `period`, `post`) share: a command made of sub-commands, finding
// the plan a command names (archived ones too; one still being imported only for coordinators), and saying
// a refusal in one sentence.
import { z } from "zod";
import { ConflictError, type DataContext, refuseIfSkipped } from "../sharepoint/core/index.ts";
import { RequestsWaitingError } from "../sharepoint/periods/index.ts";
import { findPlansByTitle, listPlans, plansSeenBy } from "../sharepoint/plans/index.ts";
import type { PlanRecord } from "../sharepoint/schema/index.ts";
import { loadOwnRole } from "../sharepoint/roles.ts";
import { RemoteError } from "../lib/remote-error.ts";
import { UsageError, type Command } from "./command.ts";
import { reportRemoteFailure } from "./site.ts";

/**
 * A command whose first argument names a sub-command (`actionplan post create …`). `--help` after a
 * sub-command prints that sub-command's help; on its own, the list of sub-commands.
 */
export function dispatcher(spec: {
  name: string;
  summary: string;
  intro: string;
  subcommands: () => readonly Command[];
}): Command {
  const help = () => {
    const subs = spec.subcommands();
    const width = Math.max(...subs.map((c) => c.name.length));
    return [
      `Usage: actionplan ${spec.name} <${subs.map((c) => c.name).join("|")}> [options]`,
      "",
      spec.intro,
      "",
      "Sub-commands:",
      ...subs.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      "",
      `Run \`actionplan ${spec.name} <sub-command> --help\` for its options.`,
    ].join("\n");
  };
  return {
    name: spec.name,
    summary: spec.summary,
    get help() {
      return help();
    },
    handlesHelp: true,
    run: async (argv) => {
      const [word, ...rest] = argv;
      if (word === undefined || word === "--help" || word === "-h" || word === "help") {
        console.log(help());
        return word === undefined ? 2 : 0;
      }
      const sub = spec.subcommands().find((c) => c.name === word);
      if (sub === undefined) {
        console.error(`actionplan ${spec.name}: no sub-command '${word}'.\n\n${help()}`);
        return 2;
      }
      // A sub-command made of sub-commands itself (`plan rec add`) prints the help of the one named.
      if (sub.handlesHelp !== true && (rest.includes("--help") || rest.includes("-h"))) {
        console.log(sub.help);
        return 0;
      }
      return sub.run(rest);
    },
  };
}

/**
 * Every plan the signed-in person may see, archived ones too: a plan whose import has not finished only
 * for coordinators (the role is read only when there is one).
 */
export async function visiblePlans(ctx: DataContext): Promise<PlanRecord[]> {
  const all = await listPlans(ctx, { includeArchived: true, includeUnfinished: true });
  return plansSeenBy(all, () => loadOwnRole(ctx));
}

/**
 * The plan `key` names: its id (see `actionplan plans --all`) or its exact title; archived plans too, and a
 * plan whose import has not finished for coordinators (anyone else is told there is no such plan).
 */
export async function findPlan(ctx: DataContext, key: string): Promise<PlanRecord> {
  const all = await visiblePlans(ctx);
  const byId = all.find((p) => p.id === key);
  if (byId !== undefined) return byId;
  const seen = new Set(all.map((p) => p.id));
  const matches = (await findPlansByTitle(ctx, key)).filter(
    (p) => p.title === key && (!p.importUnfinished || seen.has(p.id)),
  );
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length === 0) refuseIfSkipped(ctx.warnings, "plans", key);
  const known =
    all.length === 0
      ? "There are no plans on this site yet (create one with `actionplan plan create`)."
      : `Plans there: ${all.map((p) => `${p.id} "${p.title}"`).join(", ")}.`;
  if (matches.length > 1)
    throw new UsageError(`more than one plan is called "${key}"; give its id. ${known}`);
  throw new UsageError(`no plan "${key}" on this site. ${known}`);
}

/** For a coordinator working on a plan whose import has not finished: say so on stderr, once. */
export function sayIfUnfinished(command: string, plan: PlanRecord): void {
  if (plan.importUnfinished)
    console.error(
      `actionplan ${command}: import not finished: run the import again to complete it (until then only coordinators see "${plan.title}").`,
    );
}

/** The schema of a `--plan` option. */
export const planOption = z.string().trim().min(1, "name the plan by its id or exact title");

/**
 * Print why a coordinator's command was refused, in one sentence, and give the exit code: what the data
 * layer refused (a duplicate title, bad dates) and SharePoint's own refusals. `doing` finishes "only the
 * site's coordinators (its Owners) can …", e.g. "open reporting periods".
 */
export function reportAdminFailure(command: string, doing: string, error: unknown): number {
  if (error instanceof UsageError) throw error;
  if (error instanceof ConflictError) {
    console.error(
      error.current === null
        ? `actionplan ${command}: this ${error.subject} was deleted by someone else while the command ran; nothing was saved.`
        : `actionplan ${command}: someone else changed this ${error.subject} while the command ran, so nothing was saved; run the command again to apply it to their version.`,
    );
    return 1;
  }
  if (error instanceof RequestsWaitingError) {
    console.error(
      `actionplan ${command}: ${error.message.replace(/, or close it with (it|them) waiting\.$/, "")}, or add --even-with-requests-waiting to close it with ${error.actionRefs.length === 1 ? "it" : "them"} waiting.`,
    );
    return 1;
  }
  if (error instanceof RemoteError && error.status === 403) {
    console.error(
      `actionplan ${command}: SharePoint refused: only the site's coordinators (its Owners) can ${doing}. Ask a coordinator, or run it as one with --as.`,
    );
    return 1;
  }
  if (error instanceof z.core.$ZodError) {
    console.error(`actionplan ${command}: ${error.issues.map((i) => i.message).join(" ")}`);
    return 1;
  }
  // The data layer's refusals in words ("'Q1 2024/25' is still open; close it before opening another").
  if (error instanceof Error && Object.getPrototypeOf(error) === Error.prototype) {
    console.error(`actionplan ${command}: ${error.message}`);
    return 1;
  }
  return reportRemoteFailure(command, error);
}
