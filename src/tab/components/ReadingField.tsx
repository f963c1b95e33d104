// A field typed in the writer's own words (a day, a target date) with, under it, the example it expects and
// how what was typed reads, announced politely as it changes; the form's problem replaces the hint when it
// cannot be used.
import { Field, Input } from "@fluentui/react-components";
import type { Ref } from "react";

export interface ReadingFieldProps {
  label: string;
  name: string;
  value: string;
  required?: boolean;
  problem: string | undefined;
  /** What to type, for example. */
  hint: string;
  /** How `value` reads, in words ("" for nothing yet). */
  reading: string;
  autoComplete?: "off";
  inputRef?: Ref<HTMLInputElement>;
  onChange: (text: string) => void;
}

export function ReadingField({ inputRef, ...props }: ReadingFieldProps) {
  return (
    <Field
      label={props.label}
      required={props.required}
      validationMessage={props.problem}
      hint={
        <>
          {props.hint}{" "}
          <span aria-live="polite" data-reading>
            {props.reading}
          </span>
        </>
      }
    >
      <Input
        ref={inputRef}
        name={props.name}
        value={props.value}
        autoComplete={props.autoComplete}
        onChange={(_, data) => {
          props.onChange(data.value);
        }}
      />
    </Field>
  );
}
