// What each plan in the file would be: its counts, heading rows and problems. One plan is shown whole; a
// file of several plans gets a line per plan (with a box to leave it out) and its details on demand.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Checkbox,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HeadingReading, MappedPlan } from "../../../import/index.ts";
import { HeadingReadings } from "./HeadingReadings.tsx";
import { countOf } from "./ImportChangesView.tsx";
import { ImportProblems } from "./ImportProblems.tsx";

const useStyles = makeStyles({
  plan: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface PlanPreview {
  title: string;
  mapped: MappedPlan;
  included: boolean;
}

function countsLine(mapped: MappedPlan): string {
  const c = mapped.counts;
  return `${countOf(c.recommendations, "recommendation")}, ${countOf(c.actions, "action")}, ${countOf(c.milestones, "milestone")}, ${countOf(c.updates, "progress update")} and ${countOf(c.postsToCreate, "SRO post")} to create${c.rowsSkipped > 0 ? `; ${countOf(c.rowsSkipped, "row")} skipped` : ""}`;
}

function problemsLine(mapped: MappedPlan): string {
  const errors = mapped.problems.filter((p) => p.severity === "error").length;
  return `${countOf(errors, "error")}, ${countOf(mapped.problems.length - errors, "warning")}`;
}

interface Props {
  plans: readonly PlanPreview[];
  planColumn: string | null;
  /** The plans are read from several sheets: heading rows name theirs. */
  sheets: boolean;
  onInclude: (title: string, included: boolean) => void;
  onRead: (key: string, reading: HeadingReading) => void;
}

/** The preview of the plan, or of each plan of the file. */
export function PlanPreviews(props: Props) {
  const styles = useStyles();
  const [only] = props.plans;
  if (props.plans.length === 1 && only !== undefined)
    return (
      <>
        <Body1 role="status">{countsLine(only.mapped)}.</Body1>
        <HeadingReadings headings={only.mapped.headings} sheets={props.sheets} onRead={props.onRead} />
        <ImportProblems problems={only.mapped.problems} />
      </>
    );
  const chosen = props.plans.filter((p) => p.included).length;
  return (
    <>
      <Body1 role="status">
        The file holds {String(props.plans.length)} plans, named in its “{props.planColumn ?? ""}” column;{" "}
        {String(chosen)} {chosen === 1 ? "is" : "are"} chosen to import.
      </Body1>
      {props.plans.map((plan) => (
        <div key={plan.title} className={styles.plan} data-plan={plan.title}>
          <Checkbox
            checked={plan.included}
            label={`${plan.title}: ${countsLine(plan.mapped)}; ${problemsLine(plan.mapped)}`}
            onChange={(_, data) => {
              props.onInclude(plan.title, data.checked === true);
            }}
          />
          <Accordion collapsible>
            <AccordionItem value="details">
              <AccordionHeader as="h3">Details of {plan.title}</AccordionHeader>
              <AccordionPanel>
                <HeadingReadings
                  headings={plan.mapped.headings}
                  sheets={props.sheets}
                  onRead={props.onRead}
                />
                <ImportProblems problems={plan.mapped.problems} />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </div>
      ))}
    </>
  );
}
