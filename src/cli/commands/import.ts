// `actionplan import FILE`: a council's own plan (XLSX or CSV) into a site. Reads and maps the file with the
// import core, shows what it would create and change, then writes it unless told not to. Safe to run again:
// the same file changes nothing, an edited one changes what was edited, a run that stopped is finished.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { IsoDate } from "../../domain/index.ts";
import {
  ImportFileError,
  importMappingSchema,
  LayoutError,
  mapPlan,
  readPlanFile,
  type ImportMapping,
  type PlanFile,
} from "../../import/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { type DataContext, refuseIfSkipped } from "../../sharepoint/core/index.ts";
import {
  applyImport,
  ImportInputError,
  ImportTargetError,
  ImportWriteError,
  noChanges,
  previewImport,
  readSitePosts,
} from "../../sharepoint/import/index.ts";
import { findPlansByTitle, listPlans } from "../../sharepoint/plans/index.ts";
import type { PlanRecord } from "../../sharepoint/schema/index.ts";
import { type Command, defineCommand, UsageError } from "../command.ts";
import { connect, reportRemoteFailure, reportSkipped, todayFor } from "../site.ts";
import { help, OPTIONS, schema, specs } from "./import-options.ts";
import { directoryClient, loadDirectory, type DirectoryPerson } from "./import-directory.ts";
import { parseHeadings, plansToImport, skipRowsOf, type ReadingOptions } from "./import-plans.ts";
import {
  formatChanges,
  formatMapped,
  formatOutcome,
  importJson,
  type ImportReport,
  type ImportReportBase,
} from "./import-report.ts";

/** A problem with the file or the site's plans, printed as one sentence; exit code 1. */
class ImportStop extends Error {}

/** The FILE argument, and the options without it. */
function splitFile(argv: string[]): { file: string; rest: string[] } {
  let tokens;
  try {
    tokens = parseArgs({
      args: argv,
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
      tokens: true,
    }).tokens;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const positionals = tokens.filter((t) => t.kind === "positional");
  const [first, ...extra] = positionals;
  if (first === undefined)
    throw new UsageError("name the plan file to import, e.g. actionplan import plan.xlsx --site …");
  if (extra.length > 0)
    throw new UsageError(`import takes one file; also given: ${extra.map((t) => t.value).join(", ")}`);
  return { file: first.value, rest: argv.filter((_, i) => i !== first.index) };
}

async function readPlan(path: string): Promise<PlanFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportStop(
      code === "ENOENT"
        ? `there is no file ${path}; check the name and folder.`
        : `cannot read ${path} (${String(code)}); check it is a file you may read.`,
    );
  }
  return readPlanFile(bytes, basename(path));
}

async function readMappingFile(path: string): Promise<ImportMapping> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ImportStop(`cannot read the mapping file ${path}; check the name and folder.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportStop(
      `the mapping file ${path} is not valid JSON; fix it, or leave --mapping out to use the saved or detected mapping.`,
    );
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success)
    throw new ImportStop(
      `the mapping file ${path} is not a mapping (${parsed.error.issues[0]?.path.join(".") ?? ""}: ${parsed.error.issues[0]?.message ?? "unexpected"}); compare it with one saved by --json's sheet and columns.`,
    );
  return parsed.data;
}

/** The plan named by --plan (id or exact title) or by the file's title; null when it is a new plan. */
async function existingPlan(ctx: DataContext, key: string, byId: boolean): Promise<PlanRecord | null> {
  if (byId && /^\d+$/.test(key)) {
    const found = (await listPlans(ctx, { includeArchived: true, includeUnfinished: true })).find(
      (p) => p.id === key,
    );
    if (found !== undefined) return found;
    refuseIfSkipped(ctx.warnings, "plans", key);
  }
  const matches = (await findPlansByTitle(ctx, key)).filter((p) => p.title === key);
  if (byId && /^\d+$/.test(key) && matches.length === 0)
    throw new ImportStop(
      `there is no plan with id ${key}; see \`actionplan plans\`, or give a title for a new plan.`,
    );
  if (matches.length > 1)
    throw new ImportStop(
      `more than one plan is called "${key}" (ids ${matches.map((p) => p.id).join(", ")}); give --plan the id of the one to import into.`,
    );
  return matches[0] ?? null;
}

async function directory(site: string, as: string | undefined, quiet: boolean): Promise<DirectoryPerson[]> {
  const { graph, baseUrl } = directoryClient(site, as);
  try {
    return await loadDirectory(graph, baseUrl);
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error;
    // Posts already on the site still match; only names of people with no post yet go unmatched.
    if (!quiet)
      console.error(
        `actionplan import: could not read the directory (${error.message.slice(0, 120)}); SROs are matched to the site's posts only.`,
      );
    return [];
  }
}

function readingOptions(options: z.infer<typeof schema>): ReadingOptions {
  if (options.sheet !== undefined && options.sheets !== undefined)
    throw new UsageError("give --sheet or --sheets, not both.");
  const sheets =
    options.sheet !== undefined
      ? [options.sheet]
      : options.sheets === undefined
        ? undefined
        : options.sheets.trim().toLowerCase() === "all"
          ? ("all" as const)
          : options.sheets.split(",").map((name) => name.trim());
  return {
    sheets,
    areas: options.sheet === undefined ? undefined : false,
    planColumn: options["plan-column"],
    plans: options.plan,
    workstreams: options.workstreams,
    headings: parseHeadings(options.headings),
  };
}

