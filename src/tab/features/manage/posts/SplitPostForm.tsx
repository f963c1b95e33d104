// Split a post written as two ("CEO/Monitoring Officer") into two posts: this one keeps its id under one
// title, a new post takes the other (with its holder, or vacant), and the actions ticked move to the new one.
// All or nothing: if any part is refused (another coordinator changed the post or an action), none is kept.
import { Button, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { DataContext } from "../../../../sharepoint/core/index.ts";
import { listPlans, loadDashboard, splitSroPost, withOwnWarnings } from "../api/index.ts";
import type { ActionRecord, PlanRecord } from "../../../../sharepoint/schema/index.ts";
import { useDataContext } from "../../../lib/data.tsx";
import { describeError } from "../../../lib/describe-error.ts";
import { useRemote } from "../../../lib/use-remote.ts";
import { ManageForm } from "../ManageForm.tsx";
import { PersonPicker } from "./PersonPicker.tsx";
import type { PostFormProps } from "./PostForms.tsx";
import { useCoordinatorWrite } from "../../../lib/use-coordinator-write.ts";

const useStyles = makeStyles({
  actions: { border: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXS },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

interface PostActions {
  plan: PlanRecord;
  actions: ActionRecord[];
}

// The post's actions and milestones in every plan (archived and still being imported too), plan by plan: a
// post is the site's, not one plan's.
async function loadPostActions(base: DataContext, postId: string): Promise<PostActions[]> {
  const ctx = withOwnWarnings(base);
  const plans = await listPlans(ctx, { includeArchived: true, includeUnfinished: true });
  const found = await Promise.all(
    plans.map(async (plan) => ({
      plan,
      actions: (await loadDashboard(ctx, plan.id)).actions.filter((a) => a.sroPostId === postId),
    })),
  );
  return found.filter((f) => f.actions.length > 0);
}

/** "CEO/Monitoring Officer" as its two halves, to start from. */
export function halves(title: string): [string, string] {
  const at = title.search(/\s*[/&]\s*|\s+and\s+/i);
  if (at <= 0) return [title, ""];
  const rest = title.slice(at).replace(/^\s*([/&]|and)\s*/i, "");
  return [title.slice(0, at), rest];
}

export function SplitPostForm(props: PostFormProps & { onSplit: (message: string) => void }) {
  const styles = useStyles();
  const ctx = useDataContext();
  const [first, second] = halves(props.post.title);
  const [keepTitle, setKeepTitle] = useState(first);
  const [newTitle, setNewTitle] = useState(second);
  const [holder, setHolder] = useState("");
  const [moving, setMoving] = useState<string[]>([]);
  const [problems, setProblems] = useState<{ keep?: string; new?: string }>({});
  const actions = useRemote(`post-actions:${props.post.id}`, () => loadPostActions(ctx, props.post.id));
  const write = useCoordinatorWrite("split SRO posts", () => {
    actions.reload();
    props.onConflict();
  });
  const keepRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);

  async function save() {
    const found = {
      keep: keepTitle.trim() === "" ? "Give the title this post keeps." : undefined,
      new:
        newTitle.trim() === ""
          ? "Give the new post's title."
          : newTitle.trim().toLowerCase() === keepTitle.trim().toLowerCase()
            ? "The two posts need different titles."
            : undefined,
    };
    setProblems(found);
    if (found.keep !== undefined) return keepRef.current?.focus();
    if (found.new !== undefined) return newRef.current?.focus();
    const input = { keepTitle, newTitle, newHolderUpn: holder === "" ? null : holder, moveActionIds: moving };
    const result = await write.run((c) => splitSroPost(c, props.post, input));
    if (result !== undefined)
      props.onSplit(
        `'${props.post.title}' is now two posts: '${result.kept.title}' and '${result.created.title}'${moving.length === 0 ? "" : `, which has ${moving.length === 1 ? "1 action" : `${String(moving.length)} actions`}`}.`,
      );
  }

  return (
    <ManageForm
      title={`Split '${props.post.title}' into two posts`}
      name="split-post"
      level="h3"
      onSubmit={() => void save()}
      failure={write.failure === null ? null : `The post was not split. ${write.failure}`}
      saving={write.saving}
      button={{ label: "Split post", savingLabel: "Splitting…" }}
      extra={<Button onClick={props.onCancel}>Cancel</Button>}
    >
      <Field
        label="This post's title"
        required
        validationMessage={problems.keep}
        hint="It keeps its holder and the actions not ticked below."
      >
        <Input
          ref={keepRef}
          name="keepTitle"
          value={keepTitle}
          onChange={(_, d) => {
            setKeepTitle(d.value);
          }}
        />
      </Field>
      <Field label="The new post's title" required validationMessage={problems.new}>
        <Input
          ref={newRef}
          name="newTitle"
          value={newTitle}
          onChange={(_, d) => {
            setNewTitle(d.value);
          }}
        />
      </Field>
      <PersonPicker
        label="The new post's holder"
        name="newHolder"
        people={props.people}
        value={holder}
        problem={undefined}
        hint="Type part of their name, then choose them; leave it empty to leave the new post vacant."
        onChange={setHolder}
      />
      {actions.data === null ? (
        <p style={{ margin: 0 }} role={actions.status === "failed" ? "alert" : "status"}>
          {actions.status === "failed"
            ? `The post's actions could not be read. ${describeError(actions.error)}`
            : "Reading the post's actions…"}
        </p>
      ) : actions.data.length === 0 ? (
        <p style={{ margin: 0 }}>No action names this post, so there are none to move.</p>
      ) : (
        actions.data.map((group) => (
          <fieldset key={group.plan.id} className={styles.actions}>
            <legend className={styles.legend}>
              Actions to move to the new post
              {actions.data !== null && actions.data.length > 1 ? ` (${group.plan.title})` : ""}
            </legend>
            {group.actions.map((a) => (
              <Checkbox
                key={a.action.id}
                name="moveAction"
                value={a.action.id}
                checked={moving.includes(a.action.id)}
                label={`${a.action.parentId === undefined ? "Action" : "Milestone"} ${a.action.ref}: ${a.action.text.length > 120 ? `${a.action.text.slice(0, 117)}…` : a.action.text}`}
                onChange={(_, data) => {
                  setMoving(
                    data.checked === true
                      ? [...moving, a.action.id]
                      : moving.filter((id) => id !== a.action.id),
                  );
                }}
              />
            ))}
          </fieldset>
        ))
      )}
    </ManageForm>
  );
}
