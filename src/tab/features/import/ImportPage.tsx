// "New plan from a file" and "Update this plan from a file", for coordinators (`?view=import[&planId=]`).
// The file is read in the browser (nothing is uploaded); the coordinator checks the mapping, sees every
// problem by row and column and what the import will create, change or leave alone, and only then confirms.
// Writing shows its progress; an import stopped half-way is finished, without duplicates, by running it again.
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  ProgressBar,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ImportMapping, PlanFile, SroChoice } from "../../../import/index.ts";
import type { ApplyOutcome, ImportPreview } from "../../../sharepoint/import-sync.ts";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { canCoordinate } from "../../lib/permissions.ts";
import { useSiteRole } from "../../lib/use-site-role.ts";
import { countOf, ImportChangesView } from "./ImportChangesView.tsx";
import { ImportProblems } from "./ImportProblems.tsx";
import { importCore, mapWithChoices, readChosenFile, startingMapping } from "./import-flow.ts";
import { MappingForm } from "./MappingForm.tsx";
import { SroChoices } from "./SroChoices.tsx";
import { useImportSources } from "./use-import-sources.ts";

type Core = Awaited<ReturnType<typeof importCore>>;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface Loaded {
  core: Core;
  file: PlanFile;
  sheetName: string;
  mapping: ImportMapping;
  fromSaved: boolean;
}

type Write =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "checked"; preview: ImportPreview }
  | { step: "writing"; done: number; total: number; stage: string }
  | { step: "done"; outcome: ApplyOutcome }
  | { step: "failed"; message: string };

class NoSheetsError extends Error {
  override name = "ImportFileError";
}

/**
 * Why a chosen file could not be read: the import core's own sentence (an ImportFileError names the file and
 * what is wrong with it), matched by name because the core is loaded on demand; anything else as usual.
 */
function fileErrorText(error: unknown): string {
  return error instanceof Error && error.name === "ImportFileError" ? error.message : describeError(error);
}

interface Props {
  planId: string | null;
  onOpenPlan: (planId: string) => void;
}

