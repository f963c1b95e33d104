// A day typed as a UK reader writes it, with, under it, how it reads ("Reads as 30 June 2024"), announced
// politely as it changes; the form's problem replaces the hint when the day cannot be used.
import { Field, Input } from "@fluentui/react-components";
import type { Ref } from "react";
import { formatUkDate } from "../../../domain/index.ts";
import { parseUkDay } from "./uk-date.ts";

export function DayField({
  inputRef,
  ...props
}: {
  label: string;
  name: string;
  value: string;
  required?: boolean;
  problem: string | undefined;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (text: string) => void;
}) {
  const day = parseUkDay(props.value);
  const reading =
    props.value.trim() === "" ? "" : day === null ? "Not yet a day." : `Reads as ${formatUkDate(day)}.`;
  return (
    <Field
      label={props.label}
      required={props.required}
      validationMessage={props.problem}
      hint={
        <>
          {props.hint ?? "For example 30/06/2024 or 30 June 2024."}{" "}
          <span aria-live="polite" data-reading>
            {reading}
          </span>
        </>
      }
    >
      <Input
        ref={inputRef}
        name={props.name}
        value={props.value}
        autoComplete="off"
        onChange={(_, data) => {
          props.onChange(data.value);
        }}
      />
    </Field>
  );
}
