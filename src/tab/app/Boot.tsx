// What the tab needs before any view: its configuration, "today", and a token source for the signed-in
// person, all from the start-up main.tsx began (lib/start-up.ts). Each failure is shown in words, in the
// app's own layout.
import type { ReactNode } from "react";
import { Notice } from "../components/Notice.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { DataProvider } from "../lib/data.tsx";
import { describeError } from "../lib/describe-error.ts";
import { startUp } from "../lib/start-up.ts";
import { useRemote } from "../lib/use-remote.ts";

/** Waits for configuration, today and the token sources, then provides data access to `children`. */
export function Boot(props: { children: ReactNode }) {
  const started = useRemote("boot", startUp);
  if (started.status === "failed")
    return (
      <Notice title="Action Plan Tracker could not start" intent="error">
        {describeError(started.error)}
      </Notice>
    );
  if (started.data === null) return <PageSkeleton />;
  return (
    <DataProvider config={started.data.config} tokens={started.data.tokens} today={started.data.today}>
      {props.children}
    </DataProvider>
  );
}
