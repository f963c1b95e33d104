// My actions (the personal tab): the signed-in person's actions across plans, grouped by what needs doing.
// Opened with no view asked for (the landing), a person with no actions is sent on by their role: a
// coordinator to the plan (where the period is run), a viewer to the dashboard. The role is asked for only
// then, so an SRO's first screen keeps its request budget.
import { Body1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { Refreshing } from "../../components/Refreshing.tsx";
import { SkippedItemsNotice } from "../../components/SkippedItemsNotice.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { useTeamsContext } from "../../lib/use-teams-context.tsx";
import { ActionListItem } from "./ActionListItem.tsx";
import { useMyActions } from "./use-my-actions.ts";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

import type { Elsewhere } from "./LandByRole.tsx";

// Asked for only when the landing has nothing to show, so an SRO's first screen does not carry it.
const LandByRole = lazy(() => import("./LandByRole.tsx"));

interface Props {
  onOpen: (actionId: string) => void;
  /** Opened as the tab's landing: send a person with no actions on by role. */
  landing?: boolean;
  onLandElsewhere?: (to: Elsewhere) => void;
}

function MyActionsFor(props: Props & { upn: string }) {
  const styles = useStyles();
  const groups = useMyActions(props.upn);
  if (groups.data === null) {
    return groups.status === "failed" ? (
      <Notice title="Your actions could not be loaded" intent="error">
        {describeError(groups.error)}
      </Notice>
    ) : (
      <PageSkeleton title="My actions" />
    );
  }
  return (
    <Page title="My actions" busy={groups.status === "loading"}>
      <Refreshing refreshing={groups.status === "loading"} />
      {groups.status === "failed" && (
        <Notice inline title="Your actions could not be refreshed" intent="warning">
          {describeError(groups.error)}
        </Notice>
      )}
      <SkippedItemsNotice items={groups.data.skipped} />
      {groups.data.groups.length === 0 && (
        <Body1>
          You have no actions in any plan. Actions appear here when you hold or cover an SRO post. Every
          action is under Plan, and the plan&apos;s figures under Dashboard.
        </Body1>
      )}
      {/* Sent on by what SharePoint says now, not by what was kept from the last visit. */}
      {groups.data.groups.length === 0 &&
        groups.status === "ready" &&
        props.landing === true &&
        props.onLandElsewhere && (
          <Suspense fallback={null}>
            <LandByRole onLandElsewhere={props.onLandElsewhere} />
          </Suspense>
        )}
      {groups.data.groups.map((group) => (
        <section key={group.key} className={styles.group} aria-labelledby={`group-${group.key}`}>
          <Subtitle1 as="h2" id={`group-${group.key}`}>
            {group.title} ({group.items.length})
          </Subtitle1>
          <ul className={styles.list}>
            {group.items.map((item) => (
              <ActionListItem key={item.record.action.id} item={item} onOpen={props.onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}

/** The My actions view. */
export function MyActionsPage(props: Props) {
  const context = useTeamsContext();
  if (context.upn === null) {
    return (
      <Notice title="Sign in to see your actions" intent="info">
        Open Action Plan Tracker in Microsoft Teams to see the actions you are responsible for.
      </Notice>
    );
  }
  return <MyActionsFor {...props} upn={context.upn} />;
}
