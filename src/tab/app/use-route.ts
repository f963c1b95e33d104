// The current route, kept in the URL's query so the browser's back button and a reload keep the place.
import { useCallback, useEffect, useState } from "react";
import type { TabContext } from "../lib/tab-context.ts";
import { viewChanged } from "../components/Page.tsx";
import { routeFor, searchFor, type Route } from "./routes.ts";

export type Navigate = (to: Route, options?: { replace?: boolean }) => void;

/** The route now, and a way to go to another one. */
export function useRoute(context: TabContext): { route: Route; navigate: Navigate } {
  const { pageId, subPageId } = context;
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const onPop = () => {
      viewChanged();
      setSearch(window.location.search);
    };
    window.addEventListener("popstate", onPop);
    return () => {
      window.removeEventListener("popstate", onPop);
    };
  }, []);
  // A deep link's sub-page id applies to the first screen only; after the person navigates, the URL leads.
  const [deepLinkUsed, setDeepLinkUsed] = useState(false);
  const route = routeFor(search, { pageId, subPageId: deepLinkUsed ? null : subPageId });
  const navigate = useCallback<Navigate>((to, options) => {
    const next = searchFor(to);
    const url = `${window.location.pathname}${next}`;
    // A landing sent on by role replaces itself, so Back does not return to it only to be sent on again; so
    // does a view's own state (the plan's filters), where focus stays in the field being typed in.
    if (options?.replace === true) window.history.replaceState(null, "", url);
    else {
      window.history.pushState(null, "", url);
      viewChanged();
    }
    setDeepLinkUsed(true);
    setSearch(next);
  }, []);
  return { route, navigate };
}
