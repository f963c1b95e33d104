// The Plan page's edit mode, for coordinators (loaded only when they choose "Edit plan"): the plan's
// recommendations, actions and milestones in the coordinator's order, each with "Move up" / "Move down",
// "Change" and "Add" controls that open a form in place. Every save reads the plan again, so the next one
// is checked against the version now in SharePoint; what happened is said in a status message.
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Dashboard } from "../../../../sharepoint/plans/index.ts";
import { ConflictError, loadRecommendations, reorder } from "../api/index.ts";
import { Notice } from "../../../components/Notice.tsx";
import { describeError } from "../../../lib/describe-error.ts";
import { useRemote } from "../../../lib/use-remote.ts";
import { useDataContext, useToday } from "../../../lib/data.tsx";
import { focusKey, type EditableRecommendation, type EditorEnv } from "./editor-env.ts";
import { RecommendationForm } from "./RecommendationForm.tsx";
import { RecommendationSection } from "./RecommendationSection.tsx";
import { structureTree } from "../plan-order.ts";
import { movedOrder, nextRef } from "./structure-edit.ts";
import { describeCoordinatorError } from "../../../lib/use-coordinator-write.ts";

const useStyles = makeStyles({
  editor: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

type Message = { intent: "success" | "error"; text: string };

/** The editor of `dashboard`'s plan; `onChanged` reads the plan again (`loading` while it does). */
export default function PlanEditor(props: { dashboard: Dashboard; loading: boolean; onChanged: () => void }) {
  const styles = useStyles();
  const ctx = useDataContext();
  const today = useToday();
  const { dashboard } = props;
  // The recommendations with the versions (ETags) a change is checked against, read again after each change.
  const [version, setVersion] = useState(0);
  const planId = dashboard.plan.id;
  const recs = useRemote(`edit-recommendations:${planId}:${String(version)}`, () =>
    loadRecommendations(ctx, planId),
  );
  const recommendations: readonly EditableRecommendation[] = recs.data ?? [];
  const changed = () => {
    setVersion((v) => v + 1);
    props.onChanged();
  };
  const [message, setMessage] = useState<Message | null>(null);
  const [moving, setMoving] = useState(false);
  const [adding, setAdding] = useState(false);
  // Where the keyboard goes once the plan has been read again after a change.
  const focusTo = useRef<string | null>(null);
  const tree = useMemo(
    () => structureTree(recs.data ?? [], dashboard.actions),
    [recs.data, dashboard.actions],
  );
  const order = tree.flatMap((n) => (n.recommendation === null ? [] : [n.recommendation.id]));

  const loading = props.loading || recs.status === "loading";
  useEffect(() => {
    if (focusTo.current === null || loading) return;
    document.querySelector<HTMLElement>(`[data-focus-key="${focusTo.current}"]`)?.focus();
    focusTo.current = null;
  }, [loading, dashboard, recs.data]);

  const env: EditorEnv = {
    dashboard,
    recommendations,
    topLevel: tree.flatMap((n) => n.actions.map((a) => a.record)),
    today,
    moving,
    done: (text, key) => {
      setMessage({ intent: "success", text });
      focusTo.current = key;
      changed();
    },
    conflict: changed,
    move: (list, siblings, id, direction, what) => {
      const next = movedOrder(siblings, id, direction);
      if (next === null) return;
      setMoving(true);
      setMessage(null);
      reorder(ctx, list, next)
        .then(
          () => {
            setMessage({ intent: "success", text: `${what} was moved ${direction}.` });
            focusTo.current = focusKey(`${list}-${direction}`, id);
            changed();
          },
          (error: unknown) => {
            setMessage({
              intent: "error",
              text: `${what} was not moved. ${describeCoordinatorError(error, "change the plan's order")}`,
            });
            if (error instanceof ConflictError) changed();
          },
        )
        .finally(() => {
          setMoving(false);
        });
    },
  };

  if (recs.data === null) {
    return recs.status === "failed" ? (
      <Notice inline title="The plan editor could not be opened" intent="error">
        {describeError(recs.error)}
      </Notice>
    ) : (
      <Body1>Opening the plan editor…</Body1>
    );
  }
  return (
    <div className={styles.editor} data-plan-editor aria-busy={loading}>
      <div role="status">
        {message?.intent === "success" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {message?.intent === "error" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button
          aria-expanded={adding}
          data-focus-key={focusKey("add-recommendation", "plan")}
          onClick={() => {
            setAdding(!adding);
          }}
        >
          Add a recommendation
        </Button>
      </div>
      {adding && (
        <RecommendationForm
          planId={dashboard.plan.id}
          existing={null}
          takenRefs={recommendations.map((r) => r.ref)}
          suggestedRef={nextRef(
            "",
            recommendations.map((r) => r.ref),
          )}
          level={3}
          onSaved={(text) => {
            setAdding(false);
            env.done(text, focusKey("add-recommendation", "plan"));
          }}
          onCancel={() => {
            setAdding(false);
          }}
          onConflict={changed}
        />
      )}
      {tree.map((node) => (
        <RecommendationSection key={node.recommendation?.id ?? "none"} node={node} order={order} env={env} />
      ))}
    </div>
  );
}
