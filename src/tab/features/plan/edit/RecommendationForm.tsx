// Add a recommendation to the plan, or change one's number, title and details. Checked here before anything
// is sent (number given and not already used, title given); one request to save.
import { Field, Input, Textarea } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Recommendation } from "../../../../domain/types.ts";
import type { Versioned } from "../../../../sharepoint/schema/index.ts";
import { addRecommendation, updateRecommendation } from "../api/index.ts";
import { EditForm } from "./EditForm.tsx";
import { refProblem, textProblem, TITLE_LIMIT } from "./structure-edit.ts";
import { useWrite } from "./use-write.ts";

type Problems = { ref?: string; title?: string; details?: string };

/** The form; `existing` null adds a recommendation to `planId`. */
export function RecommendationForm(props: {
  planId: string;
  existing: (Recommendation & Versioned) | null;
  /** The other recommendations' numbers (a number is used once per plan). */
  takenRefs: readonly string[];
  suggestedRef: string;
  level: 3 | 4;
  onSaved: (message: string) => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const { existing } = props;
  const [ref, setRef] = useState(existing?.ref ?? props.suggestedRef);
  const [title, setTitle] = useState(existing?.title ?? "");
  const [details, setDetails] = useState(existing?.description ?? "");
  const [problems, setProblems] = useState<Problems>({});
  const write = useWrite(
    existing === null ? "add recommendations" : "change recommendations",
    props.onConflict,
  );
  const refRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const detailsRef = useRef<HTMLTextAreaElement>(null);

  async function save() {
    const found: Problems = {
      ref: refProblem(ref, props.takenRefs, "recommendation"),
      title: textProblem(title, "The title", "Give the recommendation a title.", TITLE_LIMIT),
      details: details.trim() === "" ? undefined : textProblem(details, "The details", ""),
    };
    setProblems(found);
    if (found.ref !== undefined) return refRef.current?.focus();
    if (found.title !== undefined) return titleRef.current?.focus();
    if (found.details !== undefined) return detailsRef.current?.focus();
    const input = { ref: ref.trim(), title: title.trim(), details: details.trim() };
    const saved = await write.run((ctx) =>
      existing === null
        ? addRecommendation(ctx, { planId: props.planId, ...input })
        : updateRecommendation(ctx, existing, input),
    );
    if (saved)
      props.onSaved(
        existing === null
          ? `Recommendation ${input.ref} was added.`
          : `Recommendation ${input.ref} was changed.`,
      );
  }

  return (
    <EditForm
      title={existing === null ? "New recommendation" : `Change recommendation ${existing.ref}`}
      level={props.level}
      name={existing === null ? "add-recommendation" : "edit-recommendation"}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      failure={write.failure}
      failurePrefix={existing === null ? "The recommendation was not added." : "Nothing was changed."}
      saving={write.saving}
      button={{
        label: existing === null ? "Add recommendation" : "Save recommendation",
        savingLabel: "Saving…",
      }}
    >
      <Field
        label="Recommendation number"
        required
        validationMessage={problems.ref}
        hint="As the plan numbers it, for example 3 or 3a"
      >
        <Input
          ref={refRef}
          name="recommendationRef"
          value={ref}
          onChange={(_, data) => {
            setRef(data.value);
          }}
        />
      </Field>
      <Field label="Title" required validationMessage={problems.title}>
        <Input
          ref={titleRef}
          name="recommendationTitle"
          value={title}
          onChange={(_, data) => {
            setTitle(data.value);
          }}
        />
      </Field>
      <Field label="Details" validationMessage={problems.details}>
        <Textarea
          ref={detailsRef}
          name="recommendationDetails"
          value={details}
          rows={3}
          resize="vertical"
          onChange={(_, data) => {
            setDetails(data.value);
          }}
        />
      </Field>
    </EditForm>
  );
}
