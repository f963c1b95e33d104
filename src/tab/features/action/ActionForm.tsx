// The frame the action page's forms share: a form named by its heading, checked by our own code (noValidate:
// the browser's bubbles would say it in other words), why a save failed as an alert just above the button,
// and a button that stays focusable while it saves so the keyboard never loses its place. When the checks
// find a problem, focus moves to the first field with one, whose message its label then reads out.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { FormFailure, NamedForm, SubmitButton } from "../../components/FormParts.tsx";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "640px" },
});

/** A titled form; `failure` (in words) follows `failurePrefix`, and `after` sits between it and the button. */
export function ActionForm(props: {
  title: string;
  /** The form's data-form attribute, for tests that find it. */
  name?: string;
  onSubmit: () => void;
  failure: string | null;
  failurePrefix: string;
  after?: ReactNode;
  saving: boolean;
  /** `hidden` while a question (ConfirmComplete) stands in for it, so one button at a time says what it does. */
  button: { label: string; savingLabel: string; primary?: boolean; hidden?: boolean };
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <NamedForm
      className={styles.form}
      name={props.name}
      headingId={headingId}
      onSubmit={(form) => {
        props.onSubmit();
        // After React has shown the messages (Fluent's Field marks each field with one aria-invalid).
        window.setTimeout(() => {
          form.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
        }, 0);
      }}
    >
      <h2 id={headingId} tabIndex={-1} style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
        {props.title}
      </h2>
      {props.children}
      <FormFailure failure={props.failure} prefix={props.failurePrefix} />
      {props.after}
      {/* Hidden rather than removed, so focus can come back to it when the question is answered "Go back". */}
      <div hidden={props.button.hidden === true}>
        <SubmitButton
          saving={props.saving}
          label={props.button.label}
          savingLabel={props.button.savingLabel}
          appearance={props.button.primary === true ? "primary" : undefined}
        />
      </div>
    </NamedForm>
  );
}
