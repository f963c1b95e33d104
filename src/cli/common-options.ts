// The options several commands word alike, declared once so that their help says them the same way.
import type { OptionSpec } from "./command.ts";

/** The specs of the options most data commands word alike, for their help (see optionsHelp). */
export const siteSpec = {
  type: "string",
  value: "URL",
  help: "the site, e.g. http://localhost:4300/sites/improvement (the sandbox)",
} as const satisfies OptionSpec;

export const asSpec = {
  type: "string",
  value: "UPN",
  help: "against the sandbox: whom to act as; against SharePoint Online: who signs in",
} as const satisfies OptionSpec;

export const planSpec = {
  type: "string",
  value: "TITLE|ID",
  help: "the plan, by its id (see `actionplan plans`) or its exact title",
} as const satisfies OptionSpec;

/** The plan as the coordinators' commands name it: archived plans too (`plans --all` lists them). */
export const anyPlanSpec = {
  type: "string",
  value: "ID|TITLE",
  help: "the plan, by its id (see `actionplan plans --all`) or its exact title",
} as const satisfies OptionSpec;
