// Fields the structure forms share: an SRO post chosen from the site's posts, and a target date typed as the
// plan writes it with, under it, how it will be read (announced politely as it changes).
import { Field, Select } from "@fluentui/react-components";
import type { IsoDate } from "../../../../domain/iso-date.ts";
import type { SroPostRecord } from "../../../../sharepoint/plans/index.ts";
import { ReadingField, type ReadingFieldProps } from "../../../components/ReadingField.tsx";
import { targetDateReading } from "./structure-edit.ts";

/** The posts as options, A to Z; "" means no SRO named. */
export function SroPostField(props: {
  posts: readonly SroPostRecord[];
  value: string;
  onChange: (postId: string) => void;
}) {
  const posts = [...props.posts].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <Field label="SRO post" hint="The post accountable for it; reminders go to whoever holds it">
      <Select
        name="sroPost"
        value={props.value}
        style={{ minWidth: 0, maxWidth: "100%" }}
        select={{ style: { minWidth: 0, width: "100%" } }}
        onChange={(_, data) => {
          props.onChange(data.value);
        }}
      >
        <option value="">No SRO named</option>
        {posts.map((post) => (
          <option key={post.id} value={post.id}>
            {post.title}
            {post.holderName === null ? " (vacant)" : ` (${post.holderName})`}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A target date as typed, with how it reads; `problem` is shown instead when the form refused it. */
export function TargetDateField({
  inputRef,
  ...props
}: Omit<ReadingFieldProps, "hint" | "reading" | "autoComplete"> & { referenceDate: IsoDate | null }) {
  const reading = targetDateReading(props.value, props.referenceDate);
  return (
    <ReadingField
      {...props}
      hint="As the plan writes it, for example 31 March 2025, Mar-25, Ongoing or TBC."
      inputRef={inputRef}
      reading={reading.words}
    />
  );
}
