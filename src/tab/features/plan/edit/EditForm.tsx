// The frame every structure form shares: a form named by its heading, checked by our own code (noValidate:
// the browser's bubbles would say it in other words), why a save failed as an alert just above the
// buttons, and buttons that stay focusable while saving so the keyboard never loses its place. Focus starts
// in its first field (it was opened from a button or a menu).
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { FormFailure, NamedForm, SubmitButton } from "../../../components/FormParts.tsx";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "640px",
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A titled form with a submit button and, when `onCancel` is given, a Cancel button. */
export function EditForm(props: {
  title: string;
  /** The heading's level, one below the section the form sits in. */
  level: 3 | 4;
  /** The form's data-form attribute, for tests that find it. */
  name: string;
  onSubmit: () => void;
  onCancel?: () => void;
  failure: string | null;
  failurePrefix: string;
  saving: boolean;
  button: { label: string; savingLabel: string };
  children?: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  const Heading = `h${String(props.level)}` as "h3";
  const formRef = useRef<HTMLFormElement>(null);
  // Opened from a button or a menu: the keyboard goes straight to its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, textarea, select, button")?.focus();
  }, []);
  return (
    <NamedForm
      formRef={formRef}
      className={styles.form}
      name={props.name}
      headingId={headingId}
      onSubmit={() => {
        if (!props.saving) props.onSubmit();
      }}
    >
      <Heading id={headingId} className={styles.heading}>
        {props.title}
      </Heading>
      {props.children}
      <FormFailure failure={props.failure} prefix={props.failurePrefix} />
      <div className={styles.buttons}>
        <SubmitButton
          saving={props.saving}
          label={props.button.label}
          savingLabel={props.button.savingLabel}
          appearance="primary"
        />
        {props.onCancel !== undefined && (
          <Button type="button" onClick={props.onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </NamedForm>
  );
}
