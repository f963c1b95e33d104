// The one question before an action is recorded as complete, whichever way the SRO got there ("Mark
// complete", or an update whose status is Completed): what will happen, in words, and a way back. Inline,
// as "Chase now" asks, so focus moves to the question and comes back to the form, with no modal layer.
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef } from "react";
import { formatUkDate, type IsoDate } from "../../../domain/iso-date.ts";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The question, asking to confirm completing action `ref_` on `today`. */
export function ConfirmComplete(props: {
  ref_: string;
  today: IsoDate;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Where focus was when it asked (the form's button), to go back to on "Go back".
  const from = useRef<Element | null>(null);
  useEffect(() => {
    from.current = document.activeElement;
    heading.current?.focus();
  }, []);
  return (
    <div role="group" aria-labelledby={id} className={styles.box}>
      <h3 id={id} ref={heading} tabIndex={-1} style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        Mark action {props.ref_} complete?
      </h3>
      <Body1>
        It will show as complete from {formatUkDate(props.today)} on the plan, the dashboard and the next
        committee report, with your note as its closing note. Only a coordinator can reopen it.
      </Body1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={props.onConfirm}>
          Yes, mark it complete
        </Button>
        <Button
          onClick={() => {
            // The form's button was hidden while the question stood in for it, so the browser may have
            // moved focus to the page: then back to the form's button, shown again.
            const asked = from.current;
            const form = heading.current?.closest("form");
            const back =
              asked instanceof HTMLElement && asked !== document.body
                ? asked
                : form?.querySelector("button[type='submit']");
            props.onCancel();
            requestAnimationFrame(() => {
              if (back instanceof HTMLElement) back.focus();
            });
          }}
        >
          Go back
        </Button>
      </div>
    </div>
  );
}
