// One action (with its milestones beneath) or one milestone in the plan editor: what it is, "Move up" and
// "Move down" among its siblings, "Add a milestone", and a "Change" menu that opens one form in place:
// its words, its target date, its recommendation, milestone or action, withdraw or reinstate.
import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatUkDate } from "../../../../domain/iso-date.ts";
import type { ActionRecord } from "../../../../sharepoint/schema/index.ts";
import { ChangeMenu } from "../../../components/ChangeMenu.tsx";
import { targetWithMoveText } from "../../../components/target-date.ts";
import { ActionEditForm } from "./ActionEditForm.tsx";
import { MakeActionForm, MilestoneForm, MoveForm, ReviseDateForm, WithdrawForm } from "./change-forms.tsx";
import { focusKey, type EditorEnv } from "./editor-env.ts";
import type { ActionNode } from "../plan-order.ts";
import { nextRef } from "./structure-edit.ts";
import { WithdrawnBadge } from "../../../components/WithdrawnBadge.tsx";
import { shownText } from "../../../../lib/bidi.ts";

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  facts: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalL },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  milestones: {
    margin: 0,
    padding: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

type FormKind = "details" | "date" | "move" | "milestone" | "action" | "withdraw" | "add-milestone";

/** A row; `siblings` are the ids it moves among, in order; `milestones` only for a top-level action. */
export function ActionEditRow(props: {
  record: ActionRecord;
  milestones: readonly ActionRecord[];
  siblings: readonly string[];
  env: EditorEnv;
}) {
  const styles = useStyles();
  const { env, record } = props;
  const { action } = record;
  const [form, setForm] = useState<FormKind | null>(null);
  const milestone = action.parentId !== undefined;
  const kind = milestone ? "milestone" : "action";
  const name = `${kind} ${action.ref}`;
  const at = props.siblings.indexOf(action.id);
  const refs = env.dashboard.actions.filter((r) => r.action.id !== action.id).map((r) => r.action.ref);
  const parent = milestone ? env.topLevel.find((p) => p.action.id === action.parentId) : undefined;
  const close = (key: string) => () => {
    setForm(null);
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`[data-focus-key="${key}"]`)?.focus();
    });
  };
  const saved = (key: string) => (message: string) => {
    setForm(null);
    env.done(message, key);
  };
  const formProps = {
    record,
    level: 4 as const,
    onSaved: saved(focusKey("action-change", action.id)),
    onCancel: close(focusKey("action-change", action.id)),
    onConflict: env.conflict,
  };

  return (
    <li className={styles.item} data-action-ref={action.ref} data-edit-row={kind}>
      <Text>
        <Text weight="semibold">{shownText(action.ref)}</Text> {shownText(action.text)}
      </Text>
      <div className={styles.facts}>
        {action.withdrawn !== undefined && <WithdrawnBadge />}
        <Caption1>SRO: {action.sroPost ?? "none named"}</Caption1>
        <Caption1>Target: {targetWithMoveText(action.targetDate, record.baseline)}</Caption1>
        {action.withdrawn !== undefined && (
          <Caption1>
            Withdrawn on {formatUkDate(action.withdrawn.on)}: {shownText(action.withdrawn.reason)}
          </Caption1>
        )}
      </div>
      <div className={styles.buttons}>
        <Button
          size="small"
          aria-label={`Move up ${name}`}
          data-focus-key={focusKey("actions-up", action.id)}
          disabledFocusable={env.moving || at <= 0}
          onClick={() => {
            env.move(
              "actions",
              props.siblings,
              action.id,
              "up",
              `${milestone ? "Milestone" : "Action"} ${action.ref}`,
            );
          }}
        >
          Move up
        </Button>
        <Button
          size="small"
          aria-label={`Move down ${name}`}
          data-focus-key={focusKey("actions-down", action.id)}
          disabledFocusable={env.moving || at < 0 || at >= props.siblings.length - 1}
          onClick={() => {
            env.move(
              "actions",
              props.siblings,
              action.id,
              "down",
              `${milestone ? "Milestone" : "Action"} ${action.ref}`,
            );
          }}
        >
          Move down
        </Button>
        {!milestone && (
          <Button
            size="small"
            aria-label={`Add a milestone to action ${action.ref}`}
            aria-expanded={form === "add-milestone"}
            data-focus-key={focusKey("action-add-milestone", action.id)}
            onClick={() => {
              setForm(form === "add-milestone" ? null : "add-milestone");
            }}
          >
            Add a milestone
          </Button>
        )}
        <ChangeMenu
          label={`Change ${name}`}
          focusKey={focusKey("action-change", action.id)}
          choices={[
            { value: "details", label: "Number, text and SRO post" },
            { value: "date", label: "Revise the target date" },
            { value: "move", label: "Move to another recommendation", shown: !milestone },
            {
              value: "milestone",
              label: "Make it a milestone of another action",
              shown: milestone || props.milestones.length === 0,
            },
            { value: "action", label: "Make it an action", shown: milestone },
            { value: "withdraw", label: action.withdrawn === undefined ? "Withdraw" : "Reinstate" },
          ]}
          onChoose={setForm}
        />
      </div>
      {form === "details" && (
        <ActionEditForm
          place={{ planId: action.planId, recommendationId: action.recommendationId, parent: null }}
          existing={record}
          posts={env.dashboard.sroPosts}
          referenceDate={env.dashboard.plan.referenceDate}
          takenRefs={refs}
          suggestedRef={action.ref}
          level={4}
          onSaved={formProps.onSaved}
          onCancel={formProps.onCancel}
          onConflict={env.conflict}
        />
      )}
      {form === "date" && <ReviseDateForm {...formProps} today={env.today} />}
      {form === "move" && <MoveForm {...formProps} recommendations={env.recommendations} />}
      {form === "milestone" && <MilestoneForm {...formProps} parents={env.topLevel} />}
      {form === "action" && <MakeActionForm {...formProps} parentRef={parent?.action.ref ?? null} />}
      {form === "withdraw" && <WithdrawForm {...formProps} today={env.today} />}
      {form === "add-milestone" && (
        <ActionEditForm
          place={{ planId: action.planId, recommendationId: action.recommendationId, parent: record }}
          existing={null}
          posts={env.dashboard.sroPosts}
          referenceDate={env.dashboard.plan.referenceDate}
          takenRefs={refs}
          suggestedRef={nextRef(action.ref, refs)}
          level={4}
          onSaved={saved(focusKey("action-add-milestone", action.id))}
          onCancel={close(focusKey("action-add-milestone", action.id))}
          onConflict={env.conflict}
        />
      )}
      {props.milestones.length > 0 && (
        <ul className={styles.milestones} aria-label={`Milestones of action ${action.ref}`}>
          {props.milestones.map((m) => (
            <ActionEditRow
              key={m.action.id}
              record={m}
              milestones={[]}
              siblings={props.milestones.map((x) => x.action.id)}
              env={env}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A recommendation's actions as rows. */
export function ActionRows(props: { nodes: readonly ActionNode[]; env: EditorEnv }) {
  const siblings = props.nodes.map((n) => n.record.action.id);
  return props.nodes.map((node) => (
    <ActionEditRow
      key={node.record.action.id}
      record={node.record}
      milestones={node.milestones}
      siblings={siblings}
      env={props.env}
    />
  ));
}