async function run(file: string, options: z.infer<typeof schema>): Promise<number> {
  const planFile = await readPlan(file);
  const given = options.mapping === undefined ? null : await readMappingFile(options.mapping);
  const reading = readingOptions(options);
  const ctx = connect(options.site, options.as);
  const today = (options.today ?? (await todayFor(options.site))) as IsoDate;
  const found = await plansToImport(ctx, planFile, given, reading, (key, byId) =>
    existingPlan(ctx, key, byId),
  );
  const say = (text: string) => {
    if (!options.json) console.log(text);
  };
  for (const note of found.layout.notes) say(`Note: ${note}`);
  if (found.plans.length === 0)
    throw new ImportStop(
      found.layout.planColumn === null
        ? `${planFile.fileName} has no sheet that looks like a plan table; name one with --sheet.`
        : `${planFile.fileName} names no plan in its "${found.layout.planColumn}" column; give the plans' names there, or read it as one plan with --plan-column none.`,
    );
  const [posts, people] = await Promise.all([readSitePosts(ctx), directory(options.site, options.as, false)]);
  const skip = skipRowsOf(options["skip-rows"]);

  const mappedPlans = found.plans.map(({ draft, title, existing }) => {
    const mapped = mapPlan(draft.sheets, {
      planTitle: title,
      referenceDate: existing?.referenceDate ?? today,
      today,
      overdueAfterMonths: existing?.overdueAfterMonths ?? 1,
      posts: posts.map((p) => ({ title: p.title, holderUpn: p.holderUpn })),
      people,
      skipRows: skip.rows,
      skipSheetRows: skip.bySheet,
      confirmed: options.confirm,
    });
    const base: ImportReportBase = {
      file: planFile.fileName,
      sheet: mapped.sheets[0] ?? "",
      sheets: mapped.sheets,
      plan: { id: existing?.id ?? null, title },
      dryRun: options["dry-run"],
      counts: mapped.counts,
      problems: mapped.problems,
      unmatchedSros: mapped.unmatchedSros,
      headings: mapped.headings,
      confirmations: options.confirm ? [] : mapped.confirmations,
      notes: found.layout.notes,
    };
    return { mapped, base, draft, existing };
  });
  const headingRows = new Set(
    mappedPlans.flatMap((p) => p.mapped.headings.map((h) => `${h.sheet}!${String(h.row)}`)),
  );
  const first = mappedPlans[0]?.mapped.sheets[0] ?? "";
  const notHeadings = Object.keys(reading.headings)
    .map((key) => (key.startsWith("!") ? `${first}${key}` : key))
    .filter((key) => !headingRows.has(key));
  if (notHeadings.length > 0)
    throw new UsageError(
      `--headings: ${notHeadings.map((k) => `row ${k.slice(k.lastIndexOf("!") + 1)} of sheet "${k.slice(0, k.lastIndexOf("!"))}"`).join(", ")} ${notHeadings.length === 1 ? "is not a heading row" : "are not heading rows"} (one value across the row); run without --headings to see the heading rows.`,
    );
  for (const p of mappedPlans) say(formatMapped(p.base, found.layout.areas));
  // Every plan of the file is checked before any is written: one with problems holds back the others.
  const canWrite = mappedPlans.every((p) => p.mapped.canWrite);
  const reports: ImportReport[] = [];
  for (const { mapped, base, draft, existing } of mappedPlans) {
    const input = { ...mapped.plan, plan: { ...mapped.plan.plan, title: base.plan.title } };
    const target = existing === null ? {} : { planId: existing.id };
    let report: ImportReport;
    if (!canWrite) {
      // What a file with errors would change is not worth showing: the errors can change it (a row twice).
      report = { ...base, changes: noChanges(), written: false };
    } else if (options["dry-run"]) {
      const preview = await previewImport(ctx, input, target);
      say(formatChanges(preview.changes, true));
      report = { ...base, changes: preview.changes, written: false };
    } else {
      const outcome = await applyImport(ctx, input, target, {
        mapping: JSON.stringify(draft.mapping),
        reason: `Changed by import of ${planFile.fileName}`,
        today,
        onPreview: (preview) => {
          say(formatChanges(preview.changes, false));
        },
        onProgress: (done, total, stage) => {
          console.error(`  written ${String(done)} of ${String(total)} (${stage})`);
        },
      });
      report = { ...base, plan: outcome.plan, changes: outcome.changes, written: outcome.written };
    }
    say(formatOutcome(report, !canWrite && mapped.canWrite ? "another plan in the file" : null));
    reports.push(report);
  }
  if (options.json) {
    const [only] = reports;
    console.log(
      importJson(
        reports.length === 1 && only !== undefined ? only : { file: planFile.fileName, plans: reports },
      ),
    );
    if (!canWrite)
      for (const report of reports.filter(
        (r) => r.problems.some((p) => p.severity === "error") || r.confirmations.length > 0,
      ))
        console.error(`actionplan import: ${formatOutcome(report, null).trim()}`);
  }
  reportSkipped("import", ctx);
  return canWrite ? 0 : 1;
}

export const importCommand: Command = defineCommand({
  name: "import",
  summary: "import a plan from an Excel or CSV file (again: update it)",
  help,
  options: specs,
  schema,
  // The file named first is no option: parsed (and checked) apart.
  optionArgs: (argv) => splitFile(argv).rest,
  run: async (options, argv) => {
    const { file } = splitFile(argv);
    try {
      return await run(file, options);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if (
        error instanceof ImportStop ||
        error instanceof ImportFileError ||
        error instanceof LayoutError ||
        error instanceof ImportTargetError ||
        error instanceof ImportInputError ||
        error instanceof ImportWriteError
      ) {
        console.error(`actionplan import: ${error.message}`);
        return 1;
      }
      return reportRemoteFailure("import", error);
    }
  },
});
