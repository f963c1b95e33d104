// Add an action to a recommendation or a milestone to an action (number, text, SRO post, target date), or
// change an action's number, text and SRO post. Checked here before anything is sent; one request to save.
// Moving a target date is its own form, because it needs a reason.
import { Field, Input, Textarea } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { IsoDate } from "../../../../domain/iso-date.ts";
import type { SroPostRecord } from "../../../../sharepoint/plans/index.ts";
import { addAction, updateAction } from "../api/index.ts";
import type { ActionRecord } from "../../../../sharepoint/schema/index.ts";
import { EditForm } from "./EditForm.tsx";
import { SroPostField, TargetDateField } from "./fields.tsx";
import { refProblem, targetDateReading, textProblem } from "./structure-edit.ts";
import { useWrite } from "./use-write.ts";

type Problems = { ref?: string; text?: string; target?: string };

/** Where a new action goes: under a recommendation, or (with `parent`) as a milestone of an action. */
export interface NewActionPlace {
  planId: string;
  recommendationId: string;
  parent: ActionRecord | null;
}

/** The form; `existing` null adds an action (or milestone) at `place`. */
export function ActionEditForm(props: {
  place: NewActionPlace;
  existing: ActionRecord | null;
  posts: readonly SroPostRecord[];
  referenceDate: IsoDate | null;
  /** Every other action's and milestone's number in the plan. */
  takenRefs: readonly string[];
  suggestedRef: string;
  level: 4;
  onSaved: (message: string) => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const { existing, place } = props;
  const milestone = existing === null ? place.parent !== null : existing.action.parentId !== undefined;
  const kind = milestone ? "milestone" : "action";
  const Kind = milestone ? "Milestone" : "Action";
  const [ref, setRef] = useState(existing?.action.ref ?? props.suggestedRef);
  const [text, setText] = useState(existing?.action.text ?? "");
  const [postId, setPostId] = useState(existing?.sroPostId ?? "");
  const [target, setTarget] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const write = useWrite(existing === null ? `add ${kind}s` : `change ${kind}s`, props.onConflict);
  const refRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const targetRef = useRef<HTMLInputElement>(null);

  async function save() {
    const reading = targetDateReading(target, props.referenceDate);
    const found: Problems = {
      ref: refProblem(ref, props.takenRefs, kind),
      text: textProblem(text, `The ${kind}'s text`, `Say what the ${kind} will do.`),
      target: existing === null && !reading.acceptable ? reading.words : undefined,
    };
    setProblems(found);
    if (found.ref !== undefined) return refRef.current?.focus();
    if (found.text !== undefined) return textRef.current?.focus();
    if (found.target !== undefined) return targetRef.current?.focus();
    const sroPostId = postId === "" ? null : postId;
    const saved = await write.run((ctx) =>
      existing === null
        ? addAction(ctx, {
            planId: place.planId,
            recommendationId: place.recommendationId,
            parentId: place.parent?.action.id ?? null,
            ref: ref.trim(),
            text: text.trim(),
            sroPostId,
            targetDateText: target.trim(),
          })
        : updateAction(ctx, existing, { ref: ref.trim(), text: text.trim(), sroPostId }),
    );
    if (saved)
      props.onSaved(
        existing === null ? `${Kind} ${ref.trim()} was added.` : `${Kind} ${ref.trim()} was changed.`,
      );
  }

  const title =
    existing !== null
      ? `Change ${kind} ${existing.action.ref}`
      : place.parent === null
        ? "New action"
        : `New milestone of action ${place.parent.action.ref}`;
  return (
    <EditForm
      title={title}
      level={props.level}
      name={existing === null ? `add-${kind}` : `edit-${kind}`}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      failure={write.failure}
      failurePrefix={existing === null ? `The ${kind} was not added.` : "Nothing was changed."}
      saving={write.saving}
      button={{ label: existing === null ? `Add ${kind}` : `Save ${kind}`, savingLabel: "Saving…" }}
    >
      <Field
        label={`${Kind} number`}
        required
        validationMessage={problems.ref}
        hint={`As the plan numbers it, for example ${milestone ? "3.2.1" : "3.2"}`}
      >
        <Input
          ref={refRef}
          name="actionRef"
          value={ref}
          onChange={(_, data) => {
            setRef(data.value);
          }}
        />
      </Field>
      <Field label={`${Kind} text`} required validationMessage={problems.text}>
        <Textarea
          ref={textRef}
          name="actionText"
          value={text}
          rows={3}
          resize="vertical"
          onChange={(_, data) => {
            setText(data.value);
          }}
        />
      </Field>
      <SroPostField posts={props.posts} value={postId} onChange={setPostId} />
      {existing === null && (
        <TargetDateField
          label="Target date"
          name="targetDate"
          value={target}
          referenceDate={props.referenceDate}
          problem={problems.target}
          inputRef={targetRef}
          onChange={setTarget}
        />
      )}
    </EditForm>
  );
}
