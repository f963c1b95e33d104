// One recommendation in the plan editor: its heading, "Move up" / "Move down" among the recommendations,
// "Change" (its number, title and details) and "Add an action", then its actions as rows.
import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ActionEditForm } from "./ActionEditForm.tsx";
import { ActionRows } from "./ActionEditRow.tsx";
import { focusKey, type EditableRecommendation, type EditorEnv } from "./editor-env.ts";
import { RecommendationForm } from "./RecommendationForm.tsx";
import type { RecommendationNode } from "../plan-order.ts";
import { nextRef } from "./structure-edit.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** A recommendation's section; `order` is every recommendation's id, in order (for moving). */
export function RecommendationSection(props: {
  node: RecommendationNode<EditableRecommendation>;
  order: readonly string[];
  env: EditorEnv;
}) {
  const styles = useStyles();
  const { env, node } = props;
  const rec = node.recommendation;
  const [form, setForm] = useState<"edit" | "add-action" | null>(null);
  const key = rec?.id ?? "none";
  const at = rec === null ? -1 : props.order.indexOf(rec.id);
  const actionRefs = env.dashboard.actions.map((r) => r.action.ref);
  const back = (kind: string) => () => {
    setForm(null);
    requestAnimationFrame(() => {
      document
        .querySelector<HTMLElement>(`[data-focus-key="${focusKey(`recommendation-${kind}`, key)}"]`)
        ?.focus();
    });
  };
  const saved = (kind: string) => (message: string) => {
    setForm(null);
    env.done(message, focusKey(`recommendation-${kind}`, key));
  };
  return (
    <section
      className={styles.section}
      aria-labelledby={`edit-rec-${key}`}
      data-recommendation-ref={rec?.ref}
    >
      <Subtitle2 as="h3" id={`edit-rec-${key}`}>
        {rec === null ? "Not under a recommendation" : `Recommendation ${rec.ref}: ${rec.title}`}
      </Subtitle2>
      {rec !== null && (
        <div className={styles.buttons}>
          <Button
            size="small"
            aria-label={`Move up recommendation ${rec.ref}`}
            data-focus-key={focusKey("recommendations-up", rec.id)}
            disabledFocusable={env.moving || at <= 0}
            onClick={() => {
              env.move("recommendations", props.order, rec.id, "up", `Recommendation ${rec.ref}`);
            }}
          >
            Move up
          </Button>
          <Button
            size="small"
            aria-label={`Move down recommendation ${rec.ref}`}
            data-focus-key={focusKey("recommendations-down", rec.id)}
            disabledFocusable={env.moving || at >= props.order.length - 1}
            onClick={() => {
              env.move("recommendations", props.order, rec.id, "down", `Recommendation ${rec.ref}`);
            }}
          >
            Move down
          </Button>
          <Button
            size="small"
            aria-label={`Change recommendation ${rec.ref}`}
            aria-expanded={form === "edit"}
            data-focus-key={focusKey("recommendation-edit", key)}
            onClick={() => {
              setForm(form === "edit" ? null : "edit");
            }}
          >
            Change
          </Button>
          <Button
            size="small"
            aria-label={`Add an action to recommendation ${rec.ref}`}
            aria-expanded={form === "add-action"}
            data-focus-key={focusKey("recommendation-add-action", key)}
            onClick={() => {
              setForm(form === "add-action" ? null : "add-action");
            }}
          >
            Add an action
          </Button>
        </div>
      )}
      {rec !== null && form === "edit" && (
        <RecommendationForm
          planId={rec.planId}
          existing={rec}
          takenRefs={env.recommendations.filter((r) => r.id !== rec.id).map((r) => r.ref)}
          suggestedRef={rec.ref}
          level={4}
          onSaved={saved("edit")}
          onCancel={back("edit")}
          onConflict={env.conflict}
        />
      )}
      {rec !== null && form === "add-action" && (
        <ActionEditForm
          place={{ planId: rec.planId, recommendationId: rec.id, parent: null }}
          existing={null}
          posts={env.dashboard.sroPosts}
          referenceDate={env.dashboard.plan.referenceDate}
          takenRefs={actionRefs}
          suggestedRef={nextRef(rec.ref, actionRefs)}
          level={4}
          onSaved={saved("add-action")}
          onCancel={back("add-action")}
          onConflict={env.conflict}
        />
      )}
      {node.actions.length === 0 ? (
        <Body1>No actions yet.</Body1>
      ) : (
        <ul
          className={styles.list}
          aria-label={rec === null ? "Actions" : `Actions of recommendation ${rec.ref}`}
        >
          <ActionRows nodes={node.actions} env={env} />
        </ul>
      )}
    </section>
  );
}
