// What can be done on the action page, behind buttons: "Post an update", "Ask to move the target date",
// "Mark complete" (open actions) and "Reopen" (coordinators, completed ones). One form is open at a time;
// opening one moves focus to its heading, and closing it (Cancel or a save) returns focus to its button.
// The update history is always shown: under the buttons, and beside the open form on a wide screen.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ProgressUpdate } from "../../../domain/types.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";
import { deriveStatus } from "../../../domain/status.ts";
import { useToday } from "../../lib/data.tsx";
import { CompleteForm } from "./CompleteForm.tsx";
import { DateChangeForm } from "./DateChangeForm.tsx";
import { ReopenForm } from "./ReopenForm.tsx";
import { UpdateForm } from "./UpdateForm.tsx";
import { UpdateHistory } from "./UpdateHistory.tsx";
import { withUpdate, type ActionView, type useMoreUpdates } from "./use-action.ts";

type Panel = "update" | "move" | "complete" | "reopen";

const BUTTONS: Record<Panel, string> = {
  update: "Post an update",
  move: "Ask to move the target date",
  complete: "Mark complete",
  reopen: "Reopen",
};

// What is said once a form has saved; asking to move the date says it in its own form, which stays open.
const DONE: Partial<Record<Panel, string>> = {
  update: "Your update has been saved.",
  complete: "The action is marked complete.",
  reopen: "The action is reopened.",
};

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  work: {
    display: "grid",
    gap: tokens.spacingHorizontalXXL,
    "@media (min-width: 1024px)": {
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
      alignItems: "start",
    },
  },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The buttons, the open form and the update history of the action in `data`. */
export function ActionWork(props: {
  data: ActionView;
  /** May post updates, ask to move the date and complete it (its SRO, delegate or a coordinator). */
  mayChange: boolean;
  coordinator: boolean;
  me: string | null;
  more: ReturnType<typeof useMoreUpdates>;
  replace: (next: ActionView) => void;
  reload: () => void;
}) {
  const styles = useStyles();
  const today = useToday();
  const { data } = props;
  const [open, setOpen] = useState<Panel | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<Panel, HTMLElement>());
  const returnTo = useRef<Panel | null>(null);

  useEffect(() => {
    if (open !== null) panelRef.current?.querySelector<HTMLElement>("h2")?.focus();
    else if (returnTo.current !== null) {
      const fallback = buttons.current.values().next().value;
      (buttons.current.get(returnTo.current) ?? fallback)?.focus();
      returnTo.current = null;
    }
  }, [open]);

  const reported = data.record.latest?.reportedStatus ?? null;
  const complete = deriveStatus(data.record.action, { today, reported }).derived === "Completed";
  const withdrawn = data.record.action.withdrawn !== undefined;
  const offered: Panel[] = [];
  if (props.mayChange) offered.push("update");
  if (props.mayChange && !complete) offered.push("move", "complete");
  if (props.coordinator && complete && !withdrawn) offered.push("reopen");

  const close = (panel: Panel, message: string | null) => {
    returnTo.current = panel;
    setDone(message);
    setOpen(null);
  };
  const saved = (panel: Panel) => (update: ProgressUpdate, record: ActionRecord) => {
    // Shown at once, so the byline is "By you" until the page is next read from SharePoint.
    const shown = { authorName: "you", createdAt: new Date().toISOString(), ...update };
    props.replace(withUpdate(data, shown, record));
    close(panel, DONE[panel] ?? null);
  };
  const waiting = data.dateChanges.find((c) => c.status === "requested") ?? null;
  const forms: Record<Panel, () => ReactNode> = {
    update: () => (
      <UpdateForm
        record={data.record}
        openPeriod={data.openPeriod}
        overdueAfterMonths={data.overdueAfterMonths}
        onSaved={saved("update")}
        onConflict={props.reload}
      />
    ),
    move: () => (
      <DateChangeForm
        record={data.record}
        waiting={waiting}
        me={props.me}
        onRequested={(change) => {
          props.replace({ ...data, dateChanges: [change, ...data.dateChanges] });
        }}
        onWithdrawn={(change) => {
          props.replace({
            ...data,
            dateChanges: data.dateChanges.map((c) => (c.id === change.id ? change : c)),
          });
        }}
      />
    ),
    complete: () => (
      <CompleteForm
        record={data.record}
        openPeriod={data.openPeriod}
        onCompleted={saved("complete")}
        onConflict={props.reload}
      />
    ),
    reopen: () => (
      <ReopenForm
        record={data.record}
        openPeriod={data.openPeriod}
        onReopened={saved("reopen")}
        onConflict={props.reload}
      />
    ),
  };

  const history = (
    <section aria-labelledby="updates-heading">
      <Subtitle1 as="h2" id="updates-heading">
        Updates
      </Subtitle1>
      <UpdateHistory
        updates={data.updates}
        more={{
          available: data.moreUpdates !== null,
          loading: props.more.loading,
          error: props.more.error,
          firstNew: props.more.firstNew,
          onShowMore: props.more.showMore,
        }}
      />
    </section>
  );

  return (
    <>
      {offered.length > 0 && (
        <div className={styles.bar} role="group" aria-label="What you can do">
          {offered.map((panel) => (
            <Button
              key={panel}
              ref={(element) => {
                if (element === null) buttons.current.delete(panel);
                else buttons.current.set(panel, element);
              }}
              appearance={panel === "update" ? "primary" : "secondary"}
              aria-expanded={open === panel}
              onClick={() => {
                setDone(null);
                setOpen(open === panel ? null : panel);
              }}
            >
              {BUTTONS[panel]}
            </Button>
          ))}
        </div>
      )}
      {done !== null && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {open === null || !offered.includes(open) ? (
        history
      ) : (
        <div className={styles.work}>
          <div className={styles.panel} ref={panelRef} data-panel={open}>
            {forms[open]()}
            <div>
              <Button
                onClick={() => {
                  close(open, null);
                }}
              >
                Cancel
              </Button>
            </div>
          </div>
          {history}
        </div>
      )}
    </>
  );
}
