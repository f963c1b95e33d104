// The one place the tab talks to teams-js for its context: initialise (once, begun by the start-up before
// React renders), read the context, follow theme changes live, and tell the host the app has loaded. Outside Teams it gives a context of its own, so the
// tab can be opened in a browser (the update dialog's URL, say) and explain what it needs.
import { app } from "@microsoft/teams-js";
import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { fromTeamsContext, outsideTeams, toTheme, type TabContext } from "./tab-context.ts";

type State =
  { status: "starting" } | { status: "ready"; context: TabContext } | { status: "failed"; message: string };

const TeamsContext = createContext<TabContext | null>(null);

// Teams answers initialize within a second; past this the page is not in a host that answers.
const INITIALIZE_TIMEOUT_MS = 10_000;

function framed(): boolean {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(message));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

// Theme changes since start: the latest, and who to tell (the provider, once mounted).
let changedTheme: TabContext["theme"] | null = null;
let onThemeChange: ((theme: TabContext["theme"]) => void) | null = null;

async function start(): Promise<TabContext> {
  if (!framed()) return outsideTeams(window.matchMedia("(prefers-color-scheme: dark)").matches);
  await withTimeout(app.initialize(), INITIALIZE_TIMEOUT_MS, "Teams did not answer.");
  const context = fromTeamsContext(await app.getContext());
  app.registerOnThemeChangeHandler((theme) => {
    changedTheme = toTheme(theme);
    onThemeChange?.(changedTheme);
  });
  return context;
}

let starting: Promise<TabContext> | null = null;

/** Initialise teams-js and read the context, begun on the first call; later calls get the same promise. */
export function startTeams(): Promise<TabContext> {
  starting ??= start();
  return starting;
}

/** Provides the tab's context to everything below it; renders `fallback` until Teams has answered. */
export function TeamsContextProvider(props: {
  children: ReactNode;
  fallback: ReactNode;
  failed: (message: string) => ReactNode;
}) {
  const [state, setState] = useState<State>({ status: "starting" });
  useEffect(() => {
    let live = true;
    onThemeChange = (theme) => {
      setState((current) =>
        current.status === "ready" ? { status: "ready", context: { ...current.context, theme } } : current,
      );
    };
    startTeams().then(
      (context) => {
        if (live)
          setState({ status: "ready", context: { ...context, theme: changedTheme ?? context.theme } });
      },
      (error: unknown) => {
        if (live)
          setState({
            status: "failed",
            message: error instanceof Error ? error.message : "Teams could not start the app.",
          });
      },
    );
    return () => {
      live = false;
      onThemeChange = null;
    };
  }, []);
  if (state.status === "starting") return props.fallback;
  if (state.status === "failed") return props.failed(state.message);
  return <TeamsContext value={state.context}>{props.children}</TeamsContext>;
}

/** Our narrow Teams context (user, theme, locale, frame, page, sub-page). */
export function useTeamsContext(): TabContext {
  const context = use(TeamsContext);
  if (context === null) throw new Error("useTeamsContext is used outside TeamsContextProvider.");
  return context;
}

/** Tell Teams the first screen is shown, so it takes its loading indicator away. Safe outside Teams. */
export function notifyTeamsReady(context: TabContext): void {
  if (context.inTeams) void app.notifySuccess().catch(() => undefined);
}
