// The app shell: Teams context, then the Fluent theme that follows it, then configuration and data, then the
// view for the route. Views other than My actions load lazily, so the first screen carries only itself.
import { FluentProvider } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Notice } from "../components/Notice.tsx";
import { PageSkeleton } from "../components/PageSkeleton.tsx";
import { TeamsContextProvider, useTeamsContext } from "../lib/use-teams-context.tsx";
import type { TeamsTheme } from "../lib/tab-context.ts";
import { Boot } from "./Boot.tsx";
import { Routes } from "./Routes.tsx";
import { useFluentTheme } from "./use-theme.ts";

function Themed(props: { theme: TeamsTheme; children: ReactNode }) {
  const theme = useFluentTheme(props.theme);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }} lang="en-GB">
      {props.children}
    </FluentProvider>
  );
}

function WithTheme() {
  const context = useTeamsContext();
  return (
    <Themed theme={context.theme}>
      <Boot>
        <Routes />
      </Boot>
    </Themed>
  );
}

/** The whole tab. */
export function App() {
  return (
    <TeamsContextProvider
      fallback={
        <Themed theme="default">
          <PageSkeleton />
        </Themed>
      }
      failed={(message) => (
        <Themed theme="default">
          <Notice title="Action Plan Tracker could not start" intent="error">
            {message} Close the app and open it again.
          </Notice>
        </Themed>
      )}
    >
      <WithTheme />
    </TeamsContextProvider>
  );
}
