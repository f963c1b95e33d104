// The frame of a coordinator's page about one plan (reporting periods, plan settings): the coordinators-only
// gate, loading and failure, the title with the plan's name, the way back to the plan, the plan chooser
// (choosing goes to the same page for that plan), the unfinished-import notice, and the words for a site
// with no plans or a plan no longer there. The page's own content is given the chosen plan.
import { Body1 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { PlanRecord } from "../../../sharepoint/schema/index.ts";
import { ImportUnfinishedNotice } from "../../components/ImportUnfinishedNotice.tsx";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { CoordinatorsOnly } from "./CoordinatorsOnly.tsx";
import { ManageLinks, type ManageNav, type ManageView } from "./ManageLinks.tsx";
import { PlanChooser } from "./PlanChooser.tsx";
import { usePlanChoice, type PlanChoice } from "./use-plans.ts";

export function ChosenPlanPage(props: {
  title: string;
  /** Completes "Only the plan's coordinators can <what>". */
  what: string;
  /** This page, where choosing another plan goes. */
  view: ManageView;
  planId: string | null;
  nav: ManageNav;
  /** The page's content for the chosen plan; `replace` puts a changed plan in the choice. */
  children: (plan: PlanRecord, replace: (plan: PlanRecord) => void) => ReactNode;
}) {
  const choice = usePlanChoice(props.planId);
  const { title } = props;
  const data: PlanChoice | null = choice.data;
  const replace = (plan: PlanRecord) => {
    if (data !== null)
      choice.replace({ ...data, plan, plans: data.plans.map((p) => (p.id === plan.id ? plan : p)) });
  };
  return (
    <CoordinatorsOnly title={title} what={props.what}>
      {data === null ? (
        choice.status === "failed" ? (
          <Notice title="The plan could not be loaded" intent="error">
            {describeError(choice.error)}
          </Notice>
        ) : (
          <PageSkeleton title={title} />
        )
      ) : (
        <Page
          title={data.plan === null ? title : `${title}: ${data.plan.title}`}
          before={<ManageLinks nav={props.nav} planId={data.plan?.id ?? null} />}
        >
          <PlanChooser
            plans={data.plans}
            value={data.plan?.id ?? ""}
            onChoose={(planId) => {
              props.nav.go(props.view, planId);
            }}
          />
          {data.plan !== null && <ImportUnfinishedNotice plan={data.plan} />}
          {data.plan === null ? (
            <Body1>
              {data.missing === null
                ? "There are no plans on this site yet."
                : "That plan is no longer on the site: someone may have deleted it."}
            </Body1>
          ) : (
            props.children(data.plan, replace)
          )}
        </Page>
      )}
    </CoordinatorsOnly>
  );
}
