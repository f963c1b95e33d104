// The current route, kept in the URL's query so the browser's back button and a reload keep the place.
import { useCallback, useEffect, useState } from "react";
import type { TabContext } from "../lib/tab-context.ts";
import { routeFor, searchFor, type Route } from "./routes.ts";

/** The route now, and a way to go to another one. */
export function useRoute(context: TabContext): { route: Route; navigate: (to: Route) => void } {
  const { pageId, subPageId } = context;
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const onPop = () => {
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
  const navigate = useCallback((to: Route) => {
    const next = searchFor(to);
    window.history.pushState(null, "", `${window.location.pathname}${next}`);
    setDeepLinkUsed(true);
    setSearch(next);
  }, []);
  return { route, navigate };
}