/** The import page. */
export function ImportPage(props: Props) {
  const styles = useStyles();
  const ctx = useDataContext();
  const today = useToday();
  const role = useSiteRole();
  const sources = useImportSources(props.planId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  // Until the coordinator types a title, each file chosen offers its own.
  const [titleTyped, setTitleTyped] = useState(false);
  const [sroChoices, setSroChoices] = useState<Record<string, SroChoice>>({});
  const [skipErrors, setSkipErrors] = useState(false);
  const [write, setWrite] = useState<Write>({ step: "idle" });
  const data = sources.data;
  const existing = data?.plan ?? null;
  const planTitle = existing?.title ?? title.trim();

  const mapped = useMemo(() => {
    if (loaded === null || data === null) return null;
    const sheet = loaded.file.sheets.find((s) => s.name === loaded.sheetName);
    if (sheet === undefined) return null;
    return mapWithChoices(loaded.core, {
      sheet,
      mapping: loaded.mapping,
      title: planTitle === "" ? "Untitled plan" : planTitle,
      today,
      overdueAfterMonths: existing?.overdueAfterMonths ?? 1,
      posts: data.posts.map((p) => ({ title: p.title, holderUpn: p.holderUpn })),
      people: data.people,
      sroChoices,
      skipErrorRows: skipErrors,
    });
  }, [loaded, data, planTitle, today, existing, sroChoices, skipErrors]);

  if (role.data !== null && !canCoordinate(role.data))
    return (
      <Notice title="Only coordinators import plans" intent="info">
        Ask the plan&apos;s coordinators (the site&apos;s owners) to import it.
      </Notice>
    );
  if (data === null)
    return sources.status === "failed" ? (
      <Notice title="The import could not start" intent="error">
        {describeError(sources.error)}
      </Notice>
    ) : (
      <PageSkeleton title="Import a plan" />
    );

  const changed = () => {
    if (write.step === "checked" || write.step === "failed") setWrite({ step: "idle" });
  };
  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setReading(file.name);
    setFileError(null);
    setLoaded(null);
    setWrite({ step: "idle" });
    try {
      const [core, read] = await Promise.all([importCore(), readChosenFile(file)]);
      const start = startingMapping(core, read, data.savedMapping);
      if (start === null) throw new NoSheetsError(`"${file.name}" has no sheets.`);
      setLoaded({
        core,
        file: read,
        sheetName: start.sheet.name,
        mapping: start.mapping,
        fromSaved: start.fromSaved,
      });
      // Answers given for the last file (its SROs, skipping its error rows) do not carry over to this one.
      setSroChoices({});
      setSkipErrors(false);
      if (existing === null && !titleTyped) setTitle(core.suggestTitle(read, start.sheet));
    } catch (error) {
      setFileError(fileErrorText(error));
    } finally {
      setReading(null);
    }
  };
  const titleTaken = existing === null && data.planTitles.includes(planTitle);
  const check = async () => {
    if (mapped === null) return;
    setWrite({ step: "checking" });
    try {
      const { previewImport } = await import("../../../sharepoint/import-sync.ts");
      const preview = await previewImport(ctx, mapped.plan, existing === null ? {} : { planId: existing.id });
      setWrite({ step: "checked", preview });
    } catch (error) {
      setWrite({ step: "failed", message: describeError(error) });
    }
  };
  const confirm = async () => {
    if (mapped === null || loaded === null) return;
    setWrite({ step: "writing", done: 0, total: 1, stage: "reading the site" });
    try {
      const { applyImport } = await import("../../../sharepoint/import-sync.ts");
      const outcome = await applyImport(ctx, mapped.plan, existing === null ? {} : { planId: existing.id }, {
        mapping: JSON.stringify(loaded.mapping),
        reason: `Changed by import of ${loaded.file.fileName}`,
        today,
        onProgress: (done, total, stage) => {
          setWrite({ step: "writing", done, total, stage });
        },
      });
      setWrite({ step: "done", outcome });
    } catch (error) {
      setWrite({ step: "failed", message: describeError(error) });
    }
  };

  const heading = existing === null ? "New plan from a file" : `Update ${existing.title} from a file`;
  const errors = mapped?.problems.filter((p) => p.severity === "error").length ?? 0;
  return (
    <Page title={heading} busy={reading !== null || write.step === "writing" || write.step === "checking"}>
      <Body1>
        Choose the plan as an Excel workbook (.xlsx) or a CSV file. It is read here, in Teams; nothing is
        written until you have seen the preview and confirmed it.
      </Body1>
      <Field label="Plan file" hint="An .xlsx workbook or a .csv file, up to 20 MB.">
        {/* A native input reads no Field context: the render function gives it the label's id and hint. */}
        {(fieldProps) => (
          <input
            {...fieldProps}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              void choose(event.currentTarget.files?.[0]);
            }}
          />
        )}
      </Field>
      {reading !== null && <ProgressBar aria-label={`Reading ${reading}`} />}
      {fileError !== null && (
        <Notice inline title="The file could not be read." intent="error">
          {fileError}
        </Notice>
      )}
      {loaded !== null && mapped !== null && write.step !== "done" && (
        <>
          <section className={styles.section} aria-labelledby="mapping-heading">
            <Subtitle1 as="h2" id="mapping-heading">
              How the file is read
            </Subtitle1>
            {loaded.fromSaved && <Body1>Using the mapping saved by this plan&apos;s last import.</Body1>}
            {existing === null && (
              <Field
                label="Plan title"
                validationState={titleTaken || planTitle === "" ? "error" : "none"}
                validationMessage={
                  titleTaken
                    ? "A plan with this title is on the site already: open it and choose Update this plan from a file, or give a new title."
                    : planTitle === ""
                      ? "Give the plan a title."
                      : undefined
                }
              >
                <Input
                  value={title}
                  onChange={(_, d) => {
                    setTitle(d.value);
                    setTitleTyped(true);
                    changed();
                  }}
                />
              </Field>
            )}
            <MappingForm
              file={loaded.file}
              sheetName={loaded.sheetName}
              mapping={loaded.mapping}
              roles={loaded.core.COLUMN_ROLES}
              onSheet={(name) => {
                const sheet = loaded.file.sheets.find((s) => s.name === name);
                if (sheet !== undefined)
                  setLoaded({
                    ...loaded,
                    sheetName: name,
                    mapping: loaded.core.detectMapping(sheet),
                    fromSaved: false,
                  });
                changed();
              }}
              onMapping={(mapping) => {
                setLoaded({ ...loaded, mapping, fromSaved: false });
                changed();
              }}
            />
          </section>
          <section className={styles.section} aria-labelledby="preview-heading">
            <Subtitle1 as="h2" id="preview-heading">
              Preview
            </Subtitle1>
            <Body1 role="status">
              {countOf(mapped.counts.recommendations, "recommendation")},{" "}
              {countOf(mapped.counts.actions, "action")}, {countOf(mapped.counts.milestones, "milestone")},{" "}
              {countOf(mapped.counts.updates, "progress update")} and{" "}
              {countOf(mapped.counts.postsToCreate, "SRO post")} to create
              {mapped.counts.rowsSkipped > 0 ? `; ${countOf(mapped.counts.rowsSkipped, "row")} skipped` : ""}.
            </Body1>
            <ImportProblems problems={mapped.problems} />
            <SroChoices
              unmatched={mapped.unmatchedSros}
              answered={Object.keys(sroChoices)}
              choices={sroChoices}
              posts={data.posts.map((p) => p.title)}
              onChoose={(text, choice) => {
                const others = Object.entries(sroChoices).filter(([key]) => key !== text);
                setSroChoices(
                  Object.fromEntries(choice === undefined ? others : [...others, [text, choice]]),
                );
                changed();
              }}
            />
            {(errors > 0 || skipErrors) && (
              <Checkbox
                checked={skipErrors}
                label="Skip the rows named above and import the rest"
                onChange={(_, d) => {
                  setSkipErrors(d.checked === true);
                  changed();
                }}
              />
            )}
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                disabled={!mapped.canWrite || titleTaken || planTitle === "" || write.step === "checking"}
                onClick={() => {
                  void check();
                }}
              >
                Check against the site
              </Button>
            </div>
            {!mapped.canWrite && (
              <Body1>
                Nothing can be written while the file has errors: correct the file or the mapping, or skip the
                rows named.
              </Body1>
            )}
          </section>
        </>
      )}
      <WriteStep write={write} onConfirm={confirm} onOpenPlan={props.onOpenPlan} />
    </Page>
  );
}

