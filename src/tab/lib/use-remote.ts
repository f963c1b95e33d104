// Loading something remote into a component: loading, loaded or failed, with a reload that keeps the last
// data on screen while it runs (so the layout does not jump), and no update after the component has gone.
import { useCallback, useEffect, useRef, useState } from "react";

export type Remote<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ready"; data: T; error: null }
  | { status: "failed"; data: T | null; error: unknown };

// What was last settled, and for which request ("key#generation"); a different request means loading.
type Settled<T> = { request: string | null } & Remote<T>;

/**
 * Run `load` when `key` changes (and on `reload()`); `key` names what is loaded, e.g. "action:12".
 * `replace` lets a caller put a newer value in place without a request (after a save returned it).
 */
export function useRemote<T>(
  key: string,
  load: () => Promise<T>,
): Remote<T> & { reload: () => void; replace: (data: T) => void } {
  const [generation, setGeneration] = useState(0);
  const request = `${key}#${String(generation)}`;
  const [settled, setSettled] = useState<Settled<T>>({
    request: null,
    status: "loading",
    data: null,
    error: null,
  });
  // The latest `load` without making it a dependency: callers pass inline closures.
  const loadRef = useRef(load);
  // Declared before the loading effect, so it runs first in the same commit.
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => {
        if (live) setSettled({ request, status: "ready", data, error: null });
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
    },
    [request],
  );
  const state: Remote<T> =
    settled.request === request ? settled : { status: "loading", data: settled.data, error: null };
  return { ...state, reload, replace };
}
