// The frame of every coordinator's form here: named by its heading, checked by our own code (noValidate),
// why a save failed as an alert above the button, what was saved said politely, and a button that stays
// focusable while it saves so the keyboard never loses its place.
import { makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { FormFailure, NamedForm, SubmitButton } from "../../components/FormParts.tsx";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "640px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Put focus on the form's field named `name` (the first field with a problem). */
export function focusField(form: HTMLFormElement, name: string): void {
  const field = form.querySelector<HTMLElement>(`[name="${name}"]`);
  field?.focus();
}

/** A titled form; `failure` and `saved` are words; `extra` sits beside the submit button (Cancel). */
export function ManageForm(props: {
  title: string;
  /** The form's data-form attribute, for tests that find it. */
  name: string;
  /** Given the form, to put focus on a field by its name (see focusField). */
  onSubmit: (form: HTMLFormElement) => void;
  failure: string | null;
  saved?: string | null;
  saving: boolean;
  button: { label: string; savingLabel: string; primary?: boolean };
  extra?: ReactNode;
  /** "h2" on a page of its own, "h3" inside a section. */
  level?: "h2" | "h3";
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  const Heading = props.level ?? "h2";
  return (
    <NamedForm className={styles.form} name={props.name} headingId={headingId} onSubmit={props.onSubmit}>
      <Heading id={headingId} className={styles.heading}>
        {props.title}
      </Heading>
      {props.children}
      <FormFailure failure={props.failure} />
      {props.saved !== undefined && props.saved !== null && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{props.saved}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <SubmitButton
          saving={props.saving}
          label={props.button.label}
          savingLabel={props.button.savingLabel}
          appearance={props.button.primary === false ? "secondary" : "primary"}
        />
        {props.extra}
      </div>
    </NamedForm>
  );
}
