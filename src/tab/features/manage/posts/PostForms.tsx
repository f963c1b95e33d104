// The changes to one SRO post: rename it, give it to a new holder from the directory (or leave it vacant),
// and set or end a delegate's cover with from/to dates (reminders go to the delegate then). Each is saved
// with the post's ETag: if another coordinator changed it, this one is told, the posts are read again (their
// version shows above), and what was typed stays to be saved against it.
import { Button, Checkbox, Field, Input } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { addDays, formatUkDate, type IsoDate } from "../../../../domain/index.ts";
import type { DirectoryPerson } from "../../../../notify/directory.ts";
import type { SroPostRecord } from "../../../../sharepoint/plans/index.ts";
import type { SroPostChanges } from "../../../../sharepoint/posts/index.ts";
import { updateSroPost } from "../api/index.ts";
import { DayField } from "../DayField.tsx";
import { focusField, ManageForm } from "../ManageForm.tsx";
import { PersonPicker } from "./PersonPicker.tsx";
import { isoToUk } from "../plan-settings/plan-form.ts";
import { readDay } from "../uk-date.ts";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

export interface PostFormProps {
  post: SroPostRecord;
  people: readonly DirectoryPerson[];
  today: IsoDate;
  onSaved: (post: SroPostRecord, message: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}

function Cancel(props: { onCancel: () => void }) {
  return <Button onClick={props.onCancel}>Cancel</Button>;
}

function useSave(props: PostFormProps, what: string) {
  const write = useCoordinatorWrite(what, props.onConflict);
  const save = (changes: SroPostChanges, message: (post: SroPostRecord) => string) =>
    write
      .run((ctx) => updateSroPost(ctx, props.post, changes))
      .then((post) => {
        if (post !== undefined) props.onSaved(post, message(post));
      });
  return { write, save };
}

export function RenamePostForm(props: PostFormProps) {
  const [title, setTitle] = useState(props.post.title);
  const [problem, setProblem] = useState<string | undefined>();
  const { write, save } = useSave(props, "rename SRO posts");
  const ref = useRef<HTMLInputElement>(null);
  return (
    <ManageForm
      title={`Rename '${props.post.title}'`}
      name="rename-post"
      level="h3"
      onSubmit={() => {
        const wanted = title.trim();
        setProblem(wanted === "" ? "Give the post a title, e.g. 'Director of Place'." : undefined);
        if (wanted === "") return ref.current?.focus();
        void save({ title: wanted }, (post) => `'${props.post.title}' is now called '${post.title}'.`);
      }}
      failure={write.failure === null ? null : `The post was not renamed. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Rename post", savingLabel: "Saving…" }}
      extra={<Cancel onCancel={props.onCancel} />}
    >
      <Field label="New title" required validationMessage={problem}>
        <Input
          ref={ref}
          name="postTitle"
          value={title}
          onChange={(_, data) => {
            setTitle(data.value);
          }}
        />
      </Field>
    </ManageForm>
  );
}

export function HolderForm(props: PostFormProps) {
  const [upn, setUpn] = useState("");
  const [vacant, setVacant] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const { write, save } = useSave(props, "give SRO posts to a new holder");
  const ref = useRef<HTMLInputElement>(null);
  return (
    <ManageForm
      title={`Give '${props.post.title}' to someone else`}
      name="post-holder"
      level="h3"
      onSubmit={() => {
        const missing = !vacant && upn === "";
        setProblem(
          missing ? "Choose the new holder from the directory, or tick that the post is vacant." : undefined,
        );
        if (missing) return ref.current?.focus();
        void save({ holderUpn: vacant ? null : upn }, (post) =>
          post.holderUpn === null
            ? `'${post.title}' is vacant: its actions have no SRO to remind until it is given to someone.`
            : `'${post.title}' is now held by ${post.holderName ?? post.holderUpn}; reminders go to them.`,
        );
      }}
      failure={write.failure === null ? null : `The holder was not changed. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Save holder", savingLabel: "Saving…" }}
      extra={<Cancel onCancel={props.onCancel} />}
    >
      {!vacant && (
        <PersonPicker
          label="New holder"
          name="holder"
          people={props.people}
          value={upn}
          required
          problem={problem}
          inputRef={ref}
          onChange={setUpn}
        />
      )}
      <Checkbox
        name="vacant"
        checked={vacant}
        label="Nobody holds it for now (vacant)"
        onChange={(_, data) => {
          setVacant(data.checked === true);
          setProblem(undefined);
        }}
      />
    </ManageForm>
  );
}

export function DelegateForm(props: PostFormProps) {
  const [upn, setUpn] = useState(props.post.delegateUpn ?? "");
  // A week's cover from the next Monday, to begin with: the usual "away next week".
  const monday = addDays(props.today, (8 - new Date(`${props.today}T12:00:00Z`).getUTCDay()) % 7 || 7);
  const [from, setFrom] = useState(isoToUk(props.post.delegateFrom ?? monday));
  const [to, setTo] = useState(
    props.post.delegateTo === null && props.post.delegateFrom !== null
      ? ""
      : isoToUk(props.post.delegateTo ?? addDays(monday, 4)),
  );
  const [problems, setProblems] = useState<{ upn?: string; from?: string; to?: string }>({});
  const { write, save } = useSave(props, "set delegates on SRO posts");
  return (
    <ManageForm
      title={`A delegate for '${props.post.title}'`}
      name="post-delegate"
      level="h3"
      onSubmit={(form) => {
        const f = readDay(from, "the first day of cover", true);
        const t = readDay(to, "the last day of cover", false);
        const found = {
          upn: upn === "" ? "Choose who covers the post from the directory." : undefined,
          from: f.problem,
          to:
            t.problem ??
            (f.day !== null && t.day !== null && t.day < f.day
              ? "The last day of cover cannot be before its first day."
              : undefined),
        };
        setProblems(found);
        const first = (["upn", "from", "to"] as const).find((k) => found[k] !== undefined);
        if (first !== undefined || f.day === null) {
          focusField(form, { upn: "delegate", from: "delegateFrom", to: "delegateTo" }[first ?? "from"]);
          return;
        }
        const cover = { upn, from: f.day, to: t.day };
        void save({ delegate: cover }, (post) => {
          const name = props.people.find((p) => p.upn === upn)?.displayName ?? upn;
          return `${name} covers '${post.title}' from ${formatUkDate(cover.from)}${cover.to === null ? " until further notice" : ` to ${formatUkDate(cover.to)}`}; reminders go to them then.`;
        });
      }}
      failure={write.failure === null ? null : `The delegate was not saved. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Save delegate", savingLabel: "Saving…" }}
      extra={<Cancel onCancel={props.onCancel} />}
    >
      <PersonPicker
        label="Delegate"
        name="delegate"
        people={props.people}
        value={upn}
        required
        problem={problems.upn}
        hint="Who covers the post (leave, a vacancy): type part of their name, then choose them."
        onChange={setUpn}
      />
      <DayField
        label="First day of cover"
        name="delegateFrom"
        required
        value={from}
        problem={problems.from}
        onChange={setFrom}
      />
      <DayField
        label="Last day of cover"
        name="delegateTo"
        value={to}
        problem={problems.to}
        hint="Leave it empty for until further notice. For example 30/06/2024."
        onChange={setTo}
      />
    </ManageForm>
  );
}

/** Ends a delegate's cover: one button, as there is nothing to type. */
export function EndCoverForm(props: PostFormProps) {
  const { write, save } = useSave(props, "change delegates on SRO posts");
  return (
    <ManageForm
      title={`End the cover of '${props.post.title}'`}
      name="end-cover"
      level="h3"
      onSubmit={() =>
        void save(
          { delegate: null },
          (post) => `Nobody covers '${post.title}' now; reminders go to its holder.`,
        )
      }
      failure={write.failure === null ? null : `The cover was not ended. ${write.failure}`}
      saving={write.saving}
      button={{ label: "End the cover", savingLabel: "Saving…" }}
      extra={<Cancel onCancel={props.onCancel} />}
    >
      <p style={{ margin: 0 }}>
        {props.post.delegateUpn} covers it now. Reminders go to the holder again once the cover ends.
      </p>
    </ManageForm>
  );
}
