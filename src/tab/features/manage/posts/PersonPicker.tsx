// A person from the organisation's directory, found by typing part of their name, job title or sign-in
// name (Fluent's Combobox: arrow keys to choose, Enter to take one). The value is their sign-in name (UPN).
import { Combobox, Field, Option } from "@fluentui/react-components";
import { useState, type Ref } from "react";
import type { DirectoryPerson } from "../../../../notify/directory.ts";

const SHOWN = 30;

function label(p: DirectoryPerson): string {
  return p.jobTitle === null ? `${p.displayName} (${p.upn})` : `${p.displayName}, ${p.jobTitle} (${p.upn})`;
}

/** The people whose name, job title or sign-in name contain every word typed. */
export function matchPeople(people: readonly DirectoryPerson[], typed: string): DirectoryPerson[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  return people.filter((p) => {
    const text = label(p).toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function PersonPicker({
  inputRef,
  ...props
}: {
  label: string;
  name: string;
  people: readonly DirectoryPerson[];
  /** The chosen person's UPN; "" for nobody yet. */
  value: string;
  required?: boolean;
  problem: string | undefined;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (upn: string) => void;
}) {
  const chosen = props.people.find((p) => p.upn === props.value);
  const [typed, setTyped] = useState(chosen === undefined ? "" : label(chosen));
  const matches = matchPeople(props.people, chosen !== undefined && typed === label(chosen) ? "" : typed);
  return (
    <Field
      label={props.label}
      required={props.required}
      validationMessage={props.problem}
      hint={props.hint ?? "Type part of their name or job title, then choose them from the list."}
    >
      <Combobox
        ref={inputRef}
        name={props.name}
        freeform
        inlinePopup
        value={typed}
        selectedOptions={props.value === "" ? [] : [props.value]}
        onChange={(event) => {
          setTyped(event.target.value);
          if (props.value !== "") props.onChange("");
        }}
        onOptionSelect={(_, data) => {
          const person = props.people.find((p) => p.upn === data.optionValue);
          setTyped(person === undefined ? "" : label(person));
          props.onChange(person?.upn ?? "");
        }}
      >
        {matches.slice(0, SHOWN).map((p) => (
          <Option key={p.upn} value={p.upn} text={label(p)}>
            {label(p)}
          </Option>
        ))}
        {matches.length === 0 && (
          <Option key="none" value="" text="" disabled>
            Nobody in the directory matches "{typed}"
          </Option>
        )}
        {matches.length > SHOWN && (
          <Option key="more" value="" text="" disabled>
            {matches.length - SHOWN} more: type more of the name
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
