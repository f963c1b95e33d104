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
import type { PlanFile, SroChoice } from "../../../import/index.ts";
import type { ApplyOutcome } from "../../../sharepoint/import/index.ts";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { canCoordinate } from "../../lib/abilities.ts";
import { useSiteRole } from "../../lib/use-site-role.ts";
import {
  fileErrorText,
  importCore,
  layoutOf,
  NoSheetsError,
  mapWithChoices,
  readChosenFile,
  startingReading,
  unmatchedAcross,
  withMapping,
  type Reading,
} from "./import-flow.ts";
import { ConfirmCheck } from "./ConfirmCheck.tsx";
import { LayoutForm } from "./LayoutForm.tsx";
import { MappingForm } from "./MappingForm.tsx";
import { PlanPreviews } from "./PlanPreviews.tsx";
import { SroChoices } from "./SroChoices.tsx";
import { useImportSources } from "./use-import-sources.ts";
import { WriteStep, type Write } from "./WriteStep.tsx";

type Core = Awaited<ReturnType<typeof importCore>>;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface Loaded {
  core: Core;
  file: PlanFile;
  reading: Reading;
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
  const [confirmed, setConfirmed] = useState(false);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [write, setWrite] = useState<Write>({ step: "idle" });
  const data = sources.data;
  const existing = data?.plan ?? null;
  const planTitle = existing?.title ?? title.trim();

  const layout = useMemo(
    () => (loaded === null ? null : layoutOf(loaded.core, loaded.file, loaded.reading)),
    [loaded],
  );
  const previews = useMemo(() => {
    if (loaded === null || layout === null || data === null) return [];
    const several = layout.planColumn !== null;
    // Updating one plan from a file of several: only that plan's rows (by the title or the saved name).
    const drafts = layout.plans.filter(
      (d) =>
        !several ||
        existing === null ||
        d.title === existing.title ||
        d.title === loaded.reading.mapping.plan,
    );
    return drafts.map((draft) => {
      const planName = several ? draft.title : planTitle === "" ? "Untitled plan" : planTitle;
      return {
        draft,
        title: planName,
        included: !excluded.has(draft.title),
        mapped: mapWithChoices(loaded.core, {
          draft,
          mapping: loaded.reading.mapping,
          title: planName,
          today,
          overdueAfterMonths: existing?.overdueAfterMonths ?? 1,
          posts: data.posts.map((p) => ({ title: p.title, holderUpn: p.holderUpn })),
          people: data.people,
          sroChoices,
          skipErrorRows: skipErrors,
          confirmed,
        }),
      };
    });
  }, [loaded, layout, data, planTitle, today, existing, sroChoices, skipErrors, confirmed, excluded]);

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
  const setFileReading = (next: Reading) => {
    if (loaded === null) return;
    setLoaded({ ...loaded, reading: next });
    changed();
  };
  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setReading(file.name);
    setFileError(null);
    setLoaded(null);
    setWrite({ step: "idle" });
    try {
      const [core, read] = await Promise.all([importCore(), readChosenFile(file)]);
      const start = startingReading(core, read, data.savedMapping);
      if (start === null) throw new NoSheetsError(`"${file.name}" has no sheets.`);
      setLoaded({ core, file: read, reading: start });
      // Answers given for the last file (its SROs, rows, plans) do not carry over to this one.
      setSroChoices({});
      setSkipErrors(false);
      setConfirmed(false);
      setExcluded(new Set());
      const first = layoutOf(core, read, start).plans[0];
      if (existing === null && !titleTyped && first !== undefined) setTitle(first.title);
    } catch (error) {
      setFileError(fileErrorText(error));
    } finally {
      setReading(null);
    }
  };
  const included = previews.filter((p) => p.included);
  const single = layout?.planColumn === null;
  const titleTaken = single && existing === null && data.planTitles.includes(planTitle);
  const target = (planTitleOf: string) =>
    existing !== null && (single || planTitleOf === existing.title) ? { planId: existing.id } : {};
  const check = async () => {
    setWrite({ step: "checking" });
    try {
      const { previewImport } = await import("../../../sharepoint/import/sync.ts");
      const checked = [];
      for (const p of included)
        checked.push({
          title: p.title,
          preview: await previewImport(ctx, p.mapped.plan, target(p.title)),
          unfinished: data.unfinishedTitles.includes(existing?.title ?? p.title),
        });
      setWrite({ step: "checked", previews: checked });
    } catch (error) {
      setWrite({ step: "failed", message: describeError(error) });
    }
  };
  const confirm = async () => {
    if (loaded === null) return;
    try {
      const { applyImport } = await import("../../../sharepoint/import/sync.ts");
      const outcomes: ApplyOutcome[] = [];
      for (const [index, p] of included.entries()) {
        const step = { step: "writing", plan: p.title, index, of: included.length } as const;
        setWrite({ ...step, done: 0, total: 1, stage: "reading the site" });
        const saved = withMapping(p.draft, loaded.reading.mapping).mapping;
        outcomes.push(
          await applyImport(ctx, p.mapped.plan, target(p.title), {
            mapping: JSON.stringify(saved),
            reason: `Changed by import of ${loaded.file.fileName}`,
            today,
            onProgress: (done, total, stage) => {
              setWrite({ ...step, done, total, stage });
            },
          }),
        );
      }
      setWrite({ step: "done", outcomes });
    } catch (error) {
      setWrite({ step: "failed", message: describeError(error) });
    }
  };

  const heading = existing === null ? "New plan from a file" : `Update ${existing.title} from a file`;
  const errors = included.reduce(
    (n, p) => n + p.mapped.problems.filter((x) => x.severity === "error").length,
    0,
  );
  const confirmations = included.flatMap((p) =>
    p.mapped.confirmations.map((c) => (single ? c : `${p.title}: ${c}`)),
  );
  const canWrite = included.length > 0 && included.every((p) => p.mapped.canWrite);
  // The columns are chosen from the sheet they were found on (the first read, if that one is left out).
  const firstSheet =
    loaded?.file.sheets.find((s) => s.name === loaded.reading.mapping.sheet) ??
    loaded?.file.sheets.find((s) => s.name === layout?.sheets.find((x) => x.chosen)?.name);
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
      {loaded !== null && layout !== null && write.step !== "done" && (
        <>
          <section className={styles.section} aria-labelledby="mapping-heading">
            <Subtitle1 as="h2" id="mapping-heading">
              How the file is read
            </Subtitle1>
            {loaded.reading.fromSaved && (
              <Body1>Using the mapping saved by this plan&apos;s last import.</Body1>
            )}
            {single && existing === null && (
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
            <LayoutForm
              file={loaded.file}
              layout={layout}
              reading={loaded.reading}
              headerRow={loaded.reading.mapping.headerRow}
              onReading={setFileReading}
              detect={(name) => {
                const sheet = loaded.file.sheets.find((s) => s.name === name);
                return sheet === undefined ? loaded.reading.mapping : loaded.core.detectMapping(sheet);
              }}
            />
            <MappingForm
              sheet={firstSheet}
              mapping={loaded.reading.mapping}
              roles={loaded.core.COLUMN_ROLES}
              onMapping={(mapping) => {
                setFileReading({ ...loaded.reading, mapping, fromSaved: false });
              }}
            />
          </section>
          <section className={styles.section} aria-labelledby="preview-heading">
            <Subtitle1 as="h2" id="preview-heading">
              Preview
            </Subtitle1>
            {previews.length === 0 && (
              <Body1 role="status">
                {existing !== null && layout.planColumn !== null
                  ? `The file names the plans ${layout.plans.map((p) => `“${p.title}”`).join(", ")}, and none is this plan: import it from New plan from a file.`
                  : "The file holds no plan to import."}
              </Body1>
            )}
            <PlanPreviews
              plans={previews}
              planColumn={layout.planColumn}
              sheets={layout.sheets.filter((s) => s.chosen).length > 1}
              onInclude={(name, include) => {
                const next = new Set(excluded);
                if (include) next.delete(name);
                else next.add(name);
                setExcluded(next);
                changed();
              }}
              onRead={(key, headingReading) => {
                const readings = { ...loaded.reading.mapping.headingReadings, [key]: headingReading };
                setFileReading({
                  ...loaded.reading,
                  mapping: { ...loaded.reading.mapping, headingReadings: readings },
                  fromSaved: false,
                });
              }}
            />
            <SroChoices
              unmatched={unmatchedAcross(included)}
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
            <ConfirmCheck
              confirmations={confirmations}
              confirmed={confirmed}
              onConfirm={(value) => {
                setConfirmed(value);
                changed();
              }}
            />
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                disabled={!canWrite || titleTaken || planTitle === "" || write.step === "checking"}
                onClick={() => {
                  void check();
                }}
              >
                Check against the site
              </Button>
            </div>
            {!canWrite && included.length > 0 && (
              <Body1>
                {errors > 0
                  ? "Nothing can be written while the file has errors: correct the file or the mapping, or skip the rows named."
                  : "Nothing is written until you have checked the file as asked above."}
              </Body1>
            )}
          </section>
        </>
      )}
      <WriteStep write={write} onConfirm={confirm} onOpenPlan={props.onOpenPlan} />
    </Page>
  );
}

export default ImportPage;