function WriteStep(props: {
  write: Write;
  onConfirm: () => Promise<void>;
  onOpenPlan: (id: string) => void;
}) {
  const styles = useStyles();
  const { write } = props;
  if (write.step === "idle") return null;
  if (write.step === "checking") return <ProgressBar aria-label="Checking the file against the site" />;
  if (write.step === "failed")
    return (
      <Notice inline title="The import stopped." intent="error">
        {write.message} Nothing is lost: run the import again and it carries on where it stopped.
      </Notice>
    );
  if (write.step === "writing") {
    const label = `Writing ${String(write.done)} of ${String(write.total)}: ${write.stage}`;
    return (
      <Field label={label} validationState="none">
        <ProgressBar value={write.total === 0 ? 0 : write.done / write.total} aria-label={label} />
      </Field>
    );
  }
  if (write.step === "checked")
    return (
      <section className={styles.section} aria-labelledby="confirm-heading">
        <Subtitle1 as="h2" id="confirm-heading">
          What the import will do
        </Subtitle1>
        <ImportChangesView changes={write.preview.changes} done={false} />
        {write.preview.changes.total > 0 && (
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={() => {
                void props.onConfirm();
              }}
            >
              Import
            </Button>
          </div>
        )}
      </section>
    );
  return (
    <section className={styles.section} aria-labelledby="done-heading">
      <Subtitle1 as="h2" id="done-heading">
        Imported
      </Subtitle1>
      <Notice inline title="The plan is imported." intent="success">
        {write.outcome.plan.title} is on the site.
      </Notice>
      <ImportChangesView changes={write.outcome.changes} done />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={() => {
            props.onOpenPlan(write.outcome.plan.id);
          }}
        >
          Open the plan
        </Button>
      </div>
    </section>
  );
}

export default ImportPage;
