// What the tab needs before any view: its configuration, "today", and a token source for the signed-in
// person. Each failure is shown in words, in the app's own layout.
import { useMemo, type ReactNode } from "react";
import { Notice } from "../components/Notice.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { loadTabConfig } from "../lib/config.ts";
import { DataProvider } from "../lib/data.tsx";
import { describeError } from "../lib/describe-error.ts";
import { loadToday } from "../lib/today.ts";
import { chooseTokenSources } from "../lib/token-source.ts";
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
  const config = started.data?.config ?? null;
  const tokens = useMemo(
    () => (config === null ? null : chooseTokenSources(context, config)),
    [config, context.inTeams, context.upn], // eslint-disable-line react-hooks/exhaustive-deps -- a theme change must not make a new token source
  );
  if (started.status === "failed")
    return (
      <Notice title="Action Plan Tracker could not start" intent="error">
        {describeError(started.error)}
      </Notice>
    );
  if (started.data === null || tokens === null) return <PageSkeleton />;
  return (
    <DataProvider config={started.data.config} tokens={tokens} today={started.data.today}>
      {props.children}
    </DataProvider>
  );
}
