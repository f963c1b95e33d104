// A day typed as a UK reader writes it, with, under it, how it reads ("Reads as 30 June 2024"), announced
// politely as it changes; the form's problem replaces the hint when the day cannot be used.
import { formatUkDate } from "../../../domain/index.ts";
import { ReadingField, type ReadingFieldProps } from "../../components/ReadingField.tsx";
import { parseUkDay } from "./uk-date.ts";

export function DayField({
  inputRef,
  ...props
}: Omit<ReadingFieldProps, "hint" | "reading" | "autoComplete"> & { hint?: string }) {
  const day = parseUkDay(props.value);
  const reading =
    props.value.trim() === "" ? "" : day === null ? "Not yet a day." : `Reads as ${formatUkDate(day)}.`;
  return (
    <ReadingField
      {...props}
      hint={props.hint ?? "For example 30/06/2024 or 30 June 2024."}
      inputRef={inputRef}
      reading={reading}
      autoComplete="off"
    />
  );
}
