// Loading something remote into a component: loading, loaded or failed, with a reload that keeps the last
// data on screen while it runs (so the layout does not jump), and no update after the component has gone.
// Given a keep (use-kept.ts), it starts from what the person last saw, shown as loading (refreshing) until
// the fresh data replaces it, and keeps each fresh result for the next visit (issue 28).
import { useCallback, useEffect, useRef, useState } from "react";
import type { Keep } from "./kept-data.ts";

export type Remote<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ready"; data: T; error: null }
  | { status: "failed"; data: T | null; error: unknown };

// What was last settled, and for which request ("key#generation"); a different request means loading.
type Settled<T> = { request: string | null } & Remote<T>;

// Kept after the fresh data is on screen, not before: a view's JSON is written off the render's path.
function keepLater<T>(keep: Keep<T> | null, data: T): void {
  if (keep !== null)
    setTimeout(() => {
      keep.write(data);
    }, 0);
}

/**
 * Run `load` when `key` changes (and on `reload()`); `key` names what is loaded, e.g. "action:12".
 * `replace` lets a caller put a newer value in place without a request (after a save returned it).
 * `keep`, when given, is read once on the first render (shown while loading) and written with each result.
 */
export function useRemote<T>(
  key: string,
  load: () => Promise<T>,
  keep: Keep<T> | null = null,
): Remote<T> & { reload: () => void; replace: (data: T) => void } {
  const [generation, setGeneration] = useState(0);
  const request = `${key}#${String(generation)}`;
  const [settled, setSettled] = useState<Settled<T>>(() => ({
    request: null,
    status: "loading",
    data: keep?.read() ?? null,
    error: null,
  }));
  // The latest `load` and `keep` without making them dependencies: callers pass inline closures.
  const loadRef = useRef(load);
  const keepRef = useRef(keep);
  // Declared before the loading effect, so it runs first in the same commit.
  useEffect(() => {
    loadRef.current = load;
    keepRef.current = keep;
  });

  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => {
        if (!live) return;
        setSettled({ request, status: "ready", data, error: null });
        keepLater(keepRef.current, data);
      },
      (error: unknown) => {
        if (live) setSettled((current) => ({ request, status: "failed", data: current.data, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [request]);

  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);
  const replace = useCallback(
    (data: T) => {
      setSettled({ request, status: "ready", data, error: null });
      keepLater(keepRef.current, data);
    },
    [request],
  );
  const state: Remote<T> =
    settled.request === request ? settled : { status: "loading", data: settled.data, error: null };
  return { ...state, reload, replace };
}
