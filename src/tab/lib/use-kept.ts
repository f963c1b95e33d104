// The keep (kept-data.ts) of one view for the signed-in person on the configured site, for useRemote.
import { useMemo } from "react";
import { useSiteUrl } from "./data.tsx";
import { browserStorage, keepFor, type Keep, type KeptShape } from "./kept-data.ts";
import { useTeamsContext } from "./use-teams-context.tsx";

/** View `name`'s kept data for the person Teams has signed in (Entra object id, else UPN); null outside Teams. */
export function useKept<T>(name: string, shape: KeptShape<T>): Keep<T> | null {
  const context = useTeamsContext();
  const person = context.userObjectId ?? context.upn;
  const site = useSiteUrl();
  return useMemo(
    () => keepFor({ storage: browserStorage(), person, site }, name, shape),
    [person, site, name, shape],
  );
}
