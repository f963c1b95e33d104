// What the tab needs before any view: its configuration, "today", and a token source for the signed-in
// person. Each failure is shown in words, in the app's own layout.
import { useMemo, type ReactNode } from "react";
import { Notice } from "../components/Notice.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { loadTabConfig } from "../lib/config.ts";
import { DataProvider } from "../lib/data.tsx";
import { describeError } from "../lib/describe-error.ts";
import { loadToday } from "../lib/today.ts";
import { chooseTokenSource } from "../lib/token-source.ts";
import { useRemote } from "../lib/use-remote.ts";
import { useTeamsContext } from "../lib/use-teams-context.tsx";

async function boot() {
  const config = await loadTabConfig();
  const today = await loadToday(config.clockUrl);
  return { config, today };
}

/** Loads configuration and today, then provides data access to `children`. */
export function Boot(props: { children: ReactNode }) {
  const context = useTeamsContext();
  const started = useRemote("boot", boot);
  const getToken = useMemo(() => chooseTokenSource(context), [context.inTeams, context.upn]); // eslint-disable-line react-hooks/exhaustive-deps -- a theme change must not make a new token source
  if (started.status === "failed")
    return (
      <Notice title="Action Plan Tracker could not start" intent="error">
        {describeError(started.error)}
      </Notice>
    );
  if (started.data === null) return <PageSkeleton />;
  return (
    <DataProvider siteUrl={started.data.config.siteUrl} getToken={getToken} today={started.data.today}>
      {props.children}
    </DataProvider>
  );
}
