// `actionplan import`'s options: each declared once (parseArgs, the schema and the help read them here).
import { z } from "zod";
import { argsOptions, optionsHelp, type OptionSpecs } from "../command.ts";
import { asSpec, siteSpec } from "../common-options.ts";
import { isoDateOption, siteSchema } from "../site.ts";

export const specs = {
  site: siteSpec,
  plan: {
    type: "string",
    multiple: true,
    value: "TITLE|ID",
    help: [
      `the plan to import into, by id or exact title; a title no plan has names a new plan`,
      `(default: the title in the sheet's first rows, else the file name). In a file holding`,
      `several plans: one of the plans it names, to import only that one (repeat for more)`,
    ],
  },
  sheet: { type: "string", value: "NAME", help: `read this sheet only` },
  sheets: {
    type: "string",
    value: "all|LIST",
    help: [
      `read these sheets (comma-separated) as the plan's areas, or all that share the layout`,
      `(default: the sheets the saved mapping read, else all that share the layout)`,
    ],
  },
  "plan-column": {
    type: "string",
    value: "NAME",
    help: [
      `the column naming each row's plan (default: one headed Plan, Programme or Project);`,
      `none: the file is one plan`,
    ],
  },
  workstreams: {
    type: "string",
    value: "HOW",
    help: [
      `a named workstream as an action holding its activities (action, the default) or as a`,
      `label in front of each activity's text (label)`,
    ],
  },
  headings: {
    type: "string",
    value: "LIST",
    help: [
      `how heading rows are read, e.g. "Elections!4=activity,Elections!5=milestones,12=ignore":`,
      `area, activity, milestones or ignore (a row with no sheet is on the first sheet read)`,
    ],
  },
  mapping: {
    type: "string",
    value: "FILE",
    help: [
      `a JSON mapping of columns to fields (default: the mapping saved with the plan by its`,
      `last import, else the columns recognised from their headers); saved with the plan`,
    ],
  },
  today: {
    type: "string",
    value: "DATE",
    help: [
      `the day that places target dates written without a year, and dates the changes`,
      `(default: today in Europe/London; the sandbox's date)`,
    ],
  },
  "skip-rows": {
    type: "string",
    value: "LIST",
    help: [
      `spreadsheet rows to leave out, e.g. 12,14 or Elections!12,Grants!5 (the rows the problems`,
      `name)`,
    ],
  },
  confirm: {
    type: "boolean",
    help: `import a plan none of whose actions has a target date, or an SRO (asked otherwise)`,
  },
  "dry-run": { type: "boolean", help: `print what would be written; write nothing` },
  as: asSpec,
  json: {
    type: "boolean",
    help: [
      `print one JSON object: { file, sheet, sheets, plan: { id (null for a new plan), title },`,
      `dryRun, counts { recommendations, actions, milestones, updates, postsToCreate,`,
      `rowsSkipped }, problems [{ severity, sheet, row, rows?, column, field, message }],`,
      `unmatchedSros [{ text, rows, suggestions }], headings [{ sheet, row, text, reading,`,
      `chosen }], confirmations [sentence], notes [sentence], changes { total, created { posts,`,
      `periods, recommendations, actions, milestones, updates } (refs), changed [{ kind, ref,`,
      `field, from, to }], unchanged { posts, recommendations, actions, milestones, updates }`,
      `(counts), disappeared { recommendations, actions, milestones } (refs) }, written }; for a`,
      `file holding several plans, { file, plans: [that object for each plan] }`,
      `(progress lines go to stderr)`,
    ],
  },
} as const satisfies OptionSpecs;

export const help = `Usage: actionplan import FILE --site <url> [--plan <title or id>]... [--sheet <name> | --sheets all|<name>,<name>]
                       [--plan-column <header>|none] [--workstreams action|label] [--headings <Sheet!row=reading>,...]
                       [--mapping mapping.json] [--today YYYY-MM-DD] [--skip-rows 12,14] [--confirm] [--dry-run]
                       [--as <upn>] [--json]

Imports an improvement plan from an Excel (.xlsx) or CSV file: recommendations, actions, milestones, SRO
posts, target dates and progress updates. Prints what the file holds, every problem (sheet, row, column),
every column it does not import, how it read each heading row, and what the import creates, changes and
leaves alone, then writes it. Nothing is ever deleted: actions no longer in the file are listed and kept.
Run it again with the same file and it changes nothing; with an edited file it updates actions by number
(text, SRO post, target date; a moved target date is recorded as an approved change "Changed by import of
FILE"); if it stopped half-way, running it again finishes it (until then SROs and viewers do not see a new
plan). Exits 1 when the file has errors or needs --confirm (nothing is written) or the site refused a write.

A workbook whose sheets share one header layout is one plan with an area (recommendation) per sheet. A file
with a column naming the plan (Plan, Programme, Project) holds a plan per name: each is imported into the
plan of that title, numbered on its own. Heading rows (one value across the row) are read as an area, an
activity (an action whose milestones are the rows under it, as "1. Planning for the elections"), a
milestone heading ("Key Milestones": what follows are milestones of the activity above) or ignored.

${optionsHelp(specs)}`;

export const schema = siteSchema.extend({
  plan: z.array(z.string().trim().min(1, "name the plan")).default([]),
  sheet: z.string().min(1).optional(),
  sheets: z.string().min(1).optional(),
  "plan-column": z.string().trim().min(1).optional(),
  workstreams: z.enum(["action", "label"]).optional(),
  headings: z.string().optional(),
  mapping: z.string().min(1).optional(),
  today: isoDateOption.optional(),
  "skip-rows": z
    .string()
    .regex(
      /^\s*([^,!]+!)?\d+(\s*,\s*([^,!]+!)?\d+)*\s*$/,
      "expected row numbers separated by commas, e.g. 12,14 or Elections!12",
    )
    .optional(),
  confirm: z.boolean().default(false),
  "dry-run": z.boolean().default(false),
});

export const OPTIONS = argsOptions(specs);
