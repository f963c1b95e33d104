// The changes to an action that are more than its words: move it to another recommendation, make it a
// milestone of another action (or an action again), withdraw it with a reason (or reinstate it), and
// revise its target date with a reason. Each is one form and one save; what was chosen or typed stays
// when a save fails.
import { Body1, Field, Select } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatUkDate, type IsoDate } from "../../../../domain/iso-date.ts";
import type { Recommendation } from "../../../../domain/types.ts";
import {
  makeAction,
  makeMilestone,
  moveAction,
  reinstateAction,
  retireAction,
  reviseTargetDate,
} from "../api/index.ts";
import type { ActionRecord } from "../../../../sharepoint/schema/index.ts";
import { TextAreaField } from "../../../components/FormParts.tsx";
import { targetDateText } from "../../../components/target-date.ts";
import { EditForm } from "./EditForm.tsx";
import { TargetDateField } from "./fields.tsx";
import { targetDateReading, textProblem } from "./structure-edit.ts";
import { useWrite } from "./use-write.ts";

export interface ChangeFormProps {
  record: ActionRecord;
  level: 4;
  onSaved: (message: string) => void;
  onCancel: () => void;
  onConflict: () => void;
}

function recommendationName(r: Recommendation): string {
  return `Recommendation ${r.ref}: ${r.title}`;
}

