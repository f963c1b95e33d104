// The Fluent theme for the Teams theme. The light theme is in the entry (it is also the loading screen's);
// the dark and high-contrast themes load on demand, so the first screen carries only the tokens it shows.
// Until a theme's tokens arrive the one shown before stays, so a live theme change never blanks the page.
import { teamsLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { TeamsTheme } from "../lib/tab-context.ts";

const loaded: Partial<Record<TeamsTheme, Theme>> = { default: teamsLightTheme };

const loaders: Record<Exclude<TeamsTheme, "default">, () => Promise<{ theme: Theme }>> = {
  dark: () => import("./themes/dark.ts"),
  contrast: () => import("./themes/contrast.ts"),
};

/** The Fluent theme to show for `wanted`: it, once loaded, or until then the last one loaded on demand. */
export function useFluentTheme(wanted: TeamsTheme): Theme {
  const [fetched, setFetched] = useState<Theme | null>(null);
  const ready = loaded[wanted];
  useEffect(() => {
    if (ready !== undefined || wanted === "default") return;
    let current = true;
    void loaders[wanted]().then(
      (module) => {
        loaded[wanted] = module.theme;
        if (current) setFetched(module.theme);
      },
      // A theme chunk that fails to load (offline, a redeploy) leaves the page readable in the current theme.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, ready]);
  return ready ?? fetched ?? teamsLightTheme;
}
