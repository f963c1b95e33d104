// The frame the action page's forms share: a form named by its heading, checked by our own code (noValidate:
// the browser's bubbles would say it in other words), why a save failed as an alert just above the button,
// and a button that stays focusable while it saves so the keyboard never loses its place. When the checks
// find a problem, focus moves to the first field with one, whose message its label then reads out.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

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
  button: { label: string; savingLabel: string; primary?: boolean };
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <form
      className={styles.form}
      data-form={props.name}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
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
      {props.failure !== null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {props.failurePrefix} {props.failure}
          </MessageBarBody>
        </MessageBar>
      )}
      {props.after}
      <div>
        <Button
          appearance={props.button.primary === true ? "primary" : undefined}
          type="submit"
          disabledFocusable={props.saving}
        >
          {props.saving ? props.button.savingLabel : props.button.label}
        </Button>
      </div>
    </form>
  );
}
