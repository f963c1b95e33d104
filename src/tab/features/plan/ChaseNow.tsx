// "Chase now" for coordinators: after an inline confirmation (a modal's focus-trap sentinels fail axe), sends
// the reminders due today for the plan's open period as the signed-in coordinator, then shows what was sent,
// skipped (with reasons) and failed. The reminder code loads only when confirmed.
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { formatUkDate } from "../../../domain/iso-date.ts";
import type { PeriodRecord, PlanRecord } from "../../../sharepoint/schema/index.ts";
import { useDataContext, useGraphAccess, useToday } from "../../lib/data.tsx";
import { describeError } from "../../lib/describe-error.ts";
import type { RunSummary } from "./chase-run.ts";
import { chaseCounts, nothingSentReason } from "./chase-words.ts";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

type State =
  | { step: "idle" }
  | { step: "running"; waiting?: string }
  | { step: "done"; summary: RunSummary }
  | { step: "failed"; message: string };

function Summary(props: { summary: RunSummary }) {
  const styles = useStyles();
  const { skipped, failed, owed } = props.summary;
  const reason = nothingSentReason(props.summary);
  return (
    <MessageBar
      intent={failed.length > 0 ? "warning" : reason === null ? "success" : "info"}
      layout="multiline"
    >
      <MessageBarBody>
        <p style={{ margin: 0 }}>{chaseCounts(props.summary)}</p>
        {reason !== null && <p style={{ margin: 0 }}>{reason}</p>}
        {owed.map((o) => (
          // Only the sender's own are owed: the coordinator reading this is the one owed them.
          <p key={`o-${o.recipient}`} style={{ margin: 0 }}>
            Your own reminders ({o.reminders}) were not sent: Teams has no chat with yourself. They are not
            recorded as sent, so the next run by someone else (the reminder service account, or another
            coordinator) sends them.
          </p>
        ))}
        {skipped.length + failed.length > 0 && (
          <ul className={styles.list} aria-label="Not reached">
            {skipped.map((s) => (
              <li key={`s-${s.recipient}`}>
                Skipped {s.recipient}: {s.reason}
              </li>
            ))}
            {failed.map((f) => (
              <li key={`f-${f.recipient}`}>
                Failed {f.recipient}: {f.reason} (the next run tries again)
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The button, its confirmation and the run's summary. */
export function ChaseNow(props: { plan: PlanRecord; period: PeriodRecord }) {
  const styles = useStyles();
  const ctx = useDataContext();
  const graph = useGraphAccess();
  const today = useToday();
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<State>({ step: "idle" });
  const confirmId = useId();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const chaseRef = useRef<HTMLButtonElement>(null);
  // The question takes focus when it opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function run() {
    setConfirming(false);
    setState({ step: "running" });
    let chase: typeof import("./chase-run.ts") | null = null;
    try {
      chase = await import("./chase-run.ts");
      const { waitingNote } = chase;
      // Another reminder run (the scheduled one, say) is sending: say so while this one waits for it.
      const summary = await chase.chasePlan(ctx, props.plan, today, graph, (held) => {
        setState({ step: "running", waiting: waitingNote(held) });
      });
      setState({ step: "done", summary });
    } catch (error) {
      setState({ step: "failed", message: chase?.chaseStoppedMessage(error) ?? describeError(error) });
    }
  }

  return (
    <div className={styles.box}>
      <Body1>
        Send today&apos;s reminders for {props.period.title} (updates due{" "}
        {formatUkDate(props.period.updateDeadline)}) to the SROs who still owe them, in Teams chat, from you.
      </Body1>
      {confirming ? (
        <div role="group" aria-labelledby={confirmId} className={styles.confirm}>
          <h3
            id={confirmId}
            ref={confirmRef}
            tabIndex={-1}
            style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}
          >
            Send reminders now?
          </h3>
          <Body1>
            Each person owed a reminder today gets one card in their Teams chat with you. Anyone already
            reminded today is not sent another.
          </Body1>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => void run()}>
              Send reminders
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => chaseRef.current?.focus());
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button
          ref={chaseRef}
          appearance="primary"
          disabledFocusable={state.step === "running"}
          onClick={() => {
            setConfirming(true);
          }}
        >
          {state.step === "running" ? "Sending reminders…" : "Chase now"}
        </Button>
      )}
      <div role="status" aria-live="polite" style={{ width: "100%" }}>
        {state.step === "running" && state.waiting !== undefined && <Body1>{state.waiting}</Body1>}
        {state.step === "done" && <Summary summary={state.summary} />}
      </div>
      {state.step === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>The reminders could not be sent. {state.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
