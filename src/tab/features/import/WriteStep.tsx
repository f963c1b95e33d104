// The import's last steps for one plan or several: what it will do to the site (checked), the writing with
// its progress, and what was done, each plan with a way to open it.
import {
  Body1,
  Button,
  Field,
  makeStyles,
  ProgressBar,
  Subtitle1,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { ApplyOutcome, ImportPreview } from "../../../sharepoint/import/index.ts";
import { Notice } from "../../components/Notice.tsx";
import { ImportChangesView } from "./ImportChangesView.tsx";

export type Write =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "checked"; previews: { title: string; preview: ImportPreview; unfinished: boolean }[] }
  | { step: "writing"; plan: string; index: number; of: number; done: number; total: number; stage: string }
  | { step: "done"; outcomes: ApplyOutcome[] }
  | { step: "failed"; message: string };

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface Props {
  write: Write;
  onConfirm: () => Promise<void>;
  onOpenPlan: (id: string) => void;
}

/** The check, the writing and the outcome, as far as the import has gone. */
export function WriteStep(props: Props) {
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
    const plan =
      write.of > 1 ? `Plan ${String(write.index + 1)} of ${String(write.of)}, ${write.plan}: ` : "";
    const label = `${plan}Writing ${String(write.done)} of ${String(write.total)}: ${write.stage}`;
    return (
      <Field label={label} validationState="none">
        <ProgressBar value={write.total === 0 ? 0 : write.done / write.total} aria-label={label} />
      </Field>
    );
  }
  if (write.step === "checked") {
    const several = write.previews.length > 1;
    return (
      <section className={styles.section} aria-labelledby="confirm-heading">
        <Subtitle1 as="h2" id="confirm-heading">
          What the import will do
        </Subtitle1>
        {write.previews.map(({ title, preview, unfinished }) => (
          <div key={title} className={styles.section}>
            {several && <Subtitle2 as="h3">{title}</Subtitle2>}
            <ImportChangesView changes={preview.changes} done={false} />
            {unfinished && (
              <Body1>
                The last import of this plan did not finish, so its SROs and viewers do not see it yet: Import
                finishes it.
              </Body1>
            )}
          </div>
        ))}
        {write.previews.some((p) => p.preview.changes.total > 0 || p.unfinished) && (
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
  }
  const several = write.outcomes.length > 1;
  return (
    <section className={styles.section} aria-labelledby="done-heading">
      <Subtitle1 as="h2" id="done-heading">
        Imported
      </Subtitle1>
      <Notice
        inline
        title={several ? `${String(write.outcomes.length)} plans are imported.` : "The plan is imported."}
        intent="success"
      >
        {write.outcomes.map((o) => o.plan.title).join("; ")} {several ? "are" : "is"} on the site.
      </Notice>
      {write.outcomes.map((outcome) => (
        <div key={outcome.plan.id} className={styles.section}>
          {several && <Subtitle2 as="h3">{outcome.plan.title}</Subtitle2>}
          <ImportChangesView changes={outcome.changes} done />
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={() => {
                props.onOpenPlan(outcome.plan.id);
              }}
            >
              {several ? `Open ${outcome.plan.title}` : "Open the plan"}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}