/** Move an action (with its milestones) to another recommendation. */
export function MoveForm(props: ChangeFormProps & { recommendations: readonly Recommendation[] }) {
  const { action } = props.record;
  const others = props.recommendations.filter((r) => r.id !== action.recommendationId);
  const [to, setTo] = useState(others[0]?.id ?? "");
  const write = useWrite("move actions", props.onConflict);
  const target = others.find((r) => r.id === to);
  return (
    <EditForm
      title={`Move action ${action.ref} to another recommendation`}
      level={props.level}
      name="move-action"
      onSubmit={() =>
        void (async () => {
          if (target === undefined) return;
          if (await write.run((ctx) => moveAction(ctx, props.record, target.id)))
            props.onSaved(`Action ${action.ref} was moved to recommendation ${target.ref}.`);
        })()
      }
      onCancel={props.onCancel}
      failure={write.failure}
      failurePrefix="The action was not moved."
      saving={write.saving}
      button={{ label: "Move action", savingLabel: "Moving…" }}
    >
      {others.length === 0 ? (
        <Body1>The plan has no other recommendation to move it to. Add one first.</Body1>
      ) : (
        <Field
          label="Move to"
          hint="Its milestones move with it; its number stays as it is until you change it"
        >
          <Select
            name="moveTo"
            value={to}
            style={{ minWidth: 0, maxWidth: "100%" }}
            select={{ style: { minWidth: 0, width: "100%" } }}
            onChange={(_, data) => {
              setTo(data.value);
            }}
          >
            {others.map((r) => (
              <option key={r.id} value={r.id}>
                {recommendationName(r)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </EditForm>
  );
}

/** Make an action a milestone of another action of the plan, or move a milestone to another action. */
export function MilestoneForm(props: ChangeFormProps & { parents: readonly ActionRecord[] }) {
  const { action } = props.record;
  const parents = props.parents.filter(
    (p) => p.action.id !== action.id && p.action.id !== action.parentId && p.action.parentId === undefined,
  );
  const [to, setTo] = useState(parents[0]?.action.id ?? "");
  const write = useWrite("change the plan's milestones", props.onConflict);
  const parent = parents.find((p) => p.action.id === to);
  const kind = action.parentId === undefined ? "action" : "milestone";
  return (
    <EditForm
      title={
        kind === "action"
          ? `Make action ${action.ref} a milestone of another action`
          : `Make milestone ${action.ref} a milestone of another action`
      }
      level={props.level}
      name="make-milestone"
      onSubmit={() =>
        void (async () => {
          if (parent === undefined) return;
          if (await write.run((ctx) => makeMilestone(ctx, props.record, parent.action.id)))
            props.onSaved(
              `${kind === "action" ? "Action" : "Milestone"} ${action.ref} is now a milestone of action ${parent.action.ref}.`,
            );
        })()
      }
      onCancel={props.onCancel}
      failure={write.failure}
      failurePrefix="Nothing was changed."
      saving={write.saving}
      button={{ label: "Make it a milestone", savingLabel: "Saving…" }}
    >
      {parents.length === 0 ? (
        <Body1>The plan has no other action for it to belong to.</Body1>
      ) : (
        <Field label="Milestone of action">
          <Select
            name="parentAction"
            value={to}
            style={{ minWidth: 0, maxWidth: "100%" }}
            select={{ style: { minWidth: 0, width: "100%" } }}
            onChange={(_, data) => {
              setTo(data.value);
            }}
          >
            {parents.map((p) => (
              <option key={p.action.id} value={p.action.id}>
                {`${p.action.ref} ${p.action.text}`.slice(0, 90)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </EditForm>
  );
}

/** Make a milestone an action of its parent's recommendation again. */
export function MakeActionForm(props: ChangeFormProps & { parentRef: string | null }) {
  const { action } = props.record;
  const write = useWrite("change the plan's milestones", props.onConflict);
  return (
    <EditForm
      title={`Make milestone ${action.ref} an action`}
      level={props.level}
      name="make-action"
      onSubmit={() =>
        void (async () => {
          if (await write.run((ctx) => makeAction(ctx, props.record)))
            props.onSaved(`Milestone ${action.ref} is now an action.`);
        })()
      }
      onCancel={props.onCancel}
      failure={write.failure}
      failurePrefix="Nothing was changed."
      saving={write.saving}
      button={{ label: "Make it an action", savingLabel: "Saving…" }}
    >
      <Body1>
        It becomes an action of the same recommendation
        {props.parentRef === null ? "" : ` as action ${props.parentRef}`}, no longer a milestone of it.
      </Body1>
    </EditForm>
  );
}

/** Withdraw an action with a reason (it is never deleted), or reinstate a withdrawn one. */
export function WithdrawForm(props: ChangeFormProps & { today: IsoDate }) {
  const { action } = props.record;
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const write = useWrite("withdraw or reinstate actions", props.onConflict);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const kind = action.parentId === undefined ? "action" : "milestone";
  const Kind = kind === "action" ? "Action" : "Milestone";
  if (action.withdrawn !== undefined) {
    return (
      <EditForm
        title={`Reinstate ${kind} ${action.ref}`}
        level={props.level}
        name="reinstate-action"
        onSubmit={() =>
          void (async () => {
            if (await write.run((ctx) => reinstateAction(ctx, props.record)))
              props.onSaved(`${Kind} ${action.ref} was reinstated.`);
          })()
        }
        onCancel={props.onCancel}
        failure={write.failure}
        failurePrefix="Nothing was changed."
        saving={write.saving}
        button={{ label: `Reinstate ${kind}`, savingLabel: "Saving…" }}
      >
        <Body1>
          Withdrawn on {formatUkDate(action.withdrawn.on)}: {action.withdrawn.reason}. Reinstated, it counts
          in the plan's figures and reminders again.
        </Body1>
      </EditForm>
    );
  }
  async function save() {
    const found = textProblem(reason, "The reason", `Give the reason the ${kind} is being withdrawn.`);
    setProblem(found);
    if (found !== undefined) return reasonRef.current?.focus();
    if (await write.run((ctx) => retireAction(ctx, props.record, reason.trim(), props.today)))
      props.onSaved(`${Kind} ${action.ref} was withdrawn.`);
  }
  return (
    <EditForm
      title={`Withdraw ${kind} ${action.ref}`}
      level={props.level}
      name="withdraw-action"
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      failure={write.failure}
      failurePrefix={`The ${kind} was not withdrawn.`}
      saving={write.saving}
      button={{ label: `Withdraw ${kind}`, savingLabel: "Saving…" }}
    >
      <Body1>
        It stays in the plan, its history and reports as withdrawn, with your reason; it no longer counts as
        due or overdue and gets no reminders. You can reinstate it.
      </Body1>
      <TextAreaField
        label="Reason for withdrawing it"
        name="withdrawReason"
        required
        problem={problem}
        value={reason}
        textareaRef={reasonRef}
        onChange={setReason}
      />
    </EditForm>
  );
}

/** Revise the target date: a revision with a reason in its history, as an approved request is. */
export function ReviseDateForm(props: ChangeFormProps & { today: IsoDate }) {
  const { action } = props.record;
  const [toText, setToText] = useState("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<{ toText?: string; reason?: string }>({});
  const write = useWrite("revise target dates", props.onConflict);
  const dateRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  async function save() {
    const reading = targetDateReading(toText, props.record.planReferenceDate);
    const found = {
      toText:
        toText.trim() === ""
          ? "Enter the new target date, for example 30 September 2024, Ongoing or TBC."
          : reading.acceptable
            ? undefined
            : reading.words,
      reason: textProblem(reason, "The reason", "Give the reason the date is being revised."),
    };
    setProblems(found);
    if (found.toText !== undefined) return dateRef.current?.focus();
    if (found.reason !== undefined) return reasonRef.current?.focus();
    if (
      await write.run((ctx) => reviseTargetDate(ctx, props.record, toText.trim(), reason.trim(), props.today))
    )
      props.onSaved(`The target date of ${action.ref} was revised to ${toText.trim()}.`);
  }
  return (
    <EditForm
      title={`Revise the target date of ${action.ref}`}
      level={props.level}
      name="revise-date"
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      failure={write.failure}
      failurePrefix="The target date was not changed."
      saving={write.saving}
      button={{ label: "Revise the target date", savingLabel: "Saving…" }}
    >
      <Body1>
        Now: {targetDateText(action.targetDate)}. The change and its reason go in its target date history.
      </Body1>
      <TargetDateField
        label="New target date"
        name="revisedTargetDate"
        required
        value={toText}
        referenceDate={props.record.planReferenceDate}
        problem={problems.toText}
        inputRef={dateRef}
        onChange={setToText}
      />
      <TextAreaField
        label="Reason for the change"
        name="reviseReason"
        required
        problem={problems.reason}
        value={reason}
        textareaRef={reasonRef}
        onChange={setReason}
      />
    </EditForm>
  );
}
