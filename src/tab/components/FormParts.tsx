// The parts every form frame of the tab shares (the action page's, the plan editor's, the coordinators'): a
// form named by its heading and checked by our own code (noValidate: the browser's bubbles would say it in
// other words), why a save failed as an alert, and a submit button that stays focusable while it saves so the
// keyboard never loses its place.
import { Button, MessageBar, MessageBarBody, Textarea, Field } from "@fluentui/react-components";
import type { ReactNode, Ref } from "react";
import { STATUSES } from "../../domain/types.ts";

/** A form labelled by its heading (`headingId`); `onSubmit` is given the form, its default submit stopped. */
export function NamedForm({
  formRef,
  ...props
}: {
  className: string;
  /** The form's data-form attribute, for tests that find it. */
  name: string | undefined;
  headingId: string;
  onSubmit: (form: HTMLFormElement) => void;
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <form
      ref={formRef}
      className={props.className}
      data-form={props.name}
      aria-labelledby={props.headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(event.currentTarget);
      }}
    >
      {props.children}
    </form>
  );
}

/** Why a save failed (in words), after `prefix` (what was not done), as an alert; nothing when it did not. */
export function FormFailure(props: { failure: string | null; prefix?: string }) {
  if (props.failure === null) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {props.prefix !== undefined && `${props.prefix} `}
        {props.failure}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The submit button: `savingLabel` while it saves, and focusable then too. */
export function SubmitButton(props: {
  saving: boolean;
  label: string;
  savingLabel: string;
  appearance?: "primary" | "secondary";
}) {
  return (
    <Button appearance={props.appearance} type="submit" disabledFocusable={props.saving}>
      {props.saving ? props.savingLabel : props.label}
    </Button>
  );
}

/** The statuses as a Select's options, in their order. */
export function StatusOptions() {
  return STATUSES.map((status) => (
    <option key={status} value={status}>
      {status}
    </option>
  ));
}

/** A few lines of text typed in answer (a reason, a note), its problem shown under it when the form refused it. */
export function TextAreaField({
  textareaRef,
  ...props
}: {
  label: string;
  /** The textarea's name, for focusField and for tests. */
  name?: string;
  required?: boolean;
  problem: string | undefined;
  value: string;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
  onChange: (text: string) => void;
}) {
  return (
    <Field label={props.label} required={props.required} validationMessage={props.problem}>
      <Textarea
        ref={textareaRef}
        name={props.name}
        value={props.value}
        rows={props.rows ?? 3}
        resize="vertical"
        onChange={(_, data) => {
          props.onChange(data.value);
        }}
      />
    </Field>
  );
}
